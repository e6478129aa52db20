"""The corpus file: creation, refusal of corrupt/foreign/newer files, migration with backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.corpus import Corpus, CorpusError
from newsgraph.corpus.dedup import band_keys, signature
from newsgraph.corpus.migrations import MIGRATIONS, VERSION
from newsgraph.corpus.store import APPLICATION_ID, PAGE_SIZE, backup_path, open_db

from .helpers import entity, make_digest, quote


def test_new_corpus_is_wal_versioned_with_foreign_keys(tmp_path: Path) -> None:
    conn = open_db(tmp_path / "c.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO mentions(article_id, actor_id, entity, name, type) "
                     "VALUES (999, 999, 'E1', 'x', 'PERSON')")


def test_corrupt_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "news.sqlite"
    data = b"this is not a database at all\n" * 50
    path.write_bytes(data)
    with pytest.raises(CorpusError, match="not an SQLite database"):
        Corpus(path)
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.sqlite"]


def test_damaged_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "news.sqlite"
    Corpus(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # keep the magic header, wreck the schema page
    path.write_bytes(bytes(data))
    for extra in tmp_path.glob("news.sqlite-*"):
        extra.unlink()
    with pytest.raises(CorpusError):
        Corpus(path)
    assert path.read_bytes() == bytes(data)


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CorpusError, match="not a newsgraph corpus"):
        Corpus(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    Corpus(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={VERSION + 1}")
    conn.close()
    with pytest.raises(CorpusError, match="newer newsgraph"):
        Corpus(path)


def _make_v1(path: Path) -> None:
    """A corpus as version 1 of the schema wrote it, with one article, actor and quote."""
    conn = sqlite3.connect(path)
    v1 = MIGRATIONS[0]
    assert isinstance(v1, str)
    conn.executescript(v1)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("PRAGMA user_version=1")
    conn.execute("INSERT INTO articles(id, digest_id, url, published, text, digest, ingested_at) "
                 "VALUES (1, 'abc', 'http://x/1', '2024-05-01', 'Old text about a ferry.', x'00', "
                 "'then')")
    conn.execute("INSERT INTO minhash(article_id, signature) VALUES (1, zeroblob(512))")
    conn.execute("INSERT INTO lsh(key, article_id) VALUES (42, 1)")  # an older scheme's key
    conn.execute("INSERT INTO actors(id, name, type) VALUES (1, 'Ana Ruiz', 'PERSON')")
    conn.execute("INSERT INTO actor_keys(key, actor_id, kind) VALUES ('ana ruiz', 1, 'full')")
    conn.execute("INSERT INTO mentions(article_id, actor_id, entity, name, type) "
                 "VALUES (1, 1, 'E1', 'Ana Ruiz', 'PERSON')")
    conn.execute("INSERT INTO quotes(article_id, actor_id, text, kind, start, end) "
                 "VALUES (1, 1, 'the ferry will sail again', 'direct', 0, 5)")
    conn.execute("INSERT INTO actors(id, name, type) VALUES (2, 'Port Authority', 'ORG')")
    conn.execute("INSERT INTO actors(id, name, type) VALUES (3, 'U.S.', 'GPE')")
    conn.execute("INSERT INTO actor_keys(key, actor_id, kind) VALUES ('u s', 3, 'full')")
    conn.execute("INSERT INTO events(article_id, type, source_actor, target_actor, status, date, "
                 "intensity, trigger, start, end) "
                 "VALUES (1, 'CONSULT', 1, 2, 'occurred', '2024-05-01', 1.0, 'met', 0, 3)")
    conn.commit()
    conn.close()


def test_v1_corpus_is_migrated_in_place_with_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _make_v1(path)
    with Corpus(path) as corpus:
        assert corpus.conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
        assert corpus.conn.execute("PRAGMA page_size").fetchone()[0] == 4096  # kept as it was
        assert corpus.conn.execute("SELECT version FROM articles").fetchone()[0] == 1
        assert corpus.conn.execute("SELECT published, counted FROM mentions").fetchone() == (
            "2024-05-01", 1)
        profile = corpus.actor("Ana Ruiz")
        assert profile is not None and profile.timeline == [("2024-05-01", 1)]
        hits = corpus.search("ferry sail")  # quotes_fts was built from the old quotes
        assert [(h.kind, h.speaker) for h in hits] == [("quote", "Ana Ruiz")]
        edges = corpus.graph(since="2024-05-01", until="2024-05-01").edges  # events counted
        assert [(e.source, e.target, e.events) for e in edges] == [(1, 2, 1)]
        assert corpus.conn.execute(  # a country is found by its code (v6)
            "SELECT actor_id FROM actor_keys WHERE key = 'country usa'").fetchone() == (3,)
        sig = signature("Old text about a ferry.")  # near-duplicate index rebuilt (v5)
        assert corpus.conn.execute("SELECT signature FROM minhash").fetchone()[0] == sig.tobytes()
        assert sorted(k for k, in corpus.conn.execute("SELECT key FROM lsh")) == sorted(
            band_keys(sig))
    backup = backup_path(path, 1)
    assert backup.exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")]
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT count(*) FROM quotes").fetchone()[0] == 1
    old.close()


def test_v0_empty_sqlite_file_becomes_a_corpus(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    sqlite3.connect(path).close()  # a valid, empty database: version 0
    with Corpus(path) as corpus:
        text = "Ana Ruiz said the ferry will sail again on Monday after repairs."
        d = make_digest(text, entities=(entity(text, "E1", "Ana Ruiz"),),
                        quotes=(quote(text, "the ferry will sail again", "E1"),))
        corpus.add([d])
        assert corpus.stats()["articles"] == 1
        assert corpus.conn.execute("PRAGMA page_size").fetchone()[0] == PAGE_SIZE
    assert not backup_path(path, 0).exists()


def test_reader_sees_committed_data_while_a_writer_holds_a_transaction(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    text = "The council approved the new bridge budget on Tuesday after a long debate."
    with Corpus(path) as writer:
        writer.add([make_digest(text)])
        writer.conn.execute("BEGIN IMMEDIATE")
        writer.conn.execute("UPDATE articles SET title = 'changing'")
        with Corpus(path, create=False) as reader:
            assert [h.article_id for h in reader.search("bridge budget")] == [1]
        writer.conn.execute("ROLLBACK")


def test_a_corpus_name_with_uri_characters_is_used_literally(tmp_path: Path) -> None:
    folder = tmp_path / "a#b%20c"
    folder.mkdir()
    path = folder / "news?mode=ro.sqlite"
    text = "The council approved the new bridge budget on Tuesday after a long debate."
    with Corpus(path) as corpus:
        corpus.add([make_digest(text)])
    assert path.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["news?mode=ro.sqlite"]
    with Corpus(path, create=False) as corpus:
        assert corpus.stats()["articles"] == 1


def test_packed_digest_is_the_json_form_without_text() -> None:
    import json
    import zlib

    from newsgraph.corpus.writer import pack, unpack

    from .helpers import entity, event, make_digest, quote

    text = "Ana Ruiz said the port would close. Port workers protested on Monday."
    d = make_digest(text, title="Port", url="https://x.example/1",
                    entities=(entity(text, "E1", "Ana Ruiz"),),
                    quotes=(quote(text, "the port would close", "E1"),),
                    events=(event(text, "protested", "PROTEST", "E1", None, intensity=-2.5),))
    blob = pack(d)
    expected = {k: v for k, v in d.to_dict().items() if k != "text"}
    assert json.loads(zlib.decompress(blob)) == expected
    assert unpack(blob, text) == d
