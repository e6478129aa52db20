"""Quote cues: the reporting-verb lexicons and what a cue reports in the parse.

``lexicons/reporting_verbs.tsv`` gives each verb a class (speech, writing, thought, evidence,
request, charge) and a frame; ``complement`` reads the frame off the dependency parse and
returns the token range the verb reports ("said (that) …", "pledged to …", "accused X of …",
"praised X", "spoke about …", "… was reported by X"). "according to X" and "in a new poll,"
are source phrases that report the rest of their clause. Used by ``quote_view.py`` (which
tokens are cues), ``quote_direct.py`` and ``quote_reported.py`` (which cues count) and
``quote_speakers.py`` (who the speaker is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from newsgraph.lexicons import rows

HEARER_DEPS = ("dobj", "dative", "iobj")
BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")
NOT_VERBAL = frozenset({"amod", "compound", "nmod", "prep"})  # "so-called", "compared with"
ARTICLES = frozenset({"the", "a", "an"})
NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "dative"})


@dataclass(frozen=True, slots=True)
class Verb:
    """A reporting-verb lexicon row (see the file header for the meaning of each field)."""

    kind: str
    frame: str
    preps: frozenset[str] | None = None  # topic prepositions, when not the default ones


# --------------------------------------------------------------------------- lexicons


@cache
def reporting_verbs() -> dict[str, Verb]:
    """Lemma -> Verb for reporting verbs: single words, and phrasal verbs as "lemma particle"
    ("shoot back"; see ``verb_lemma``)."""
    return {r[0]: Verb(r[1], r[2], frozenset(r[3].split(",")) if len(r) > 3 else None)
            for r in rows("reporting_verbs.tsv") if " " not in r[0] or r[2] != "source"}


@cache
def _phrasal() -> dict[str, frozenset[str]]:
    """Verb lemma -> the particles that make it a reporting verb ("shoot" -> {"back"})."""
    out: dict[str, set[str]] = {}
    for key in reporting_verbs():
        if " " in key:
            lemma, particle = key.split(" ", 1)
            out.setdefault(lemma, set()).add(particle)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def verb_forms() -> dict[str, str]:
    """Form -> lemma for reporting-verb forms the lemmatizer gets wrong ("hopes" -> "hop")."""
    return {r[0]: r[1] for r in rows("reporting_verb_forms.tsv")}


def verb_lemma(t: Token) -> str:
    """The reporting-verbs lexicon key for a token: its lemma, or the fixed one for a form
    the lemmatizer gets wrong; with its particle for a phrasal reporting verb ("shot back":
    "shoot back", while "shot" alone is "shoot", no reporting verb)."""
    lemma = verb_forms().get(t.lower_) or t.lemma_.lower()
    particles = _phrasal().get(lemma)
    if particles:
        particle = next((c.lower_ for c in t.children if c.i == t.i + 1
                         and c.dep_ in ("prt", "advmod") and c.lower_ in particles), None)
        if particle is not None:
            return f"{lemma} {particle}"
    return lemma


@cache
def source_phrases() -> dict[str, str]:
    """First word -> second word of source phrases ("according" -> "to")."""
    return {r[0].split()[0]: r[0].split()[1] for r in rows("reporting_verbs.tsv")
            if r[2] == "source" and " " in r[0]}


@cache
def word_class(role: str) -> frozenset[str]:
    """Words of one role in lexicons/quote_words.tsv."""
    return frozenset(r[0] for r in rows("quote_words.tsv") if r[1] == role)


MAX_TITLE_WORDS = 6  # words of a title in quotation marks


def title_words(inside: str) -> int:
    """How many words a phrase in marks has when it is written as a title ("Face the Nation",
    "War & Peace": each word capitalised, a number, or a minor word), else 0; more than
    ``MAX_TITLE_WORDS`` words are no title either."""
    words = [w for w in inside.strip(" .,!?").split() if any(c.isalnum() for c in w)]
    minor = word_class("title-minor")
    if len(words) > MAX_TITLE_WORDS or not all(
            w[0].isupper() or w[0].isdigit() or w.lower() in minor for w in words):
        return 0
    return len(words)


@cache
def non_labels() -> frozenset[str]:
    return frozenset(r[0].lower() for r in rows("quote_labels.tsv"))


@cache
def speaker_nouns() -> dict[str, tuple[str, bool]]:
    """Noun -> (entity type or "-", partitive), from lexicons/quote_speakers.tsv."""
    return {r[0]: (r[1], r[2] == "1") for r in rows("quote_speakers.tsv")}


def partitive_object(t: Token) -> Token | None:
    """X in "a group of X", "52 percent of X", "one of X": the noun a partitive speaker
    stands for, else None."""
    entry = speaker_nouns().get(t.lemma_.lower())
    if entry is None or not entry[1]:
        return None
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if obj is not None and obj.pos_ in ("NOUN", "PROPN", "NUM"):
        return partitive_object(obj) or obj  # "tens of thousands of students"
    return None


def is_reporting_verb(t: Token, verbs: dict[str, Verb]) -> bool:
    return (t.tag_.startswith("VB") and (t.dep_ not in NOT_VERBAL or _inverted_after_quote(t))
            and verb_lemma(t) in verbs
            and not (t.dep_ in NOMINAL_DEPS and any(
                c.dep_ == "det" and c.lower_ in ARTICLES and c.i < t.i
                for c in t.children)))  # a noun: "calling the nightclub attack an act of …"


def _inverted_after_quote(t: Token) -> bool:
    """“…,” added Rooney: a finite verb right after a closing mark, parsed as a modifier of
    the name after it."""
    return (t.dep_ == "amod" and t.tag_ in ("VBD", "VBZ") and t.i > 0 and t.doc[t.i - 1].is_quote
            and t.head.i == t.i + 1 and t.head.pos_ == "PROPN")


def is_passive(verb: Token) -> bool:
    """The verb has a passive auxiliary, not the "'s" of "who's called for" (has called)."""
    return any(c.dep_ == "auxpass" and c.lower_ not in ("'s", "\u2019s") for c in verb.children)


def cue_kind(t: Token) -> str:
    """The lexicon class of a cue token ("source" for "according to")."""
    entry = reporting_verbs().get(verb_lemma(t))
    return entry.kind if entry is not None else "source"


QUANTITIES = frozenset({"MONEY", "CARDINAL", "PERCENT", "QUANTITY"})


def source_object(t: Token, phrases: dict[str, str]) -> Token | None:
    """For "according" in "according to X": X's head token; for "in" in "in a new poll, …" (a
    source preposition before a source noun, its clause not already cued by a reporting verb):
    the noun ("per" also takes a name: "per Reuters")."""
    second = phrases.get(t.lower_)
    if second is None:
        if t.dep_ != "prep" or t.lower_ not in word_class("source-preposition"):
            return None
        obj = next((g for g in t.children if g.dep_ == "pobj"), None)
        verbs = reporting_verbs()
        if obj is None or is_reporting_verb(t.head, verbs) or (
                t.head.dep_ == "dobj" and is_reporting_verb(t.head.head, verbs)):
            return None  # (nor "announced the decision in a post": the verb's own medium)
        doc = t.doc
        if any("\n" in doc[k].text_with_ws for k in range(min(t.i, t.head.i),
                                                          max(t.i, t.head.i))):
            return None  # a parse run across a line: "In a post …\nBraun has worked"
        if any(is_reporting_verb(g, verbs) and any(c.dep_ == "nsubj" for c in g.children)
               for g in t.subtree if g.i != t.i):
            return None  # "In a post at the time she described it as …": her words
        if t.lower_ == "per" and t.i > 0 and (t.doc[t.i - 1].like_num
                                              or t.doc[t.i - 1].ent_type_ in QUANTITIES):
            return None  # "$25 per iPhone", "10 per cent": a rate, no source
        if t.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "prep" and c.lower_ == "of"
                                                    for c in obj.children):
            return None  # "his role in the release of documents": an act, no source
        if obj.lemma_.lower() in word_class("source-noun") or (
                t.lower_ == "per" and obj.pos_ == "PROPN"):
            return obj
        return _owner(t, obj)
    for c in t.children:
        if c.lower_ == second:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _owner(prep: Token, obj: Token) -> Token | None:
    """The owner of an owned source noun after "in": "in her view", "in the words of Smith",
    "in Forbes’ words" (the parse makes the name and "words" two objects of "in")."""
    owned = word_class("owned-source-noun")
    if obj.lemma_.lower() in owned:
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is None and any(c.lower_ == "the" for c in obj.children):  # not "in view of"
            owner = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
        return owner
    doc = obj.doc
    if (obj.pos_ == "PROPN" and obj.i + 2 < len(doc) and doc[obj.i + 1].text in ("’", "'")
            and doc[obj.i + 2].head.i == prep.i and doc[obj.i + 2].lemma_.lower() in owned):
        return obj
    return None


def complement(verb: Token, entry: Verb) -> tuple[int, int] | None:
    """Token range of what a reporting verb reports, or None."""
    frame = entry.frame
    if frame == "quote":
        return None  # a cue beside a quotation only
    kids = list(verb.children)
    aside = _aside(verb, kids)
    if aside is not None or frame == "aside":
        return aside
    if verb.lemma_.lower() in word_class("measure-verb") and any(
            c.dep_ in ("dobj", "npadvmod") and _measure(c) for c in kids):
        return None  # "added three assists to lead Boston", "added 0.1%": a count, no speech
    passive = next((c for c in kids if c.dep_ == "nsubjpass"), None) if is_passive(verb) \
        else None
    if passive is not None and any(c.dep_ == "agent" for c in kids) and not (
            frame == "hearer" and any(c.dep_ == "ccomp" for c in kids)):
        return passive.left_edge.i, passive.right_edge.i + 1  # "… was reported by X" (but
    # "X was told by aides that …": X heard it)
    raised = next((c for c in kids if c.dep_ == "xcomp" and c.i > verb.i), None)
    if passive is not None and raised is not None and passive.i < verb.i:
        if passive.tag_ in ("WDT", "WP"):  # "a pact that is expected to …": the infinitive
            return raised.left_edge.i, raised.right_edge.i + 1
        return passive.left_edge.i, raised.right_edge.i + 1  # "X is thought to be …"
    if frame in ("charge", "judge"):
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        near = kids + (list(obj.children) if obj is not None else [])
        preps = word_class("charge-preposition")
        prep = next((c for c in near if c.dep_ == "prep" and c.lower_ in preps), None)
        if prep is None:
            if frame == "judge" and obj is not None:
                return obj.left_edge.i, obj.right_edge.i + 1  # "X praised the plan"
            return None
        start = obj.left_edge.i if obj is not None and obj.i < prep.i else prep.i + 1
        return start, prep.right_edge.i + 1
    hearer = passive is not None or any(c.dep_ in HEARER_DEPS for c in kids)  # "X was told"
    if frame == "hearer" and not hearer:
        return None  # "time will tell if …"
    infinitive = frame in ("intent", "topic", "naming") or (frame == "hearer" and hearer)
    deps = ("ccomp", "xcomp") if infinitive else ("ccomp",)  # "told aides to leave"
    comps = [c for c in kids if c.dep_ in deps and not _relative_clause(c, verb)]
    if not comps and frame == "hearer":
        comps = _hearer_clause(kids)
    subject = next((c for c in kids if c.dep_ == "nsubj"), None)
    if (subject is not None and subject.i > verb.i) or _after_quotation(verb):
        # "“…,” said X, who spent the night at a school turned shelter": what an inverted
        # subject or a verb right after a quotation follows, never a clause after it
        comps = [c for c in comps if c.i < verb.i]
    # one on each side ("It is unlikely; her team says she will go on"): the one after the verb
    comp = next((c for c in comps if c.i > verb.i), None) if len(comps) > 1 else None
    comp = comp or (comps[0] if comps else None)
    if comp is not None:
        start, doc = comp.left_edge.i, verb.doc
        while start < comp.i:
            first = doc[start]
            if first.dep_ == "mark":
                start += 1  # "that"
            elif first.head.i == comp.i and verb.i < first.i < comp.i and (
                    (first.dep_ == "prep" and _time(first))
                    or (first.dep_ == "npadvmod" and first.ent_type_ == "DATE")):
                start = first.right_edge.i + 1  # "said on Wednesday it would": when it was
                # said, parsed into what was said
                while start < comp.i and doc[start].is_punct:
                    start += 1
            else:
                break
        return start, comp.right_edge.i + 1
    if frame in ("topic", "naming") or entry.preps:  # "asked about …", "worried about …"
        preps = entry.preps or word_class("topic-preposition")
        topic = _topic(kids, frame == "topic", preps, passive is None)
        if topic is not None or verb.dep_ != "parataxis":
            return topic
    if verb.dep_ == "parataxis":  # "The plan is dead, she said." parsed with said as a side
        head, doc = verb.head, verb.doc
        # never across a blank line: a parse across one joins separate paragraphs
        breaks = [i for i in range(head.left_edge.i, head.right_edge.i + 1)
                  if doc[i].is_space and BLANK_LINE.search(doc[i].text)]
        if verb.i > head.i:
            start = max((i + 1 for i in breaks if i < verb.i), default=head.left_edge.i)
            return start, verb.left_edge.i
        end = min((i for i in breaks if i > verb.i), default=head.right_edge.i + 1)
        return verb.right_edge.i + 1, end
    return None


def _hearer_clause(kids: list[Token]) -> list[Token]:
    """"told teachers who covered the lawn that the state should pay": the parse hangs the
    "that" clause on the hearers' relative clause; unless that clause's verb reports it
    itself ("told reporters who said that …")."""
    verbs = reporting_verbs()
    return [c for obj in kids if obj.dep_ == "dobj"
            for rel in obj.children if rel.dep_ == "relcl" and not is_reporting_verb(rel, verbs)
            for c in rel.children if c.dep_ == "ccomp" and c.i > rel.i
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)][:1]


def _relative_clause(clause: Token, verb: Token) -> bool:
    """A clause whose subject is a relative "that" right after a noun, after the verb, is a
    relative clause the parse hung on the verb ("spoke before lawmakers defending the budget
    approved in April that boosted spending"), not what the verb reports ("said that was
    wrong", "a memo that he said was drafted by the firm" are)."""
    doc = verb.doc
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WDT" and c.lower_ == "that"
               and c.i > verb.i + 1 and doc[c.i - 1].pos_ in ("NOUN", "PROPN", "NUM")
               for c in clause.children)


