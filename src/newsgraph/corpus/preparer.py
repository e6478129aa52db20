"""What each digest of a batch alone determines (``writer.prepare``), made in this process or
on a worker process while the writer stores the batch before it.

A large ingest of ready digests is bound by the writer's one core; the digest-only work
(tokens, MinHash signature, band keys, story term counts, compression: about a third of it)
can run on another core. The worker receives each digest's title, text and packed JSON (not
the digest: building and pickling that costs more than the work saved) and returns plain
values. Small batches, and ingests told ``jobs=1``, stay in process: a worker is started only
for a batch of at least ``POOL_FROM`` digests, and only one, whatever ``jobs`` says (the writer
is the other busy core). A worker that dies costs nothing but time: the batch is prepared in
process instead.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

import numpy as np

from newsgraph.corpus import writer
from newsgraph.ingest import Failure
from newsgraph.model import Digest

POOL_FROM = 1000  # digests in a batch for which a worker is worth starting
PREPARE_ERRORS = (ValueError, TypeError, KeyError)  # a digest these fail on is stored in
# process, where its failure is reported as that article's

Prepared = dict[int, writer.Prepared]  # ``id(digest)`` -> what it needs
Parts = tuple[str | None, str, bytes]
Values = tuple[bytes, list[int], str, list[int], bytes] | None


def prepare_here(batch: list[Digest | Failure]) -> Prepared:
    """``writer.prepare`` of each digest of the batch, by ``id``; a digest it fails on is left
    out (storing it fails again, inside the transaction, where that failure is handled)."""
    prepared = {}
    for item in batch:
        if isinstance(item, Digest):
            with contextlib.suppress(*PREPARE_ERRORS):
                prepared[id(item)] = writer.prepare(item)
    return prepared


def _prepare_parts(parts: list[Parts]) -> list[Values]:
    """In the worker: ``writer.prepare_parts`` of each digest, as plain values (the terms
    joined by spaces, which no word contains: one string unpickles faster than a list)."""
    out: list[Values] = []
    for title, text, json in parts:
        try:
            p = writer.prepare_parts(title, text, json)
        except PREPARE_ERRORS:
            out.append(None)
            continue
        out.append((p.sig.tobytes(), p.keys, " ".join(p.terms), p.counts, p.packed))
    return out


class Preparer:
    """Prepares batches, on one worker process for large ones (see the module)."""

    def __init__(self, jobs: int | None) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Preparer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._close(wait=True)

    def _close(self, wait: bool) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None

    def wants_worker(self, batch: list[Digest | Failure]) -> bool:
        """Whether ``submit`` would send this batch to the worker."""
        return self.jobs >= 2 and sum(isinstance(d, Digest) for d in batch) >= POOL_FROM

    def submit(self, batch: list[Digest | Failure]) -> Callable[[], Prepared]:
        """The batch's ``Prepared``, being made on the worker if ``wants_worker``; otherwise
        made in process when first asked for."""
        digests = [item for item in batch if isinstance(item, Digest)]
        if not self.wants_worker(batch):
            return lambda: prepare_here(digests)
        sent: list[Digest] = []
        parts: list[Parts] = []
        for d in digests:
            with contextlib.suppress(*PREPARE_ERRORS):
                parts.append((d.title, d.text, writer.packed_json(d)))
                sent.append(d)
        try:
            future = self._worker().submit(_prepare_parts, parts)
        except (BrokenProcessPool, OSError, RuntimeError):
            self._close(wait=False)
            return lambda: prepare_here(digests)
        return lambda: self._collect(future, sent, digests)

    def _worker(self) -> ProcessPoolExecutor:
        if self._pool is None:
            start = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context(start))
        return self._pool

    def _collect(self, future: Future[list[Values]], sent: list[Digest],
                 digests: list[Digest]) -> Prepared:
        try:
            values = future.result()
        except Exception:  # the worker died, or its input or output did not pickle: the
            self._close(wait=False)  # batch is made here (a new worker for the next one)
            return prepare_here(digests)
        return {id(d): writer.Prepared(np.frombuffer(sig, np.uint32), keys,
                                       terms.split(" ") if terms else [], counts, packed)
                for d, v in zip(sent, values, strict=True) if v is not None
                for sig, keys, terms, counts, packed in (v,)}
