"""Turn command-line inputs (files, directories, ``-``) into raw documents, in input order.

Reading happens here; the costlier decoding and extraction happen in ``ingest.to_article`` so
that worker processes share it. Problems become ``Failure`` items in the stream rather than
exceptions, so one bad input never stops the others. Input is read lazily: JSON Lines a line
at a time, other files one at a time, each bounded by ``max_bytes`` (gzip files by their
decompressed size).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode

TEXT_EXT = {".txt", ".text", ".md"}
HTML_EXT = {".html", ".htm", ".xhtml"}
JSONL_EXT = {".jsonl", ".ndjson"}
JSON_EXT = {".json"} | JSONL_EXT
KNOWN_EXT = TEXT_EXT | HTML_EXT | JSON_EXT  # each may also be gzip-compressed (".html.gz")
DEFAULT_MAX_BYTES = 5_000_000
STDIN = "<stdin>"
_READ_ERRORS = (OSError, EOFError, zlib.error)  # EOFError: truncated gzip
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # left by "\\ud800" escapes in JSON
# JSON sniffing for inputs without an extension: an object with a key, or a list of objects
# (plain text may well begin with "[" or "{").
_JSON_START = re.compile(rb'\{\s*"|\[\s*(\{|\]|$)')


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One document to digest: its text or HTML and any metadata the input gave."""

    source: str
    kind: str  # "text" | "html"
    data: str | bytes
    title: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be digested, with the one line to show."""

    source: str
    message: str


def read_inputs(
    inputs: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDoc | Failure]:
    """Expand paths (directories recursively, sorted) and ``-`` (stdin) into documents."""
    for item in inputs:
        if item == "-":
            yield from _read_stdin(max_bytes)
            continue
        path = Path(item)
        name = display_name(item)
        try:
            if path.is_dir():
                yield from _read_dir(path, name, max_bytes)
            elif path.exists():
                yield from _read_path(path, max_bytes)
            else:
                yield Failure(name, "no such file or directory")
        except OSError as err:  # unreadable directory, broken mount, name too long...
            yield Failure(name, f"cannot read: {err.strerror or err}")


def display_name(path: str | Path) -> str:
    """The path as printable text: bytes of non-UTF-8 file names become U+FFFD."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "replace")


def _read_stdin(max_bytes: int) -> Iterator[RawDoc | Failure]:
    try:
        data = sys.stdin.buffer.read(max_bytes + 1)
    except (OSError, ValueError, AttributeError) as err:  # closed or missing stdin
        yield Failure(STDIN, f"cannot read standard input ({err})")
        return
    yield from _read_blob(STDIN, data, None, max_bytes)


def _read_dir(path: Path, name: str, max_bytes: int) -> Iterator[RawDoc | Failure]:
    files = sorted(p for p in path.rglob("*") if _wanted(p, path) and p.is_file())
    if not files:
        yield Failure(name, "directory holds no .txt, .html or .json(l) files (plain or .gz)")
    for f in files:
        yield from _read_path(f, max_bytes)


def _wanted(p: Path, root: Path) -> bool:
    rel = p.relative_to(root).parts
    return _format(p)[0] in KNOWN_EXT and not any(part.startswith(".") for part in rel)


def _format(path: Path) -> tuple[str, bool]:
    """(format extension, gzip-compressed?): "page.html.gz" is (".html", True)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        return (suffixes[-2] if len(suffixes) > 1 else ""), True
    return path.suffix.lower(), False


def _open(path: Path, compressed: bool) -> BinaryIO:
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _read_problem(err: Exception) -> str:
    if isinstance(err, OSError) and not isinstance(err, gzip.BadGzipFile):
        return f"cannot read: {err.strerror or err}"
    return f"cannot read: damaged gzip data ({err})"


def _read_path(path: Path, max_bytes: int) -> Iterator[RawDoc | Failure]:
    source = display_name(path)
    ext, compressed = _format(path)
    if ext in JSONL_EXT:
        yield from _stream_jsonl(path, compressed, source, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes and not compressed:
            yield Failure(source, f"{size:,} bytes is over the limit of {max_bytes:,} "
                                  "(raise it with --max-bytes)")
            return
        with _open(path, compressed) as fh:
            # read at most one byte past the limit: a file may grow after stat(), and
            # compressed data is bounded by its decompressed size
            data = fh.read(max_bytes + 1)
    except _READ_ERRORS as err:
        yield Failure(source, _read_problem(err))
        return
    yield from _read_blob(source, data, ext, max_bytes)


def _stream_jsonl(
    path: Path, compressed: bool, source: str, max_bytes: int
) -> Iterator[RawDoc | Failure]:
    """JSON Lines, read a line at a time: memory stays flat however long the file, and
    ``max_bytes`` applies to each article's line rather than to the whole file."""
    seen = False
    try:
        with _open(path, compressed) as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                seen = True
                yield _jsonl_record(f"{source}:{lineno}", line, max_bytes)
    except _READ_ERRORS as err:
        yield Failure(source, _read_problem(err))
        return
    if not seen:
        yield Failure(source, "empty input")


