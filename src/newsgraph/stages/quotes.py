"""Quotes: direct and reported speech with speakers (see issue: quotes). Not built yet."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Quote
from newsgraph.stages import Found


def run(doc: Doc, found: Found) -> tuple[Quote, ...]:
    return ()
