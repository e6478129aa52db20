"""The bundled example articles through the real pipeline, the corpus and the CLI."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "src" / "newsgraph" / "examples"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "news.sqlite"
    bad = path.parent / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("   \n", "utf-8")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (bad / "lines.jsonl").write_text('{"text": 5}\n{broken\n', "utf-8")
    result = runner.invoke(app, ["ingest", str(EXAMPLES / "harbour_strike.txt"),
                                 str(EXAMPLES / "corpus"), str(bad), "--db", str(path),
                                 "--jobs", "1", "--published", "2026-03-12"])
    assert result.exit_code == 1, result.output  # the bad inputs fail, the rest is stored
    assert "4 failed" in result.output and "near-duplicate" in result.output
    return path


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_ingest_stores_examples_and_links_the_reprint(db: Path) -> None:
    from newsgraph.corpus import Corpus

    with Corpus(db) as c:
        stats = c.stats()
        assert stats["articles"] == 6 and stats["near_duplicates"] == 1
        rows = c.conn.execute("SELECT source, duplicate_of FROM articles WHERE duplicate_of "
                              "IS NOT NULL").fetchall()
        assert [Path(r[0]).name for r in rows] == ["valdora_dockers_tribune_reprint.txt"]
        assert all(not d for d in c.conn.execute("SELECT digest FROM articles WHERE digest = ''"))


def test_reingest_is_a_no_op(db: Path) -> None:
    result = runner.invoke(app, ["ingest", str(EXAMPLES / "corpus"), "--db", str(db),
                                 "--jobs", "1", "--published", "2026-03-12"])
    assert result.exit_code == 0, result.output
    assert "6 already stored" in result.output
    assert not db.with_name(db.name + ".lock").exists()  # the write lock leaves nothing behind


def test_actor_across_articles(db: Path) -> None:
    out = _run("actor", "Tomas Rieder", "--db", str(db), "--json")
    profile = json.loads(out)
    assert profile["name"] == "Tomas Rieder" and profile["articles"] >= 3
    assert [day for day, _ in profile["timeline"]] == sorted(d for d, _ in profile["timeline"])


def test_search_highlights_matches(db: Path) -> None:
    out = _run("search", "container ships", "--db", str(db))
    assert "container" in out and "ships" in out
    assert _run("search", '"nine-day strike"', "--db", str(db)).count("[article]") >= 1
    assert runner.invoke(app, ["search", "zzzunknownword", "--db", str(db)]).exit_code == 1


def test_stories_groups_the_port_articles(db: Path) -> None:
    from newsgraph.corpus import Corpus

    with Corpus(db) as c:
        stories = c.stories()
        story_of = dict(c.conn.execute("SELECT source, story_id FROM articles"))
    names = {Path(k.split("#")[0]).name: v for k, v in story_of.items()}
    assert names["valdora_dockers_tribune_reprint.txt"] == names[
        "valdora_dockers_tribune.txt"]
    assert names["orrin_valley_floods.txt"] != names["harbour_strike.txt"]
    assert all(s.headline for s in stories)
    assert "Valdora" in _run("stories", "--db", str(db))


def test_graph_formats(db: Path) -> None:
    for fmt in ("json", "csv", "graphml"):
        out = _run("graph", "--db", str(db), "--format", fmt)
        if fmt == "json":
            assert set(json.loads(out)) == {"nodes", "edges"}
        elif fmt == "csv":
            assert next(csv.reader(io.StringIO(out)))[:2] == ["source", "source_name"]
        else:
            assert ET.fromstring(out).tag.endswith("graphml")


def test_export_every_table(db: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    for table in ("articles", "actors", "mentions", "quotes", "events", "stories"):
        lines = _run("export", "--table", table, "--db", str(db)).splitlines()
        assert all(json.loads(line) for line in lines)
        target = tmp_path / f"{table}.parquet"
        _run("export", "--table", table, "--format", "parquet", "--db", str(db), "-o",
             str(target))
        assert pq.read_table(target).num_rows == len(lines)
    assert runner.invoke(app, ["export", "--table", "nope", "--db", str(db)]).exit_code == 2


def test_query_commands_on_a_corrupt_file_give_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 100)
    for args in (["search", "x"], ["actor", "x"], ["stories"], ["ingest", str(EXAMPLES)]):
        result = runner.invoke(app, [*args, "--db", str(bad)])
        assert result.exit_code == 1
        assert "not an SQLite database" in result.output and "Traceback" not in result.output
    assert bad.read_bytes() == b"garbage" * 100
    missing = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.sqlite")])
    assert missing.exit_code == 1 and "no such corpus" in missing.output
