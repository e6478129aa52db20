"""Events: who did what to whom, typed with PLOVER's 16 categories.

Decisions (each tested in tests/stages/test_events.py):

- **Triggers** come from ``lexicons/events.tsv``: a verb lemma, a verb with its particle or
  preposition ("push back", "call for"), or a noun. A row's ``needs`` column says what the parse
  must also show (a direct object, an infinitive complement, or for nouns a light verb such as
  "held talks" or an argument preposition as in "a meeting with", "an attack on"). A noun whose
  light verb is itself a trigger is left to the verb ("signed an agreement" is one event); a
  noun trigger compounded into a plain noun takes that noun's light verb ("will witness the
  signing ceremony").
- **Intent verbs** (pledge, promise, plan, ...) name no event of their own: the event they
  govern ("pledged to provide aid", "pledged support") is planned. A **refusal** ("refused to
  meet") is one REJECT event; the refused event is not emitted.
- **Arguments** (source, target, pairs such as "the two leaders") come from
  stages/event_args.py, whose notes give the rules.
- **Ending an event** ("ended the talks", "suspended the strike", "cancelled the visit"): a
  verb of ending (``terminator`` rows of lexicons/event_words.tsv) whose object names an event
  is one event typed by the "ended" rows of ``lexicons/event_coding.tsv``: ending cooperation
  is SANCTION (discontinue), ending a protest, restriction or sanction is CONCEDE, ending
  fighting is RETREAT (ceasefire); the object noun is not a second event.
- **Noun triggers in a phrase of taking part** ("arrived on a visit", "went on strike", "was
  put under investigation", "gathered for a rally", "engaged in ethnic cleansing") take the
  subject (or, for a passive, the target) of the verb the phrase hangs on.
- **Coordination**: one event per conjoined source ("Mexico and Guatemala signed" -> two
  events); a conjoined target keeps only its first conjunct. For mutual types (``mutual`` rows
  of lexicons/event_words.tsv: AGREE, CONSULT, COOPERATE) two conjoined sources with no other
  target are each other's target ("Chile and Peru agreed").
- **Reported speech** needs nothing special: the source is the event's own subject, never the
  speaker of the quote by default.
- **Precision**: natural hazards are no actors ("an earthquake struck X" is no event). An
  event needs an actor argument (a subject or agent that is a noun, name or
  pronoun, or a possessor/light-verb subject for nouns), and either its source or target is
  an entity the actors stage knows or its source is a noun or name ("Police arrested ...",
  kept with no source id). Triggers used as modifiers are skipped. A price charged ("charges
  a $12 fee", "charged interest", ``price`` rows) is no accusation.
- **Status** and **PLOVER coding**: stages/event_status.py.
- **Requests made in speech** (imperatives in direct quotes, obligations in reported speech):
  stages/event_speech.py.
- **Requested events** ("demanded that X withdraw", "urged X to sign") are not emitted: the
  REQUEST is the event, and the asked-for one has not happened. A protest's topic ("went on
  hunger strike to demand X", "... to protest X's decision") is no REQUEST or ACCUSE of its
  own (manual, PROTEST).
- **PLOVER coding** (stages/event_status.py): the type is the single category a PLOVER
  coder returns, not "category + future": a planned or hypothetical cooperative action is
  AGREE ("will meet", "pledged to provide aid"; the mode names the promised category,
  AGREE/consult, AGREE/aid, as PLOVER gives AGREE no modes of its own), an announced
  retreat is CONCEDE, a planned or conditional sanction, coercion, protest or assault is
  THREATEN (its mode the content of the threat), and a refusal in the future ("will not
  accept") of a cooperative action is an occurred REJECT. The status keeps saying that the
  underlying action is planned or hypothetical. The coding needs a known source (the actor
  who promises or threatens): "X will be sentenced" stays a planned SANCTION.
- **Verbs parsed as modifiers** that still have a subject or auxiliary ("the President has
  blamed X", misparsed with "blamed" as an adjective of X) count as verbs.
- **Intent adjectives** ("ready/willing/prepared to ...", ``governor`` rows) make the event
  they govern planned and lend it their clause's subject.
- **Date**: the DATE entity that modifies the trigger (see stages/timex.py), else the article's
  published date.
- **Intensity**: ``lexicons/event_intensity.tsv`` by type and mode.

Knowledge lives in lexicons/ (events.tsv, event_words.tsv, event_coding.tsv,
event_intensity.tsv), loaded once by stages/event_lexicon.py.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Event, Range
from newsgraph.model import Span as TextSpan
from newsgraph.stages import Found, coref, roles, text_of, timex
from newsgraph.stages.event_args import (
    ARGUMENT_POS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    SUBJECTS,
    direct_target,
    entity,
    light_target,
    modifier_sources,
    noun_target_id,
    pair_partner,
    prep_objects,
    source_ids,
    subjects,
    target_id,
)
from newsgraph.stages.event_lexicon import Trigger, codings, intensity, triggers, words
from newsgraph.stages.event_speech import imperatives, obligations, obliged
from newsgraph.stages.event_status import coded, status_of
from newsgraph.stages.games import game_report, score
from newsgraph.stages.personhood import PERSON_NOUNS
from newsgraph.stages.quote_speakers import speaker_type

ACTOR_NOUNS = frozenset(PERSON_NOUNS) | frozenset(roles.ROLES)

MODIFIER_DEPS = ("amod", "compound", "nmod")


# --------------------------------------------------------------------------- triggers


def _has_word(token: Token, word: str) -> bool:
    """The pattern's second word on ``token``: a particle, an object or a modifier anywhere; a
    preposition or adverb after the verb ("call for", "fired shells at"; not "in Y, gave")."""
    for c in token.children:
        if c.dep_ in ("prt", "dobj", "compound", "amod"):
            if c.lower_ == word or (c.dep_ == "dobj" and c.lemma_.lower() == word):
                return True
        elif c.dep_ in ("prep", "advmod") and c.lower_ == word and 0 < c.i - token.i <= 6:
            return not any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME")
                           for o in c.children)  # "was fired on Sunday": no "fire on"
    return False


def _needs_met(token: Token, row: Trigger) -> bool:
    if token.lemma_.lower() in words("refusal") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in words("comment") for c in token.children):
        return False  # "declined to comment", "refused to say": no stand against anyone
    if row.needs == "obj":
        return _has_object(token)
    if row.needs == "intransitive":  # "workers marched"; not "marched the prisoners", "was struck"
        return not any(c.dep_ in (*OBJECTS, *PASSIVE_SUBJECTS, "ccomp", "xcomp", "agent",
                                  "auxpass") for c in token.children)  # ("being struck")
    if row.needs == "captive":  # "released the hostages", not "released a statement"
        return any(c.dep_ in OBJECTS + PASSIVE_SUBJECTS and c.lemma_.lower() not in
                   words("document") for c in token.children)
    if row.needs == "agreement":  # "signed a treaty", not "signed a petition"
        return any(c.dep_ in OBJECTS + PASSIVE_SUBJECTS and any(
            r.type == "AGREE" for r in triggers().get((c.lemma_.lower(), "noun"), ()))
            for c in token.children)
    if row.needs == "phrase":
        return _on_phrase(token, row.type)
    if row.needs == "notfor":  # "fought the rebels"; not "fighting for their return"
        return not any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children)
    if row.needs == "given":  # "provided aid", "provided $5m to X", "provided X with arms";
        # not "plans provide tax advantages", "the articles provide some information"
        kids = list(token.children)
        objects = [c for c in kids if c.dep_ in OBJECTS + PASSIVE_SUBJECTS]
        return any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "for"))
                   for c in kids) or (bool(objects) and any(
                       c.dep_ == "prep" and c.lower_ == "with" for c in kids)) or any(
            c.ent_type_ == "MONEY" or any(r.type == "AID" for r in triggers().get(
                (c.lemma_.lower(), "noun"), ())) for c in objects)
    if row.needs == "recipient":  # "offered troops to X", "offered X aid"
        return any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to")
                   for c in token.children)
    if row.needs == "ccomp":  # "protested that ...": a verb of saying with its clause
        return any(c.dep_ == "ccomp" for c in token.children) or token.dep_ == "parataxis"
    if row.needs == "xcomp":  # an infinitive: "told them to leave", not a participle the
        # parse hung there ("told cheering teachers that …")
        return any(c.dep_ == "xcomp" and (c.tag_ == "VB" or any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) for c in token.children)
    if row.needs == "noclause":  # "agreed to talk", not "experts agree that ..." (an opinion)
        return not any(c.dep_ == "ccomp" for c in token.children)
    if row.needs == "party":  # "met the minister", "they met"; not "meet their obligations",
        # nor a reception ("was met with opposition": passive with "with")
        if any(c.dep_ == "auxpass" for c in token.children) and any(
                c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
            return False
        return not any(c.dep_ in OBJECTS + PASSIVE_SUBJECTS and c.lemma_.lower() in
                       words("no_party") for c in token.children)
    if row.needs == "verbal":  # "attacked X over his record", "in a speech", "the plan"
        return _verbal_attack(token)
    if row.needs == "threat":  # "warned Iran", "warned it would retaliate", "warned of war"
        return _threat(token)
    if row.needs == "force":  # "shelled the town", "was struck by a missile", not "by an op-ed"
        return _has_object(token) and all(
            _actorish(g) or g.lemma_.lower() in words("weapon")
            for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")
    if row.needs.startswith("light:"):  # "lodged a protest": a light verb of that class
        light = _light_verb(token)
        return light is not None and light.lemma_.lower() in words(row.needs[6:])
    if row.needs == "nocontest":  # "beat the prisoner"; not "beat the incumbent governor",
        # "beat Hungary 2-0" (a win in a vote or a game, ``contest`` rows of event_words.tsv)
        contest = words("contest")
        first, end = coref.sentence(token.doc, token.i)  # (Token.sent walks the whole doc)
        return _has_object(token) and not any(
            t.lemma_.lower() in contest or t.lower_ in contest or score(t)
            for t in token.doc[first:end])
    if row.needs == "shared":  # "shared intelligence", "shared the data with X"; not
        # "designers share their interpretation", "details were shared on Twitter"
        return _has_object(token) and (any(c.dep_ == "prep" and c.lower_ == "with"
                                           for c in token.children) or any(
            c.dep_ in OBJECTS + PASSIVE_SUBJECTS and c.lemma_.lower() in words("shared")
            for c in token.children))
    if row.needs == "into":  # "a probe into X", "launched a probe"; not "the Jupiter probe"
        return _light_verb(token) is not None or any(
            c.dep_ == "prep" and c.lower_ == "into" for c in token.children)
    if row.needs == "light":
        if token.lemma_.lower() in words("mass") and token.tag_ == "NN" and not any(
                c.dep_ in ("det", "poss") for c in token.children):
            return False  # "overwhelming demand": a quantity, not a request
        return _light_verb(token) is not None or _on_phrase(token, row.type) or any(
            (c.dep_ == "poss" and row.type != "AGREE")  # "his contract" is his job, no pact
            or (c.dep_ == "prep" and (c.lower_ in words("target_prep") or c.lower_ in ("of", "by")))
            for c in token.children)
    return True


def _has_object(token: Token) -> bool:
    """An object or passive subject, a noun the (modifier-parsed) verb describes, or the
    object of a conjoined verb ("donated and delivered goods": they share it)."""
    return any(c.dep_ in OBJECTS + PASSIVE_SUBJECTS and c.pos_ != "SCONJ"  # not "It's
               for c in token.children) or (  # striking that …", a complementizer as object
        token.dep_ in MODIFIER_DEPS and token.head.pos_ in ARGUMENT_POS) or any(
        c.dep_ == "conj" and c.pos_ == "VERB" and any(g.dep_ in OBJECTS for g in c.children)
        for c in token.children)


def _actorish(token: Token) -> bool:
    """A word that can name an actor: a name, a pronoun, a person or group noun."""
    return token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
        or token.lemma_.lower() in ACTOR_NOUNS or token.lower_ in ACTOR_NOUNS


def _threat(verb: Token) -> bool:
    """A warning that is a threat: aimed at an actor ("warned Iran"), announcing an actor's
    action ("warned (that) it would retaliate": the clause's subject is a pronoun or the
    warner's own word; "warned that police will not tolerate ...": an actor with a future
    auxiliary), or of a coercive consequence ("warned of retaliation"); not a forecast
    ("warned that inflation could rise")."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    for c in verb.children:
        if c.dep_ in OBJECTS and _actorish(c):
            return True
        if c.dep_ == "ccomp":
            inner = next((g for g in c.children if g.dep_ in SUBJECTS), None)
            if inner is not None and (inner.pos_ == "PRON" or (
                    subject is not None and inner.lemma_.lower() == subject.lemma_.lower())):
                return True
            if inner is not None and _actorish(inner) and any(  # "police will not tolerate"
                    g.dep_ == "aux" and g.lower_ in words("future") for g in c.children):
                return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(
                g.lemma_.lower() in words("consequence") for g in c.children):
            return True
    return False


