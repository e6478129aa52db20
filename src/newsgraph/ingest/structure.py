"""Paragraph structure of a cleaned text: the headline line and a restated standfirst (lede)."""

from __future__ import annotations

import itertools
import re
from functools import cache
from importlib import resources

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
    """The headline: the first line when it reads as one and article text follows it.

    The line may be a paragraph of its own or the first line of a "headline; subhead" block.
    """
    if not paras:
        return None
    first = paras[0]
    block = text[first.start : first.end]
    newline = block.find("\n")
    if newline < 0:
        line = block
        if len(paras) < 2:
            return None
    else:
        line = block[:newline].rstrip()
        if not _opens_block(line, block[newline + 1 :].lstrip()):
            return None
    if not is_headline(line):
        return None
    return Range(first.start, first.start + len(line.rstrip().rstrip(";").rstrip()))


def _opens_block(line: str, rest: str) -> bool:
    """A first line that heads the lines under it (not the first line of wrapped prose)."""
    rest = rest.lstrip(_OPENERS)
    return bool(rest) and rest[0].isupper() and (
        line.rstrip()[-1:] in ".;!?" or _title_case(_WORD.findall(line)))


def is_headline(line: str) -> bool:
    """Headline style: short, one sentence, and either Title Case, unpunctuated, or free of
    the auxiliaries that running prose uses (see ``lexicons/headline.tsv``)."""
    line = line.strip().rstrip(";").rstrip()
    words = _WORD.findall(line)
    if not 2 <= len(words) <= MAX_HEADLINE_WORDS or not line:
        return False
    if line.isupper() and len(words) < 3:
        return False
    lowered = {w.lower() for w in words}
    if line[-1] in ":," or _sentence_breaks(line) or lowered & _cues("caption"):
        return False
    closed = line.rstrip(_CLOSERS)[-1:] in ".!?"
    prose_words = lowered & _cues("sentence")
    if not closed or (_title_case(words) and not set(words) & prose_words):
        return True  # a lower-case "is" or "has" is not Title Case
    return len(words) <= MAX_SENTENCE_HEADLINE_WORDS and not prose_words


MAX_HEADLINE_WORDS = 25
MAX_SENTENCE_HEADLINE_WORDS = 16  # a sentence-case headline with a full stop is short
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
_BREAK = re.compile(r"(\S+?)[.!?][\"'”’)\]]*\s+[\"“‘(]?[A-Z]")


def _sentence_breaks(line: str) -> bool:
    """A full stop that ends a sentence inside the line (not "U.S.", "J." or "Sen.")."""
    for m in _BREAK.finditer(line):
        word = m.group(1).lstrip("\"'“‘(")
        if len(word) > 1 and "." not in word and word.lower() not in _cues("abbrev"):
            return True
    return False


def _title_case(words: list[str]) -> bool:
    """Most longer words capitalised ("Clinton Breaks With Obama On 9/11 Lawsuit Bill")."""
    long = [w for w in words[1:] if len(w) >= 4 and w[0].isalpha()]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) >= 0.75 * len(long)


@cache
def _cues(kind: str) -> frozenset[str]:
    raw = resources.files("newsgraph.lexicons").joinpath("headline.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in raw.splitlines() if line and not line.startswith("#"))
    return frozenset(word.strip().lower() for k, word in rows if k == kind)


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
