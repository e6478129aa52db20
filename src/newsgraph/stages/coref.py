"""Pronoun resolution for the actors stage.

The actors stage first clusters names and descriptions into *anchors*, then asks this module
which pronouns (he/she/they/its/…, "the former"/"the latter") refer to which anchor.

How: walking the doc once, each pronoun gets as candidates the anchor mentions (and pronouns
already linked) of its sentence and the LOOKBACK sentences before. Hard constraints drop some:
number and gender agreement (gender given by the actors stage; a name typed ORG/GPE/... by the
NER may still take he/she when it looks like a person), principle B (a plain pronoun never
takes a co-argument of its verb), reflexives go to their clause subject, a possessive never
names what it owns, and a pronoun in a phrase preposed to the main clause goes to the main
subject ("In her speech, X said"). The survivors are scored by a weighted sum of FEATURES
(syntactic role and parallelism, distance, salience, learnt gender, given names, quotations);
the weights are fitted on GAP development only by ``benchmarks/gap_fit.py``.

Interface (kept stable; the actors stage depends on it):

    resolve(doc, anchors) -> list[Link]

``anchors`` are in any order; a ``Link`` names a pronoun's character span and the index of the
anchor it refers to. Pronouns with no antecedent that agrees are left out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.countries import country_of
from newsgraph.lexicons import rows
from newsgraph.stages import placehood, roles, text_of
from newsgraph.stages.quote_cues import reporting_verbs, verb_lemma
from newsgraph.stages.quote_marks import quote_openings

LOCK_LINKS = 3  # he/she links all of one gender that fix an anchor's gender (2 costs dev F1)
LOOKBACK = 3  # sentences before the pronoun's own that hold candidate antecedents
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "iobj", "dative"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "attr", "agent"})
CONTROLLED = frozenset({"xcomp", "advcl"})  # clause deps whose subject may be the governor's
NONFINITE = frozenset({"VB", "VBG", "VBN"})
PLURAL_OK = frozenset({"ORG", "NORP", "GROUP"})  # "the company ... they" is fine English
NEUTER_OK = frozenset({"ORG", "GPE", "FAC", "LOC", "PRODUCT", "ORGANIZATION"})
# Name types the small NER model often gives to people ("Giammattei" as ORG): a he/she may
# still take such a name, at a cost (FEATURES "mistyped"), when it is written as a proper name.
MISTYPED_OK = frozenset({"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC", "EVENT"})
NAME_POS = frozenset({"PROPN", "ADJ", "NOUN"})  # the tagger's guesses for unfamiliar names
PERSON_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss", "appos", "conj",
                          "attr"})
# Candidate features (one weight each in WEIGHTS; scores are their weighted sum). Weights are
# fitted on GAP development only (benchmarks/gap_fit.py, a conditional logit over candidates).
FEATURES = (
    "sent_dist",      # sentences between candidate and pronoun (0..LOOKBACK)
    "recency",        # log(1 + candidate mentions closer to the pronoun than this one)
    "tok_dist",       # log(1 + tokens between candidate and pronoun)
    "cand_subj",      # candidate is a subject
    "cand_obj",       # candidate is a direct/indirect object
    "cand_poss",      # candidate is a possessor ("X's")
    "par_subj",       # subject pronoun, subject candidate (parallelism)
    "par_obj",        # object pronoun, object candidate
    "poss_subj",      # possessive pronoun, subject candidate
    "commands",       # same sentence, candidate is subject of a verb governing the pronoun
    "depth",          # log(1 + dependency arcs from the candidate up to its sentence root)
    "np_governs",     # candidate is the possessor of a noun phrase holding the pronoun
    "sent_first",     # candidate is the first anchor mention of its sentence
    "count",          # log(1 + mentions of the anchor so far)
    "topic",          # the anchor is the first-named person-like anchor of the document
    "gender_known",   # the anchor's gender is known and agrees
    "gender_clash",   # more he/she links of the other gender so far than of this one
    "name_agrees",    # a given name of the anchor (lexicons/given_names.tsv) agrees
    "name_clash",     # a given name of the anchor is of the other gender
    "is_pronoun",     # the candidate mention is a pronoun linked earlier
    "in_parens",      # candidate sits inside parentheses
    "quote_speaker",  # pronoun inside a quotation opened after the candidate, a subject
    "mistyped",       # gendered pronoun, candidate typed non-PERSON by the name stage
)
WEIGHTS = {
    "sent_dist": -1.43, "recency": -0.94, "tok_dist": -0.01, "cand_subj": 0.94,
    "cand_obj": 0.67, "cand_poss": 0.68, "par_subj": 1.12, "par_obj": -0.01, "poss_subj": 0.51,
    "commands": -0.43, "depth": -0.97, "np_governs": 0.15, "sent_first": -0.25, "count": 0.33,
    "topic": 0.37, "gender_known": 0.45, "gender_clash": -0.88, "name_agrees": 0.43,
    "name_clash": -2.17, "is_pronoun": -2.50, "in_parens": -0.46, "quote_speaker": -2.43,
    "mistyped": -0.30,
}
THRESHOLD = float("-inf")


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


PRONOUNS: dict[str, tuple[str, str]] = {r[0]: (r[1], r[2]) for r in rows("pronouns.tsv")}
GIVEN_NAMES: dict[str, str] = {r[0]: r[1] for r in rows("given_names.tsv")}


@dataclass
class _Mention:
    anchor: int
    start: int
    end: int
    token: Token  # syntactic head of the mention
    sent: int
    pronoun: bool = False  # a pronoun already linked to the anchor
    first: bool = False  # the first anchor mention of its sentence


_NATIONALITIES = rows("nationality_nouns.tsv")
NATIONALITY_NOUNS: dict[str, str] = {r[0]: r[1] for r in _NATIONALITIES}  # noun -> gender
NATIONALITY_COUNTRIES: dict[str, str] = {r[0]: r[2] for r in _NATIONALITIES}  # noun -> alpha-3
EPITHET_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")
EPITHET_NOUNS: dict[str, str] = {r[0]: r[1] for r in rows("epithet_nouns.tsv")}


def person_epithet(token: Token) -> tuple[str, str] | None:
    """(agreement, case) for a person named by a description that stands alone as a subject
    or object, resolved as "he" or "she" would be: "the 56-year-old" (either gender, "x"),
    "the Dutchman" (m), "the Frenchwoman" (f), "the Spaniard" (x), "the business mogul"
    (lexicons/epithet_nouns.tsv); None otherwise."""
    if token.dep_ not in EPITHET_DEPS:
        return None
    case = "subj" if token.dep_.startswith("nsubj") else "obj"
    kids = list(token.children)
    if not any(c.lower_ == "the" and c.dep_ == "det" for c in kids):
        return None
    if token.lower_ == "old":
        if any(c.lemma_ == "year" and any(g.dep_ == "nummod" for g in c.children)
               for c in kids):
            return "x", case
        return None
    if token.tag_ == "NN" and token.lower_ in EPITHET_NOUNS and not any(
            c.dep_ == "poss" for c in kids):  # "the (real estate) mogul"
        return EPITHET_NOUNS[token.lower_], case
    gender = NATIONALITY_NOUNS.get(token.lower_)
    if gender is None or token.tag_ in ("NNS", "NNPS") or not token.text[:1].isupper() \
            or any(c.dep_ in ("poss", "compound", "nummod") for c in kids):
        return None
    return gender, case


def _agrees(anchor: Anchor, agreement: str, gender: str | None, lenient: bool) -> bool:
    if agreement == "x":  # a person of either gender ("the 56-year-old")
        return not anchor.plural and (anchor.type == "PERSON" or (
            lenient and anchor.type in MISTYPED_OK))
    if agreement in ("m", "f"):
        if anchor.plural or gender not in (None, agreement):
            return False
        return anchor.type == "PERSON" or (lenient and anchor.type in MISTYPED_OK)
    if agreement == "n":
        return not anchor.plural and anchor.type in NEUTER_OK
    return anchor.plural or anchor.type in PLURAL_OK


def _maybe_person(doc: Doc, anchor: Anchor) -> bool:
    """A non-PERSON anchor that may be a mistyped person: every mention written as a proper
    name (capitalised words tagged as names, or as adjectives/nouns as unfamiliar names
    often are), none after "the" ("The Huffington Post"), none a known place, holding an
    organisation word or where the parse shows a place ("in X", "the port of X",
    stages/placehood.py) or an organisation ("X, a firm", roles.organisation), and one in a
    person-like slot (subject, object, possessor, apposition)."""
    if anchor.type not in MISTYPED_OK or anchor.plural or not anchor.mentions:
        return False
    slot = False
    for start, end in anchor.mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        words = [t for t in span if t.is_alpha]
        if not words or not all(t.text[:1].isupper() and t.pos_ in NAME_POS for t in words):
            return False
        if any(t.lower_ in roles.ORG_WORDS for t in words) or roles.place_country(span.text):
            return False
        if span.start > 0 and doc[span.start - 1].lower_ == "the":
            return False  # "The Huffington Post": nobody's name takes "the"
        if placehood.cue(doc, span.start, span.end, travel=False) is not None:
            return False  # "health authorities in Inner Mongolia": a place, not a person
        if roles.organisation(doc, span.start, span.end):
            return False  # "X is one of the companies bidding": an organisation
        slot = slot or span.root.dep_ in PERSON_SLOTS
    return slot


def _subject_of(verb: Token) -> Token | None:
    """Subject of a verb, inherited from the first conjunct ("X arrived and thanked him") or,
    for a verb without a subject of its own in an infinitive/participle clause, from the verb
    that controls it ("X refused to trade him", "X left, choosing to trade him")."""
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        controlled = verb.dep_ in CONTROLLED and verb.tag_ in NONFINITE
        if not (verb.dep_ == "conj" or controlled) or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


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


def _plain_plural(token: Token) -> bool:
    """A plural common noun the NER names no entity ("users", "growers"): what a plural
    pronoun near it most likely stands for."""
    return token.tag_ == "NNS" and not token.ent_type_


def _plain_plural_before(token: Token, candidates: list[_Mention]) -> Token | None:
    """A plural common noun naming no entity between the latest candidate mention and a
    plural object pronoun in its sentence, else None."""
    doc = token.doc
    first, _ = sentence(doc, token.i)
    latest = max((m.token.i for m in candidates), default=-1)
    for k in range(token.i - 1, max(first, latest + 1) - 1, -1):
        t = doc[k]
        if _plain_plural(t) and t.dep_ != "compound":
            return t
    return None


def _plain_plural_subject(token: Token) -> Token | None:
    """The subject of a plural possessive's clause when it is a plural common noun that the
    NER names no entity, or a relative pronoun standing for one ("adults who wore ... their
    wrists"), else None."""
    subject = _clause_subject(token)
    if subject is not None and subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        noun = subject.head.head
        if subject.lower_ == "who" and noun.ent_type_ in ("GPE", "LOC", "FAC"):
            # "adults in the United Kingdom who wore": "who" hung on the place by the parse
            doc = token.doc
            noun = next((t for t in reversed(doc[max(0, noun.i - 8):noun.i])
                         if t.tag_ == "NNS"), noun)
        subject = noun
    if subject is not None and _plain_plural(subject) and subject.i < token.i:
        return subject
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


Observer = Callable[[Token, list[tuple[int, dict[str, float]]]], None]


def resolve(doc: Doc, anchors: Sequence[Anchor], observe: Observer | None = None) -> list[Link]:
    """Links third-person pronouns (and "the former"/"the latter") to anchors.

    Candidates are anchor mentions (names, and pronouns already linked) before the pronoun in
    its sentence or the LOOKBACK sentences before; they must agree in number and in the
    gender the anchor gives (gender learnt from pronouns already linked is only a feature).
    Reflexives go to their clause subject; a plain pronoun never takes a co-argument of its
    own verb (principle B).
    The rest are scored by the weighted FEATURES; the best anchor wins if it clears THRESHOLD.
    ``observe`` (for fitting the weights) sees each pronoun with its scored candidates."""
    if not anchors:
        return []
    state_open = quote_openings(doc)
    # Sentences are numbered for distance without those wholly inside a quotation: a run of
    # quoted sentences does not push the speaker named before it out of reach ("X said. "A. B.
    # C." She added ...").
    sent_of: dict[int, int] = {}  # sentence start -> its index
    numbers: list[int] = []  # sentence index -> its number for distance
    n = 0
    for k, sent in enumerate(doc.sents):
        sent_of[sent.start] = k
        if k and not _all_quoted(sent, state_open):
            n += 1
        numbers.append(n)
    by_sent: dict[int, list[_Mention]] = {}
    first: dict[int, int] = {}
    credit_from, credit = dateline(text_of(doc))
    for i, anchor in enumerate(anchors):
        for start, end in anchor.mentions:
            if credit_from <= start < credit:
                continue  # "BAGHDAD, Iraq (CNN) --": the filing place and the agency
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            root = span.root
            k = sent_of.get(root.sent.start, 0)
            m = _Mention(i, start, end, root, numbers[k])
            by_sent.setdefault(k, []).append(m)
            first[i] = min(first.get(i, start), start)
    for mentions in by_sent.values():
        mentions.sort(key=lambda m: m.start)
        mentions[0].first = True
    state = _State(anchors, [a.gender for a in anchors], [0] * len(anchors),
                   [_maybe_person(doc, a) for a in anchors], -1)
    state.learnt = [{} for _ in anchors]
    state.quote_open = state_open
    text = text_of(doc)
    state.text = text
    state.name_gender = [_name_gender(text, a) for a in anchors]
    people = [i for i in first if anchors[i].type == "PERSON" or state.lenient[i]]
    if people:
        state.topic = min(people, key=lambda i: first[i])
    window: list[_Mention] = []
    links: list[Link] = []
    for k, sent in enumerate(doc.sents):
        sent_no = numbers[k]
        window = [m for m in window if m.sent >= sent_no - LOOKBACK]
        here = by_sent.get(k, [])
        nxt = 0
        for token in sent:
            while nxt < len(here) and here[nxt].start <= token.idx:
                m = here[nxt]
                nxt += 1
                window.append(m)
                state.count[m.anchor] += 1
            which = _former_latter(doc, token)
            if which is not None:
                prev = by_sent.get(k - 1, [])
                order = list(dict.fromkeys(m.anchor for m in prev))
                if len(order) >= 2:
                    target = order[0] if which == "former" else order[-1]
                    start = doc[token.i - 1].idx
                    links.append(Link(start, token.idx + len(token.text), target))
                continue
            entry = PRONOUNS.get(token.lower_)
            start = token.idx
            if entry is None:
                entry = person_epithet(token)  # "The 56-year-old said": like "he" or "she"
                if entry is None:
                    continue
                start = doc[token.left_edge.i].idx
            elif token.dep_ == "expl" or token.pos_ not in ("PRON", "DET") or pleonastic(token):
                continue
            if token.dep_ != "poss" and any(_covers(m, token) for m in window[-3:]):
                continue  # (a possessive opening a description is still someone's: "her
                # coach" is another person, "her" the one named before)
            agreement, case = entry
            if token.dep_ == "poss" and case == "obj":
                case = "poss"  # "her" as a possessive: the parse decides
            best = _choose(token, agreement, case, window, here[nxt:], state, sent_no, observe)
            if best is None:
                continue
            if entry[0] in ("m", "f"):  # learnt gender stays soft: a wrong link must not
                learnt = state.learnt[best]  # lock the anchor out of its own pronouns
                learnt[entry[0]] = learnt.get(entry[0], 0) + 1
                state.sentence_gender[(best, sent_no)] = entry[0]
            end = token.idx + len(token.text)
            links.append(Link(start, end, best))
            window.append(_Mention(best, start, end, token, sent_no, pronoun=True))
            state.count[best] += 1
    return links


@dataclass
class _State:
    anchors: Sequence[Anchor]
    gender: list[str | None]  # given by the actors stage (a hard constraint)
    count: list[int]  # mentions so far
    lenient: list[bool]  # non-PERSON anchor written as a proper name
    topic: int  # first-named person-like anchor, -1 if none
    learnt: list[dict[str, int]] = field(default_factory=list)  # he/she links so far
    # (anchor, sentence) -> the gender of a he/she already linked to it in that sentence
    sentence_gender: dict[tuple[int, int], str] = field(default_factory=dict)
    quote_open: list[int] = field(default_factory=list)  # per token: its quote's opening, -1
    text: str = ""
    name_gender: list[str | None] = field(default_factory=list)  # from a listed given name


# "it is raining", "it seems (that)": verbs whose subject "it" names nothing
WEATHER_VERBS = frozenset({"rain", "snow", "pour", "drizzle", "hail", "thunder", "sleet"})
RAISING_VERBS = frozenset({"seem", "appear", "happen", "transpire"})
# "it is clear that", "it's a shame to": predicate -> the clauses it extraposes (any / that)
EXPLETIVE_PREDICATES: dict[str, str] = {r[0]: r[1] for r in rows("expletive_predicates.tsv")}
# "it is easy to follow": the subject of these is the infinitive's object, not an expletive
TOUGH_ADJECTIVES = frozenset({"easy", "hard", "difficult", "tough", "impossible"})
# "it was reported that", "it is expected that"
PASSIVE_REPORTING = frozenset({
    "say", "report", "expect", "believe", "think", "know", "estimate", "understand", "fear",
    "hope", "allege", "claim", "announce", "rumour", "rumor", "suggest", "agree", "decide",
    "assume", "note", "predict", "feel", "argue", "acknowledge", "confirm", "propose"})
THAT_MARKS = frozenset({"that", "whether", "if", "how", "why", "what", "when"})
AS_IF_MARKS = frozenset({"as", "though", "like"})  # "it seems as if", "it looks like"


TIME_NOUNS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade",
                        "time", "while", "ages", "generation"})


