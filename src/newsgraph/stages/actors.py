"""Actors: NER names clustered per document (full name, surname, partial names),
person pronouns linked to the nearest preceding compatible person.

First increment: names + pronouns. Roles, countries, sectors and groups are still to come.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Entity, Mention
from newsgraph.stages import Found, coref

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip("’'s").lower() for w in text.split() if w.strip("’'s"))


def _cluster_key(words: tuple[str, ...], clusters: list[dict]) -> dict | None:
    """A cluster whose full name ends with these words (surname or first+last match)."""
    for cluster in clusters:
        full = cluster["words"]
        if words == full[-len(words):] or (len(words) == 2 and words[0] == full[0]
                                           and words[-1] == full[-1]):
            return cluster
    return None


def run(doc: Doc, found: Found) -> tuple[Entity, ...]:
    people: list[dict] = []
    others: dict[tuple[str, str], dict] = {}
    clusters: list[dict] = []
    person_words = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            person_words.update(_words(ent.text))
    # Longest person names first, so "Biden" before "Joe Biden" still joins "Joe Biden".
    longest = sorted({_words(e.text) for e in doc.ents if e.label_ == "PERSON"}, key=len,
                     reverse=True)
    for words in longest:
        if words and _cluster_key(words, people) is None:
            people.append({"words": words, "type": "PERSON", "mentions": [], "gender": None})
    for ent in doc.ents:
        label = ent.label_
        if label not in KEEP:
            continue
        words = _words(ent.text)
        if not words:
            continue
        mention = Mention(ent.text, ent.start_char, ent.end_char, "name")
        if label == "ORG" and set(words) <= person_words:
            label = "PERSON"
        if label == "PERSON":
            cluster = _cluster_key(words, people)
            if cluster is None:
                cluster = {"words": words, "type": label, "mentions": [], "gender": None}
                people.append(cluster)
            if cluster not in clusters:
                clusters.append(cluster)
            cluster["mentions"].append(mention)
            continue
        key = (" ".join(words), label)
        if key not in others:
            others[key] = {"words": words, "type": label, "mentions": [], "gender": None}
            clusters.append(others[key])
        others[key]["mentions"].append(mention)
    anchors = [coref.Anchor([(m.start, m.end) for m in c["mentions"]], c["type"])
               for c in people]
    for link in coref.resolve(doc, anchors):
        people[link.anchor]["mentions"].append(
            Mention(doc.text[link.start:link.end], link.start, link.end, "pronoun"))
    return _entities(clusters)


def _entities(clusters: list[dict]) -> tuple[Entity, ...]:
    total = sum(len(c["mentions"]) for c in clusters) or 1
    ordered = sorted(clusters, key=lambda c: min(m.start for m in c["mentions"]))
    out = []
    for i, cluster in enumerate(ordered, 1):
        mentions = tuple(sorted(cluster["mentions"], key=lambda m: m.start))
        names = [m for m in mentions if m.kind == "name"]
        name = max(names, key=lambda m: len(m.text)).text
        out.append(Entity(id=f"E{i}", name=name, type=cluster["type"],
                          salience=round(len(mentions) / total, 4), mentions=mentions))
    return tuple(out)
