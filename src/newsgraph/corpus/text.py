"""Text helpers shared by the corpus modules: folding, words, shingle hashes and the word
lexicons."""

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


def shingle_hashes(tokens: list[str], size: int) -> list[int]:
    """CRC-32 of each ``size``-word shingle's UTF-8 bytes (words joined by one space), one per
    position, repeats kept (one shingle for short texts). The bytes are sliced from the joined
    text (words hold no spaces, so its spaces are the word boundaries) rather than built per
    shingle."""
    if not tokens:
        return []
    joined = " ".join(tokens).encode("utf-8")
    if len(tokens) <= size:
        return [zlib.crc32(joined)]
    spaces = np.flatnonzero(np.frombuffer(joined, dtype=np.uint8) == 32)
    starts = [0, *(spaces[: len(tokens) - size] + 1).tolist()]
    ends = [*spaces[size - 1 :].tolist(), len(joined)]
    view = memoryview(joined)
    crc = zlib.crc32
    return [crc(view[a:b]) for a, b in zip(starts, ends, strict=True)]


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