def _idiom(lemma: str, kids: list[Token]) -> bool:
    """Clause idioms whose "it" is nobody: "it remains to be seen whether", "it turns out
    (that)", "it depends on what/whether ...", "it took years to ..."."""
    deps = {c.dep_: c for c in kids}
    if lemma == "remain":
        return any(c.dep_ == "xcomp" and c.lemma_ == "see" for c in kids)
    if lemma == "turn":
        return "prt" in deps and deps["prt"].lower_ == "out" and "ccomp" in deps
    if lemma == "depend":
        return any(c.dep_ == "prep" and c.lower_ == "on" and any(
            g.dep_ == "pcomp" for g in c.children) for c in kids)
    if lemma == "take":
        return "xcomp" in deps and "dobj" in deps \
            and deps["dobj"].lemma_.lower() in TIME_NOUNS
    return False


def pleonastic(token: Token) -> bool:
    """An "it" that refers to nothing: weather ("it is raining"), raising verbs without an
    infinitive ("it seems (that) ...", "it appears"), a passive reporting verb with a
    that-clause ("it was reported that"), a listed predicate adjective or noun with an
    extraposed clause ("it's a shame to see ...", "it is clear that ...", "made it clear that
    ..."), but not the "tough" reading ("it is easy to follow": "it" is followed), and a few
    clause idioms ("it remains to be seen", "it turns out", "it depends on whether", "it took
    years to ...")."""
    if token.lower_ != "it" or token.dep_ not in SUBJECT_DEPS:
        return False
    head = token.head
    lemma = head.lemma_.lower()
    if lemma in WEATHER_VERBS:
        return True
    kids = list(head.children)
    if _idiom(lemma, kids):
        return True
    if lemma in RAISING_VERBS:
        if any(c.dep_ == "xcomp" for c in kids):  # "it appears to work": raising
            return False
        return any(_clause(c) is not None or c.dep_ == "acomp" for c in kids) or all(
            c.dep_ in ("punct", "aux", "neg", "advmod", "nsubj") for c in kids)
    if token.dep_ == "nsubjpass":  # not "it was told that": the told one is someone
        return lemma in PASSIVE_REPORTING and any(
            c.dep_ == "ccomp" and _clause(c) == "that" for c in kids)
    if head.pos_ == "ADJ":  # a small clause: "made it clear that ...", "found it hard to ..."
        predicates = [head]
    else:
        copula = lemma == "be" or head.lower_ in ("'s", "\u2019s")  # "it’s" parsed a verb
        predicates = [c for c in kids if c.dep_ == "acomp" or (
            (c.dep_ == "attr" or (copula and c.dep_ == "dobj")) and c.pos_ == "NOUN"
            and not any(d.dep_ in ("det", "poss") and d.lower_ not in ("a", "an", "no")
                        for d in c.children))]
    for pred in predicates:
        allowed = EXPLETIVE_PREDICATES.get(pred.lemma_.lower())
        if allowed is None:
            continue
        clauses = [(c, _clause(c)) for c in [*pred.children,
                                             *(kids if pred is not head else [])]]
        clauses = [(c, kind) for c, kind in clauses
                   if kind == "that" or (kind == "to" and allowed == "any")]
        if not clauses:
            continue
        # "it is hard to miss": "it" is what is missed
        return pred.lemma_.lower() not in TOUGH_ADJECTIVES or not all(
            kind == "to" and not any(d.dep_ in ("dobj", "ccomp", "xcomp") for d in c.children)
            for c, kind in clauses)
    return False


