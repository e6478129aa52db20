"""Names: the NER spans and proper-noun runs of a document that name someone, cleaned, with the
person evidence around each (a title before it, an honorific inside it, a he/she that takes
it). The actors stage (stages/actors.py) types and clusters them. Decisions (tests rely on
them):

- a span is cut at a line break, a colon, a parenthesis it leaves open and a possessive inside
  it, and at commas that start no legal form and stand in no list after "of" (``_parts``); it
  never opens on a possessive nor ends in one, a dash or whitespace (``_trim``);
- not names: quoted titles, web and e-mail addresses, lone letters, all-lower-case spans and a
  title with no name ("CEO", "Hon");
- a person could hide behind the NER's other labels, but not behind a nationality or creed,
  an acronym or a name after "the"; weak person evidence does not make a person of a name
  with an organisation word or of a known place.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsgraph.lexicons import rows
from newsgraph.stages import coref, personhood, placehood, roles, text_of
from newsgraph.stages.clusters import words_of
from newsgraph.stages.quote_cues import reporting_verbs, title_words, verb_lemma

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
TITLES = roles.PERSON_TITLES
# honorifics that spaCy sometimes puts inside a PERSON span and that are never part of a name
# words whose full stop is their own ("Corp.", "Bros."): never cut from a name
ABBREVIATIONS = frozenset({"corp", "bros", "dept", "univ", "assn", "intl", "govt", "prof",
                           "capt", "sgt", "supt", "insp", "gen", "col", "lt", "maj"})
ROLE_WORDS_KEPT = {"king", "queen", "prince", "princess", "pope", "lord", "lady", "dame", "sir"}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without a trailing dash or possessive ('s, ’s, s') or leading 'the ', nor a
    leading symbol ("® Honey", "• Acme")."""
    while end - start > 2 and text[end - 1] in " -–—":  # "Vanita Gupta -"
        end -= 1
    span = text[start:end]
    for suffix in ("'s", "’s", "'", "’"):
        if span.endswith(suffix) and len(span) > len(suffix) + 1:
            end -= len(suffix)
            break
    while end > start and text[end - 1].isspace():  # "Hong Kong '" (an opening quote mark)
        end -= 1
    last = text[start:end].split()[-1] if end > start else ""
    if last.endswith(".") and "." not in last[:-1] and (end == len(text) or text[end].isspace()) \
            and ((len(last) > 4 and last[:-1].lower() not in ABBREVIATIONS)
                 or re.search(rf"\b{re.escape(last[:-1])}\b(?!\.)", text)):
        end -= 1  # a sentence's full stop the tokenizer left on the name ("… and SpaceX.",
        # "Mo is Mo.": a short one only when the text has the word without it)
    span = text[start:end]
    if span.lower().startswith("the ") and len(span) > 4:
        start += 4
    while end - start > 1 and not text[start].isalnum() and text[start] not in "\"'‘“(@#":
        start += 1
    return start, end


def _title_before(doc: Doc, index: int) -> str | None:
    """Gender code (m/f/x) of a person title right before token ``index``, else None."""
    if index == 0:
        return None
    word = doc[index - 1].lower_.rstrip(".")
    if word in ("", ",") and index > 1:  # "Mr. X" split as "Mr" "."; appositive "President, X"
        word = doc[index - 2].lower_.rstrip(".")
    return TITLES.get(word)


def _generic_person(doc: Doc, first: int, end: int) -> bool:
    """"Man charged after shooting": a headline's capitalised common noun for someone, which
    the NER took for a name."""
    return end - first == 1 and personhood.generic(doc[first])


def _inverted_cue(doc: Doc, first: int, end: int) -> bool:
    """"Said another user: …", "Added the minister, …": a reporting verb opening its sentence
    before its subject, which the NER took for a name ("Said")."""
    word = doc[first]
    return end - first == 1 and word.is_sent_start and word.tag_ in ("VBD", "VBZ") \
        and verb_lemma(word) in reporting_verbs() and end < len(doc) \
        and doc[end].tag_ in ("DT", "PRP$")


