"""Actors: the names of a document (stages/names.py: NER spans and proper-noun runs, cleaned)
typed and clustered into one entity per real-world actor.

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

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from newsgraph.lexicons import rows
from newsgraph.model import Entity, Mention
from newsgraph.stages import (
    Found,
    body_descriptions,
    coref,
    descriptions,
    personhood,
    placehood,
    roles,
    text_of,
)
from newsgraph.stages.clusters import Cluster, overlaps, pick
from newsgraph.stages.games import score
from newsgraph.stages.names import (
    WEAK_EVIDENCE_SHARE,
    Name,
    after_the,
    drop_gerund_openers,
    may_be_person,
    may_be_place,
    names_in,
    outweigh_weak_evidence,
)
from newsgraph.stages.quote_marks import quoted_starts

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
# organisation words that end people's names too ("Frank Church", "Margaret Court"): a PERSON
# name ending in another one ("Dick Clark Productions", "Acme Group") is an organisation's
SURNAME_ORG_WORDS = frozenset({
    "bank", "house", "church", "court", "press", "times", "union", "congress", "club", "state",
    "team", "label", "studio", "army", "navy", "military", "senate", "news", "radio",
    "television", "giant", "party", "police", "school", "college", "exchange", "office",
    "carrier", "maker"})


CLUB_PREFIXES = frozenset({"fc", "afc", "cf", "ac", "sc"})  # "FC Porto", "AC Milan"


def _relabel_companies(doc: Doc, names: list[tuple[Name, int, int]]) -> None:
    """Names the parse shows to be a company ("X's chief executive", "X shareholders";
    ``roles.company``) or, labelled PERSON, an organisation ("The group that owns her music,
    X, says"; ``roles.organisation``) become ORG, however the NER labelled them (it calls many
    companies GPE or PERSON), unless a mention shows a place or a person (a title, "he") or
    the name is a country's."""
    text = text_of(doc)
    shown = {n.words for n, first, end in names if roles.company(doc, first, end)
             or (len(n.words) > 1 and n.words[-1] in FORCE_WORDS)  # "West Yorkshire Police"
             or (_team(doc, first, end) and (n.label != "PERSON" or roles.place_country(
                 text[n.start:n.end]) is not None))  # (a tennis player beats no one as a club)
             or (n.label in ("PERSON", "") and (roles.organisation(doc, first, end) or (
                 len(n.words) > 1 and ((n.words[-1] in roles.ORG_WORDS
                                        and n.words[-1] not in SURNAME_ORG_WORDS)
                                       or n.words[0] in CLUB_PREFIXES))))}
    for n, _, _ in names:
        if n.words in shown and (n.place is not None or n.person is not None
                                 or roles.country_of(text[n.start:n.end]) is not None):
            shown.discard(n.words)
    named_after = {n.words for n, first, end in names if n.label == "PERSON"
                   and _names_a_place(doc, first, end)} - {
        n.words for n, first, end in names if not _names_a_place(doc, first, end)}
    plain = [n for n, _, _ in names if n.label == "PERSON" and not n.titled
             and n.person is None and len(n.words) > 1]  # ("Maghaberry Prison", "County
    # Antrim": a place however the NER labelled it)
    named_after |= {n.words for n in plain if n.words[-1] in PLACE_ENDINGS}
    regions = {n.words for n in plain if n.words[0] in PLACE_OPENERS}
    papers = {n.words for n, _, _ in names if not n.titled  # (the person evidence of "the
              and _newspaper(n.words, text[n.start:n.end])}  # Herald and the Star" is each
    # other's)
    for n, _, _ in names:
        if n.words in shown or n.words in papers:
            n.label, n.maybe = "ORG", False
        elif n.words in named_after:  # each time ("Walter Reed hospital"): a place
            n.label, n.maybe = "FAC", False
        elif n.words in regions:
            n.label, n.maybe = "GPE", False
        if n.words in papers:
            n.person = None


KNOWN_ORGS = {r[0]: (r[1], None if r[2] == "-" else r[2]) for r in rows("known_orgs.tsv")}
# last words of a newspaper's name after its place ("Miami Herald", "Kansas City Star")
PAPER_WORDS = frozenset({"herald", "star", "post", "times", "tribune", "journal", "gazette",
                         "bee", "chronicle", "examiner", "inquirer", "courier", "dispatch",
                         "observer", "telegraph", "register", "globe", "enquirer", "sentinel"})