def _clause(token: Token) -> str | None:
    """"to" for a to-infinitive, "that" for a clause opened by "that", "whether", "as if" ...
    (or a bare complement clause), else None."""
    if token.dep_ not in ("xcomp", "ccomp", "advcl", "csubj", "relcl", "acl"):
        return None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return "to"
    if token.dep_ in ("relcl", "acl") and token.left_edge.lower_ == "that":
        return "that"  # "a pity that the bank closed", parsed as a relative clause
    marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
    if marks:
        return "that" if marks[0] in THAT_MARKS | AS_IF_MARKS else None
    return "that" if token.dep_ == "ccomp" and token.pos_ in ("VERB", "AUX") else None


def _name_gender(text: str, anchor: Anchor) -> str | None:
    """Gender of the first listed given name that opens one of the anchor's mentions."""
    for start, end in anchor.mentions:
        first = text[start:end].split(" ", 1)[0]
        gender = GIVEN_NAMES.get(first.lower()) if first[:1].isupper() else None
        if gender is not None:
            return gender
    return None


_DATELINE = re.compile(r"[^\n()]{0,60}\([A-Z][\w.&' ]{0,30}\)\s*(?:--|[-\u2013\u2014])\s")
# a place in capitals, maybe its state or country, then a dash or colon: "SAN FRANCISCO — ",
# "BUFFALO, N.Y. -- ", "NEW DELHI: "
_CAPS_DATELINE = re.compile(r"([A-Z][A-Z.'\u2019]+(?: [A-Z][A-Z.'\u2019]*)*)"
                            r"(?:, [A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s*(?:--|[-:\u2013\u2014])\s")


