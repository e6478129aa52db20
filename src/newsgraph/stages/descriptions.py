"""Descriptions onto actors, for the actors stage.

- singular role descriptions ("the Mexican President", "the Central American country's
  President, X") become ``title`` mentions of the person holding that role and country
  (appositive first, then role+country match), or of the one person just named when a
  political or corporate title is used as an epithet ("Sanders hit back. … the Vermont
  senator said"); an office of a named body ("the New York State Attorney General") is an
  actor of its own; other descriptions of nobody named are handed back (coref lets them
  compete for pronouns), unless they only say what their clause's subject is ("she serves as
  the attorney general");
- plural role nouns ("Guatemalan prosecutors") become GROUP clusters with ``other`` mentions;
- a person noun in apposition to a name ("The suspect, X,", "X, a witness,") is a title
  mention of that person, and a later definite use of its head ("the suspect said") is too
  (``appositives``, ``same_head``);
- "the two leaders" / "both men" is a title mention of each of the two people named in that
  sentence or the one before, when exactly two are;
- organisations' and places' descriptions ("the company", "the country") are in
  ``body_descriptions``;
- a common-noun phrase that a quote cue takes as its speaker ("the union wrote", "officials
  said", "a spokesman said", "the report says"; ``quote_speakers.speaker_heads``) and that no actor
  covers becomes an actor of its own (``lexicons/quote_speakers.tsv`` gives the type), with the
  country of its modifier ("a Russian official"), so the quote has a speaker; the same words
  (without determiners) are one actor. A partitive stands for its "of" object ("a group of
  farmers"), a description of nobody named that speaks ("the senator said") becomes an actor,
  a speaking proper name the NER missed ("Hollowbrook said", "― Tamsin Orlowe") is a PERSON
  (known given name) or an ORG, and a relative pronoun that speaks ("Quinn, who said") is a
  mention of the actor before it (the noun right before it when the parse hangs its clause
  elsewhere: "the Board which reported");
- a description of nobody named that wins a pronoun a quote cue takes as speaker ("The
  retired judge ... He said") becomes an actor (``speaking``);
- the first-person narrator of a column or op-ed ("I", "me", "my" outside quotation marks, at
  least NARRATOR_MIN times) is one PERSON actor (``narrator``), so "I said" or "I wrote" has a
  speaker; it is added after pronoun resolution and never takes he/she/they.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.model import Mention
from newsgraph.stages import coref, personhood, roles, text_of
from newsgraph.stages.clusters import Cluster, overlaps, words_of
from newsgraph.stages.quote_cues import partitive_object, speaker_nouns
from newsgraph.stages.quote_marks import quote_openings, quoted_starts
from newsgraph.stages.quote_speakers import naming_modifiers, speaker_type
from newsgraph.stages.quotes import relative_antecedent, speaker_heads


def _holder(doc: Doc, desc: roles.Description, people: list[Cluster]) -> Cluster | None:
    """The person a singular description denotes: the name in apposition, else a person with
    the same role whose country agrees (exact country first, then unknown), the one named
    most recently before the description first. Not a deputy's description ("the vice
    presidential nominee") nor one of another party ("the Democratic nominee" is not the
    person called "the Republican nominee")."""
    if desc.appositive_to is not None:
        for cluster in people:
            if any(m.start == desc.appositive_to for m in cluster.mentions):
                return cluster
    role = desc.role.lower()
    extra = set(text_of(doc)[desc.start:desc.end].lower().split()) - set(role.split())
    if (NOT_THE_ROLE - {"former"}) & extra or any(w.startswith("vice") for w in extra):
        return None  # "the vice presidential nominee" is not the nominee
    cands = [c for c in people if c.role is not None and c.role.lower() == role]
    if not cands and not FORMER & extra:  # "the former minister" is no prime minister
        cands = [c for c in people if c.role is not None and _narrower(c.role.lower(), role)]
    cands = [c for c in cands if not _party_clash(doc, desc, c)]

    def fits(c: Cluster) -> int:
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


NOT_THE_ROLE = frozenset({"vice", "deputy", "assistant", "associate", "under", "former"})


def _party_clash(doc: Doc, desc: roles.Description, person: Cluster) -> bool:
    """The description names an affiliation ("the Democratic nominee") and the person is
    described or titled with another ("Republican presidential nominee Donald Trump")."""
    party = _parties(doc, desc.start, desc.end)
    return bool(party) and any(
        p and p != party for p in (
            _parties(doc, m.start, m.end) if m.kind == "title" else _parties_before(doc, m.start)
            for m in person.mentions if m.kind in ("title", "name")))


def _parties_before(doc: Doc, start: int) -> frozenset[str]:
    """The affiliations in the title words right before a name ("Republican presidential
    nominee Donald Trump")."""
    at, _ = _token_range(doc, start, start + 1)
    first = at
    while first > 0 and first > at - 6 and doc[first - 1].pos_ in ("ADJ", "PROPN", "NOUN"):
        first -= 1
    return _parties(doc, doc[first].idx, start) if first < at else frozenset()


def _parties(doc: Doc, start: int, end: int) -> frozenset[str]:
    """The affiliations a description names that are no nationality ("Democratic", "GOP")."""
    first, stop = _token_range(doc, start, end)
    return frozenset(t.lower_ for t in doc[first:stop] if t.ent_type_ in ("NORP", "ORG")
                     and t.pos_ in ("ADJ", "PROPN") and roles.country_of(t.text) is None)


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The tokens overlapping characters ``start:end`` (a bisection over the token starts,
    kept per document: ``Doc.char_span`` walks the tokens)."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = [t.idx for t in doc]
    return max(0, bisect_right(starts, start) - 1), bisect_left(starts, end)


_STARTS_KEY = "newsgraph.descriptions.token_starts"


def _narrower(held: str, role: str) -> bool:
    """A role held is a kind of the described one ("the executive" of a Chief Executive, "the
    minister" of a Foreign Minister), not a deputy's ("the president" of no Vice President)."""
    words = held.split()
    return len(words) > 1 and held.endswith(" " + role) and not NOT_THE_ROLE & set(words)


def attach(doc: Doc, people: list[Cluster],
                  unresolved: list[Cluster]) -> list[Cluster]:
    """Title mentions onto people (appositives first); plural role nouns as GROUP actors, and
    offices of a named body ("the New York State Attorney General") as PERSON actors. Other
    singular descriptions of nobody named go to ``unresolved`` (for coref only)."""
    groups: dict[tuple[str, ...], Cluster] = {}
    offices: dict[tuple[str, ...], list[Cluster]] = {}
    bodies: dict[tuple[str, ...], Cluster] = {}
    descs = sorted(roles.descriptions(doc), key=lambda d: d.appositive_to is None)
    text = text_of(doc)
    paired = _pairs(doc, text, people)
    quoted = quoted_starts(doc)
    for desc in descs:
        surface = text[desc.start:desc.end]
        if any(s < desc.end and desc.start < e for s, e in paired):
            continue
        if desc.plural:
            key = words_of(surface)
            group = groups.get(key)
            if group is None:
                group = groups[key] = Cluster(key, "GROUP")
                group.plural = True
                group.describe(desc.role, desc.sector, desc.country)
            if not overlaps(group, desc.start, desc.end):
                group.add(Mention(surface, desc.start, desc.end, "other"), "GROUP")
            continue
        holder = _holder(doc, desc, people)
        gender = personhood.PERSON_NOUNS.get(desc.role.lower())
        epithet = holder is None and _epithet_of(doc, desc, surface, people, unresolved, quoted)
        if epithet:
            holder = epithet
        if holder is None:  # ("Sudan's army": a body, not a person)
            type_ = "ORG" if _body(desc) else "PERSON"
            body = bodies.get(words_of(surface)) if type_ == "ORG" else None
            if body is not None:  # one body, however often it is named so
                body.add(Mention(surface, desc.start, desc.end, "title"), type_)
                continue
            nobody = Cluster(words_of(surface), type_)
            if type_ == "ORG":
                bodies[nobody.words] = nobody
            nobody.gender = gender if gender in ("m", "f") else None
            nobody.add(Mention(surface, desc.start, desc.end, "title"), type_)
            if _office(doc, desc):  # "the New York State Attorney General": someone definite
                nobody.describe(desc.role, desc.sector, desc.country)
                offices.setdefault(nobody.words, []).append(nobody)
            elif not _predicative(doc, desc):  # "she serves as the attorney general": what
                unresolved.append(nobody)  # the subject is, nobody new to take her pronouns
            continue
        if overlaps(holder, desc.start, desc.end):
            continue
        if gender in ("m", "f") and holder.gender is None:
            holder.gender = gender
        if epithet and FORMER & set(surface.lower().split()):
            holder.mentions.append(Mention(surface, desc.start, desc.end, "title"))
            continue  # a role once held: not the one the person has
        country = desc.country
        if country is None and desc.region is not None and len(desc.region) == 1:
            country = next(iter(desc.region))
        holder.describe(desc.role, desc.sector, country)
        if holder.country is None and desc.region is not None:
            holder.region = desc.region
        holder.mentions.append(Mention(surface, desc.start, desc.end, "title"))
    for same in offices.values():  # one office, however often it is named
        for other in same[1:]:
            same[0].mentions.extend(other.mentions)
    return list(groups.values()) + [same[0] for same in offices.values()]


def _predicative(doc: Doc, desc: roles.Description) -> bool:
    """The description says what its clause's subject is: "as the attorney general" on a
    verb, or the complement of "be" ("she is the attorney general")."""
    span = doc.char_span(desc.start, desc.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "attr" and root.head.lemma_ == "be":
        return True
    return (root.dep_ == "pobj" and root.head.lower_ == "as"
            and root.head.head.pos_ in ("VERB", "AUX"))


def _office(doc: Doc, desc: roles.Description) -> bool:
    """A singular definite role whose description names the body or place it serves ("the New
    York State Attorney General", "the Kremlin spokesman"): one definite person, an actor even
    when never named."""
    span = doc.char_span(desc.start, desc.end, alignment_mode="expand")
    return (span is not None and not desc.plural and span[0].lower_ == "the"
            and not _body(desc) and any(t.ent_type_ in ("ORG", "GPE") for t in span))


def _body(desc: roles.Description) -> bool:
    """The role is an organisation's ("police", "army"): "the Chicago Police", "Sudan's army"
    are a force, no one."""
    return desc.role.lower() in roles.ORG_WORDS


# political and corporate titles that news uses as epithets of the person just named ("the
# Vermont senator", "the Republican nominee"); an officer, lawyer, doctor or spokesman after a
# name is far more often somebody else (the police officer who made the arrest)
EPITHET_ROLES = frozenset({
    "senator", "congressman", "congresswoman", "lawmaker", "legislator", "house speaker",
    "candidate", "nominee", "opposition leader", "leader", "chairman", "chairwoman",
    "president", "prime minister", "chancellor", "premier", "king", "queen", "governor", "mayor",
    "minister", "foreign minister", "finance minister", "defence minister", "defense minister",
    "interior minister", "secretary of state", "chief executive", "ceo",
    # and sports writing's ("Mourinho has agreed a deal. The Portuguese boss ...")
    "manager", "head coach", "coach", "boss", "captain", "striker", "midfielder", "goalkeeper",
    "defender"})
# of those, the offices whose bare definite use ("the president said") is as likely the office
# holder of the story's setting, never named, as the person just mentioned
OFFICE_ROLES = frozenset({"president", "prime minister", "chancellor", "king", "queen",
                          "premier", "mayor", "governor", "leader", "chairman", "chairwoman"})
FORMER = frozenset({"former", "ex", "then"})


def _epithet_of(doc: Doc, desc: roles.Description, surface: str, people: list[Cluster],
                unresolved: list[Cluster], quoted: frozenset[int]) -> Cluster | None:
    """The person a definite role description names by epithet when nobody is known to hold
    the role ("Sanders hit back. … the Vermont senator said"): the one person named, outside
    quotation marks, in the sentence before the description's (or the one before that) and
    nobody else from there up to it, when gender, country and any known role agree. A bare
    title counts only as a quote's speaker ("the senator said"), and a bare office ("the
    president") never: it is as often the office holder never named."""
    words = surface.lower().split()
    role = desc.role.lower()
    if words[0] != "the" or role not in EPITHET_ROLES or (NOT_THE_ROLE - FORMER) & set(words):
        return None
    span = doc.char_span(desc.start, desc.end, alignment_mode="expand")
    if span is None:
        return None
    if " ".join(words[1:]) == role and (role in OFFICE_ROLES or not any(
            t.i in range(span.start, span.end) for t in speaker_heads(doc))):
        return None  # a bare title that does not speak: "the senator was not there"
    first, _ = personhood.sentence(doc, span.start)
    if first == 0:
        return None
    window = personhood.sentence(doc, first - 1)[0]
    if window > 0 and not any(t.is_alpha for t in doc[window:first]):
        window = personhood.sentence(doc, window - 1)[0]  # a dateline or a lone quote mark
    lo, here = doc[window].idx, doc[first].idx
    seen = [c for c in people + unresolved if any(
        lo <= m.start < desc.start and m.start not in quoted for m in c.mentions)]
    if len(seen) != 1:
        return None
    person = seen[0]
    last = max(m.start for m in person.mentions if lo <= m.start < desc.start)
    if last >= here or not any(m.kind == "name" for m in person.mentions) or person in unresolved:
        return None
    gender = personhood.PERSON_NOUNS.get(role)
    if gender in ("m", "f") and person.gender in ("m", "f") and gender != person.gender:
        return None
    if person.role is not None and person.role.lower() != role and not _narrower(
            person.role.lower(), role):
        return None
    if desc.country is not None and person.country not in (None, desc.country):
        return None
    if _party_clash(doc, desc, person):
        return None
    if desc.region is not None and person.country is not None and (
            person.country not in desc.region):
        return None
    return person


def _pairs(doc: Doc, text: str, people: list[Cluster]) -> list[tuple[int, int]]:
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
        gender = personhood.PERSON_NOUNS.get(span.root.lemma_.lower())
        if len(named) != 2 or (gender in ("m", "f") and any(
                _gender_of(c) not in (None, gender) for c in named)):
            continue  # ("the two women" are not Clinton and Obama)
        for cluster in named:
            cluster.mentions.append(Mention(text[start:end], start, end, "title"))
        used.append((start, end))
    return used


def _gender_of(cluster: Cluster) -> str | None:
    """A person's gender as known so far: given by a title or pronoun, else by a listed given
    name."""
    if cluster.gender in ("m", "f"):
        return cluster.gender
    gender = coref.GIVEN_NAMES.get(cluster.words[0]) if len(cluster.words) > 1 else None
    return gender if gender in ("m", "f") else None


# leading words that are not part of what a speaker phrase names ("only", "and")
def speaking(doc: Doc, won: list[tuple[int, Cluster]]) -> list[Cluster]:
    """The descriptions of nobody named (``won``: the start of each pronoun coref gave one,
    with it) that have won a pronoun a quote cue takes as its speaker ("The former governor is
    a triathlete. He said ..."), in first-won order."""
    if not won:
        return []
    heads = {t.idx for t in speaker_heads(doc) if t.pos_ == "PRON"}
    out: list[Cluster] = []
    for start, cluster in won:
        if start in heads and all(c is not cluster for c in out):
            out.append(cluster)
    return out


PHRASE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
PHRASE_DETERMINERS = frozenset({"a", "an"})


def person_phrases(doc: Doc, taken: list[Cluster],
                   held: Sequence[Mention] = ()) -> list[Cluster]:
    """Indefinite singular noun phrases that bring in someone new, as subject or object ("a
    woman was injured", "police arrested a man"): PERSON clusters that compete for pronouns,
    so that "She was taken to hospital" is not given to the last person named. Not a
    definite one ("the woman", "the boy" are as often a person named before), one inside
    quotation marks, one an actor or description (``taken``) covers, nor a predicate ("he is
    a teacher", "as a nurse")."""
    text = text_of(doc)
    opening = quote_openings(doc)
    out: list[Cluster] = []
    for t in doc:
        gender = personhood.PERSON_NOUNS.get(t.lower_)
        if gender is None or t.tag_ != "NN" or t.dep_ not in PHRASE_DEPS or opening[t.i] >= 0:
            continue
        det = next((c for c in t.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in PHRASE_DETERMINERS or det.i > t.i:
            continue
        if t.dep_ == "pobj" and t.head.lower_ == "as":
            continue
        start, end = det.idx, t.idx + len(t)
        if any(overlaps(c, start, end) for c in [*taken, *out]) or any(
                m.start < end and start < m.end for m in held):
            continue  # (``held``: appositives, "Patrick Carlineo, a man convicted of …")
        cluster = Cluster(words_of(text[t.idx:end]), "PERSON")
        cluster.gender = gender if gender in ("m", "f") else None
        cluster.add(Mention(text[start:end], start, end, "other"), "PERSON")
        out.append(cluster)
    return out


FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
NARRATOR_MIN = 2  # first-person words outside quotes that make a narrator


def narrator(doc: Doc, actors: list[Cluster]) -> Cluster | None:
    """The writer speaking in the first person: a PERSON cluster of the first-person singular
    pronouns outside quotation marks (``pronoun`` mentions), when there are NARRATOR_MIN or
    more and no actor covers them; else None."""
    opening = quote_openings(doc)
    found = [t for t in doc if t.lower_ in FIRST_PERSON and t.pos_ == "PRON"
             and (t.text == "I" or t.lower_ != "i") and opening[t.i] < 0
             and not any(overlaps(c, t.idx, t.idx + len(t)) for c in actors)]
    if len(found) < NARRATOR_MIN:
        return None
    cluster = Cluster(("I",), "PERSON")
    for t in found:
        cluster.add(Mention(t.text, t.idx, t.idx + len(t), "pronoun"), "PERSON")
    return cluster


SPEAKER_SKIP_POS = frozenset({"ADV", "CCONJ", "PUNCT", "SPACE"})
SPEAKER_DET_POS = frozenset({"DET", "PRON"})  # left out of the words that key the actor
SPEAKER_TAGS = frozenset({"NN", "NNS"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})


def speakers(doc: Doc, actors: list[Cluster], unresolved: list[Cluster],
             held: Sequence[Mention] = ()) -> list[Cluster]:
    """Actors for the common-noun speakers of quote cues that no actor covers: a description
    of nobody named ("the senator said") moves out of ``unresolved``; other phrases become new
    PERSON, ORG, GROUP or DOCUMENT clusters, one per wording. A partitive ("a group of X",
    "52 percent of X") stands for X: nothing new when X is an actor already. ``held``: the
    appositive descriptions of people, which are theirs."""
    text = text_of(doc)
    made: dict[tuple[str, ...], Cluster] = {}
    out: list[Cluster] = []
    for head in speaker_heads(doc):
        if any(m.start <= head.idx < m.end for m in held):
            continue  # an appositive's ("X, a man convicted of threatening her"): X speaks
        if head.tag_ in RELATIVE_TAGS:
            _relative_mention(head, actors + out)
            continue
        if coref.person_epithet(head) is not None:
            continue  # "the Dutchman said": someone named before, whom coref finds
        part = partitive_object(head)
        noun = part if part is not None else head
        label = noun.i == 0 and noun.lemma_.lower() in speaker_nouns()  # a headline "Poll: …"
        # a capitalised title is a role noun ("one neo-bank CEO told me"), not a name
        title = noun.tag_ == "NNP" and roles.only_a_title([noun.lower_]) and not any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)  # "Argus Leader"
        if title and part is None:  # "Senator pushes back": the one senator named
            holder = _title_holder(noun, actors)
            if holder is not None:
                if not overlaps(holder, noun.idx, noun.idx + len(noun)):
                    holder.add(Mention(noun.text, noun.idx, noun.idx + len(noun), "title"),
                               "PERSON")
                continue
        if noun.tag_ == "NNP" and noun.ent_type_ in ("", "PERSON", "ORG") and not (
                label or title or personhood.generic(noun)):
            _unnamed_speaker(doc, noun, actors, made, out)
            continue
        if (noun.tag_ not in SPEAKER_TAGS and not (label or title)) or _named_inside(noun,
                                                                                    actors):
            continue
        if any(overlaps(c, t.idx, t.idx + len(t)) for c in actors + out for t in {head, noun}):
            continue
        if _titles_a_name(noun, actors):
            continue  # "GOP presidential candidate Kelda Morrow": her title, nobody else
        promoted = next((c for c in unresolved if overlaps(c, head.idx, head.idx + len(head))),
                        None)
        first = _phrase(doc, head)[0]
        if promoted is not None:
            unresolved.remove(promoted)
            out.append(promoted)
            if promoted.country is None:
                promoted.country = roles.country_in(doc, first, head.i)[0]
            continue
        type_ = speaker_type(noun)
        if type_ is None:
            continue
        if part is not None and head.lemma_.lower() == "one" and type_ == "GROUP":
            type_ = "PERSON"  # "one of the aides"
        core = _phrase(doc, head if part is None else noun)[1]
        start, end = doc[first].idx, noun.idx + len(noun)
        surface, words = text[start:end], words_of(text[doc[core].idx:end])
        cluster = made.get((type_, *words))
        if cluster is None:
            cluster = made[(type_, *words)] = Cluster(words, type_)
            cluster.plural = type_ == "GROUP" or noun.tag_ == "NNS"
            gender = personhood.PERSON_NOUNS.get(noun.lemma_.lower())
            cluster.gender = gender if type_ == "PERSON" and gender in ("m", "f") else None
            out.append(cluster)
        if cluster.country is None:  # "a Russian official", "Poland's parliament"
            cluster.country = roles.country_in(doc, first, noun.i)[0]
        if not overlaps(cluster, start, end):
            cluster.add(Mention(surface, start, end, "title" if type_ == "PERSON" else "other"),
                        type_)
    return out


def _titles_a_name(noun: Token, actors: list[Cluster]) -> bool:
    """A singular role noun right before a person's name is that name's title, however the
    parse hangs the two."""
    if noun.i + 1 >= len(noun.doc) or noun.tag_ != "NN":
        return False
    after = noun.doc[noun.i + 1]
    return any(c.type == "PERSON" and overlaps(c, after.idx, after.idx + len(after))
               for c in actors)


def _title_holder(noun: Token, actors: list[Cluster]) -> Cluster | None:
    """The one person of ``actors`` who holds the role a capitalised title speaker names
    (none when no one or several do)."""
    role = roles.title_role([noun.lower_])
    if role is None:
        return None
    holders = [c for c in actors
               if c.type == "PERSON" and (c.role or "").lower() == role.lower()]
    return holders[0] if len(holders) == 1 else None


def _relative_mention(relative: Token, actors: list[Cluster]) -> None:
    """"Smith, who said …": "who" is a mention of the actor it follows (the noun its clause
    modifies, or when the parse hangs the clause elsewhere, the noun right before it)."""
    antecedent = relative_antecedent(relative.head.head)
    if relative.head.dep_ != "relcl":
        before = relative.i - 1
        if before >= 0 and relative.doc[before].text == ",":
            before -= 1
        if before < 0 or relative.doc[before].pos_ not in ("NOUN", "PROPN"):
            return
        antecedent = relative.doc[before]
    start, end = antecedent.idx, antecedent.idx + len(antecedent)
    owner = next((c for c in actors if overlaps(c, start, end)), None)
    if owner is not None and not overlaps(owner, relative.idx, relative.idx + len(relative)):
        owner.mentions.append(Mention(relative.text, relative.idx, relative.idx + len(relative),
                                      "pronoun"))


def _unnamed_speaker(doc: Doc, head: Token, actors: list[Cluster],
                     made: dict[tuple[str, ...], Cluster], out: list[Cluster]) -> None:
    """A proper name that speaks ("Zero Hedge asked", "Peabody said") and that no actor covers:
    a mention of the actor of that name when there is one, else a PERSON when it opens with a
    known given name, else an ORG."""
    first = head.i
    while first > 0 and doc[first - 1].tag_ == "NNP" and doc[first - 1].head.i in range(
            first, head.i + 1) and "\n" not in doc[first - 1].text_with_ws:
        first -= 1
    start, end = doc[first].idx, head.idx + len(head)
    if any(overlaps(c, start, end) for c in actors + out):
        return
    surface = text_of(doc)[start:end]
    words = words_of(surface)
    named = next((c for c in actors if c.words == words), None)
    if named is not None:  # the NER labelled it elsewhere ("McClatchy" ORG)
        named.add(Mention(surface, start, end, "name"), named.type)
        return
    gender = coref.GIVEN_NAMES.get(words[0]) if len(words) > 1 else None
    type_ = "PERSON" if gender is not None else "ORG"
    cluster = made.get((type_, *words))
    if cluster is None:
        cluster = made[(type_, *words)] = Cluster(words, type_)
        cluster.gender = gender if gender in ("m", "f") else None
        out.append(cluster)
    cluster.add(Mention(surface, start, end, "name"), type_)


def _named_inside(head: Token, actors: list[Cluster]) -> bool:
    """A name in apposition or as a modifier ("Smith, the mayor,", "the IMF report") already
    names the speaker."""
    return any(any(overlaps(a, c.idx, c.idx + len(c)) for a in actors)
               for c in naming_modifiers(head))


def _phrase(doc: Doc, head: Token) -> tuple[int, int]:
    """(first token of the mention, first token of its key words) for a speaker noun: its left
    modifiers (``roles.phrase_start``: on its line, after any dash or colon) without leading
    adverbs or conjunctions ("Only 52 percent"); the key also drops determiners and possessive
    pronouns ("the union", "his aides" -> "union", "aides"). A plural's mention starts at its
    key, as group mentions do."""
    first = roles.phrase_start(doc, head.left_edge.i, head.i)
    while first < head.i and doc[first].pos_ in SPEAKER_SKIP_POS:
        first += 1
    marks = [t.i for t in doc[first:head.i] if t.is_quote]
    if len(marks) % 2:  # not from inside a quoted title ('“Dear Walter” letters': letters)
        first = marks[-1] + 1
    core = first
    while core < head.i and doc[core].pos_ in SPEAKER_DET_POS:
        core += 1
    return (core if head.tag_ == "NNS" else first), core


DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# modifiers that set a description apart from an earlier one with its head ("the other doctor")
CONTRASTIVE = frozenset({"other", "another", "second", "third", "new", "former", "latter",
                         "different", "same"})


def appositives(doc: Doc, people: list[Cluster]) -> list[tuple[Cluster, Mention]]:
    """A singular person noun in apposition to a person's name ("The suspect, Owen Marsh, was
    charged", "Owen Marsh, a retired teacher,") is a title mention of that person. They are
    returned, not added: they join their person after pronoun resolution (as more mentions
    they would shift coref's counts), and ``same_head`` reads them before it."""
    text = text_of(doc)
    out: list[tuple[Cluster, Mention]] = []
    for cluster in people:
        for m in [m for m in cluster.mentions if m.kind == "name"]:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            nouns = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                nouns.append(root.head)
            for noun in nouns:
                if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.ent_type_ \
                        or personhood.PERSON_NOUNS.get(noun.lemma_.lower()) is None:
                    continue
                if noun.i < root.i and any(t.dep_ == "prep" and t.head.i == noun.i
                                           for t in doc[noun.i + 1:root.i]):
                    continue  # "the son of X" is not X (but "The suspect, X," is)
                first = noun.left_edge.i
                if doc[first].lower_ not in ("the", "a", "an") or any(
                        t.ent_type_ or t.pos_ not in ("ADJ", "NOUN", "NUM", "ADV", "VERB")
                        for t in doc[first + 1:noun.i]):
                    continue  # not "his third wife": the pronoun is coref's to resolve
                start, end = doc[first].idx, noun.idx + len(noun.text)
                if not any(o.start < end and start < o.end for c in people
                           for o in c.mentions):
                    out.append((cluster, Mention(text[start:end], start, end, "title")))
                    gender = personhood.PERSON_NOUNS.get(noun.lemma_.lower())
                    if cluster.gender is None and gender in ("m", "f") \
                            and cluster.words[0] not in coref.GIVEN_NAMES:
                        cluster.gender = gender  # "a baby daughter, Kaya": no "he" (a
                        # listed given name already tells coref the gender)
    return out


def same_head(doc: Doc, actors: list[Cluster], unresolved: list[Cluster],
              described: Sequence[tuple[Cluster, Mention]] = ()) -> None:
    """A definite description ("the doctor", "the witnesses") whose head noun and number are
    those of a nominal actor or description named before it ("A doctor on the scene", "two
    witnesses") and whose modifiers that one has too, is a mention of it: its cluster joins the
    earlier one (which becomes an actor when either was). A named person takes part only
    through the descriptions of them ("The suspect, Owen Marsh, ... the suspect said"), and
    only as the earlier one."""
    clusters = [(c, True) for c in actors] + [(c, False) for c in unresolved]
    heads: list[tuple[int, Token, Cluster]] = []  # (start, head, cluster) of nominal mentions
    named: set[int] = set()
    for cluster, _ in clusters:
        if any(m.kind == "name" for m in cluster.mentions):  # (a relative pronoun, "A
            # doctor, who ...", leaves a description nominal)
            if cluster.type == "PERSON":
                named.add(id(cluster))  # a named person's descriptions ("the suspect, X")
            continue
        for m in cluster.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.pos_ == "NOUN":
                heads.append((m.start, span.root, cluster))
    for cluster, m in described:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if id(cluster) in named and span is not None:
            heads.append((m.start, span.root, cluster))
    heads.sort(key=lambda h: h[0])
    into: dict[int, Cluster] = {}
    for k, (start, head, cluster) in enumerate(heads):
        if id(cluster) in named or min(m.start for m in cluster.mentions) != start \
                or not _definite(head):
            continue
        mods = _modifiers(head)
        if mods & CONTRASTIVE:
            continue
        earlier = [(h, c) for _, h, c in heads[:k] if c is not cluster
                   and c.type == cluster.type and h.lemma_.lower() == head.lemma_.lower()
                   and h.tag_ == head.tag_]
        earlier = [(h, c) for h, c in earlier if mods <= _modifiers(h) | set(c.words)]
        if not earlier:
            continue
        target = earlier[-1][1]
        while id(target) in into:
            target = into[id(target)]
        if target is cluster:
            continue
        into[id(cluster)] = target
        target.mentions.extend(m for m in cluster.mentions
                               if not overlaps(target, m.start, m.end))
        target.gender = target.gender or cluster.gender
        target.describe(cluster.role, cluster.sector, cluster.country)
    if not into:
        return
    live = {id(c) for c, is_actor in clusters if is_actor}
    for cluster, is_actor in clusters:
        target = into.get(id(cluster))
        while target is not None and id(target) in into:
            target = into[id(target)]
        if target is not None and is_actor and id(target) not in live:
            live.add(id(target))
            unresolved.remove(target)
            actors.append(target)
    actors[:] = [c for c in actors if id(c) not in into]
    unresolved[:] = [c for c in unresolved if id(c) not in into]


def _definite(head: Token) -> bool:
    """A noun with "the" (or a demonstrative) before it."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children) or (
        head.i > 0 and head.doc[head.i - 1].lower_ in DEFINITE)


def _modifiers(head: Token) -> set[str]:
    """The lower-case words modifying a noun before it (adjectives, nouns, numbers)."""
    return {c.lower_ for c in head.children
            if c.i < head.i and c.dep_ in ("amod", "compound", "nummod", "nmod")}
