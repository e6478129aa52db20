"""The digest data model: frozen dataclasses with a stable JSON form (schema newsgraph.digest/1).

Every extracted item carries ``start``/``end`` character offsets into ``Digest.text`` and
``text[start:end]`` equals its surface string (see ``Digest.check_grounding``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA = "newsgraph.digest/1"

MENTION_KINDS = ("name", "title", "pronoun", "other")
QUOTE_KINDS = ("direct", "indirect")
EVENT_STATUSES = ("occurred", "planned", "negated", "hypothetical")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of ``Digest.text``: ``text == digest.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Range:
    """Offsets without a copy of the text (used where the text would be long, e.g. sentences)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A line dropped from the input during cleaning, with why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int
    kind: str = "name"  # one of MENTION_KINDS


@dataclass(frozen=True, slots=True)
class Entity:
    id: str  # "E1", "E2", ... in order of first mention
    name: str
    type: str  # PERSON, ORG, GPE, LOC, NORP, GROUP, ...
    country: str | None = None  # ISO-3166 alpha-3
    role: str | None = None
    sector: str | None = None  # CAMEO-style sector code
    salience: float = 0.0
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: str  # one of QUOTE_KINDS
    speaker: str | None = None  # entity id
    cue: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    type: str  # PLOVER category, upper case
    mode: str | None
    source: str | None  # entity id
    target: str | None  # entity id
    status: str  # one of EVENT_STATUSES
    trigger: Span
    sentence: Range
    date: str | None = None  # ISO-8601 (YYYY, YYYY-MM or YYYY-MM-DD)
    intensity: float = 0.0


@dataclass(frozen=True, slots=True)
class Digest:
    id: str
    source: str | None
    title: str | None
    url: str | None
    published: str | None
    language: str | None
    text: str
    segments: tuple[tuple[int, int, int], ...] = ()
    lede: Range | None = None
    removed: tuple[Removed, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    author: str | None = None
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (snake_case keys, schema ``newsgraph.digest/1``)."""
        out = {"schema": self.schema}
        for f in fields(self):
            if f.name != "schema":
                out[f.name] = _plain(getattr(self, f.name))
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Digest:
        """Inverse of ``to_dict`` (used to store digests made elsewhere without re-parsing)."""
        lede = data.get("lede")
        return cls(
            id=data["id"],
            source=data.get("source"),
            title=data.get("title"),
            url=data.get("url"),
            published=data.get("published"),
            language=data.get("language"),
            text=data["text"],
            segments=tuple(tuple(s) for s in data.get("segments", ())),
            lede=Range(**lede) if lede else None,
            removed=tuple(Removed(**r) for r in data.get("removed", ())),
            summary=tuple(SummarySentence(**s) for s in data.get("summary", ())),
            entities=tuple(
                Entity(e["id"], e["name"], e["type"], e.get("country"), e.get("role"),
                       e.get("sector"), e.get("salience", 0.0),
                       tuple([Mention(m["text"], m["start"], m["end"], m.get("kind", "name"))
                              for m in e.get("mentions", ())]))
                for e in data.get("entities", ())
            ),
            quotes=tuple(
                Quote(
                    **{k: v for k, v in q.items() if k != "cue"},
                    cue=Span(**q["cue"]) if q.get("cue") else None,
                )
                for q in data.get("quotes", ())
            ),
            events=tuple(
                Event(
                    **{k: v for k, v in e.items() if k not in ("trigger", "sentence")},
                    trigger=Span(**e["trigger"]),
                    sentence=Range(**e["sentence"]),
                )
                for e in data.get("events", ())
            ),
            author=data.get("author"),
            schema=data.get("schema", SCHEMA),
        )

    def grounding_errors(self) -> list[str]:
        """Every item whose offsets do not reproduce its surface text (empty when grounded)."""
        text, bad = self.text, []

        def check(what: str, surface: str, start: int, end: int) -> None:
            if not (0 <= start <= end <= len(text)) or text[start:end] != surface:
                bad.append(f"{what} {surface!r} at {start}:{end} reads {text[start:end]!r}")

        for s in self.summary:
            check("summary", s.text, s.start, s.end)
        for e in self.entities:
            for m in e.mentions:
                check(f"mention of {e.id}", m.text, m.start, m.end)
        for q in self.quotes:
            check("quote", q.text, q.start, q.end)
            if q.cue:
                check("quote cue", q.cue.text, q.cue.start, q.cue.end)
        for ev in self.events:
            check("event trigger", ev.trigger.text, ev.trigger.start, ev.trigger.end)
            if not (ev.sentence.start <= ev.trigger.start and ev.trigger.end <= ev.sentence.end):
                bad.append(f"event trigger {ev.trigger.text!r} outside its sentence")
        for r in [self.lede] if self.lede else []:
            if not (0 <= r.start < r.end <= len(text)):
                bad.append(f"lede {r.start}:{r.end} out of range")
        return bad


def text_id(text: str) -> str:
    """The digest id: SHA-256 of the cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Article:
    """What ingest hands the pipeline: cleaned text plus metadata and provenance."""

    text: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) used as the reference date
    author: str | None = None
    segments: tuple[tuple[int, int, int], ...] = ()
    removed: tuple[Removed, ...] = ()
    lede: Range | None = None
    title_span: Range | None = None  # where the title sits inside ``text``, if it does