def dateline(text: str) -> tuple[int, int]:
    """(start, end) of the article's dateline: opening the text, or the paragraph after a
    headline line ("Senator rejects plan\n\nWASHINGTON — ..."); (0, 0) when there is none."""
    end = dateline_end(text)
    if end:
        return 0, end
    line_end = text.find("\n", 0, HEADLINE_CHARS)
    if line_end < 0:
        return 0, 0
    body = len(text) - len(text[line_end:].lstrip())
    end = dateline_end(text, body)
    return (body, end) if end > body else (0, 0)


HEADLINE_CHARS = 300  # the longest first line read as a headline


def dateline_end(text: str, pos: int = 0) -> int:
    """The end of a dateline opening the text at ``pos`` (with an agency credit, "BAGHDAD,
    Iraq (CNN) -- ", "LONDON (Reuters) - ", or a place in capitals, "SAN FRANCISCO — "),
    else ``pos``: no pronoun refers back into it, and it is no part of what a sentence
    reports."""
    match = _DATELINE.match(text, pos)
    if match is None:  # a place in capitals must be a city or state: not "NATO - ", "US - "
        match = _CAPS_DATELINE.match(text, pos)
        place = match.group(1).title() if match is not None else ""
        if match is not None and (roles.place_country(place) is None or country_of(place)):
            match = None
    return match.end() if match else pos


