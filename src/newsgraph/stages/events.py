"""Events: who did what to whom, typed with PLOVER (see issue: events). Not built yet."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Event
from newsgraph.stages import Found


def run(doc: Doc, found: Found) -> tuple[Event, ...]:
    return ()
