"""Quotes on PolNeAR (brat standoff attributions of 2016 political news) beside textacy.

Gold: every ``E`` line's Content span (discontinuous spans are their fragments), split into
*direct* (the Content holds a double quotation mark: “ ” " « » or '') and *reported* (it holds
none), and its Source span. One .ann per article (the first by name where six annotators worked).

Matching: a predicted span matches a gold Content when their overlap is at least half of the
shorter of the two (gold length = sum of its fragments). Recall for direct gold counts matches by
predicted direct quotes; recall for reported gold, matches by predicted reported speech.
Precision counts a prediction as right when it matches any gold Content. Speaker accuracy is over
recalled gold that has a Source, using the best-overlapping prediction: right when the predicted
speaker entity has a mention overlapping the gold Source span (the issue's definition); the
strict column asks for a mention over the Source's syntactic head token (spaCy's root of that
span), so "Victor Cha, who served under George W. Bush" needs Cha, not Bush. textacy's
``direct_quotations`` gives speaker tokens, not entities: they are right when a token overlaps
the Source (strict: is its head).

Texts go through our stages on one spaCy parse (pipeline.stages() up to quotes); textacy reads the
same Doc. Tuning was done on dev only; test is reported for the final run.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from newsgraph import nlp
from newsgraph.model import Article, Entity, Quote
from newsgraph.pipeline import stages
from newsgraph.stages import Found
from newsgraph.stages.quotes import SPEAKER_SPANS

DIRECT_MARKS = frozenset("“”\"«»")
MIN_OVERLAP = 0.5
Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Gold:
    content: Ranges
    source: Ranges
    direct: bool


@dataclass
class Tally:
    gold: int = 0
    recalled: int = 0
    predicted: int = 0
    precise: int = 0
    with_source: int = 0
    speaker: int = 0
    speaker_strict: int = 0
    speaker_words: int = 0
    failed_docs: int = 0
    seconds: float = 0.0


def load(split_dir: Path) -> list[tuple[str, str, list[Gold]]]:
    seen: set[str] = set()
    out = []
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        if article in seen:
            continue
        seen.add(article)
        text = (split_dir / "text" / f"{article}.txt").read_text("utf-8")
        out.append((article, text, _gold(ann.read_text("utf-8"), text)))
    return out


def _gold(ann: str, text: str) -> list[Gold]:
    spans: dict[str, Ranges] = {}
    relations = []
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, middle, _surface = line.split("\t")
            _label, offsets = middle.split(" ", 1)
            spans[tid] = tuple(tuple(map(int, p.split())) for p in offsets.split(";"))
        elif line.startswith("E"):
            relations.append(dict(p.split(":") for p in line.split("\t")[1].split()))
    out = []
    for rel in relations:
        if "Content" not in rel:
            continue
        content = spans[rel["Content"]]
        direct = any(c in DIRECT_MARKS or "''" in text[s:e] for s, e in content
                     for c in text[s:e])
        out.append(Gold(content, spans.get(rel.get("Source", ""), ()), direct))
    return out


def overlap(span: tuple[int, int], ranges: Ranges) -> int:
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in ranges)


def matches(span: tuple[int, int], ranges: Ranges) -> bool:
    shorter = min(span[1] - span[0], sum(e - s for s, e in ranges))
    got = overlap(span, ranges)
    return got > 0 and got >= MIN_OVERLAP * shorter


def _head(doc: Doc, ranges: Ranges) -> Ranges:
    s, e = ranges[0]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return ranges
    root = span.root
    return ((root.idx, root.idx + len(root)),)


def _ours(doc: Doc, text: str) -> tuple[tuple[Quote, ...], tuple[Entity, ...], float, tuple]:
    found = Found(article=Article(text=text))
    t0 = 0.0
    for name, stage in stages():
        if name == "quotes":
            t0 = time.perf_counter()
        setattr(found, name, stage(doc, found))
        found.__dict__.pop("_mention_index", None)
        if name == "quotes":
            secs = time.perf_counter() - t0
            return found.quotes, found.entities, secs, found.extra[SPEAKER_SPANS]
    raise RuntimeError("no quotes stage in pipeline.stages()")


def score(split_dir: Path) -> dict[str, Tally]:
    tallies = {k: Tally() for k in ("ours_direct", "ours_reported", "textacy_direct")}
    from textacy.extract.triples import direct_quotations

    from newsgraph.stages.quote_marks import for_parsing

    data = load(split_dir)
    docs = nlp.parse(text for _, text, _ in data)  # as the pipeline parses
    for (_article, text, golds), doc in zip(data, docs, strict=True):
        quotes, entities, secs, who = _ours(doc, text)
        tallies["ours_direct"].seconds += secs
        mentions = {e.id: [(m.start, m.end) for m in e.mentions] for e in entities}

        def entity_hit(speaker: tuple, ranges: Ranges, m=mentions) -> bool:
            eid = speaker[0]
            return eid is not None and any(overlap(r, ranges) for r in m.get(eid, ()))

        def words_hit(speaker: tuple, ranges: Ranges) -> bool:
            return speaker[1] is not None and overlap(speaker[1], ranges) > 0

        for kind, direct in (("ours_direct", True), ("ours_reported", False)):
            preds = [((q.start, q.end), (q.speaker, w)) for q, w in zip(quotes, who, strict=True)
                     if (q.kind == "direct") == direct]
            _tally(tallies[kind], doc, golds, direct, preds, entity_hit, words_hit)
        own = doc if for_parsing(text) == text else nlp.load()(text)  # the article's marks
        t0 = time.perf_counter()
        try:
            triples = list(direct_quotations(own))
        except Exception:  # textacy raises on unbalanced marks: it loses the document
            triples = []
            tallies["textacy_direct"].failed_docs += 1
        tallies["textacy_direct"].seconds += time.perf_counter() - t0

        def token_hit(speaker: tuple[tuple[int, int], ...], ranges: Ranges) -> bool:
            return any(overlap(r, ranges) for r in speaker)

        preds_t = [((t.content.start_char, t.content.end_char),
                    tuple((tok.idx, tok.idx + len(tok)) for tok in t.speaker)) for t in triples]
        _tally(tallies["textacy_direct"], doc, golds, True, preds_t, token_hit, token_hit)
    return tallies


def _tally(t: Tally, doc: Doc, golds: list[Gold], direct: bool, preds: list, hit,
           words_hit) -> None:
    t.predicted += len(preds)
    t.precise += sum(1 for span, _ in preds if any(matches(span, g.content) for g in golds))
    for g in golds:
        if g.direct != direct:
            continue
        t.gold += 1
        found = [(overlap(span, g.content), span, sp) for span, sp in preds
                 if matches(span, g.content)]
        if not found:
            continue
        t.recalled += 1
        if not g.source:
            continue
        t.with_source += 1
        _, _, speaker = max(found, key=lambda f: f[0])
        t.speaker += hit(speaker, g.source)
        t.speaker_strict += hit(speaker, _head(doc, g.source))
        t.speaker_words += words_hit(speaker, g.source)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "–"


def table(tallies: dict[str, Tally]) -> str:
    rows = [("newsgraph", "direct", tallies["ours_direct"]),
            ("textacy `direct_quotations`", "direct", tallies["textacy_direct"]),
            ("newsgraph", "reported", tallies["ours_reported"])]
    lines = ["| system | gold kind | gold | predicted | precision | recall | speaker acc. "
             "| speaker acc. (head) | speaker words |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for system, kind, t in rows:
        lines.append(
            f"| {system} | {kind} | {t.gold} | {t.predicted} | {_ratio(t.precise, t.predicted)} "
            f"| {_ratio(t.recalled, t.gold)} | {_ratio(t.speaker, t.with_source)} "
            f"| {_ratio(t.speaker_strict, t.with_source)} "
            f"| {_ratio(t.speaker_words, t.with_source)} |")
    return "\n".join(lines)


def run(shared: Path) -> str:
    split = "test"
    tallies = score(shared / "eval" / "polnear" / split)
    ours, tex = tallies["ours_direct"], tallies["textacy_direct"]
    return f"""## Quotes (issue 4): PolNeAR {split} split

