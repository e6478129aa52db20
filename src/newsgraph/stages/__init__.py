"""Pipeline stages. Each is a module with ``run(doc, found) -> result``: it reads the one spaCy
``Doc`` and what earlier stages put in ``found``, and returns its own result, which the pipeline
stores on ``found`` under the stage's name. Stages hold no state beyond cached lexicons.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from newsgraph.model import Article, Entity, Event, Quote, SummarySentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

_TEXT_KEY = "newsgraph.text"


def text_of(doc: Doc) -> str:
    """The article's text: ``doc.text`` (built once per document: spaCy joins every token on
    each access), or the text ``nlp.parse`` was given when it parsed a copy with other
    quotation marks."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Make ``text`` (same length as ``doc.text``) what ``text_of(doc)`` gives."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # (no join of all tokens)
    if len(text) != end:
        raise ValueError("the parsed text and the article differ in length")
    doc.user_data[_TEXT_KEY] = text


@dataclass
class Found:
    """What the stages have found so far for one article."""

    article: Article
    summary_sentences: int = 3
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    # Stage-private working data another stage may read (documented by the writer).
    extra: dict[str, object] = field(default_factory=dict)

    @cached_property
    def _mention_index(self) -> tuple[list[int], list[tuple[int, int, str]]]:
        spans = sorted((m.start, m.end, e.id) for e in self.entities for m in e.mentions)
        return [s for s, _, _ in spans], spans

    def entity_at(self, start: int, end: int) -> str | None:
        """The id of the entity with a mention overlapping ``[start, end)`` (the innermost
        one that starts last before ``end``), or None."""
        starts, spans = self._mention_index
        i = bisect_right(starts, end - 1) - 1
        while i >= 0:
            s, e, eid = spans[i]
            if e > start and s < end:
                return eid
            if s < start - 200:
                break
            i -= 1
        return None

    def entity(self, entity_id: str | None) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None
