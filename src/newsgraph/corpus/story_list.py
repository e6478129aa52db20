"""Story clusters as a reader sees them: size, date span, top actors and a headline (the
summary sentence of a member article that best matches the story's strongest terms)."""

from __future__ import annotations

import json
import math
import sqlite3
import zlib
from dataclasses import dataclass

from newsgraph.corpus.stories import STORY_TERMS
from newsgraph.corpus.text import words

TOP_ACTORS = 5
HEADLINE_CANDIDATES = 30  # member articles whose summaries are read for the headline


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: int
    size: int  # articles, near-duplicates and superseded versions not counted
    duplicates: int
    first: str | None
    last: str | None
    headline: str | None
    top_actors: tuple[tuple[str, int], ...]
    article_ids: tuple[int, ...]


def list_stories(
    conn: sqlite3.Connection, since: str | None = None, limit: int = 20, min_size: int = 1
) -> list[StorySummary]:
    rows = conn.execute(
        "SELECT a.story_id, sum(a.counted), sum(a.duplicate_of IS NOT NULL), "
        "min(a.published), max(a.published) FROM articles a "
        "WHERE a.story_id IS NOT NULL " + ("AND a.story_id IN (SELECT id FROM stories WHERE "
                                           "last_date >= ?) " if since else "") +
        "GROUP BY a.story_id HAVING sum(a.counted) >= ? "
        "ORDER BY sum(a.counted) DESC, max(a.published) DESC, a.story_id LIMIT ?",
        ([since] if since else []) + [min_size, limit]).fetchall()
    return [story(conn, *row) for row in rows]


def story(conn: sqlite3.Connection, sid: int, size: int, dups: int, first: str | None,
          last: str | None) -> StorySummary:
    members = tuple(r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE story_id = ? AND counted = 1 ORDER BY published, id",
        (sid,)))
    actors = conn.execute(
        "SELECT ac.name, count(DISTINCT m.article_id) FROM mentions m "
        "JOIN articles a ON a.id = m.article_id JOIN actors ac ON ac.id = m.actor_id "
        "WHERE a.story_id = ? AND a.counted = 1 GROUP BY m.actor_id "
        "ORDER BY 2 DESC, max(m.salience) DESC, ac.name LIMIT ?", (sid, TOP_ACTORS)).fetchall()
    return StorySummary(sid, size, dups, first, last, headline(conn, sid, members),
                        tuple(actors), members)


def headline(conn: sqlite3.Connection, sid: int, members: tuple[int, ...]) -> str | None:
    row = conn.execute("SELECT centroid FROM stories WHERE id = ?", (sid,)).fetchone()
    weights: dict[str, float] = json.loads(zlib.decompress(row[0])) if row and row[0] else {}
    weights = dict(sorted(weights.items(), key=lambda kv: -kv[1])[:STORY_TERMS])
    best, best_score = None, -1.0
    for article_id in members[:HEADLINE_CANDIDATES]:
        blob = conn.execute("SELECT digest FROM articles WHERE id = ?", (article_id,)).fetchone()
        summary = json.loads(zlib.decompress(blob[0])).get("summary") or []
        for rank, sentence in enumerate(summary[:2]):
            tokens = words(sentence["text"])
            score = sum(weights.get(t, 0.0) for t in set(tokens)) / math.sqrt(len(tokens) or 1)
            score *= 1.0 if rank == 0 else 0.8
            if score > best_score:
                best, best_score = sentence["text"], score
    return best