NAME_ENTITIES = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW"})


def _in_a_name(token: Token) -> bool:
    """A capitalised word inside a longer name ("Volatiles Investigating Polar Exploration
    Rover", "Strike Force Command"): no event of its own."""
    if token.ent_type_ not in NAME_ENTITIES or not token.is_title:
        return False
    doc = token.doc
    return token.ent_iob_ == "I" or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I")


def _match(token: Token) -> Trigger | None:
    if _in_a_name(token) or _compounded(token):
        return None
    if token.pos_ == "VERB" and (token.dep_ not in MODIFIER_DEPS or _clause_like(token)):
        pos = "verb"
    elif token.pos_ == "NOUN":
        pos = "noun"
    else:
        return None
    if pos == "verb" and token.lemma_.lower() in words("terminator"):
        ended = _ended_event(token)
        if ended is not None:
            return ended
    for row in triggers().get((token.lemma_.lower(), pos), ()):
        if row.extra and not _has_word(token, row.extra):
            continue
        if _needs_met(token, row):
            return row
    return None


def _compounded(token: Token) -> bool:
    """The second half of a hyphenated compound after a noun ("fire-fighting",
    "crime-fighting", "cost-cutting"): a kind of work, no event."""
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
        and not doc[i - 2].whitespace_ and doc[i - 2].pos_ == "NOUN"


