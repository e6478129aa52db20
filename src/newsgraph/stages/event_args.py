"""Event arguments: who did it (source) and to whom (target), read off the dependency parse and
resolved to actor entity ids through ``found.entity_at``. Used by stages/events.py.

Decisions (each tested in tests/stages/test_events.py):

- **Source** is the subject, or the "by" agent of a passive (whose subject is the target). An
  infinitive ("agreed to meet X") takes its subject from the governing verb: its object for
  "tell/ask/urge X to ...", else its subject; a conjoined verb shares its head's subject; a
  relative clause's "who/which" is the noun it modifies; an adjective's infinitive ("is ready
  to sign") its clause's subject; a participle on an object ("issued a statement condemning
  X") the subject of the verb that governs the object; a purpose clause ("sent inspectors to
  investigate X") the governing verb's subject; a gerund after a preposition the governing
  verb's object or passive subject ("accused X of killing", "X was suspected of killing"), the
  noun a participle describes ("nationals suspected of blowing up"), else its subject
  ("resorted to throwing stones").
- **Entity of a word**: the entity with a mention on the word, else on the word with its
  pre-modifiers ("Palestinian police"), else, for a common noun, on the noun's complement with
  "of/in/from" ("leaders of the coalition", "opposition groups in Zimbabwe", "thousands of
  Kurds"), one level deep; an unresolved "it/they" subject of a reported clause is the
  reporter ("Russia said it would ...": Russia), the reading coreference would also give.
- **Target**, first of these that is an entity other than the source: the passive subject; the
  first object of a double-object verb ("give Tanzania a grant"); for verbs whose object is the
  thing moved ("theme" rows of lexicons/event_words.tsv: "sent troops to X", "withdrew its
  forces from X") the recipient or origin; the direct object, unless the source's own ("its
  troops"); the object of a target preposition on the trigger ("talks with X", "sanctions
  against X"); for verbs of complaint ("audience" rows: "complained to X about Y") the matter
  before the audience; the subject of a following "that" clause ("demanded that X withdraw";
  a reporting clause ", officials said" is not one); a complement of the object ("demanded the
  withdrawal of X", "rejected an offer from X", "lifted the curfew on X", "its demand that X
  ...", "crimes committed by X"), and one level deeper ("suspended part of an aid programme
  for X"); the matter of "in protest against / in response to X"; the same search on an
  infinitive or purpose clause the trigger governs ("agreed to provide aid to X"); last, the
  place where it happened ("imposed a curfew in X"), except for CONSULT other than visits
  (where leaders met is not whom they met: "met in Geneva"; "arrived in X on a visit" is X).
  A noun trigger looks at its own prepositions and "of" complement, then searches from its
  light verb ("began a hunger strike to protest X's decision").
- **Noun-trigger source**: the possessor ("Russia's attack"), else the light verb's subject,
  else an actor named by a modifier ("Palestinian riots", "a Hamas attack"; a compound place
  name is taken as where it happened).
- A **modifier-parsed verb** ("has blamed President X" parsed as an adjective on the name) takes
  the noun it modifies as its target.
- **Pairs**: "the two leaders" / "both countries" as a subject stands for the two entities of
  the matching kind mentioned last before the sentence (one event each), the way a reader
  resolves it; the nouns are the "pair_person"/"pair_place" rows of lexicons/event_words.tsv.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from newsgraph.stages import Found
from newsgraph.stages.event_lexicon import words
from newsgraph.stages.quote_speakers import parallel_cue

SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
OBJECTS = ("dobj", "obj")
ARGUMENT_POS = ("NOUN", "PROPN", "PRON")
PREPOSITIONS = ("prep", "dative")
PREMODIFIERS = ("compound", "amod", "flat", "nmod", "poss")
COMPLEMENT_PREPS = ("of", "in", "from")
OBJECT_PREPS = ("of", "by", "from", "for")
PLACE_TYPES = ("GPE", "LOC")


# --------------------------------------------------------------------------- sources


def subjects(verb: Token) -> list[Token]:
    """The subject tokens of ``verb`` (conjuncts included), following control and conjunction."""
    node, seen = verb, 0
    while seen < 6:
        seen += 1
        direct = [c for c in node.children if c.dep_ in SUBJECTS]
        agents = [g for c in node.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"]
        if agents:
            return with_conjuncts(agents[0])
        if direct:
            subject = direct[0]
            if len(direct) > 1 and 0 < node.i - direct[-1].i <= 2:  # a parse that runs a
                subject = direct[-1]  # clause into this one hangs two: "…, shortly after
                # Neumann stepped down" is Neumann's, the one right before the verb
            if subject.lower_ in words("relative") and node.dep_ == "relcl":
                subject = node.head
            return with_conjuncts(subject)
        raised = [c for c in node.children if c.dep_ in PASSIVE_SUBJECTS]
        if raised and node is not verb:  # "X is expected to visit": X visits
            return with_conjuncts(raised[0])
        if raised:
            return []
        if node.dep_ == "xcomp":
            objects = [c for c in node.head.children if c.dep_ in OBJECTS]
            if objects and node.head.lemma_.lower() in ("tell", "ask", "urge", "order", "press"):
                return with_conjuncts(objects[0])
            node = node.head
        elif (node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX")) or (
                node.dep_ == "acomp"):  # "X is ready to sign": the adjective's clause subject
            # ("X denied that rockets were fired and accused Y": X's, the parse
            # notwithstanding)
            node = parallel_cue(node) or node.head
        elif node.dep_ == "acl" and node.tag_ == "VBG" and node.head.dep_ in OBJECTS:
            node = node.head.head  # "issued a statement condemning X": the issuer
        elif node.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux"
                                          for a in node.children):
            node = node.head  # "sent inspectors to investigate X": the sender
        elif node.dep_ == "pcomp" and node.head.head.pos_ == "VERB":
            verb = node.head.head
            accused = [c for c in verb.children if c.dep_ in OBJECTS + PASSIVE_SUBJECTS]
            if accused:  # "accused X of killing", "X was suspected of killing": X
                return with_conjuncts(accused[0])
            if verb.dep_ == "acl" and verb.head.pos_ in ARGUMENT_POS:
                return with_conjuncts(verb.head)  # "nationals suspected of blowing up"
            node = verb  # "resorted to throwing stones"
        else:
            return []
    return []


def with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    for c in token.children:
        if c.dep_ == "conj":
            out.extend(with_conjuncts(c))
    return out


def source_ids(sources: list[Token], found: Found) -> list[str | None]:
    """One entity id (or None) per source word; a pair noun ("the two leaders") gives two."""
    out: list[str | None] = []
    for s in sources:
        pair = _pair(s, found)
        out.extend(pair if pair else [entity(s, found)])
    return out or [None]


def pair_partner(source: str | None, sources: list[Token], found: Found) -> str | None:
    """For a pair subject ("the two leaders will meet"), the other member is the target."""
    for s in sources:
        pair = _pair(s, found)
        if source in pair:
            return next(p for p in pair if p != source)
    return None


def _pair(token: Token, found: Found) -> list[str]:
    """"the two leaders", "both countries": the last two entities of that kind before the
    sentence, when the phrase names exactly two and the noun says which kind."""
    lemma = token.lemma_.lower()
    if lemma in words("pair_person"):
        kinds: tuple[str, ...] = ("PERSON",)
    elif lemma in words("pair_place"):
        kinds = PLACE_TYPES
    else:
        return []
    if not any(c.lower_ in ("two", "both") for c in token.children if c.i < token.i):
        return []
    before = token.sent.start_char
    last: dict[str, int] = {}
    for e in found.entities:
        if e.type not in kinds:
            continue
        starts = [m.start for m in e.mentions if m.start < before]
        if starts:
            last[e.id] = max(starts)
    ranked = sorted(last, key=lambda eid: last[eid], reverse=True)
    return ranked[:2] if len(ranked) >= 2 else []


# --------------------------------------------------------------------------- entities


def entity(token: Token | None, found: Found, complement: bool = True) -> str | None:
    """The entity id a word stands for (see the module notes), or None."""
    if token is None:
        return None
    end = token.idx + len(token)
    hit = found.entity_at(token.idx, end)
    if hit is None:
        first = min((c for c in token.children if c.dep_ in PREMODIFIERS and c.i < token.i
                     and c.pos_ != "VERB" and c.left_edge.i >= token.i - 6),
                    key=lambda c: c.i, default=None)
        if first is not None:
            hit = found.entity_at(first.left_edge.idx, end)
    if hit is None and complement and token.pos_ in ("NOUN", "PROPN"):  # "Rebels in X" at the
        # start of a sentence is often tagged a proper noun
        for g in prep_objects(token, COMPLEMENT_PREPS):
            hit = entity(g, found, complement=False)
            if hit is not None:
                break
    if hit is None and complement and token.pos_ == "PRON" and token.dep_ in SUBJECTS and (
            token.head.dep_ == "ccomp" and token.lower_ in words("reported_self")):
        reporters = subjects(token.head.head)  # "Russia said it would ...": Russia
        hit = entity(reporters[0], found, complement=False) if reporters else None
    return hit


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of the prepositions ``preps`` on ``token`` ("over his record": record)."""
    return [g for c in token.children if c.dep_ in PREPOSITIONS and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


# --------------------------------------------------------------------------- targets


def direct_target(token: Token) -> Token | None:
    """The word that is plainly the event's target: passive subject, object, or the object of a
    target preposition on the trigger."""
    for c in token.children:
        if c.dep_ in PASSIVE_SUBJECTS:
            return c
    for c in token.children:
        if c.dep_ in OBJECTS and c.pos_ in ARGUMENT_POS:
            return c
    objects = prep_objects(token, words("target_prep"))
    return objects[0] if objects else None


def light_target(light: Token, noun: Token) -> Token | None:
    """The target of "imposed sanctions on X": a target preposition on the light verb."""
    for g in prep_objects(light, words("target_prep")):
        if g != noun:
            return g
    return None


def target_id(token: Token, found: Found, exclude: set[str | None],
              extra: str | None = None, threat: bool = False,
              located: bool = True) -> str | None:
    """The target entity of verb ``token`` by the search order in the module notes (the place
    where it happened only when ``located``)."""
    for candidate in _target_words(token, extra, depth=0, threat=threat):
        hit = entity(candidate, found)
        if hit is not None and hit not in exclude:
            return hit
    return place(token, found, exclude) if located else None


def noun_target_id(noun: Token, light: Token | None, found: Found,
                   exclude: set[str | None], located: bool = True) -> str | None:
    """The target of a noun trigger: its target preposition ("an attack on X"), the light
    verb's ("imposed sanctions on X"), its "of" complement ("the invasion of X"), the subject of
    a "that" clause ("its demand that X ..."), else where it happened ("a curfew in X")."""
    words_ = [direct_target(noun)]
    if light is not None:
        words_.append(light_target(light, noun))
        words_ += [c for c in light.children if c.dep_ == "dative"]
    words_ += prep_objects(noun, ("of",))
    words_ += _that_subjects(noun)
    if light is None and noun.dep_ in OBJECTS:  # "reiterated its demand that X ..."
        words_ += [s for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i
                   for s in c.children if s.dep_ in SUBJECTS + PASSIVE_SUBJECTS]
    words_ += _reasons(noun)
    for candidate in words_:
        hit = entity(candidate, found)
        if hit is not None and hit not in exclude:
            return hit
    if light is not None:  # "began a hunger strike to protest X's decision"
        for candidate in _target_words(light, None, depth=0):
            hit = None if candidate.i == noun.i else entity(candidate, found)
            if hit is not None and hit not in exclude:
                return hit
    if not located:
        return None
    return place(noun, found, exclude) or (place(light, found, exclude) if light else None)


def modifier_sources(noun: Token, found: Found) -> list[Token]:
    """"Palestinian riots", "a Hamas attack": an actor named by a modifier of a noun trigger
    (an adjective, or a compound organisation or group name; a compound place name is more
    often where it happened: "the Kabul attack")."""
    out = []
    for c in noun.children:
        if c.i > noun.i or c.dep_ not in ("amod", "compound"):
            continue
        hit = found.entity(found.entity_at(c.idx, c.idx + len(c)))
        if hit is not None and (c.dep_ == "amod" or hit.type not in PLACE_TYPES):
            out.append(c)
    return out


def _reasons(token: Token) -> list[Token]:
    """"in protest against X's decision", "in response to violations by X": the matter."""
    preps = tuple(words("target_prep")) + OBJECT_PREPS
    out = []
    for reason in prep_objects(token, ("in",)):
        if reason.lemma_.lower() in words("reason"):
            matters = prep_objects(reason, preps)
            out += matters + [g for m in matters for g in prep_objects(m, preps) + _agents(m)]
    return out


def _agents(noun: Token) -> list[Token]:
    """"crimes committed by X", "property seized by X": the agent of a participle on a noun."""
    return [g for c in noun.children if c.dep_ == "acl" for a in c.children
            if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]


def _that_subjects(noun: Token) -> list[Token]:
    return [s for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
            and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
            for s in c.children if s.dep_ in SUBJECTS + PASSIVE_SUBJECTS]


def place(token: Token, found: Found, exclude: set[str | None]) -> str | None:
    """The place entity in an "in X" on the word or on its object."""
    heads = [token] + [c for c in token.children if c.dep_ in OBJECTS]
    for head in heads:
        for g in prep_objects(head, ("in",)):
            hit = entity(g, found)
            kind = found.entity(hit)
            if kind is not None and kind.type in PLACE_TYPES and hit not in exclude:
                return hit
    return None


def _target_words(token: Token, extra: str | None, depth: int,
                  threat: bool = False) -> Iterable[Token]:
    children = list(token.children)
    every_object = [c for c in children if c.dep_ in PASSIVE_SUBJECTS + OBJECTS]
    objects = [c for c in every_object  # not the source's own: "withdrew its troops"
               if not any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)]
    datives = [c for c in children if c.dep_ == "dative" and c.pos_ in ARGUMENT_POS]
    if extra:  # "called for sanctions against X": the particle's object acts as the object
        objects += [g for c in children if c.lower_ == extra for g in c.children
                    if g.dep_ == "pobj"]
    preps = prep_objects(token, words("target_prep"))
    if token.lemma_.lower() in words("audience"):  # "complained to X about Y": Y is the target
        matter = ("about", "over", "of", "against")
        heard = prep_objects(token, ("to",))
        preps = (prep_objects(token, matter)
                 + [g for h in heard for g in prep_objects(h, matter)] + preps)
    yield from datives
    if token.lemma_.lower() in words("theme"):  # "sent troops to X": the object is the thing
        given = prep_objects(token, ("with",)) if token.lemma_.lower() in words(
            "with_theme") else []
        if given and objects:  # "provided X with a ship", "armed X with rifles": X receives
            preps = [p for p in preps if p not in given]
            yield from objects
        else:  # "it would be provided next year": "it" is the thing given
            objects = [o for o in objects if o.lower_ != "it"]
        yield from preps
        yield from prep_objects(token, ("from", "for"))
    yield from objects
    yield from preps
    doc = token.doc
    for c in children:  # "demanded that X ..." (not a reporting clause: "..., X said")
        if c.dep_ == "ccomp" and c.i > token.i and doc[max(c.left_edge.i - 1, 0)].text != ",":
            yield from (s for s in c.children if s.dep_ in SUBJECTS + PASSIVE_SUBJECTS)
    complement_preps = tuple(words("target_prep")) + OBJECT_PREPS
    inner = []
    for obj in every_object + preps + prep_objects(token, ("for",)):
        found_here = prep_objects(obj, complement_preps) + _agents(obj)
        yield from found_here
        yield from _that_subjects(obj)
        inner += found_here
    for obj in inner:  # one level deeper: "suspended part of an aid programme for X"
        yield from prep_objects(obj, complement_preps) + _agents(obj)
    yield from _reasons(token)
    if token.dep_ == "amod" and token.head.pos_ in ARGUMENT_POS:
        head = token.head
        while head.dep_ in ("compound", "flat") and head.head.i > head.i:
            head = head.head
        yield head
    yield from prep_objects(token, ("from",))
    if depth < 2:
        for c in children:
            if c.dep_ == "xcomp":
                yield from _target_words(c, None, depth + 1, threat)
        for c in children:  # a purpose clause: "went on strike to demand the release of X"
            if c.dep_ == "advcl" and any(a.lower_ == "to" and a.dep_ == "aux"
                                         for a in c.children):
                yield from _target_words(c, None, depth + 1)
    if threat:  # "threatened to strike unless X ...": the condition's subject
        for c in token.subtree:
            if c.dep_ == "advcl" and any(m.lower_ in words("hypothetical") and m.dep_ == "mark"
                                         for m in c.children):
                yield from (s for s in c.children if s.dep_ in SUBJECTS)
