"""Reported speech: what each reporting verb, source phrase, speech noun and stance adjective
outside quotes reports, and what the -s verb of a misparsed headline reports. Frames come from
``quote_cues.py`` and ``quote_nouns.py``; speakers from ``quote_speakers.py``. Decisions (tests
rely on them):

- **Reported speech** is what a reporting verb (``lexicons/reporting_verbs.tsv``) reports, by
  the verb's frame: its clause without a leading "that" (the one after the verb when there is
  one on each side), an infinitive for promise-like verbs, the object through "of"/"as" for
  accuse-like and naming verbs (or the bare object for praise-like ones), the object or topic
  phrase for verbs like "announce" and "call for" (per-verb prepositions: "spoke about", not
  "spoke at"); the subject of a passive with an agent ("… was reported by X"); "according to
  X" and "in a new poll," report the rest of their clause, an "as" aside ("Hawaii, as one
  adviser noted, rarely floods"; "As X put it, …") the clause it comments on. Speech nouns
  ("her claim that …",
  "his plan to …") and stance adjectives ("sure that …", "critical of …") are cues too (see
  ``quote_nouns.py``). A one-word content must be a noun or name ("endorsed Obama"). Reported
  content that is mostly inside quote marks is left to the direct quote; cues inside quotes are
  ignored.
- **Headlines** the parse misreads ("X Vows To …", "Lawmaker urges …;") report the rest of
  their line through their -s reporting verb when nothing else on that line is reported.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from newsgraph.model import Quote, Span
from newsgraph.stages import Found, personhood, roles
from newsgraph.stages.coref import dateline_end
from newsgraph.stages.quote_cues import (
    Verb,
    according_content,
    complement,
    cue_kind,
    reporting_verbs,
    source_object,
    source_phrases,
    speaker_nouns,
    verb_lemma,
)
from newsgraph.stages.quote_direct import SAYING
from newsgraph.stages.quote_marks import quote_marks
from newsgraph.stages.quote_nouns import noun_cues
from newsgraph.stages.quote_speakers import cue_span, cue_speaker, source_entity, verb_subject
from newsgraph.stages.quote_view import DocView, trim

MAX_HEADLINE_TOKENS = 30  # a longer first line is a paragraph, not a headline
HEADLINE_VERB_TAGS = frozenset({"NNS", "NNP", "NNPS", "VBZ"})  # how headline verbs get tagged
CONTENT_POS = frozenset({"PROPN", "NOUN"})  # a one-word content must be one of these
INSTRUCTIONS = frozenset({"add", "note", "present", "share", "remember", "consider", "imagine"})
# reporting verbs that, as a bare imperative, instruct the reader


def reported_speech(view: DocView, found: Found) -> list[tuple[Quote, tuple[int, int] | None]]:
    doc, verbs, phrases = view.doc, reporting_verbs(), source_phrases()
    out = []
    for i in view.cues:
        tok = doc[i]
        source = source_object(tok, phrases)
        if source is not None:
            span = according_content(tok)
        elif tok.dep_ == "acl" and tok.head.pos_ in ("PRON", "DET") and (
                cue_kind(tok) not in SAYING):
            continue  # "anyone wanting to …", "those considering …": no one's stance
        elif tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN") and tok.head.pos_ == "NOUN" \
                and cue_kind(tok) in ("thought", "speech") \
                and any(c.dep_ == "dobj" for c in tok.children) \
                and not _may_hold_a_view(tok.head, cue_kind(tok) == "speech"):
            continue  # "a policy favoring free trade", "an agenda backing tariffs"
        elif tok.lemma_.lower() in INSTRUCTIONS and _imperative(tok):
            continue  # "Add the juice of one lemon", "Note that the offer ends": nobody
            # reports ("Ask any voter": PolNeAR hears the voters)
        else:
            span = complement(tok, verbs[verb_lemma(tok)])
        if span is None:
            continue
        a, b = _same_line(doc, i, *view.clip_to_block(i, *span))
        if a >= b or 2 * (view.quoted_prefix[b] - view.quoted_prefix[a]) >= b - a:
            continue
        a, b = _trim_tokens(doc, a, b)
        if b - a < 2 and (a >= b or doc[a].pos_ not in CONTENT_POS
                          or doc[a].ent_type_ in ("DATE", "TIME")):
            continue  # one word says something only when it names something ("backed Obama")
        s, e = _content_span(view.text, doc, a, b)
        if s < e:
            speaker, who = cue_speaker(tok, found, view) if not _asked(tok) else (None, None)
            quote = Quote(view.text[s:e], s, e, "indirect", speaker, cue_span(tok, view.text))
            out.append((quote, who))
    for nc in noun_cues(view.words, verb_subject):
        a, b = nc.content
        if b - a < 1 or 2 * (view.quoted_prefix[b] - view.quoted_prefix[a]) >= b - a:
            continue
        a, b = _trim_tokens(doc, a, b)
        if b - a < 2 and (a >= b or doc[a].pos_ not in CONTENT_POS):
            continue  # "accusations against him"
        s, e = _content_span(view.text, doc, a, b)
        if s < e:
            speaker, who = source_entity(nc.source, found) if nc.source is not None else (
                None, None)
            cue = Span(nc.cue.text, nc.cue.idx, nc.cue.idx + len(nc.cue))
            out.append((Quote(view.text[s:e], s, e, "indirect", speaker, cue), who))
    return out


def headline_speech(view: DocView, found: Found,
                    line: tuple[int, int]) -> list[tuple[Quote, tuple[int, int] | None]]:
    """A headline the parse misreads ("Sanders Vows To Cut Tax Breaks", "Mayor urges calm"):
    when the first line reports nothing otherwise, an -s word after its subject that is a
    reporting verb reports the rest of the line."""
    doc, text = view.doc, view.text
    a, b = view.token_at(line[0]), bisect_left(view.starts, line[1])
    if b - a > MAX_HEADLINE_TOKENS:
        return []
    verbs = reporting_verbs()
    for i in range(a + 1, b - 2):
        t = doc[i]
        if view.quoted[i] or t.tag_ not in HEADLINE_VERB_TAGS or not t.lower_.endswith("s"):
            continue
        entry = verbs.get(_headline_lemma(t.lower_, verbs) or "")
        if entry is None or entry.frame in ("aside", "quote") or (
                entry.kind == "thought" and doc[i + 1].lower_ != "to"):
            continue  # "Smith wants a new car": no stance
        x, y = _trim_tokens(doc, i + 1, b)
        if y - x < 2 or 2 * (view.quoted_prefix[y] - view.quoted_prefix[x]) >= y - x:
            return []
        s, e = _content_span(text, doc, x, y)
        who = (doc[a].idx, t.idx - 1) if t.idx - 1 > doc[a].idx else None
        speaker = found.entity_at(*who) if who is not None else None
        cue = Span(t.text, t.idx, t.idx + len(t))
        return [(Quote(text[s:e], s, e, "indirect", speaker, cue), who)]
    return []


def _headline_lemma(word: str, verbs: dict[str, Verb]) -> str | None:
    """The lexicon lemma of an -s form: "vows" -> "vow", "urges" -> "urge", "denies" -> "deny"."""
    for lemma in (word[:-1], word[:-2], word[:-3] + "y"):
        if lemma in verbs:
            return lemma
    return None


def _may_hold_a_view(noun: Token, says: bool) -> bool:
    """A common noun that can name who holds a view: a person, group, role or organisation
    noun ("voters favoring X", "a group backing Y"), or one named in an entity; a text only
    when the cue ``says`` something ("a statement rejecting X"; "a policy favoring X" holds
    no view)."""
    lemma = noun.lemma_.lower()
    kind = speaker_nouns().get(lemma, ("-",))[0]
    return bool(noun.ent_type_) or lemma in personhood.PERSON_NOUNS or lemma in roles.ROLES \
        or lemma in roles.ORG_WORDS or (kind != "-" and (says or kind != "DOCUMENT"))


def _same_line(doc: Doc, cue: int, a: int, b: int) -> tuple[int, int]:
    """Tokens [a, b) cut to the line of token ``cue``: a parse that runs a paragraph's closing
    quote mark into the next line's sentence ('"\nX requires payment, Reuters reported') does
    not carry it into the content."""
    for k in range(min(b, cue) - 1, a - 1, -1):
        if "\n" in doc[k].text or "\n" in doc[k].whitespace_:
            a = k + 1
            break
    for k in range(max(a, cue), b):
        if "\n" in doc[k].text:
            b = k
            break
    return a, b


def _imperative(verb: Token) -> bool:
    """A bare verb that opens its clause with no subject: an instruction to the reader."""
    return verb.tag_ == "VB" and (verb.dep_ == "ROOT" or (
        verb.dep_ == "conj" and _imperative(verb.head))) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children) and (
        verb.i == verb.sent.start or verb.doc[verb.i - 1].is_punct
        or verb.doc[verb.i - 1].lower_ in ("and", "then", "please"))


def _asked(verb: Token) -> bool:
    """A past participle opening the sentence ("Asked about the talks, Keel was brief"): the
    main clause's subject was asked or told; whoever asked is not named."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "aux", "auxpass") for c in verb.children)