def _ended_event(verb: Token) -> Trigger | None:
    """"ended the talks" is a SANCTION, "called off the strike" a CONCEDE: a verb that ends an
    event named by its object takes the "ended" row of lexicons/event_coding.tsv."""
    for c in verb.children:
        if c.dep_ in OBJECTS and c.pos_ == "NOUN":
            row = _match(c)
            hit = codings().get(("ended", row.type, "*")) if row is not None else None
            if hit is not None:
                return Trigger(hit[0], hit[1], "obj", None)
    return None


def _clause_like(token: Token) -> bool:
    """A verb parsed as a modifier that still heads its own clause ("the President has blamed
    X" parsed with "blamed" as an adjective on X): it has a subject or an auxiliary."""
    return any(c.dep_ in (*SUBJECTS, "aux") for c in token.children)


def _on_phrase(noun: Token, kind: str) -> bool:
    """An event noun in a phrase on a verb whose subject takes part: "arrived on a visit",
    "went on strike", "put under arrest", "gathered for a rally" (taking part: CONSULT and
    PROTEST only), "closed her trip with a visit to X" (CONSULT only), "engaged in ethnic
    cleansing" (after a ``participate`` verb)."""
    if noun.dep_ != "pobj" or noun.head.head.pos_ != "VERB":
        return False
    prep, verb = noun.head.lower_, noun.head.head
    return prep in ("on", "under") or (prep == "for" and kind in ("CONSULT", "PROTEST")) or (
        prep == "with" and kind == "CONSULT") or (
        prep == "in" and verb.lemma_.lower() in words("participate"))


