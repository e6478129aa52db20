"""The per-document tables the quote modules share: the run being attributed
(``AttributedRun``), the token view (``DocView``: which tokens are quoted, where sentences,
lines and blank-line blocks end, the reporting-verb cues in order, the speech nouns and stance
adjectives) and trimming of punctuation at the ends of a span. Built once per document in
``stages/quotes.py`` (and once more by ``quote_speakers.speaker_heads``).

A sentence ends at ".", "!", "?" or "…" outside quotes, except a period the tokenizer split off
an abbreviation with the sentence going on ("Sen. Bernie Sanders (Vt.), who …"), and at a
closing mark after a quoted period with a capitalised word next ("… an “outlaw nation.” Russia
insisted …"); a line break ends one too.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.model import Span
from newsgraph.stages import roles
from newsgraph.stages.quote_cues import (
    BLANK_LINE,
    complement,
    is_reporting_verb,
    reporting_verbs,
    source_object,
    source_phrases,
    verb_lemma,
)
from newsgraph.stages.quote_nouns import speech_word

SENTENCE_END = frozenset(".!?…")
QUOTE_CLOSERS = "\u201d\"'\u2019\u00bb"
# (frame, class) of cues that count only where they report something ("as X put it", "sees X as
# Y"): elsewhere they are too common to attribute a quote ("see", "put")
CONTENT_ONLY = frozenset({("aside", "speech"), ("naming", "thought")})


@dataclass(slots=True)
class AttributedRun:
    """One direct quote: its parts (content ranges between marks) and, once found, its cue."""

    parts: list[tuple[int, int]]
    outer: tuple[int, int]  # from the first opening mark to the last closing mark, inclusive
    cue: Span | None = None
    speaker: str | None = None
    who: tuple[int, int] | None = None  # the text taken for the speaker (subject, label, …)
    attributed: bool = False
    tokens: tuple[int, int] = (0, 0)  # doc token range of ``outer``
    paragraph: int = 0
    kind: str = "direct"


class DocView:
    """Per-document token tables, built once: which tokens are quoted, where sentences end,
    the reporting-verb tokens in order, and the speech nouns and stance adjectives."""

    def __init__(self, doc: Doc, text: str, runs: list[AttributedRun]) -> None:
        self.doc, self.text = doc, text
        self.starts = [t.idx for t in doc]
        n = len(doc)
        self.quoted = bytearray(n)
        for r in runs:
            for s, e in r.parts:
                i = bisect_left(self.starts, s)
                while i < n and self.starts[i] < e:
                    self.quoted[i] = 1
                    i += 1
            r.tokens = (bisect_left(self.starts, r.outer[0]),
                        bisect_left(self.starts, r.outer[1]))
        # boundary[i]: tokens before i that end a sentence or a line outside quotes
        self.boundary = [0] * (n + 1)
        verbs, phrases = reporting_verbs(), source_phrases()
        self.cues: list[int] = []
        self.words: list[Token] = []  # speech nouns and stance adjectives
        for t in doc:
            stop = not self.quoted[t.i] and (
                (t.text in SENTENCE_END and not _abbreviation_period(t))
                or (t.is_space and "\n" in t.text) or _period_closes(t, self.quoted))
            self.boundary[t.i + 1] = self.boundary[t.i] + stop
            if self.quoted[t.i]:
                continue
            if t.dep_ == "acomp" and speech_word(t):  # "is convinced (that) …"
                self.words.append(t)
            elif is_reporting_verb(t, verbs) or source_object(t, phrases) is not None:
                entry = verbs.get(verb_lemma(t))
                if entry is None or (entry.frame, entry.kind) not in CONTENT_ONLY or complement(
                        t, entry) is not None:
                    self.cues.append(t.i)  # "put" only in "as X put it", "see" in "sees X as Y"
            elif speech_word(t):
                self.words.append(t)
        self.cue_set = frozenset(self.cues)
        # block[i]: blank lines before token i (a paragraph break in any layout)
        self.block = [0] * (n + 1)
        self.colon_blocks: set[int] = set()  # blocks ending with ":" (what follows is theirs)
        last = ""
        for t in doc:
            gap = t.is_space and BLANK_LINE.search(t.text) is not None
            self.block[t.i + 1] = self.block[t.i] + gap
            if gap and last == ":":
                self.colon_blocks.add(self.block[t.i])
            if not t.is_space:
                last = t.text
        self.quoted_prefix = [0] * (n + 1)
        for i in range(n):
            self.quoted_prefix[i + 1] = self.quoted_prefix[i] + self.quoted[i]

    def clip_to_block(self, cue: int, a: int, b: int) -> tuple[int, int]:
        """Tokens [a, b) cut to the blank-line-delimited block of token ``cue`` (and the next one
        when the cue's ends with a colon): a parse that runs over a paragraph break does not
        carry the content with it."""
        home = self.block[cue + 1]
        last = home + 1 if home in self.colon_blocks else home  # "X said:" + the next block
        while a < b and not home <= self.block[a + 1] <= last:
            a += 1
        while b > a and not home <= self.block[b] <= last:
            b -= 1
        return a, b

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def open_between(self, a: int, b: int) -> bool:
        """No sentence or line boundary among tokens [a, b)."""
        return a >= b or self.boundary[b] == self.boundary[a]


def _abbreviation_period(t: Token) -> bool:
    """A period the tokenizer split off an abbreviation, with the sentence going on after it:
    "Sen. Bernie Sanders (Vt.), who …" (a closing bracket, a comma or a lower-case word next),
    "retired Army Lt. Gen. Mick Bednarek" (a person's title, a capitalised word next)."""
    if t.text != "." or t.i == 0 or t.i + 1 >= len(t.doc) or t.doc[t.i - 1].whitespace_:
        return False
    nxt = t.doc[t.i + 1]
    if t.doc[t.i - 1].lower_ in roles.PERSON_TITLES and nxt.text[:1].isupper():
        return True
    return not t.whitespace_ and (nxt.text in (")", ",") or nxt.text[:1].islower())


def _period_closes(t: Token, quoted: bytearray) -> bool:
    """A closing mark after a quoted period, a capitalised word next: the quote ended its
    sentence ("… an “outlaw nation.” Russia insisted …")."""
    i = t.i
    doc = t.doc
    if i < 1 or i + 1 >= len(doc) or not quoted[i - 1] or doc[i - 1].text != ".":
        return False
    if not any(c in QUOTE_CLOSERS for c in t.text):
        return False
    nxt = doc[i + 1] if not doc[i + 1].is_space else (doc[i + 2] if i + 2 < len(doc) else None)
    return nxt is not None and nxt.text[:1].isupper()


def trim(text: str, s: int, e: int, strip: str) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in strip):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in strip):
        e -= 1
    return s, e
