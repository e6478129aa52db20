"""What ``ingest`` reads besides what ``digest`` reads: WARC files, RSS/Atom feed files and
JSON Lines of digests already made (``digest --json``), which are stored without re-parsing.

``split_sources`` walks the paths once and returns two streams: ready digests, and raw
documents for the pipeline (everything ``newsgraph.ingest.read_inputs`` reads plus the WARC
and feed records). Problems become ``Failure`` items, never exceptions.
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import orjson

from newsgraph.ingest import Failure, RawDoc, read_inputs
from newsgraph.ingest.sources import KNOWN_EXT
from newsgraph.model import Digest, text_id

DIGEST_SCHEMA = "newsgraph.digest/"
FEED_EXT = {".rss", ".atom", ".xml"}
HTML_TYPES = ("text/html", "application/xhtml+xml")


def warc_file(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Directories become their readable files (recursively, sorted, hidden ones skipped)."""
    for item in paths:
        path = Path(item)
        if item != "-" and path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, path))
            yield from (str(p) for p in files) if files else [item]
        else:
            yield item


def _wanted(p: Path, root: Path) -> bool:
    if any(part.startswith(".") for part in p.relative_to(root).parts):
        return False
    return p.suffix.lower() in KNOWN_EXT | FEED_EXT or warc_file(p)


def split_sources(paths: Iterable[str]) -> tuple[list[str], list[str]]:
    """(digest JSONL files, everything else) after expanding directories."""
    digests, raw = [], []
    for item in expand(paths):
        (digests if is_digest_file(item) else raw).append(item)
    return digests, raw


def _open(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when its name ends in .gz."""
    return gzip.open(path, "rb") if path.suffix.lower() == ".gz" else path.open("rb")


def _kind(path: Path) -> str:
    """The file's type suffix, lower case, under any .gz ("x.jsonl.gz" -> ".jsonl")."""
    if path.suffix.lower() == ".gz":
        path = path.with_suffix("")
    return path.suffix.lower()


def estimate(item: str) -> int:
    """About how many articles a path holds, for progress: lines of JSON Lines, else 1."""
    path = Path(item)
    if item == "-" or _kind(path) not in (".jsonl", ".ndjson"):
        return 1
    try:
        with _open(path) as f:
            return max(1, sum(1 for line in f if line.strip()))
    except (OSError, EOFError):
        return 1


def is_digest_file(item: str) -> bool:
    path = Path(item)
    if item == "-" or _kind(path) not in (".jsonl", ".ndjson", ".json"):
        return False
    try:
        with _open(path) as f:
            first = next((line for line in f if line.strip()), b"")
        return orjson.loads(first).get("schema", "").startswith(DIGEST_SCHEMA)
    except (OSError, EOFError, ValueError, AttributeError):
        return False


def read_digests(paths: Iterable[str]) -> Iterator[Digest | Failure]:
    """Digests from JSON Lines files, each checked (id, offsets) before it is stored."""
    for item in paths:  # line by line: a large file streams, a bad line fails alone
        try:
            with _open(Path(item)) as f:
                for lineno, line in enumerate(f, 1):
                    if line.strip():
                        yield parse_digest(f"{item}:{lineno}", line)
        except (OSError, EOFError) as err:  # gzip: a truncated or corrupt stream
            yield Failure(item, f"cannot read: {err}")


def parse_digest(where: str, line: str | bytes) -> Digest | Failure:
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as err:
            return Failure(where, f"not UTF-8 (byte {err.start + 1} of the line)")
    try:
        digest = Digest.from_dict(orjson.loads(line))
    except orjson.JSONDecodeError as err:
        return Failure(where, f"malformed JSON line ({err.msg})")
    except (KeyError, TypeError, AttributeError, ValueError) as err:
        return Failure(where, f"not a newsgraph digest ({type(err).__name__}: {err})")
    if not digest.schema.startswith(DIGEST_SCHEMA):
        return Failure(where, f"unknown schema {digest.schema!r}")
    if digest.id != text_id(digest.text):
        return Failure(where, "digest id is not the SHA-256 of its text (edited by hand?)")
    if problems := digest.grounding_errors():
        return Failure(where, f"digest offsets do not match its text: {problems[0]}")
    return digest


def read_raw(paths: Iterable[str], max_bytes: int) -> Iterator[RawDoc | Failure]:
    """Raw documents for the pipeline: WARC records, feed entries and what ``digest`` reads."""
    for item in paths:
        path = Path(item)
        if item != "-" and path.is_file() and warc_file(path):
            yield from read_warc(path, max_bytes)
        elif item != "-" and path.is_file() and path.suffix.lower() in FEED_EXT:
            yield from read_feed(path, max_bytes)
        else:
            yield from read_inputs([item], max_bytes)


def read_warc(path: Path, max_bytes: int) -> Iterator[RawDoc | Failure]:
    """One document per HTML response (or resource) record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{uri}" if uri else f"{path}#{found + 1}"
                ctype = (record.http_headers.get_header("Content-Type")
                         if record.http_headers else
                         record.rec_headers.get_header("Content-Type")) or ""
                if not ctype.lower().startswith(HTML_TYPES):
                    continue
                found += 1
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield Failure(where, f"record is over the limit of {max_bytes:,} bytes")
                    continue
                yield RawDoc(where, "html", data, url=uri)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as err:
        yield Failure(str(path), f"unreadable WARC file ({err})")
        return
    if not found:
        yield Failure(str(path), "WARC file holds no HTML responses")


def read_feed(path: Path, max_bytes: int) -> Iterator[RawDoc | Failure]:
    """One document per RSS/Atom entry, from its full content or else its summary."""
    import feedparser

    try:
        data = path.read_bytes()
    except OSError as err:
        yield Failure(str(path), f"cannot read: {err.strerror or err}")
        return
    if len(data) > max_bytes:
        yield Failure(str(path), f"{len(data):,} bytes is over the limit of {max_bytes:,}")
        return
    feed = feedparser.parse(data)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield Failure(str(path), f"not an RSS/Atom feed or no entries{why}")
        return
    for i, entry in enumerate(feed.entries, 1):
        where = f"{path}#{entry.get('id') or entry.get('link') or i}"
        content = entry.get("content") or []
        body = content[0].get("value") if content else entry.get("summary")
        if not body or not body.strip():
            yield Failure(where, "feed entry has no content")
            continue
        yield RawDoc(where, "html", f"<html><body><article>{body}</article></body></html>",
                     title=entry.get("title"), url=entry.get("link"),
                     published=_feed_date(entry))


def _feed_date(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]).isoformat() if parsed else None
