"""Inputs to raw documents: files, directories, JSON, JSON Lines, stdin; failures in place."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsgraph.ingest import to_article
from newsgraph.ingest.sources import Failure, RawDoc, read_inputs

ARTICLE = ("The harbour authority said on Tuesday that the north pier would close for repairs. "
           "Fishing crews will move to the south basin until the work ends in the spring.")


def _read(*paths: Path | str, max_bytes: int = 5_000_000) -> list[RawDoc | Failure]:
    return list(read_inputs([str(p) for p in paths], max_bytes))


def _summary(items: list[RawDoc | Failure]) -> list[tuple[str, str]]:
    return [(i.source, "ok" if isinstance(i, RawDoc) else "fail") for i in items]


def test_jsonl_one_article_per_line_with_failures_per_line(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"text": ARTICLE, "title": "Pier to close", "url": "https://x.example/1",
                    "published": "2024-03-11"}),
        "",
        json.dumps({"title": "no text here"}),
        "{not json",
        json.dumps({"html": f"<html><body><p>{ARTICLE}</p></body></html>"}),
        json.dumps(["a list, not an object"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": ARTICLE + " \u2028 with a line separator inside"}, ensure_ascii=False),
    ]
    f.write_text("\n".join(lines) + "\n", "utf-8")
    items = _read(f)
    assert _summary(items) == [
        (f"{f}:1", "ok"), (f"{f}:3", "fail"), (f"{f}:4", "fail"), (f"{f}:5", "ok"),
        (f"{f}:6", "fail"), (f"{f}:7", "fail"), (f"{f}:8", "ok"),
    ]
    first = items[0]
    assert isinstance(first, RawDoc)
    assert (first.kind, first.title, first.url, first.published) == (
        "text", "Pier to close", "https://x.example/1", "2024-03-11")
    assert isinstance(items[3], RawDoc) and items[3].kind == "html"
    assert "malformed JSON" in items[2].message
    assert "'text' or 'html'" in items[1].message


def test_json_array_and_object_files(tmp_path: Path) -> None:
    arr = tmp_path / "list.json"
    arr.write_text(json.dumps([{"text": ARTICLE}, {"nope": 1}, {"text": ARTICLE}]), "utf-8")
    obj = tmp_path / "one.json"
    obj.write_text(json.dumps({"text": ARTICLE, "title": "T"}, indent=2), "utf-8")
    assert _summary(_read(arr, obj)) == [
        (f"{arr}:1", "ok"), (f"{arr}:2", "fail"), (f"{arr}:3", "ok"), (str(obj), "ok")]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"text": "unterminated', "malformed JSON"),
        ("[" * 100_000 + "]" * 100_000, "malformed JSON"),
        ("42", "article object or a list"),
    ],
)
def test_malformed_json_file_is_one_failure(tmp_path: Path, content: str, problem: str) -> None:
    f = tmp_path / "bad.json"
    f.write_text(content, "utf-8")
    (item,) = _read(f)
    assert isinstance(item, Failure) and problem in item.message


def test_json_lines_under_a_json_name(tmp_path: Path) -> None:
    f = tmp_path / "lines.json"
    f.write_text(json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": ARTICLE}), "utf-8")
    assert _summary(_read(f)) == [(f"{f}:1", "ok"), (f"{f}:2", "ok")]


def test_directories_recursive_sorted_hidden_and_unknown_skipped(tmp_path: Path) -> None:
    for rel in ["b/2.txt", "b/1.html", "a.txt", "c/d/e.jsonl", ".hidden/x.txt", "notes.csv",
                "b/.secret.txt"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps({"text": ARTICLE}) if rel.endswith("jsonl") else ARTICLE)
    assert [s for s, _ in _summary(_read(tmp_path))] == [
        str(tmp_path / "a.txt"), str(tmp_path / "b/1.html"), str(tmp_path / "b/2.txt"),
        f"{tmp_path / 'c/d/e.jsonl'}:1"]


def test_missing_empty_and_too_big(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n")
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 10)
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    items = _read(tmp_path / "missing.txt", empty, big, nothing, max_bytes=500)
    assert all(isinstance(i, Failure) for i in items)
    assert [i.message.split(" ")[0] for i in items] == ["no", "empty", f"{len(ARTICLE) * 10:,}",
                                                        "directory"]


def test_non_utf8_file_name_is_printable(tmp_path: Path) -> None:
    name = tmp_path.as_posix().encode() + b"/caf\xe9.txt"
    Path(name.decode("utf-8", "surrogateescape")).write_text(ARTICLE)
    (item,) = _read(tmp_path)
    assert isinstance(item, RawDoc)
    assert item.source.endswith("caf\ufffd.txt")
    item.source.encode("utf-8")  # no lone surrogates left


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        def __init__(self, data: bytes) -> None:
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", FakeStdin(ARTICLE.encode()))
    (item,) = _read("-")
    assert isinstance(item, RawDoc) and item.source == "<stdin>" and item.kind == "text"
    lines = (json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": ARTICLE})).encode()
    monkeypatch.setattr(sys, "stdin", FakeStdin(lines))
    assert _summary(_read("-")) == [("<stdin>:1", "ok"), ("<stdin>:2", "ok")]
    monkeypatch.setattr(sys, "stdin", FakeStdin(b"[Reuters] " + ARTICLE.encode()))
    (item,) = _read("-")
    assert isinstance(item, RawDoc) and item.kind == "text"


def test_record_metadata_reaches_the_article() -> None:
    raw = RawDoc("x.jsonl:1", "text", ARTICLE, title="Pier to close",
                 url="https://x.example/1", published="2024-03-11T10:00:00Z")
    article = to_article(raw, published="2020-01-01")
    assert (article.title, article.url, article.published) == (
        "Pier to close", "https://x.example/1", "2024-03-11")
    assert to_article(RawDoc("y", "text", ARTICLE), published="2020-01-01").published == (
        "2020-01-01")


def test_jsonl_limit_applies_per_line_and_reads_lazily(tmp_path: Path) -> None:
    f = tmp_path / "corpus.jsonl"
    line = json.dumps({"text": ARTICLE})
    long_line = json.dumps({"text": ARTICLE * 5})
    f.write_text("\n".join([line] * 20 + [long_line, line]) + "\n", "utf-8")
    limit = len(line) + 10  # far below the file size, above one ordinary line
    items = read_inputs([str(f)], limit)
    first = next(items)
    assert isinstance(first, RawDoc) and first.source == f"{f}:1"
    rest = list(items)
    assert len(rest) == 21
    assert [i.source for i in rest if isinstance(i, Failure)] == [f"{f}:21"]


def test_jsonl_empty_binary_and_legacy_encoded_lines(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(b'{"text": "\x00\x01\x02\x03\x04\x05\x06\x07\x08"}\n'
                      + json.dumps({"text": "Caf\u00e9 " + ARTICLE}, ensure_ascii=False)
                      .encode("cp1252") + b"\n")
    items = _read(empty, mixed)
    assert _summary(items) == [(str(empty), "fail"), (f"{mixed}:1", "fail"), (f"{mixed}:2", "ok")]
    assert "binary" in items[1].message
    assert items[2].data.startswith("Caf\u00e9 ")


def test_saved_page_under_a_txt_name_is_html(tmp_path: Path) -> None:
    f = tmp_path / "page.txt"
    f.write_text(f"<!DOCTYPE html><html><body><p>{ARTICLE}</p></body></html>")
    (item,) = _read(f)
    assert isinstance(item, RawDoc) and item.kind == "html"


def test_gzip_compressed_inputs(tmp_path: Path) -> None:
    import gzip

    page = tmp_path / "pages" / "p.html.gz"
    page.parent.mkdir()
    page.write_bytes(gzip.compress(f"<html><body><p>{ARTICLE}</p></body></html>".encode()))
    lines = tmp_path / "pages" / "c.jsonl.gz"
    lines.write_bytes(gzip.compress((json.dumps({"text": ARTICLE}) + "\n").encode() * 2))
    text = tmp_path / "t.txt.gz"
    text.write_bytes(gzip.compress(ARTICLE.encode()))
    broken = tmp_path / "broken.txt.gz"
    broken.write_bytes(gzip.compress(ARTICLE.encode())[:-12])
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"word " * 200_000))  # 1 MB inside, a few KB on disk
    items = _read(tmp_path / "pages", text, broken, bomb, max_bytes=100_000)
    assert _summary(items) == [
        (f"{lines}:1", "ok"), (f"{lines}:2", "ok"), (str(page), "ok"), (str(text), "ok"),
        (str(broken), "fail"), (str(bomb), "fail")]
    assert items[2].kind == "html" and items[3].kind == "text"
    assert "gzip" in items[4].message
    assert "100,000" in items[5].message
