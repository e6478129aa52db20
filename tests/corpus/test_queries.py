"""The read side on hand-made digests: actor profiles, the graph, search, stories, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsgraph.corpus import Corpus
from newsgraph.corpus.graph import to_csv, to_graphml
from newsgraph.corpus.search import fts_query

from .helpers import entity, event, make_digest, quote


def _article(text: str, day: str, *, rieder_role: str = "prime minister",
             events: tuple = (), url: str | None = None) -> object:
    ents = (entity(text, "E1", "Tomas Rieder", country="NLD", role=rieder_role),
            entity(text, "E2", "Jonas Keel", country="EST", role="trade minister"))
    made = tuple(event(text, trig, kind, src, tgt, intensity=val, date=day)
                 for trig, kind, src, tgt, val in events)
    return make_digest(text, published=day, entities=ents, url=url,
                       quotes=(quote(text, text.split('"')[1], "E1"),) if '"' in text else (),
                       events=made)


@pytest.fixture()
def corpus(tmp_path: Path) -> Corpus:
    c = Corpus(tmp_path / "c.sqlite")
    c.add([
        _article('Tomas Rieder met Jonas Keel in Valdora. "We will sign soon," Tomas Rieder '
                 "said after Jonas Keel praised the port deal.", "2026-03-02",
                 events=(("met", "CONSULT", "E1", "E2", 1.0),
                         ("praised", "SUPPORT", "E2", "E1", 3.0))),
        _article("Jonas Keel accused Tomas Rieder of failing the region's factories, and "
                 "Tomas Rieder rejected the charge on Friday.", "2026-03-06",
                 events=(("accused", "ACCUSE", "E2", "E1", -4.0),
                         ("rejected", "REJECT", "E1", "E2", -2.0))),
        _article("Tomas Rieder, now a former prime minister, signed a book deal while Jonas Keel "
                 "met the factory owners.", "2026-05-20", rieder_role="former prime minister",
                 events=(("met", "CONSULT", "E2", "E1", 1.0),)),
    ])
    yield c
    c.close()


def test_actor_profile(corpus: Corpus) -> None:
    p = corpus.actor("TOMAS RIEDER")
    assert p is not None and p.name == "Tomas Rieder" and p.articles == 3
    assert [(s.value, s.first, s.last) for s in p.roles] == [
        ("prime minister", "2026-03-02", "2026-03-06"),
        ("former prime minister", "2026-05-20", "2026-05-20")]
    assert [s.value for s in p.countries] == ["NLD"]
    assert [q["text"] for q in p.quotes] == ["We will sign soon,"]
    assert p.event_counts == {"source CONSULT": 1, "source REJECT": 1, "target SUPPORT": 1,
                              "target ACCUSE": 1, "target CONSULT": 1}
    assert p.timeline == [("2026-03-02", 1), ("2026-03-06", 1), ("2026-05-20", 1)]
    assert corpus.actor("Nobody Atall") is None


def test_graph_counts_types_and_intensity(corpus: Corpus) -> None:
    g = corpus.graph()
    edges = {(g.nodes[e.source]["name"], g.nodes[e.target]["name"]): e for e in g.edges}
    keel_to_rieder = edges[("Jonas Keel", "Tomas Rieder")]
    assert keel_to_rieder.events == 3
    assert keel_to_rieder.types == {"SUPPORT": 1, "ACCUSE": 1, "CONSULT": 1}
    assert keel_to_rieder.cooperation == 4.0 and keel_to_rieder.conflict == -4.0
    rieder_to_keel = edges[("Tomas Rieder", "Jonas Keel")]
    assert rieder_to_keel.intensity == -1.0
    assert len(corpus.graph(min_events=3).edges) == 1
    march = corpus.graph(since="2026-03-01", until="2026-03-31")
    assert sum(e.events for e in march.edges) == 4
    assert corpus.graph(actor="Nobody Atall").edges == []
    rows = list(csv.reader(io.StringIO(to_csv(g))))
    assert rows[1][1] in {"Jonas Keel", "Tomas Rieder"} and len(rows) == 3
    assert to_graphml(g).count("<edge ") == 2


def test_graph_leaves_the_garbage_collector_as_it_found_it(corpus: Corpus) -> None:
    import gc

    assert gc.isenabled()
    corpus.graph()
    assert gc.isenabled()  # paused while it builds, back on after
    gc.disable()
    try:
        corpus.graph()
        assert not gc.isenabled()  # a caller's own setting is kept
    finally:
        gc.enable()


def test_search_ranks_and_highlights(corpus: Corpus) -> None:
    hits = corpus.search("factories")
    assert [h.kind for h in hits] == ["article"]
    assert "\x02factories\x03" in hits[0].snippet
    assert hits[0].highlighted("<", ">").count("<factories>") == 1
    quotes = [h for h in corpus.search("sign soon") if h.kind == "quote"]
    assert quotes and quotes[0].speaker == "Tomas Rieder"
    assert corpus.search('") OR (') == []  # FTS syntax in user text is harmless


def test_fts_query_quotes_words_and_phrases() -> None:
    assert fts_query('port "nine-day strike" AND') == '"port" "nine-day strike" "AND"'
    assert fts_query("***") == ""


def test_stories_since_and_export(corpus: Corpus, tmp_path: Path) -> None:
    assert all(s.last >= "2026-05-01" for s in corpus.stories(since="2026-05-01"))
    assert sum(s.size for s in corpus.stories()) == 3
    out = io.StringIO()
    assert corpus.export("events", "jsonl", out) == 5
    assert {json.loads(line)["type"] for line in out.getvalue().splitlines()} == {
        "CONSULT", "SUPPORT", "ACCUSE", "REJECT"}
    with pytest.raises(ValueError, match="unknown table"):
        corpus.export("secrets", "csv", io.StringIO())


def _row_versions() -> tuple[object, object, object]:
    """An article, a reprint of it (a near-duplicate) and a corrected version at its URL."""
    body = ("Jonas Keel accused Tomas Rieder of failing the region's factories on Friday, and the "
            "row over the port deal went on through the weekend in Valdora. " * 3)
    url = "https://news.example/row"
    accused = (("accused", "ACCUSE", "E2", "E1", -4.0),)
    return (_article(body, "2026-03-06", url=url, events=accused),
            _article(body + " Reprinted.", "2026-03-07", events=accused),
            _article(body.replace("Friday", "Thursday") + " Corrected.", "2026-03-08", url=url,
                     events=accused))


def test_graph_and_profile_leave_out_reprints_and_superseded_versions(tmp_path: Path) -> None:
    first, reprint, update = _row_versions()
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add([first, reprint])
        assert c.stats()["near_duplicates"] == 1
        assert [e.events for e in c.graph().edges] == [1]
        assert c.add([update]).outcomes == {"new version": 1}
        assert [e.events for e in c.graph(since="2026-03-01").edges] == [1]
        profile = c.actor("Jonas Keel")
        assert profile is not None and profile.event_counts == {"source ACCUSE": 1}
        assert [e["date"] for e in profile.events] == ["2026-03-08"]


def test_a_new_version_in_the_same_batch_uncounts_its_earlier_rows(tmp_path: Path) -> None:
    """Mention and event rows wait in memory until the batch is flushed; a new version of an
    article stored earlier in the same batch must still mark them as not counted."""
    first, reprint, update = _row_versions()
    tables = ("SELECT article_id, actor_id, counted FROM mentions ORDER BY id",
              "SELECT id, article_id, counted, date FROM events ORDER BY id",
              "SELECT id, duplicate_of, counted, version FROM articles ORDER BY id",
              "SELECT key, article_id FROM lsh ORDER BY key, article_id")
    with Corpus(tmp_path / "one.sqlite") as one, Corpus(tmp_path / "apart.sqlite") as apart:
        assert one.add([first, reprint, update]).outcomes == {"added": 1, "near-duplicate": 1,
                                                              "new version": 1}
        for d in (first, reprint, update):
            apart.add([d])
        for sql in tables:
            assert one.conn.execute(sql).fetchall() == apart.conn.execute(sql).fetchall()
        assert [e.events for e in one.graph(since="2026-03-01").edges] == [1]


def test_profile_view_marks_direct_and_reported_speech() -> None:
    from rich.console import Console

    from newsgraph.corpus.profile import ActorProfile, Spell
    from newsgraph.corpus.render import print_profile

    p = ActorProfile(id=1, name="Tomas Rieder", type="PERSON", country=None, articles=2,
                     names=[("Tomas Rieder", 2)], roles=[Spell("mayor", None, None, 2)])
    p.quotes = [{"text": "We will sign soon,", "kind": "direct", "published": "2026-03-02"},
                {"text": "the port would reopen", "kind": "indirect", "published": None},
                {"text": "the criticism", "kind": "indirect", "published": None,
                 "cue": "rejected"},
                {"text": "the strike cost millions", "kind": "indirect", "published": None,
                 "cue": "According to"}]
    out = io.StringIO()
    print_profile(p, Console(file=out, width=200, color_system=None))
    view = out.getvalue()
    assert "2026-03-02  “We will sign soon,”" in view
    assert "?  (reported) the port would reopen" in view and "“the port" not in view
    assert "mayor (undated, 2)" in view
    assert "?  (reported) rejected the criticism" in view
    assert "?  (reported) the strike cost millions" in view  # not "According to the strike"


def test_a_reported_statement_is_stored_with_its_cue_and_shown_after_it(tmp_path: Path) -> None:
    from newsgraph.model import Quote, Span

    text = "Tomas Rieder rejected the criticism on Friday."
    cue_at, said_at = text.index("rejected"), text.index("the criticism")
    reported = Quote("the criticism", said_at, said_at + 13, "indirect", speaker="E1",
                     cue=Span("rejected", cue_at, cue_at + 8))
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add([make_digest(text, published="2026-03-06",
                           entities=(entity(text, "E1", "Tomas Rieder"),), quotes=(reported,))])
        p = c.actor("Tomas Rieder")
        assert p is not None and [(q["cue"], q["text"]) for q in p.quotes] == [
            ("rejected", "the criticism")]
