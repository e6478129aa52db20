"""How common a word is in news before the corpus has seen any: a prior for story term weights.

A young corpus cannot tell a rare word from a common one (after ten articles, "said" and
"Capaldi" may both have been seen once). ``rate(word)`` estimates the share of ordinary
articles that contain the word, from its frequency in general text (the ``wordfreq`` package,
data bundled with it, nothing downloaded): a word with frequency ``f`` per word occurs in an
article of ``DOC_WORDS`` words with probability ``1 - exp(-DOC_WORDS * f)``. The story index
counts ``BACKGROUND_DOCS`` virtual articles with these rates next to the real ones, so the
prior fades as the corpus grows.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

DOC_WORDS = 300  # words in a typical article
_DIGIT = re.compile(r"\d")


@cache
def _frequencies(language: str) -> dict[str, float] | None:
    try:
        from wordfreq import available_languages, get_frequency_dict
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    if language not in available_languages(wordlist="large"):
        return None
    return get_frequency_dict(language, wordlist="large")


@lru_cache(maxsize=1 << 20)
def rate(word: str, language: str | None = "en") -> float:
    """The estimated share of articles in ``language`` that contain ``word`` (lower case);
    0.0 for words general text never uses, and for languages without a word list. Cached for
    the process: each writer session asks again for every word it meets."""
    freqs = _frequencies((language or "en").split("-")[0].lower())
    if not freqs:
        return 0.0
    key = word[:-2] if word.endswith(("'s", "’s")) else word
    if any(c.isdigit() for c in key):
        key = _DIGIT.sub("0", key)  # the word lists pool numbers by their shape
    f = freqs.get(key, 0.0)
    return 1.0 - math.exp(-DOC_WORDS * f) if f else 0.0


def name_rate(name_words: list[str], language: str | None = "en") -> float:
    """The rate of a name: that of its rarest word (a name is as specific as that word)."""
    return min((rate(w, language) for w in name_words), default=0.0)