def _is_light(verb: Token) -> bool:
    """A light verb by its lemma, or by its form when the lemmatizer slips ("staged" -> "stag")."""
    light = words("light")
    if verb.lemma_.lower() in light:
        return True
    form = verb.lower_
    stems = {form[:-1], form[:-2]} if form.endswith(("ed", "es")) else set()
    if form.endswith("ing"):
        stems |= {form[:-3], form[:-3] + "e"}
    return verb.pos_ in ("VERB", "AUX") and bool(stems & light)


def _quantity(noun: Token) -> bool:
    """"ten million dollars (of aid)", "a wave (of attacks)": a measure of what follows."""
    return noun.lemma_.lower() in words("quantity") or any(
        c.dep_ == "nummod" for c in noun.children)


def _light_verb(noun: Token) -> Token | None:
    head = noun.head
    if (noun.dep_ == "compound" and head.pos_ == "NOUN" and head.i != noun.i
            and not triggers().get((head.lemma_.lower(), "noun"))):
        noun, head = head, head.head  # "witnessed the signing ceremony": the event noun's verb
    elif (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in OBJECTS
          and head.head.pos_ == "NOUN" and _quantity(head.head)):
        noun, head = head.head, head.head.head  # "gave millions of dollars of aid"
    if noun.dep_ in OBJECTS + PASSIVE_SUBJECTS and _is_light(head):
        return head
    return None


