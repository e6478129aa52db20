"""Ingest: idempotence, versions, per-article failures, digest JSONL, feeds, WARC, crashes."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.corpus import Corpus
from newsgraph.corpus.readers import parse_digest, read_feed, read_warc

from .helpers import filler, make_digest

ROOT = Path(__file__).resolve().parents[2]


def test_reingesting_the_same_digest_is_a_no_op(tmp_path: Path) -> None:
    d = make_digest(filler(5))
    with Corpus(tmp_path / "c.sqlite") as c:
        assert c.add([d]).outcomes == {"added": 1}
        assert c.add([d, d]).outcomes == {"already stored": 2}
        assert c.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_same_url_with_changed_text_is_a_new_version(tmp_path: Path) -> None:
    url = "https://news.example/a/1"
    first = make_digest(filler(7), url=url)
    second = make_digest(filler(7).replace("Report 7:", "Updated report 7:") + " Correction.",
                         url=url)
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add([first])
        assert c.add([second]).outcomes == {"new version": 1}
        rows = c.conn.execute("SELECT version, counted, duplicate_of FROM articles "
                              "WHERE url = ? ORDER BY id", (url,)).fetchall()
        assert rows == [(1, 0, None), (2, 1, None)]  # the old one is kept, not counted
        assert c.stats()["articles"] == 1 and c.stats()["old_versions"] == 1


def test_bad_digest_lines_fail_alone(tmp_path: Path) -> None:
    good = make_digest(filler(8))
    tampered = good.to_dict() | {"text": good.text + " extra"}
    lines = [json.dumps(good.to_dict()), "{not json", json.dumps({"schema": "newsgraph.digest/1"}),
             json.dumps(tampered)]
    path = tmp_path / "digests.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b'{"text": "caf\xe9"}\n')
    with Corpus(tmp_path / "c.sqlite") as c:
        report = c.ingest([str(path)], jobs=1)
    assert report.outcomes == {"added": 1}
    assert [f.source for f in report.failures] == [f"{path}:2", f"{path}:3", f"{path}:4",
                                                   f"{path}:5"]
    assert "SHA-256" in report.failures[2].message
    assert "not UTF-8" in report.failures[3].message  # a Latin-1 line fails alone


def test_gzipped_digest_lines_are_stored_without_parsing(tmp_path: Path) -> None:
    import gzip

    from newsgraph.corpus.readers import estimate

    from .helpers import entity

    made = []
    for seed in (3, 4):
        text = filler(seed)
        made.append(make_digest(text, entities=(entity(text, "E1", text.split()[0], "ORG"),)))
    lines = "".join(json.dumps(d.to_dict()) + "\n\n" for d in made)
    path = tmp_path / "digests.jsonl.gz"
    path.write_bytes(gzip.compress(lines.encode("utf-8")))
    assert estimate(str(path)) == 2  # the progress bar counts its lines (blank ones aside)
    with Corpus(tmp_path / "c.sqlite") as c:
        report = c.ingest([str(path)], jobs=1)
        assert report.outcomes == {"added": 2} and not report.failures
        stored = [r[0] for r in c.conn.execute("SELECT digest_id FROM articles ORDER BY id")]
        names = [r[0] for r in c.conn.execute("SELECT name FROM mentions ORDER BY id")]
    assert stored == [d.id for d in made]
    assert names == [d.entities[0].name for d in made]  # the digests' own entities, as made


def test_parse_digest_rejects_offsets_that_do_not_match() -> None:
    d = make_digest("Ana Ruiz said the ferry would sail again on Monday after repairs.")
    data = d.to_dict()
    data["summary"] = [{"text": "nothing like it", "start": 0, "end": 15, "score": 1.0}]
    failure = parse_digest("x:1", json.dumps(data))
    assert "offsets" in failure.message


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>Ferry returns</title><link>https://n.example/1</link>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The island ferry returned to service on Tuesday after repairs.&lt;/p&gt;
</description></item>
<item><title>Empty</title><link>https://n.example/2</link><description> </description></item>
</channel></rss>"""


def test_feed_entries_become_documents_with_url_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(FEED, "utf-8")
    items = list(read_feed(path, 1_000_000))
    first, second = items
    assert (first.url, first.title, first.published) == (
        "https://n.example/1", "Ferry returns", "2026-03-03")
    assert "island ferry" in first.data
    assert second.message == "feed entry has no content"


def test_not_a_feed_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "junk.xml"
    path.write_text("<notes><n>hello</n></notes>", "utf-8")
    (failure,) = read_feed(path, 1_000_000)
    assert "not an RSS/Atom feed" in failure.message


def _warc(path: Path, pages: dict[str, str]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, html in pages.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode("utf-8")),
                http_headers=headers))


