"""Who said it: the token that names a cue's speaker, and the entity (and words) it stands for.
Used by ``quote_direct.py`` and ``quote_reported.py`` for every cue, and, before any entity is
known, by the actors stage through ``speaker_heads`` (re-exported by ``stages/quotes.py``, with
``relative_antecedent``). Decisions (tests rely on them):

- **Speakers** are entity ids from ``found.entity_at`` on the cue's subject (through "and",
  participles and "by saying"; else the word next to the cue; else, for a cue with no subject,
  the subject of the previous cue in its sentence: "X said, going on to say …"; the name
  before an apposition: "X, a top aide, said"), its apposition, the object of "according to"
  or of "by", a noun's possessor, a transcript label or a dash name; a partitive stands for
  its "of" object ("a group of farmers"), a document for its owner or issuer ("Smith's letter
  says", "the council issued a statement calling …"), a relative clause on an apposition for
  the person named ("X, now the party leader, who said"). A subject across a line or sentence
  break is a parse error and is not used (of two subjects, the one nearest the cue counts; an
  abbreviation's period is no break); a participle the parse leaves without one speaks for
  its sentence's subject ("Bemoaning “…”, X accused …", "X shrugged it off, insisting “…”");
  the word right before a subjectless cue may come before its auxiliaries ("X is once again
  saying"), the word after it not when it is the subject of what was said ("said it would").
  No entity there means ``None``; the actors stage makes actors of the common-noun and
  unrecognised-name speakers ``speaker_heads`` reports ("the union", "officials", "a
  spokesman", "the report"). The words taken as speaker (the phrase on the speaker's line,
  no leading punctuation) are in ``found.extra[SPEAKER_SPANS]`` either way.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from newsgraph.model import Span
from newsgraph.stages import Found, coref, personhood, roles, text_of
from newsgraph.stages.names import post_nominal
from newsgraph.stages.quote_cues import (
    is_passive,
    partitive_object,
    reporting_verbs,
    source_object,
    source_phrases,
    speaker_nouns,
    verb_lemma,
    word_class,
)
from newsgraph.stages.quote_labels import dash_name
from newsgraph.stages.quote_marks import quoted_runs
from newsgraph.stages.quote_nouns import noun_cues
from newsgraph.stages.quote_view import AttributedRun, DocView

MAX_CARRY_DISTANCE = 15  # tokens back to a cue whose subject a subjectless cue takes
MAX_PARTICIPLE_REACH = 40  # tokens from a subjectless participle to its sentence's subject
MAX_APPOSITION = 16  # longest aside between a name and its verb ("X, a top aide, said")
MAX_PHRASE_REACH = 6  # tokens from a determiner to its noun after an inverted cue
SUBJECT_DEPS = ("nsubj", "csubj")
VERB_PREFIX_DEPS = ("aux", "neg", "advmod")  # "is once again saying", "has not said"
OBJECT_DEPS = ("dobj", "pobj", "dative", "poss")  # words that are no verb's subject
RELATIVE_TAGS = frozenset({"WDT", "WP"})
SPEAKER_POS = frozenset({"PROPN", "PRON", "NOUN"})
# frames whose passive subject is what was spoken of or to, never who spoke
PASSIVE_OBJECT_FRAMES = frozenset({"naming", "charge", "judge", "hearer"})
OBJECT_FRAMES = frozenset({"charge", "judge", "hearer"})  # cues whose object is a person
# spoken to or of, never their speaker ("thanked Obama for …", "told Smith that …")
CLIMB_DEPS = ("conj", "xcomp", "advcl", "pcomp", "prep")  # "began by saying …"
NEUTER_SUBJECTS = frozenset({"it", "this", "that"})  # subjects of an inner cue that say nothing


def speaker_heads(doc: Doc) -> list[Token]:
    """The tokens this stage takes as the speakers of its reporting-verb cues and speech nouns,
    found before any entity is known, and relative pronouns that are a cue's subject: the
    actors stage makes actors of those that are no name ("the union wrote", "officials said",
    "a spokesman said") so that their quotes have one, and a mention of "who". Found once per
    document (the actors stage asks twice)."""
    known = doc.user_data.get(_HEADS_KEY)
    if known is None:
        known = doc.user_data[_HEADS_KEY] = [t.i for t in _speaker_heads(doc)]
    return [doc[i] for i in known]


_HEADS_KEY = "newsgraph.quotes.speaker_heads"


def _speaker_heads(doc: Doc) -> list[Token]:
    text = text_of(doc)
    view_runs = [AttributedRun(q.parts, q.outer) for q in quoted_runs(doc)]
    view = DocView(doc, text, view_runs)
    heads = [_speaker_token(view.doc[i], view) for i in view.cues]
    heads += [nc.source for nc in noun_cues(view.words, verb_subject)]
    heads += [c for i in view.cues if view.doc[i].dep_ == "relcl"  # "X, who said …": who
              for c in view.doc[i].children if c.dep_ == "nsubj" and c.tag_ in RELATIVE_TAGS]
    if len(doc) > 2 and doc[1].text == ":" and doc[0].lemma_.lower() in speaker_nouns():
        heads.append(doc[0])  # a headline "Poll: …"
    for r in view_runs:  # “…” ― Julie Smith
        dash = dash_name(r.outer[1], text)
        if dash is not None:
            last = doc[view.token_at(dash[2] - 1)]
            heads.append(last if last.tag_ == "NNP" else None)
    return [t for t in heads if t is not None]


def cue_speaker(cue: Token, found: Found,
                view: DocView) -> tuple[str | None, tuple[int, int] | None]:
    """(entity id or None, the speaker token's offsets or None) for a cue."""
    subject = _speaker_token(cue, view)
    if subject is None:
        return None, None
    return source_entity(subject, found)


def _speaker_token(cue: Token, view: DocView) -> Token | None:
    """The token naming a cue's speaker: its subject (or "according to" object), else the
    word next to it, else the subject of an earlier cue in its sentence."""
    source = source_object(cue, source_phrases())
    parsed = subject = source if source is not None else verb_subject(cue)
    if subject is not None and (view.quoted[subject.i] or not view.open_between(
            min(subject.i, cue.i) + 1, max(subject.i, cue.i))):
        subject = None  # quoted, or across a sentence or line break: a parse gone astray
    if subject is None:
        subject = _adjacent_subject(cue, view)
    if subject is None and source is None:
        subject = _earlier_cue_subject(cue, view)
    if subject is None and source is None:
        subject = _participle_host(cue, view, relative=parsed is not None and mute(parsed))
    elif subject is not None and source is None and mute(subject) and not (
            cue.dep_ == "acl" and cue.head.i == subject.i and subject.dep_ != "dobj"):
        # a thing that cannot speak: the parse hung the cue on the wrong clause ("The first
        # incident came when protesters interrupted her, shouting “…”": the protesters); but
        # a participle on its own noun is that noun's ("cleared of allegations suggesting …")
        subject = next((o for o in (_before_apposition(cue, view),
                                    _participle_host(cue, view, relative=True),
                                    _adjacent_subject(cue, view))
                        if o is not None and not mute(o) and o.dep_ not in OBJECT_DEPS),
                       subject)  # (not "a stay in Russia offers …": Russia is no speaker)
    return _issuer(_holder(subject)) if subject is not None else None


def mute(noun: Token) -> bool:
    """A common noun that names nothing able to speak ("incident", "nomination")."""
    return (noun.pos_ == "NOUN" and speaker_type(noun) is None
            and coref.person_epithet(noun) is None)


def _holder(subject: Token) -> Token:
    """The person a title with a portfolio names ("Minister for Sport Aileen Campbell said":
    the parse makes the title the subject and the name the object of "for"), or the name a
    title is coordinated with ("former Gov. and Chairman Ed Rendell said")."""
    if not roles.only_a_title([subject.lower_]):
        return subject
    named = next((c for c in subject.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
    if named is not None and not any(c.dep_ == "det" for c in subject.children):
        return named  # "former Pennsylvania Gov. and party Chairman Ed Rendell": Rendell
    if not subject.is_title:
        return subject
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN" and obj.i == prep.right_edge.i and sum(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children) >= 2:
                return obj  # (a portfolio and a given name before the surname)
    return subject


def _participle_host(cue: Token, view: DocView, relative: bool = False) -> Token | None:
    """A participle cue the parse leaves with no usable subject (it hangs it on a quote parsed
    as the main clause, or on the sentence before) speaks for the subject of its sentence: the
    first one after it when it opens the sentence ("Bemoaning the “…”, Smith accused …"), else
    the nearest one before it ("Smith hardly clarified it, asserting “…”"); one of a relative
    clause only when ``relative`` (the sentence's own subject cannot speak: "an ad in which
    children use a doll, yelling “…”")."""
    if cue.tag_ != "VBG":
        return None
    doc = view.doc
    opener = all(doc[j].is_punct or doc[j].is_space for j in range(
        max(0, cue.i - MAX_PARTICIPLE_REACH), cue.i) if view.open_between(j, cue.i))
    span = range(cue.i + 1, min(len(doc), cue.i + MAX_PARTICIPLE_REACH)) if opener else range(
        cue.i - 1, max(-1, cue.i - MAX_PARTICIPLE_REACH), -1)
    for j in span:
        if not view.open_between(min(j, cue.i + 1), max(j, cue.i)):
            return None
        t = doc[j]
        if (t.dep_ == "nsubj" and t.pos_ in SPEAKER_POS and t.tag_ not in RELATIVE_TAGS
                and t.lower_ not in NEUTER_SUBJECTS and not view.quoted[j]
                and not view.quoted[t.head.i] and (relative or not _relative(t.head))
                and not (relative and mute(t))):  # (for a thing's cue: on to a person)
            return t
    return None


def _relative(verb: Token) -> bool:
    """A relative clause, not a "when" clause the parse hangs on a noun as one ("a speech,
    when protesters interrupted her": the protesters are the sentence's people)."""
    return verb.dep_ == "relcl" and not any(
        c.tag_ == "WRB" and c.lower_ == "when" for c in verb.children)


def _issuer(subject: Token) -> Token:
    """The author of a document that speaks, when the sentence names one: "the council issued
    a statement calling …" is the council's, "Smith's letter says …" and "a statement from
    Smith said …" Smith's; else the document itself ("the report says")."""
    if speaker_nouns().get(subject.lemma_.lower(), ("",))[0] != "DOCUMENT":
        return subject
    owner = next((c for c in subject.children if c.dep_ == "poss"
                  and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
    if owner is None:  # "a statement from Sen. Ted Cruz"
        owner = next((o for p in subject.children if p.dep_ == "prep" and p.lower_ == "from"
                      for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
    if owner is None:  # "a speech Mrs. Clinton delivered in July"
        owner = next((s for v in subject.children if v.dep_ == "relcl" and v.i > subject.i
                      for s in v.children if s.dep_ == "nsubj" and s.pos_ == "PROPN"), None)
    if owner is not None:
        return owner
    if subject.dep_ != "dobj":
        return subject
    author = next((c for c in subject.head.children if c.dep_ == "nsubj"), None)
    return author if author is not None and author.tag_ not in RELATIVE_TAGS else subject


def _earlier_cue_subject(cue: Token, view: DocView) -> Token | None:
    """A cue with no subject of its own takes that of the nearest earlier cue in its sentence
    ("Smith said, going on to say …", "Smith said X but said …")."""
    k = bisect_left(view.cues, cue.i) - 1
    while k >= 0 and cue.i - view.cues[k] <= MAX_CARRY_DISTANCE:
        earlier = view.doc[view.cues[k]]
        if not view.open_between(earlier.i + 1, cue.i):
            return None
        subject = verb_subject(earlier)
        if subject is not None and not view.quoted[subject.i]:
            return subject
        k -= 1
    return None


def source_entity(subject: Token, found: Found) -> tuple[str | None, tuple[int, int]]:
    """(entity id or None, the source words' offsets) for the token naming a source."""
    if post_nominal(subject):
        named = [c for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if named:  # "Judge Guy Kearl KC said": the judge, not the letters after his name
            subject = named[-1]
    words = (_phrase_start(subject).idx, subject.idx + len(subject))  # "the IMF report"
    inner = naming_modifiers(subject)
    part = partitive_object(subject)
    if part is not None:  # "a group of farmers", "52 percent of voters"
        inner.append(part)
        words = (words[0], part.idx + len(part))
    for tok in (subject, *inner):  # "Smith, the mayor," / "the IMF report"
        eid = found.entity_at(tok.idx, tok.idx + len(tok))
        if eid is not None:
            return eid, words if tok is subject else (tok.idx, tok.idx + len(tok))
    if subject.pos_ == "NOUN":  # "his partner at Lenox, Lawrence Cummings,": the parse hangs
        for name in _nested_appositions(subject):  # the name on the place
            eid = found.entity_at(name.idx, name.idx + len(name))
            entity = found.entity(eid)
            if entity is not None and entity.type == "PERSON":
                return eid, (name.idx, name.idx + len(name))
    return None, words


PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


def naming_modifiers(head: Token) -> list[Token]:
    """The words inside a speaker's phrase that may name the speaker: an apposition ("Smith,
    the mayor,") or a proper-noun modifier of a common noun ("the IMF report"), but not a
    place that only locates a person ("the Vermont senator", "a Texas farmer"), nor what
    people belong to when they speak as a group ("some Twitter users", "Acme workers") or as
    one who holds no office of it ("one Weibo commenter")."""
    if head.pos_ != "NOUN":
        return [c for c in head.children if c.dep_ == "appos"]
    lemma = head.lemma_.lower()
    person = lemma in personhood.PERSON_NOUNS or lemma in roles.ROLES or speaker_nouns().get(
        lemma, ("",))[0] == "PERSON"  # "Tory sources", "Clinton aides"
    people = head.tag_ == "NNS" and (person or lemma.endswith(personhood.PERSON_ENDINGS))
    member = person and lemma not in roles.ROLES  # "one Weibo commenter", "a Google engineer":
    # no office that speaks for the name ("a White House official", "an IMF spokesman" do)
    return [c for c in head.children if c.dep_ == "appos" or (
        c.dep_ == "compound" and c.pos_ == "PROPN" and not (people or member)
        and not (person and c.ent_type_ in PLACE_LABELS))]


def _phrase_start(head: Token) -> Token:
    """The first token of a speaker's phrase on its line, without leading punctuation (a
    parse running over a line break or a closing quote mark starts it too early)."""
    doc, first = head.doc, head.left_edge.i
    for i in range(head.i - 1, first - 1, -1):
        if "\n" in doc[i].text:
            first = i + 1
            break
    while first < head.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    return doc[first]


def _nested_appositions(noun: Token) -> list[Token]:
    """Proper-name appositions of the object of a preposition on ``noun``."""
    return [a for prep in noun.children if prep.dep_ == "prep"
            for obj in prep.children if obj.dep_ == "pobj"
            for a in obj.children if a.dep_ == "appos" and a.pos_ == "PROPN"]


def _adjacent_subject(verb: Token, view: DocView) -> Token | None:
    """When the parse gives no usable subject (quotes confuse it): the name or pronoun right
    before the verb and its auxiliaries ("… Chuck Jordan said", "Smith is once again
    saying"), else right after it ("… said Obama", but not "said it would": that is the
    subject of what was said)."""
    doc = view.doc
    before = verb.i - 1
    if not any(c.dep_ == "auxpass" for c in verb.children):  # "X's memo on Y was mocked": not Y
        while (before > 0 and before < doc[before].head.i <= verb.i  # "is once again"
               and doc[before].dep_ in VERB_PREFIX_DEPS
               and doc[before].tag_ != "TO"):  # not "a panel to defend": no subject there
            before -= 1
        if before < verb.i - 1 and doc[before].dep_ in OBJECT_DEPS:
            before = verb.i - 1  # "… met Smith and has said": an object is nobody's subject
    antecedent = _relative_clause_owner(doc[before], verb) if before >= 0 else None
    if antecedent is not None and not view.quoted[antecedent.i] and view.open_between(
            antecedent.i + 1, verb.i):
        return antecedent  # "an official who spoke to discuss strategy said": the official
    entry = reporting_verbs().get(verb_lemma(verb))
    after = -1 if entry is not None and entry.frame in OBJECT_FRAMES else _noun_after(verb)
    for i in (before, after):  # (no inverted speaker after "thanked", "accused", "told")
        if not 0 <= i < len(doc):
            continue
        epithet = coref.person_epithet(doc[i]) is not None  # "the 29-year-old": ADJ, DATE
        named = doc[i].pos_ in SPEAKER_POS and doc[i].ent_type_ not in ("DATE", "TIME")
        if (not view.quoted[i] and (epithet or named)  # (not "… said Thursday")
                and not (i > verb.i and doc[i].dep_ in SUBJECT_DEPS and doc[i].head.i != verb.i)
                and not (i > verb.i and _own_object(doc[i], verb))
                and view.open_between(min(i, verb.i) + 1, max(i, verb.i))):
            return _name_head(doc[i]) if i > verb.i else doc[i]
    return _before_apposition(verb, view)


def _own_object(noun: Token, verb: Token) -> bool:
    """The noun after a cue is what the cue acts on ("discuss investigations"), not who
    speaks; but an inverted subject parsed as an object still speaks after a quotation
    ("“…,” said Obama") or a cue that opens its sentence ("Said another user: …")."""
    if noun.dep_ != "dobj" or noun.head.i != verb.i or verb.is_sent_start:
        return False
    doc, i = verb.doc, verb.i - 1
    while i >= 0 and doc[i].text in (",", "—", "--"):
        i -= 1
    return i >= 0 and not doc[i].is_quote and not doc[i].is_space and (
        "\n" not in doc[i].whitespace_)


def _relative_clause_owner(last: Token, verb: Token) -> Token | None:
    """The noun a relative clause ending at ``last`` (right before ``verb``) describes, when
    the parse runs the clause into the verb's subject position and leaves the verb without
    one: "a White House official who spoke anonymously to discuss strategy said"."""
    for anc in (last, *last.ancestors):
        if anc.i >= verb.i or anc.right_edge.i != last.i:
            return None
        if anc.dep_ == "relcl" and anc.i > anc.head.i:
            owner = relative_antecedent(anc.head)
            return owner if owner.pos_ in SPEAKER_POS and not mute(owner) else None
    return None


def speaker_type(noun: Token) -> str | None:
    """PERSON, ORG, GROUP or DOCUMENT for a speaker noun, or None when it names no speaker
    this knows of ("the weather", "riots")."""
    lemma = noun.lemma_.lower()
    listed = speaker_nouns().get(lemma, ("", False))[0]
    if listed == "-":
        return None
    if listed == "DOCUMENT":
        return listed
    if not listed:
        if lemma in personhood.PERSON_NOUNS or lemma in roles.ROLES or (
                noun.tag_ == "NNS" and lemma.endswith(personhood.PERSON_ENDINGS)
                and not lemma.endswith("ment")):  # "landowners"; not "the weather"
            listed = "PERSON"
        elif lemma in roles.ORG_WORDS and noun.tag_ == "NN":
            listed = "ORG"
    if not listed:
        return None
    return "GROUP" if noun.tag_ == "NNS" else listed


def _noun_after(verb: Token) -> int:
    """The index of the word after a verb that may name its speaker: the word itself, or the
    head of a noun phrase that opens with a determiner or adjective when that head is a
    speaker noun right after a quote ("… ,' added another user": the user, not "another")."""
    doc, i = verb.doc, verb.i + 1
    if i < len(doc) and doc[i].pos_ in ("DET", "ADJ", "NUM") and (
            (verb.i > 0 and doc[verb.i - 1].is_punct) or verb.is_sent_start):
        # inverted after a quote or opening the sentence ("Said another user: …"); not "to
        # mention the author"
        head = doc[i].head
        if i < head.i <= i + MAX_PHRASE_REACH and (
                (head.pos_ == "NOUN" and speaker_type(head) is not None)
                or coref.person_epithet(head) is not None):  # "…,' joked the 29-year-old"
            return head.i
    return i


def _name_head(token: Token) -> Token:
    """The name a title or given name after a cue belongs to ("warned Chancellor Olaf
    Scholz": Scholz), climbing the proper-noun modifiers the parse hangs on it."""
    while (token.dep_ == "compound" and token.pos_ == "PROPN" and token.head.i > token.i
           and token.head.pos_ == "PROPN"):
        token = token.head
    return token


def _before_apposition(verb: Token, view: DocView) -> Token | None:
    """"… Flynn, a top adviser, said": the name before an apposition closed by a comma right
    before the verb; or the name that is the apposition ("her adviser, Jake Sullivan, said")."""
    doc, i = view.doc, verb.i - 1
    while i > 0 and doc[i].dep_ in ("aux", "neg") and doc[i].head.i == verb.i:
        i -= 1  # "Trump, asked about …, had said"
    if i < 2 or doc[i].text != ",":
        return None
    for j in range(i - 1, max(0, i - MAX_APPOSITION) - 1, -1):
        if view.quoted[j] or not view.open_between(j, verb.i) or (
                doc[j].dep_ in SUBJECT_DEPS and doc[j].tag_ not in RELATIVE_TAGS):
            return None  # (a clause with a subject of its own is no apposition: "at
            # Purchase, when protesters interrupted her, shouting")
        if doc[j].text == ",":
            name = doc[j - 1] if j else None
            if (name is not None and name.pos_ == "PROPN" and not view.quoted[name.i]
                    and j + 1 < i):
                return name
            if (name is not None and j + 1 < i and speaker_type(name) == "PERSON"
                    and all(doc[k].pos_ == "PROPN" for k in range(j + 1, i))):
                return doc[i - 1]  # "her adviser, Jake Sullivan, said": the name between
            return None
    return None


def parallel_cue(verb: Token) -> Token | None:
    """The reporting verb a conjoined reporting verb of the same form goes with, when the
    parse hangs it on that verb's reported clause instead ("X denied that rockets had been
    fired and accused Y of ...": X accused, not the rockets); else None."""
    verbs = reporting_verbs()
    clause = verb.head
    if verb.dep_ != "conj" or clause.dep_ != "ccomp" or verb_lemma(verb) not in verbs \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):  # its own subject
        return None
    outer = clause.head
    if outer.i < clause.i < verb.i and outer.tag_ == verb.tag_ and verb_lemma(outer) in verbs:
        return outer
    return None


def verb_subject(verb: Token) -> Token | None:
    """The verb's subject, looking through conjunctions ("pushed back and insisted"),
    participles ("…, adding") and raising verbs ("appeared to say")."""
    tok = verb
    if is_passive(verb):  # "X was described as Y by Z": Z
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        entry = reporting_verbs().get(verb_lemma(verb))
        if entry is not None and entry.frame in PASSIVE_OBJECT_FRAMES:
            return None  # "X was described as a liar", "X was told …": X is not the source
    outer = parallel_cue(verb)
    if outer is not None:  # "Hamas denied that rockets were fired and accused Israel of …"
        tok = outer
    for _ in range(6):
        # the subject nearest the cue: a parse that runs a dateline or the sentence before
        # into this one can hang a second subject on a verb ("7 p.m.\n\nSmith's doctor is …")
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS] or [
            g for c in tok.children if c.dep_ == "aux" and c.i < tok.i
            for g in c.children if g.dep_ in SUBJECT_DEPS]  # "X did, in fact, discuss":
        # the parse hangs the subject on the auxiliary
        if subjects:
            c = _phrase_head(min(subjects, key=lambda s: abs(s.i - verb.i)), subjects)
            if c.tag_ in RELATIVE_TAGS and tok.dep_ == "relcl":
                return relative_antecedent(tok.head)  # "a letter that says …": the letter
            return c if any(ch.isalpha() for ch in c.text) else None
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:  # "was told by X"
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        if tok.dep_ == "acl" and tok.head.pos_ in SPEAKER_POS:
            light = tok.head.head.lemma_.lower()
            if (tok.tag_ == "VBG" and tok.head.dep_ == "dobj" and light != "have"
                    and light in word_class("light-verb")):
                # "Bruce gave a response saying …": Bruce ("we have a committee telling us": it)
                tok = tok.head.head
                continue
            verb_of = _medium_verb(tok.head)
            if verb_of is not None:  # "X posted on Twitter accusing …": X, not Twitter
                tok = verb_of
                continue
            return _participle_subject(tok.head)  # "Trump saying …", "footage of Trump saying"
        if tok.dep_ == "xcomp" and tok.head.i != tok.i:  # "this led X to fear": X (object
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None and (obj.pos_ in ("PROPN", "PRON") or any(  # control)
                    c.pos_ == "PROPN" and c.dep_ in ("appos", "compound") for c in obj.children)):
                return obj
            if obj is not None and tok.tag_ == "VBG" and obj.right_edge.i == tok.i - 1:
                person = _participle_subject(obj)  # "uses footage of X asking": the parse
                if person.i != obj.i:  # hangs the participle on the verb, not on X
                    return person
        if tok.dep_ not in CLIMB_DEPS or tok.head.i == tok.i:
            return None
        if (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.dep_ == "relcl"
                and tok.i > 0 and tok.doc[tok.i - 1].text == "," and not any(
                    c.dep_ in SUBJECT_DEPS and c.tag_ not in RELATIVE_TAGS
                    for c in tok.head.children)):
            tok = tok.head.head.head  # "X refused to pay a man who sued, saying …": X's, not the
            continue  # man's (the parse hangs the participle on the relative clause); but "a
            # film in which children stack coins, shouting …" is the children's
        tok = tok.head
    return None


def _phrase_head(subject: Token, subjects: list[Token]) -> Token:
    """The last of several subjects that are pieces of one noun phrase after an inverted cue
    ("said study co-author Rob Knight": the parse splits the phrase at the hyphen into three
    subjects, and the name ends it)."""
    doc = subject.doc
    for later in sorted(s for s in subjects if s.i > subject.i):
        between = doc[subject.i + 1:later.i]
        if any((t.is_punct and t.text not in "-\u2010\u2011") or t.pos_ in ("VERB", "AUX")
               or t.is_space for t in between):
            break
        subject = later
    return subject


def relative_antecedent(noun: Token) -> Token:
    """What a relative clause on ``noun`` is about: the person an apposition describes when
    the parse hangs the clause on the apposition ("Smith, now the party leader, who said …":
    Smith, not the leader)."""
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN":
        lemma = noun.lemma_.lower()
        if lemma in roles.ROLES or lemma in personhood.PERSON_NOUNS or speaker_nouns().get(
                lemma, ("",))[0] == "PERSON":
            return noun.head
    return noun


def _medium_verb(noun: Token) -> Token | None:
    """The verb when ``noun`` is where its subject spoke ("posted on Twitter", "spoke at a
    rally", "appeared in Fox's studio"): a participle hung on the noun is the subject's."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "at", "in") or prep.dep_ != "prep":
        return None
    if prep.lower_ == "in" and noun.pos_ != "PROPN":
        return None  # "a man in a hat saying": the man
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i < noun.i else None


def _participle_subject(noun: Token) -> Token:
    """The noun a participle describes, or the person in "footage/video/clip of X"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "PRON"):
                return obj
    return noun


def cue_span(tok: Token, text: str) -> Span:
    """The cue's words: the verb, with the particle of a phrasal one ("shot back") or the
    second word of a source phrase ("according to")."""
    end = tok.idx + len(tok)
    if " " in verb_lemma(tok):
        end = tok.nbor(1).idx + len(tok.nbor(1))
    second = source_phrases().get(tok.lower_)
    if second is not None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == second:
            end = nxt.idx + len(nxt)
    return Span(text[tok.idx:end], tok.idx, end)