def _content_span(text: str, doc: Doc, a: int, b: int) -> tuple[int, int]:
    """The characters of tokens [a, b) without edge punctuation, with the closing mark right
    after them when they open a quotation it closes (the parse leaves the mark out: "said it
    remains a “key seat”")."""
    s, e = trim(text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), ",;:—–-")
    if s == 0 or text[s - 1] == "\n":  # "WARSAW (Reuters) - X signed a deal, Y said"
        s = min(e, dateline_end(text, s))
    table = quote_marks()
    mark = table.get(text[e]) if s < e < len(text) else None
    if mark is None or mark[1] == "open":
        return s, e
    inner, family = text[s:e], mark[0]
    opens = closes = 0
    for k, c in enumerate(inner):
        if c not in table or table[c][0] != family:
            continue
        after_word = k > 0 and inner[k - 1].isalnum()
        if after_word and k + 1 < len(inner) and inner[k + 1].isalnum():
            continue  # an apostrophe ("company's", "don’t")
        role = table[c][1]
        if role == "either":  # a straight mark opens after a space or punctuation
            role = "close" if after_word else "open"
        opens, closes = opens + (role == "open"), closes + (role == "close")
    return (s, e + 1) if opens > closes else (s, e)


def _trim_tokens(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation tokens (but not quote marks) at both ends of [a, b)."""
    marks = quote_marks()
    while a < b and (doc[a].is_space or (doc[a].is_punct and doc[a].text[0] not in marks)):
        a += 1
    while b > a and (doc[b - 1].is_space
                     or (doc[b - 1].is_punct and doc[b - 1].text[0] not in marks)):
        b -= 1
    return a, b