def test_warc_html_responses_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, {"https://n.example/a": "<html><body><p>One page.</p></body></html>",
                 "https://n.example/b": "<html><body><p>Two pages.</p></body></html>"})
    docs = list(read_warc(path, 1_000_000))
    assert [d.url for d in docs] == ["https://n.example/a", "https://n.example/b"]
    assert all(d.kind == "html" and b"page" in d.data for d in docs)


def test_broken_warc_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not right\r\n\r\n")
    (failure,) = read_warc(path, 1_000_000)
    assert "WARC" in failure.message


def _digest_file(path: Path, n: int) -> list[str]:
    digests = [make_digest(filler(1000 + i, 60), published=f"2026-01-{1 + i % 28:02d}")
               for i in range(n)]
    path.write_text("".join(json.dumps(d.to_dict()) + "\n" for d in digests), "utf-8")
    return [d.id for d in digests]


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_kill_9_during_ingest_then_rerun_loses_nothing_and_stores_nothing_twice(
    tmp_path: Path,
) -> None:
    source, db = tmp_path / "many.jsonl", tmp_path / "news.sqlite"
    ids = _digest_file(source, 4000)
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(source), "--db", str(db),
           "--jobs", "1"]
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _count(db) == 0 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)  # a reader polling while the ingest writes
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _count(db)
    assert 0 < partial < len(ids), "the ingest should have been killed part-way"
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    conn = sqlite3.connect(db)
    stored = [r[0] for r in conn.execute("SELECT digest_id FROM articles")]
    assert sorted(stored) == sorted(ids)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_second_writer_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    from newsgraph.corpus import CorpusError
    from newsgraph.corpus.ingest import writer_lock

    path = tmp_path / "c.sqlite"
    with Corpus(path) as c, writer_lock(path):
        try:
            c.add([make_digest(filler(9))])
        except CorpusError as err:
            assert "another ingest" in str(err)
        else:
            raise AssertionError("a second writer should be refused")
        assert c.stats()["articles"] == 0


