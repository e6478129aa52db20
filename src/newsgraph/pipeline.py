"""The pipeline: one spaCy parse per article, then the stages in order, then a frozen Digest.

``Pipeline.results`` streams digests (or failures) in input order with bounded memory, in this
process or across worker processes that each load the model once.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from newsgraph import nlp
from newsgraph.errors import InputError
from newsgraph.ingest import Failure, RawDoc, article_from_text, normalize_date, to_article
from newsgraph.model import Article, Digest, text_id
from newsgraph.stages import Found

if TYPE_CHECKING:
    from spacy.tokens import Doc


@cache
def stages() -> tuple[tuple[str, Callable[[Doc, Found], object]], ...]:
    """(name on Found, stage function), in order; later stages read earlier results.
    Imported on first use so that a process that only feeds workers never loads spaCy."""
    from newsgraph.stages import actors, events, quotes, summary

    return (
        ("entities", actors.run),
        ("quotes", quotes.run),
        ("events", events.run),
        ("summary", summary.run),
    )


Input = str | Article | RawDoc
BATCH = 8  # documents per worker task


@dataclass(frozen=True)
class Pipeline:
    """Digest articles. ``published`` is the reference date for articles that carry none;
    ``sentences`` is the summary length."""

    published: str | None = None
    sentences: int = 3

    def __post_init__(self) -> None:
        object.__setattr__(self, "published", normalize_date(self.published))

    def digest(self, item: Input) -> Digest:
        """Digest one article (text, Article or RawDoc); raises ``InputError`` on bad input."""
        (result,) = self._run_batch([item])
        if isinstance(result, Failure):
            raise InputError(result.source, result.message)
        return result

    def digest_many(self, items: Iterable[Input], jobs: int | None = None) -> Iterator[Digest]:
        """Digests in input order; raises ``InputError`` at the first bad input."""
        for result in self.results(items, jobs):
            if isinstance(result, Failure):
                raise InputError(result.source, result.message)
            yield result

    def results(
        self, items: Iterable[Input | Failure], jobs: int | None = None
    ) -> Iterator[Digest | Failure]:
        """Digest or Failure per input, in input order. Failures already in ``items`` (from
        ``read_inputs``) pass through in place. At most ``2 * jobs`` batches are in flight."""
        jobs = max(1, jobs or os.cpu_count() or 1)
        batches = _batches(items, BATCH)
        if jobs == 1:
            for batch in batches:
                yield from self._run_batch(batch)
            return
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            window: deque[Future[list[Digest | Failure]]] = deque()
            try:
                for batch in batches:
                    window.append(pool.submit(self._run_batch, batch))
                    while len(window) >= 2 * jobs:
                        yield from window.popleft().result()
                while window:
                    yield from window.popleft().result()
            finally:  # the consumer stopped early: do not digest what nobody will read
                for future in window:
                    future.cancel()

    def _run_batch(self, batch: list[Input | Failure]) -> list[Digest | Failure]:
        out: list[Digest | Failure | Article] = []
        for item in batch:
            if isinstance(item, Failure):
                out.append(item)
                continue
            try:
                out.append(self._article(item))
            except InputError as err:
                out.append(Failure(err.source or "<input>", err.problem))
        todo = [a for a in out if isinstance(a, Article)]
        docs = iter(nlp.parse(a.text for a in todo))
        return [self._safe_digest(a, next(docs)) if isinstance(a, Article) else a for a in out]

    def _safe_digest(self, article: Article, doc: Doc) -> Digest | Failure:
        """A stage that crashes on one article fails that article, not the whole run."""
        try:
            return self._digest(article, doc)
        except Exception as err:  # a bug: report it on the article's one line
            if os.environ.get("NEWSGRAPH_DEBUG"):
                raise
            detail = " ".join(str(err).split())[:200]
            return Failure(article.source or "<input>", f"internal error in a stage "
                           f"({type(err).__name__}: {detail}); please report it "
                           "(NEWSGRAPH_DEBUG=1 shows the traceback)")

    def _article(self, item: Input) -> Article:
        if isinstance(item, Article):
            return item
        if isinstance(item, RawDoc):
            return to_article(item, published=self.published)
        if isinstance(item, str):
            return article_from_text(item, published=self.published)
        raise TypeError(f"cannot digest a {type(item).__name__}")

    def _digest(self, article: Article, doc: Doc) -> Digest:
        found = Found(article=article, summary_sentences=self.sentences)
        for name, stage in stages():
            setattr(found, name, stage(doc, found))
            found.__dict__.pop("_mention_index", None)  # entities may have changed
        return Digest(
            id=text_id(article.text),
            source=article.source,
            title=article.title,
            url=article.url,
            published=article.published,
            language="en",
            text=article.text,
            segments=article.segments,
            lede=article.lede,
            removed=article.removed,
            summary=found.summary,
            entities=found.entities,
            quotes=found.quotes,
            events=found.events,
            author=article.author,
        )


def _batches(items: Iterable[Input | Failure], size: int) -> Iterator[list[Input | Failure]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def digest(text: str, published: str | None = None, *, sentences: int = 3) -> Digest:
    """Digest one article given as plain text."""
    return Pipeline(published=published, sentences=sentences).digest(text)
