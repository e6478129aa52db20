"""The corpus schema as a list of migrations. ``MIGRATIONS[n - 1]`` takes a database from
schema version ``n - 1`` to ``n`` (``PRAGMA user_version``). Never edit a released step: add one.

Version 1 held articles, actors, mentions, quotes, events, stories and the near-duplicate index.
Version 2 added article versions (the same URL with changed text) and full-text search over
quotes. Version 3 copied each article's date and counted flag onto its mentions, with a covering
index, so an actor's profile reads one index range however many articles name it.
Version 4 copied the counted flag onto events, with a covering date index, so the actor graph
of a time window reads one index range and never the (large) article rows.
Version 5 changed how word shingles are hashed for near-duplicate signatures (all shingles
hashed at once from per-word hashes); the stored signatures and LSH keys are recomputed from
the stored texts, so old and new articles stay comparable. Version 6 gave every country one
key whatever it is called ("U.S.", "United States") and keyed groups in the singular; the new
keys are added to the actors already stored. Version 7 stored each quote's cue (the reporting
verb or label), so reported speech reads "rejected the criticism". A step is SQL, or a
function of the connection where the work needs Python.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    first_date TEXT,
    last_date TEXT,
    size INTEGER NOT NULL DEFAULT 0,
    centroid BLOB
);
CREATE INDEX stories_last ON stories(last_date);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    digest_id TEXT NOT NULL UNIQUE,
    url TEXT,
    source TEXT,
    title TEXT,
    published TEXT,
    text TEXT NOT NULL,
    digest BLOB NOT NULL,
    duplicate_of INTEGER REFERENCES articles(id),
    similarity REAL,
    story_id INTEGER REFERENCES stories(id),
    counted INTEGER NOT NULL DEFAULT 1,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_duplicate ON articles(duplicate_of);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE minhash (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    signature BLOB NOT NULL
);
CREATE TABLE lsh (
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    country TEXT,
    first_date TEXT,
    last_date TEXT
);
CREATE TABLE actor_keys (
    key TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    kind TEXT NOT NULL,
    PRIMARY KEY (key, actor_id)
) WITHOUT ROWID;
CREATE INDEX actor_keys_actor ON actor_keys(actor_id);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    entity TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    role TEXT,
    country TEXT,
    sector TEXT,
    salience REAL NOT NULL DEFAULT 0,
    count INTEGER NOT NULL DEFAULT 0,
    start INTEGER,
    end INTEGER
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    actor_id INTEGER REFERENCES actors(id),
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX quotes_actor ON quotes(actor_id);
CREATE INDEX quotes_article ON quotes(article_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    type TEXT NOT NULL,
    mode TEXT,
    source_actor INTEGER REFERENCES actors(id),
    target_actor INTEGER REFERENCES actors(id),
    status TEXT NOT NULL,
    date TEXT,
    intensity REAL NOT NULL DEFAULT 0,
    trigger TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX events_source ON events(source_actor, date);
CREATE INDEX events_target ON events(target_actor, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_article ON events(article_id);
"""

V2 = """
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX articles_url ON articles(url, version);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes;
"""

V3 = """
ALTER TABLE mentions ADD COLUMN published TEXT;
ALTER TABLE mentions ADD COLUMN counted INTEGER NOT NULL DEFAULT 1;
UPDATE mentions SET
    published = (SELECT a.published FROM articles a WHERE a.id = mentions.article_id),
    counted = (SELECT a.counted FROM articles a WHERE a.id = mentions.article_id);
DROP INDEX mentions_actor;
CREATE INDEX mentions_profile
    ON mentions(actor_id, counted, published, article_id, name, role, country);
"""

V4 = """
ALTER TABLE events ADD COLUMN counted INTEGER NOT NULL DEFAULT 1;
UPDATE events SET counted = (SELECT a.counted FROM articles a WHERE a.id = events.article_id);
DROP INDEX events_date;
CREATE INDEX events_window
    ON events(date, counted, source_actor, target_actor, type, intensity);
"""



def v5(conn: sqlite3.Connection) -> None:
    """Recompute every stored signature and its band keys with today's shingle hashing."""
    from newsgraph.corpus.dedup import band_keys, signature

    conn.execute("DELETE FROM lsh")
    rows = conn.execute("SELECT m.article_id, a.text FROM minhash m "
                        "JOIN articles a ON a.id = m.article_id ORDER BY m.article_id")
    for article_id, text in rows.fetchall():
        sig = signature(text)
        conn.execute("UPDATE minhash SET signature = ? WHERE article_id = ?",
                     (sig.tobytes(), article_id))
        conn.executemany("INSERT OR IGNORE INTO lsh(key, article_id) VALUES (?, ?)",
                         [(key, article_id) for key in band_keys(sig)])


def v6(conn: sqlite3.Connection) -> None:
    """Add today's name keys (country codes, singular group names) to the stored actors."""
    from newsgraph.corpus.actors import FULL, VARIANT, name_keys

    rows = []
    for actor_id, name, type_ in conn.execute("SELECT id, name, type FROM actors").fetchall():
        keys = name_keys(name, type_)
        if keys.full:
            rows.append((keys.full, actor_id, FULL))
            rows += [(v, actor_id, VARIANT) for v in keys.variants]
    conn.executemany("INSERT OR IGNORE INTO actor_keys(key, actor_id, kind) VALUES (?,?,?)", rows)


V7 = """
ALTER TABLE quotes ADD COLUMN cue TEXT;
"""

MIGRATIONS: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
    V1, V2, V3, V4, v5, v6, V7)
VERSION = len(MIGRATIONS)
