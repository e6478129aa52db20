"""Export a corpus table as JSON Lines, CSV or Parquet (pyarrow), streaming in chunks so memory
stays flat. Columns are fixed per table so that every export has the same schema."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import IO

CHUNK = 5000

# table -> (SELECT ... FROM ..., [(column, type)]) with type one of int, float, str
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "articles": (
        "SELECT id, digest_id, url, version, source, title, published, story_id, duplicate_of, "
        "similarity, counted, ingested_at, text FROM articles ORDER BY id",
        [("id", "int"), ("digest_id", "str"), ("url", "str"), ("version", "int"),
         ("source", "str"), ("title", "str"), ("published", "str"), ("story_id", "int"),
         ("duplicate_of", "int"), ("similarity", "float"), ("counted", "int"),
         ("ingested_at", "str"), ("text", "str")]),
    "actors": (
        "SELECT ac.id, ac.name, ac.type, ac.country, ac.first_date, ac.last_date, "
        "(SELECT count(DISTINCT m.article_id) FROM mentions m "
        " WHERE m.actor_id = ac.id AND m.counted = 1) "
        "FROM actors ac ORDER BY ac.id",
        [("id", "int"), ("name", "str"), ("type", "str"), ("country", "str"),
         ("first_date", "str"), ("last_date", "str"), ("articles", "int")]),
    "mentions": (
        "SELECT m.id, m.article_id, m.actor_id, m.entity, m.name, m.type, m.role, m.country, "
        "m.sector, m.salience, m.count, m.start, m.end, m.published, m.counted "
        "FROM mentions m ORDER BY m.id",
        [("id", "int"), ("article_id", "int"), ("actor_id", "int"), ("entity", "str"),
         ("name", "str"), ("type", "str"), ("role", "str"), ("country", "str"),
         ("sector", "str"), ("salience", "float"), ("count", "int"), ("start", "int"),
         ("end", "int"), ("published", "str"), ("counted", "int")]),
    "quotes": (
        "SELECT q.id, q.article_id, q.actor_id, ac.name, q.text, q.kind, q.cue, q.start, "
        "q.end, a.published, a.counted FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN actors ac ON ac.id = q.actor_id ORDER BY q.id",
        [("id", "int"), ("article_id", "int"), ("actor_id", "int"), ("speaker", "str"),
         ("text", "str"), ("kind", "str"), ("cue", "str"), ("start", "int"), ("end", "int"),
         ("published", "str"), ("counted", "int")]),
    "events": (
        "SELECT e.id, e.article_id, e.type, e.mode, e.source_actor, e.target_actor, e.status, "
        "e.date, e.intensity, e.trigger, e.start, e.end, a.counted FROM events e "
        "JOIN articles a ON a.id = e.article_id ORDER BY e.id",
        [("id", "int"), ("article_id", "int"), ("type", "str"), ("mode", "str"),
         ("source_actor", "int"), ("target_actor", "int"), ("status", "str"), ("date", "str"),
         ("intensity", "float"), ("trigger", "str"), ("start", "int"), ("end", "int"),
         ("counted", "int")]),
    "stories": (
        "SELECT s.id, s.first_date, s.last_date, "
        "(SELECT count(*) FROM articles a WHERE a.story_id = s.id AND a.counted = 1), "
        "(SELECT count(*) FROM articles a WHERE a.story_id = s.id) FROM stories s ORDER BY s.id",
        [("id", "int"), ("first_date", "str"), ("last_date", "str"), ("size", "int"),
         ("articles", "int")]),
}
FORMATS = ("jsonl", "csv", "parquet")


def _chunks(conn: sqlite3.Connection, table: str) -> Iterator[list[tuple]]:
    cursor = conn.execute(TABLES[table][0])
    while rows := cursor.fetchmany(CHUNK):
        yield rows


def export(conn: sqlite3.Connection, table: str, fmt: str, out: Path | IO[str]) -> int:
    """Write ``table`` to ``out`` (a path, or a text stream for jsonl/csv); returns rows."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ValueError("Parquet needs an output file (--output)")
        return _parquet(conn, table, out)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as f:
            return _text(conn, table, fmt, f)
    return _text(conn, table, fmt, out)


def _text(conn: sqlite3.Connection, table: str, fmt: str, f: IO[str]) -> int:
    names = [name for name, _ in TABLES[table][1]]
    n = 0
    writer = csv.writer(f, lineterminator="\n") if fmt == "csv" else None
    if writer:
        writer.writerow(names)
    for rows in _chunks(conn, table):
        for row in rows:
            if writer:
                writer.writerow(row)
            else:
                f.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n")
        n += len(rows)
    return n


def _parquet(conn: sqlite3.Connection, table: str, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
    columns = TABLES[table][1]
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    n = 0
    with pq.ParquetWriter(path, schema) as out:
        for rows in _chunks(conn, table):
            arrays = [pa.array([r[i] for r in rows], type=schema.field(i).type)
                      for i in range(len(columns))]
            out.write_table(pa.Table.from_arrays(arrays, schema=schema))
            n += len(rows)
    return n
