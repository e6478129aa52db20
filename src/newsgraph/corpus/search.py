"""Full-text search (SQLite FTS5, BM25 ranking) over article titles and text, and quotes.
Near-duplicates and superseded versions are left out so each story counts once."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

OPEN, CLOSE = "\x02", "\x03"  # marks around matched words in ``Hit.snippet``
_TERM = re.compile(r'"([^"]+)"|(\S+)')


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "article" | "quote"
    article_id: int
    title: str | None
    published: str | None
    url: str | None
    snippet: str  # matched words between OPEN and CLOSE
    score: float  # BM25, lower is better
    speaker: str | None = None

    def highlighted(self, before: str = "[", after: str = "]") -> str:
        return self.snippet.replace(OPEN, before).replace(CLOSE, after)


def fts_query(text: str) -> str:
    """User text as an FTS5 query: every word or "quoted phrase" must occur (no FTS syntax)."""
    parts = []
    for phrase, word in _TERM.findall(text):
        cleaned = re.sub(r"[^\w\s'’-]", " ", phrase or word).strip()
        if cleaned and re.search(r"\w", cleaned):
            parts.append('"' + cleaned.replace('"', "") + '"')
    return " ".join(parts)


def search(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[Hit]:
    query = fts_query(text)
    if not query:
        return []
    articles = conn.execute(
        f"SELECT a.id, a.title, a.published, a.url, "
        f"snippet(articles_fts, 1, '{OPEN}', '{CLOSE}', ' … ', 16), "
        f"bm25(articles_fts, 4.0, 1.0) AS score "
        f"FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        f"WHERE articles_fts MATCH ? AND a.counted = 1 ORDER BY score LIMIT ?",
        (query, limit)).fetchall()
    quotes = conn.execute(
        f"SELECT a.id, a.title, a.published, a.url, "
        f"snippet(quotes_fts, 0, '{OPEN}', '{CLOSE}', ' … ', 24), bm25(quotes_fts) AS score, "
        f"ac.name FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
        f"JOIN articles a ON a.id = q.article_id LEFT JOIN actors ac ON ac.id = q.actor_id "
        f"WHERE quotes_fts MATCH ? AND a.counted = 1 ORDER BY score LIMIT ?",
        (query, limit)).fetchall()
    hits = [Hit("article", *row) for row in articles] + [Hit("quote", *row) for row in quotes]
    return sorted(hits, key=lambda h: h.score)[:limit]