PLACE_OPENERS = frozenset({"county", "mount", "lake", "fort", "cape"})  # "County Antrim"
# last words of a place's name that no surname is ("Maghaberry Prison"; not "Hall", "Park")
PLACE_ENDINGS = frozenset({"prison", "jail", "airport", "hospital", "stadium", "arena",
                           "museum", "library", "university", "college", "avenue", "highway",
                           "campus", "clinic"})
# nouns a person's name names a place or body after ("Walter Reed hospital", "John Wayne
# airport", "the Kennedy center"): those, and the ones that are surnames too
NAMED_AFTER = PLACE_ENDINGS | {"school", "center", "centre", "park", "bridge", "street",
                               "foundation", "institute", "station", "memorial", "hall",
                               "building", "tower", "prize", "award", "medal", "trophy", "base",
                               "port", "harbour", "harbor"}


def _names_a_place(doc: Doc, first: int, end: int) -> bool:
    """The name modifies a noun of a place or body named after someone ("Walter Reed
    hospital"): that occurrence is the place's name, not the person."""
    root = doc[first:end].root
    return root.dep_ == "compound" and root.head.i == end and root.head.lower_ in NAMED_AFTER


def _newspaper(words: tuple[str, ...], name: str) -> bool:
    """A place's name and a newspaper word ("Miami Herald"); not "Emily Post"."""
    return len(words) > 1 and words[-1] in PAPER_WORDS and words[0] not in coref.GIVEN_NAMES \
        and roles.place_country(name.rsplit(None, 1)[0]) is not None


FORCE_WORDS = frozenset({"police", "constabulary"})  # a place's police force is no place
MATCH_VERBS = frozenset({"beat", "defeat", "draw", "lose", "thrash", "edge", "hold", "host",
                         "face", "play", "overcome", "rout", "stun", "down", "sink"})


def _team(doc: Doc, first: int, end: int) -> bool:
    """A name playing a match: subject or object of a match verb in a sentence with a score
    ("Liverpool beat Brighton 3-1 at Anfield": two clubs, whatever places they are named
    after)."""
    root = doc[first:end].root
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ in ("to", "against", "with"):
        verb = verb.head  # "lost 2-1 to Everton", "drew with Chelsea"
    if root.dep_ not in ("nsubj", "dobj", "pobj") or verb.lemma_.lower() not in MATCH_VERBS:
        return False
    return any(score(t) for t in doc[first].sent)


