"""Extractive summaries on the writer-summary set beside Lead-3, LexRank, TextRank, newspaper4k.

Data: ``eval/news_writer_summaries/writer_summaries.json`` (Zhang et al. 2023), grouped by
``article_id``: 109 articles, 1-4 human reference summaries each (about 48 words).

Protocol, the same for every system: each system picks ``SENTENCES`` (3) whole sentences. All
systems read the same text, the article as cleaned by our ingest (``Digest.text``: boilerplate
lines dropped), and the peers choose among the same units our stage chooses among: spaCy's
sentences of one parse, cut at line breaks (``summary.sentence_spans``). Lead-3 is the first
three of those. sumy's LexRank and TextRank get a hand-built document of those sentences and a
regex word tokenizer (its own tokenizer needs NLTK data that is not installed); newspaper4k's
``nlp.summarize`` gets them through its ``split_sentences`` hook, and as its title, since the
set carries none, the title our ingest detected or else the first sentence. newsgraph is the
real pipeline, ``Pipeline(sentences=3).digest(article)``.

Score: ROUGE-1/2/L F1 from ``rouge-score`` with stemming, each summary scored against every
reference of its article and the best (max) F1 kept, then averaged over articles; x 100.
The stage's few weights were tuned on the articles whose id ends in an even hex digit; the
table also reports the held-out (odd) half alone.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rouge_score import rouge_scorer

from newsgraph import Pipeline, nlp
from newsgraph.ingest import article_from_text
from newsgraph.stages import Found
from newsgraph.stages import summary as summary_stage

SENTENCES = 3
DATA = Path("eval/news_writer_summaries/writer_summaries.json")
METRICS = ("rouge1", "rouge2", "rougeL")
# Ablations: newsgraph's stage rerun on the same parses with some of its weights switched off.
ABLATIONS: dict[str, dict[str, float]] = {
    "newsgraph without centrality": {"W_CENTRAL": 0.0},
    "newsgraph without actors (focus on the main actors)": {"FOCUS": 0.0},
    "newsgraph without the connective cut": {"DANGLING": 0.0},
    "newsgraph without redundancy control": {"REDUNDANCY": 0.0, "DUPLICATE": 2.0},
    "lead only over newsgraph's candidates (no title, no lede)": {
        "W_CENTRAL": 0.0, "W_HEAD": 0.0, "FOCUS": 0.0, "DANGLING": 0.0,
        "REDUNDANCY": 0.0, "DUPLICATE": 2.0, "QUOTED": 0.0, "SHORT": 1, "LONG": 10**6},
}
_WORD = re.compile(r"\w+(?:['’]\w+)*")


class _WordTokenizer:
    """What sumy asks of a tokenizer, without NLTK data."""

    language = "english"

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)

    def to_sentences(self, paragraph: str) -> list[str]:  # unused: sentences are given
        raise NotImplementedError


def load(shared: Path) -> list[tuple[str, str, list[str]]]:
    """(article_id, article, references) in file order."""
    rows = json.loads((shared / DATA).read_text("utf-8"))
    grouped: dict[str, tuple[str, list[str]]] = {}
    for row in rows:
        grouped.setdefault(row["article_id"], (row["article"], []))[1].append(row["summary"])
    return [(aid, art, refs) for aid, (art, refs) in grouped.items()]


def held_out(article_id: str) -> bool:
    """Odd last hex digit: not used for tuning."""
    return int(article_id[-1], 16) % 2 == 1


def _sumy(kind: str) -> Callable[[list[str]], list[str]]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    cls = LexRankSummarizer if kind == "lexrank" else TextRankSummarizer
    summarizer = cls(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = _WordTokenizer()

    def pick(sents: list[str]) -> list[str]:
        document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sents])])
        return [str(s) for s in summarizer(document, SENTENCES)]

    return pick


def _newspaper() -> Callable[[list[str], str], list[str]]:
    from newspaper import nlp as np_nlp
    from newspaper.text import StopWords

    stopwords = StopWords("en")

    def pick(sents: list[str], title: str) -> list[str]:
        np_nlp.split_sentences = lambda _text: list(sents)  # spaCy's sentences, no NLTK
        return np_nlp.summarize(title, "\n".join(sents), stopwords, max_sents=SENTENCES)

    return pick


@contextmanager
def _weights(changes: dict[str, float]) -> Iterator[None]:
    saved = {name: getattr(summary_stage, name) for name in changes}
    for name, value in changes.items():
        setattr(summary_stage, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(summary_stage, name, value)


def _systems(shared: Path) -> tuple[list[str], dict[str, list[list[str]]], list[float], Counter]:
    """Summaries per system per article, our stage's ms per article, counts for the notes."""
    articles = load(shared)
    model = nlp.load()
    pipeline = Pipeline(sentences=SENTENCES)
    lexrank, textrank, newspaper = _sumy("lexrank"), _sumy("textrank"), _newspaper()
    out: dict[str, list[list[str]]] = {
        k: [] for k in ("newsgraph", "Lead-3", "sumy LexRank", "sumy TextRank", "newspaper4k")}
    out.update({name: [] for name in ABLATIONS})
    stage_ms: list[float] = []
    notes: Counter[str] = Counter()
    for _, text, _ in articles:
        digest = pipeline.digest(text)
        article = article_from_text(text)
        doc = model(digest.text)
        found = Found(article=article, summary_sentences=SENTENCES, entities=digest.entities,
                      quotes=digest.quotes, events=digest.events)
        t0 = time.perf_counter()
        again = summary_stage.run(doc, found)
        stage_ms.append((time.perf_counter() - t0) * 1000)
        notes["mismatch"] += again != digest.summary  # the stage must be deterministic
        notes["title"] += article.title_span is not None
        notes["lede"] += article.lede is not None
        sents = [doc.text[s:e] for s, e in summary_stage.sentence_spans(doc)]
        title = digest.title or (sents[0] if sents else "")
        out["newsgraph"].append([s.text for s in digest.summary])
        out["Lead-3"].append(sents[:SENTENCES])
        out["sumy LexRank"].append(lexrank(sents))
        out["sumy TextRank"].append(textrank(sents))
        out["newspaper4k"].append(newspaper(sents, title))
        for name, changes in ABLATIONS.items():
            with _weights(changes):
                out[name].append([s.text for s in summary_stage.run(doc, found)])
    return [a for a, _, _ in articles], out, stage_ms, notes