def _after_quotation(verb: Token) -> bool:
    """A finite verb comes right after a quotation's closing mark ("“…,” said X"; not
    "“…,” adding that …", whose clause is its own)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    i = verb.i - 1
    while i >= 0 and verb.doc[i].text in (",", "—", "--"):
        i -= 1
    return i >= 0 and verb.doc[i].is_quote and bool(verb.doc[i].whitespace_)  # (a closing
    # mark: an opening one clings to the word after it)


def _aside(verb: Token, kids: list[Token]) -> tuple[int, int] | None:
    """"Hawaii, as one adviser noted, rarely floods", "As X put it, …": the clause an "as"
    aside comments on, the longer part of it on either side of the aside. Not "as he said
    this" (an object: a time clause) nor "as he spoke" (no aside verb)."""
    if verb.dep_ != "advcl" or verb_lemma(verb) not in word_class("aside-verb"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in kids):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.lower_ != "it")
           for c in kids):
        return None
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.head is not head:
        head = head.head  # "The bridge, as X noted, was …": the clause, not its subject
    before = (head.left_edge.i, verb.left_edge.i)
    after = (verb.right_edge.i + 1, head.right_edge.i + 1)
    best = max(before, after, key=lambda r: r[1] - r[0])
    return best if best[1] - best[0] > 1 else None