{len(load(shared / "eval" / "polnear" / split))} articles, one annotator file each. Gold
*direct* = an attribution whose Content holds a double quotation mark (“ ” " « » or ''; so partial
quotes inside paraphrase count); *reported* = the rest. A prediction matches a gold Content when
they overlap by ≥ 50% of the shorter. Recall: direct gold by our direct quotes, reported gold by
our reported speech; precision: a prediction matching any gold Content. Speaker accuracy is
over recalled gold with a Source span: our speaker entity has a mention overlapping the Source
(the issue's definition); "head" asks for a mention on the Source's syntactic head. textacy's
speakers are tokens, judged the same way. "Speaker words" ignores entities: the words our
stage took as the speaker (cue subject, label, …; `found.extra["quote_speaker_spans"]`)
overlap the Source — what speaker accuracy becomes once actors resolves them. Actors are
whatever `stages/actors.py` gives at the time of the run (pronoun/title speakers need its
coreference); a speaker that is no name ("the union", "officials", "a spokesman", "the
report", "52 percent of voters") is an actor of its own (`stages/descriptions.py`). Tuned on dev
(`python -m benchmarks.quotes dev`) and on 216 articles of PolNeAR's public train split kept
outside the repo (`python -m benchmarks.quotes DIR`); test is read only for these reports. A
Title Case name of a work in marks ("his book “…”", "the “…” star") is no quote in newsgraph;
PolNeAR annotates some of them as quoted content, which costs direct recall here.

{table(tallies)}

Time in the quote step alone: newsgraph {ours.seconds:.2f} s, textacy {tex.seconds:.2f} s
(same Docs); documents textacy gave up on (exception): {tex.failed_docs}.

Command: `python -m benchmarks --only quotes` (from the repo root, `--shared ../shared`).
"""


if __name__ == "__main__":  # check while tuning: python -m benchmarks.quotes [split | DIR]
    # (a split of ../shared/eval/polnear, "dev" by default, or any folder laid out the same,
    # text/ and attributions/: e.g. articles of PolNeAR's train split, which is public but not
    # in ../shared; never tune on test)
    which = sys.argv[1] if len(sys.argv) > 1 else "dev"
    here = Path(which)
    if not here.is_dir():
        here = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear" / which
    print(table(score(here)))
