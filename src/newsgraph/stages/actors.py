"""Actors: NER names clustered per document into one entity per real-world actor.

- person names cluster by full name, surname, first+last, possessives and honorific forms
  ("Mr. Smith"); matching folds case and accents; a bare surname shared by two people goes to
  the one named most recently;
- a name's type is fixed by document-level evidence: a name whose words are a person's name
  words, that follows a person title ("President X", lexicons/person_titles.tsv) or that the
  parse shows to be a person (stages/personhood.py: "X was born", "X, a pianist", "her sister
  X") is a PERSON everywhere, and so is a name the NER labels PERSON at least as often as
  anything else; other names take the majority label of all their mentions; a known place or
  a name with an organisation word or that the parse shows as an organisation ("X, a
  software firm", "X is one of the companies bidding": roles.organisation) needs a title to
  become a person; a PERSON or ORG name
  the parse shows to be a place ("the port of X", "X's Prime Minister", stages/placehood.py)
  is a GPE;
- a lone first name joins the one person who has it ("Mary" ... "Mary Smith");
- acronyms join their expansion ("World Health Organization" ... "WHO"); a company named with
  and without its legal form ("McClatchy Co." ... "McClatchy") is one actor;
- proper nouns the NER missed ("Okafor arrived") join the person they name, or become one
  with person evidence;
- a name that could be a person (not a known place, no organisation word, not an acronym,
  used as a singular noun phrase) and that takes a he/she pronoun when offered to coref as a
  person is a person ("The award went to X, and she kept it");
- pronouns come from stages/coref.py (anchors in, links out): every actor is an anchor with
  its type, number (groups, plural names and nationalities) and gender (honorifics, gendered
  person nouns and role nouns: "Ms", "actress", "the chairwoman"); a nationality is an
  antecedent only as a noun ("the Americans"), not as an adjective; singular descriptions of
  nobody named ("The Queen") compete for pronouns, and what they win stays unlinked;
- a first-person narrator (an op-ed's "I"/"me"/"my" outside quotes) is one PERSON actor named
  by the article's author, else NARRATOR_NAME (stages/descriptions.py ``narrator``); it is no
  anchor for third-person pronouns.

- roles, countries and sectors (stages/roles.py): "Mexican President X", "X, the Foreign
  Minister of Y"; descriptions ("the Mexican President", "Guatemalan prosecutors", "the two
  leaders", "the company") onto actors in stages/descriptions.py;
- clusters and name matching in stages/clusters.py; salience is each actor's share of all
  mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span

from newsgraph.model import Entity, Mention
from newsgraph.stages import (
    Found,
    body_descriptions,
    coref,
    descriptions,
    personhood,
    placehood,
    roles,
)
from newsgraph.stages.clusters import Cluster, overlaps, pick, words_of

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
# labels a person's name words may override (a place name equal to a surname stays a place
# only when no person evidence exists in the document)
OVERRIDABLE = {"ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}
ACRONYM_SKIP = {"of", "the", "for", "and", "on", "in", "de", "&"}
# Salience: weight of a mention by kind, how much an early first mention adds (x (1 + W_EARLY)
# for an actor named in the first character, nothing for one first named at the very end), and a
# factor per type. Measured through the summary stage (benchmarks/summary.py, 2026-11-29): an
# early bonus of 4 raised R-2 on both halves (20.01 -> 20.23, held-out 20.58 -> 20.81) but
# changes the seed-body summary that tests/stages/test_summary.py checks (any bonus >= 0.25
# does); lower pronoun/title weights and place weights did not help. Hence the plain share.
KIND_WEIGHT = {"name": 1.0, "title": 1.0, "other": 1.0, "pronoun": 1.0}
W_EARLY = 0.0
TYPE_WEIGHT: dict[str, float] = {}
NARRATOR_NAME = "the author"  # the first-person narrator's name when the article has no author
TITLES = roles.PERSON_TITLES
# honorifics that spaCy sometimes puts inside a PERSON span and that are never part of a name
ROLE_WORDS_KEPT = {"king", "queen", "prince", "princess", "pope", "lord", "lady", "dame", "sir"}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without a trailing dash or possessive ('s, ’s, s') or leading 'the '."""
    while end - start > 2 and text[end - 1] in " -–—":  # "Vanita Gupta -"
        end -= 1
    span = text[start:end]
    for suffix in ("'s", "’s", "'", "’"):
        if span.endswith(suffix) and len(span) > len(suffix) + 1:
            end -= len(suffix)
            break
    while end > start and text[end - 1].isspace():  # "Hong Kong '" (an opening quote mark)
        end -= 1
    span = text[start:end]
    if span.lower().startswith("the ") and len(span) > 4:
        start += 4
    return start, end


def _title_before(doc: Doc, index: int) -> str | None:
    """Gender code (m/f/x) of a person title right before token ``index``, else None."""
    if index == 0:
        return None
    word = doc[index - 1].lower_.rstrip(".")
    if word in ("", ",") and index > 1:  # "Mr. X" split as "Mr" "."; appositive "President, X"
        word = doc[index - 2].lower_.rstrip(".")
    return TITLES.get(word)


