"""Fit the pronoun-resolution weights (stages/coref.py WEIGHTS) on GAP development only.

Each development text goes through the actors stage on one spaCy parse; at the GAP pronoun the
resolver reports its candidate anchors with their FEATURES. The gold candidate is the anchor
holding the name GAP marks TRUE. Rows where that anchor is not among the candidates (or neither
name is TRUE) carry no ranking signal and are skipped. The weights maximise the conditional
likelihood of the gold candidate (softmax over the candidates, small L2), then THRESHOLD is the
score cut that maximises pair F1 on the same rows. Prints the values to paste into coref.py.

    .venv/bin/python -m benchmarks.gap_fit [ROWS]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from benchmarks.gap import _rows
from newsgraph import nlp
from newsgraph.model import Article
from newsgraph.stages import Found, actors, coref

L2 = 1e-3
STEPS = 2000
RATE = 0.5


def _overlaps(start: int, end: int, a: int, b: int) -> bool:
    return start < b and a < end


Groups = list[tuple[np.ndarray, np.ndarray]]


def observations(path: Path, limit: int | None = None) -> tuple[Groups, int]:
    """(features of each candidate anchor, is-gold flag) per development row where the
    resolver saw the pronoun, and the number of rows with a TRUE name."""
    rows = _rows(path, limit)
    real = coref.resolve
    # per resolve call (the actors stage may call it more than once; the last call decides)
    calls: list[list[tuple[list[coref.Anchor], list[tuple[int, dict[str, float]]]]]] = []
    offset = [0]

    def traced(doc: object, anchors: list[coref.Anchor], observe: object = None) -> object:
        seen: list[tuple[list[coref.Anchor], list[tuple[int, dict[str, float]]]]] = []
        calls.append(seen)

        def keep(token: object, cands: list[tuple[int, dict[str, float]]]) -> None:
            if token.idx == offset[0]:  # type: ignore[attr-defined]
                seen.append((anchors, cands))
        return real(doc, anchors, observe=keep)  # type: ignore[arg-type]

    coref.resolve = traced  # type: ignore[assignment]
    out = []
    positives = sum(r["A-coref"].upper() == "TRUE" or r["B-coref"].upper() == "TRUE"
                    for r in rows)
    try:
        for row, doc in zip(rows, nlp.load().pipe(r["Text"] for r in rows), strict=True):
            offset[0] = int(row["Pronoun-offset"])
            calls.clear()
            actors.run(doc, Found(article=Article(text=doc.text)))
            if not calls or not calls[-1]:
                continue
            anchors, cands = calls[-1][0]
            gold = next(((int(row[k + "-offset"]), int(row[k + "-offset"]) + len(row[k]))
                         for k in "AB" if row[k + "-coref"].upper() == "TRUE"), None)
            x = np.array([[f[name] for name in coref.FEATURES] for _, f in cands])
            y = np.array([gold is not None and any(_overlaps(s, e, *gold)
                                                   for s, e in anchors[k].mentions)
                          for k, _ in cands])
            out.append((x, y))
    finally:
        coref.resolve = real  # type: ignore[assignment]
    return out, positives


def fit(groups: Groups) -> np.ndarray:
    train = [(x, y) for x, y in groups if y.any() and len(y) > 1]
    w = np.array([coref.WEIGHTS[name] for name in coref.FEATURES], dtype=float)
    for _ in range(STEPS):
        grad = -L2 * len(train) * w
        for x, y in train:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y / p[y].sum()
            grad += x.T @ (q - p)
        w += RATE * grad / len(train)
    return w


def threshold(groups: Groups, positives: int, w: np.ndarray) -> float:
    """Score cut (among the observed best scores) that maximises pair F1; the gold pairs
    that never reach a candidate count as misses whatever the cut."""
    best = [(float((x @ w).max()), bool(y[int(np.argmax(x @ w))])) for x, y in groups]
    top, cut = -1.0, float("-inf")
    for c in sorted({s for s, _ in best}):
        tp = sum(ok for s, ok in best if s >= c)
        fp = sum(not ok for s, ok in best if s >= c)
        f1 = 2 * tp / (2 * tp + fp + (positives - tp)) if tp else 0.0
        if f1 > top:
            top, cut = f1, c
    return cut


if __name__ == "__main__":
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    here = Path(__file__).resolve().parent
    dev = here.parent.parent / "shared" / "eval" / "gap" / "gap-development.tsv"
    groups, positives = observations(dev, limit)
    w = fit(groups)
    pairs = zip(coref.FEATURES, w, strict=True)
    print("WEIGHTS = {" + ", ".join(f'"{n}": {v:.2f}' for n, v in pairs) + "}")
    print(f"THRESHOLD = {threshold(groups, positives, w):.2f}")