def sentence(doc: Doc, i: int) -> tuple[int, int]:
    """(first, end) token indices of the sentence holding token ``i`` (walking its own bounds:
    ``Token.sent`` walks the whole document on every call)."""
    first = i
    while first > 0 and not doc[first].is_sent_start:
        first -= 1
    end = i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return first, end


def _speaker_tokens(token: Token, quote_open: list[int]) -> set[int]:
    """For a pronoun inside quotation marks, the subjects outside them in its sentence (the
    speaker of “..., he said,” Graham said); empty for a pronoun outside quotes."""
    if quote_open[token.i] < 0:
        return set()
    doc = token.doc
    first, end = sentence(doc, token.i)
    found = {t.i for t in doc[first:end] if quote_open[t.i] < 0 and t.head.pos_ == "VERB"
             and quote_open[t.head.i] < 0 and t.pos_ != "PRON" and (
                 t.dep_ == "nsubj" or (t.dep_ == "dobj" and t.head.is_sent_start
                                       and _speaks(t.head)))}  # ("Said another user: “He …”")
    for _ in range(CONTINUED_SENTENCES):  # “…,” Kim said in court. “She treated …”: a quoted
        # sentence goes on with the speaker named before it in its paragraph
        if found or first == 0 or any(quote_open[k] < 0 and not doc[k].is_punct
                                      and not doc[k].is_space for k in range(first, end)):
            break
        if "\n" in doc[first - 1].text_with_ws:
            break  # (not across paragraphs)
        first, end = sentence(doc, first - 1)
        found = {t.i for t in doc[first:end] if t.dep_ == "nsubj" and quote_open[t.i] < 0
                 and quote_open[t.head.i] < 0 and t.pos_ != "PRON" and _speaks(t.head)}
    return found


