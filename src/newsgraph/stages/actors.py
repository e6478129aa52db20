"""Actors. For now: entities straight from spaCy NER, one entity per distinct name."""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Entity, Mention
from newsgraph.stages import Found

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}


def run(doc: Doc, found: Found) -> tuple[Entity, ...]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        text = ent.text
        key = (text.lower(), ent.label_)
        groups.setdefault(key, []).append(Mention(text, ent.start_char, ent.end_char, "name"))
    total = sum(len(v) for v in groups.values()) or 1
    out = []
    for i, ((_, label), mentions) in enumerate(groups.items(), 1):
        out.append(Entity(
            id=f"E{i}", name=mentions[0].text, type=label,
            salience=round(len(mentions) / total, 4), mentions=tuple(mentions),
        ))
    return tuple(out)
