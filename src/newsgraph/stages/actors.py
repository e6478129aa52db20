"""Actors: NER names clustered per document into one entity per real-world actor.

- person names cluster by full name, surname, first+last, possessives and honorific forms
  ("Mr. Smith"); matching folds case and accents; a bare surname shared by two people goes to
  the one named most recently;
- a name's type is fixed by document-level evidence: a name whose words are a person's name
  words, that follows a person title ("President X", lexicons/person_titles.tsv) or that the
  parse shows to be a person (stages/personhood.py: "X was born", "X, a pianist", "her sister
  X") is a PERSON everywhere, and so is a name the NER labels PERSON at least as often as
  anything else; other names take the majority label of all their mentions; a known place or
  a name with an organisation word needs a title to become a person;
- a lone first name joins the one person who has it ("Mary" ... "Mary Smith");
- acronyms join their expansion ("World Health Organization" ... "WHO");
- proper nouns the NER missed ("Okafor arrived") join the person they name, or become one
  with person evidence;
- a name that could be a person (not a known place, no organisation word, not an acronym,
  used as a singular noun phrase) and that takes a he/she pronoun when offered to coref as a
  person is a person ("The award went to X, and she kept it");
- pronouns come from stages/coref.py (anchors in, links out): every actor is an anchor with
  its type, number (groups, plural names and nationalities) and gender (honorifics, gendered
  person nouns and role nouns: "Ms", "actress", "the chairwoman"); a nationality is an
  antecedent only as a noun ("the Americans"), not as an adjective; singular descriptions of
  nobody named ("The Queen") compete for pronouns, and what they win stays unlinked.

- roles, countries and sectors (stages/roles.py): "Mexican President X"; descriptions
  ("the Mexican President", "the Central American country's President, X") become ``title``
  mentions of the person holding that role and country (appositive first, then role+country
  match; unresolved descriptions are left out); plural role nouns ("Guatemalan prosecutors")
  become GROUP entities with ``other`` mentions; "the two leaders" / "both men" is a title
  mention of each of the two people named in that sentence or the one before, when exactly
  two are.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

from newsgraph.model import Entity, Mention
from newsgraph.stages import Found, coref, personhood, roles

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
TITLES_FILE = Path(__file__).resolve().parent.parent / "lexicons" / "person_titles.tsv"


def _load_titles() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in TITLES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, gender = line.split("\t")[:2]
            table[word] = gender
    return table


TITLES = _load_titles()
SUFFIXES = frozenset(line.strip() for line in (TITLES_FILE.parent / "name_suffixes.tsv").read_text(
    encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
# honorifics that spaCy sometimes puts inside a PERSON span and that are never part of a name
ROLE_WORDS_KEPT = {"king", "queen", "prince", "princess", "pope", "lord", "lady", "dame", "sir"}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without a trailing possessive ('s, ’s, s') or leading 'the '."""
    span = text[start:end]
    for suffix in ("'s", "’s", "'", "’"):
        if span.endswith(suffix) and len(span) > len(suffix) + 1:
            end -= len(suffix)
            break
    span = text[start:end]
    if span.lower().startswith("the ") and len(span) > 4:
        start += 4
    return start, end


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in (_fold(w).strip(".,") for w in text.split()) if w)


def _title_before(doc: Doc, index: int) -> str | None:
    """Gender code (m/f/x) of a person title right before token ``index``, else None."""
    if index == 0:
        return None
    word = doc[index - 1].lower_.rstrip(".")
    if word in ("", ",") and index > 1:  # "Mr. X" split as "Mr" "."; appositive "President, X"
        word = doc[index - 2].lower_.rstrip(".")
    return TITLES.get(word)


def _matches(words: tuple[str, ...], full: tuple[str, ...]) -> bool:
    if not words or len(words) > len(full):
        return False
    if len(words) > 1 and full[-1] in SUFFIXES and words == full[:-1]:
        return False  # "John Smith" is not "John Smith Jr."
    return words == full[-len(words):] or (words == full[:len(words)] and len(words) > 1) or (
        len(words) == 2 and words[0] == full[0] and words[-1] == full[-1])


class _Cluster:
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


