"""Plain-text cleaning: drop boilerplate lines whole, keep every other character, map offsets.

The cleaned text is the input with whole lines removed (and outer whitespace trimmed), so
``segments`` — ``(text_start, input_start, length)`` triples — map every offset of the cleaned
text back to the input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsgraph.model import Removed

# Reason whose rules apply only to the first lines of an article (a byline sits at the top).
BYLINE = "byline"
HEAD_LINES = 3  # non-empty article lines before the body proper
MAX_LINE = 300  # longer lines are article text, never boilerplate
_EDGE = "\ufeff\u200b\u200c\u200d\u2060"  # invisible characters trimmed with outer whitespace
_STRIP = "|•·»›*#[]" + _EDGE
_MACRO = re.compile(r"%(\w+)%")


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    segments: tuple[tuple[int, int, int], ...]
    removed: tuple[Removed, ...]
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]


@cache
def _rules() -> tuple[Rule, ...]:
    raw = resources.files("newsgraph.lexicons").joinpath("boilerplate.tsv").read_text("utf-8")
    macros: dict[str, str] = {}
    rules = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        reason, pattern = line.split("\t", 1)
        pattern = _MACRO.sub(lambda m: f"(?:{macros[m.group(1)]})", pattern)
        if reason.startswith("="):
            macros[reason[1:]] = pattern
        else:
            rules.append(Rule(reason, re.compile(rf"(?:{pattern})", re.IGNORECASE)))
    return tuple(rules)


def _core(line: str) -> str:
    """The line without outer whitespace (any Unicode space) or bullet characters."""
    return line.strip().strip(_STRIP).strip()


def boilerplate_match(line: str, head: bool = False) -> tuple[str, str | None] | None:
    """``(reason, author)`` when the whole line is boilerplate, else None. Byline rules are
    tried only when ``head`` is true (the line is among the article's first lines)."""
    s = _core(line)
    if not s or len(s) > MAX_LINE:
        return None
    for rule in _rules():
        if rule.reason == BYLINE and not head:
            continue
        m = rule.pattern.fullmatch(s)
        if m:
            author = m.groupdict().get("author")
            return rule.reason, author.strip() if author else None
    return None


def boilerplate_reason(line: str, head: bool = False) -> str | None:
    """Why this line is boilerplate, or None when it is article text."""
    found = boilerplate_match(line, head)
    return found[0] if found else None


def clean_text(raw: str) -> Cleaned:
    """Remove boilerplate lines from ``raw``; return the text, its offset map and what went."""
    kept: list[tuple[int, str]] = []  # (input_start, line including its newline)
    removed: list[Removed] = []
    author = None
    pos = 0
    lines_seen = 0  # non-empty article lines kept so far; bylines sit in the first few
    for line in raw.splitlines(keepends=True):
        found = boilerplate_match(line, head=lines_seen < HEAD_LINES and author is None)
        if found:
            reason, name = found
            removed.append(Removed(text=_core(line), reason=reason))
            author = author or name
        else:
            kept.append((pos, line))
            lines_seen += bool(_core(line))
        pos += len(line)
    # Join kept lines into runs of contiguous input, then trim outer whitespace.
    pieces: list[list[int]] = []  # [text_start, input_start, length]
    out: list[str] = []
    tpos = 0
    for ipos, line in kept:
        if pieces and pieces[-1][1] + pieces[-1][2] == ipos:
            pieces[-1][2] += len(line)
        else:
            pieces.append([tpos, ipos, len(line)])
        out.append(line)
        tpos += len(line)
    text = "".join(out)
    lead, length = _outer_trim(text)
    text_trim = text[lead : lead + length]
    segments = _trim_segments(pieces, lead, len(text_trim))
    return Cleaned(text_trim, segments, tuple(removed), author)


def _is_blank(ch: str) -> bool:
    return ch.isspace() or ch in _EDGE


def _outer_trim(text: str) -> tuple[int, int]:
    """(leading characters to drop, length kept): outer whitespace and invisible characters."""
    start, end = 0, len(text)
    while start < end and _is_blank(text[start]):
        start += 1
    while end > start and _is_blank(text[end - 1]):
        end -= 1
    return start, end - start


def _trim_segments(
    pieces: list[list[int]], lead: int, length: int
) -> tuple[tuple[int, int, int], ...]:
    out = []
    for tstart, istart, n in pieces:
        s, e = max(tstart, lead), min(tstart + n, lead + length)
        if s < e:
            out.append((s - lead, istart + (s - tstart), e - s))
    return tuple(out)


def to_input_offset(segments: tuple[tuple[int, int, int], ...], offset: int) -> int | None:
    """Map an offset of the cleaned text back to the input (None when out of range).
    Segments are sorted by text offset, so this is a binary search."""
    i = bisect_right(segments, offset, key=lambda seg: seg[0]) - 1
    if i < 0:
        return None
    tstart, istart, n = segments[i]
    return istart + offset - tstart if offset < tstart + n else None