CONTINUED_SENTENCES = 2  # quoted sentences a speaker named before them still speaks


def _reported_by(token: Token) -> tuple[int, int] | None:
    """For the subject of a verb of saying after what it reports ("X will win, he said"), the
    token range of that report; a name in it is someone the speaker speaks of."""
    verb, doc = token.head, token.doc
    if token.dep_ != "nsubj" or token.i < verb.i - 2 or not _says(verb):
        return None
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        a, b = verb.head.left_edge.i, verb.left_edge.i
    else:
        comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        if comp is None:
            return None
        a, b = comp.left_edge.i, comp.right_edge.i + 1
    if a >= b or any(doc[k].is_quote or doc[k].text == ":" for k in range(a, b)):
        return None  # quoted words are _speaker_tokens' ("X scolded him: “…,” she said")
    if not all(doc[k].is_punct for k in range(b, token.i)):
        return None  # the report must end where its cue begins: "X will win, he said"
    return a, b


# verbs that only report words spoken or written ("offered", "refused" are acts): a pronoun
# speaking with one goes on with the last subject that spoke with one
SPEAKING = frozenset({
    "say", "tell", "add", "continue", "explain", "note", "insist", "argue", "claim", "write",
    "reply", "respond", "answer", "recall", "admit", "acknowledge", "concede", "warn", "stress",
    "emphasise", "emphasize", "declare", "state", "remark", "comment", "tweet", "post", "joke",
    "quip", "reflect", "laugh", "ask"})


