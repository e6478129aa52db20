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

``relabel`` turns the names of a document GPE when their cues outweigh the rest (see there).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from newsgraph.lexicons import rows

_CUES = rows("place_cues.tsv")
PLACE_NOUNS, STATE_NOUNS, TRAVEL = (frozenset(r[0] for r in _CUES if r[1] == kind)
                                    for kind in ("of", "state", "travel"))


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
