"""The events stage's knowledge, loaded once from ``lexicons/``: trigger rows
(events.tsv), word classes (event_words.tsv), intensities (event_intensity.tsv) and the
PLOVER coding table (event_coding.tsv). Each file's header says what its columns mean."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph.lexicons import rows


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of lexicons/events.tsv."""

    type: str
    mode: str | None
    needs: str
    extra: str | None  # the second word of a two-word pattern (particle, object, modifier)


# --------------------------------------------------------------------------- lexicons


@cache
def triggers() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(lemma, verb|noun) -> its rows, two-word patterns first."""
    table: dict[tuple[str, str], list[Trigger]] = {}
    for pattern, pos, kind, mode, needs in rows("events.tsv"):
        lemma, _, extra = pattern.partition(" ")
        if pos == "noun" and extra:  # "hunger strike": the head noun with its modifier
            lemma, extra = extra, lemma
        row = Trigger(kind, None if mode == "-" else mode, needs, extra or None)
        table.setdefault((lemma, pos), []).append(row)
    return {k: tuple(sorted(v, key=lambda t: t.extra is None)) for k, v in table.items()}


@cache
def intensities() -> dict[tuple[str, str], float]:
    return {(kind, mode): float(score) for kind, mode, score in rows("event_intensity.tsv")}


@cache
def codings() -> dict[tuple[str, str, str], tuple[str, str | None]]:
    """(status, type, mode or *) -> (coded type, coded mode) from lexicons/event_coding.tsv."""
    out: dict[tuple[str, str, str], tuple[str, str | None]] = {}
    for status, kind, mode, coded, coded_mode in rows("event_coding.tsv"):
        out[(status, kind, mode)] = (coded, None if coded_mode == "-" else coded_mode)
    return out


@cache
def words(role: str) -> frozenset[str]:
    """The words of one role in lexicons/event_words.tsv."""
    return frozenset(w for w, r in rows("event_words.tsv") if r == role)


def intensity(kind: str, mode: str | None) -> float:
    table = intensities()
    return table.get((kind, mode or "-"), table.get((kind, "-"), 0.0))
