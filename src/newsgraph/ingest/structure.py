"""Paragraph structure of a cleaned text: the headline line and a restated standfirst (lede)."""

from __future__ import annotations

import itertools
import re

from newsgraph.model import Range

_WORD = re.compile(r"\w+(?:[.'’]\w+)*")
_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")  # runs of non-blank lines


def paragraphs(text: str) -> list[Range]:
    """Paragraph ranges. Single-newline texts (one paragraph a line, as scraped text usually is)
    are split per line; texts that use blank lines are split on blank lines."""
    if re.search(r"\n\s*\n", text):
        spans = [(m.start(), m.end()) for m in _PARA.finditer(text)]
    else:
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out = []
    for s, e in spans:
        chunk = text[s:e]
        s2 = s + len(chunk) - len(chunk.lstrip())
        e2 = e - (len(chunk) - len(chunk.rstrip()))
        if s2 < e2:
            out.append(Range(s2, e2))
    return out


def detect_title(text: str, paras: list[Range]) -> Range | None:
    """A first line that reads as a headline: short, no closing punctuation, more text after."""
    if len(paras) < 2:
        return None
    first = paras[0]
    line = text[first.start : first.end]
    if "\n" in line:
        return None
    words = _WORD.findall(line)
    if not 2 <= len(words) <= 25:
        return None
    closed = line.rstrip()[-1] in ".!?:;,\"”’)"
    # Headlines usually carry no closing stop; some sources add one to a short single sentence.
    if closed and (len(words) > 16 or re.search(r"[.!?][\"”’]?\s+[A-Z]", line)):
        return None
    if line.isupper() and len(words) < 3:
        return None
    return first


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return set(itertools.pairwise(words))


def detect_lede(text: str, paras: list[Range], after: int = 0) -> Range | None:
    """A standfirst: the first paragraph whose word pairs the next paragraphs largely restate.

    Ordinary first paragraphs share well under a fifth of their word pairs with the following
    three paragraphs; a standfirst that the body repeats shares far more (the seed: ~0.5).
    """
    body = [p for p in paras if p.start >= after]
    if len(body) < 3:
        return None
    first = body[0]
    lede_pairs = _bigrams(text[first.start : first.end])
    if len(lede_pairs) < 15 or len(lede_pairs) > 150:
        return None
    rest = set().union(*(_bigrams(text[p.start : p.end]) for p in body[1:4]))
    overlap = len(lede_pairs & rest) / len(lede_pairs)
    return first if overlap >= LEDE_OVERLAP else None


LEDE_OVERLAP = 0.4
