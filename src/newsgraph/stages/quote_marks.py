"""Quotation marks: find them among the tokens, tell opening from closing marks, and pair them
into quoted runs. Text and tokens only; which runs are quotes and who said them is decided in
``quote_direct.py``.

- A mark counts when its token is made only of marks ("“", "’", "''"), or, for double marks and
  guillemets, anywhere in a token (the tokenizer glues ”― together). Single marks inside a word
  (don’t, Mexico’s, ’90s) and possessives parsed as such (reporters’) are apostrophes.
- Its role comes from its neighbours (space before and a word after opens; a word before and
  space or punctuation after closes), else from ``lexicons/quote_marks.tsv``.
- Marks pair within their family, paragraph by paragraph. A quote left open at a paragraph end
  goes on when the next paragraph starts with an opening mark (one part per paragraph);
  otherwise it ends with its paragraph when it opened the paragraph or followed a colon or
  comma and ends a sentence there (a closing mark left out), else it is dropped alone. A
  second opening mark drops an unclosed quote before it, unless the paragraph's later closing
  marks close both (a quote nested in the same marks).
- Runs inside an earlier run are nested quotes (its content); a run crossing one keeps only its
  parts after it.
- ``for_parsing``: the parser was trained on double marks and misreads British-style single
  ones ("'We lost,' the Dutchman said" becomes a noun phrase), so a text quoting with single
  marks only is parsed with them written as double marks (same length, same offsets); every
  stage reads the original text (``text_of``), marks included.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc

from newsgraph.stages import text_of

# Characters around a mark that tell its role: an opening mark follows one of OPEN_AFTER (or
# space), a closing mark precedes one of CLOSE_BEFORE (or space).
OPEN_AFTER = frozenset("([{—–-/")
CLOSE_BEFORE = frozenset(".,;:!?)]}—–-…")
DASHES = frozenset("―—–")
SENTENCE_ENDS = frozenset(".!?")
MIN_OPEN_WORDS = 4  # words of a quote left open at its paragraph's end that make it a quote
# Mark families whose marks double as apostrophes: inside a word token they are not marks.
APOSTROPHE_FAMILIES = frozenset({"single"})


@dataclass(slots=True)
class QuotedRun:
    """Text between paired marks: one part per stretch (split by a cue or a paragraph break)."""

    parts: list[tuple[int, int]]  # content ranges between the marks
    outer: tuple[int, int]  # from the first opening mark to the last closing mark, inclusive
    opens: list[int] = field(default_factory=list)  # each part's opening mark


@cache
def quote_marks() -> dict[str, tuple[str, str]]:
    """Mark -> (family, default role), from lexicons/quote_marks.tsv."""
    raw = resources.files("newsgraph.lexicons").joinpath("quote_marks.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in raw.splitlines()
            if line.strip() and not line.startswith("#")]
    return {r[0]: (r[1], r[2]) for r in rows}


def quoted_runs(doc: Doc) -> list[QuotedRun]:
    """Every quoted run of the document, outermost only, in text order (found once per
    document: pronoun resolution, speaker heads and the quotes stage all read them)."""
    runs = doc.user_data.get(_RUNS_KEY)
    if runs is None:
        text = text_of(doc)
        runs = doc.user_data[_RUNS_KEY] = nest(pair_marks(text, document_marks(doc),
                                                          paragraphs(text)))
    return runs


def document_marks(doc: Doc) -> list[Mark]:
    """``find_marks`` of the whole document, found once per document."""
    marks = doc.user_data.get(_MARKS_KEY)
    if marks is None:
        marks = doc.user_data[_MARKS_KEY] = find_marks(doc, text_of(doc))
    return marks


_RUNS_KEY = "newsgraph.quotes.quoted_runs"
_MARKS_KEY = "newsgraph.quotes.marks"


@dataclass(frozen=True, slots=True)
class Mark:
    """One quotation mark in the text and what it does there."""

    pos: int
    family: str
    role: str  # open | close | either
    weak: bool = False  # may be a plural possessive (“jobs’ ”): closes only if nothing later does
    length: int = 1


def find_marks(doc: Doc, text: str) -> list[Mark]:
    """Every quotation mark of the document in text order (see the module docstring for what
    counts as one)."""
    table, out = quote_marks(), []
    for tok in doc:
        t = text[tok.idx : tok.idx + len(tok.text)]  # the article's marks, not ``for_parsing``'s
        if t == "`" and text.startswith("``", tok.idx):
            t = "``"  # the tokenizer splits `` into two tokens
        elif t == "`" and tok.idx > 0 and text[tok.idx - 1] == "`":
            continue
        if len(t) > 1 and t in table:  # '' or ``
            family, default = table[t]
            out.append(Mark(tok.idx, family, _role(text, tok.idx, default, table, len(t)),
                             length=len(t)))
            continue
        if not t:
            continue
        only_marks = all(c in table for c in t)
        if len(t) == 1 and only_marks and table[t][0] == "single" and tok.dep_ == "case":
            continue  # reporters’ questions
        for k, ch in enumerate(t):
            if ch not in table:
                continue
            family, default = table[ch]
            if not only_marks and family in APOSTROPHE_FAMILIES and not _by_dash(t, k):
                continue  # don’t, Mexico’s, ’90s
            pos = tok.idx + k
            role = _role(text, pos, default, table)
            out.append(Mark(pos, family, role, role == "close" and _possessive_like(text, pos)))
    return out


def _by_dash(t: str, k: int) -> bool:
    """A mark glued to a dash inside a token (”―Name, —‘Yes)."""
    return (k > 0 and t[k - 1] in DASHES) or (k + 1 < len(t) and t[k + 1] in DASHES)


def _possessive_like(text: str, pos: int) -> bool:
    """A closing single mark after a plural -s with a lower-case word next: reporters’ views."""
    return (pos > 0 and text[pos - 1] in "sS" and text[pos + 1 : pos + 2] == " "
            and text[pos + 2 : pos + 3].islower())


def _role(text: str, pos: int, default: str, table: dict[str, tuple[str, str]],
          length: int = 1) -> str:
    prev = text[pos - 1] if pos else " "
    nxt = text[pos + length] if pos + length < len(text) else " "
    after_open = prev.isspace() or prev in OPEN_AFTER or table.get(prev, ("", ""))[1] == "open"
    before_close = (nxt.isspace() or nxt in CLOSE_BEFORE
                    or table.get(nxt, ("", ""))[1] == "close")
    if after_open and not before_close:
        return "open"
    if before_close and not after_open:
        return "close"
    return default


_SINGLE = re.compile("['‘’]")
_DOUBLE = re.compile("[\"“”«»]|''|``")  # double marks, or single ones doubled for them


def for_parsing(text: str) -> str:
    """``text`` with its single quotation marks written as double ones (‘ ’ as “ ”, ' as ")
    when it has no double marks (nor single ones doubled to stand for them, as in ''this''):
    pairs of an opening mark (after space or OPEN_AFTER, before a word) and the next closing
    mark of its paragraph (after a non-space, before space or CLOSE_BEFORE, not a plural
    possessive like "players' union"), and an opening mark that starts a paragraph (a quote
    going on to the next). Apostrophes stay."""
    if ("'" not in text and "‘" not in text) or _DOUBLE.search(text):
        return text
    chars: list[str] | None = None
    for start, end in paragraphs(text):
        opener = -1
        for m in _SINGLE.finditer(text, start, end):
            p, c = m.start(), m.group()
            prev = text[p - 1] if p > start else " "
            nxt = text[p + 1] if p + 1 < end else " "
            if c != "’" and opener < 0 and (prev.isspace() or prev in OPEN_AFTER) and (
                    nxt.isalnum() or nxt in "…."):
                opener = p
            elif c != "‘" and opener >= 0 and not prev.isspace() and (
                    nxt.isspace() or nxt in CLOSE_BEFORE) and not (
                    prev in "sS" and text[p + 1 : p + 3].strip()[:1].isalpha()):
                # (not "the Footballers' Association": an s' before a word may be possessive)
                chars = chars or list(text)
                curly = text[opener] == "‘"
                chars[opener], chars[p] = ("“", "”") if curly else ('"', '"')
                opener = -1
        if opener == start:
            chars = chars or list(text)
            chars[opener] = "“" if text[opener] == "‘" else '"'
    return text if chars is None else "".join(chars)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) of their stripped text."""
    out, pos = [], 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def pair_marks(text: str, marks: list[Mark], paras: list[tuple[int, int]]) -> list[QuotedRun]:
    """Pair opening and closing marks family by family, paragraph by paragraph."""
    starts = [s for s, _ in paras]
    runs: list[QuotedRun] = []
    for family in sorted({m.family for m in marks}):
        by_para: dict[int, list[Mark]] = {}
        for m in marks:
            if m.family == family:
                by_para.setdefault(bisect_right(starts, m.pos) - 1, []).append(m)
        # parts so far of a quote left open at a paragraph end, as (opening mark, start, end)
        pending: list[tuple[int, int, int]] | None = None
        for p, (p_start, p_end) in enumerate(paras):
            ms = by_para.get(p, [])
            current: list[tuple[int, int, int]] = []
            opened: Mark | None = None
            if pending is not None and ms and ms[0].pos == p_start and ms[0].role != "close":
                current, opened, ms = pending, ms[0], ms[1:]
            elif pending is not None and _left_open(text, pending, paras[p - 1]):
                runs.append(_run_of(pending, paras[p - 1][1]))
            pending = None
            outer: list[tuple[list[tuple[int, int, int]], Mark]] = []  # quotes a nested one is in
            for k, m in enumerate(ms):
                if m.weak and any(n.role != "open" for n in ms[k + 1:]):
                    continue
                if m.role == "open" and opened is not None and _closes_both(ms[k + 1:]):
                    outer.append((current, opened))  # “… what he calls “hell” …”: nested
                    current, opened = [], m
                elif m.role == "open" or (m.role == "either" and opened is None):
                    current, opened = [], m  # a second opening mark drops an unclosed quote
                elif opened is not None:
                    current.append((opened.pos, opened.pos + opened.length, m.pos))
                    runs.append(_run_of(current, m.pos + m.length))
                    current, opened = outer.pop() if outer else ([], None)
            if opened is not None:
                pending = [*current, (opened.pos, opened.pos + opened.length, p_end)]
        if pending is not None and paras and _left_open(text, pending, paras[-1]):
            runs.append(_run_of(pending, paras[-1][1]))
    return runs


def _left_open(text: str, parts: list[tuple[int, int, int]], para: tuple[int, int]) -> bool:
    """A quote whose closing mark the writer left out: its last part opens the paragraph or
    follows a colon or comma ("…, saying: ‘He is a handful.") and runs to a sentence end at
    the paragraph's end (a caption line may follow before the quote goes on)."""
    opening, start, end = parts[-1]
    before = text[para[0]:opening].rstrip()
    words = text[start:end].split()
    return (not before or before[-1] in ":,") and len(words) >= MIN_OPEN_WORDS \
        and text[:end].rstrip()[-1:] in SENTENCE_ENDS


def _closes_both(rest: list[Mark]) -> bool:
    """After a second opening mark, the paragraph's remaining marks close it and the quote
    still open before it (each later opening mark taking a closing mark of its own)."""
    depth = 2
    for m in rest:
        if m.role == "open":
            depth += 1
        elif m.role == "close":
            depth -= 1
            if depth == 0:
                return True
    return False


def _run_of(parts: list[tuple[int, int, int]], end: int) -> QuotedRun:
    return QuotedRun([(s, e) for _, s, e in parts], (parts[0][0], end),
                     opens=[o for o, _, _ in parts])


def nest(runs: list[QuotedRun]) -> list[QuotedRun]:
    """Drop runs inside an earlier-starting run (nested quotes are its content). A run that
    crosses one (a stray mark paired across a real quote) keeps only its parts after it."""
    kept: list[QuotedRun] = []
    end = -1
    for r in sorted(runs, key=lambda r: (r.outer[0], -r.outer[1])):
        if r.outer[0] < end:
            if r.outer[1] <= end:
                continue
            later = [k for k, o in enumerate(r.opens) if o >= end]
            if not later:
                continue
            r = QuotedRun([r.parts[k] for k in later], (r.opens[later[0]], r.outer[1]),
                     opens=[r.opens[k] for k in later])
        kept.append(r)
        end = r.outer[1]
    return kept


def quote_openings(doc: Doc) -> list[int]:
    """For each token, the index of the opening mark of the quotation it sits in (-1 when
    outside quotes): the quoted runs, and a mark left open runs to its paragraph's end (it
    costs its paragraph, not the rest of the text). Computed once per document; pronoun
    resolution and the actors stage read it."""
    cached = doc.user_data.get(_OPENINGS_KEY)
    if cached is not None:
        return cached
    out = [-1] * len(doc)
    starts = [t.idx for t in doc]
    runs = quoted_runs(doc)
    for run in runs:
        for (s, e), mark in zip(run.parts, run.opens, strict=True):
            opening = bisect_left(starts, mark)
            for i in range(bisect_left(starts, s), bisect_left(starts, e)):
                out[i] = opening
    paired = {mark for run in runs for mark in run.opens}
    text = text_of(doc)
    marks = document_marks(doc)
    for k, mark in enumerate(marks):  # a mark no run took: quoted to the mark closing it
        # ("“thousands of shootings”", a phrase no run keeps), else to its paragraph's end
        if mark.role == "open" and mark.pos not in paired:
            opening = bisect_left(starts, mark.pos)
            end = text.find("\n", mark.pos)
            end = len(text) if end < 0 else end
            nxt = marks[k + 1] if k + 1 < len(marks) else None
            if nxt is not None and nxt.pos < end and nxt.role in ("close", "either") \
                    and nxt.family == mark.family:
                end = nxt.pos
            for i in range(opening + 1, bisect_left(starts, end)):
                if out[i] >= 0:
                    break
                out[i] = opening
    doc.user_data[_OPENINGS_KEY] = out
    return out


_OPENINGS_KEY = "newsgraph.quotes.quote_openings"


def quoted_starts(doc: Doc) -> frozenset[int]:
    """The start offsets of the tokens inside quotation marks (``quote_openings``)."""
    opening = quote_openings(doc)
    return frozenset(t.idx for t in doc if opening[t.i] >= 0)
