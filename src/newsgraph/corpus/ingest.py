"""Run an ingest: read sources, digest what needs digesting, store each result.

Articles are stored in batches, one transaction per batch. When an article cannot be stored,
the batch is rolled back and stored again with each article inside its own savepoint, so the
bad article is rolled back alone and reported and the others are kept. A process
killed mid-ingest loses only its open batch, which the same command stores on the next run
(stored articles are recognised by id and skipped). One ingest writes to a corpus at a time
(an advisory lock next to the file); readers are never blocked.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path

from newsgraph.corpus import preparer, writer
from newsgraph.corpus.checkpoint import Checkpointer
from newsgraph.corpus.readers import read_digests, read_raw, split_sources
from newsgraph.corpus.store import CorpusError, transaction
from newsgraph.ingest import Failure
from newsgraph.model import Digest

BATCH = 2000  # articles per transaction (fewer commits rewrite fewer index pages)
BATCH_SECONDS = 3.0  # ... or fewer, when they come slowly
SAVE_DF_EVERY = 20  # batches between saves of the story document frequencies


@dataclass
class IngestReport:
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return sum(self.outcomes.values()) + len(self.failures)


Progress = Callable[[Digest | Failure, "writer.Outcome | None"], None]


@contextmanager
def writer_lock(path: Path) -> Iterator[None]:
    """Hold the corpus's advisory write lock, or fail at once with a clear error.

    The lock is a ``<db>.lock`` file held with ``flock`` and removed again on release, so
    nothing is left beside the corpus. A writer that locked a file another writer had just
    removed notices (the path no longer names the file it locked) and locks the new one.
    """
    lock_path = path.with_name(path.name + ".lock")
    while True:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise CorpusError(f"{path}: another ingest is writing to this corpus; "
                              "wait for it to finish") from None
        if _same_file(fd, lock_path):
            break
        os.close(fd)  # released and removed by its last holder meanwhile: lock the new one
    try:
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(lock_path)  # still holding the lock: nobody else can own this file
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def results(
    paths: Iterable[str], *, jobs: int | None, published: str | None, max_bytes: int
) -> Iterator[Digest | Failure]:
    """Stored-digest files first (no parsing), then everything the pipeline digests."""
    from newsgraph.pipeline import Pipeline

    digest_files, raw_files = split_sources(paths)
    stream: Iterable[Digest | Failure] = read_digests(digest_files)
    if raw_files:
        pipeline = Pipeline(published=published)
        stream = chain(stream, pipeline.results(read_raw(raw_files, max_bytes), jobs=jobs))
    return iter(stream)


def store_all(
    conn: sqlite3.Connection, items: Iterable[Digest | Failure], progress: Progress | None = None,
    jobs: int | None = None,
) -> IngestReport:
    """Store every digest; failures are collected, never raised. ``jobs``: how many cores the
    ingest may use (default: all); with two or more, large batches are prepared on a worker
    (``preparer``) while the batch before them is stored."""
    with _no_full_collections():
        return _store_all(conn, items, progress, jobs)


def _store_all(
    conn: sqlite3.Connection, items: Iterable[Digest | Failure], progress: Progress | None,
    jobs: int | None,
) -> IngestReport:
    report = IngestReport()
    session = writer.Session(conn)
    batch: list[Digest | Failure] = []
    started, batches = time.monotonic(), 0
    held: list[tuple[list[Digest | Failure], Callable[[], preparer.Prepared]]] = []

    def store(batch: list[Digest | Failure], prepared: Callable[[], preparer.Prepared],
              last: bool = False) -> None:
        nonlocal batches
        batches += 1
        _store_batch(session, batch, prepared(), report, progress,
                     save_df=last or batches % SAVE_DF_EVERY == 0, ready=checkpointer.wait)
        checkpointer.kick()
        if batches % FULL_COLLECTION_EVERY == 0 and gc.isenabled():
            gc.collect()  # a long ingest still frees what only a full pass finds

    def store_held() -> None:
        while held:
            store(*held[0])
            held.pop(0)

    with Checkpointer(_file_of(conn), conn) as checkpointer, \
            preparer.Preparer(jobs) as batch_preparer:
        try:
            for item in items:
                batch.append(item)
                if len(batch) >= BATCH or time.monotonic() - started > BATCH_SECONDS:
                    if not batch_preparer.wants_worker(batch):
                        store_held()
                        store(batch, batch_preparer.submit(batch))
                    elif not held:  # nothing to store meanwhile: this batch is made here
                        # while the worker makes the next one
                        held.append((batch, partial(preparer.prepare_here, batch)))
                    else:  # the worker makes this batch while the one before is stored
                        prepared = batch_preparer.submit(batch)
                        store_held()
                        held.append((batch, prepared))
                    batch, started = [], time.monotonic()
        finally:
            store_held()
            store(batch, partial(preparer.prepare_here, batch), last=True)
    return report


def _file_of(conn: sqlite3.Connection) -> Path:
    """The database file of ``conn`` (its main schema)."""
    return Path(next(row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"))


FULL_COLLECTIONS_OFF = 1 << 30  # the collector's oldest-generation threshold while storing
FULL_COLLECTION_EVERY = 50  # batches between full passes that a long ingest makes itself


@contextmanager
def _no_full_collections() -> Iterator[None]:
    """No automatic full passes of the garbage collector while digests are stored (the young
    generations are still collected, and a long ingest makes a full pass every
    ``FULL_COLLECTION_EVERY`` batches). A full pass scans every object the process holds
    (loaded models, the caller's digests): it cost ~35-60 µs per stored article and finds
    hardly any garbage the writer made. The threshold is put back afterwards, so full passes
    come about as often as before, outside the ingest."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTIONS_OFF)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)


STORE_ERRORS = (sqlite3.IntegrityError, ValueError, TypeError, KeyError)


def _store_batch(
    session: writer.Session,
    batch: list[Digest | Failure],
    prepared: preparer.Prepared,
    report: IngestReport,
    progress: Progress | None,
    save_df: bool,
    ready: Callable[[], None],
) -> None:
    """Store one batch (``prepared``: what each digest alone determines, made outside the
    transaction while the checkpointer copied the batch before). ``ready`` waits for the
    checkpointer to finish before the transaction begins."""
    ready()
    try:
        done = _write_batch(session, batch, save_df, isolate=False, prepared=prepared)
    except STORE_ERRORS:
        done = _write_batch(session, batch, save_df, isolate=True)
    for item, outcome in done:
        if isinstance(item, Failure):
            report.failures.append(item)
        elif outcome is not None:
            report.outcomes[outcome.value] += 1
        if progress:
            progress(item, outcome)


def _write_batch(
    session: writer.Session, batch: list[Digest | Failure], save_df: bool, isolate: bool,
    prepared: dict[int, writer.Prepared] | None = None,
) -> list[tuple[Digest | Failure, writer.Outcome | None]]:
    """One transaction for the batch. ``isolate``: each article in a savepoint, an article
    that fails becomes a ``Failure`` in the result (otherwise its error propagates).
    ``prepared``: ``writer.prepare`` of the batch's digests by ``id``."""
    prepared = prepared or {}
    done: list[tuple[Digest | Failure, writer.Outcome | None]] = []
    try:
        with transaction(session.conn):
            for item in batch:
                if isinstance(item, Failure):
                    done.append((item, None))
                elif isolate:
                    done.append(_store_isolated(session, item))
                else:
                    done.append((item, writer.store(session, item, prepared.get(id(item)))))
            session.flush()
            if save_df:
                session.stories.save()
    except BaseException:
        # memory held rows, stories and actor links of the rolled-back transaction: whoever
        # stores the batch again (the isolated retry, store_all's finally) starts clean
        with contextlib.suppress(sqlite3.Error):
            session.reload()
        raise
    return done


def _store_isolated(
    session: writer.Session, digest: Digest
) -> tuple[Digest | Failure, writer.Outcome | None]:
    conn = session.conn
    conn.execute("SAVEPOINT article")
    try:
        outcome = writer.store(session, digest)
        session.flush()
    except STORE_ERRORS as err:
        conn.execute("ROLLBACK TO article")
        conn.execute("RELEASE article")
        session.reload()
        return Failure(digest.source or digest.id[:12],
                       f"could not be stored ({type(err).__name__}: {err})"), None
    conn.execute("RELEASE article")
    return digest, outcome