def _jsonl_record(where: str, line: bytes, max_bytes: int) -> RawDoc | Failure:
    if len(line) > max_bytes:
        return Failure(where, f"{len(line):,} bytes is over the limit of {max_bytes:,} "
                              "(raise it with --max-bytes)")
    try:
        rec = json.loads(decode(line, where))
    except InputError as err:
        return Failure(where, err.problem)
    except (ValueError, RecursionError) as err:
        return Failure(where, f"malformed JSON line ({_json_problem(err)})")
    return _from_record(where, rec)


def _read_blob(
    source: str, data: bytes, ext: str | None, max_bytes: int
) -> Iterator[RawDoc | Failure]:
    if len(data) > max_bytes:
        yield Failure(source, f"more than {max_bytes:,} bytes (raise it with --max-bytes)")
        return
    if not data.strip():
        yield Failure(source, "empty input")
        return
    kind = _kind(ext, data)
    if kind != "json":
        yield RawDoc(source, kind, data)
        return
    try:
        text = decode(data, source)
    except InputError as err:
        yield Failure(source, err.problem)
        return
    yield from _read_json(source, text, ext)


def _kind(ext: str | None, data: bytes) -> str:
    if ext in HTML_EXT:
        return "html"
    if ext in JSON_EXT:
        return "json"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):  # a saved page under a .txt name too
        return "html"
    if ext in TEXT_EXT:
        return "text"
    if head.startswith(b"<?xml") or b"<body" in data[:65536].lower():
        return "html"
    if _JSON_START.match(head):
        return "json"
    return "text"


def _read_json(source: str, text: str, ext: str | None) -> Iterator[RawDoc | Failure]:
    stripped = text.lstrip()
    if ext not in JSONL_EXT:
        try:
            value = json.loads(text)
        except (ValueError, RecursionError) as err:
            if stripped.startswith("{") and "\n{" in text:  # JSON Lines under a .json name
                value = None
            else:
                yield Failure(source, f"malformed JSON ({_json_problem(err)})")
                return
        if isinstance(value, dict):
            yield _from_record(source, value)
            return
        if isinstance(value, list):
            for i, rec in enumerate(value, 1):
                yield _from_record(f"{source}:{i}", rec)
            return
        if value is not None:
            yield Failure(source, "JSON must be an article object or a list of them")
            return
    # split on "\n" only: str.splitlines would also break at U+2028 inside JSON strings
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            rec = json.loads(line)
        except (ValueError, RecursionError) as err:
            yield Failure(where, f"malformed JSON line ({_json_problem(err)})")
            continue
        yield _from_record(where, rec)


def _clean_str(value: object) -> str | None:
    """A JSON string field, with lone surrogates ("\\ud800" escapes) made U+FFFD so that the
    text can be written out as UTF-8 again; None for anything but a string."""
    if not isinstance(value, str):
        return None
    return _LONE_SURROGATE.sub("\ufffd", value)


def _json_problem(err: Exception) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"line {err.lineno} column {err.colno}: {err.msg}"
    if isinstance(err, RecursionError):
        return "nested too deeply"
    return str(err).split("\n", 1)[0]


def _from_record(source: str, rec: object) -> RawDoc | Failure:
    if not isinstance(rec, dict):
        return Failure(source, "expected a JSON object with a 'text' or 'html' field")
    meta = {k: _clean_str(rec.get(k)) for k in ("title", "url", "published")}
    for key, kind in (("text", "text"), ("html", "html")):
        value = _clean_str(rec.get(key))
        if value and value.strip():
            return RawDoc(source, kind, value, **meta)
    return Failure(source, "no 'text' or 'html' field with content")