class _Name:
    """A name occurrence: an NER entity (``label``) or a proper-noun run the NER missed
    (``label`` ""), with its span, match words and person evidence (gender m/f/x or None)."""

    __slots__ = ("end", "label", "maybe", "person", "place", "root", "start", "titled", "words")

    def __init__(self, start: int, end: int, root: int, label: str, words: tuple[str, ...],
                 person: str | None, maybe: bool = False, place: str | None = None,
                 titled: bool = False) -> None:
        self.start, self.end, self.root, self.label = start, end, root, label
        self.words, self.person, self.maybe, self.place = words, person, maybe, place
        self.titled = titled  # the person evidence is a title or honorific ("Ms", "Gen.")


def _names(doc: Doc) -> list[tuple[_Name, int, int]]:
    """(name, first token, end token) for every kept NER entity and proper-noun run, in order."""
    text = doc.text
    out: list[tuple[_Name, int, int]] = []
    for ent in (part for whole in doc.ents if whole.label_ in KEEP for part in _parts(whole)):
        start, end = _trim(text, ent.start_char, ent.end_char)
        if _quoted_title(text, start, end) or text[start:end].islower():
            continue  # (all lower case: a word the NER took for a name, "fed", "n’t", "state")
        title = _title_before(doc, ent.start)
        first = ent.start
        the = doc[first].lower_ == "the"
        if the and ent.end - first > 2:  # "the Emperor Alexius": a person noun heading the
            title = personhood.PERSON_NOUNS.get(doc[first + 1].lower_) or title  # name
        if doc[first].lower_ in ("a", "an") and first < ent.end - 1:  # "An Associated Press
            first += 1  # journalist": an article is never part of a name
            start = doc[first].idx
        # an honorific inside the name span ("Ms Clinton") is title evidence, not name
        while first < ent.end - 1 and doc[first].lower_.rstrip(".") in TITLES \
                and doc[first].lower_.rstrip(".") not in ROLE_WORDS_KEPT:
            title = TITLES[doc[first].lower_.rstrip(".")]
            first += 1
            start = doc[first].idx
        # and so is a person noun heading a PERSON span of two more words ("Lawyer Tom
        # Kessler said", "Economist Ann Lee")
        while ent.label_ == "PERSON" and ent.end - first > 2 and doc[first].is_title \
                and doc[first].lower_ in personhood.PERSON_NOUNS \
                and doc[first].lower_ not in coref.GIVEN_NAMES \
                and doc[first].lower_ not in ROLE_WORDS_KEPT:
            title = personhood.PERSON_NOUNS[doc[first].lower_]
            first += 1
            start = doc[first].idx
        words = words_of(text[start:end])
        if not words or _address(text[start:end]) or (len(words) == 1 and len(words[0]) == 1):
            continue  # (a lone letter: "Neither do I." is no organisation "I.")
        if (ent.label_ == "ORG" or all(w in TITLES for w in words)) and _only_a_title(words):
            continue  # "one neo-bank CEO told me": a title, the description's to read
        person = title
        # a person could hide behind the NER's other labels, but not behind a nationality or
        # creed, an acronym ("BA") or a name after "the" ("the White House")
        maybe = ent.label_ != "NORP" and _may_be_person(words) \
            and personhood.referent(doc[first:ent.end].root) \
            and not (len(words) == 1 and text[start:end].isupper()) \
            and not _after_the(doc, ent.start) \
            and not (the and title is None)
        if person is None and maybe:
            person = personhood.evidence(doc, first, ent.end)
        place = None
        if ent.label_ in ("PERSON", "ORG") and person is None and _may_be_place(text[start:end]):
            place = placehood.cue(doc, first, ent.end)
        label = ent.label_
        if label in ("NORP", "ORG", "") and _dateline(doc, ent.start, ent.end):
            label = "GPE"  # "BUFFALO, N.Y. —": the place the story was filed from
        out.append((_Name(start, end, ent.root.i, label, words, person, maybe, place,
                          titled=title is not None), first, ent.end))
    for first, last, proper in _proper_runs(doc):
        start, end = _trim(text, doc[first].idx, doc[last - 1].idx + len(doc[last - 1]))
        words = words_of(text[start:end])
        if words and not _address(text[start:end]) and not _quoted_title(text, start, end) \
                and not _only_a_title(words):
            person = _title_before(doc, first)
            maybe = proper and _may_be_person(words, labelled=False) and personhood.referent(
                doc[first:last].root) and not _after_the(doc, first)
            if person is None and maybe:
                person = personhood.evidence(doc, first, last)
            out.append((_Name(start, end, doc[first:last].root.i, "", words, person, maybe,
                              titled=person is not None), first, last))
    out.sort(key=lambda n: n[0].start)
    return out


def _only_a_title(words: tuple[str, ...]) -> bool:
    """A capitalised title with no name ("CEO", "Chief Executive", "Hon") is no actor's
    name."""
    return roles.role_at_end(list(words)) == len(words) or all(w in TITLES for w in words)


_ADDRESS = re.compile(r"://|\bwww\.|\S@\S|\.(?:com|org|net|gov|edu)\b/", re.IGNORECASE)