# --------------------------------------------------------------------------- the stage


@dataclass
class _Candidate:
    token: Token
    row: Trigger


def _candidates(sent: Span) -> Iterator[_Candidate]:
    for token in sent:
        row = _match(token)
        if row is not None:
            yield _Candidate(token, row)


def _trigger_span(token: Token, row: Trigger) -> tuple[int, int]:
    start, end = token.idx, token.idx + len(token)
    if row.extra:
        for c in token.children:
            if c.lower_ == row.extra and c.i in (token.i + 1, token.i - 1):
                start, end = min(start, c.idx), max(end, c.idx + len(c))
    return start, end


def run(doc: Doc, found: Found) -> tuple[Event, ...]:
    published = found.article.published
    text = text_of(doc)
    events: list[Event] = []
    all_dates = [e for e in doc.ents if e.label_ == "DATE"]  # once: Span.ents scans the doc
    date_starts = [e.start for e in all_dates]
    play = words("game") if game_report(doc) else frozenset()
    for sent in doc.sents:
        found_here = [c for c in _candidates(sent) if c.token.lemma_.lower() not in play]
        if not found_here:
            continue
        by_index = {c.token.i: c for c in found_here}
        first = bisect_left(date_starts, sent.start)
        dates = [e for e in all_dates[first:bisect_left(date_starts, sent.end)]
                 if e.end <= sent.end]
        for cand in found_here:
            events.extend(_events(cand, by_index, dates, found, published, text))
    events.extend(imperatives(doc, found, published))
    events.extend(obligations(doc, found, published))
    events = _actors_only(events, found)
    return _once(sorted(events, key=lambda e: (e.trigger.start, e.source or "")))