def test_warc_and_feed_through_the_pipeline(tmp_path: Path) -> None:
    example = (ROOT / "src" / "newsgraph" / "examples" / "harbour_strike.txt").read_text("utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in example.splitlines()[2:12])
    page = (f"<html><head><title>Port of Valdora reopens</title></head><body><article>"
            f"<h1>Port of Valdora reopens</h1>{paragraphs}</article></body></html>")
    _warc(tmp_path / "crawl.warc.gz", {"https://n.example/valdora": page})
    feed = tmp_path / "wire.rss"
    feed.write_text(FEED, "utf-8")
    with Corpus(tmp_path / "c.sqlite") as c:
        report = c.ingest([str(tmp_path)], jobs=1, published="2026-03-12")
        rows = c.conn.execute("SELECT url, published FROM articles ORDER BY id").fetchall()
    assert ("https://n.example/valdora", "2026-03-12") in rows
    failed = {f.source.split("#")[-1]: f.message for f in report.failures}
    assert "https://n.example/2" in failed  # the empty feed entry
    assert report.outcomes["added"] == len(rows) >= 1


def test_the_write_lock_leaves_no_file_and_is_free_again_after_release(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    lock_file = tmp_path / "c.sqlite.lock"
    with Corpus(path) as c:
        c.add([make_digest(filler(3))])
        assert not lock_file.exists()
        c.add([make_digest(filler(4))])  # the next writer is not refused
        assert c.stats()["articles"] == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("c.sqlite")) == [
        "c.sqlite"]


def test_a_lock_held_on_a_removed_lock_file_does_not_block_a_new_writer(
        tmp_path: Path) -> None:
    import fcntl

    from newsgraph.corpus.ingest import writer_lock

    path = tmp_path / "c.sqlite"
    lock_file = tmp_path / "c.sqlite.lock"
    lock_file.write_text("")
    stale = os.open(lock_file, os.O_RDWR)  # an old holder's file, removed on its release
    fcntl.flock(stale, fcntl.LOCK_EX)
    os.unlink(lock_file)
    try:
        with writer_lock(path):
            assert lock_file.exists()  # a fresh lock file, not the removed one
        assert not lock_file.exists()
    finally:
        os.close(stale)


def test_an_unstorable_article_fails_alone_and_the_rest_of_its_batch_is_kept(
    tmp_path: Path,
) -> None:
    from newsgraph.model import Entity

    from .helpers import mention

    texts = [filler(40 + i) for i in range(5)]
    digests = [make_digest(t) for t in texts]
    bad_text = filler(60)
    bad_entity = Entity("E1", "Report", "ORG", sector={"not", "json"},  # type: ignore[arg-type]
                        mentions=(mention(bad_text, "Report"),))
    digests.insert(2, make_digest(bad_text, entities=(bad_entity,)))
    with Corpus(tmp_path / "c.sqlite") as c:
        report = c.add(digests)
        assert report.outcomes == {"added": 5}
        assert len(report.failures) == 1 and "TypeError" in report.failures[0].message
        stored = {r[0] for r in c.conn.execute("SELECT digest_id FROM articles")}
        assert stored == {d.id for d in digests} - {digests[2].id}
        assert c.conn.execute("SELECT count(*) FROM actors").fetchone()[0] == 0
        for text in texts:  # each kept article is in the full-text index
            others = {w for t in [*texts, bad_text] if t != text for w in t.split()}
            word = next(w for w in text.split()[2:] if w not in others).rstrip(".")
            article_id = c.conn.execute("SELECT id FROM articles WHERE digest_id = ?",
                                        (make_digest(text).id,)).fetchone()[0]
            assert [h.article_id for h in c.search(word)] == [article_id]


def test_ingest_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    from newsgraph.corpus import ingest

    seen: list[tuple[int, int, int]] = []
    before = gc.get_threshold()
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add([make_digest(filler(1))], progress=lambda *_: seen.append(gc.get_threshold()))
    assert gc.get_threshold() == before and gc.isenabled()
    assert seen == [(before[0], before[1], ingest.FULL_COLLECTIONS_OFF)]
    with ingest._no_full_collections():
        assert gc.get_threshold() == (before[0], before[1], ingest.FULL_COLLECTIONS_OFF)
    assert gc.get_threshold() == before


def test_a_batch_retried_after_an_unexpected_error_stores_each_row_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows kept in memory for a batch whose transaction was rolled back are dropped, so the
    retry in ``store_all``'s ``finally`` does not write them a second time."""
    from newsgraph.corpus import ingest, writer

    from .helpers import entity, event, quote

    def article(n: int):
        text = f"Ana Ruiz said the port of Vela {n} would close. Workers protested on day {n}."
        return make_digest(text, url=f"https://x.example/{n}",
                           entities=(entity(text, "E1", "Ana Ruiz"),
                                     entity(text, "E2", "Workers", "GROUP")),
                           quotes=(quote(text, f"the port of Vela {n} would close", "E1"),),
                           events=(event(text, "protested", "PROTEST", "E2", "E1"),))

    store, calls = writer.store, []

    def flaky(session, digest, *prepared):  # the second article fails once, as a locked
        calls.append(digest.id)  # disk might
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return store(session, digest, *prepared)

    tables = ["SELECT id, digest_id, story_id, duplicate_of, counted, version FROM articles",
              "SELECT * FROM stories", "SELECT * FROM meta", "SELECT * FROM actors",
              "SELECT * FROM actor_keys", "SELECT * FROM mentions", "SELECT * FROM quotes",
              "SELECT * FROM events", "SELECT * FROM minhash", "SELECT * FROM lsh",
              "SELECT rowid, 0 FROM articles_fts WHERE articles_fts MATCH 'vela'",
              "SELECT rowid, 0 FROM quotes_fts WHERE quotes_fts MATCH 'vela'"]
    with Corpus(tmp_path / "clean.sqlite") as clean:
        clean.add([article(0)])
        clean.add([article(1), article(2)])
        expected = [clean.conn.execute(f"{sql} ORDER BY 1, 2").fetchall() for sql in tables]
    with Corpus(tmp_path / "c.sqlite") as c:
        c.add([article(0)])
        monkeypatch.setattr(writer, "store", flaky)
        monkeypatch.setattr(ingest, "BATCH", 2)
        with pytest.raises(sqlite3.OperationalError):  # raised, after the batch was retried
            c.add([article(1), article(2), article(3)])
        assert [c.conn.execute(f"{sql} ORDER BY 1, 2").fetchall() for sql in tables] == expected
        assert c.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 6


def test_a_long_ingest_keeps_the_write_ahead_log_about_one_batch_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph.corpus import ingest

    monkeypatch.setattr(ingest, "BATCH", 25)
    path = tmp_path / "c.sqlite"
    wal = path.with_name(path.name + "-wal")
    with Corpus(path) as c:
        autocheckpoint = c.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
        c.conn.execute("PRAGMA wal_autocheckpoint=100000")  # SQLite would not copy it back
        c.add([make_digest(filler(1000 + i, words=400)) for i in range(400)])  # 16 batches
        assert c.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 400
        # the checkpointer copied each batch back and the log restarted: it is far smaller
        # than the database, which holds all sixteen batches
        assert wal.stat().st_size < path.stat().st_size / 2
        assert c.conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 100000  # restored
        c.conn.execute(f"PRAGMA wal_autocheckpoint={autocheckpoint}")
