"""Near-duplicates: MinHash signatures and links to the original in the store."""

from __future__ import annotations

from pathlib import Path

from newsgraph.corpus import Corpus
from newsgraph.corpus.dedup import band_keys, jaccard, signature

from .helpers import filler, make_digest

BASE = filler(1, 200)


def _edit(text: str) -> str:
    words = text.split()
    words[10] = "edited"
    words[90] = "changed"
    return " ".join(words) + " This story first appeared elsewhere."


def test_signature_estimates_similarity() -> None:
    assert jaccard(signature(BASE), signature(BASE)) == 1.0
    assert jaccard(signature(BASE), signature(_edit(BASE))) > 0.8
    assert jaccard(signature(BASE), signature(filler(2, 200))) < 0.2
    assert len(set(band_keys(signature(BASE)))) == 16


def test_reprint_links_to_original_and_is_not_counted(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as c:
        report = c.add([make_digest(BASE), make_digest(filler(3, 200)),
                        make_digest(_edit(BASE))])
        assert report.outcomes == {"added": 2, "near-duplicate": 1}
        rows = c.conn.execute("SELECT id, duplicate_of, counted, story_id FROM articles "
                              "ORDER BY id").fetchall()
        assert rows[2][1] == rows[0][0] and rows[2][2] == 0
        assert rows[2][3] == rows[0][3]  # the duplicate sits in its original's story
        assert c.stats()["articles"] == 2 and c.stats()["near_duplicates"] == 1
        assert [h.article_id for h in c.search("edited")] == []  # duplicates are not hits
        story = next(s for s in c.stories() if s.id == rows[0][3])
        assert story.size == 1 and story.duplicates == 1


def test_a_duplicate_of_a_duplicate_links_to_the_first_original(tmp_path: Path) -> None:
    with Corpus(tmp_path / "c.sqlite") as c:
        again = _edit(BASE).replace("changed", "altered")
        c.add([make_digest(BASE), make_digest(_edit(BASE)), make_digest(again)])
        dups = [r[0] for r in c.conn.execute("SELECT duplicate_of FROM articles ORDER BY id")]
        assert dups == [None, 1, 1]


def test_signature_equals_datasketch_minhash() -> None:
    """``signature`` applies datasketch's permutations itself: the stored values must not move."""
    from newsgraph.corpus.dedup import _datasketch_signature

    texts = [BASE, _edit(BASE), filler(5, 40), "", "one", "one two three",
             "Ünïcödé ça va’s l’été à Zürich, 2026"]
    for text in texts:
        ours, theirs = signature(text), _datasketch_signature(text)
        assert ours.dtype == theirs.dtype and ours.tobytes() == theirs.tobytes()


def test_words_fast_ascii_path_agrees_with_the_unicode_pattern() -> None:
    from newsgraph.corpus.text import _WORD, words

    for text in ["It's 3 o'clock: the U.N. met_at 10:30 (ex-chief's view) -- 1,000 said.",
                 "Don’t stop: Zürich’s café", "K\u212a Kelvin", "snake_case and CAPS"]:
        found = _WORD.findall(text.lower())
        assert words(text) == ([w.replace("’", "'") for w in found] if "’" in text else found)


def test_shingle_hashes_follow_word_order_and_repeat_for_repeated_shingles() -> None:
    from newsgraph.corpus.text import shingle_hashes

    hashes = shingle_hashes(["the", "cat", "sat", "on", "the", "cat", "sat"], 3).tolist()
    assert len(hashes) == 5  # one per position
    assert hashes[0] == hashes[4]  # "the cat sat" twice
    assert len(set(hashes[:4])) == 4
    def listed(tokens: list[str]) -> list[int]:
        return shingle_hashes(tokens, 3).tolist()

    assert listed(["a", "b", "c"]) != listed(["c", "b", "a"])
    assert len(listed(["short"])) == 1  # fewer words than a shingle: one hash
    assert listed(["a", "b"]) != listed(["b", "a"])
    assert listed([]) == []