def _of_gender(people: list[Cluster], name: Name) -> list[Cluster]:
    """The people a name may be: for a name whose title gives a gender ("Mrs Cameron"), those
    not known to be of the other one (by an earlier title or a listed given name: "David
    Cameron" is not "Mrs Cameron", who is someone else when nobody else fits)."""
    if not name.titled or name.person not in ("m", "f"):
        return people
    return [c for c in people if (c.gender or (coref.GIVEN_NAMES.get(c.words[0].lower())
                                               if len(c.words) > 1 else None))
            in (None, name.person)]


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
    text = text_of(doc)
    names = names_in(doc)
    drop_gerund_openers(doc, names)
    places = placehood.relabel([(n.words, n.label, n.place, n.person is not None)
                                for n, _, _ in names if n.label in ("PERSON", "ORG")])
    # a one-word "person" with no person evidence that ends one other, longer organisation or
    # place name is that name said short ("City are fourth" after "Manchester City")
    tails: dict[str, set[tuple[tuple[str, ...], str]]] = {}
    for n, _, _ in names:
        if len(n.words) > 1 and n.label in ("ORG", "GPE", "FAC", "LOC") and n.person is None \
                and n.words[0] not in coref.GIVEN_NAMES:  # not "Nadine Pellegrini" mislabelled
            tails.setdefault(n.words[-1], set()).add((n.words, n.label))
    said_short: dict[tuple[str, ...], tuple[str, ...]] = {}
    for n, _, _ in names:
        if n.label in ("PERSON", "") and n.person is None and len(n.words) == 1 \
                and len(tails.get(n.words[0], ())) == 1 and not any(
                    len(m.words) > 1 and m.words[-1] == n.words[0] and m.label == "PERSON"
                    for m, _, _ in names):
            full, label = next(iter(tails[n.words[0]]))
            n.label, n.maybe = label, False
            said_short[n.words] = full
    # an organisation said by the word its name opens with, the rest only saying what kind it
    # is ("Columbia" after "Columbia University", "GateHouse" after "GateHouse Media")
    heads: dict[str, set[tuple[str, ...]]] = {}
    for n, _, _ in names:
        if len(n.words) > 1 and n.label == "ORG" and n.person is None and all(
                w in roles.ORG_WORDS or w in LEGAL_FORMS for w in n.words[1:]):
            heads.setdefault(n.words[0], set()).add(n.words)
    for n, _, _ in names:
        if len(n.words) == 1 and n.words not in said_short and n.person is None \
                and n.label in ("ORG", "PERSON", "") and len(heads.get(n.words[0], ())) == 1 \
                and roles.country_of(text[n.start:n.end]) is None:  # not "Nigeria" of
            # "Nigeria Police"
            n.label, n.maybe = "ORG", False
            said_short[n.words] = next(iter(heads[n.words[0]]))
    # a capital the NER calls a person, with no person evidence, is the capital ("Kyiv would
    # not seek ..."), unless someone named in the text bears its name ("Denzel Washington")
    namesakes = {w for n, _, _ in names if len(n.words) > 1 for w in n.words}
    places |= {n.words for n, _, _ in names if n.label == "PERSON" and n.person is None
               and len(n.words) == 1 and n.words[0] not in namesakes
               and roles.capital(text[n.start:n.end])}
    for name, _, _ in names:
        if name.words in places and name.label in ("PERSON", "ORG"):
            name.label, name.maybe = "GPE", False
        elif name.label == "PERSON" and name.person is None and len(name.words) == 1 \
                and text[name.start:name.end].isupper() and name.end - name.start > 1:
            name.label, name.maybe = "ORG", False  # "polled by LSEG": an acronym, no person
    _relabel_companies(doc, names)
    for name, _, _ in names:  # "Instagram" as a PERSON, "Netflix" as a GPE
        if name.label and len(name.words) == 1 and name.words[0] in KNOWN_ORGS \
                and not name.titled:
            name.label, name.person, name.maybe = "ORG", None, False
    # nobody's name takes "the": a name the text writes once as "the Sabres" or "the Huffington
    # Post" is no person's wherever the NER says so ("Sabres captain Jack Eichel")
    the_names = {n.words for n, first, end in names
                 if not n.titled and (doc[first].lower_ == "the" or after_the(doc, first))
                 and doc[first:end].root.dep_ != "compound"}  # not "the Trump administration"
    the_names -= {n.words for n, _, _ in names if n.person is not None}  # ("actress Mary
    # Steenburgen" is a person, whatever "the Mary Steenburgen of it all" says)
    for name, _, _ in names:
        if name.words in the_names and name.label == "PERSON" and not name.titled:
            name.label, name.person, name.maybe = "ORG", None, False
    # Person seeds, longest first: names with person evidence, and names the NER labels
    # PERSON at least as often as anything else.
    votes: Counter[tuple[str, ...]] = Counter()
    for name, _, _ in names:
        if name.label:
            votes[name.words] += 1 if name.label == "PERSON" else -1
    outweigh_weak_evidence(names, votes)
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
            core = [w for w in name.words if w not in LEGAL_FORMS]  # "Pacific Gas & Electric
            # Co." is "PG&E", "Acme Widgets Corp" "AW"
            for short in (initials, "".join(w[0] for w in core if w not in ACRONYM_SKIP),
                          "".join(w[0] for w in core if w == "&" or w not in ACRONYM_SKIP)):
                if len(short) > 1:
                    acronyms.setdefault(short, name.words)
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
              and may_be_place(text[n.start:n.end])
              and placehood.cue(doc, first, end, travel=False)}
    placed |= organised
    for name, first, _ in names:
        mention = Mention(text[name.start:name.end], name.start, name.end, "name")
        label, words = name.label, name.words
        person = label in ("PERSON", "") or name.person is not None
        cluster = None
        if person or (label in OVERRIDABLE and words not in places):
            cluster = pick(words, _of_gender(people, name), first_name=person) \
                or _fuller(words, people)
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
        key = said_short.get(words, words)
        if len(words) == 1 and mention.text.isupper() and words[0] in acronyms:
            key = acronyms[words[0]]
        cluster = others.get(key)
        if cluster is None:
            cluster = others[key] = Cluster(key, label)
            if name.maybe and label in OVERRIDABLE and may_be_person(key) \
                    and key not in placed:
                maybe.add(id(cluster))
        cluster.add(mention, label)
    owners = _administrative(doc, names, others)
    companies = _legal_forms(others)
    for cluster in others.values():
        cluster.type = cluster.labels.most_common(1)[0][0]
        if cluster.words[-1] in LEGAL_FORMS:  # "Nvidia Corp" is a company however the NER
            cluster.type = "ORG"  # labels its bare "Nvidia"
    people = [c for c in people if c.mentions]
    people += _taking_he_she(doc, people, others, bare, maybe)
    _missed_mentions(bare, people, others, companies)
    states = {n.words for n, _, _ in names if n.place == "state"}
    for cluster in others.values():
        _place_and_org(cluster, cluster.words in states)
        if cluster.type in ("GPE", "LOC") and owners.get(cluster.words):
            cluster.country = owners[cluster.words]  # "China's Inner Mongolia": the text over
            # the gazetteer's most populous namesake ("Santa Clara, California" is no Cuban's)
    unresolved: list[Cluster] = []
    groups = descriptions.attach(doc, people, unresolved)
    described = descriptions.appositives(doc, people)  # "The suspect, Owen Marsh, ..."
    body_descriptions.organisations(doc, list(others.values()), people + groups + unresolved)
    body_descriptions.places(doc, list(others.values()))
    actors = people + list(others.values()) + groups
    actors += descriptions.speakers(doc, actors, unresolved, [m for _, m in described])
    # "A doctor said ... the doctor said", "The suspect, X, ... the suspect said"
    descriptions.same_head(doc, actors, unresolved, described)
    # descriptions of nobody named ("The Queen ... She") compete for pronouns; what they win
    # stays unlinked rather than going to the wrong actor
    competing = actors + unresolved
    competing += descriptions.person_phrases(  # "the suspect", "a woman"
        doc, competing, [m for _, m in described])
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
    quoted = quoted_starts(doc)
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