def score(summaries: list[list[str]], refs: list[list[str]]) -> list[dict[str, float]]:
    """Per article: best-over-references F1 x 100 per metric."""
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    rows = []
    for picked, references in zip(summaries, refs, strict=True):
        best = scorer.score_multi(references, " ".join(picked))
        rows.append({m: 100 * best[m].fmeasure for m in METRICS})
    return rows


def run(shared: Path) -> str:
    ids, systems, stage_ms, notes = _systems(shared)
    refs_by_id = {aid: refs for aid, _, refs in load(shared)}
    refs = [refs_by_id[a] for a in ids]
    odd = [held_out(a) for a in ids]
    lines = [
        "## Extractive summary (issue 2)",
        "",
        f"{len(ids)} articles of `eval/news_writer_summaries` ({sum(len(r) for r in refs)} "
        f"human references). Every system picks {SENTENCES} sentences from the same spaCy "
        "sentences of the same cleaned text. ROUGE F1 x 100 (rouge-score, stemming), max over "
        "an article's references, mean over articles. *held-out*: the "
        f"{sum(odd)} articles (odd id) not used to tune newsgraph's weights. Below the peers: "
        "newsgraph's stage rerun on the same parses with parts switched off.",
        "",
        "| system | R-1 | R-2 | R-L | R-2 tuning half | R-2 held-out | R-2 vs Lead-3 "
        "(articles better / worse) | words/summary |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lead = [r["rouge2"] for r in score(systems["Lead-3"], refs)]
    for name, summaries in systems.items():
        rows = score(summaries, refs)
        mean = {m: statistics.fmean(r[m] for r in rows) for m in METRICS}
        tuning = statistics.fmean(r["rouge2"] for r, o in zip(rows, odd, strict=True) if not o)
        held = statistics.fmean(r["rouge2"] for r, o in zip(rows, odd, strict=True) if o)
        better = sum(r["rouge2"] > x + 1e-9 for r, x in zip(rows, lead, strict=True))
        worse = sum(r["rouge2"] < x - 1e-9 for r, x in zip(rows, lead, strict=True))
        words = statistics.fmean(len(" ".join(s).split()) for s in summaries)
        lines.append(f"| {name} | {mean['rouge1']:.2f} | {mean['rouge2']:.2f} | "
                     f"{mean['rougeL']:.2f} | {tuning:.2f} | {held:.2f} | {better} / {worse} | "
                     f"{words:.0f} |")
    lines += [
        "",
        f"newsgraph's summary stage alone: median {statistics.median(stage_ms):.2f} ms, max "
        f"{max(stage_ms):.2f} ms per article (after the parse and the other stages); "
        f"{notes['mismatch']} articles where a second run of the stage disagreed with the "
        f"digest. Our ingest took the first line of {notes['title']} articles for a title and "
        f"the first paragraph of {notes['lede']} for a restated standfirst; newsgraph never "
        "picks those lines, Lead-3 and the peers may.",
        "",
        "Command: `python -m benchmarks --only summary` (from the repo root, `--shared "
        "../shared`).",
    ]
    return "\n".join(lines)
