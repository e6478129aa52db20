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
from pathlib import Path

from spacy.tokens import Doc, Token

CUES = Path(__file__).resolve().parent.parent / "lexicons" / "place_cues.tsv"


def _words(kind: str) -> frozenset[str]:
    rows = (line.split("\t") for line in CUES.read_text("utf-8").splitlines()
            if line and not line.startswith("#"))
    return frozenset(r[0] for r in rows if r[1] == kind)


PLACE_NOUNS, STATE_NOUNS, TRAVEL = _words("of"), _words("state"), _words("travel")


def cue(doc: Doc, start: int, end: int) -> str | None:
    """'state' (a strong cue that also shows a country: "X's government"), 'strong', 'weak'
    or None for the mention ``doc[start:end]``."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        return "strong"
    if root.dep_ == "poss" and _state(head):
        return "state"
    if root.dep_ in ("compound", "nmod") and _state(head) and head.lemma_.lower() != "president":
        return "state"  # "the X government" (but "the X president" is often a company's)
    possessive = end < len(doc) and doc[end].tag_ == "POS"
    travel = head.lower_ in ("to", "from") and head.head.lemma_.lower() in TRAVEL
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
    strong: Counter[tuple[str, ...]] = Counter()
    weak: Counter[tuple[str, ...]] = Counter()
    plain: Counter[tuple[str, ...]] = Counter()
    labels: dict[tuple[str, ...], Counter[str]] = {}
    for words, label, found, _ in cues:
        labels.setdefault(words, Counter())[label] += 1
        (strong if found in ("strong", "state") else weak if found == "weak" else plain)[
            words] += 1
    out = set()
    for words, seen in labels.items():
        if words in person or not strong[words] + weak[words]:
            continue
        label = seen.most_common(1)[0][0]
        cued = strong[words] + weak[words]
        if (label == "PERSON" and cued >= plain[words]) \
                or (label == "ORG" and 2 * strong[words] >= sum(seen.values())):
            out.add(words)
    return out