def _speaks(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb_lemma(verb) in SPEAKING


def _says(verb: Token) -> bool:
    entry = reporting_verbs().get(verb_lemma(verb))
    return verb.pos_ == "VERB" and entry is not None and entry.kind in ("speech", "writing")


def _all_quoted(sent: Span, quote_open: list[int]) -> bool:
    """Every word of the sentence sits inside a quotation."""
    words = [t for t in sent if t.is_alpha]
    return bool(words) and all(quote_open[t.i] >= 0 for t in words)


def _gender(state: _State, anchor: int) -> str | None:
    """Gender as a hard constraint: given by the actors stage, or learnt from at least
    LOCK_LINKS he/she links all of one gender (a single link may be a resolution error)."""
    given = state.gender[anchor]
    if given is not None:
        return given
    learnt = state.learnt[anchor]
    if len(learnt) == 1:
        (g, n), = learnt.items()
        if n >= LOCK_LINKS:
            return g
    return None


def _preposed_subject(token: Token) -> Token | None:
    """The main-clause subject when a possessive or subject pronoun sits in a phrase preposed
    to it ("In his speech, X said ...", "When she arrived, X said ..."): the one cataphora
    common in news."""
    if token.dep_ != "poss" and token.dep_ not in SUBJECT_DEPS:
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
    doc = token.doc
    if any("\n" in doc[k].text_with_ws or doc[k].text in (".", "!", "?")
           for k in range(token.i, subject.i)):
        return None  # a parse run across a sentence or line end ("… she described it.\nX has")
    return subject


def _possessed(token: Token) -> set[int]:
    """Tokens naming what a possessive pronoun owns ("her aunt Mary" - her is not Mary)."""
    if token.dep_ != "poss":
        return set()
    noun = token.head
    return {noun.i} | {c.i for c in noun.children if c.dep_ in ("appos", "compound")}


def _coarguments(token: Token) -> set[int]:
    """Tokens a plain (non-reflexive) pronoun cannot corefer with (principle B): the other
    arguments of its own verb (for a prepositional object, of the verb the preposition
    attaches to), the verb's subject inherited from a first conjunct or controller included."""
    verb = token.head.head
    if verb.dep_ == "acomp" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "X was friendlier with him"
    if token.dep_ == "pobj" and verb.pos_ in ("VERB", "AUX"):
        # "X spoke to him", "X wants Y to say it to her"
        out = {c.i for c in verb.children if c.dep_ in ARGUMENT_DEPS}
        subject = _subject_of(verb)
        return out | ({subject.i} if subject is not None else set())
    if token.dep_ not in ARGUMENT_DEPS:
        return set()
    verb = token.head
    out = {c.i for c in verb.children if c.dep_ in ARGUMENT_DEPS and c.i != token.i}
    if token.dep_ not in SUBJECT_DEPS:
        subject = _subject_of(verb)
        if subject is not None:
            out.add(subject.i)
    return out


def _governs(m: _Mention, token: Token) -> bool:
    """The candidate is the subject of a verb whose subtree holds the pronoun."""
    if m.token.dep_ not in SUBJECT_DEPS:
        return False
    verb = m.token.head
    return verb.left_edge.i <= token.i <= verb.right_edge.i


def _features(m: _Mention, rank: int, token: Token, case: str, state: _State,
              sent_no: int, gendered: bool, agreement: str) -> dict[str, float]:
    dep = m.token.dep_
    pron_dep = token.dep_
    subj = dep in SUBJECT_DEPS
    f = {
        "sent_dist": float(sent_no - m.sent),
        "recency": math.log1p(rank),
        "tok_dist": math.log1p(max(token.i - m.token.i, 0)),
        "cand_subj": float(subj),
        "cand_obj": float(dep in OBJECT_DEPS),
        "cand_poss": float(dep == "poss"),
        "par_subj": float(subj and pron_dep in SUBJECT_DEPS),
        "par_obj": float(dep in OBJECT_DEPS and pron_dep in OBJECT_DEPS),
        "poss_subj": float(subj and case == "poss"),
        "commands": float(m.sent == sent_no and _governs(m, token)),
        "depth": math.log1p(_depth(m.token)),
        "np_governs": float(dep == "poss" and m.token.head.left_edge.i <= token.i
                            <= m.token.head.right_edge.i),
        "sent_first": float(m.first),
        "count": math.log1p(state.count[m.anchor]),
        "topic": float(m.anchor == state.topic),
        "gender_known": float(gendered and (state.gender[m.anchor] is not None
                                            or state.learnt[m.anchor].get(agreement, 0) > 0)),
        "name_agrees": float(gendered and state.name_gender[m.anchor] == agreement),
        "name_clash": float(gendered and state.name_gender[m.anchor] not in (None, agreement)),
        "gender_clash": float(gendered and state.learnt[m.anchor].get(
            "f" if agreement == "m" else "m", 0) > state.learnt[m.anchor].get(agreement, 0)),
        "is_pronoun": float(m.pronoun),
        "in_parens": float(_in_parens(m.token)),
        "quote_speaker": float(subj and m.token.i < state.quote_open[token.i]),
        "mistyped": float(gendered and state.anchors[m.anchor].type != "PERSON"),
    }
    return f


def _quoted_before(token: Token, quote_open: list[int]) -> int:
    """For a token outside quotes right after a quotation (no word outside quotes between),
    the index of that quotation's opening mark; else the doc's length."""
    doc = token.doc
    if quote_open[token.i] >= 0:
        return len(doc)
    i = token.i - 1
    while i >= 0 and quote_open[i] < 0 and not doc[i].is_alpha and token.i - i <= 4:
        i -= 1
    if i < 0 or quote_open[i] < 0:
        return len(doc)
    return quote_open[i]


def _named_like_a_body(m: _Mention, state: _State) -> bool:
    """A PERSON anchor named by one word only, with no listed given name, no gender and no
    he/she link ("Politifact published … they checked"): the NER often types an outlet or a
    group that way, so a plural pronoun may take it."""
    anchor = state.anchors[m.anchor]
    if anchor.type != "PERSON" or anchor.gender is not None or state.learnt[m.anchor]:
        return False
    if state.name_gender[m.anchor] is not None or m.pronoun:
        return False
    return all(" " not in state.text[s:e] for s, e in anchor.mentions)


def _depth(token: Token) -> int:
    n = 0
    while token.head.i != token.i and n < 20:
        token = token.head
        n += 1
    return n


def _in_parens(token: Token) -> bool:
    """An opening parenthesis within the 8 tokens before, with no closing one between."""
    for prev in reversed(token.doc[max(token.i - 8, 0):token.i]):
        if prev.text in ("(", ")"):
            return prev.text == "("
        if prev.is_sent_start:
            return False
    return False


def _choose(token: Token, agreement: str, case: str, window: list[_Mention],
            rest: list[_Mention], state: _State, sent_no: int,
            observe: Observer | None) -> int | None:
    anchors = state.anchors

    def agrees(m: _Mention) -> bool:
        if agreement == "p" and _named_like_a_body(m, state):
            return True
        if agreement in ("m", "f") and state.name_gender[m.anchor] in ("m", "f") and (
                state.name_gender[m.anchor] != agreement and _gender(state, m.anchor) is None):
            return False  # "her" is never Michael Webb's
        if state.sentence_gender.get((m.anchor, sent_no), agreement) != agreement:
            return False  # "Lynch said she had done research on his case": "his" is not hers
        return _agrees(anchors[m.anchor], agreement, _gender(state, m.anchor),
                       state.lenient[m.anchor])

    subject = _preposed_subject(token)  # checks the parse: "her" may be poss or obj
    if subject is not None:
        for m in window + rest:
            if (m.start <= subject.idx < m.end or m.token.i == subject.i) and agrees(m):
                return m.anchor
    owned = _possessed(token)
    # a subject right after a quotation ("“... our new boss ...,” she said") is its speaker,
    # not someone named inside it
    quoted = _quoted_before(token, state.quote_open) if case == "subj" else len(token.doc)
    candidates = [m for m in window if m.end <= token.idx and m.token.i not in owned
                  and m.token.i < quoted and agrees(m)]
    country = NATIONALITY_COUNTRIES.get(token.lower_)
    if country is not None:  # "the Spaniard" is nobody known to be from elsewhere
        candidates = [m for m in candidates
                      if anchors[m.anchor].extra.get("country") in (None, country)]
    opening = state.quote_open[token.i]
    if token.lower_ == "it" and opening >= 0:  # “It’s over,” an official said: a quoted "it"
        # is the speaker's situation, or something named in the same quotation
        candidates = [m for m in candidates if state.quote_open[m.token.i] == opening]
    elif agreement == "p" and opening >= 0:
        since = _plural_noun_quoted(token, state.quote_open)
        if since is not None:  # “I have talked to growers ...,” she said. “They are
            # scared”: the growers, not an organisation named outside the quotation
            candidates = [m for m in candidates
                          if m.token.i >= since and state.quote_open[m.token.i] >= 0]
    if not candidates:
        return None
    if agreement == "p" and case == "obj":
        plain = _plain_plural_before(token, candidates)
        if plain is not None:  # "set the accounts of users to public and did not explain
            # its practices to them": the users, no organisation named before them
            return next((m.anchor for m in candidates if _covers(m, plain)), None)
    if agreement == "p" and case == "poss":
        plain = _plain_plural_subject(token)
        if plain is not None:  # "adults who wore monitors on their wrists": the adults,
            return next((m.anchor for m in candidates if _covers(m, plain)), None)  # an
            # actor only if they are one ("Scott's relatives ..., according to their
            # attorneys")
    if case == "refl":
        subject = _clause_subject(token)
        if subject is not None:
            for m in reversed(candidates):
                if _covers(m, subject) or m.token.i == subject.i:
                    return m.anchor
    speakers = _speaker_tokens(token, state.quote_open)
    if speakers:  # “He is wrong,” Graham said: "he" inside Graham's words is not Graham
        doc = token.doc
        said = {m.anchor for m in window + rest if m.token.i in speakers
                or any(m.start <= doc[i].idx < m.end for i in speakers)}
        candidates = [m for m in candidates if m.anchor not in said]
        if not candidates:
            return None
    if case == "subj" and _speaks(token.head):  # “…,” he said / "X said … . She added":
        speaker = _last_speaker(candidates, min(quoted, token.i))  # who spoke before
        if speaker is not None:
            return speaker
    reported = _reported_by(token) if case == "subj" else None
    if reported is not None:  # "The Sierra Nevada has seen little rain, he said": he is not
        a, b = reported  # the Sierra Nevada
        named = {m.anchor for m in candidates if m.sent == sent_no and a <= m.token.i < b}
        candidates = [m for m in candidates if m.anchor not in named]
        if not candidates:
            return None
    banned_tokens = _coarguments(token) if case in ("subj", "obj") else set()
    if banned_tokens:
        banned = {m.anchor for m in candidates if m.token.i in banned_tokens}
        candidates = [m for m in candidates if m.anchor not in banned]
        if not candidates:
            return None
    gendered = agreement in ("m", "f")
    scored: dict[int, tuple[float, dict[str, float]]] = {}
    for rank, m in enumerate(reversed(candidates)):
        f = _features(m, rank, token, case, state, sent_no, gendered, agreement)
        score = sum(WEIGHTS[k] * v for k, v in f.items() if v)
        if m.anchor not in scored or score > scored[m.anchor][0]:
            scored[m.anchor] = (score, f)
    if observe is not None:
        observe(token, [(k, f) for k, (_, f) in scored.items()])
    best = max(scored, key=lambda k: scored[k][0])
    if agreement == "p":
        pair = _pair_after([m for m in window if m.end <= token.idx], best, anchors)
        if pair is not None:  # "Warren and Ocasio-Cortez. They criticised …": the pair,
            return pair  # which no anchor stands for; its first member speaks for it
    return best if scored[best][0] >= THRESHOLD else None


def _plural_noun_quoted(token: Token, quote_open: list[int]) -> int | None:
    """The first token of the paragraph of a quoted ``token`` when its quoted words before
    ``token`` hold a plural common noun that names no entity (what a quoted "they" most
    likely stands for), else None."""
    doc = token.doc
    found = False
    i = token.i - 1
    while i >= 0 and "\n" not in doc[i].text_with_ws:
        t = doc[i]
        found = found or (quote_open[i] >= 0 and _plain_plural(t))
        i -= 1
    return i + 1 if found else None


def _last_speaker(candidates: list[_Mention], opening: int) -> int | None:
    """The anchor of the last subject before a quotation (``opening``: its opening mark) when
    it is the subject of a verb of saying: a pronoun speaking right after
    the quotation goes on with that speaker ("Foster told the BBC that Peaty's display was
    “immense”. “There are no words to describe him,” he said": Foster, not Peaty)."""
    for m in reversed(candidates):
        subject = m.token.head if m.token.dep_ == "appos" else m.token  # "X's mum, Mary Y,"
        if m.token.i >= opening or subject.dep_ != "nsubj":
            continue
        return m.anchor if _speaks(subject.head) else None  # the last subject only
    return None


def _pair_after(before: list[_Mention], best: int, anchors: Sequence[Anchor]) -> int | None:
    """The first of two people joined by a conjunction ("X and Y") named after the last
    mention of ``best`` (``before``: the window's mentions before the pronoun): a plural
    pronoun after them means the pair, not ``best``."""
    last = max(m.start for m in before if m.anchor == best)
    people = [m for m in before if anchors[m.anchor].type == "PERSON" and m.start > last
              and not m.pronoun]
    for m in people:
        if m.token.dep_ != "conj" or m.anchor == best:
            continue
        head = m.token.head
        first = next((o for o in people if o.anchor != m.anchor and (
            o.token.i == head.i or o.start <= head.idx < o.end)), None)
        if first is not None:
            return first.anchor
    return None