def _administrative(doc: Doc, names: list[tuple[Name, int, int]],
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
    for key, full in _head_words(others).items():
        bare.setdefault(key, full)
    return bare


OWN_NAME_HEADS = frozenset({"house"})  # "the House" is no "White House"


def _head_words(others: dict[tuple[str, ...], Cluster]) -> dict[tuple[str, ...], Cluster]:
    """An organisation named again by its head word alone ("the Commission" after "the
    European Commission", "the Ministry" after "the Ministry of Defence") is that
    organisation, when it is the only one named with that head. Returns the organisations
    by head word (for the proper nouns the NER missed)."""
    by_head: dict[str, list[Cluster]] = {}
    for k, c in others.items():
        if len(k) > 1 and _head(k) in roles.ORG_WORDS and _head(k) not in OWN_NAME_HEADS \
                and c.labels.most_common(1)[0][0] == "ORG":
            by_head.setdefault(_head(k), []).append(c)
    found = {(word,): fulls[0] for word, fulls in by_head.items() if len(fulls) == 1}
    for key, full in found.items():
        plain = others.get(key)
        if plain is not None and plain.labels.most_common(1)[0][0] == "ORG":
            _absorb(full, others.pop(key))
    return found


def _head(words: tuple[str, ...]) -> str:
    """The head word of a name: the last one, or the one before "of" ("Ministry of Defence")."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _absorb(full: Cluster, plain: Cluster) -> None:
    full.mentions.extend(plain.mentions)
    full.labels.update(plain.labels)


def _anchor(doc: Doc, cluster: Cluster) -> coref.Anchor:
    """A cluster as coref sees it. A name whose every mention is a plural noun ("the
    Wallabies", "the Americans") is plural; a nationality is an antecedent only where it names
    people ("the Americans"), not as an adjective ("American officials")."""
    if cluster.type in ("PERSON", "GROUP"):
        return coref.Anchor([(m.start, m.end) for m in cluster.mentions], cluster.type,
                            plural=cluster.plural, gender=cluster.gender,
                            extra={"country": cluster.country})
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
    text = text_of(doc)
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
        known = KNOWN_ORGS.get(name)
        if known is not None:  # "NASA": an agency of the United States
            cluster.sector, cluster.country = known
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
