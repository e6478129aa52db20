"""Events: PLOVER type accuracy and source/target match on the PLOVER gold-standard records, and
type accuracy on CASE 2021 task 2 (ACLED labels mapped to PLOVER by benchmarks/acled_plover.tsv).

Each text goes through our stages on one spaCy parse (pipeline.stages(); entities from the
actors stage as it is today), published 2000-01-01. The *top event* of a text is the event whose
trigger is closest to the root of the dependency tree (ties: the first). Gold names follow
PLOVER 0.5b1 and are mapped DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE,
FIGHT->ASSAULT. Event types are the stage's PLOVER coding (see lexicons/event_coding.tsv).

- accuracy: top event type == gold type, over all gold texts (no event counts as wrong);
- coverage: share of texts with any event; precision: accuracy over the covered texts;
- source/target: over records whose gold has both a source and a target actor; an actor is
  right when our entity has a mention overlapping the gold actor text in the sentence (an
  elided gold text, "Sierra Leonean ... refugees", counts by its pieces), or the entity's
  country equals the gold code (the GSR's CAMEO-only codes JAP, ITL, VTN read as ISO JPN, ITA,
  VNM); "both" needs source and target right. Gold actors coded only as IGO/NGO/IMG match by
  text alone.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

from newsgraph import nlp
from newsgraph.model import Article, Entity, Event
from newsgraph.pipeline import stages
from newsgraph.stages import Found

OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT"}
PUBLISHED = "2000-01-01"
# The GSR codes a few countries with their CAMEO code, not ISO-3166 alpha-3.
CAMEO_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
HERE = Path(__file__).resolve().parent


def _found(texts: list[str]) -> list[tuple[Doc, Found]]:
    out = []
    for doc, text in zip(nlp.parse(texts), texts, strict=True):
        found = Found(article=Article(text=text, published=PUBLISHED))
        for name, stage in stages():
            setattr(found, name, stage(doc, found))
            found.__dict__.pop("_mention_index", None)
            if name == "events":
                break
        out.append((doc, found))
    return out


def _depth(doc: Doc, ev: Event) -> int:
    token = doc.char_span(ev.trigger.start, ev.trigger.end, alignment_mode="expand")[0]
    depth = 0
    while token.head != token and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def top_event(doc: Doc, found: Found) -> Event | None:
    return min(found.events, key=lambda e: (_depth(doc, e), e.trigger.start), default=None)


def _actor_right(entity: Entity | None, gold: list[dict], text: str) -> bool:
    if entity is None:
        return False
    for actor in gold:
        code = actor.get("code")
        if entity.country and entity.country == CAMEO_CODES.get(code, code):
            return True
        for surface in _fragments(actor.get("actorText") or ""):
            at = text.find(surface)
            while at >= 0:
                if any(m.start < at + len(surface) and m.end > at for m in entity.mentions):
                    return True
                at = text.find(surface, at + 1)
    return False


def _fragments(surface: str) -> list[str]:
    """A gold actor text; an elided one ("Sierra Leonean ... refugees") as its pieces."""
    pieces = [p.strip() for p in surface.replace("...", "..").split("..")]
    return [p for p in pieces if p]


def _plover(shared: Path) -> tuple[list[str], dict[str, float]]:
    records = [r for r in json.loads((shared / "eval/plover_gsr/PLOVER_GSR_CAMEO.json")
                                     .read_text("utf-8")) if r.get("event") != "DOCUMENT"]
    t0 = time.perf_counter()
    results = _found([r["text"] for r in records])
    elapsed = time.perf_counter() - t0
    right = covered = both_n = both_right = src_right = tar_right = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for record, (doc, found) in zip(records, results, strict=True):
        gold = OLD_NAMES.get(record["event"], record["event"])
        top = top_event(doc, found)
        if top is not None:
            covered += 1
            right += top.type == gold
            if top.type != gold:
                confusion[(gold, top.type)] += 1
        sources, targets = record.get("source") or [], record.get("target") or []
        if isinstance(sources, list) and isinstance(targets, list) and sources and targets:
            both_n += 1
            if top is not None:
                s_ok = _actor_right(found.entity(top.source), sources, record["text"])
                t_ok = _actor_right(found.entity(top.target), targets, record["text"])
                src_right += s_ok
                tar_right += t_ok
                both_right += s_ok and t_ok
    n = len(records)
    rows = [
        f"| PLOVER GSR (n={n}) | {right / n:.3f} | {covered / n:.3f} | "
        f"{right / max(covered, 1):.3f} | {src_right / max(both_n, 1):.3f} | "
        f"{tar_right / max(both_n, 1):.3f} | {both_right / max(both_n, 1):.3f} (n={both_n}) | "
        f"{1000 * elapsed / n:.1f} |",
    ]
    worst = ", ".join(f"{g}→{p} {c}" for (g, p), c in confusion.most_common(6))
    return rows, {"confusions": worst}  # type: ignore[dict-item]


def _acled_map() -> dict[str, str]:
    rows = (HERE / "acled_plover.tsv").read_text("utf-8").splitlines()
    return {r.split("\t")[0]: r.split("\t")[1] for r in rows if r and not r.startswith("#")}


def _case(shared: Path) -> list[str]:
    mapping = _acled_map()
    with (shared / "eval/case2021_task2/test_set_final_release_with_labels.tsv").open(
            encoding="utf-8") as f:
        records = [r for r in csv.DictReader(f, delimiter="\t") if r["SubType"] in mapping]
    t0 = time.perf_counter()
    results = _found([r["EventSnippet"] for r in records])
    elapsed = time.perf_counter() - t0
    right = covered = 0
    for record, (doc, found) in zip(records, results, strict=True):
        top = top_event(doc, found)
        if top is not None:
            covered += 1
            right += top.type == mapping[record["SubType"]]
    n = len(records)
    return [f"| CASE 2021 task 2, mapped labels (n={n}) | {right / n:.3f} | {covered / n:.3f} | "
            f"{right / max(covered, 1):.3f} | – | – | – | {1000 * elapsed / n:.1f} |"]


def run(shared: Path) -> str:
    plover_rows, notes = _plover(shared)
    case_rows = _case(shared)
    return "\n".join([
        "## Events (PLOVER types, actors)",
        "",
        "Top event per text (trigger nearest the parse root) against gold; source/target over "
        "GSR records with both actors given (entities from the actors stage as it is today). "
        "Targets: accuracy ≥ 0.75, both actors ≥ 0.6. ms/text includes the spaCy parse.",
        "",
        "Actor matching: our entity is right when one of its mentions overlaps the gold actor "
        "text in the sentence (an elided gold text such as \"Sierra Leonean ... refugees\" "
        "counts by its pieces), or its country equals the gold code (the GSR's CAMEO-only codes "
        "JAP, ITL, VTN read as JPN, ITA, VNM); IGO/NGO-coded actors match by text only. Types "
        "follow the PLOVER 2.0 manual and CAMEO2PLOVER-2021, where the 2016 GSR (v0.5b1) "
        "sometimes differs: future cooperation is AGREE but an announced retreat or "
        "concession stays CONCEDE, signing is SUPPORT, destroying property and abduction are "
        "ASSAULT, diplomatic protests are ACCUSE; those rows count as misses here.",
        "",
        "| set | type accuracy | coverage | precision | source | target | both | ms/text |",
        "|---|---|---|---|---|---|---|---|",
        *plover_rows,
        *case_rows,
        "",
        f"Most frequent GSR confusions (gold→ours): {notes['confusions']}.",
        "",
        "`cd /work/main && .venv/bin/python -m benchmarks --only events`",
    ])
