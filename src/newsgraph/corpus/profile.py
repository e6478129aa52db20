"""One actor across the corpus: its names, roles and countries over time, quotes, events as
source or target, and a timeline of articles by day. Only counted articles (no near-duplicates,
no superseded versions) contribute."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from newsgraph.corpus.actors import name_keys
from newsgraph.corpus.text import fold

LIST_LIMIT = 50  # quotes and events listed (the most recent); counts cover all


@dataclass(frozen=True, slots=True)
class Spell:
    """A value (a role or a country) and the dates it was seen with."""

    value: str
    first: str | None
    last: str | None
    articles: int


@dataclass
class ActorProfile:
    id: int
    name: str
    type: str
    country: str | None
    articles: int = 0
    names: list[tuple[str, int]] = field(default_factory=list)
    roles: list[Spell] = field(default_factory=list)
    countries: list[Spell] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    event_counts: dict[str, int] = field(default_factory=dict)  # "SOURCE AGREE" -> n
    timeline: list[tuple[str, int]] = field(default_factory=list)


def resolve(conn: sqlite3.Connection, name: str) -> int | None:
    """The actor a user means by ``name`` (an id like ``#12``, or any of its names); the one
    with most articles when several match."""
    if name.startswith("#") and name[1:].isdigit():
        row = conn.execute("SELECT id FROM actors WHERE id = ?", (int(name[1:]),)).fetchone()
        return row[0] if row else None
    keys = {fold(name), *(name_keys(name, "PERSON").variants), name_keys(name, "PERSON").full}
    keys.discard("")
    if not keys:
        return None
    marks = ",".join("?" * len(keys))
    row = conn.execute(
        f"SELECT k.actor_id, (SELECT count(*) FROM mentions m WHERE m.actor_id = k.actor_id) n, "
        f"min(CASE k.kind WHEN 'full' THEN 0 WHEN 'variant' THEN 1 ELSE 2 END) rank "
        f"FROM actor_keys k WHERE k.key IN ({marks}) GROUP BY k.actor_id "
        f"ORDER BY rank, n DESC LIMIT 1", list(keys)).fetchone()
    return row[0] if row else None


def profile(conn: sqlite3.Connection, name: str) -> ActorProfile | None:
    actor_id = resolve(conn, name)
    if actor_id is None:
        return None
    _, name_, type_, country = conn.execute(
        "SELECT id, name, type, country FROM actors WHERE id = ?", (actor_id,)).fetchone()
    p = ActorProfile(actor_id, name_, type_, country)
    counted = ("FROM mentions m JOIN articles a ON a.id = m.article_id "
               "WHERE m.actor_id = ? AND a.counted = 1")
    p.articles = conn.execute(f"SELECT count(DISTINCT a.id) {counted}", (actor_id,)).fetchone()[0]
    p.names = conn.execute(f"SELECT m.name, count(*) {counted} GROUP BY m.name "
                           "ORDER BY count(*) DESC, m.name", (actor_id,)).fetchall()
    for column, out in (("role", p.roles), ("country", p.countries)):
        rows = conn.execute(
            f"SELECT m.{column}, min(a.published), max(a.published), count(DISTINCT a.id) "
            f"{counted} AND m.{column} IS NOT NULL GROUP BY m.{column} "
            f"ORDER BY min(a.published)", (actor_id,)).fetchall()
        out.extend(Spell(*row) for row in rows)
    p.timeline = conn.execute(
        f"SELECT a.published, count(DISTINCT a.id) {counted} AND a.published IS NOT NULL "
        "GROUP BY a.published ORDER BY a.published", (actor_id,)).fetchall()
    p.quotes = _quotes(conn, actor_id)
    p.events, p.event_counts = _events(conn, actor_id)
    return p


def _quotes(conn: sqlite3.Connection, actor_id: int) -> list[dict]:
    rows = conn.execute(
        "SELECT q.text, q.kind, a.published, a.title, a.id FROM quotes q "
        "JOIN articles a ON a.id = q.article_id WHERE q.actor_id = ? AND a.counted = 1 "
        "ORDER BY a.published DESC, q.id LIMIT ?", (actor_id, LIST_LIMIT)).fetchall()
    keys = ("text", "kind", "published", "title", "article_id")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _events(conn: sqlite3.Connection, actor_id: int) -> tuple[list[dict], dict[str, int]]:
    base = ("FROM events e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN actors s ON s.id = e.source_actor "
            "LEFT JOIN actors t ON t.id = e.target_actor "
            "WHERE a.counted = 1 AND (e.source_actor = ? OR e.target_actor = ?)")
    rows = conn.execute(
        f"SELECT e.type, e.mode, e.status, e.date, e.intensity, e.trigger, s.name, t.name, "
        f"CASE WHEN e.source_actor = ? THEN 'source' ELSE 'target' END, a.id {base} "
        f"ORDER BY e.date DESC, e.id LIMIT ?",
        (actor_id, actor_id, actor_id, LIST_LIMIT)).fetchall()
    keys = ("type", "mode", "status", "date", "intensity", "trigger", "source", "target", "as",
            "article_id")
    counts = conn.execute(
        f"SELECT CASE WHEN e.source_actor = ? THEN 'source' ELSE 'target' END || ' ' || e.type, "
        f"count(*) {base} GROUP BY 1 ORDER BY 2 DESC", (actor_id, actor_id, actor_id)).fetchall()
    return [dict(zip(keys, row, strict=True)) for row in rows], dict(counts)