# types whose events things can do: "shelling killed three", "an explosion hit the town"
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION"})
NOT_ACTORS = frozenset({"WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})  # entities that do nothing


def _actors_only(events: list[Event], found: Found) -> list[Event]:
    """Sources and targets are actors: a title, law, named event or product the NER found
    where a subject or object stands ("Officers arrested Webb" read as a title) is no
    source or target (None)."""
    inert = {e.id for e in found.entities if e.type in NOT_ACTORS}
    if not inert:
        return events
    return [replace(ev, source=None if ev.source in inert else ev.source,
                    target=None if ev.target in inert else ev.target)
            if ev.source in inert or ev.target in inert else ev for ev in events]


def _once(events: list[Event]) -> tuple[Event, ...]:
    """One event per happening, as event data counts them (ICEWS keeps one event per source,
    target, type and day in a story): a later mention with the same type, mode, status, date
    and actors is dropped, and so is a mention missing an actor that another mention of the
    same happening names ("the meeting with X" beside "W met X"). A mutual event's two
    directions ("X and Y signed": X->Y and Y->X) are two events, as before. Events stay in text
    order."""
    kept: list[Event] = []
    for event in events:
        if any(_covers(other, event) for other in kept):
            continue
        kept = [k for k in kept if not _covers(event, k)]
        kept.append(event)
    return tuple(kept)


def _covers(full: Event, part: Event) -> bool:
    """``full`` names every actor ``part`` names, in the same roles, for the same happening."""
    if (full.type, full.mode, full.status, full.date) != (part.type, part.mode, part.status,
                                                          part.date):
        return False
    return part.source in (None, full.source) and part.target in (None, full.target)


TIME_NOUNS = frozenset({"time", "day", "night", "week", "month", "year", "hour", "minute"})


def _verbal_attack(token: Token) -> bool:
    """An attack in words, not force: on a stance ("attacked the plan"), or with a reason or
    label ("attacked X over his record", "for", "as a liar"), or in a medium of speech
    ("attacked X in a speech")."""
    return any(c.dep_ in OBJECTS and c.lemma_.lower() in words("stance")
               for c in token.children) or any(
        g.lemma_.lower() not in TIME_NOUNS for g in prep_objects(token, ("over", "for", "as"))
    ) or any(g.lemma_.lower() in words("medium")
             for g in prep_objects(token, ("in", "on", "during")))


def _price(token: Token) -> bool:
    """A price charged ("the bar charges Rs 299", "charged passengers a $30 fee", "charges
    interest"): no accusation."""
    if token.lemma_.lower() != "charge" or token.pos_ != "VERB":
        return False
    return any(c.dep_ in ("dobj", "dative", "npadvmod") and (
        c.ent_type_ == "MONEY" or c.lemma_.lower() in words("price")
        or c.lower_.rstrip(".") in words("price")) for c in token.children)


def _for_comment(token: Token) -> bool:
    """A reporter's request for comment ("did not respond to the paper's request for comment",
    "requested comment from X") is newsroom routine, not an event between actors."""
    return any(g.lemma_.lower() == "comment" for g in prep_objects(token, ("for",))) or any(
        c.dep_ == "dobj" and c.lemma_.lower() == "comment" for c in token.children)


def _events(cand: _Candidate, by_index: dict[int, _Candidate], dates: list[Span],
            found: Found, published: str | None, text: str) -> list[Event]:
    token, row = cand.token, cand.row
    if row.mode == "intent":
        return []
    if _refused(token, by_index) or _requested(token, by_index) or _protest_topic(cand, by_index):
        return []
    if _for_comment(token) or _price(token):
        return []
    if obliged(token if token.pos_ == "VERB" else (_light_verb(token) or token)) is not None:
        return []  # "said X must agree": the demand is the event (_obligations)
    anchor = token
    if token.pos_ == "VERB" and any(c.i in by_index and _light_verb(c) == token
                                    for c in token.children):
        return []  # "imposed sanctions": the noun is the more specific trigger
    if token.pos_ == "NOUN" and _inside_trigger(token, by_index):
        return []
    if token.pos_ == "NOUN" and token.dep_ in OBJECTS and token.head.i in by_index and (
            by_index[token.head.i].row.needs == "agreement"):
        return []  # "signed a pact": one event, the signing
    if token.pos_ == "NOUN" and token.dep_ in OBJECTS and token.head.i in by_index and (
            token.head.lemma_.lower() in words("terminator")):
        return []  # "ended the talks": the ending is the event
    if token.pos_ == "NOUN":
        light = _light_verb(token)
        if light is not None:
            anchor = light
        sources = [c for c in token.children if c.dep_ == "poss"]
        if light is not None and not any(entity(c, found) for c in sources):
            sources = subjects(light) or sources  # "upgraded their ties": the subject's
        elif not sources and _on_phrase(token, row.type):
            sources = subjects(token.head.head)  # "arrived on a visit", "went on strike"
            anchor = token.head.head
        target = direct_target(token)
        if target is None and anchor is not token and light is None:
            target = direct_target(anchor)  # "X was put under arrest": X
        if target is None and light is not None:
            target = light_target(light, token)
        if light is not None:
            status = status_of(anchor, governor_counts=True)
        elif anchor is not token:
            status = status_of(anchor)
        elif token.dep_ in OBJECTS and token.head.pos_ == "VERB":
            status = status_of(token.head)  # "promised to continue military aid": planned
        else:
            status = "occurred"
    else:
        sources = subjects(token)
        target = direct_target(token)
        status = status_of(token)
    if _natural(token, sources):
        return []  # "an earthquake struck X": no actor, no event
    passive = [c for c in token.children if c.dep_ in PASSIVE_SUBJECTS]
    if any(s.lemma_.lower() in words("market") or s.lower_ in words("market")
           for s in sources + passive):
        return []  # "the Nifty has been rallying", "the dollar was supported by …": prices
    sources = [s for s in sources if s.pos_ in ARGUMENT_POS]
    if not sources and token.pos_ == "NOUN":
        sources = modifier_sources(token, found)
    if not sources and target is None:
        return []
    if not sources and token.pos_ == "VERB" and not _passive(token):
        return []
    ids = source_ids(sources, found)
    # where leaders met is not whom they met; where someone went on a visit is whom they visited
    located = row.type != "CONSULT" or row.mode == "visit"
    if token.pos_ == "VERB":
        threat = coded(row.type, row.mode, status)[0] == "THREATEN"
        to = target_id(token, found, set(ids), row.extra, threat=threat,
                       located=located)
    else:
        to = noun_target_id(token, anchor if anchor is not token else None, found, set(ids),
                            located=located)
    if to is None and not any(ids) and not any(
            s.pos_ == "PROPN" or (s.pos_ == "NOUN" and (
                token.pos_ == "NOUN" or row.type in FORCE_TYPES or speaker_type(s)))
            for s in sources):
        return []  # no actor we know: precision before recall; and a thing that "backs up" or
        # "yields" is a figure of speech, not an actor (a shelling or a blast may well attack)
    when = timex.event_expression(anchor, dates, set(by_index) - {token.i}) or (
        timex.event_expression(token, dates, set(by_index) - {token.i}))
    date = timex.resolve(when.text, published, status == "planned") if when else None
    date = date or (published[:10] if published else None)
    start, end = _trigger_span(token, row)
    sent = token.sent
    out = []
    for source_id in dict.fromkeys(ids):
        target = to if to is not None or len(ids) < 2 else pair_partner(source_id, sources, found)
        if target is None and (row.type in words("mutual") or row.needs == "agreement") \
                and len(set(ids) - {None}) == 2:  # "X and Y agreed", "X and Y signed a pact"
            target = next(i for i in set(ids) - {None} if i != source_id)
        # a promise or threat needs the actor who makes it: "X will be sentenced" stays literal
        kind, mode, coded_status = coded(row.type, row.mode, status if source_id else (
            "negated" if status == "refused" else status))
        if source_id is None and status != "refused":
            kind, mode, coded_status = row.type, row.mode, status
        out.append(Event(
            type=kind, mode=mode, source=source_id,
            target=target if target != source_id else None, status=coded_status,
            trigger=TextSpan(text[start:end], start, end),
            sentence=Range(sent.start_char, sent.end_char), date=date,
            intensity=intensity(kind, mode)))
    return out


def _natural(token: Token, sources: list[Token]) -> bool:
    """A natural hazard as the subject ("a magnitude 6 quake struck X"), or as the cause of an
    agentless passive ("was killed when a landslide hit", "were killed in the earthquake")."""
    natural = words("natural")
    if any(t.lemma_.lower() in natural for s in sources for t in s.subtree):
        return True
    if sources or token.pos_ != "VERB":
        return False
    causes = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "by", "during")
              for g in c.children if g.dep_ == "pobj"]
    causes += [g for c in token.children if c.dep_ == "advcl" for g in c.children
               if g.dep_ in SUBJECTS]
    return any(t.lemma_.lower() in natural for c in causes for t in c.subtree)


