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

from spacy.tokens import Doc, Token

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "pronouns.tsv"
LOOKBACK = 3  # sentences before the pronoun's own that hold candidate antecedents
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "attr", "agent"})
PLURAL_OK = frozenset({"ORG", "NORP", "GROUP"})  # "the company ... they" is fine English
NEUTER_OK = frozenset({"ORG", "GPE", "FAC", "LOC", "PRODUCT", "ORGANIZATION"})
# Score weights (tuned on GAP development only): per sentence back, per closer candidate,
# subject antecedent, subject pronoun + subject antecedent, object antecedent,
# possessor/prepositional antecedent, per earlier mention (up to 5), known agreeing gender.
W_SENT, W_RANK, W_SUBJ, W_PARALLEL, W_OBJ, W_OBLIQUE, W_COUNT, W_GENDER = (
    1.0, 0.05, 1.5, 0.5, 0.2, 0.0, 0.3, 0.3)


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


def _load_pronouns() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, agreement, case = line.split("\t")[:3]
            table[word] = (agreement, case)
    return table


PRONOUNS = _load_pronouns()


@dataclass
class _Mention:
    anchor: int
    start: int
    end: int
    token: Token  # syntactic head of the mention
    sent: int


def _agrees(anchor: Anchor, agreement: str, gender: str | None) -> bool:
    if agreement in ("m", "f"):
        return anchor.type == "PERSON" and not anchor.plural and gender in (None, agreement)
    if agreement == "n":
        return not anchor.plural and anchor.type in NEUTER_OK
    return anchor.plural or anchor.type in PLURAL_OK


def _clause_subject(token: Token) -> Token | None:
    """Subject of the nearest verb governing ``token`` (walks up through nouns/preps)."""
    head = token.head
    for _ in range(8):
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS and child.i != token.i:
                return child
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def _covers(mention: _Mention, token: Token) -> bool:
    return mention.start <= token.idx < mention.end


def _former_latter(doc: Doc, token: Token) -> str | None:
    """"former"/"latter" used as a noun phrase ("the former said") after "the"."""
    if token.lower_ not in ("former", "latter") or token.i == 0:
        return None
    if doc[token.i - 1].lower_ != "the" or token.dep_ in ("amod", "compound"):
        return None
    if token.i + 1 < len(doc) and doc[token.i + 1].pos_ in ("NOUN", "PROPN"):
        return None
    return token.lower_


def resolve(doc: Doc, anchors: Sequence[Anchor]) -> list[Link]:
    """Links third-person pronouns (and "the former"/"the latter") to anchors.

    Candidates are anchor mentions before the pronoun in its sentence or the LOOKBACK
    sentences before; they must agree in gender/number (gender given by the anchor, or learnt
    from pronouns already linked to it). Reflexives go to their clause subject; a plain pronoun
    never takes a co-argument of its own verb (principle B). Among the rest the score prefers
    the same or a near sentence, subjects, a subject for a subject pronoun (parallelism), and
    anchors mentioned often."""
    if not anchors:
        return []
    sent_of: dict[int, int] = {}
    for n, sent in enumerate(doc.sents):
        sent_of[sent.start] = n
    by_sent: dict[int, list[_Mention]] = {}
    for i, anchor in enumerate(anchors):
        for start, end in anchor.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            root = span.root
            m = _Mention(i, start, end, root, sent_of.get(root.sent.start, 0))
            by_sent.setdefault(m.sent, []).append(m)
    for mentions in by_sent.values():
        mentions.sort(key=lambda m: m.start)
    gender = [a.gender for a in anchors]
    count = [0] * len(anchors)
    seen_before: list[_Mention] = []
    links: list[Link] = []
    for sent_no, sent in enumerate(doc.sents):
        window = [m for s in range(sent_no - LOOKBACK, sent_no) for m in by_sent.get(s, [])]
        here = sorted(by_sent.get(sent_no, []), key=lambda m: m.start)
        for token in sent:
            while here and here[0].start < token.idx:
                m = here.pop(0)
                window.append(m)
                count[m.anchor] += 1
                seen_before.append(m)
            which = _former_latter(doc, token)
            if which is not None:
                prev = [m.anchor for m in by_sent.get(sent_no - 1, [])]
                order = list(dict.fromkeys(sorted(prev, key=lambda a: min(
                    m.start for m in by_sent[sent_no - 1] if m.anchor == a))))
                if len(order) >= 2:
                    target = order[0] if which == "former" else order[-1]
                    start = doc[token.i - 1].idx
                    links.append(Link(start, token.idx + len(token.text), target))
                continue
            entry = PRONOUNS.get(token.lower_)
            if entry is None or token.dep_ == "expl" or token.pos_ not in ("PRON", "DET"):
                continue
            if any(_covers(m, token) for m in window[-3:]):
                continue
            agreement, case = entry
            best = _choose(token, agreement, case, window + here, anchors, gender, count,
                           sent_no)
            if best is None:
                continue
            if agreement in ("m", "f"):
                gender[best] = agreement
            links.append(Link(token.idx, token.idx + len(token.text), best))
    return links