def _address(surface: str) -> bool:
    """A web or e-mail address the NER took for a name."""
    return _ADDRESS.search(surface) is not None


def _drop_gerund_openers(doc: Doc, names: list[tuple[_Name, int, int]]) -> None:
    """A sentence opening on a gerund runs it into the name after it ("Hosting Cook at the
    summit was a dream", "Meeting Putin in Moscow, Xi ..."): the -ing word is left out of the
    name when the rest ends another, longer name of the article ("Tim Cook") and the word is
    a verb form ("host" + "ing"), not a given name ("Irving", "Sterling")."""
    text = doc.text
    endings: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for n, _, _ in names:
        for k in range(1, len(n.words)):
            endings.setdefault(n.words[-k:], set()).add(n.words)
    for i, (name, first, end) in enumerate(names):
        word = doc[first]
        if (len(name.words) < 2 or not word.is_sent_start or not word.lower_.endswith("ing")
                or not endings.get(name.words[1:], set()) - {name.words}
                or word.lower_ in coref.GIVEN_NAMES
                or not _verb_form(word.lower_)):
            continue
        start = doc[first + 1].idx
        name.start, name.words = start, words_of(text[start:name.end])
        names[i] = (name, first + 1, end)


def _verb_form(word: str) -> bool:
    """Whether an -ing word is a verb's form ("hosting", "meeting", "visiting"): its stem is a
    verb lemma of the parser's own lemmatizer tables (already in memory)."""
    stem = word[:-3]
    stems = {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 2 and stem[-1] == stem[-2] else set())
    return any(s in _verbs() for s in stems if len(s) > 2)


@cache
def _verbs() -> frozenset[str]:
    from newsgraph import nlp

    tables = nlp.load().get_pipe("lemmatizer").lookups
    return frozenset(tables.get_table("lemma_index")["verb"])


WEAK_EVIDENCE_SHARE = 3  # untitled person evidence must reach 1/3 of the other NER labels


