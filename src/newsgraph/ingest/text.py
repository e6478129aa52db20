"""Plain-text cleaning: drop boilerplate lines whole, keep every other character, map offsets.

The cleaned text is the input with whole lines removed (and outer whitespace trimmed), so
``segments`` — ``(text_start, input_start, length)`` triples — map every offset of the cleaned
text back to the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsgraph.model import Removed

# A transcript speaker label ("Kamala Harris:") is never boilerplate.
_SPEAKER_LABEL = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}:$")
_BYLINE = re.compile(r"^By\s+([A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|von|bin))*)"
                     r"(?:\s*[,|–—-]\s*.{0,60})?$")


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    segments: tuple[tuple[int, int, int], ...]
    removed: tuple[Removed, ...]
    author: str | None = None


@cache
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    raw = resources.files("newsgraph.lexicons").joinpath("boilerplate.tsv").read_text("utf-8")
    rules = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        reason, pattern = line.split("\t", 1)
        rules.append((reason, re.compile(rf"(?:{pattern})", re.IGNORECASE)))
    return tuple(rules)


def boilerplate_reason(line: str) -> str | None:
    """Why this line is boilerplate, or None when it is article text."""
    s = line.strip().strip("|•·»›").strip()
    if not s:
        return None
    if _SPEAKER_LABEL.match(s) and s.lower().rstrip(":") not in {"comments", "advertisement"}:
        return None
    if len(s) > 300:
        return None
    for reason, rx in _rules():
        if rx.fullmatch(s):
            return reason
    return None


def clean_text(raw: str) -> Cleaned:
    """Remove boilerplate lines from ``raw``; return the text, its offset map and what went."""
    kept: list[tuple[int, str]] = []  # (input_start, line including its newline)
    removed: list[Removed] = []
    author = None
    pos = 0
    lines_seen = 0  # non-empty article lines kept so far; bylines sit in the first few
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        reason = boilerplate_reason(body)
        if reason is None and lines_seen < 3 and author is None and body.strip():
            m = _BYLINE.match(body.strip())
            if m:
                reason, author = "byline", m.group(1)
        if reason:
            removed.append(Removed(text=body.strip(), reason=reason))
        else:
            kept.append((pos, line))
            lines_seen += bool(body.strip())
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
    lead = len(text) - len(text.lstrip())
    text_trim = text.strip()
    segments = _trim_segments(pieces, lead, len(text_trim))
    return Cleaned(text_trim, segments, tuple(removed), author)


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
    """Map an offset of the cleaned text back to the input (None when out of range)."""
    for tstart, istart, n in segments:
        if tstart <= offset < tstart + n:
            return istart + offset - tstart
    return None
