"""Checkpoints of the write-ahead log on a thread of their own while an ingest writes.

SQLite copies committed pages from the WAL back into the database file (a checkpoint) inside
the commit that lets the WAL pass ``wal_autocheckpoint`` pages, so the writer waits for that
copy and its ``fsync``. During an ingest the writer turns automatic checkpoints off and a
``Checkpointer`` runs a PASSIVE checkpoint on its own connection after each commit: the copy
happens while the writer works on its next batch (SQLite releases the GIL for it), and a
PASSIVE checkpoint never blocks the writer or the readers. The WAL restarts from its beginning
at the first commit after a checkpoint has copied all of it, so it stays about one batch long.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from types import TracebackType


class Checkpointer:
    """``with Checkpointer(path) as cp: ... cp.kick()`` after each commit. Turns the writer's
    automatic checkpoints off for the duration (``writer``: the ingest's connection)."""

    def __init__(self, path: Path, writer: sqlite3.Connection) -> None:
        self.path, self.writer = path, writer
        self._wake = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._lock = threading.Lock()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="newsgraph-checkpoint",
                                        daemon=True)
        self._pages = 0

    def __enter__(self) -> Checkpointer:
        self._pages = self.writer.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        self.writer.execute("PRAGMA wal_autocheckpoint=0")
        self._thread.start()
        return self

    def kick(self) -> None:
        """A batch was committed: copy it into the database file when the thread is free."""
        with self._lock:
            self._idle.clear()
            self._wake.set()

    def wait(self) -> None:
        """Return when no checkpoint is running or due: call before beginning a transaction.
        A transaction that begins while the WAL is wholly copied reads from the database file
        alone, and only such a transaction may restart the WAL from its beginning when it
        commits; one that began during a checkpoint appends, and the WAL would grow."""
        self._idle.wait()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(self.path.absolute().as_uri(), uri=True,
                                   isolation_level=None, timeout=30)
        except sqlite3.Error:  # no checkpoints then: SQLite makes them again once automatic
            self._idle.set()  # checkpoints are back
            return
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                with self._lock:
                    if not self._wake.is_set():
                        self._idle.set()
                if self._stop:
                    return
        except sqlite3.Error:  # the writer's own commits still stand; SQLite checkpoints
            pass  # again when automatic checkpoints are back
        finally:
            self._idle.set()
            conn.close()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop = True
        self._wake.set()
        self._thread.join()
        self.writer.execute(f"PRAGMA wal_autocheckpoint={self._pages}")
