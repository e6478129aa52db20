"""`newsgraph digest` end to end, as a user runs it: real subprocesses, stdout and stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

BIN = Path(sys.executable).with_name("newsgraph")

HARBOUR = """Dockers strike over pay in northern port

Dock workers in the northern port walked out on Monday after talks over pay broke down, halting
most container traffic for the first time in a decade.

The union said the strike would continue until the operator restored a bonus scheme that was cut
last spring. "We will stay at the gates as long as it takes," said Maria Santos, the union leader.

The operator said it had offered a 4% rise and called the walkout irresponsible.

Advertisement
"""

FARM = """Farmers in the valley began the grape harvest two weeks early this year after an unusually
warm and dry summer, the regional growers association said on Friday.
The association expects a smaller crop but higher sugar levels, which winemakers welcome.
Share this
"""

COUNCIL = ("The city council voted on Wednesday to build a new library in the old market hall. "
           "The mayor said construction would start next year and cost about 12 million euros.")

SPANISH = ("El ayuntamiento aprobó el miércoles la construcción de una nueva biblioteca en el "
           "antiguo mercado. La alcaldesa dijo que las obras comenzarán el próximo año.")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    return subprocess.run([str(BIN), *args], input=stdin, capture_output=True, env=env,
                          timeout=600, check=False, text=True, encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture()
def good(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / "harbour.txt", tmp_path / "farm.txt"]
    paths[0].write_text(HARBOUR, "utf-8")
    paths[1].write_text(FARM.replace("\n", "\r\n"), "utf-8")
    return paths


def test_bad_inputs_get_one_line_each_and_good_ones_are_digested(
    tmp_path: Path, good: list[Path], schema: dict
) -> None:
    bad = {
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 64,
        "undecodable.txt": b"The pier will close on Tuesday for repairs \x81\x8d\x9d again.",
        "huge.txt": b"word " * 10_500_000,  # 52.5 MB
        "broken.html": b"<html><body><p>Unclosed <div><b>text",
        "broken.json": b'{"text": "unterminated',
        "spanish.txt": SPANISH.encode(),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"text": COUNCIL, "title": "Library plan", "published": "2024-05-02"}),
        json.dumps({"title": "no text"}),
        "{malformed",
    ]), "utf-8")
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    odd.write_text(COUNCIL, "utf-8")
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    missing = tmp_path / "missing.txt"

    inputs = [good[0], *(tmp_path / n for n in bad), jsonl, missing, nothing, odd, good[1]]
    proc = run("digest", *map(str, inputs), "--json", "--jobs", "1")

    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = _lines(proc.stderr)
    expected_bad = [*(str(tmp_path / n) for n in bad), f"{jsonl}:2", f"{jsonl}:3",
                    str(missing), str(nothing)]
    assert len(errors) == len(expected_bad), errors
    for line, source in zip(errors, expected_bad, strict=True):
        assert line.startswith(f"error {source}: "), line
    digests = [json.loads(line) for line in _lines(proc.stdout)]
    assert [d["source"] for d in digests] == [
        str(good[0]), f"{jsonl}:1", str(tmp_path / "caf\ufffd.txt"), str(good[1])]
    for d in digests:
        jsonschema.validate(d, schema)
    harbour, council, _, farm = digests
    assert harbour["title"] == "Dockers strike over pay in northern port"
    assert [r["reason"] for r in harbour["removed"]] == ["advertisement"]
    assert (council["title"], council["published"]) == ("Library plan", "2024-05-02")
    assert "Share this" not in farm["text"] and "\r\n" in farm["text"]


def test_jobs_2_gives_the_same_output_in_the_same_order(tmp_path: Path, good: list[Path]) -> None:
    many = tmp_path / "many.jsonl"
    records = [{"text": f"Item {i}. {COUNCIL}"} for i in range(11)]
    records[5] = {"title": "no text"}
    many.write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    args = ["digest", str(good[0]), str(many), str(good[1]), "--json", "--published",
            "2024-05-06"]
    one = run(*args, "--jobs", "1")
    two = run(*args, "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    sources = [json.loads(line)["source"] for line in _lines(two.stdout)]
    assert sources == [str(good[0]), *(f"{many}:{i}" for i in range(1, 12) if i != 6),
                       str(good[1])]
    assert all(json.loads(line)["published"] == "2024-05-06" for line in _lines(two.stdout))


def test_stdin(schema: dict) -> None:
    proc = run("digest", "-", "--json", "--jobs", "1", stdin=HARBOUR)
    assert proc.returncode == 0, proc.stderr
    (line,) = _lines(proc.stdout)
    d = json.loads(line)
    assert d["source"] == "<stdin>"
    jsonschema.validate(d, schema)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--published", "2024-13-45"], "--published"),
        (["--published", "next tuesday"], "--published"),
        (["--jobs", "0"], "--jobs"),
        (["--sentences", "0"], "--sentences"),
        (["--max-bytes", "-5"], "--max-bytes"),
        (["--jobs", "many"], "--jobs"),
        (["--no-such-option"], "--no-such-option"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(tmp_path: Path, args: list[str], needle: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(COUNCIL)
    proc = run("digest", str(f), *args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    (line,) = _lines(proc.stderr)
    assert needle in line and line.startswith("error ")
    assert proc.stdout == ""


def test_missing_path_argument_is_one_line() -> None:
    proc = run("digest")
    assert proc.returncode == 2
    assert len(_lines(proc.stderr)) == 1


def test_terminal_view(good: list[Path]) -> None:
    proc = run("digest", str(good[0]), "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert "Dockers strike over pay in northern port" in proc.stdout
    assert "Summary" in proc.stdout
    assert proc.stderr == ""


def test_output_is_utf8_whatever_the_locale(tmp_path: Path, schema: dict) -> None:
    f = tmp_path / "odd.jsonl"
    text = COUNCIL + " The deal was signed in Zürich — “a first”, said the envoy from 東京."
    f.write_text(json.dumps({"text": text + " \ud800"}) + "\n", "utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    proc = subprocess.run([str(BIN), "digest", str(f), "--json", "--jobs", "1"],
                          capture_output=True, env=env, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout.decode("utf-8"))
    assert "東京" in d["text"] and d["text"].endswith("\ufffd")
    jsonschema.validate(d, schema)
