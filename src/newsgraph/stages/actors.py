"""Actors: NER names clustered per document (full name, surname, partial names),
person pronouns linked to the nearest preceding compatible person.

First increment: names + pronouns. Roles, countries, sectors and groups are still to come.
"""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from newsgraph.model import Entity, Mention
from newsgraph.stages import Found

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "pronouns.tsv"


def _load_pronouns() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, gender = line.split("\t")[:2]
            table[word] = gender
    return table


PRONOUNS = _load_pronouns()


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
                clusters.append(cluster)
            elif len(words) > len(cluster["words"]):
                cluster["words"] = words
            cluster["mentions"].append(mention)
            continue
        key = (" ".join(words), label)
        if key not in others:
            others[key] = {"words": words, "type": label, "mentions": [], "gender": None}
            clusters.append(others[key])
        others[key]["mentions"].append(mention)
    _link_pronouns(doc, people)
    return _entities(clusters)


def _link_pronouns(doc: Doc, people: list[dict]) -> None:
    """Each he/she/him/her/his goes to the person mentioned most recently before it whose
    gender (learnt from earlier pronouns) does not conflict."""
    if not people:
        return
    spans = sorted((m.start, id(c), c) for c in people for m in c["mentions"])
    index = 0
    recent: list[dict] = []
    for token in doc:
        while index < len(spans) and spans[index][0] < token.idx:
            cluster = spans[index][2]
            if cluster in recent:
                recent.remove(cluster)
            recent.append(cluster)
            index += 1
        gender = PRONOUNS.get(token.lower_)
        if gender is None or not recent:
            continue
        for cluster in reversed(recent):
            if cluster["gender"] in (None, gender):
                cluster["gender"] = gender
                cluster["mentions"].append(
                    Mention(token.text, token.idx, token.idx + len(token.text), "pronoun"))
                break


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
