"""One actor across the corpus: its names, roles and countries over time, quotes, events as
source or target, and a timeline of articles by day. Only counted articles (no near-duplicates,
no superseded versions) contribute."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
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
    _mentions(conn, actor_id, p)
    p.quotes = _quotes(conn, actor_id)
    p.events, p.event_counts = _events(conn, actor_id)
    return p


def _mentions(conn: sqlite3.Connection, actor_id: int, p: ActorProfile) -> None:
    """Names, roles, countries and the timeline from one pass over the actor's mentions."""
    rows = conn.execute(
        "SELECT article_id, published, name, role, country FROM mentions "
        "WHERE actor_id = ? AND counted = 1", (actor_id,)).fetchall()
    names: Counter[str] = Counter()
    days: dict[str, set[int]] = defaultdict(set)
    spells: dict[str, dict[str, list]] = {"role": {}, "country": {}}
    for article_id, day, name, role, country in rows:
        names[name] += 1
        if day:
            days[day].add(article_id)
        for column, value in (("role", role), ("country", country)):
            if value is not None:
                seen = spells[column].setdefault(value, [day, day, set()])
                if day and (seen[0] is None or day < seen[0]):
                    seen[0] = day
                if day and (seen[1] is None or day > seen[1]):
                    seen[1] = day
                seen[2].add(article_id)
    p.articles = len({row[0] for row in rows})
    p.names = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))
    p.timeline = [(day, len(ids)) for day, ids in sorted(days.items())]
    for column, out in (("role", p.roles), ("country", p.countries)):
        out.extend(sorted((Spell(value, first, last, len(ids))
                           for value, (first, last, ids) in spells[column].items()),
                          key=lambda s: (s.first or "", s.value)))


def _quotes(conn: sqlite3.Connection, actor_id: int) -> list[dict]:
    rows = conn.execute(
        "SELECT q.text, q.kind, q.cue, a.published, a.title, a.id FROM quotes q "
        "JOIN articles a ON a.id = q.article_id WHERE q.actor_id = ? AND a.counted = 1 "
        "ORDER BY a.published DESC, q.id LIMIT ?", (actor_id, LIST_LIMIT)).fetchall()
    keys = ("text", "kind", "cue", "published", "title", "article_id")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _events(conn: sqlite3.Connection, actor_id: int) -> tuple[list[dict], dict[str, int]]:
    keys = ("type", "mode", "status", "date", "intensity", "trigger", "source", "target", "as",
            "article_id")
    rows: list[tuple] = []
    counts: Counter[str] = Counter()
    for side in ("source", "target"):  # one indexed look-up per side (an OR would scan)
        rows += conn.execute(
            f"SELECT e.type, e.mode, e.status, e.date, e.intensity, e.trigger, s.name, t.name, "
            f"'{side}', e.article_id FROM events e "
            f"LEFT JOIN actors s ON s.id = e.source_actor "
            f"LEFT JOIN actors t ON t.id = e.target_actor "
            f"WHERE e.{side}_actor = ? AND e.counted = 1 ORDER BY e.date DESC, e.id LIMIT ?",
            (actor_id, LIST_LIMIT)).fetchall()
        for kind, n in conn.execute(
                f"SELECT e.type, count(*) FROM events e "
                f"WHERE e.{side}_actor = ? AND e.counted = 1 GROUP BY e.type", (actor_id,)):
            counts[f"{side} {kind}"] += n
    rows.sort(key=lambda r: (r[3] or "", -r[9]), reverse=True)
    events = [dict(zip(keys, row, strict=True)) for row in rows[:LIST_LIMIT]]
    return events, dict(counts.most_common())