def _topic(kids: list[Token], bare_object: bool, preps: frozenset[str],
           active: bool = True) -> tuple[int, int] | None:
    """What a verb speaks of: its object (through a predicate: "called him a liar"; without
    one only if ``bare_object``), else the object of a topic preposition ("called for talks";
    in the passive only one saying what about: "was asked about the emails", not "had been
    exposed to antibiotics", "featured on the show") that is no time ("spoke on Monday",
    "pushed for a while")."""
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is not None:
        pred = next((c for c in kids if c.dep_ in ("oprd", "xcomp") and c.i > obj.i), None)
        if pred is not None or bare_object:
            return obj.left_edge.i, (pred or obj).right_edge.i + 1
    preds = [c for c in kids if c.dep_ == "oprd"]
    if obj is None and len(preds) > 1:  # "called the mayor a liar" parsed as two predicates
        return preds[0].left_edge.i, preds[-1].right_edge.i + 1
    prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in preps
                 and not _manner(c) and not _time(c)), None)
    if prep is None or not (active or prep.lower_ in PASSIVE_TOPIC_PREPS):
        return None
    return prep.i + 1, prep.right_edge.i + 1


def _time(prep: Token) -> bool:
    """A phrase saying when: "on Monday", "for a while" (but "for a day of mourning")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") or obj.lemma_ in TIME_WORDS) \
        and not any(c.dep_ == "prep" for c in obj.children)


def _manner(prep: Token) -> bool:
    """A phrase saying how or where someone spoke, not about what: "on condition of
    anonymity", "on the record", "on behalf of X", "on television"."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.lemma_.lower() in MANNER_WORDS


