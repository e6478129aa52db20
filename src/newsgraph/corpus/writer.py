"""Store one digest: the article row, its full-text entry, near-duplicate link, actors,
mentions, quotes, events and story. Runs inside the caller's transaction; nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib
from enum import Enum
from typing import Any

from newsgraph.corpus import actors, dedup
from newsgraph.corpus.stories import StoryIndex
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

    def reload(self) -> None:
        """Drop what memory holds and read it back (after a rollback)."""
        self.stories.reload()
        self.linker.forget()


def pack(digest: Digest) -> bytes:
    """The digest JSON (as ``Digest.to_dict``) without its text, which is stored once in
    ``articles.text``; compressed."""
    raw = json.dumps(digest, default=_fields, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(raw.encode("utf-8"), 1)


def _fields(value: Any) -> dict[str, Any]:
    """JSON for the model's dataclasses (the encoder itself handles tuples and scalars)."""
    names = getattr(type(value), "__dataclass_fields__", None)
    if names is None:
        raise TypeError(f"cannot store a {type(value).__name__}")
    return {name: getattr(value, name) for name in names
            if not (name == "text" and isinstance(value, Digest))}


def unpack(blob: bytes, text: str) -> Digest:
    data = json.loads(zlib.decompress(blob))
    data["text"] = text
    return Digest.from_dict(data)


def store(session: Session, digest: Digest) -> Outcome:
    """Store ``digest`` unless an article with the same id is already there."""
    conn, stories = session.conn, session.stories
    if conn.execute("SELECT 1 FROM articles WHERE digest_id = ?", (digest.id,)).fetchone():
        return Outcome.EXISTS
    earlier = _earlier_versions(conn, digest.url)
    tokens = words(digest.text)
    sig = dedup.signature(digest.text, tokens)
    keys = dedup.band_keys(sig)
    match = dedup.find_original(conn, sig, keys, exclude=frozenset(earlier))
    original = match.article_id if match else None
    article_id = _insert_article(conn, digest, len(earlier) + 1, match)
    if earlier:
        marks = ",".join("?" * len(earlier))
        conn.execute(f"UPDATE articles SET counted = 0 WHERE id IN ({marks})", earlier)
        conn.execute(f"UPDATE mentions SET counted = 0 WHERE article_id IN ({marks})", earlier)
    if original is None:
        dedup.remember(conn, article_id, sig, keys)
    entity_actor = _store_entities(session, article_id, digest, counted=original is None)
    _store_quotes(conn, article_id, digest, entity_actor)
    _store_events(conn, article_id, digest, entity_actor)
    if original is not None:
        story = conn.execute("SELECT story_id FROM articles WHERE id = ?", (original,)).fetchone()
        conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story[0], article_id))
        return Outcome.DUPLICATE
    vec = stories.vector(digest.title, digest.text, entity_actor.values(), tokens)
    story_id, _ = stories.assign(vec, digest.published)
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story_id, article_id))
    return Outcome.VERSION if earlier else Outcome.ADDED


def _earlier_versions(conn: sqlite3.Connection, url: str | None) -> list[int]:
    if not url:
        return []
    return [r[0] for r in conn.execute("SELECT id FROM articles WHERE url = ? ORDER BY version",
                                       (url,))]


def _insert_article(
    conn: sqlite3.Connection, digest: Digest, version: int, match: dedup.Match | None
) -> int:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    article_id = conn.execute(
        "INSERT INTO articles(digest_id, url, source, title, published, text, digest, "
        "duplicate_of, similarity, counted, ingested_at, version) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (digest.id, digest.url, digest.source, digest.title, digest.published, digest.text,
         pack(digest), match.article_id if match else None, match.similarity if match else None,
         0 if match else 1, now, version)).lastrowid
    conn.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                 (article_id, digest.title or "", digest.text))
    return article_id


def _store_entities(
    session: Session, article_id: int, digest: Digest, counted: bool
) -> dict[str, int]:
    entity_actor: dict[str, int] = {}
    rows = []
    for e in digest.entities:
        if not e.name.strip():
            continue
        actor_id = session.linker.link(e, digest.published)
        entity_actor[e.id] = actor_id
        first = e.mentions[0] if e.mentions else None
        rows.append((article_id, actor_id, e.id, e.name, e.type, e.role, e.country, e.sector,
                     e.salience, len(e.mentions), first.start if first else None,
                     first.end if first else None, digest.published, int(counted)))
    session.conn.executemany(
        "INSERT INTO mentions(article_id, actor_id, entity, name, type, role, country, sector, "
        "salience, count, start, end, published, counted) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    return entity_actor


def _store_quotes(
    conn: sqlite3.Connection, article_id: int, digest: Digest, entity_actor: dict[str, int]
) -> None:
    for q in digest.quotes:
        quote_id = conn.execute(
            "INSERT INTO quotes(article_id, actor_id, text, kind, start, end) VALUES (?,?,?,?,?,?)",
            (article_id, entity_actor.get(q.speaker or ""), q.text, q.kind, q.start, q.end),
        ).lastrowid
        conn.execute("INSERT INTO quotes_fts(rowid, text) VALUES (?, ?)", (quote_id, q.text))


def _store_events(
    conn: sqlite3.Connection, article_id: int, digest: Digest, entity_actor: dict[str, int]
) -> None:
    conn.executemany(
        "INSERT INTO events(article_id, type, mode, source_actor, target_actor, status, date, "
        "intensity, trigger, start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(article_id, ev.type, ev.mode, entity_actor.get(ev.source or ""),
          entity_actor.get(ev.target or ""), ev.status, ev.date or digest.published,
          ev.intensity, ev.trigger.text, ev.trigger.start, ev.trigger.end)
         for ev in digest.events])