def _pick(words: tuple[str, ...], people: list[_Cluster],
          first_name: bool = False) -> _Cluster | None:
    """The person cluster these words name; several candidates: the most recent, then the
    one with most mentions, then the first. With ``first_name``, a lone word that is the first
    name of exactly one person and nobody's surname names that person ("Mary" for "Mary
    Smith")."""
    exact = [c for c in people if c.words == words]
    if exact:
        return exact[0]
    cands = [c for c in people if _matches(words, c.words)]
    if not cands and first_name and len(words) == 1:
        cands = [c for c in people if len(c.words) > 1 and c.words[0] == words[0]]
        if len(cands) > 1:
            return None
    if not cands:
        return None
    return max(cands, key=lambda c: (c.last, len(c.mentions), -people.index(c)))


class _Name:
    """A name occurrence: an NER entity (``label``) or a proper-noun run the NER missed
    (``label`` ""), with its span, match words and person evidence (gender m/f/x or None)."""

    __slots__ = ("end", "label", "maybe", "person", "root", "start", "words")

    def __init__(self, start: int, end: int, root: int, label: str, words: tuple[str, ...],
                 person: str | None, maybe: bool = False) -> None:
        self.start, self.end, self.root, self.label = start, end, root, label
        self.words, self.person, self.maybe = words, person, maybe


