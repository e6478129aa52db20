"""Pronoun resolution for the actors stage.

The actors stage first clusters names and descriptions into *anchors*, then asks this module
which pronouns (he/she/they/its/…, "the former"/"the latter") refer to which anchor. Gender and
number are learnt from the article itself (a name later called "she"); nothing external.

Interface (kept stable; the actors stage depends on it):

    resolve(doc, anchors) -> list[Link]

``anchors`` are in any order; a ``Link`` names a pronoun's character span and the index of the
anchor it refers to. Pronouns with no confident antecedent are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "pronouns.tsv"


@dataclass
class Anchor:
    """One actor as the actors stage knows it before pronouns."""

    mentions: list[tuple[int, int]]  # (start_char, end_char) of name/title mentions
    type: str  # PERSON, ORG, GPE, NORP, GROUP, ...
    plural: bool = False  # groups ("Guatemalan prosecutors") and plural descriptions
    gender: str | None = None  # "m" / "f" when the actors stage knows it (Mr, Ms, "mother")
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    anchor: int  # index into the ``anchors`` sequence


def _load_pronouns() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, gender = line.split("\t")[:2]
            table[word] = gender
    return table


PRONOUNS = _load_pronouns()


def resolve(doc: Doc, anchors: Sequence[Anchor]) -> list[Link]:
    """Each he/she/him/her/his goes to the person anchor mentioned most recently before it
    whose gender (given, or learnt from earlier pronouns) does not conflict."""
    people = [i for i, a in enumerate(anchors) if a.type == "PERSON" and not a.plural]
    if not people:
        return []
    spans = sorted((s, i) for i in people for s, _ in anchors[i].mentions)
    gender = {i: anchors[i].gender for i in people}
    links: list[Link] = []
    index = 0
    recent: list[int] = []
    for token in doc:
        while index < len(spans) and spans[index][0] < token.idx:
            anchor = spans[index][1]
            if anchor in recent:
                recent.remove(anchor)
            recent.append(anchor)
            index += 1
        g = PRONOUNS.get(token.lower_)
        if g is None or not recent:
            continue
        for anchor in reversed(recent):
            if gender[anchor] in (None, g):
                gender[anchor] = g
                links.append(Link(token.idx, token.idx + len(token.text), anchor))
                break
    return links
