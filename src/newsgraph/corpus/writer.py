"""Store one digest: the article row, its full-text entry, near-duplicate link, actors,
mentions, quotes, events and story. Runs inside the caller's transaction; nothing here commits.

What several articles of a batch touch alike (full-text rows, actor date spans, story
centroids) and the rows nothing reads while the batch is written (mentions, quotes, events, the
near-duplicate index, which ``dedup.Pending`` answers for meanwhile) are kept in the
``Session`` and written by ``Session.flush()`` once per batch, in the same transaction: fewer
statements, FTS5 builds one segment per batch, and the LSH index takes its keys in order.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import zlib
from dataclasses import dataclass
from enum import Enum

import numpy as np
import orjson

from newsgraph.corpus import actors, dedup
from newsgraph.corpus.stories import StoryIndex, term_counts
from newsgraph.corpus.text import words
from newsgraph.model import Digest


class Outcome(Enum):
    ADDED = "added"
    DUPLICATE = "near-duplicate"
    VERSION = "new version"
    EXISTS = "already stored"


class Session:
    """What one writer keeps in memory between articles: the story index and actor links."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.stories = StoryIndex(conn)
        self.linker = actors.Linker(conn)
        self.article_fts: list[tuple[int, str, str]] = []
        self.pending = dedup.Pending()  # near-duplicate index rows of the batch's originals
        self.mention_rows: list[tuple] = []
        self.quote_rows: list[tuple] = []
        self.event_rows: list[tuple] = []

    def reload(self) -> None:
        """Drop what memory holds and read it back (after a rollback)."""
        self.stories.reload()
        self.linker.forget()
        self.article_fts.clear()
        self.pending.clear()
        self.mention_rows.clear()
        self.quote_rows.clear()
        self.event_rows.clear()

    def write_rows(self) -> None:
        """Write the batch's pending index, mention, quote and event rows (in article order, so
        their ids are those of one insert per article) and the quotes' full-text rows."""
        conn = self.conn
        self.pending.write(conn)
        if self.quote_rows:
            last = conn.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0]
            conn.executemany("INSERT INTO quotes(article_id, actor_id, text, kind, start, end, "
                             "cue) VALUES (?,?,?,?,?,?,?)", self.quote_rows)
            conn.execute("INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes "
                         "WHERE id > ? ORDER BY id", (last,))
            self.quote_rows.clear()
        conn.executemany(
            "INSERT INTO mentions(article_id, actor_id, entity, name, type, role, country, "
            "sector, salience, count, start, end, published, counted) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", self.mention_rows)
        conn.executemany(
            "INSERT INTO events(article_id, type, mode, source_actor, target_actor, status, "
            "date, intensity, trigger, start, end, counted) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            self.event_rows)
        self.mention_rows.clear()
        self.event_rows.clear()

    def flush(self) -> None:
        """Write what the batch kept in memory (inside the batch's transaction)."""
        self.write_rows()
        self.conn.executemany("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                              self.article_fts)
        self.article_fts.clear()
        self.linker.flush()
        self.stories.flush()


def pack(digest: Digest) -> bytes:
    """The digest JSON (as ``Digest.to_dict``) without its text, which is stored once in
    ``articles.text``; compressed."""
    return zlib.compress(packed_json(digest), 1)


def packed_json(digest: Digest) -> bytes:
    """``pack`` before compression (orjson writes the model's dataclasses itself)."""
    return orjson.dumps({name: getattr(digest, name) for name in _PACKED})


_PACKED = tuple(name for name in Digest.__dataclass_fields__ if name != "text")


def unpack(blob: bytes, text: str) -> Digest:
    data = orjson.loads(zlib.decompress(blob))
    data["text"] = text
    return Digest.from_dict(data)


@dataclass(frozen=True, slots=True)
class Prepared:
    """What storing a digest needs that depends on the digest alone (no corpus state): its
    near-duplicate signature and band keys, its story term counts (``terms[i]`` occurs
    ``counts[i]`` times) and its ``pack``. Made before the batch's transaction begins, in
    this process or in a worker (``prepare_parts`` needs no ``Digest``)."""

    sig: np.ndarray
    keys: list[int]
    terms: list[str]
    counts: list[int]
    packed: bytes


def prepare(digest: Digest) -> Prepared:
    return prepare_parts(digest.title, digest.text, packed_json(digest))


def prepare_parts(title: str | None, text: str, json: bytes) -> Prepared:
    """``prepare`` of the digest with this title, text and ``packed_json``."""
    tokens = words(text)
    sig = dedup.signature(text, tokens)
    counts = term_counts(title, text, tokens)
    return Prepared(sig, dedup.band_keys(sig), list(counts), list(counts.values()),
                    zlib.compress(json, 1))


def store(session: Session, digest: Digest, prepared: Prepared | None = None) -> Outcome:
    """Store ``digest`` unless an article with the same id is already there (``prepared``:
    ``prepare(digest)``, when the caller made it already)."""
    conn, stories = session.conn, session.stories
    if conn.execute("SELECT 1 FROM articles WHERE digest_id = ?", (digest.id,)).fetchone():
        return Outcome.EXISTS
    earlier = _earlier_versions(conn, digest.url)
    prep = prepared or prepare(digest)
    sig, keys = prep.sig, prep.keys
    match = dedup.find_original(conn, sig, keys, exclude=frozenset(earlier),
                                pending=session.pending)
    counted = match is None
    entity_actor = _link_entities(session, digest)
    if match is not None:
        story_id = conn.execute("SELECT story_id FROM articles WHERE id = ?",
                                (match.article_id,)).fetchone()[0]
    else:
        names = {entity_actor[e.id]: e.name for e in digest.entities if e.id in entity_actor}
        vec = stories.weigh(prep.terms, prep.counts, names, digest.language)
        story_id, _ = stories.assign(vec, digest.published)
    article_id = _insert_article(session, digest, prep.packed, len(earlier) + 1, match,
                                 story_id)
    if earlier:
        session.write_rows()  # an earlier version may be in this batch
        marks = ",".join("?" * len(earlier))
        conn.execute(f"UPDATE articles SET counted = 0 WHERE id IN ({marks})", earlier)
        conn.execute(f"UPDATE mentions SET counted = 0 WHERE article_id IN ({marks})", earlier)
        conn.execute(f"UPDATE events SET counted = 0 WHERE article_id IN ({marks})", earlier)
    if counted:
        dedup.remember(conn, article_id, sig, keys, pending=session.pending)
    _store_mentions(session, article_id, digest, entity_actor, counted)
    _store_quotes(session, article_id, digest, entity_actor)
    _store_events(session, article_id, digest, entity_actor, counted)
    if match is not None:
        return Outcome.DUPLICATE
    return Outcome.VERSION if earlier else Outcome.ADDED


def _earlier_versions(conn: sqlite3.Connection, url: str | None) -> list[int]:
    if not url:
        return []
    return [r[0] for r in conn.execute("SELECT id FROM articles WHERE url = ? ORDER BY version",
                                       (url,))]


def _insert_article(
    session: Session, digest: Digest, packed: bytes, version: int, match: dedup.Match | None,
    story_id: int,
) -> int:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    article_id = session.conn.execute(
        "INSERT INTO articles(digest_id, url, source, title, published, text, digest, "
        "duplicate_of, similarity, story_id, counted, ingested_at, version) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (digest.id, digest.url, digest.source, digest.title, digest.published, digest.text,
         packed, match.article_id if match else None, match.similarity if match else None,
         story_id, 0 if match else 1, now, version)).lastrowid
    session.article_fts.append((article_id, digest.title or "", digest.text))
    return article_id


def _link_entities(session: Session, digest: Digest) -> dict[str, int]:
    """Entity id -> corpus actor id (actors created or extended as needed)."""
    return {e.id: session.linker.link(e, digest.published)
            for e in digest.entities if e.name.strip()}


def _store_mentions(
    session: Session, article_id: int, digest: Digest, entity_actor: dict[str, int],
    counted: bool,
) -> None:
    rows = session.mention_rows
    published, counted_flag = digest.published, int(counted)
    for e in digest.entities:
        actor_id = entity_actor.get(e.id)
        if actor_id is None:
            continue
        first = e.mentions[0] if e.mentions else None
        rows.append((article_id, actor_id, e.id, e.name, e.type, e.role, e.country, e.sector,
                     e.salience, len(e.mentions), first.start if first else None,
                     first.end if first else None, published, counted_flag))


def _store_quotes(
    session: Session, article_id: int, digest: Digest, entity_actor: dict[str, int]
) -> None:
    session.quote_rows.extend(
        (article_id, entity_actor.get(q.speaker or ""), q.text, q.kind, q.start, q.end,
         q.cue.text if q.cue else None)
        for q in digest.quotes)


def _store_events(
    session: Session, article_id: int, digest: Digest, entity_actor: dict[str, int],
    counted: bool,
) -> None:
    session.event_rows.extend(
        (article_id, ev.type, ev.mode, entity_actor.get(ev.source or ""),
         entity_actor.get(ev.target or ""), ev.status, ev.date or digest.published,
         ev.intensity, ev.trigger.text, ev.trigger.start, ev.trigger.end, int(counted))
        for ev in digest.events)