def _preposed_subject(token: Token) -> Token | None:
    """The main-clause subject when a possessive sits in a phrase preposed to it ("In his
    speech, X said ..."): the one cataphora common in news."""
    if token.dep_ != "poss":
        return None
    verb = token.sent.root
    node = token
    while node.head.i != verb.i and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("prep", "advcl", "npadvmod") or node.i > verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.i < token.i:
        return None
    return subject


def _possessed(token: Token) -> set[int]:
    """Tokens naming what a possessive pronoun owns ("her aunt Mary" - her is not Mary)."""
    if token.dep_ != "poss":
        return set()
    noun = token.head
    return {noun.i} | {c.i for c in noun.children if c.dep_ in ("appos", "compound")}


def _choose(token: Token, agreement: str, case: str, window: list[_Mention],
            anchors: Sequence[Anchor], gender: list[str | None], count: list[int],
            sent_no: int) -> int | None:
    subject = _preposed_subject(token)  # checks the parse: "her" may be poss or obj
    if subject is not None:
        for m in window:
            if (m.start <= subject.idx < m.end or m.token.i == subject.i) \
                    and _agrees(anchors[m.anchor], agreement, gender[m.anchor]):
                return m.anchor
    owned = _possessed(token)
    candidates = [m for m in window if m.end <= token.idx and m.token.i not in owned
                  and _agrees(anchors[m.anchor], agreement, gender[m.anchor])]
    if not candidates:
        return None
    if case == "refl":
        subject = _clause_subject(token)
        if subject is not None:
            for m in reversed(candidates):
                if _covers(m, subject) or m.token.i == subject.i:
                    return m.anchor
    if case in ("subj", "obj"):
        verb = token.head
        banned = {m.anchor for m in candidates if m.token.head.i == verb.i
                  and m.token.dep_ in ARGUMENT_DEPS and token.dep_ in ARGUMENT_DEPS}
        candidates = [m for m in candidates if m.anchor not in banned]
        if not candidates:
            return None
    pron_subject = token.dep_ in SUBJECT_DEPS
    best_score = float("-inf")
    best: int | None = None
    for rank, m in enumerate(reversed(candidates)):
        score = -W_SENT * (sent_no - m.sent) - W_RANK * rank
        if m.token.dep_ in SUBJECT_DEPS:
            score += W_SUBJ + (W_PARALLEL if pron_subject else 0.0)
        elif m.token.dep_ in ("dobj", "iobj", "dative"):
            score += W_OBJ
        elif m.token.dep_ in ("poss", "pobj"):
            score += W_OBLIQUE
        score += W_COUNT * min(count[m.anchor], 5)
        if agreement in ("m", "f") and gender[m.anchor] == agreement:
            score += W_GENDER  # known (given or learnt) gender beats an unknown one
        if score > best_score:
            best_score, best = score, m.anchor
    return best