def _person_noun_before(doc: Doc, index: int) -> str | None:
    """Gender code of a lower-case person noun right before token ``index`` that modifies it
    ("Welsh swimmer Georgia Davies", "actress Jane Roe"), else None: person evidence for a
    name the NER labels something else."""
    word = doc[index - 1] if index > 0 else None
    if word is None or not word.is_lower or word.tag_ != "NN" or (
            word.head.i < index and word.dep_ not in ("ROOT", "nsubj", "appos")):
        return None  # (not an object before a name: "told the reporter CNN had …"; but a
        # parse that leaves the noun its own head: "GOP presidential candidate Carly Fiorina")
    return personhood.noun_before(doc, index)


class Name:
    """A name occurrence: an NER entity (``label``) or a proper-noun run the NER missed
    (``label`` ""), with its span, match words and person evidence (gender m/f/x or None)."""

    __slots__ = ("end", "label", "maybe", "person", "place", "root", "start", "titled", "words")

    def __init__(self, start: int, end: int, root: int, label: str, words: tuple[str, ...],
                 person: str | None, maybe: bool = False, place: str | None = None,
                 titled: bool = False) -> None:
        self.start, self.end, self.root, self.label = start, end, root, label
        self.words, self.person, self.maybe, self.place = words, person, maybe, place
        self.titled = titled  # the person evidence is a title or honorific ("Ms", "Gen.")


