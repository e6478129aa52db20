"""GAP (gendered ambiguous pronouns): does the actors stage put the pronoun at Pronoun-offset in
the same entity as name A / name B?

Each Text goes through our stages up to actors on one spaCy parse. Prediction for A: the entity
holding a pronoun mention that starts at Pronoun-offset also has a mention overlapping A's span
(same for B); no such entity predicts False for both. Scored as the GAP paper does: precision,
recall and F1 over the positive A/B decisions, overall and per pronoun gender, and the bias
ratio F1(feminine)/F1(masculine). Baseline in the same run: the name (A or B) that ends nearest
before the pronoun is True, the other False (the name after the pronoun when neither precedes).
Tuning uses gap-development.tsv only; the table reports gap-test.tsv.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from newsgraph import nlp
from newsgraph.model import Article
from newsgraph.pipeline import stages
from newsgraph.stages import Found

FEMININE = {"she", "her", "hers", "herself"}
Row = dict[str, str]


def _rows(path: Path, limit: int | None = None) -> list[Row]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[:limit] if limit else rows


def _overlaps(start: int, end: int, a: int, b: int) -> bool:
    return start < b and a < end


def _ours(rows: list[Row]) -> list[tuple[bool, bool]]:
    out = []
    for row, doc in zip(rows, nlp.parse(r["Text"] for r in rows), strict=True):
        found = Found(article=Article(text=row["Text"]))
        for name, stage in stages():
            setattr(found, name, stage(doc, found))
            found.__dict__.pop("_mention_index", None)
            if name == "entities":
                break
        p = int(row["Pronoun-offset"])
        a, b = int(row["A-offset"]), int(row["B-offset"])
        a_end, b_end = a + len(row["A"]), b + len(row["B"])
        pred = (False, False)
        for entity in found.entities:
            if any(m.start == p and m.kind == "pronoun" for m in entity.mentions):
                pred = (any(_overlaps(m.start, m.end, a, a_end) for m in entity.mentions),
                        any(_overlaps(m.start, m.end, b, b_end) for m in entity.mentions))
                break
        out.append(pred)
    return out


def _baseline(rows: list[Row]) -> list[tuple[bool, bool]]:
    out = []
    for row in rows:
        p = int(row["Pronoun-offset"])
        a_end = int(row["A-offset"]) + len(row["A"])
        b_end = int(row["B-offset"]) + len(row["B"])
        before = [(end, k) for end, k in ((a_end, 0), (b_end, 1)) if end <= p]
        pick = max(before)[1] if before else (0 if a_end < b_end else 1)
        out.append((pick == 0, pick == 1))
    return out


def _score(rows: list[Row], preds: list[tuple[bool, bool]], gender: str | None) -> str:
    tp = fp = fn = 0
    for row, (pa, pb) in zip(rows, preds, strict=True):
        g = "f" if row["Pronoun"].lower() in FEMININE else "m"
        if gender is not None and g != gender:
            continue
        for pred, gold in ((pa, row["A-coref"].upper() == "TRUE"),
                           (pb, row["B-coref"].upper() == "TRUE")):
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"{2 * p * r / (p + r) if p + r else 0.0:.3f} (P {p:.3f} R {r:.3f})"


def _f1(cell: str) -> float:
    return float(cell.split()[0])


def evaluate(path: Path, limit: int | None = None) -> list[str]:
    rows = _rows(path, limit)
    t0 = time.perf_counter()
    ours = _ours(rows)
    ms = 1000 * (time.perf_counter() - t0) / max(len(rows), 1)
    lines = []
    for label, preds, timing in (("newsgraph actors+coref", ours, f"{ms:.1f}"),
                                 ("baseline: nearest preceding name", _baseline(rows), "–")):
        overall, masc, fem = (_score(rows, preds, g) for g in (None, "m", "f"))
        bias = _f1(fem) / _f1(masc) if _f1(masc) else 0.0
        lines.append(f"| {path.name} | {label} | {overall} | {masc} | {fem} | {bias:.2f} | "
                     f"{timing} |")
    return lines


def run(shared: Path) -> str:
    rows = evaluate(shared / "eval" / "gap" / "gap-test.tsv")
    return "\n".join([
        "## GAP (pronoun resolution through the actors stage)",
        "",
        "Pronoun at Pronoun-offset resolved by the actors stage (names + coref.resolve) into the "
        "entity of name A and/or B; F1 over positive A/B decisions as in the GAP paper; bias = "
        "F1 feminine / F1 masculine. Target F1 ≥ 0.70. ms/text includes the spaCy parse. "
        "The resolver's weights are fitted on gap-development.tsv only "
        "(`.venv/bin/python -m benchmarks.gap_fit`).",
        "",
        "| set | system | F1 overall | F1 masculine | F1 feminine | bias F/M | ms/text |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
        "`cd /work/main && .venv/bin/python -m benchmarks --only gap`",
    ])


if __name__ == "__main__":
    HERE = Path(__file__).resolve().parent
    print("\n".join(evaluate(HERE.parent.parent / "shared" / "eval" / "gap" /
                             "gap-development.tsv", 500)))
