"""Near-duplicate detection: MinHash (datasketch) over word shingles, banded LSH in SQLite.

Each original article stores its signature and ``BANDS`` band keys. A new article's band keys
find the candidates with one indexed query, whose cost does not grow with the corpus; the
candidates' signatures then confirm an estimated Jaccard similarity of at least ``THRESHOLD``.
With 16 bands of 8 rows, pairs at Jaccard 0.8 collide in some band with probability 0.9996
and pairs at 0.5 with 0.06, so the confirmation step sees few false candidates.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash

from newsgraph.corpus.text import shingle_hashes, words

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3  # words per shingle: a few edited words change few shingles
THRESHOLD = 0.8  # estimated Jaccard at or above which an article is a near-duplicate


@cache
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """datasketch's permutations (``a``, ``b``) and empty signature, checked to be of the
    "affine32" scheme that ``signature`` applies itself."""
    template = _template()
    if template.scheme != "affine32" or template.hashvalues.dtype != np.uint32:
        raise RuntimeError(f"unexpected datasketch MinHash scheme {template.scheme!r}")
    a, b = template.permutations
    return a, b, template.hashvalues.copy()


_FMIX = tuple(np.uint32(c) for c in (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16))


def signature(text: str, tokens: list[str] | None = None) -> np.ndarray:
    """The MinHash signature (uint32 per permutation) of the text's word shingles, hashed by
    ``shingle_hashes`` (``tokens``: ``words(text)`` when the caller already has them).

    The same values as datasketch's ``MinHash(num_perm=NUM_PERM, seed=1).update_batch`` of the
    shingle hashes (its "affine32" scheme: MurmurHash3's 32-bit finaliser, then ``a * h + b``
    modulo 2**32, the minimum per permutation), computed here in a few in-place numpy steps
    without building a ``MinHash`` per article."""
    a, b, empty = _permutations()
    hv = shingle_hashes(words(text) if tokens is None else tokens, SHINGLE)
    if not len(hv):
        return empty.copy()
    s1, m1, s2, m2, s3 = _FMIX
    hv ^= hv >> s1
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    phv = np.multiply.outer(hv, a)
    phv += b
    return phv.min(axis=0)


def _datasketch_signature(text: str, tokens: list[str] | None = None) -> np.ndarray:
    """``signature`` through datasketch itself (the reference the tests compare with)."""
    template = _template()
    mh = MinHash(num_perm=NUM_PERM, permutations=template.permutations,
                 hashfunc=int, scheme=template.scheme)
    mh.update_batch(shingle_hashes(words(text) if tokens is None else tokens, SHINGLE).tolist())
    return mh.hashvalues


_SALTS = tuple(band.to_bytes(2, "little") for band in range(BANDS))


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (band number mixed in, so bands never collide)."""
    raw = sig.tobytes()
    width = len(raw) // BANDS
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    return [from_bytes(blake2b(raw[at : at + width], digest_size=8, salt=salt).digest(),
                       "little", signed=True)
            for at, salt in zip(range(0, len(raw), width), _SALTS, strict=True)]


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(frozen=True, slots=True)
class Match:
    article_id: int
    similarity: float


class Pending:
    """Originals remembered in the writer's open batch whose index rows are not written yet:
    ``find_original`` looks here as well as in the database, and ``write`` stores the rows
    (band keys sorted, so the LSH index is updated in one ordered pass)."""

    def __init__(self) -> None:
        self.sigs: dict[int, np.ndarray] = {}
        self.by_key: dict[int, list[int]] = {}

    def add(self, article_id: int, sig: np.ndarray, keys: list[int]) -> None:
        self.sigs[article_id] = sig
        for key in keys:
            self.by_key.setdefault(key, []).append(article_id)

    def candidates(self, keys: list[int]) -> list[tuple[int, np.ndarray]]:
        by_key = self.by_key
        ids = {a for key in keys if key in by_key for a in by_key[key]}
        return [(a, self.sigs[a]) for a in sorted(ids)]

    def write(self, conn: sqlite3.Connection) -> None:
        conn.executemany("INSERT INTO minhash(article_id, signature) VALUES (?, ?)",
                         [(a, sig.tobytes()) for a, sig in self.sigs.items()])
        conn.executemany("INSERT OR IGNORE INTO lsh(key, article_id) VALUES (?, ?)",
                         sorted((key, a) for key, ids in self.by_key.items() for a in ids))
        self.clear()

    def clear(self) -> None:
        self.sigs.clear()
        self.by_key.clear()


def find_original(
    conn: sqlite3.Connection, sig: np.ndarray, keys: list[int], exclude: frozenset[int],
    pending: Pending | None = None,
) -> Match | None:
    """The most similar stored original at or above ``THRESHOLD`` (oldest on ties), if any.
    ``exclude`` holds article ids not to match (earlier versions of the same URL);
    ``pending``: originals of the open batch not written yet."""
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT m.article_id, m.signature FROM minhash m WHERE m.article_id IN "
        f"(SELECT DISTINCT article_id FROM lsh WHERE key IN ({marks}))", keys).fetchall()
    found = [(a, np.frombuffer(blob, dtype=sig.dtype)) for a, blob in rows]
    if pending is not None and pending.by_key:
        found += pending.candidates(keys)
    best: Match | None = None
    for article_id, other in found:
        if article_id in exclude:
            continue
        sim = jaccard(sig, other)
        if sim >= THRESHOLD and (best is None or (sim, -article_id) > (best.similarity,
                                                                        -best.article_id)):
            best = Match(article_id, sim)
    return best


def remember(conn: sqlite3.Connection, article_id: int, sig: np.ndarray, keys: list[int],
             pending: Pending | None = None) -> None:
    """Index an original article so later near-duplicates find it (``pending``: keep its rows
    there, for ``Pending.write`` before the batch commits)."""
    if pending is not None:
        pending.add(article_id, sig, keys)
        return
    conn.execute("INSERT INTO minhash(article_id, signature) VALUES (?, ?)",
                 (article_id, sig.tobytes()))
    conn.executemany("INSERT OR IGNORE INTO lsh(key, article_id) VALUES (?, ?)",
                     [(k, article_id) for k in keys])
