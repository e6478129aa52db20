"""The SQLite file behind a corpus: opening it safely, migrating its schema, transactions.

One file in WAL mode (readers keep working while an ingest writes), foreign keys on, every write
inside ``transaction()``. A file that is not a newsgraph corpus, is corrupt, or was made by a
newer newsgraph is refused with one ``CorpusError`` and left untouched. An older schema is
migrated in place after a backup copy is written next to it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgraph.corpus.migrations import MIGRATIONS, VERSION
from newsgraph.errors import NewsgraphError

APPLICATION_ID = 0x4E475250  # "NGRP": marks the file as a newsgraph corpus
PAGE_SIZE = 8192  # for new corpora: an article row fits a page with room to spare, and an ingest
# commits fewer pages (~7% less CPU at 50k articles than 4096); existing files keep theirs
MMAP_BYTES = 1 << 31  # read pages through a memory map (SQLite caps it, ~2 GiB by default): a
# page missing from the cache costs no system call and no copy, so look-ups in a corpus
# larger than the cache stay fast
SQLITE_MAGIC = b"SQLite format 3\x00"


class CorpusError(NewsgraphError):
    """The corpus file cannot be used (corrupt, foreign, too new, locked)."""


def open_db(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the corpus at ``path``."""
    _check_file(path)
    if readonly and not path.exists():
        raise CorpusError(f"{path}: no such corpus (create it with `newsgraph ingest`)")
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path, readonly)
        version, app_id, tables = _identity(conn)
    except sqlite3.DatabaseError as err:
        if conn is not None:
            conn.close()  # no handle left open on a file we refuse
        raise CorpusError(f"{path}: not a usable SQLite database ({err}); the file was "
                          "left untouched") from None
    if tables and app_id != APPLICATION_ID:
        conn.close()
        raise CorpusError(f"{path}: an SQLite file but not a newsgraph corpus; the file was "
                          "left untouched (choose another --db)")
    if version > VERSION:
        conn.close()
        raise CorpusError(f"{path}: made by a newer newsgraph (schema {version}, this one "
                          f"reads up to {VERSION}); upgrade newsgraph")
    if version < VERSION:
        if readonly:
            conn.close()
            conn = _connect(path, readonly=False)
        _migrate(conn, path, version, has_data=bool(tables))
    with contextlib.suppress(sqlite3.OperationalError):  # read-only file system: still readable
        conn.execute("PRAGMA journal_mode=WAL")
    return conn


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise CorpusError(f"{path}: is a directory, not a corpus file")
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise CorpusError(f"{path}: not an SQLite database (corrupt or another kind of file); "
                          "the file was left untouched")


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    uri = path.absolute().as_uri()  # percent-encoded: '?', '#' or '%' in a name stay literal
    if readonly:
        uri += "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30,
                           check_same_thread=False)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=30000")
    conn.execute("PRAGMA cache_size=-65536")  # 64 MiB of pages: indexes stay in memory
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
    return conn


def _identity(conn: sqlite3.Connection) -> tuple[int, int, bool]:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    return version, app_id, tables


def backup_path(path: Path, version: int) -> Path:
    """Where the copy made before migrating from ``version`` goes."""
    return path.with_name(f"{path.name}.v{version}.bak")


def _migrate(conn: sqlite3.Connection, path: Path, version: int, has_data: bool) -> None:
    if has_data:
        _write_backup(conn, backup_path(path, version))
    elif version == 0:
        conn.execute(f"PRAGMA page_size={PAGE_SIZE}")  # no effect once the file has pages
    conn.execute("BEGIN IMMEDIATE")
    try:
        if version == 0:  # nobody migrated this file yet: claim it
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        for step in range(version, VERSION):
            migration = MIGRATIONS[step]
            if callable(migration):
                migration(conn)
            else:
                for statement in _statements(migration):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version={step + 1}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _write_backup(conn: sqlite3.Connection, target_path: Path) -> None:
    """A complete copy at ``target_path`` or none: written beside it, then renamed over it."""
    partial = target_path.with_name(target_path.name + ".partial")
    partial.unlink(missing_ok=True)  # left by a run killed mid-copy
    target = sqlite3.connect(partial, isolation_level=None)
    try:
        conn.backup(target)
    finally:
        target.close()
    os.replace(partial, target_path)


def _statements(script: str) -> Iterator[str]:
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf.strip()
            buf = ""
    if buf.strip():
        yield buf.strip()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
