"""Story clustering: the background word rates, and grouping articles online by event."""

from __future__ import annotations

from pathlib import Path

from newsgraph.corpus import Corpus
from newsgraph.corpus.background import name_rate, rate

from .helpers import entity, make_digest


def test_background_rates_know_common_from_rare_words() -> None:
    assert rate("the") > 0.9
    assert 0.0 < rate("ferry") < rate("said") < rate("the")
    assert rate("qzxvbnwq") == 0.0  # never seen in general text: as rare as it gets
    assert rate("council's") == rate("council")
    assert 0.0 < rate("1987") < 1.0  # numbers are looked up by their shape
    assert name_rate(["john", "qzxvbnwq"]) == 0.0  # a name is as specific as its rarest word
    assert rate("the", "xx-unknown") == 0.0  # no word list: no prior


FERRY = [
    "Ferry crews in Porto Vela walked out on Monday, stopping every crossing to the islands. "
    "Union leader Idris Kovac said the ferry strike would last until wages rose.",
    "The ferry strike in Porto Vela entered its second day as Idris Kovac rejected an offer "
    "from the operator. Islanders queued for the few private boats still crossing.",
    "Porto Vela ferry workers voted to continue their strike, Idris Kovac told reporters at the "
    "harbour, while the operator warned that the island crossings could stop for weeks.",
]
BRIDGE = [
    "A road bridge collapsed in Lindmark on Tuesday after days of flooding, and mayor Greta "
    "Holmqvist closed the river crossings while engineers inspected the remaining spans.",
    "Engineers in Lindmark found that floodwater had scoured the piers of the bridge that "
    "collapsed, mayor Greta Holmqvist said, promising a temporary crossing within a month.",
    "Greta Holmqvist, the mayor of Lindmark, asked the government for money to rebuild the "
    "collapsed bridge as the flooded river kept the remaining crossings shut.",
]


def _digest(text: str, day: str, url: str):
    people = [name for name in ("Idris Kovac", "Greta Holmqvist") if name in text]
    places = [name for name in ("Porto Vela", "Lindmark") if name in text]
    entities = tuple(entity(text, f"E{i + 1}", name, etype)
                     for i, (name, etype) in enumerate([(p, "PERSON") for p in people]
                                                       + [(p, "GPE") for p in places]))
    return make_digest(text, published=day, url=url, entities=entities)


def test_articles_about_one_event_share_a_story_and_another_event_gets_its_own(
    tmp_path: Path,
) -> None:
    stream = [(text, f"2026-03-0{i + 1}", f"https://news.example/{kind}/{i}")
              for i in range(3) for kind, text in (("ferry", FERRY[i]), ("bridge", BRIDGE[i]))]
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add([_digest(*item) for item in stream])
        rows = c.conn.execute("SELECT url, story_id FROM articles ORDER BY id").fetchall()
    story = {url: sid for url, sid in rows}
    ferry = {sid for url, sid in story.items() if "/ferry/" in url}
    bridge = {sid for url, sid in story.items() if "/bridge/" in url}
    assert len(ferry) == 1 and len(bridge) == 1
    assert ferry != bridge


def test_an_event_months_later_starts_a_new_story(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add([_digest(FERRY[0], "2026-03-01", "https://news.example/a"),
               _digest(FERRY[1], "2026-03-02", "https://news.example/b"),
               _digest(FERRY[2], "2026-09-20", "https://news.example/c")])
        ids = [r[0] for r in c.conn.execute("SELECT story_id FROM articles ORDER BY id")]
    assert ids[0] == ids[1] != ids[2]


def test_document_frequencies_survive_save_and_reload(tmp_path: Path) -> None:
    from newsgraph.corpus.stories import StoryIndex

    with Corpus(tmp_path / "c.sqlite") as c:
        c.add([_digest(text, "2026-03-02", f"https://x.example/{i}")
               for i, text in enumerate(FERRY + BRIDGE)])
        index = StoryIndex(c.conn)
        df = dict(zip(index.terms, index.df[: len(index.terms)].tolist(), strict=True))
        assert index.docs == 6 and df["ferry"] == 3 and df["lindmark"] == 3
        assert "the" not in df and all(v >= 1 for v in df.values())
        assert any(t.startswith("#") for t in df)  # linked actors count as terms
        vec = index.vector("Ferry strike", FERRY[0], {})
        again = StoryIndex(c.conn)  # df as saved: before the vector above
        assert again.docs == 6 and again.vector("Ferry strike", FERRY[0], {}) == vec
        assert list(vec.values()) == sorted(vec.values(), reverse=True)
