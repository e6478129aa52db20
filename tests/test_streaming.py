"""Pipeline.results / digest_many stream in input order and pull input lazily (bounded memory)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsgraph import InputError, Pipeline
from newsgraph.ingest import Failure, RawDoc
from newsgraph.pipeline import BATCH
from newsgraph.stages import Found

TEXT = ("The city council voted on Wednesday to build a new library in the old market hall, "
        "and the mayor said work would start next year. Item number {i} follows.")


class Counting:
    """An input stream that records how far it has been read."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.pulled = 0

    def __iter__(self) -> Iterator[RawDoc]:
        for i in range(self.n):
            self.pulled += 1
            yield RawDoc(f"doc{i}", "text", TEXT.format(i=i))


@pytest.mark.parametrize("jobs", [1, 2])
def test_input_is_pulled_lazily_and_output_is_in_order(jobs: int) -> None:
    stream = Counting(200)
    results = Pipeline().results(stream, jobs=jobs)
    first = next(results)
    assert first.source == "doc0"
    # at most 2 * jobs batches are in flight (one batch when working in-process)
    assert stream.pulled <= max(1, 2 * jobs) * BATCH
    seen = [first.source]
    for _ in range(3 * BATCH):
        seen.append(next(results).source)
    assert seen == [f"doc{i}" for i in range(len(seen))]
    assert stream.pulled <= len(seen) + 2 * jobs * BATCH
    results.close()  # stopping early must not hang or digest the rest
    assert stream.pulled < 200


def test_failures_stay_in_place_and_digest_many_raises_at_the_first() -> None:
    items = [RawDoc("a", "text", TEXT.format(i=1)), Failure("b", "no such file"),
             RawDoc("c", "text", "too short"), RawDoc("d", "text", TEXT.format(i=2))]
    out = list(Pipeline().results(items, jobs=1))
    assert [type(r).__name__ for r in out] == ["Digest", "Failure", "Failure", "Digest"]
    assert [r.source for r in out] == ["a", "b", "c", "d"]
    with pytest.raises(InputError, match="b: no such file"):
        list(Pipeline().digest_many(items, jobs=1))


def test_a_crashing_stage_fails_one_article_not_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsgraph.pipeline as pipeline

    def broken(doc: object, found: Found) -> tuple[()]:
        if "number 2" in found.article.text:
            raise ValueError("boom\nsecond line")
        return ()

    monkeypatch.delenv("NEWSGRAPH_DEBUG", raising=False)
    monkeypatch.setattr(pipeline, "stages", lambda: (("entities", broken),))
    items = [RawDoc(f"d{i}", "text", TEXT.format(i=i)) for i in range(1, 4)]
    out = list(Pipeline().results(items, jobs=1))
    assert [type(r).__name__ for r in out] == ["Digest", "Failure", "Digest"]
    assert "internal error" in out[1].message and "\n" not in out[1].message