def _inside_trigger(noun: Token, by_index: dict[int, _Candidate]) -> bool:
    """"the signing of a memorandum", "pulled out of the talks": a noun in another trigger's
    prepositional argument is that event's argument, not an event of its own."""
    node = noun
    while node.dep_ in ("pobj", "prep", "pcomp", "prt") and node.head != node:
        node = node.head
    return node != noun and node.i in by_index


def _passive(token: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECTS for c in token.children)


def _protest_topic(cand: _Candidate, by_index: dict[int, _Candidate]) -> bool:
    """"went on hunger strike to demand X / to protest X": the demand or complaint is the
    protest's topic, not an event of its own (manual, PROTEST)."""
    token = cand.token
    if cand.row.type not in ("REQUEST", "ACCUSE") or token.dep_ not in ("advcl", "acl", "xcomp"):
        return False
    head = token.head
    protests = [c for c in by_index.values() if c.row.type == "PROTEST"]
    return any(p.token == head or _light_verb(p.token) == head
               or (p.token.pos_ == "NOUN" and _on_phrase(p.token, "PROTEST")
                   and p.token.head.head == head) for p in protests)


def _requested(token: Token, by_index: dict[int, _Candidate]) -> bool:
    """"demanded that X withdraw", "urged X to sign": the asked-for event has not happened; the
    request is the event."""
    node = token if token.pos_ == "VERB" else (_light_verb(token) or token)
    head = by_index.get(node.head.i)
    return (node.dep_ in ("ccomp", "xcomp") and head is not None and head.token is not node
            and head.row.type == "REQUEST")


def _refused(token: Token, by_index: dict[int, _Candidate]) -> bool:
    """True when the event is governed by a refusal verb, which is the event instead."""
    head = token.head if token.pos_ == "VERB" else (_light_verb(token) or token).head
    if token.dep_ != "xcomp" and token.pos_ == "VERB":
        return False
    return head.lemma_.lower() in words("refusal") and head.i in by_index