MANNER_WORDS = frozenset({"condition", "background", "record", "behalf", "phone", "telephone",
                          "camera", "television", "radio", "air", "stage", "podium"})
PASSIVE_TOPIC_PREPS = frozenset({"about", "of", "for", "over"})
TIME_WORDS = frozenset({"while", "time", "moment", "second", "minute", "hour", "day", "week",
                        "month", "year", "decade", "night", "morning", "evening", "afternoon"})
MEASURE_ENTITIES = frozenset({"CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _measure(noun: Token) -> bool:
    """A noun phrase that counts or measures: a number, amount or ordinal as its head ("his
    seventh", "$84 billion") or counting it ("three assists", "a 5% rise")."""
    return noun.ent_type_ in MEASURE_ENTITIES or noun.like_num or any(
        c.dep_ == "nummod" or (c.dep_ in ("amod", "compound") and c.ent_type_ in MEASURE_ENTITIES)
        for c in noun.children)


def according_content(tok: Token) -> tuple[int, int] | None:
    """The clause around "according to X", without that phrase."""
    head = tok.head
    if head is tok:
        return None
    if tok.i < head.i:
        return tok.right_edge.i + 1, head.right_edge.i + 1
    if head.dep_ == "advcl" and head.head.i < head.i and tok.i > 0 \
            and tok.doc[tok.i - 1].text == ",":  # "X sustained injuries after her car
        head = head.head  # accelerated, according to witnesses": all of it, not the
        # "after" clause the parse hangs the phrase on
    return head.left_edge.i, tok.left_edge.i