def _outweigh_weak_evidence(names: list[tuple[_Name, int, int]],
                            votes: Counter[tuple[str, ...]]) -> None:
    """Person evidence short of a title ("Apple ... in his heart") on a name the NER labels
    something else many times over ("Apple" ORG fifteen times) is dropped: it makes no
    person of the name. Evidence on at least a third of those labels stands."""
    weak = Counter(n.words for n, _, _ in names if n.person is not None and not n.titled)
    for name, _, _ in names:
        if name.person is not None and not name.titled and votes[name.words] < 0 \
                and WEAK_EVIDENCE_SHARE * weak[name.words] < -votes[name.words]:
            name.person = None


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """An upper-case name opening the text or a line and followed by a comma, a dash or "(":
    a dateline's place ("BUFFALO, N.Y. —", "LONDON (Reuters) -")."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words or not all(t.is_upper for t in words) or end >= len(doc):
        return False
    opens = start == 0 or "\n" in doc[start - 1].text_with_ws
    return opens and doc[end].text in (",", "—", "–", "-", "(")


def _after_the(doc: Doc, first: int) -> bool:
    """A name after "the", maybe with an ordinal or number between ("the White House", "the
    13th Amendment", "the 101st Airborne"): no person's name."""
    i = first - 1
    while i >= 0 and (doc[i].like_num or doc[i].ent_type_ in ("ORDINAL", "CARDINAL")):
        i -= 1
    return i >= 0 and doc[i].lower_ == "the"


# words that may follow a comma inside a name ("Acme, Inc.", "Martin Luther King, Jr.")
NAME_AFTER_COMMA = frozenset({"inc", "ltd", "llc", "plc", "co", "corp", "lp", "llp", "jr", "sr",
                              "ii", "iii", "iv"})


POSSESSIVES = ("'s", "’s")


def _parts(ent: Span) -> list[Span]:
    """The names in an NER span, nothing when none is left: its part before any line break
    or colon ("Tamsin Orlowe" of "Tamsin Orlowe\nMore", a headline run into the next
    paragraph; "Apple Arcade" of "Apple Arcade: So") and before a parenthesis it leaves open
    ("… Energy (MOTIE"), without a possessive it opens on ("’s Hoa Lo"); an organisation or a
    person cut at each comma that starts no legal form or suffix and is not in a list after
    "of" (a list the NER ran together: "such as CBS All Access, Disney has"; not "Ministry of
    Trade, Industry and Energy"); and cut at a possessive inside it, the possessed part of a
    person's name being an organisation ("Jeff Bezos’s Blue Origin")."""
    doc = ent.doc
    end = next((t.i for t in ent if "\n" in t.text or t.text == ":"), ent.end)
    begin = ent.start
    while begin < end and doc[begin].lower_ in (*POSSESSIVES, "'", "’"):
        begin += 1
    opening = next((t.i for t in doc[begin:end] if t.text == "("), None)
    if opening is not None and not any(t.text == ")" for t in doc[opening:end]):
        end = opening
    of = next((t.i for t in doc[begin:end] if t.lower_ == "of"), end)
    bounds: list[tuple[int, str]] = [(begin, ent.label_)]  # (first token, label) of each part
    if ent.label_ in ("ORG", "PERSON"):
        bounds += [(t.i + 1, ent.label_) for t in doc[begin:end] if t.text == ","
                   and t.i + 1 < end and t.i < of
                   and doc[t.i + 1].lower_.rstrip(".") not in NAME_AFTER_COMMA]
    bounds += [(t.i + 1, "ORG" if ent.label_ == "PERSON" else ent.label_)
               for t in doc[begin + 1:end - 1] if t.lower_ in POSSESSIVES]
    bounds.sort()
    parts = []
    for (first, label), (stop, _) in zip(bounds, [*bounds[1:], (end, "")], strict=True):
        while stop > first and (doc[stop - 1].is_space or doc[stop - 1].text == ","
                                or doc[stop - 1].lower_ in POSSESSIVES):
            stop -= 1
        if stop > first:
            whole = first == ent.start and stop == ent.end
            parts.append(ent if whole else Span(doc, first, stop, label=label))
    return parts


def _may_be_place(name: str) -> bool:
    """Not an acronym ("the EU's"), no organisation word ("the Acme Bank's")."""
    return not name.isupper() and not any(
        w in roles.ORG_WORDS or w.removesuffix("s") in roles.ORG_WORDS for w in words_of(name))


def _may_be_person(words: tuple[str, ...], labelled: bool = True) -> bool:
    """Evidence weaker than a title does not make a person of a name with an organisation word
    ("Acme Bank"), nor of a name the NER labelled that is a known place ("Santa Fe")."""
    name = " ".join(words)
    return not any(w in roles.ORG_WORDS or w.removesuffix("s") in roles.ORG_WORDS
                   for w in words) and name not in roles.REGIONS \
        and not (labelled and roles.place_country(name) is not None)


def _proper_runs(doc: Doc) -> list[tuple[int, int, bool]]:
    """(first, end, proper) for runs of capitalised proper nouns outside any entity ("Layla
    Sarakalo"), and for lone capitalised common nouns whose word never occurs in lower case in
    the article (proper False: "Sarakalo was trained" tagged as a noun); the latter may only
    join a person already named."""
    lower = {w.strip(".,;:!?\"'()") for w in doc.text.split() if w.islower()}
    runs: list[tuple[int, int, bool]] = []
    first = -1
    for token in doc:
        ok = not token.ent_type_ and token.tag_ == "NNP" and _capitalised(token.text) \
            and token.lower_.rstrip(".") not in TITLES
        if ok and first < 0:
            first = token.i
        elif not ok and first >= 0:
            runs.append((first, token.i, True))
            first = -1
        if not ok and not token.ent_type_ and token.tag_ == "NN" and _capitalised(token.text) \
                and token.lower_ not in lower:  # ("WeWork is …" tagged a noun, too)
            runs.append((token.i, token.i + 1, False))
    if first >= 0:
        runs.append((first, len(doc), True))
    return runs


def _quoted_title(text: str, start: int, end: int) -> bool:
    """The name is all a pair of quotation marks holds: the title of a film, book or show
    (“Mary Poppins,” “Bambi.”), not an actor."""
    if start == 0 or text[start - 1] not in TITLE_OPENERS:
        return False
    after = end
    while after < len(text) and text[after] in ",.!?":
        after += 1
    return (after < len(text) and text[after] in TITLE_CLOSERS
            and not text[after + 1:after + 2].isalpha())


TITLE_OPENERS, TITLE_CLOSERS = "“\"‘", "”\"’"


def _capitalised(word: str) -> bool:
    """Written as a name: a capital first, then some lower case ("Okafor", "McClatchy",
    "DeSantis"; not "NATO")."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])


# organisation words that end people's names too ("Frank Church", "Margaret Court"): a PERSON
# name ending in another one ("Dick Clark Productions", "Acme Group") is an organisation's
SURNAME_ORG_WORDS = frozenset({
    "bank", "house", "church", "court", "press", "times", "union", "congress", "club", "state",
    "league", "team", "label", "studio", "army", "navy", "military", "senate", "news", "radio",
    "television", "giant", "party", "police", "school", "college", "exchange", "office",
    "carrier", "maker"})


def _relabel_companies(doc: Doc, names: list[tuple[_Name, int, int]]) -> None:
    """Names the parse shows to be a company ("X's chief executive", "X shareholders";
    ``roles.company``) or, labelled PERSON, an organisation ("The group that owns her music,
    X, says"; ``roles.organisation``) become ORG, however the NER labelled them (it calls many
    companies GPE or PERSON), unless a mention shows a place or a person (a title, "he") or
    the name is a country's."""
    text = doc.text
    shown = {n.words for n, first, end in names if roles.company(doc, first, end)
             or (n.label in ("PERSON", "") and (roles.organisation(doc, first, end) or (
                 len(n.words) > 1 and n.words[-1] in roles.ORG_WORDS
                 and n.words[-1] not in SURNAME_ORG_WORDS)))}
    if not shown:
        return
    for n, _, _ in names:
        if n.words in shown and (n.place is not None or n.person is not None
                                 or roles.country_of(text[n.start:n.end]) is not None):
            shown.discard(n.words)
    for n, _, _ in names:
        if n.words in shown:
            n.label, n.maybe = "ORG", False


def _fuller(words: tuple[str, ...], people: list[Cluster]) -> Cluster | None:
    """The one person known only by a surname that ends this fuller name ("Elisabet Ney" for a
    "Ney" the NER labelled PERSON); the person's words become the fuller name."""
    if len(words) < 2:
        return None
    cands = [c for c in people if len(c.words) == 1 and c.words[0] == words[-1]]
    if len(cands) != 1 or any(c.words[:1] == words[:1] for c in people if len(c.words) > 1):
        return None
    cands[0].words = words
    return cands[0]


def run(doc: Doc, found: Found) -> tuple[Entity, ...]:
    text = doc.text
    names = _names(doc)
    _drop_gerund_openers(doc, names)
    places = placehood.relabel([(n.words, n.label, n.place, n.person is not None)
                                for n, _, _ in names if n.label in ("PERSON", "ORG")])
    for name, _, _ in names:
        if name.words in places and name.label in ("PERSON", "ORG"):
            name.label, name.maybe = "GPE", False
    _relabel_companies(doc, names)
    # nobody's name takes "the": a name the text writes once as "the Sabres" or "the Huffington
    # Post" is no person's wherever the NER says so ("Sabres captain Jack Eichel")
    the_names = {n.words for n, first, end in names
                 if not n.titled and (doc[first].lower_ == "the" or _after_the(doc, first))
                 and doc[first:end].root.dep_ != "compound"}  # not "the Trump administration"
    for name, _, _ in names:
        if name.words in the_names and name.label == "PERSON" and not name.titled:
            name.label, name.person, name.maybe = "ORG", None, False
    # Person seeds, longest first: names with person evidence, and names the NER labels
    # PERSON at least as often as anything else.
    votes: Counter[tuple[str, ...]] = Counter()
    for name, _, _ in names:
        if name.label:
            votes[name.words] += 1 if name.label == "PERSON" else -1
    _outweigh_weak_evidence(names, votes)
    # a name the parse shows as an organisation once ("X is one of the companies bidding",
    # "X, a defence firm") has no person evidence short of a title, nor does coref try it
    organised = {n.words for n, first, end in names if n.label in OVERRIDABLE
                 and roles.organisation(doc, first, end)}
    for name, _, _ in names:
        if name.words in organised and not name.titled:
            name.person = None
    # (dict, not set: people of equal length keep the order they are first named in, so that a
    # bare "Clinton" before both "Hillary Clinton" and "Bill Clinton" never depends on hashing)
    seeds = sorted(dict.fromkeys(n.words for n, _, _ in names if n.person is not None
                                 or (n.label == "PERSON" and votes[n.words] >= 0)),
                   key=len, reverse=True)
    people: list[Cluster] = []
    for words in seeds:
        if pick(words, people, first_name=True) is None:
            people.append(Cluster(words, "PERSON"))
    acronyms: dict[str, tuple[str, ...]] = {}
    for name, _, end in names:
        if name.label == "ORG" and len(name.words) > 1:
            initials = "".join(w[0] for w in name.words if w not in ACRONYM_SKIP)
            if len(initials) > 1:
                acronyms.setdefault(initials, name.words)
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                    and doc[end + 1].is_upper and doc[end + 1].is_alpha:
                acronyms.setdefault(doc[end + 1].lower_, name.words)  # "Ministry of … (MOTIE)"
    others: dict[tuple[str, ...], Cluster] = {}
    bare: list[tuple[tuple[str, ...], Mention, bool]] = []
    maybe: set[int] = set()
    # a name the NER calls a place or an organisation that the parse shows as a place once
    # ("the fuel depot in Senkata"; a travel cue, "went to X", may be a person's) is no person
    # for coref to try
    placed = {n.words for n, first, end in names if n.label in OVERRIDABLE and n.person is None
              and _may_be_place(text[n.start:n.end])
              and placehood.cue(doc, first, end, travel=False)}
    placed |= organised
    for name, first, _ in names:
        mention = Mention(text[name.start:name.end], name.start, name.end, "name")
        label, words = name.label, name.words
        person = label in ("PERSON", "") or name.person is not None
        cluster = None
        if person or (label in OVERRIDABLE and words not in places):
            cluster = pick(words, people, first_name=person) or _fuller(words, people)
            # a PERSON label the name's other mentions outvote makes no person of it
            # ("Chelsea explosion" PERSON once, "in Chelsea" ORG three times)
            if cluster is None and (name.person is not None
                                    or (label == "PERSON" and votes[words] >= 0)):
                cluster = Cluster(words, "PERSON")
                people.append(cluster)
        if cluster is not None:
            if name.person in ("m", "f") and cluster.gender is None and coref.GIVEN_NAMES.get(
                    cluster.words[0].lower(), name.person) == name.person:  # not "Melanie": m
                cluster.gender = name.person
            if label:
                for said in (roles.premodifier(doc, first), roles.attached(doc, name.root)):
                    if said is not None:
                        cluster.describe(*said)
            cluster.add(mention, "PERSON")
            continue
        if not label:  # kept only if it turns out to be a person
            bare.append((words, mention, name.maybe))
            continue
        key = words
        if len(words) == 1 and mention.text.isupper() and words[0] in acronyms:
            key = acronyms[words[0]]
        cluster = others.get(key)
        if cluster is None:
            cluster = others[key] = Cluster(key, label)
            if name.maybe and label in OVERRIDABLE and _may_be_person(key) \
                    and key not in placed:
                maybe.add(id(cluster))
        cluster.add(mention, label)
    owners = _administrative(doc, names, others)
    companies = _legal_forms(others)
    for cluster in others.values():
        cluster.type = cluster.labels.most_common(1)[0][0]
    people = [c for c in people if c.mentions]
    people += _taking_he_she(doc, people, others, bare, maybe)
    _missed_mentions(bare, people, others, companies)
    states = {n.words for n, _, _ in names if n.place == "state"}
    for cluster in others.values():
        _place_and_org(cluster, cluster.words in states)
        if cluster.type in ("GPE", "LOC") and cluster.country is None:
            cluster.country = owners.get(cluster.words)  # "China's Inner Mongolia"
    unresolved: list[Cluster] = []
    groups = descriptions.attach(doc, people, unresolved)
    described = descriptions.appositives(doc, people)  # "The suspect, Owen Marsh, ..."
    body_descriptions.organisations(doc, list(others.values()))
    body_descriptions.places(doc, list(others.values()))
    actors = people + list(others.values()) + groups
    actors += descriptions.speakers(doc, actors, unresolved)
    # "A doctor said ... the doctor said", "The suspect, X, ... the suspect said"
    descriptions.same_head(doc, actors, unresolved, described)
    # descriptions of nobody named ("The Queen ... She") compete for pronouns; what they win
    # stays unlinked rather than going to the wrong actor
    competing = actors + unresolved
    links = coref.resolve(doc, [_anchor(doc, c) for c in competing])
    # a description of nobody named whose pronoun speaks ("The former governor ... He said")
    # becomes an actor, as "the senator said" does
    speaking = descriptions.speaking(doc, [(k.start, competing[k.anchor]) for k in links
                                           if k.anchor >= len(actors)])
    live = {id(c) for c in actors + speaking}
    actors += speaking
    for link in links:
        cluster = competing[link.anchor]
        if id(cluster) not in live:
            continue
        if not any(m.start < link.end and link.start < m.end for m in cluster.mentions):
            cluster.mentions.append(
                Mention(text[link.start:link.end], link.start, link.end, "pronoun"))
    for cluster, mention in described:
        if not overlaps(cluster, mention.start, mention.end):
            cluster.mentions.append(mention)
    writer = descriptions.narrator(doc, actors)
    quoted = coref.quoted_starts(doc)
    if writer is None:
        return _entities(actors, len(text), quoted)
    entities = _entities([*actors, writer], len(text), quoted)
    name = found.article.author or NARRATOR_NAME
    first = min(m.start for m in writer.mentions)
    return tuple(replace(e, name=name) if e.mentions[0].start == first else e for e in entities)


def _missed_mentions(bare: list[tuple[tuple[str, ...], Mention, bool]], people: list[Cluster],
                     others: dict[tuple[str, ...], Cluster],
                     companies: dict[tuple[str, ...], Cluster]) -> None:
    """A proper noun the NER missed that is spelt as a name it labelled elsewhere ("McClatchy
    reported a loss" beside "Sacramento-based McClatchy", an ORG), or as a company's name
    without its legal form ("Veltrano" of "Veltrano Inc."), is a mention of that actor,
    unless a person took it."""
    for words, mention, _ in bare:
        cluster = others.get(words)
        if cluster is None and words in companies:
            company = companies[words]
            cluster = company if others.get(company.words) is company else None
        if cluster is None or any(m.start < mention.end and mention.start < m.end
                                  for c in people for m in c.mentions):
            continue
        if all(m.start != mention.start for m in cluster.mentions):
            cluster.add(mention, cluster.type)


PLACE_LABELS = frozenset({"GPE", "LOC"})


def _administrative(doc: Doc, names: list[tuple[_Name, int, int]],
                    others: dict[tuple[str, ...], Cluster]) -> dict[tuple[str, ...], str]:
    """A place named with a generic administrative ending ("Inner Mongolia Autonomous
    Region", "Sichuan Province") and by the bare name ("Inner Mongolia") is one actor (not when
    the bare name is a known city or country: "Kiev Oblast" is not Kiev), a GPE when the NER
    typed neither a place and the ending makes one ("Province"). Returns the country
    the text gives each place name ("north China's Inner Mongolia", "Kherson, Ukraine")."""
    owners: dict[tuple[str, ...], str] = {}
    for name, first, end in names:
        if name.words not in owners:
            code = placehood.owner(doc, first, end)
            if code is not None:
                owners[name.words] = code
    for key in list(others):
        short, place = placehood.bare(key)
        if short is None or short not in others \
                or roles.place_country(" ".join(short)) is not None:
            continue
        full, plain = others[key], others[short]
        labels = {full.labels.most_common(1)[0][0], plain.labels.most_common(1)[0][0]}
        if not (place or labels & PLACE_LABELS) or not labels <= PLACE_LABELS | {"ORG", "FAC"}:
            continue
        _absorb(full, plain)
        if place and not full.labels.keys() & PLACE_LABELS:  # "X Autonomous Region" as FAC
            full.labels["GPE"] = full.labels.total()
        del others[short]
        if key not in owners and short in owners:
            owners[key] = owners[short]
    return owners


# a company's legal form after its name: "McClatchy Co." and "McClatchy" are one company
LEGAL_FORMS = frozenset({"co", "corp", "corporation", "inc", "incorporated", "ltd", "limited",
                         "llc", "plc", "lp", "llp", "ag", "sa", "nv", "bv", "gmbh", "company"})


def _legal_forms(others: dict[tuple[str, ...], Cluster]) -> dict[tuple[str, ...], Cluster]:
    """An organisation named with a legal form ("McClatchy Co.", "Acme Inc.", "Veltro Ltd")
    and by the bare name ("McClatchy") or by one distinctive word of it ("Disney" of "Walt
    Disney Co.", "Harvard" of "Harvard University", when no other such organisation has the
    word) is one actor, under the fuller name.
    Returns each such organisation by its bare name words (for proper nouns the NER
    missed)."""
    bare: dict[tuple[str, ...], Cluster] = {}
    for key in list(others):
        if len(key) < 2 or key[-1] not in LEGAL_FORMS or key not in others \
                or others[key].labels.most_common(1)[0][0] != "ORG":
            continue
        full, short = others[key], key[:-1]
        bare[short] = full
        if short in others:
            _absorb(full, others.pop(short))
    # "Walt Disney Co." ... "Disney", "Harvard University" ... "Harvard": the one organisation
    # named with a legal form or an organisation word whose name holds the word (not a generic
    # word of names, nor a place's name)
    holders: dict[str, list[Cluster]] = {}
    named = [(short, full) for short, full in bare.items() if len(short) > 1]
    named += [(key, c) for key, c in others.items() if len(key) > 1 and key[-1] in roles.ORG_WORDS
              and c.labels.most_common(1)[0][0] == "ORG" and all(c is not f for _, f in named)]
    for short, full in named:
        for word in set(short):
            holders.setdefault(word, []).append(full)
    for word, fulls in holders.items():
        plain = others.get((word,))
        if (len(fulls) != 1 or plain is None or plain in fulls or word in roles.ORG_WORDS
                or len(word) < 3 or plain.labels.most_common(1)[0][0] != "ORG"
                or roles.place_country(word) is not None):
            continue
        _absorb(fulls[0], others.pop((word,)))
        bare[(word,)] = fulls[0]
    return bare


def _absorb(full: Cluster, plain: Cluster) -> None:
    full.mentions.extend(plain.mentions)
    full.labels.update(plain.labels)


def _anchor(doc: Doc, cluster: Cluster) -> coref.Anchor:
    """A cluster as coref sees it. A name whose every mention is a plural noun ("the
    Wallabies", "the Americans") is plural; a nationality is an antecedent only where it names
    people ("the Americans"), not as an adjective ("American officials")."""
    if cluster.type in ("PERSON", "GROUP"):
        return coref.Anchor([(m.start, m.end) for m in cluster.mentions], cluster.type,
                            plural=cluster.plural, gender=cluster.gender)
    spans, plurals = [], []
    for m in cluster.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        if cluster.type == "NORP" and (span.root.pos_ not in ("PROPN", "NOUN")
                                       or span.root.dep_ in ("amod", "compound")):
            continue
        spans.append((m.start, m.end))
        plurals.append(span.root.tag_ in ("NNPS", "NNS"))
    return coref.Anchor(spans, cluster.type, plural=bool(plurals) and all(plurals),
                        gender=cluster.gender)


def _taking_he_she(doc: Doc, people: list[Cluster], others: dict[tuple[str, ...], Cluster],
                   bare: list[tuple[tuple[str, ...], Mention, bool]],
                   maybe: set[int]) -> list[Cluster]:
    """Names that could be people (``maybe`` clusters, proper nouns the NER missed) and take a
    he/she pronoun when offered to coref as people: they become people (removed from
    ``others``). A missed proper noun rides with the candidate it names ("Castillo" with
    "Hugo Castillo"); missed proper nouns naming no candidate form their own, longest first."""
    text = doc.text  # built anew on every access: read it once
    if not personhood.HE_SHE.search(text):
        return []
    candidates = [c for c in others.values() if id(c) in maybe]
    for words, _, could in sorted(bare, key=lambda b: len(b[0]), reverse=True):
        if could and pick(words, candidates, first_name=True) is None:
            cluster = Cluster(words, "")
            candidates.append(cluster)
            maybe.add(id(cluster))
    riders: dict[int, list[Mention]] = {}
    for words, mention, _ in bare:
        host = pick(words, candidates, first_name=True)
        if host is not None:
            riders.setdefault(id(host), []).append(mention)
    candidates = [c for c in candidates if c.mentions or id(c) in riders]
    if not candidates:
        return []
    trial = people + [c for c in others.values() if id(c) not in maybe] + candidates
    anchors = [coref.Anchor([(m.start, m.end) for m in c.mentions + riders.get(id(c), [])],
                            "PERSON" if id(c) in maybe else c.type, gender=c.gender)
               for c in trial]
    won: dict[int, int] = {}  # he/she pronouns won, per candidate (in first-won order)
    for link in coref.resolve(doc, anchors):
        cluster = trial[link.anchor]
        if id(cluster) in maybe and personhood.GENDERED.get(text[link.start:link.end].lower()):
            won[link.anchor] = won.get(link.anchor, 0) + 1
    # a name the NER labelled something else many times over stays what it was labelled
    # ("Apple" ORG ten times that wins one "his")
    out = [trial[i] for i, n in won.items()
           if WEAK_EVIDENCE_SHARE * n >= len(trial[i].mentions)]
    for cluster in out:
        cluster.type = "PERSON"
        for mention in riders.get(id(cluster), []):
            cluster.add(mention, "")
        if others.get(cluster.words) is cluster:
            del others[cluster.words]
    for key, cluster in list(others.items()):  # the same name under another label
        person = pick(key, out) if out and cluster.type in OVERRIDABLE else None
        if person is not None:
            for mention in cluster.mentions:
                person.add(mention, "PERSON")
            del others[key]
    return out


def _place_and_org(cluster: Cluster, state: bool = False) -> None:
    """Country of a place from its name; country and sector of an organisation from its words
    ("Mexican Army" -> MEX, MIL). A place with a government ("X's Prime Minister", ``state``)
    is a country: a town of the same name in the gazetteer is not it."""
    name = " ".join(cluster.words)
    if cluster.type == "LOC":  # a sea, range, region or planet is no town of its name
        cluster.country = roles.country_of(name)  # ("Jupiter" is not Jupiter, Florida)
        return
    if cluster.type == "GPE":
        cluster.country = roles.country_of(name) if state else roles.place_country(name)
        return
    if cluster.type == "NORP":
        cluster.country = roles.country_of(name)
        return
    if cluster.type == "ORG":
        for i, word in enumerate(cluster.words):
            for n in (2, 1):
                code = roles.country_of(" ".join(cluster.words[i:i + n]))
                if code and cluster.country is None:
                    cluster.country = code
            org = roles.ORG_WORDS.get(word)
            hit = roles.ROLES.get(word)
            if cluster.sector is None and (org or hit):
                cluster.sector = org[0] if org else hit[1]  # type: ignore[index]


def _salience(mentions: tuple[Mention, ...], type_: str, length: int) -> float:
    """Unnormalised salience: mentions weighted by kind (a name counts more than a pronoun),
    scaled up when the actor is first mentioned early in the text."""
    weight = sum(KIND_WEIGHT.get(m.kind, 1.0) for m in mentions)
    early = 1.0 - mentions[0].start / max(length, 1)
    return weight * (1.0 + W_EARLY * early) * TYPE_WEIGHT.get(type_, 1.0)


ARTICLES = ("a ", "an ", "the ")


def _display_name(mentions: tuple[Mention, ...], quoted: frozenset[int] = frozenset()) -> str:
    """The longest name, written outside quotation marks when it ever is (a quoted tweet's
    "Crooked Hillary Clinton" is not her name; ``quoted``: starts of quoted tokens); an actor
    never named is called by its fullest description, never by a pronoun ("investors", not
    "themselves"), and by the first of equally full ones ("A doctor ... the doctor")."""
    names = [m for m in mentions if m.kind == "name"]
    if names:
        names = [m for m in names if m.start not in quoted] or names
        return max(names, key=lambda m: len(m.text)).text
    described = [m for m in mentions if m.kind != "pronoun"] or list(mentions)

    def fullness(m: Mention) -> int:
        text = m.text.lower()
        return len(text) - next((len(a) for a in ARTICLES if text.startswith(a)), 0)

    return max(described, key=fullness).text


def _entities(clusters: list[Cluster], length: int,
              quoted: frozenset[int] = frozenset()) -> tuple[Entity, ...]:
    """Entities in order of first mention; salience normalised to sum to 1."""
    clusters = [c for c in clusters if c.mentions]
    ordered = sorted(clusters, key=lambda c: min(m.start for m in c.mentions))
    mentions = [tuple(sorted(c.mentions, key=lambda m: m.start)) for c in ordered]
    raw = [_salience(ms, c.type, length) for c, ms in zip(ordered, mentions, strict=True)]
    total = sum(raw) or 1.0
    out = []
    for i, (cluster, ms, r) in enumerate(zip(ordered, mentions, raw, strict=True), 1):
        out.append(Entity(id=f"E{i}", name=_display_name(ms, quoted), type=cluster.type,
                          country=cluster.country, role=cluster.role, sector=cluster.sector,
                          salience=round(r / total, 4), mentions=ms))
    return tuple(out)