def _names(doc: Doc) -> list[tuple[_Name, int, int]]:
    """(name, first token, end token) for every kept NER entity and proper-noun run, in order."""
    text = doc.text
    out: list[tuple[_Name, int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in KEEP:
            continue
        start, end = _trim(text, ent.start_char, ent.end_char)
        title = _title_before(doc, ent.start)
        first = ent.start
        the = doc[first].lower_ == "the"
        if the and ent.end - first > 2:  # "the Emperor Alexius": a person noun heading the
            title = personhood.PERSON_NOUNS.get(doc[first + 1].lower_) or title  # name
        # an honorific inside the name span ("Ms Clinton") is title evidence, not name
        while first < ent.end - 1 and doc[first].lower_.rstrip(".") in TITLES \
                and doc[first].lower_.rstrip(".") not in ROLE_WORDS_KEPT:
            title = TITLES[doc[first].lower_.rstrip(".")]
            first += 1
            start = doc[first].idx
        words = _words(text[start:end])
        if not words:
            continue
        person = title
        # a person could hide behind the NER's other labels, but not behind a nationality or
        # creed, an acronym ("BA") or a name after "the" ("the White House")
        maybe = ent.label_ != "NORP" and _may_be_person(words) \
            and personhood.referent(doc[first:ent.end].root) \
            and not (len(words) == 1 and text[start:end].isupper()) \
            and not (ent.start > 0 and doc[ent.start - 1].lower_ == "the") \
            and not (the and title is None)
        if person is None and maybe:
            person = personhood.evidence(doc, first, ent.end)
        out.append((_Name(start, end, ent.root.i, ent.label_, words, person, maybe), first,
                    ent.end))
    for first, last, proper in _proper_runs(doc):
        start, end = _trim(text, doc[first].idx, doc[last - 1].idx + len(doc[last - 1]))
        words = _words(text[start:end])
        if words:
            person = _title_before(doc, first)
            maybe = proper and _may_be_person(words, labelled=False) and personhood.referent(
                doc[first:last].root)
            if person is None and maybe:
                person = personhood.evidence(doc, first, last)
            out.append((_Name(start, end, doc[first:last].root.i, "", words, person, maybe),
                        first, last))
    out.sort(key=lambda n: n[0].start)
    return out


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
        ok = not token.ent_type_ and token.tag_ == "NNP" and token.is_title \
            and token.lower_.rstrip(".") not in TITLES
        if ok and first < 0:
            first = token.i
        elif not ok and first >= 0:
            runs.append((first, token.i, True))
            first = -1
        if not ok and not token.ent_type_ and token.tag_ == "NN" and token.is_title \
                and token.lower_ not in lower:
            runs.append((token.i, token.i + 1, False))
    if first >= 0:
        runs.append((first, len(doc), True))
    return runs


def _fuller(words: tuple[str, ...], people: list[_Cluster]) -> _Cluster | None:
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
    # Person seeds, longest first: names with person evidence, and names the NER labels
    # PERSON at least as often as anything else.
    votes: Counter[tuple[str, ...]] = Counter()
    for name, _, _ in names:
        if name.label:
            votes[name.words] += 1 if name.label == "PERSON" else -1
    seeds = sorted({n.words for n, _, _ in names if n.person is not None
                    or (n.label == "PERSON" and votes[n.words] >= 0)}, key=len, reverse=True)
    people: list[_Cluster] = []
    for words in seeds:
        if _pick(words, people, first_name=True) is None:
            people.append(_Cluster(words, "PERSON"))
    acronyms: dict[str, tuple[str, ...]] = {}
    for name, _, _ in names:
        if name.label == "ORG" and len(name.words) > 1:
            initials = "".join(w[0] for w in name.words if w not in ACRONYM_SKIP)
            if len(initials) > 1:
                acronyms.setdefault(initials, name.words)
    others: dict[tuple[str, ...], _Cluster] = {}
    bare: list[tuple[tuple[str, ...], Mention, bool]] = []
    maybe: set[int] = set()
    for name, first, _ in names:
        mention = Mention(text[name.start:name.end], name.start, name.end, "name")
        label, words = name.label, name.words
        person = label in ("PERSON", "") or name.person is not None
        cluster = None
        if person or label in OVERRIDABLE:
            cluster = _pick(words, people, first_name=person) or _fuller(words, people)
            if cluster is None and (label == "PERSON" or name.person is not None):
                cluster = _Cluster(words, "PERSON")
                people.append(cluster)
        if cluster is not None:
            if name.person in ("m", "f") and cluster.gender is None:
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
            cluster = others[key] = _Cluster(key, label)
            if name.maybe and label in OVERRIDABLE and _may_be_person(key):
                maybe.add(id(cluster))
        cluster.add(mention, label)
    for cluster in others.values():
        cluster.type = cluster.labels.most_common(1)[0][0]
    people = [c for c in people if c.mentions]
    people += _taking_he_she(doc, people, others, bare, maybe)
    for cluster in others.values():
        _place_and_org(cluster)
    unresolved: list[_Cluster] = []
    groups = _descriptions(doc, people, unresolved)
    _org_descriptions(doc, list(others.values()))
    actors = people + list(others.values()) + groups
    # descriptions of nobody named ("The Queen ... She") compete for pronouns; what they win
    # stays unlinked rather than going to the wrong actor
    anchors = [_anchor(doc, c) for c in actors + unresolved]
    for link in coref.resolve(doc, anchors):
        if link.anchor >= len(actors):
            continue
        cluster = actors[link.anchor]
        if not any(m.start < link.end and link.start < m.end for m in cluster.mentions):
            cluster.mentions.append(
                Mention(text[link.start:link.end], link.start, link.end, "pronoun"))
    return _entities(actors, len(text))


def _anchor(doc: Doc, cluster: _Cluster) -> coref.Anchor:
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


def _taking_he_she(doc: Doc, people: list[_Cluster], others: dict[tuple[str, ...], _Cluster],
                   bare: list[tuple[tuple[str, ...], Mention, bool]],
                   maybe: set[int]) -> list[_Cluster]:
    """Names that could be people (``maybe`` clusters, proper nouns the NER missed) and take a
    he/she pronoun when offered to coref as people: they become people (removed from
    ``others``). A missed proper noun rides with the candidate it names ("Castillo" with
    "Hugo Castillo"); missed proper nouns naming no candidate form their own, longest first."""
    text = doc.text  # built anew on every access: read it once
    if not personhood.HE_SHE.search(text):
        return []
    candidates = [c for c in others.values() if id(c) in maybe]
    for words, _, could in sorted(bare, key=lambda b: len(b[0]), reverse=True):
        if could and _pick(words, candidates, first_name=True) is None:
            cluster = _Cluster(words, "")
            candidates.append(cluster)
            maybe.add(id(cluster))
    riders: dict[int, list[Mention]] = {}
    for words, mention, _ in bare:
        host = _pick(words, candidates, first_name=True)
        if host is not None:
            riders.setdefault(id(host), []).append(mention)
    candidates = [c for c in candidates if c.mentions or id(c) in riders]
    if not candidates:
        return []
    trial = people + [c for c in others.values() if id(c) not in maybe] + candidates
    anchors = [coref.Anchor([(m.start, m.end) for m in c.mentions + riders.get(id(c), [])],
                            "PERSON" if id(c) in maybe else c.type, gender=c.gender)
               for c in trial]
    out: list[_Cluster] = []
    for link in coref.resolve(doc, anchors):
        cluster = trial[link.anchor]
        if id(cluster) in maybe and cluster not in out and \
                personhood.GENDERED.get(text[link.start:link.end].lower()):
            out.append(cluster)
    for cluster in out:
        cluster.type = "PERSON"
        for mention in riders.get(id(cluster), []):
            cluster.add(mention, "")
        if others.get(cluster.words) is cluster:
            del others[cluster.words]
    for key, cluster in list(others.items()):  # the same name under another label
        person = _pick(key, out) if out and cluster.type in OVERRIDABLE else None
        if person is not None:
            for mention in cluster.mentions:
                person.add(mention, "PERSON")
            del others[key]
    return out


def _place_and_org(cluster: _Cluster) -> None:
    """Country of a place from its name; country and sector of an organisation from its words
    ("Mexican Army" -> MEX, MIL)."""
    name = " ".join(cluster.words)
    if cluster.type in ("GPE", "LOC"):
        cluster.country = roles.place_country(name)
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


def _overlaps(cluster: _Cluster, start: int, end: int) -> bool:
    return any(m.start < end and start < m.end for m in cluster.mentions)


def _holder(desc: roles.Description, people: list[_Cluster]) -> _Cluster | None:
    """The person a singular description denotes: the name in apposition, else a person with
    the same role whose country agrees (exact country first, then unknown), the one named
    most recently before the description first."""
    if desc.appositive_to is not None:
        for cluster in people:
            if any(m.start == desc.appositive_to for m in cluster.mentions):
                return cluster
    role = desc.role.lower()
    cands = [c for c in people if c.role is not None and c.role.lower() == role]

    def fits(c: _Cluster) -> int:
        if desc.country is not None:
            if c.country == desc.country or (c.country is None and c.region
                                             and desc.country in c.region):
                return 2
            return 1 if c.country is None else 0
        if desc.region is not None:
            return 2 if c.country in desc.region else (1 if c.country is None else 0)
        return 1
    cands = [c for c in cands if fits(c)]
    if not cands:
        return None
    return max(cands, key=lambda c: (fits(c), max((m.start for m in c.mentions
                                                   if m.start < desc.start), default=-1)))


def _descriptions(doc: Doc, people: list[_Cluster],
                  unresolved: list[_Cluster]) -> list[_Cluster]:
    """Title mentions onto people (appositives first); plural role nouns as GROUP actors.
    Singular descriptions of nobody named go to ``unresolved`` (for coref only)."""
    groups: dict[tuple[str, ...], _Cluster] = {}
    descs = sorted(roles.descriptions(doc), key=lambda d: d.appositive_to is None)
    text = doc.text  # built anew on every access: read it once
    paired = _pairs(doc, text, people)
    for desc in descs:
        surface = text[desc.start:desc.end]
        if any(s < desc.end and desc.start < e for s, e in paired):
            continue
        if desc.plural:
            key = _words(surface)
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Cluster(key, "GROUP")
                group.plural = True
                group.describe(desc.role, desc.sector, desc.country)
            if not _overlaps(group, desc.start, desc.end):
                group.add(Mention(surface, desc.start, desc.end, "other"), "GROUP")
            continue
        holder = _holder(desc, people)
        gender = personhood.PERSON_NOUNS.get(desc.role.lower())
        if holder is None:
            nobody = _Cluster(_words(surface), "PERSON")
            nobody.gender = gender if gender in ("m", "f") else None
            nobody.add(Mention(surface, desc.start, desc.end, "title"), "PERSON")
            unresolved.append(nobody)
            continue
        if _overlaps(holder, desc.start, desc.end):
            continue
        if gender in ("m", "f") and holder.gender is None:
            holder.gender = gender
        country = desc.country
        if country is None and desc.region is not None and len(desc.region) == 1:
            country = next(iter(desc.region))
        holder.describe(desc.role, desc.sector, country)
        if holder.country is None and desc.region is not None:
            holder.region = desc.region
        holder.mentions.append(Mention(surface, desc.start, desc.end, "title"))
    return list(groups.values())


def _pairs(doc: Doc, text: str, people: list[_Cluster]) -> list[tuple[int, int]]:
    """"The two leaders", "both men": a title mention of each of the two people named in this
    sentence or the one before it, when exactly two are; returns the spans so used."""
    used: list[tuple[int, int]] = []
    for start, end in roles.pairs(doc, personhood.PERSON_NOUNS):
        span = doc.char_span(start, end)
        if span is None:
            continue
        first, _ = personhood.sentence(doc, span.start)
        if first > 0:
            first, _ = personhood.sentence(doc, first - 1)
        window = doc[first].idx
        named = [c for c in people if any(window <= m.start < start for m in c.mentions)]
        if len(named) != 2:
            continue
        for cluster in named:
            cluster.mentions.append(Mention(text[start:end], start, end, "title"))
        used.append((start, end))
    return used


def _org_descriptions(doc: Doc, others: list[_Cluster]) -> None:
    """"the company", "the ministry": a title mention of the organisation of that sector (or of
    unknown sector) named most recently before it; none named before: left out."""
    orgs = [c for c in others if c.type == "ORG"]
    if not orgs:
        return
    for found in THE_ORG_WORD.finditer(doc.text):
        span = doc.char_span(found.start(1), found.end(1))
        if span is None or len(span) != 1:
            continue
        token = span[0]
        org = roles.ORG_WORDS[token.lower_]
        if token.i == 0 or doc[token.i - 1].lower_ != "the" or token.tag_ != "NN" \
                or token.ent_type_:
            continue
        start, end = doc[token.i - 1].idx, token.idx + len(token.text)
        before = [c for c in orgs if c.sector in (None, org[0])
                  and any(m.start < start for m in c.mentions)]
        if not before:
            continue
        best = max(before, key=lambda c: max(m.start for m in c.mentions if m.start < start))
        if not _overlaps(best, start, end):
            best.sector = best.sector or org[0]
            best.mentions.append(Mention(doc[token.i - 1:token.i + 1].text, start, end, "title"))


# "the company", "the ministry": organisation words that can describe an organisation named before
THE_ORG_WORD = re.compile(r"\bthe\s+(" + "|".join(sorted(
    re.escape(w) for w, (_, describes) in roles.ORG_WORDS.items() if describes)) + r")\b",
    re.IGNORECASE)


def _salience(mentions: tuple[Mention, ...], type_: str, length: int) -> float:
    """Unnormalised salience: mentions weighted by kind (a name counts more than a pronoun),
    scaled up when the actor is first mentioned early in the text."""
    weight = sum(KIND_WEIGHT.get(m.kind, 1.0) for m in mentions)
    early = 1.0 - mentions[0].start / max(length, 1)
    return weight * (1.0 + W_EARLY * early) * TYPE_WEIGHT.get(type_, 1.0)


def _entities(clusters: list[_Cluster], length: int) -> tuple[Entity, ...]:
    """Entities in order of first mention; salience normalised to sum to 1."""
    clusters = [c for c in clusters if c.mentions]
    ordered = sorted(clusters, key=lambda c: min(m.start for m in c.mentions))
    mentions = [tuple(sorted(c.mentions, key=lambda m: m.start)) for c in ordered]
    raw = [_salience(ms, c.type, length) for c, ms in zip(ordered, mentions, strict=True)]
    total = sum(raw) or 1.0
    out = []
    for i, (cluster, ms, r) in enumerate(zip(ordered, mentions, raw, strict=True), 1):
        names = [m for m in ms if m.kind == "name"] or list(ms)
        name = max(names, key=lambda m: len(m.text)).text
        out.append(Entity(id=f"E{i}", name=name, type=cluster.type, country=cluster.country,
                          role=cluster.role, sector=cluster.sector,
                          salience=round(r / total, 4), mentions=ms))
    return tuple(out)
