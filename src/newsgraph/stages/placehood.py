"""Place evidence for the actors stage: does the article itself show that a name the NER
called a person or an organisation is a place? spaCy's small model labels many lesser-known
towns and countries PERSON or ORG ("the port of Valdora", "Estland's Trade Minister").

Cues read from the parse around one mention (its root token):

- *strong*: object of "of" after a place noun ("the port of X", "the capital of X", "the
  people of X"); possessor of a state noun or a minister-like title ("X's government", "X's
  Prime Minister", "X's borders"); modifier of a state noun ("the X government", "the X
  port");
- *weak*, for PERSON labels only: object of "in" ("talks in X"), or of "to"/"from" after a verb of
  travel ("flew to X").

A name with a generic administrative ending ("X Autonomous Region", "X Province") is the place
X (``bare``), and "<Country>'s X" or "X, <Country>" gives a place its country (``owner``).

``relabel`` turns the names of a document GPE when their cues outweigh the rest (see there).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from newsgraph.lexicons import rows
from newsgraph.stages import roles

_CUES = rows("place_cues.tsv")
PLACE_NOUNS, STATE_NOUNS, TRAVEL = (frozenset(r[0] for r in _CUES if r[1] == kind)
                                    for kind in ("of", "state", "travel"))
# "autonomous region", "province": longest first
SUFFIXES = sorted(((tuple(r[0].split()), r[2:] == ["place"]) for r in _CUES
                   if r[1] == "suffix"), key=lambda s: len(s[0]), reverse=True)


def bare(words: tuple[str, ...]) -> tuple[tuple[str, ...] | None, bool]:
    """The name without a generic administrative ending ("inner mongolia" of "inner mongolia
    autonomous region", "sichuan" of "sichuan province"), None when it has none; and whether
    that ending alone makes the name a place's ("province" does, "state" does not)."""
    for suffix, place in SUFFIXES:
        if len(words) > len(suffix) and words[-len(suffix):] == suffix:
            return words[:-len(suffix)], place
    return None, False


def owner(doc: Doc, start: int, end: int) -> str | None:
    """The country a place name is given in the text: "China's Inner Mongolia" (possessor),
    "Kherson, Ukraine", "Santa Clara, California" (apposition, or a US state after a
    comma); None if none."""
    if start >= 2 and doc[start - 1].tag_ == "POS":
        first = start - 2
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        return roles.country_of(doc[first:start - 1].text)
    root = doc[start:end].root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end and child.ent_type_ == "GPE":
            return roles.country_of(child.text) or _state_country(child.text)
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "GPE":
        return _state_country(doc[end + 1].text)  # "Santa Clara, California-based"
    return None


def _state_country(name: str) -> str | None:
    return "USA" if roles.us_state(name) else None


def cue(doc: Doc, start: int, end: int, travel: bool = True) -> str | None:
    """'state' (a strong cue that also shows a country: "X's government"), 'strong', 'weak'
    or None for the mention ``doc[start:end]``; without ``travel``, "to X" after a verb of
    travel is no cue ("the award went to X" may be a person's)."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        return "strong"
    if root.dep_ == "poss" and _state(head):
        return "state"
    if root.dep_ in ("compound", "nmod") and _state(head) and head.lemma_.lower() != "president":
        return "state"  # "the X government" (but "the X president" is often a company's)
    possessive = end < len(doc) and doc[end].tag_ == "POS"
    travel = travel and head.lower_ in ("to", "from") and head.head.lemma_.lower() in TRAVEL
    if root.dep_ == "pobj" and not possessive and (head.lower_ == "in" or travel):
        return "weak"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.ent_type_ == "PERSON" \
            and head.head.i < root.i:  # "Jordan Pryce of Harehills" (an organisation's name
        return "weak"  # stays one: only a name labelled a person turns on a weak cue)
    return None


def _state(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return noun.pos_ in ("NOUN", "PROPN") and (lemma in STATE_NOUNS or lemma.endswith("minister"))


def relabel(cues: list[tuple[tuple[str, ...], str, str | None, bool]]) -> set[tuple[str, ...]]:
    """Names (match words) to relabel GPE, from (words, NER label, cue, person evidence) per
    mention. Never a name with person evidence anywhere in the document. A PERSON-labelled
    name turns when its mentions with a cue are at least as many as those without; an
    ORG-labelled one only on strong cues, at least one for every two mentions."""
    person = {w for w, _, _, evidence in cues if evidence}
    labels: dict[tuple[str, ...], Counter[str]] = {}
    found: dict[tuple[str, ...], Counter[str | None]] = {}
    for words, label, kind, _ in cues:
        labels.setdefault(words, Counter())[label] += 1
        found.setdefault(words, Counter())["strong" if kind == "state" else kind] += 1
    out = set()
    for words, seen in labels.items():
        strong, weak = found[words]["strong"], found[words]["weak"]
        if words in person or not strong + weak:
            continue
        label = seen.most_common(1)[0][0]
        if (label == "PERSON" and strong + weak >= found[words][None]) \
                or (label == "ORG" and 2 * strong >= seen.total()):
            out.add(words)
    return out
