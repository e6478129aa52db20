"""Extractive summary: whole sentences of the text, in source order, each with its score.

Each candidate sentence gets a score from a few signals:

* **lead**: news puts the point first, so the k-th candidate gets ``1 / (1 + k) ** LEAD_DECAY``;
* **centrality**: TF-IDF cosine (lemmas, stop words out, IDF within the article) between the
  sentence and the whole article, times ``W_CENTRAL``;
* **headline**: TF-IDF cosine to the title and standfirst, when the article has them, times
  ``W_HEAD`` (those lines are never picked themselves, but the body sentences that carry their
  facts should be; the IDF makes a rare shared term like "anti-corruption" count);
* then multiplicative cuts: a **length prior** (fewer than ``SHORT`` or more than ``LONG``
  words scale the score down in proportion); ``QUOTED`` times the share of the sentence inside
  direct quotation marks (quotes colour a story; they seldom summarise it); ``DANGLING`` for a
  sentence that opens on a connective or a pronoun ("But ...", "However, ...", "She added
  ...": it leans on the sentence before); and **focus**, ``FOCUS`` times (1 - the salience,
  relative to the article's top actor, of the most salient actor the sentence names): a
  sentence about none of the main actors is seldom the point.

Sentences are then picked greedily by maximal marginal relevance: score minus ``REDUNDANCY``
times its highest similarity to a sentence already picked; a sentence whose similarity to a
picked one reaches ``DUPLICATE`` is a restatement and is never picked. The detected title line
and standfirst (``lede``, which the body restates) are never candidates, nor are fragments of
fewer than ``MIN_WORDS`` words or without a verb (a dateline the parser split off), or lines
ending in a colon (a transcript's speaker label).

The weights were tuned on the even-id half of the writer-summary set (``benchmarks/summary.py``
reports the other half separately, and ablations). Measured there and left out (2026-11-29):
a bonus for the salience of a reported statement's speaker, for the actors of an event in the
sentence, and for covering actors not yet in the summary all lowered ROUGE-2 on the tuning
half at every weight tried (0.05-0.4).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.model import Range, SummarySentence
from newsgraph.stages import Found, text_of

LEAD_DECAY = 0.7
W_CENTRAL = 0.4
W_HEAD = 1.0
SHORT, LONG = 8, 40  # words: the length range that is not scaled down
QUOTED = 0.3
DANGLING = 0.2  # score cut for a sentence opening on a connective or pronoun ("But", "She")
FOCUS = 0.2  # score cut for a sentence naming none of the main actors
REDUNDANCY = 0.5
DUPLICATE = 0.6  # cosine at which a sentence restates a picked one
MIN_WORDS = 4  # fewer words than this (datelines, "Do not come."): never a summary sentence
VERB_POS = frozenset({"VERB", "AUX"})  # a piece with no verb (a dateline "FLINT, Mich., Oct. 4
# (UPI) —" the parser split off its sentence, a photo credit) is no summary sentence
CONNECTIVES = frozenset({
    "however", "meanwhile", "still", "yet", "also", "instead", "moreover", "furthermore",
    "nevertheless", "nonetheless", "though", "besides", "otherwise", "then", "thus", "hence",
    "therefore", "but", "and", "or", "so", "nor"})
# a sentence opening on one of these pronouns leans on the one before as well
PRONOUNS = frozenset({"he", "she", "they", "it", "his", "her", "their", "its", "this", "these"})

Vector = dict[str, float]


@dataclass
class _Unit:
    """A candidate sentence and what the score needs to know about it."""

    start: int
    end: int
    words: int
    terms: Counter[str]
    focus: float = 0.0  # salience, relative to the top actor, of the most salient it names
    quoted: float = 0.0  # share of its characters inside direct quotes
    dangling: bool = False  # opens on a connective or pronoun: leans on the one before


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The units the summary chooses among: spaCy's sentences, cut again at line breaks (a
    sentence never runs across a paragraph), as trimmed ``(start, end)`` character offsets."""
    return [(s, e) for s, e, _ in _pieces(doc)]


def run(doc: Doc, found: Found) -> tuple[SummarySentence, ...]:
    units = _candidates(doc, found)
    if not units:
        return ()
    _attach_focus(units, found)
    _attach_quotes(units, found)
    idf = _idf(units)
    vectors = [{w: tf * idf[w] for w, tf in unit.terms.items()} for unit in units]
    norms = [_norm(v) for v in vectors]
    centroid = _sum(vectors)
    # the title's and standfirst's terms, weighted like the sentences' (rare terms count most)
    head = {w: tf * idf[w] for w, tf in _head_terms(doc, found).items() if w in idf}
    centroid_norm, head_norm = _norm(centroid), _norm(head)
    scores = [
        _score(i, unit, _cos(vectors[i], norms[i], centroid, centroid_norm),
               _cos(vectors[i], norms[i], head, head_norm))
        for i, unit in enumerate(units)
    ]
    chosen = _select(units, scores, vectors, norms, max(1, found.summary_sentences))
    text = found.article.text  # the same string as doc.text
    return tuple(
        SummarySentence(text[units[i].start : units[i].end], units[i].start, units[i].end,
                        round(scores[i], 4))
        for i in sorted(chosen)
    )


# --- candidates -------------------------------------------------------------------------------

