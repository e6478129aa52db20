"""Batches prepared on a worker process store exactly what batches prepared in process do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.corpus import Corpus, ingest, preparer
from newsgraph.model import Entity

from .helpers import entity, event, filler, make_digest, mention, quote

TABLES = ["SELECT id, digest_id, story_id, duplicate_of, similarity, counted, version, digest "
          "FROM articles", "SELECT * FROM stories", "SELECT * FROM actors",
          "SELECT * FROM actor_keys", "SELECT * FROM mentions", "SELECT * FROM quotes",
          "SELECT * FROM events", "SELECT * FROM minhash", "SELECT * FROM lsh"]


def _stream() -> list:
    """Articles with actors, quotes and events, near-duplicates of earlier ones and a second
    version of one URL, in batches of 20."""
    out = []
    for i in range(90):
        text = filler(300 + i % 60) + f" Ana Ruiz met Port Authority officials on day {i}."
        if i >= 60:  # a near-duplicate of article i - 60: one word added
            text = text.replace("Report", "Report update", 1)
        out.append(make_digest(
            text, title=f"Port talks {i % 7}", url=f"https://x.example/{i % 85}",
            entities=(entity(text, "E1", "Ana Ruiz"),
                      entity(text, "E2", "Port Authority", "ORG")),
            quotes=(quote(text, "Port Authority officials", "E1"),),
            events=(event(text, "met", "CONSULT", "E1", "E2"),)))
    return out


def _tables(path: Path, digests: list, jobs: int) -> list:
    with Corpus(path) as c:
        report = c.add(digests, jobs=jobs)
        assert not report.failures
        return [c.conn.execute(f"{sql} ORDER BY 1, 2").fetchall() for sql in TABLES]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "BATCH", 20)
    monkeypatch.setattr(preparer, "POOL_FROM", 10)


def test_batches_prepared_on_a_worker_store_what_in_process_batches_store(
    tmp_path: Path, small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = []
    submit = preparer.Preparer.submit

    def counted(self, batch):
        sent.append(self.wants_worker(batch))
        return submit(self, batch)

    monkeypatch.setattr(preparer.Preparer, "submit", counted)
    digests = _stream()
    on_worker = _tables(tmp_path / "two.sqlite", digests, jobs=2)
    assert sum(sent) >= 3  # batches did go to the worker
    alone = _tables(tmp_path / "one.sqlite", digests, jobs=1)
    assert on_worker == alone
    duplicates = [r for r in alone[0] if r[3] is not None]
    assert duplicates and any(r[6] == 2 for r in alone[0])  # the stream had both cases


def test_an_article_that_cannot_be_prepared_fails_alone_in_a_worker_batch(
    tmp_path: Path, small_batches: None
) -> None:
    digests = [make_digest(filler(500 + i)) for i in range(45)]
    bad_text = filler(900)
    bad = Entity("E1", "Report", "ORG", sector={"not", "json"},  # type: ignore[arg-type]
                 mentions=(mention(bad_text, "Report"),))
    digests.insert(25, make_digest(bad_text, entities=(bad,)))
    with Corpus(tmp_path / "c.sqlite") as c:
        report = c.add(digests, jobs=2)
        assert sum(report.outcomes.values()) == 45
        assert len(report.failures) == 1 and "TypeError" in report.failures[0].message


def _die(parts: list) -> None:
    os._exit(3)


def test_a_worker_that_dies_costs_nothing_but_time(
    tmp_path: Path, small_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preparer, "_prepare_parts", _die)
    digests = _stream()
    assert _tables(tmp_path / "c.sqlite", digests, jobs=2) == _tables(
        tmp_path / "one.sqlite", digests, jobs=1)