def names_in(doc: Doc) -> list[tuple[Name, int, int]]:
    """(name, first token, end token) for every kept NER entity and proper-noun run, in order."""
    text = text_of(doc)
    out: list[tuple[Name, int, int]] = []
    ents = _particle_names(doc, [_with_leading_name(doc, whole) for whole in doc.ents
                                 if whole.label_ in KEEP])
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    for ent in (part for whole in ents for part in _parts(whole)):
        if ent.start > 1 and _name_hyphen(doc[ent.start - 1]):  # "Eva-" before "Marie X"
            ent = Span(doc, ent.start - 2, ent.end, label=ent.label)
        start, end = _trim(text, ent.start_char, ent.end_char)
        if _quoted_title(text, start, end) or text[start:end].islower():
            continue  # (all lower case: a word the NER took for a name, "fed", "n’t", "state")
        title = _title_before(doc, ent.start) or (
            _person_noun_before(doc, ent.start) if ent.label_ != "PERSON" else None)
        first = ent.start
        the = doc[first].lower_ == "the"
        if the and ent.end - first > 2:  # "the Emperor Alexius": a person noun heading the
            title = personhood.PERSON_NOUNS.get(doc[first + 1].lower_) or title  # name
        if doc[first].lower_ in ("a", "an") and first < ent.end - 1:  # "An Associated Press
            first += 1  # journalist": an article is never part of a name
            start = doc[first].idx
        # an honorific inside the name span ("Ms Clinton") is title evidence, not name
        while first < ent.end - 1 and doc[first].lower_.rstrip(".") in TITLES \
                and doc[first].lower_.rstrip(".") not in ROLE_WORDS_KEPT \
                and not (ent.end - first == 2 and doc[first + 1].lower_ in roles.ORG_WORDS):
            # (not "Premier League": a title and an organisation word are a name)
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
        # and so is a nationality before a name ("the Spaniard Rodri", labelled NORP)
        while ent.end - first >= 2 and doc[first].is_title \
                and doc[first].lower_ in coref.NATIONALITY_NOUNS:
            title = coref.NATIONALITY_NOUNS[doc[first].lower_]
            first += 1
            start = doc[first].idx
        words = words_of(text[start:end])
        if not words or _address(text[start:end]) or (len(words) == 1 and len(words[0]) == 1):
            continue  # (a lone letter: "Neither do I." is no organisation "I.")
        if coref.person_epithet(doc[ent.end - 1]) is not None:
            continue  # "the Dutchman": someone named elsewhere, for coref to find
        if ent.end - first == 1 and ent.end < len(doc) and roles.only_a_title(
                [doc[first].lower_, doc[ent.end].lower_]):
            continue  # "Press secretary Karine Jean-Pierre": a title's first word
        surface = text[start:end]
        if ent.label_ in ("GPE", "LOC") and len(surface) <= 3 and surface.isupper() \
                and roles.place_country(surface) is None:
            continue  # "AI chips": an acronym the NER took for a place no one knows
        if first > 1 and doc[first - 1].lower_ == "of" and roles.only_a_title(
                [t.lower_ for t in doc[first - 2 : ent.end]]) and not roles.only_a_title(words):
            continue  # "Secretary of [State]": part of a title
        if (ent.label_ == "ORG" or all(w in TITLES for w in words)) and roles.only_a_title(words):
            continue  # "one neo-bank CEO told me": a title, the description's to read
        if _caption_noun(doc, first, ent.end) or _currency(doc, first, ent.end) \
                or _inverted_cue(doc, first, ent.end) or _generic_person(doc, first, ent.end):
            continue
        person = title
        # a person could hide behind the NER's other labels, but not behind a nationality or
        # creed, an acronym ("BA") or a name after "the" ("the White House")
        maybe = ent.label_ != "NORP" and may_be_person(words) \
            and personhood.referent(doc[first:ent.end].root) \
            and not (len(words) == 1 and text[start:end].isupper()) \
            and not after_the(doc, ent.start) \
            and not (the and title is None)
        if person is None and maybe:
            person = personhood.evidence(doc, first, ent.end) or _given_name(words, ent.label_)
        place = None
        if ent.label_ in ("PERSON", "ORG") and person is None and may_be_place(text[start:end]):
            place = placehood.cue(doc, first, ent.end)
        label = ent.label_
        if label == "ORG" and _particle_inside(doc, first, ent.end):
            label = "PERSON"  # "Borja del Pozo Cruz" (ORG): a person's name
        opening = _dateline(doc, first, ent.end) if label in ("NORP", "ORG", "") or (
            label == "PERSON" and _place_after(doc, ent.end)) else None
        if opening is not None:
            label = "GPE"  # "BUFFALO, N.Y. —": the place the story was filed from
            if opening < first:  # "PORTO ALEGRE, Brazil": the NER took only "ALEGRE"
                first, start = opening, doc[opening].idx
                words = words_of(text[start:end])
        out.append((Name(start, end, ent.root.i, label, words, person, maybe, place,
                          titled=title is not None), first, ent.end))
    for first, last, proper in _proper_runs(doc, taken):
        first = _given_name_start(doc, first, last)
        if first > 0 and doc[first - 1].lower_ in PARTICLES and doc[first - 1].is_lower and (
                first == 1 or not doc[first - 2].is_alpha):  # "…,” del Pozo Cruz said"
            first -= 1
        start, end = _trim(text, doc[first].idx, doc[last - 1].idx + len(doc[last - 1]))
        words = words_of(text[start:end])
        if words and not _address(text[start:end]) and not _quoted_title(text, start, end) \
                and not roles.only_a_title(words) and not _currency(doc, first, last):
            personish = may_be_person(words, labelled=False)
            # ("Premier League": "League" after the title word "Premier" is no person)
            person = _title_before(doc, first) if personish else None
            maybe = proper and personish and personhood.referent(
                doc[first:last].root) and not after_the(doc, first)
            if person is None and maybe:
                person = personhood.evidence(doc, first, last) or _given_name(words, "")
            out.append((Name(start, end, doc[first:last].root.i, "", words, person, maybe,
                              titled=person is not None), first, last))
    out.sort(key=lambda n: n[0].start)
    _drop_kind_words(doc, out)
    return out


def _drop_kind_words(doc: Doc, names: list[tuple[Name, int, int]]) -> None:
    """A kind of company opening a name ("Chipmaker Veltrix to cut jobs", "Automaker Ford")
    is no part of it when the rest opens another name of the text ("Veltrix Inc."): the
    kind is dropped ("Giant Eagle", named so throughout, keeps its word)."""
    for i, (name, first, end) in enumerate(names):
        rest = name.words[1:]
        if len(rest) < 1 or name.words[0] not in roles.ORG_KINDS or end - first < 2 \
                or not doc[first].is_title:
            continue
        if any(other.words[:len(rest)] == rest for other, _, _ in names if other is not name):
            name.start, name.words = doc[first + 1].idx, rest
            name.label, name.person, name.maybe = "ORG", None, False  # (the kind says so)
            names[i] = (name, first + 1, end)


_ADDRESS = re.compile(r"://|\bwww\.|\S@\S|\.(?:com|org|net|gov|edu)\b/", re.IGNORECASE)


