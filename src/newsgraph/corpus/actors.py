"""Cross-article actors: link each digest entity to one corpus actor.

Names are compared as folded keys (case, accents and punctuation dropped; titles such as
"President" and suffixes such as "Jr" dropped for people). A person named with two or more
words also gets variant keys, its trailing word runs of two or more ("Lopez Obrador" from
"Andrés Manuel López Obrador"). An entity links to an actor when

- its full key equals the actor's full key, or it equals the variant key of exactly one actor,
  or one of its variant keys equals the full key of exactly one actor (two variants alone
  never link: "Ana Lopez Obrador" and "Juan Lopez Obrador" stay apart), or
- it is a one-word name that exactly one actor was also called in some article,

and in every case the type family agrees (person, organisation, place, group) and the
countries do not differ. A shared surname alone never links two people.

An actor an article never names (a description or a pronoun only: "a spokesman", "the
campaign", "officials", the first-person narrator) is that article's own: it links to nothing
in other articles, since the same words there mean someone else. A group with a country
("Guatemalan prosecutors") still links by its words and country.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.corpus.text import fold, name_affixes
from newsgraph.countries import country_of
from newsgraph.model import Entity

FAMILIES = {"PERSON": "person", "PER": "person", "ORG": "org", "GPE": "place", "LOC": "place",
            "FAC": "place", "NORP": "group", "GROUP": "group"}
FULL, VARIANT, ALIAS = "full", "variant", "alias"


def family(entity_type: str) -> str:
    return FAMILIES.get(entity_type.upper(), entity_type.lower())


def name_tokens(name: str, entity_type: str) -> list[str]:
    """The folded words of a name, without possessive, leading article, titles or suffixes."""
    tokens = fold(name).split()
    if len(tokens) > 1 and tokens[-1] == "s" and name.rstrip()[-2:] in ("'s", "’s"):
        tokens.pop()
    prefixes, suffixes = name_affixes()
    person = family(entity_type) == "person"
    while len(tokens) > 1 and (tokens[0] == "the" or (person and tokens[0] in prefixes)):
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in suffixes:
        tokens.pop()
    return tokens


@dataclass(frozen=True, slots=True)
class NameKeys:
    full: str
    variants: tuple[str, ...]

    @property
    def single_word(self) -> bool:
        return " " not in self.full


def name_keys(name: str, entity_type: str) -> NameKeys:
    """The keys an actor is found by. A country under any of its names ("U.S.", "United
    States", "America") has one key, its ISO code, and its folded name as a variant; a group
    or nationality is keyed in the singular ("Republicans" and "Republican")."""
    tokens = name_tokens(name, entity_type)
    kind = family(entity_type)
    folded = " ".join(tokens)
    if kind == "place" and entity_type.upper() in ("GPE", "LOC"):
        code = country_of(name)
        if code is not None:
            return NameKeys(f"country {code.lower()}", (folded,) if folded else ())
    if kind == "group" and tokens and _plural(tokens[-1]):
        return NameKeys(" ".join([*tokens[:-1], tokens[-1][:-1]]), (folded,))
    variants: tuple[str, ...] = ()
    if kind == "person" and len(tokens) > 2:
        variants = tuple(" ".join(tokens[i:]) for i in range(1, len(tokens) - 1))
    return NameKeys(folded, variants)


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


@dataclass(frozen=True, slots=True)
class Candidate:
    actor_id: int
    key: str
    kind: str
    type: str
    country: str | None


class Linker:
    """``link`` with a memory for one writer session: an entity named, typed and aliased as
    one seen before goes to the same actor without a database look-up. Date spans of actors
    found that way are widened in memory and written by ``flush()`` (once per batch).
    ``forget()`` after a rollback."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.seen: dict[tuple, int] = {}
        self.dates: dict[int, tuple[str, str]] = {}
        self.changed: set[int] = set()
        self.renamed: set[int] = set()  # found under another name: ``choose_names`` at flush

    def forget(self) -> None:
        self.seen.clear()
        self.dates.clear()
        self.changed.clear()
        self.renamed.clear()

    def link(self, entity: Entity, date: str | None) -> int:
        names = tuple([m.text for m in entity.mentions if m.kind == "name"])
        if not _linkable(entity, bool(names)):
            return link(self.conn, entity, date)  # the article's own actor
        key = (entity.name, entity.type, entity.country, names)
        actor_id = self.seen.get(key)
        if actor_id is None:
            actor_id = self.seen[key] = link(self.conn, entity, date, self.renamed)  # and dates
            if date:
                first, last = self.dates.get(actor_id, (date, date))
                self.dates[actor_id] = (min(first, date), max(last, date))
        elif date:
            span = self.dates.get(actor_id)
            if span is None:
                self.dates[actor_id] = (date, date)
                self.changed.add(actor_id)
            elif date < span[0] or date > span[1]:
                self.dates[actor_id] = (min(span[0], date), max(span[1], date))
                self.changed.add(actor_id)
        return actor_id

    def flush(self) -> None:
        """Widen the stored date spans of the actors seen since the last flush, and show the
        actors found under other names by their most used name (the batch's mentions are
        written by then)."""
        rows = [(first, first, last, last, actor_id)
                for actor_id in sorted(self.changed)
                for first, last in (self.dates[actor_id],)]
        self.conn.executemany(
            "UPDATE actors SET first_date = min(coalesce(first_date, ?), ?), "
            "last_date = max(coalesce(last_date, ?), ?) WHERE id = ?", rows)
        self.changed.clear()
        choose_names(self.conn, sorted(self.renamed))
        self.renamed.clear()


def linkable(entity: Entity) -> bool:
    """Named in the article, or a non-person with a country: see the module notes."""
    return _linkable(entity, any(m.kind == "name" for m in entity.mentions))


def _linkable(entity: Entity, named: bool) -> bool:
    return named or (entity.country is not None and family(entity.type) != "person")


def link(conn: sqlite3.Connection, entity: Entity, date: str | None,
         renamed: set[int] | None = None) -> int:
    """The corpus actor for ``entity`` (created when none matches); records its names.
    ``renamed``: collects the actors found under another name than the one they show, whose
    shown name ``choose_names`` then reconsiders."""
    if not linkable(entity):
        return conn.execute(
            "INSERT INTO actors(name, type, country, first_date, last_date) VALUES (?,?,?,?,?)",
            (entity.name, entity.type, entity.country, date, date)).lastrowid
    keys = name_keys(entity.name, entity.type)
    if not keys.full:
        keys = NameKeys(fold(entity.name) or entity.name.strip().lower(), ())
    actor_id = _match(conn, entity, keys)
    if actor_id is None:
        actor_id = conn.execute(
            "INSERT INTO actors(name, type, country, first_date, last_date) VALUES (?,?,?,?,?)",
            (entity.name, entity.type, entity.country, date, date)).lastrowid
    elif _update(conn, actor_id, entity, date) != entity.name and renamed is not None:
        renamed.add(actor_id)
    _add_keys(conn, actor_id, entity, keys)
    return actor_id


def choose_names(conn: sqlite3.Connection, actor_ids: Iterable[int]) -> None:
    """Show each actor under the name its articles use most (on ties the longer, then the one
    with more accented letters, then the first used): the longest name would be a rare
    "Crooked Hillary Clinton" quoted from a tweet, the first one a bare "Obrador". Reads the
    stored mentions, so call it after they are written."""
    rows = []
    for actor_id in actor_ids:
        best = conn.execute(
            "SELECT name FROM mentions WHERE actor_id = ? GROUP BY name "
            "ORDER BY count(*) DESC, length(name) DESC, "
            "length(CAST(name AS BLOB)) - length(name) DESC, min(id) LIMIT 1",
            (actor_id,)).fetchone()
        if best is not None:
            rows.append((best[0], actor_id))
    conn.executemany("UPDATE actors SET name = ? WHERE id = ?", rows)


def _candidates(conn: sqlite3.Connection, wanted: Iterable[str]) -> list[Candidate]:
    wanted = list(dict.fromkeys(wanted))
    marks = ",".join("?" * len(wanted))
    rows = conn.execute(
        f"SELECT k.actor_id, k.key, k.kind, a.type, a.country FROM actor_keys k "
        f"JOIN actors a ON a.id = k.actor_id WHERE k.key IN ({marks})", wanted).fetchall()
    return [Candidate(*row) for row in rows]


def _compatible(c: Candidate, entity: Entity) -> bool:
    if family(c.type) != family(entity.type):
        return False
    return not (c.country and entity.country and c.country != entity.country)


def _match(conn: sqlite3.Connection, entity: Entity, keys: NameKeys) -> int | None:
    found = [c for c in _candidates(conn, (keys.full, *keys.variants)) if _compatible(c, entity)]
    same = sorted({c.actor_id for c in found if c.key == keys.full and c.kind == FULL})
    if same:
        return same[0]
    for kinds, wanted in (((VARIANT,), {keys.full}), ((FULL,), set(keys.variants)),
                          ((ALIAS,), {keys.full} if keys.single_word else set())):
        hits = {c.actor_id for c in found if c.key in wanted and c.kind in kinds}
        if len(hits) == 1:
            return hits.pop()
        if hits:
            return None  # ambiguous: better a new actor than a wrong merge
    return None


def _update(conn: sqlite3.Connection, actor_id: int, entity: Entity, date: str | None) -> str:
    """Widen the actor's dates and fill its country; returns the name it shows."""
    return conn.execute(
        "UPDATE actors SET country = coalesce(country, ?), "
        "first_date = CASE WHEN first_date IS NULL OR ? < first_date THEN ? ELSE first_date END, "
        "last_date = CASE WHEN last_date IS NULL OR ? > last_date THEN ? ELSE last_date END "
        "WHERE id = ? RETURNING name",
        (entity.country, date, date, date, date, actor_id)).fetchone()[0]


def _add_keys(conn: sqlite3.Connection, actor_id: int, entity: Entity, keys: NameKeys) -> None:
    rows = [(keys.full, actor_id, FULL)] + [(v, actor_id, VARIANT) for v in keys.variants]
    for mention in entity.mentions:
        if mention.kind != "name" or mention.text == entity.name:
            continue
        alias = name_keys(mention.text, entity.type)
        if alias.full and alias.full != keys.full:
            rows.append((alias.full, actor_id, ALIAS if alias.single_word else VARIANT))
    conn.executemany("INSERT OR IGNORE INTO actor_keys(key, actor_id, kind) VALUES (?,?,?)", rows)
