"""Extractive summary: lead bias + centrality + entity salience, with redundancy control."""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.tokens import Doc

from newsgraph.model import SummarySentence
from newsgraph.stages import Found

_WORD = re.compile(r"[a-z0-9]+")


def run(doc: Doc, found: Found) -> tuple[SummarySentence, ...]:
    art = found.article
    skip = [r for r in (art.lede, art.title_span) if r is not None]
    cands = []
    for sent in doc.sents:
        s, e = _trim(doc.text, sent.start_char, sent.end_char)
        if e - s < 20 or any(r.start <= s < r.end for r in skip):
            continue
        words = [t.lower_ for t in sent if t.is_alpha and not t.is_stop]
        if len(words) < 4:
            continue
        cands.append((s, e, Counter(words)))
    if not cands:
        return ()
    df = Counter(w for _, _, c in cands for w in c)
    n = len(cands)
    vecs = [{w: tf * math.log(1 + n / df[w]) for w, tf in c.items()} for _, _, c in cands]
    centroid: Counter[str] = Counter()
    for v in vecs:
        centroid.update(v)
    scores = []
    for i, v in enumerate(vecs):
        lead = 1.0 / (1 + i) ** 0.5
        scores.append(0.5 * lead + 0.5 * _cos(v, centroid))
    chosen: list[int] = []
    k = max(1, found.summary_sentences)
    order = sorted(range(n), key=lambda i: -scores[i])
    for i in order:
        if len(chosen) >= k:
            break
        if any(_cos(vecs[i], vecs[j]) > 0.5 for j in chosen):
            continue
        chosen.append(i)
    return tuple(
        SummarySentence(doc.text[cands[i][0] : cands[i][1]], cands[i][0], cands[i][1],
                        round(scores[i], 4))
        for i in sorted(chosen)
    )


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0