def _address(surface: str) -> bool:
    """A web or e-mail address the NER took for a name."""
    return _ADDRESS.search(surface) is not None


def _currency(doc: Doc, first: int, end: int) -> bool:
    """A short capitalised word right before an amount ("Rs 25 lakh", "Dh 500"): a currency."""
    word = doc[first].text
    return end - first == 1 and len(word) <= 3 and word[1:].islower() and end < len(doc) \
        and doc[end].like_num  # (not "BBC 4", "UFC 229")


def _caption_noun(doc: Doc, first: int, end: int) -> bool:
    """A lone person noun opening a line before a colon ("Victim: Oisin Tymon told police
    …", a photo caption's tag) is no name, though the NER may take it for one."""
    if end - first != 1 or end >= len(doc) or doc[end].text != ":":
        return False
    word = doc[first].lower_
    return (word in personhood.PERSON_NOUNS and word not in coref.GIVEN_NAMES
            and (first == 0 or "\n" in doc[first - 1].text))


def drop_gerund_openers(doc: Doc, names: list[tuple[Name, int, int]]) -> None:
    """A sentence (or quotation) opening on a gerund runs it into the name after it ("Hosting
    Cook at the summit was a dream", "“Protecting American innovation ..."): the -ing word is
    left out of the name when the rest is, or ends, another name of the article ("Tim Cook",
    "American") and the word is a verb form ("host" + "ing"), not a given name ("Irving",
    "Sterling")."""
    text = text_of(doc)
    endings: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for n, _, _ in names:
        for k in range(1, len(n.words)):
            endings.setdefault(n.words[-k:], set()).add(n.words)
    named = {n.words for n, _, _ in names}
    for i, (name, first, end) in enumerate(names):
        word = doc[first]
        opens = word.is_sent_start or (first > 0 and doc[first - 1].is_quote
                                       and doc[first - 1].is_sent_start)  # “Protecting X …
        if (len(name.words) < 2 or not opens or not word.lower_.endswith("ing")
                or not (endings.get(name.words[1:], set()) - {name.words}
                        or name.words[1:] in named)
                or word.lower_ in coref.GIVEN_NAMES
                or not _verb_form(word.lower_)):
            continue
        start = doc[first + 1].idx
        name.start, name.words = start, words_of(text[start:name.end])
        name.label = next((n.label for n, _, _ in names  # what the NER calls it elsewhere
                           if n.words == name.words and n is not name), name.label)
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


def outweigh_weak_evidence(names: list[tuple[Name, int, int]],
                            votes: Counter[tuple[str, ...]]) -> None:
    """Person evidence short of a title ("Apple ... in his heart") on a name the NER labels
    something else many times over ("Apple" ORG fifteen times) is dropped: it makes no
    person of the name. Evidence on at least a third of those labels stands."""
    weak = Counter(n.words for n, _, _ in names if n.person is not None and not n.titled)
    for name, _, _ in names:
        if name.person is not None and not name.titled and votes[name.words] < 0 \
                and WEAK_EVIDENCE_SHARE * weak[name.words] < -votes[name.words]:
            name.person = None


