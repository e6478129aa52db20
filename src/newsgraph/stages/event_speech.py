"""Requests made in speech (used by stages/events.py).

- **Imperatives in direct quotes** ("Do not come.", "Please leave.") are REQUEST events by the
  quote's speaker: a sentence inside the quote whose root is a bare verb with no subject,
  opened by the verb, "do/don't" or "please". The trigger runs from the sentence start to
  the verb. A speaker known only by description ("an officer" shouting "Step out!") makes
  none: a command in a scene's dialogue is no request between actors.
- **Obligations in reported speech** ("Russia said Sudan must return the helicopter", "issued
  a reminder that Iraq must cooperate") are one REQUEST by the reporting verb's subject with
  the obligated clause's subject as target; an event trigger in the obligated clause is not
  emitted (it has not happened). A duty the speaker lays on itself ("I must tell you", "Russia
  said it must act") is no request. The obligation words are the "obligation" rows of
  ``lexicons/event_words.tsv``.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsgraph.model import Event, Range
from newsgraph.model import Span as TextSpan
from newsgraph.stages import Found, text_of
from newsgraph.stages.event_args import ARGUMENT_POS, OBJECTS, SUBJECTS, entity, subjects
from newsgraph.stages.event_lexicon import intensity, words
from newsgraph.stages.event_status import coded, status_of


def imperatives(doc: Doc, found: Found, published: str | None) -> list[Event]:
    out: list[Event] = []
    named = {e.id for e in found.entities
             if e.type != "PERSON" or any(m.kind == "name" for m in e.mentions)}
    quotes = [q for q in found.quotes if q.kind == "direct" and q.speaker in named]
    if not quotes:
        return out
    sents = list(doc.sents)  # once: Token.sent walks the document on every call
    ends = [s.end_char for s in sents]
    for quote in quotes:
        first = bisect_right(ends, quote.start)
        for sent in sents[first:]:
            if sent.start_char >= quote.end:
                break
            inside = [t for t in sent if quote.start <= t.idx < quote.end and not t.is_space]
            indices = {t.i for t in inside}
            heads = [t for t in inside if t.head.i not in indices or t.head.i == t.i]
            root = heads[0] if heads else None
            if root is None or root.tag_ != "VB" or root.dep_ == "xcomp":
                continue  # "told them: stay" is already the telling verb's REQUEST
            if root.lower_ != root.lemma_.lower():
                continue  # "Got her!": a past tense the tagger took for a bare verb
            if any(c.dep_ in (*SUBJECTS, "aux") and c.lower_ != "do" and c.idx >= quote.start
                   for c in root.children if c.i < root.i):
                continue
            opener = inside[0]
            if opener.i != root.i and opener.lower_ not in words("imperative"):
                continue
            start, end = opener.idx, root.idx + len(root)
            out.append(Event(
                type="REQUEST", mode=None, source=quote.speaker, target=None, status="occurred",
                trigger=TextSpan(text_of(doc)[start:end], start, end),
                sentence=Range(sent.start_char, sent.end_char),
                date=published[:10] if published else None, intensity=intensity("REQUEST", None)))
    return out


FIRST_PERSON = frozenset({"i", "we"})


def obliged(token: Token) -> Token | None:
    """The reporting verb when ``token`` is an obligation reported by it ("said X must go")."""
    if not any(c.dep_ == "aux" and c.lower_ in words("obligation") for c in token.children):
        return None
    if token.dep_ == "ccomp" and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    if token.dep_ in ("acl", "ccomp") and token.head.pos_ == "NOUN" and (
            token.head.head.pos_ == "VERB" and token.head.dep_ in OBJECTS):
        return token.head.head  # "issued a reminder that X must cooperate": the issuer asks
    return None


def obligations(doc: Doc, found: Found, published: str | None) -> list[Event]:
    out = []
    for token in doc:
        head = obliged(token)
        if head is None:
            continue
        sources = [s for s in subjects(head) if s.pos_ in ARGUMENT_POS]
        targets = [s for s in subjects(token) if s.pos_ in ARGUMENT_POS]
        if not sources or not targets or targets[0].lower_ in FIRST_PERSON:
            continue  # "I must tell you", "we must act": the speaker's own duty, no request
        source_id, target_id = entity(sources[0], found), entity(targets[0], found)
        if source_id == target_id:  # both unknown, or one actor obliging itself
            continue
        aux = next(c for c in token.children if c.dep_ == "aux" and c.lower_ in
                   words("obligation"))
        start, end = aux.idx, token.idx + len(token)
        out.append(Event(
            type="REQUEST", mode=None, source=source_id,
            target=target_id,
            status=coded("REQUEST", None, status_of(head))[2],
            trigger=TextSpan(text_of(doc)[start:end], start, end),
            sentence=Range(token.sent.start_char, token.sent.end_char),
            date=published[:10] if published else None, intensity=intensity("REQUEST", None)))
    return out
