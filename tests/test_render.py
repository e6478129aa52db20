"""The terminal view: actors with their facts and names, events as one line each."""

from __future__ import annotations

import io

from rich.console import Console

from newsgraph.model import Digest
from newsgraph.render import render


def _view(d: Digest) -> list[str]:
    out = io.StringIO()
    render(d, Console(file=out, width=200, color_system=None))
    return [line.strip("│").strip() for line in out.getvalue().splitlines()]


def test_actor_line_carries_type_role_country_sector(example_digest: Digest) -> None:
    lines = _view(example_digest)
    for e in example_digest.entities:
        line = next((x for x in lines if x.startswith(e.id + " ")), None)
        if line is None:  # only the 25 most salient are listed
            continue
        assert e.name in line
        for fact in (e.type, e.role, e.country, e.sector):
            if fact:
                assert fact in line, (fact, line)


def test_every_other_name_of_an_actor_is_listed_under_it(seed_digest: Digest) -> None:
    lines = _view(seed_digest)
    person = max((e for e in seed_digest.entities if e.type == "PERSON"),
                 key=lambda e: len({m.text for m in e.mentions}))
    at = next(i for i, x in enumerate(lines) if x.startswith(person.id + " "))
    also = lines[at + 1]
    assert also.startswith("also: ")
    listed = {t.strip().casefold() for t in also.removeprefix("also: ").split(",")}
    wanted = {m.text.casefold() for m in person.mentions} - {person.name.casefold()}
    assert wanted and wanted <= listed


def test_events_read_source_type_target_status_date(seed_digest: Digest) -> None:
    lines = _view(seed_digest)
    names = {e.id: e.name for e in seed_digest.entities}
    ev = next(e for e in seed_digest.events if e.source and e.target)
    mode = f"/{ev.mode}" if ev.mode else ""
    want = f"{names[ev.source]} —{ev.type}{mode}→ {names[ev.target]} ({ev.status}, {ev.date})"
    assert any(x.startswith(want) for x in lines), want


def test_quotes_stand_under_their_speaker_reported_speech_after_its_verb(
        seed_digest: Digest) -> None:
    lines = _view(seed_digest)
    names = {e.id: e.name for e in seed_digest.entities}
    direct = next(q for q in seed_digest.quotes if q.kind == "direct" and q.speaker)
    reported = next(q for q in seed_digest.quotes
                    if q.kind != "direct" and q.speaker and q.cue and "\n" not in q.text)
    for q, want in ((direct, f"“{direct.text.splitlines()[0]}"),
                    (reported, f"{reported.cue.text} {reported.text}")):
        at = next(i for i, x in enumerate(lines) if x.strip().startswith(want))
        heads = [x.strip() for x in lines[:at] if x.strip() in set(names.values())]
        assert heads and heads[-1] == names[q.speaker], (want, heads[-1:])


def test_reported_speech_reads_from_its_verb_with_the_words_between() -> None:
    from newsgraph.pipeline import digest
    d = digest("Trade Minister Jonas Keel met Tomas Rieder on Monday.\n\nAsked about the "
               "talks, Keel was brief. Rieder said that the deal would hold.")
    asked = next(q for q in d.quotes if q.cue and q.cue.text == "Asked")
    assert asked.speaker is None  # Keel was asked; who asked is not named
    lines = _view(d)
    assert any(x.strip() == "Asked about the talks" for x in lines)
    assert any(x.strip() == "said that the deal would hold" for x in lines)


def test_an_event_between_no_actors_is_kept_but_not_shown() -> None:
    from dataclasses import replace

    from newsgraph.model import Event, Range, Span
    from newsgraph.pipeline import digest

    d = digest("Senator Jane Walsh praised Acme Corp on Monday. She was attacked by critics.")
    at = d.text.index("attacked")
    nobody = Event("ASSAULT", None, None, None, "occurred", Span("attacked", at, at + 8),
                   Range(0, len(d.text)))
    d = replace(d, events=(*d.events, nobody))
    lines = _view(d)
    events = lines[lines.index("Events") + 1:]
    assert not any(x.startswith("— —") for x in events)
    assert any(x.startswith("Jane Walsh —SUPPORT→ Acme Corp") for x in events)