def _dateline(doc: Doc, start: int, end: int) -> int | None:
    """For an upper-case name opening the text or a line, maybe after more upper-case words,
    and followed by a comma, a dash or "(": a dateline's place ("BUFFALO, N.Y. —", "LONDON
    (Reuters) -", "PORTO ALEGRE, Brazil"), the index of its first word; else None."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words or not all(t.is_upper for t in words) or end >= len(doc) \
            or doc[end].text not in (",", "—", "–", "-", "("):
        return None
    while doc[end].text in (",", "(") and start > 0 and "\n" not in doc[start - 1].text_with_ws \
            and doc[start - 1].is_alpha and doc[start - 1].is_upper:
        start -= 1  # ("NHL ICE HOCKEY - FRIDAY'S RESULTS" is a heading: only a place with its
        # country or agency after it is taken whole)
    return start if start == 0 or "\n" in doc[start - 1].text_with_ws else None


def _place_after(doc: Doc, end: int) -> bool:
    """A comma and a place after a name ("SIOUX FALLS, S.D. –"), or a dash or an agency's
    parenthesis: what makes a capitalised dateline the NER called a person a place."""
    if end >= len(doc):
        return False
    if doc[end].text in ("—", "–", "-", "("):
        return True
    return doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].ent_type_ == "GPE"


def after_the(doc: Doc, first: int) -> bool:
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
# a Title Case headline the NER took for one name ends its name before these ("Home Depot
# Stock Is Falling After Its Earnings Release")
AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would",
                         "can", "could", "should", "does", "did"})


def _parts(ent: Span) -> list[Span]:
    """The names in an NER span, nothing when none is left: the names on each side of a line
    break ("Villa" and "Mohamed Salah" of "Villa\n\nMohamed Salah", a headline run into the
    next paragraph; the second unlabelled, for the evidence to type), its part before a
    colon ("Apple Arcade" of "Apple Arcade: So") and before a parenthesis it leaves open
    ("… Energy (MOTIE"), without a possessive it opens on ("’s Hoa Lo"); an organisation or a
    person cut at each comma that starts no legal form or suffix and is not in a list after
    "of" (a list the NER ran together: "such as CBS All Access, Disney has"; not "Ministry of
    Trade, Industry and Energy"); and cut at a possessive inside it, the possessed part of a
    person's name being an organisation ("Jeff Bezos’s Blue Origin")."""
    doc = ent.doc
    brk = next((t.i for t in ent if "\n" in t.text), None)
    if brk is not None:  # a headline run into the next paragraph: a name on each side
        rest = next((t.i for t in doc[brk:ent.end] if not t.is_space), None)
        after = _parts(Span(doc, rest, ent.end, label="")) if rest is not None else []
        return (_parts(Span(doc, ent.start, brk, label=ent.label_)) if brk > ent.start
                else []) + after
    end = next((t.i for t in ent if "\n" in t.text or t.text == ":" or (
        t.i > ent.start and ent.label_ in ("ORG", "PERSON", "GPE") and t.lower_ in AUXILIARIES)
        or "[" in t.text or "]" in t.text), ent.end)
    while end - ent.start > 1 and doc[end - 1].is_alpha and doc[end - 1].is_lower \
            and doc[end - 2].text != "-":  # (not "Cheuk Hau-yip", "Moon Jae-in")
        end -= 1  # a verb the NER ran into the name ("Teresa Nielsen Hayden explained")
    begin = ent.start
    while begin < end and doc[begin].lower_ in (*POSSESSIVES, "'", "’"):
        begin += 1
    opening = next((t.i for t in doc[begin:end] if t.text == "("), None)
    if opening is not None and not any(t.text == ")" for t in doc[opening:end]):
        end = opening
    if _portfolio_before_name(doc, begin, end):  # "Minister for [Sport Aileen Campbell]"
        return [Span(doc, end - 2, end, label="PERSON")]
    posted = _post_before_name(doc, begin, end)
    if posted is not None:  # "envoy to [Ukraine Kurt Volker]": the place, then the person
        return [Span(doc, begin, posted, label="GPE"), Span(doc, posted, end, label="PERSON")]
    of = next((t.i for t in doc[begin:end] if t.lower_ == "of"), end)
    bounds: list[tuple[int, str]] = [(begin, ent.label_)]  # (first token, label) of each part
    if ent.label_ in ("ORG", "PERSON"):
        bounds += [(t.i + 1, ent.label_) for t in doc[begin:end] if t.text == ","
                   and t.i + 1 < end and t.i < of
                   and doc[t.i + 1].lower_.rstrip(".") not in NAME_AFTER_COMMA]
    if ent.label_ == "PERSON":  # ("McDonald's Corp", "People's Daily" are whole names)
        bounds += [(t.i + 1, "ORG") for t in doc[begin + 1:end - 1] if t.lower_ in POSSESSIVES]
    bounds.sort()
    parts = []
    for (first, label), (stop, _) in zip(bounds, [*bounds[1:], (end, "")], strict=True):
        while stop > first and (doc[stop - 1].is_space or doc[stop - 1].text == ","
                                or doc[stop - 1].lower_ in POSSESSIVES):
            stop -= 1
        while stop - first > 1 and post_nominal(doc[stop - 1]):
            stop -= 1  # "John Smith QC": the name ends before the letters
        if stop - first == 1 and post_nominal(doc[first]) and first > 0 \
                and doc[first - 1].ent_type_ == "PERSON":
            continue  # "Guy Kearl [KC]": letters after a name, no organisation
        if stop > first:
            whole = first == ent.start and stop == ent.end
            parts.append(ent if whole else Span(doc, first, stop, label=label))
    return parts


def _post_before_name(doc: Doc, begin: int, end: int) -> int | None:
    """Where the name starts in an NER span that runs the country of a post into its
    holder's name ("special envoy to [Ukraine Kurt Volker]", "ambassador to [North Korea Jo
    Lee]"): after "to" or "in" after a title, a country's name and then two or three
    capitalised words; else None."""
    if begin < 2 or doc[begin - 1].lower_ not in ("to", "in") or not roles.only_a_title(
            [doc[begin - 2].lower_]):
        return None
    for cut in range(begin + 1, min(begin + 4, end - 1)):
        if roles.country_of(doc[begin:cut].text) is not None and 2 <= end - cut <= 3 and all(
                t.is_title and t.pos_ == "PROPN" for t in doc[cut:end]):
            return cut
    return None


def post_nominal(token: Token) -> bool:
    """Letters after a person's name ("KC", "QC", "MP", "OBE"): written in capitals."""
    return token.text.isupper() and token.text.replace(".", "").lower() in POST_NOMINALS


def _portfolio_before_name(doc: Doc, begin: int, end: int) -> bool:
    """An NER span that runs a minister's portfolio into the holder's name ("Minister for
    [Sport Aileen Campbell]", "Secretary of [State for Health Jeremy Hunt]"): it follows
    "for" or "of" after a title, and ends in two capitalised words."""
    if begin < 2 or end - begin < 3 or doc[begin - 1].lower_ not in ("for", "of"):
        return False
    title = begin - 2
    while title > 0 and doc[title].is_title and not roles.only_a_title([doc[title].lower_]):
        title -= 1  # "Secretary of State for …": back to "Secretary"
    if not (doc[title].is_title and roles.only_a_title([doc[title].lower_])):
        return False
    return all(t.is_title and t.pos_ == "PROPN" for t in doc[end - 2:end])


def may_be_place(name: str) -> bool:
    """Not an acronym ("the EU's"), no organisation word ("the Acme Bank's")."""
    return not name.isupper() and not any(
        w in roles.ORG_WORDS or w.removesuffix("s") in roles.ORG_WORDS for w in words_of(name))


def may_be_person(words: tuple[str, ...], labelled: bool = True) -> bool:
    """Evidence weaker than a title does not make a person of a name with an organisation word
    ("Acme Bank"), nor of a name the NER labelled that is a known place ("Santa Fe")."""
    name = " ".join(words)
    return not any(w in roles.ORG_WORDS or w.removesuffix("s") in roles.ORG_WORDS
                   for w in words) and name not in roles.REGIONS \
        and not (labelled and roles.place_country(name) is not None)


def _with_leading_name(doc: Doc, ent: Span) -> Span:
    """An organisation or group the NER cut short of a capitalised proper noun right before
    it ("The Liberal [Democrats]" NORP): the whole name, an organisation; a one-word place
    or organisation after a listed given name ("Ana [Lima]"): a person."""
    k = ent.start
    if ent.label_ in ("GPE", "LOC", "ORG") and len(ent) == 1 and k > 0 \
            and _given_name_before(doc[k - 1]):
        return Span(doc, k - 1, ent.end, label="PERSON")  # "Ana [Lima]": a person
    if ent.label_ not in ("NORP", "ORG"):
        return ent
    while k > 0 and not doc[k - 1].ent_type_ and doc[k - 1].tag_ == "NNP" \
            and _capitalised(doc[k - 1].text) and not doc[k - 1].is_sent_start \
            and not roles.only_a_title([doc[k - 1].lower_]) \
            and doc[k - 1].lower_ not in personhood.PERSON_NOUNS:  # not "U.S. Attorney [X]"
        k -= 1
    return ent if k == ent.start else Span(doc, k, ent.end, label="ORG")


def _particle_inside(doc: Doc, first: int, end: int) -> bool:
    """A name of capitalised words with a lower-case name particle before or between them and
    no organisation word ("Borja del Pozo Cruz", "del Pozo Cruz"; not "Banco del Estado
    Bank")."""
    tokens = doc[first:end]
    return len(tokens) >= 3 and any(
        t.lower_ in PARTICLES and t.is_lower and t.i - first < len(tokens) - 1
        and (t.i == first or doc[t.i - 1].is_title) and doc[t.i + 1].is_title
        for t in tokens) and not any(
        t.lower_ in roles.ORG_WORDS or t.lower_ in ("of", "and", "&") for t in tokens)


def _given_name_before(token: Token) -> bool:
    """A listed given name outside any entity, on the same line as the name after it, that
    is no place itself ("Georgia", "Jordan")."""
    return not token.ent_type_ and token.tag_ == "NNP" and token.is_title \
        and token.lower_ in coref.GIVEN_NAMES and "\n" not in token.text_with_ws \
        and roles.place_country(token.text) is None


PARTICLES = frozenset(r[0].strip() for r in rows("name_particles.tsv"))
POST_NOMINALS = frozenset(r[0].strip() for r in rows("post_nominals.tsv"))
MAX_PARTICLES = 2  # "von der", "de la"


def _particle_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person's name the NER cut at its particles ("[Ursula von der] [Leyen]", "[Erik] ten
    Hag", "[Mohammed bin Abdulrahman] [Al Thani]"): a person span, or a listed given name,
    then one or two lower-case particles, then a capitalised word, become one person span up
    to the end of that word's entity or of the capitalised proper nouns that follow it; so do
    two person spans one space apart, the second opening on a capitalised particle. The
    spans it covers give way."""
    out: list[Span] = []
    k = 0
    while k < len(ents):
        ent = ents[k]
        last = ent.end  # the span may hold the particles already ("[Rafael van der] Vaart")
        while last - 1 > ent.start and doc[last - 1].text in PARTICLES:
            last -= 1
        end = _after_particles(doc, last)
        nxt = ents[k + 1] if k + 1 < len(ents) else None
        if end is None and nxt is not None and ent.label_ == nxt.label_ == "PERSON" \
                and nxt.start == ent.end and doc[ent.end - 1].whitespace_ == " " \
                and doc[nxt.start].text.lower() in PARTICLES and doc[nxt.start].is_title:
            end = nxt.end  # "[Mohammed bin Abdulrahman] [Al Thani]": one name
        if end is None or not (ent.label_ == "PERSON"
                               or doc[last - 1].lower_ in coref.GIVEN_NAMES):
            out.append(ent)
            k += 1
            continue
        k += 1
        while k < len(ents) and ents[k].start < end:  # the surname's own entity, if any
            end = max(end, ents[k].end)
            k += 1
        out.append(Span(doc, ent.start, end, label="PERSON"))
    return out


def _after_particles(doc: Doc, i: int) -> int | None:
    """Where the capitalised rest of a name ends, when tokens from ``i`` are particles then a
    capitalised word on the same line (None otherwise)."""
    j = i
    while j < len(doc) and j - i < MAX_PARTICLES and doc[j].text in PARTICLES \
            and doc[j - 1].whitespace_ == " ":  # (one space: the parse may see a sentence
        j += 1  # start at "von")
    if j == i or j >= len(doc) or doc[j - 1].whitespace_ != " " \
            or not _capitalised(doc[j].text) or doc[j].pos_ not in ("PROPN", "NOUN", "ADJ"):
        return None
    end = j + 1
    while end < len(doc) and doc[end].tag_ == "NNP" and _capitalised(doc[end].text) \
            and doc[end - 1].whitespace_ == " " and doc[end].ent_type_ in ("", "PERSON"):
        end += 1
    return end


NUMERIC_TYPES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT",
                           "MONEY"})  # NER labels a person's surname sometimes gets


def _proper_runs(doc: Doc, taken: set[int] | None = None) -> list[tuple[int, int, bool]]:
    """(first, end, proper) for runs of capitalised proper nouns outside any entity ("Layla
    Sarakalo"), and for lone capitalised common nouns, singular or plural, whose word never
    occurs in lower case in the article (proper False: "Sarakalo was trained", "Petrides
    said" tagged as nouns); the latter may only join a person already named."""
    lower = {w.strip(".,;:!?\"'()") for w in text_of(doc).split() if w.islower()}
    runs: list[tuple[int, int, bool]] = []
    first = -1
    taken = taken or set()
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    for token in doc:
        ok = ((not token.ent_type_ or (token.ent_type_ in NUMERIC_TYPES  # "Scholfield" as
                                       and token.text in surnames))  # a DATE, after "Nick
               # Scholfield"
               and token.i not in taken and token.tag_ == "NNP"
              and _capitalised(token.text)
              and token.lower_.rstrip(".") not in TITLES) or (first >= 0 and _name_hyphen(token))
        if ok and first < 0:
            first = token.i
        elif not ok and first >= 0:
            runs.append((first, token.i, True))
            first = -1
        if not ok and not token.ent_type_ and token.tag_ in ("NN", "NNS") \
                and _capitalised(token.text) and token.lower_ not in lower:
            # ("WeWork is …" tagged a noun, "Petrides said" a plural noun)
            runs.append((token.i, token.i + 1, False))
    if first >= 0:
        runs.append((first, len(doc), True))
    return runs


def _given_name(words: tuple[str, ...], label: str) -> str | None:
    """The gender of a listed given name opening a name of two or more words that no NER
    label types ("Mohamed Salah" cut from a headline run into it), else None."""
    if label or len(words) < 2:
        return None
    gender = coref.GIVEN_NAMES.get(words[0])
    return gender if gender in ("m", "f") else None


def _given_name_start(doc: Doc, first: int, last: int) -> int:
    """Where a person's name starts in a run of capitalised words: at a listed given name with
    a surname after it when no word before it is one ("Public Prosecution Eva-Marie Persson"
    names Eva-Marie Persson), else at the run's start."""
    for k in range(first, last - 1):
        if doc[k].lower_ in coref.GIVEN_NAMES:
            return k
    return first


def _name_hyphen(token: Token) -> bool:
    """A hyphen joining two capitalised given names with no space ("Eva-Marie", "Jean-Pierre";
    not a place's "Saxe-Coburg")."""
    doc, i = token.doc, token.i
    return token.text == "-" and 0 < i < len(doc) - 1 and not token.whitespace_ \
        and not doc[i - 1].whitespace_ and doc[i - 1].is_title and doc[i + 1].is_title \
        and (doc[i - 1].lower_ in coref.GIVEN_NAMES or doc[i + 1].lower_ in coref.GIVEN_NAMES)


def _quoted_title(text: str, start: int, end: int) -> bool:
    """The name is all a pair of quotation marks holds: the title of a film, book or show
    (“Mary Poppins,” “Bambi.”), not an actor; or it is in a short Title Case phrase in marks
    (“Melvin and Howard”, “War & Peace”)."""
    if start > 0 and text[start - 1] in TITLE_OPENERS:
        after = end
        while after < len(text) and text[after] in ",.!?":
            after += 1
        if (after < len(text) and text[after] in TITLE_CLOSERS
                and not text[after + 1:after + 2].isalpha()):
            return True
    opening = start if text[start] in CURLY_OPENERS else max(  # (a span that opens with
        text.rfind(c, max(0, start - TITLE_REACH), start) for c in CURLY_OPENERS)  # the mark)
    closing = min((i for c in CURLY_CLOSERS for i in [text.find(c, end, end + TITLE_REACH)]
                   if i >= 0), default=-1)
    if opening < 0 or closing < 0 or any(c in "”\n" for c in text[opening + 1:start]) or any(
            c in "“\n" for c in text[end:closing]):
        return False
    return title_words(text[opening + 1:closing]) > 1


TITLE_REACH = 60  # characters from a name to the marks of a title around it


TITLE_OPENERS, TITLE_CLOSERS = "“\"‘", "”\"’"
CURLY_OPENERS, CURLY_CLOSERS = "“‘", "”’"  # the marks whose direction is plain


def _capitalised(word: str) -> bool:
    """Written as a name: a capital first, then some lower case ("Okafor", "McClatchy",
    "DeSantis"; not "NATO")."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])
