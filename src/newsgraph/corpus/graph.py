"""Actor-to-actor relations: event counts by PLOVER type and summed intensity between each
ordered (source, target) pair of corpus actors, split into cooperation (positive intensity)
and conflict (negative). Written as JSON, CSV or GraphML."""

from __future__ import annotations

import csv
import gc
import io
import json
import sqlite3
from dataclasses import asdict, dataclass, field
from xml.sax.saxutils import escape, quoteattr


@dataclass(slots=True)
class Edge:
    source: int
    target: int
    events: int = 0
    intensity: float = 0.0
    cooperation: float = 0.0
    conflict: float = 0.0
    types: dict[str, int] = field(default_factory=dict)


@dataclass
class Graph:
    nodes: dict[int, dict]  # actor id -> {"name", "type", "country"}
    edges: list[Edge]


def build(
    conn: sqlite3.Connection,
    since: str | None = None,
    until: str | None = None,
    actor_id: int | None = None,
    min_events: int = 1,
) -> Graph:
    # unary + keeps the planner on the date or actor index rather than "source IS NOT NULL"
    where = ["e.counted = 1", "+e.source_actor IS NOT NULL", "+e.target_actor IS NOT NULL",
             "+e.source_actor != +e.target_actor"]
    args: list[object] = []
    if since:
        where.append("e.date >= ?")
        args.append(since)
    if until:
        where.append("e.date <= ?")
        args.append(until + "~")  # "~" sorts after any ISO suffix: the whole last day counts
    if actor_id is not None:
        where.append("(e.source_actor = ? OR e.target_actor = ?)")
        args += [actor_id, actor_id]
    # a window of a large corpus makes tens of thousands of small objects (rows, edges), none
    # in a reference cycle: the collector's passes over the heap that they set off (a third of
    # the queries at 100k articles, doubling their time) would find nothing to free
    paused = gc.isenabled()
    gc.disable()
    try:
        rows = conn.execute(
            "SELECT e.source_actor, e.target_actor, e.type, e.intensity FROM events e "
            f"WHERE {' AND '.join(where)}", args).fetchall()
        kept = sorted((e for e in _summed(rows).values() if e.events >= min_events),
                      key=lambda e: (-e.events, e.source, e.target))
        for edge in kept:
            edge.intensity = edge.cooperation + edge.conflict
        return Graph(_nodes(conn, {i for e in kept for i in (e.source, e.target)}), kept)
    finally:
        if paused:
            gc.enable()


def _summed(rows: list[tuple[int, int, str, float]]) -> dict[tuple[int, int], Edge]:
    edges: dict[tuple[int, int], Edge] = {}
    for source, target, kind, intensity in rows:  # summed here: cheaper than two SQL groupings
        edge = edges.get((source, target))
        if edge is None:
            edge = edges[(source, target)] = Edge(source, target)
        edge.events += 1
        if intensity > 0:
            edge.cooperation += intensity
        elif intensity < 0:
            edge.conflict += intensity
        edge.types[kind] = edge.types.get(kind, 0) + 1
    return edges


def _nodes(conn: sqlite3.Connection, ids: set[int]) -> dict[int, dict]:
    out: dict[int, dict] = {}
    id_list = sorted(ids)
    for i in range(0, len(id_list), 500):
        chunk = id_list[i : i + 500]
        for aid, name, type_, country in conn.execute(
                f"SELECT id, name, type, country FROM actors WHERE id IN "
                f"({','.join('?' * len(chunk))})", chunk):
            out[aid] = {"name": name, "type": type_, "country": country}
    return out


def to_json(graph: Graph) -> str:
    nodes = [{"id": i, **n} for i, n in sorted(graph.nodes.items())]
    return json.dumps({"nodes": nodes, "edges": [asdict(e) for e in graph.edges]},
                      ensure_ascii=False, indent=1)


def to_csv(graph: Graph) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["source", "source_name", "target", "target_name", "events", "intensity",
                "cooperation", "conflict", "types"])
    for e in graph.edges:
        types = ";".join(f"{k}:{v}" for k, v in sorted(e.types.items()))
        w.writerow([e.source, graph.nodes[e.source]["name"], e.target,
                    graph.nodes[e.target]["name"], e.events, round(e.intensity, 3),
                    round(e.cooperation, 3), round(e.conflict, 3), types])
    return out.getvalue()


def to_graphml(graph: Graph) -> str:
    keys = [("name", "node", "string"), ("type", "node", "string"), ("country", "node", "string"),
            ("events", "edge", "int"), ("intensity", "edge", "double"),
            ("cooperation", "edge", "double"), ("conflict", "edge", "double"),
            ("types", "edge", "string")]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    lines += [f'  <key id="{k}" for="{f}" attr.name="{k}" attr.type="{t}"/>' for k, f, t in keys]
    lines.append('  <graph id="actors" edgedefault="directed">')
    for i, node in sorted(graph.nodes.items()):
        data = "".join(f'<data key="{k}">{escape(str(node[k]))}</data>'
                       for k in ("name", "type", "country") if node[k] is not None)
        lines.append(f'    <node id="a{i}">{data}</node>')
    for n, e in enumerate(graph.edges):
        types = ";".join(f"{k}:{v}" for k, v in sorted(e.types.items()))
        values = {"events": e.events, "intensity": e.intensity, "cooperation": e.cooperation,
                  "conflict": e.conflict, "types": types}
        data = "".join(f'<data key="{k}">{escape(str(v))}</data>' for k, v in values.items())
        lines.append(f'    <edge id="e{n}" source={quoteattr("a" + str(e.source))} '
                     f'target={quoteattr("a" + str(e.target))}>{data}</edge>')
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


FORMATS = {"json": to_json, "csv": to_csv, "graphml": to_graphml}
