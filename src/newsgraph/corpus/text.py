"""Text helpers shared by the corpus modules: folding, words, word and shingle hashes and the
word lexicons."""

from __future__ import annotations

import re
import unicodedata
import zlib
from functools import cache

import numpy as np

from newsgraph.lexicons import rows

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*", re.ASCII)  # _WORD on ASCII lower case
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, accents removed, every run of non-alphanumerics made one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", plain.casefold()).strip()


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; inner apostrophes kept)."""
    lower = text.lower()
    if lower.isascii():  # the common case: a plain ASCII pattern finds the same words faster
        return _ASCII_WORD.findall(lower)
    found = _WORD.findall(lower)
    return [w.replace("’", "'") for w in found] if "’" in text else found


_SHINGLE_PRIME = np.uint64(0x100000001B3)  # FNV-1a's 64-bit prime, the combining multiplier
_HALF = np.uint64(32)
_WORD_HASHES: dict[str, int] = {}  # word -> CRC-32 of its UTF-8 bytes (a session's vocabulary)
_WORD_HASHES_MAX = 1 << 20  # words remembered before the memory starts again


def word_hashes(tokens: list[str]) -> np.ndarray:
    """CRC-32 of each word's UTF-8 bytes (uint64 array), remembered per word: a corpus's
    vocabulary repeats, so most words are one dict look-up."""
    known = _WORD_HASHES
    missing = set(tokens).difference(known)
    if missing:
        if len(known) > _WORD_HASHES_MAX:
            known.clear()
            missing = set(tokens)
        crc = zlib.crc32
        known.update((word, crc(word.encode("utf-8"))) for word in missing)
    return np.fromiter(map(known.__getitem__, tokens), np.uint64, len(tokens))


def shingle_hashes(tokens: list[str], size: int) -> np.ndarray:
    """A 32-bit hash of each ``size``-word shingle (uint32 array), one per position, repeats
    kept (one shingle for texts of ``size`` words or fewer): the words' CRC-32 combined as
    ``(h * P) ^ next`` in 64 bits, FNV-style, then folded to 32 bits. Computed for all
    positions at once from the word hashes, so the cost per shingle is a few array steps."""
    if not tokens:
        return np.zeros(0, np.uint32)
    w = word_hashes(tokens)
    n = max(1, len(w) - size + 1)
    h = w[:n].copy()
    for k in range(1, min(size, len(w))):
        h *= _SHINGLE_PRIME
        h ^= w[k : k + n]
    h ^= h >> _HALF
    return h.astype(np.uint32)


@cache
def stopwords() -> frozenset[str]:
    """Words that carry no story signal (lexicons/corpus_stopwords.tsv)."""
    return frozenset(row[0].strip() for row in rows("corpus_stopwords.tsv"))


@cache
def name_affixes() -> tuple[frozenset[str], frozenset[str]]:
    """(prefixes, suffixes) dropped around names (lexicons/corpus_name_affixes.tsv)."""
    pairs = [(r[0].strip(), r[1].strip()) for r in rows("corpus_name_affixes.tsv")]
    return (frozenset(w for w, pos in pairs if pos == "prefix"),
            frozenset(w for w, pos in pairs if pos == "suffix"))
