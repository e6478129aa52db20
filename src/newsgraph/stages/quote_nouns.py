"""Reported speech cued by a noun or a predicate adjective: "Trump's claim that ...", "her plan
to ...", "his comments about ...", "Smith is sure (that) ...", "Smith was critical of ...". Tokens
and the parse only; ``quote_reported.py`` turns the result into quotes and resolves the source to
an entity (through ``quote_speakers.py``).

- A cue is a noun outside quotation marks whose lemma is in ``lexicons/quote_nouns.tsv``.
- What it reports, by the noun's frames: a clause it governs that opens with "that" or "whether"
  (a relative clause, "the claim that he made", has no such mark and is skipped), a
  to-infinitive with no subject of its own, or the object of one of its prepositions.
- Adjectives (``lexicons/quote_adjectives.tsv``, a predicate adjective: dependency acomp) take
  the same complements, a clause also without "that"; their source is the subject of the verb
  they complete.
- A noun's source: the possessor ("his claim"), a modifier naming someone ("the Clinton plan"), the
  object of "by" ("a claim by X"), or the subject of a light verb that takes the noun as object
  ("X made the claim that ...", ``light-verb`` in ``lexicons/quote_words.tsv``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from newsgraph.stages.quote_cues import word_class

CLAUSE_MARKS = frozenset({"that", "whether"})
CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
NOUN_TAGS = frozenset({"NN", "NNS"})
SOURCE_COMPOUND_POS = frozenset({"PROPN"})


@dataclass(frozen=True, slots=True)
class Noun:
    """A quote_nouns.tsv row: which complements the noun takes."""

    clause: bool
    intent: bool
    preps: frozenset[str]


@dataclass(frozen=True, slots=True)
class NounCue:
    cue: Token
    content: tuple[int, int]  # token range [start, end)
    source: Token | None


@cache
def speech_nouns() -> dict[str, Noun]:
    return _frames("quote_nouns.tsv")


@cache
def stance_adjectives() -> dict[str, Noun]:
    return _frames("quote_adjectives.tsv")


def _frames(name: str) -> dict[str, Noun]:
    raw = resources.files("newsgraph.lexicons").joinpath(name).read_text("utf-8")
    out = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, frames, preps = line.split("\t")
        kinds = set(frames.split(","))
        out[lemma] = Noun("clause" in kinds, "intent" in kinds,
                          frozenset() if preps == "-" else frozenset(preps.split(",")))
    return out


def speech_word(t: Token) -> bool:
    """Whether a token is a speech noun or a predicate stance adjective from the lexicons."""
    if t.tag_ in NOUN_TAGS:
        return t.lemma_.lower() in speech_nouns()
    return t.dep_ == "acomp" and t.lower_ in stance_adjectives()


def noun_cues(words: Iterable[Token],
              subject_of: Callable[[Token], Token | None]) -> Iterator[NounCue]:
    """For each speech word (``speech_word``, outside quotes), what it reports and the token
    naming its source (``subject_of`` finds a verb's subject)."""
    nouns, adjectives = speech_nouns(), stance_adjectives()
    for t in words:
        if t.tag_ in NOUN_TAGS:
            content = _content(t, nouns[t.lemma_.lower()], False)
            if content is not None:
                yield NounCue(t, content, _source(t, subject_of))
        else:
            content = _content(t, adjectives[t.lower_], True)
            if content is not None:
                yield NounCue(t, content, subject_of(t.head))


def _content(word: Token, entry: Noun, bare_clause: bool) -> tuple[int, int] | None:
    """What the cue word reports; ``bare_clause``: a clause with no "that" counts too."""
    for c in word.children:
        if c.i < word.i:
            continue
        if entry.clause and c.dep_ in CLAUSE_DEPS:
            mark = next((g for g in c.children if g.dep_ == "mark"), None)
            if mark is not None and mark.lower_ in CLAUSE_MARKS and mark.i == c.left_edge.i:
                return mark.i + 1, c.right_edge.i + 1
            if bare_clause and mark is None and c.dep_ == "ccomp":
                return c.left_edge.i, c.right_edge.i + 1
        if entry.intent and c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX"):
            kids = list(c.children)
            if (kids and kids[0].tag_ == "TO" and kids[0].i == c.left_edge.i
                    and not any(k.dep_.startswith("nsubj") for k in kids)):
                return kids[0].i, c.right_edge.i + 1
        if c.dep_ == "prep" and c.lower_ in entry.preps:
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and not (word.lemma_.lower() in FORCE_NOUNS and (
                    obj.ent_type_ in ("FAC", "LOC") or obj.lemma_.lower() in TARGETS)):
                return c.i + 1, c.right_edge.i + 1
    return None


# nouns as often force as words: no speech when aimed at a place or a thing that force hits
# ("an attack on the airport"; but "Trump's attack on Clinton", "attacks on the country")
FORCE_NOUNS = frozenset({"attack", "assault", "offensive", "strike"})
TARGETS = frozenset({"airport", "base", "convoy", "market", "hospital", "school", "building",
                     "village", "town", "camp", "station", "port", "checkpoint", "position",
                     "ship", "vessel", "embassy", "compound", "bridge", "plant", "facility",
                     "refinery", "depot", "airfield", "headquarters", "barracks", "outpost"})


def _source(noun: Token, subject_of: Callable[[Token], Token | None]) -> Token | None:
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "compound" and c.pos_ in SOURCE_COMPOUND_POS:
            return c
        if c.dep_ == "prep" and c.lower_ == "by":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in word_class("light-verb"):
        return subject_of(head)
    return None
