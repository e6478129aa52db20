"""Hand-made digests for corpus tests: grounded offsets, real ids, no parsing."""

from __future__ import annotations

from newsgraph.model import (
    Digest,
    Entity,
    Event,
    Mention,
    Quote,
    Range,
    Span,
    SummarySentence,
    text_id,
)


def mention(text: str, surface: str, kind: str = "name", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(surface, start, start + len(surface), kind)


def entity(text: str, eid: str, name: str, etype: str = "PERSON", *, country: str | None = None,
           role: str | None = None, aliases: tuple[str, ...] = ()) -> Entity:
    mentions = (mention(text, name), *(mention(text, a) for a in aliases))
    return Entity(eid, name, etype, country=country, role=role, salience=0.5, mentions=mentions)


def quote(text: str, surface: str, speaker: str | None) -> Quote:
    m = mention(text, surface)
    return Quote(surface, m.start, m.end, "direct", speaker=speaker)


def event(text: str, trigger: str, etype: str, source: str | None, target: str | None,
          *, intensity: float = 0.0, date: str | None = None) -> Event:
    m = mention(text, trigger)
    return Event(etype, None, source, target, "occurred", Span(trigger, m.start, m.end),
                 Range(0, len(text)), date=date, intensity=intensity)


def make_digest(text: str, *, title: str | None = None, url: str | None = None,
                published: str | None = "2026-03-01", entities: tuple[Entity, ...] = (),
                quotes: tuple[Quote, ...] = (), events: tuple[Event, ...] = (),
                source: str | None = None) -> Digest:
    first = text.split(". ")[0].rstrip(".") + "."
    summary = (SummarySentence(first, 0, len(first), 1.0),) if text.startswith(first) else ()
    return Digest(id=text_id(text), source=source, title=title, url=url, published=published,
                  language="en", text=text, summary=summary, entities=entities, quotes=quotes,
                  events=events)


VOCAB = ("harbour council budget river rail school court museum bridge farm election "
              "hospital airport factory festival market tunnel forest station library stadium "
              "vaccine drought orchestra satellite mine bakery ferry glacier parliament")


def filler(seed: int, words: int = 120) -> str:
    """Distinct article-like text: a topic word list cycled with a seed-dependent stride."""
    vocab = VOCAB.split()
    out = [vocab[(seed * 7 + i * (seed % 5 + 1)) % len(vocab)] + str((seed * 31 + i) % 97)
           for i in range(words)]
    return "Report " + str(seed) + ": " + " ".join(out) + "."
