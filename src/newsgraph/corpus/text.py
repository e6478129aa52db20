"""Text helpers shared by the corpus modules: folding, words, shingles and the word lexicons."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, accents removed, every run of non-alphanumerics made one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", plain.casefold()).strip()


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; inner apostrophes kept)."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def shingles(tokens: list[str], size: int) -> set[bytes]:
    """The set of ``size``-word shingles, as UTF-8 bytes (one shingle for short texts)."""
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def _rows(name: str) -> list[list[str]]:
    raw = resources.files("newsgraph.lexicons").joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in raw.splitlines() if line.strip() and line[0] != "#"]


@cache
def stopwords() -> frozenset[str]:
    """Words that carry no story signal (lexicons/corpus_stopwords.tsv)."""
    return frozenset(row[0].strip() for row in _rows("corpus_stopwords.tsv"))


@cache
def name_affixes() -> tuple[frozenset[str], frozenset[str]]:
    """(prefixes, suffixes) dropped around names (lexicons/corpus_name_affixes.tsv)."""
    rows = [(r[0].strip(), r[1].strip()) for r in _rows("corpus_name_affixes.tsv")]
    return (frozenset(w for w, pos in rows if pos == "prefix"),
            frozenset(w for w, pos in rows if pos == "suffix"))
