"""Actor clusters while the actors stage builds them, and how person names match.

A ``Cluster`` gathers the mentions of one actor with what is known of it (type, gender, role,
country, sector, number). ``matches`` says whether name words denote a person known by fuller
words (surname, first+last, a leading part), ``pick`` chooses among people, ``words_of`` folds a
surface to match words (case and accents off, apostrophes straight, dots and commas
stripped).
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from newsgraph.lexicons import rows
from newsgraph.model import Mention

SUFFIXES = frozenset(r[0].strip() for r in rows("name_suffixes.tsv"))


# typographic apostrophes: "O’Neill" and "O'Neill" in one article are one name
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words_of(text: str) -> tuple[str, ...]:
    return tuple(w for w in (fold(w).strip(".,") for w in text.split()) if w)


def matches(words: tuple[str, ...], full: tuple[str, ...]) -> bool:
    if not words or len(words) > len(full):
        return False
    if len(words) > 1 and full[-1] in SUFFIXES and words == full[:-1]:
        return False  # "John Smith" is not "John Smith Jr."
    return words == full[-len(words):] or (words == full[:len(words)] and len(words) > 1) or (
        len(words) == 2 and words[0] == full[0] and words[-1] == full[-1])


class Cluster:
    __slots__ = ("country", "gender", "labels", "last", "mentions", "plural", "region", "role",
                 "sector", "type", "words")

    def __init__(self, words: tuple[str, ...], type_: str) -> None:
        self.words = words
        self.type = type_
        self.mentions: list[Mention] = []
        self.gender: str | None = None
        self.labels: Counter[str] = Counter()
        self.last = -1
        self.role: str | None = None
        self.sector: str | None = None
        self.country: str | None = None
        self.plural = False
        self.region: frozenset[str] | None = None

    def describe(self, role: str | None, sector: str | None, country: str | None) -> None:
        self.role = self.role or role
        self.sector = self.sector or sector
        self.country = self.country or country

    def add(self, mention: Mention, label: str) -> None:
        self.mentions.append(mention)
        self.labels[label] += 1
        self.last = max(self.last, mention.start)


def pick(words: tuple[str, ...], people: list[Cluster],
          first_name: bool = False) -> Cluster | None:
    """The person cluster these words name; several candidates: the most recent, then the
    one with most mentions, then the first. With ``first_name``, a lone word that is the first
    name of exactly one person and nobody's surname names that person ("Mary" for "Mary
    Smith"), as does one inside exactly one person's longer name ("Lula")."""
    exact = [c for c in people if c.words == words]
    if exact:
        return exact[0]
    cands = [c for c in people if matches(words, c.words)]
    if not cands and first_name and len(words) == 1:
        cands = [c for c in people if len(c.words) > 1 and c.words[0] == words[0]]
        if len(cands) > 1:
            return None
        if not cands:  # "Lula" for "Luiz Inacio Lula da Silva": a word inside one person's
            # name of three or more words, and no other person's first name or surname
            cands = [c for c in people if words[0] in _inside(c.words)
                     and _written_as_a_name(c)]
            if len(cands) > 1 or any(words[0] in (c.words[0], c.words[-1]) for c in people):
                return None
    if not cands:
        return None
    return max(cands, key=lambda c: (c.last, len(c.mentions), -people.index(c)))


def _inside(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words between a name's first word and its surname (before any suffix: "Mills" is
    no middle name of "John Mills Jr", whom it may not name: his father may be a "Mills")."""
    if words and words[-1] in SUFFIXES:
        words = words[:-1]
    return words[1:-1]


def _written_as_a_name(cluster: Cluster) -> bool:
    """The cluster's words read as a person's name: no English function word among them (not
    "NAMES SQUAD TO PLAY")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return not any(w in STOP_WORDS for w in cluster.words)


def overlaps(cluster: Cluster, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in cluster.mentions)