def _pieces(doc: Doc) -> list[tuple[int, int, list[Token]]]:
    out: list[tuple[int, int, list[Token]]] = []
    for sent in doc.sents:
        tokens: list[Token] = []
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                _close(tokens, out)
                tokens = []
            elif not tok.is_space:
                tokens.append(tok)
        _close(tokens, out)
    return out


def _close(tokens: list[Token], out: list[tuple[int, int, list[Token]]]) -> None:
    if tokens and any(t.is_alpha for t in tokens):
        out.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), tokens))


def _candidates(doc: Doc, found: Found) -> list[_Unit]:
    art = found.article
    skip = [r for r in (art.lede, art.title_span) if r is not None]
    text = text_of(doc)
    units = []
    for start, end, tokens in _pieces(doc):
        if _overlaps(start, end, skip) or text[end - 1] == ":":
            continue  # the title, the standfirst, or a lead-in line ("Kamala Harris:")
        words = sum(1 for t in tokens if not t.is_punct)
        terms = _terms(tokens)
        if words >= MIN_WORDS and terms and any(t.pos_ in VERB_POS for t in tokens):
            first = tokens[0]
            dangling = first.pos_ == "CCONJ" or first.lower_ in CONNECTIVES \
                or first.lower_ in PRONOUNS
            units.append(_Unit(start, end, words, terms, dangling=dangling))
    return units


def _terms(tokens: Iterable[Token]) -> Counter[str]:
    return Counter(t.lemma_.lower() for t in tokens
                   if not t.is_stop and not t.is_punct and (t.is_alpha or t.like_num))


def _overlaps(start: int, end: int, ranges: list[Range]) -> bool:
    return any(r.start < end and start < r.end for r in ranges)


# --- what earlier stages found in each candidate ----------------------------------------------

def _unit_at(starts: list[int], units: list[_Unit], offset: int) -> _Unit | None:
    i = bisect_right(starts, offset) - 1
    return units[i] if i >= 0 and offset < units[i].end else None


def _attach_focus(units: list[_Unit], found: Found) -> None:
    """Each unit's focus: the highest relative salience of an actor mentioned in it."""
    top = max((e.salience for e in found.entities), default=0.0)
    if top <= 0:
        return
    starts = [u.start for u in units]
    for entity in found.entities:
        for mention in entity.mentions:
            unit = _unit_at(starts, units, mention.start)
            if unit is not None:
                unit.focus = max(unit.focus, entity.salience / top)


def _attach_quotes(units: list[_Unit], found: Found) -> None:
    """Each unit's share of characters inside direct quotes."""
    starts = [u.start for u in units]
    for quote in found.quotes:
        if quote.kind != "direct":
            continue
        i = max(0, bisect_right(starts, quote.start) - 1)
        while i < len(units) and units[i].start < quote.end:
            unit = units[i]
            inside = min(unit.end, quote.end) - max(unit.start, quote.start)
            if inside > 0:
                unit.quoted = min(1.0, unit.quoted + inside / (unit.end - unit.start))
            i += 1


# --- scoring and selection --------------------------------------------------------------------

def _score(index: int, unit: _Unit, central: float, headline: float) -> float:
    lead = 1.0 / (1 + index) ** LEAD_DECAY
    base = lead + W_CENTRAL * central + W_HEAD * headline
    length = min(1.0, unit.words / SHORT, LONG / unit.words)
    return base * length * (1.0 - QUOTED * unit.quoted) * (1.0 - DANGLING * unit.dangling) \
        * (1.0 - FOCUS * (1.0 - unit.focus))


def _select(units: list[_Unit], scores: list[float], vectors: list[Vector], norms: list[float],
            k: int) -> list[int]:
    chosen: list[int] = []
    overlap = [0.0] * len(units)  # highest similarity to a chosen sentence
    left = set(range(len(units)))

    def value(i: int) -> float:
        return scores[i] - REDUNDANCY * overlap[i]

    while left and len(chosen) < k:
        best = max(left, key=lambda i: (value(i), -i))
        left.discard(best)
        chosen.append(best)
        for i in list(left):
            overlap[i] = max(overlap[i], _cos(vectors[i], norms[i], vectors[best], norms[best]))
            if overlap[i] >= DUPLICATE:
                left.discard(i)
    return chosen


# --- vectors ----------------------------------------------------------------------------------

def _idf(units: list[_Unit]) -> dict[str, float]:
    """Inverse document frequency of each term over the candidate sentences."""
    df: Counter[str] = Counter()
    for unit in units:
        df.update(unit.terms.keys())
    n = len(units)
    return {w: math.log(1 + n / d) for w, d in df.items()}


def _head_terms(doc: Doc, found: Found) -> Vector:
    art = found.article
    terms: Counter[str] = Counter()
    for r in (art.title_span, art.lede):
        span = doc.char_span(r.start, r.end, alignment_mode="expand") if r else None
        if span is not None:
            terms.update(_terms(span))
    return dict(terms)


def _sum(vectors: list[Vector]) -> Vector:
    total: Counter[str] = Counter()
    for v in vectors:
        total.update(v)
    return dict(total)


def _norm(v: Vector) -> float:
    return math.sqrt(sum(x * x for x in v.values()))


def _cos(a: Vector, norm_a: float, b: Vector, norm_b: float) -> float:
    if not norm_a or not norm_b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items()) / (norm_a * norm_b)
