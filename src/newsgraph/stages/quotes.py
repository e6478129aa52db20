"""Quotes: direct quotes in every common convention and reported speech, with speakers.

Marks are found and paired in ``stages/quote_marks.py``; this module decides which quoted runs
are quotes, who said them, and finds reported speech. Decisions (tests rely on them):

- **Direct quote offsets** cover the words *inside* the marks: no marks, no surrounding
  whitespace, no trailing comma (that comma belongs to the attribution, not the speaker).
- **Interrupted quotes** -- split around the cue (“We will,” she said, “not stop.”) or running
  over several paragraphs (an opening mark on each, a closing mark only on the last) -- come out
  as one ``Quote`` per part, in text order, every part with the same speaker and cue.
- **Nested marks** belong to the outer quote; apostrophes and possessives are never marks; an
  unbalanced mark costs its own quote only (see ``quote_marks.py``).
- **Which runs are quotes**: those with a cue (a reporting verb governing the quote or right
  beside it in the same sentence, a "… said:" sentence or "Name:" label before it, a "― Name"
  after it), those continuing a quote of the same paragraph or a quote paragraph right after an
  attributed one, and cue-less whole quoted sentences. A short phrase in marks with no cue
  (scare quote, title) is not a quote, nor is a Title Case name after "on"/"in"/a possessive
  ('said on “Face the Nation”').
- **Transcript lines**: a speaker label alone on a line ("Kamala Harris:") makes the next line a
  direct quote by that speaker; its cue is the label line. A label opening a line ("PENCE: Well,
  …") makes the rest of the line a direct quote when the label is in capitals or names a person;
  on the first line (a headline: "Sanders: Trump must …", "Poll: …") it is reported speech, when
  the label names an entity or is one word (headline tags like "Exclusive:" are not labels), as
  is a label that opens with a name and gives a topic ("Quinn on the Harbour: …"). A headline
  the parse misreads ("X Vows To …", "Lawmaker urges …;") reports the rest of its line through
  its -s reporting verb when nothing else on that line is reported.
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
- **Direct quote cues**: among cues governing or next to the quote, speech and writing verbs win
  over thought, evidence and request verbs ("said the board would consider “…”": said).
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

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.model import Quote, Span
from newsgraph.stages import Found, personhood, roles
from newsgraph.stages.quote_cues import (
    BLANK_LINE,
    Verb,
    according_content,
    complement,
    cue_kind,
    is_reporting_verb,
    non_labels,
    partitive_object,
    reporting_verbs,
    source_object,
    source_phrases,
    speaker_nouns,
    verb_lemma,
    word_class,
)
from newsgraph.stages.quote_marks import DASHES, paragraphs, quote_marks, quoted_runs
from newsgraph.stages.quote_nouns import noun_cues, speech_word

# found.extra key: per returned quote (same order), the (start, end) of the words taken as its
# speaker (cue subject, "according to" object, label, dash name) or None. Lets the actors
# stage, events and benchmarks see who was meant even when no entity covers those words.
SPEAKER_SPANS = "quote_speaker_spans"
SENTENCE_END = frozenset(".!?…")
MAX_CUE_DISTANCE = 5  # tokens between a quote and a cue that does not govern it
MAX_LABEL_WORDS = 6  # longest transcript speaker label
MAX_CARRY_DISTANCE = 15  # tokens back to a cue whose subject a subjectless cue takes
MAX_PARTICIPLE_REACH = 40  # tokens from a subjectless participle to its sentence's subject
MAX_APPOSITION = 16  # longest aside between a name and its verb ("X, a top aide, said")
MAX_HEADLINE_TOKENS = 30  # a longer first line is a paragraph, not a headline
HEADLINE_VERB_TAGS = frozenset({"NNS", "NNP", "NNPS", "VBZ"})  # how headline verbs get tagged
SUBJECT_DEPS = ("nsubj", "csubj")
VERB_PREFIX_DEPS = ("aux", "neg", "advmod")  # "is once again saying", "has not said"
OBJECT_DEPS = ("dobj", "pobj", "dative", "poss")  # words that are no verb's subject
MAX_TITLE_WORDS = 6
RELATIVE_TAGS = frozenset({"WDT", "WP"})
SPEAKER_POS = frozenset({"PROPN", "PRON", "NOUN"})
CONTENT_POS = frozenset({"PROPN", "NOUN"})  # a one-word content must be one of these
CLIMB_DEPS = ("conj", "xcomp", "advcl", "pcomp", "prep")  # "began by saying …"
INLINE_SPACE = " \t\u00a0"
SAYING = frozenset({"speech", "writing", "source"})  # cue classes preferred for direct quotes
# (frame, class) of cues that count only where they report something ("as X put it", "sees X as
# Y"): elsewhere they are too common to attribute a quote ("see", "put")
CONTENT_ONLY = frozenset({("aside", "speech"), ("naming", "thought")})
INNER_KINDS = frozenset({"thought", "evidence"})  # cue classes a governing speech cue overrides
PERSON_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})  # subjects that may speak
NEUTER_SUBJECTS = frozenset({"it", "this", "that"})  # subjects of an inner cue that say nothing
NAMING_FRAMES = frozenset({"naming", "charge", "judge"})  # cues whose quoted phrase is theirs


@dataclass(slots=True)
class _Run:
    """One direct quote: its parts (content ranges between marks) and, once found, its cue."""

    parts: list[tuple[int, int]]
    outer: tuple[int, int]  # from the first opening mark to the last closing mark, inclusive
    cue: Span | None = None
    speaker: str | None = None
    who: tuple[int, int] | None = None  # the text taken for the speaker (subject, label, …)
    attributed: bool = False
    tokens: tuple[int, int] = (0, 0)  # doc token range of ``outer``
    paragraph: int = 0
    kind: str = "direct"


# --------------------------------------------------------------------------- the stage


def run(doc: Doc, found: Found) -> tuple[Quote, ...]:
    text = doc.text
    paras = paragraphs(text)
    para_starts = [s for s, _ in paras]
    runs = [_Run(q.parts, q.outer) for q in quoted_runs(doc, text, paras)]
    transcripts = list(_transcript_runs(text, paras, found))
    labelled = list(_labelled_lines(text, paras, found))
    transcripts += [r for r in labelled if r.kind == "direct"]
    view = _DocView(doc, text, runs + transcripts)
    for r in runs:
        r.paragraph = bisect_right(para_starts, r.outer[0]) - 1
        _attribute(r, view, found)
    _inherit(runs, view, found, para_starts)
    pairs = [p for r in runs + transcripts if _is_quote(r, text) for p in _direct(r, text, found)]
    pairs.extend(p for r in labelled if r.kind == "indirect" for p in _direct(r, text, found))
    pairs.extend(_reported(view, found))
    if len(paras) > 1 and not any(q.start < paras[0][1] and q.kind == "indirect"
                                  for q, _ in pairs):
        pairs.extend(_headline(view, found, paras[0]))
    pairs.sort(key=lambda p: (p[0].start, p[0].end))
    found.extra[SPEAKER_SPANS] = tuple(who for _, who in pairs)
    return tuple(q for q, _ in pairs)


def _transcript_runs(text: str, paragraphs: list[tuple[int, int]],
                     found: Found) -> Iterable[_Run]:
    """A speaker label alone on a line, then the words on the next line."""
    marks = quote_marks()
    for i, (s, e) in enumerate(paragraphs[:-1]):
        if not _is_label(text[s:e]):
            continue
        ns, ne = paragraphs[i + 1]
        if text[ns] in marks or _is_label(text[ns:ne]):
            continue  # a quoted line is paired as usual and attributed through the colon
        label_end = e - 1
        while label_end > s and text[label_end - 1].isspace():
            label_end -= 1
        yield _Run([(ns, ne)], (ns, ne), cue=Span(text[s:e], s, e),
                   speaker=found.entity_at(s, label_end), who=(s, label_end), attributed=True)


def _labelled_lines(text: str, paragraphs: list[tuple[int, int]],
                    found: Found) -> Iterable[_Run]:
    """A line opening with a speaker label: "PENCE: Well, …" in a transcript (a direct quote,
    when the label is in capitals or names a person) or a headline "Sanders: Trump …" (reported
    speech, when the label names an entity or is one word)."""
    for i, (s, e) in enumerate(paragraphs):
        label = _line_label(text, s, e, found, headline=i == 0)
        if label is not None:
            colon, body, end, eid, kind = label
            yield _Run([(body, end)], (body, end), cue=Span(text[s:colon + 1], s, colon + 1),
                       speaker=eid, who=(s, colon), attributed=True, kind=kind)


def _line_label(text: str, s: int, e: int, found: Found,
                headline: bool) -> tuple[int, int, int, str | None, str] | None:
    """(colon, body start, body end, speaker id, quote kind) for a line [s, e) that opens with
    a speaker label, else None."""
    colon = text.find(": ", s, e)
    if colon < 0 or not (_is_label(text[s:colon + 1]) or (headline and _topic_label(
            text, s, colon, found))):
        return None
    body, end = _trim(text, colon + 1, e, "")
    if body >= end or text[body] in quote_marks() or not any(
            c.isalpha() for c in text[body:end]):
        return None
    eid = found.entity_at(s, colon)
    entity = found.entity(eid)
    if headline:  # "Sanders: …", "Poll: …" (a one-word label needs no entity)
        one_word = " " not in text[s:colon].strip()
        return (colon, body, end, eid, "indirect") if entity is not None or one_word else None
    if (entity is not None and entity.type == "PERSON") or text[s:colon].isupper():
        return colon, body, end, eid, "direct"
    return None


def _topic_label(text: str, s: int, colon: int, found: Found) -> bool:
    """A headline label that opens with a name and says what about ("Obama on Climate
    Change: …")."""
    words = text[s:colon].split()
    first = len(words[0]) if words else 0
    return 1 < len(words) <= MAX_LABEL_WORDS and found.entity_at(s, s + first) is not None \
        and not any(c in quote_marks() for c in text[s:colon])


def _is_label(line: str) -> bool:
    if not line.endswith(":") or len(line) < 3:
        return False
    words = line[:-1].split()
    if not 0 < len(words) <= MAX_LABEL_WORDS or line[:-1].strip().lower() in non_labels():
        return False
    if any(c in quote_marks() for c in line):
        return False
    return all(w[0].isupper() or w.lower() in word_class("label-joiner") for w in words)


# --------------------------------------------------------------------------- token view


class _DocView:
    """Per-document token tables, built once: which tokens are quoted, where sentences end,
    the reporting-verb tokens in order, and the speech nouns and stance adjectives."""

    def __init__(self, doc: Doc, text: str, runs: list[_Run]) -> None:
        self.doc, self.text = doc, text
        self.starts = [t.idx for t in doc]
        n = len(doc)
        self.quoted = bytearray(n)
        for r in runs:
            for s, e in r.parts:
                i = bisect_left(self.starts, s)
                while i < n and self.starts[i] < e:
                    self.quoted[i] = 1
                    i += 1
            r.tokens = (bisect_left(self.starts, r.outer[0]),
                        bisect_left(self.starts, r.outer[1]))
        # boundary[i]: tokens before i that end a sentence or a line outside quotes
        self.boundary = [0] * (n + 1)
        verbs, phrases = reporting_verbs(), source_phrases()
        self.cues: list[int] = []
        self.words: list[Token] = []  # speech nouns and stance adjectives
        for t in doc:
            stop = not self.quoted[t.i] and (
                (t.text in SENTENCE_END and not _abbreviation_period(t))
                or (t.is_space and "\n" in t.text) or _period_closes(t, self.quoted))
            self.boundary[t.i + 1] = self.boundary[t.i] + stop
            if self.quoted[t.i]:
                continue
            if t.dep_ == "acomp" and speech_word(t):  # "is convinced (that) …"
                self.words.append(t)
            elif is_reporting_verb(t, verbs) or source_object(t, phrases) is not None:
                entry = verbs.get(verb_lemma(t))
                if entry is None or (entry.frame, entry.kind) not in CONTENT_ONLY or complement(
                        t, entry) is not None:
                    self.cues.append(t.i)  # "put" only in "as X put it", "see" in "sees X as Y"
            elif speech_word(t):
                self.words.append(t)
        self.cue_set = frozenset(self.cues)
        # block[i]: blank lines before token i (a paragraph break in any layout)
        self.block = [0] * (n + 1)
        self.colon_blocks: set[int] = set()  # blocks ending with ":" (what follows is theirs)
        last = ""
        for t in doc:
            gap = t.is_space and BLANK_LINE.search(t.text) is not None
            self.block[t.i + 1] = self.block[t.i] + gap
            if gap and last == ":":
                self.colon_blocks.add(self.block[t.i])
            if not t.is_space:
                last = t.text
        self.quoted_prefix = [0] * (n + 1)
        for i in range(n):
            self.quoted_prefix[i + 1] = self.quoted_prefix[i] + self.quoted[i]

    def clip_to_block(self, cue: int, a: int, b: int) -> tuple[int, int]:
        """Tokens [a, b) cut to the blank-line-delimited block of token ``cue`` (and the next one
        when the cue's ends with a colon): a parse that runs over a paragraph break does not
        carry the content with it."""
        home = self.block[cue + 1]
        last = home + 1 if home in self.colon_blocks else home  # "X said:" + the next block
        while a < b and not home <= self.block[a + 1] <= last:
            a += 1
        while b > a and not home <= self.block[b] <= last:
            b -= 1
        return a, b

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def open_between(self, a: int, b: int) -> bool:
        """No sentence or line boundary among tokens [a, b)."""
        return a >= b or self.boundary[b] == self.boundary[a]


def _abbreviation_period(t: Token) -> bool:
    """A period the tokenizer split off an abbreviation, with the sentence going on after it:
    "Sen. Bernie Sanders (Vt.), who …" (a closing bracket, a comma or a lower-case word next)."""
    if t.text != "." or t.i == 0 or t.i + 1 >= len(t.doc) or t.doc[t.i - 1].whitespace_:
        return False
    nxt = t.doc[t.i + 1]
    return not t.whitespace_ and (nxt.text in (")", ",") or nxt.text[:1].islower())


def _period_closes(t: Token, quoted: bytearray) -> bool:
    """A closing mark after a quoted period, a capitalised word next: the quote ended its
    sentence ("… an “outlaw nation.” Russia insisted …")."""
    i = t.i
    doc = t.doc
    if i < 1 or i + 1 >= len(doc) or not quoted[i - 1] or doc[i - 1].text != ".":
        return False
    if not any(c in QUOTE_CLOSERS for c in t.text):
        return False
    nxt = doc[i + 1] if not doc[i + 1].is_space else (doc[i + 2] if i + 2 < len(doc) else None)
    return nxt is not None and nxt.text[:1].isupper()


# --------------------------------------------------------------------------- direct quotes


def _attribute(r: _Run, view: _DocView, found: Found) -> None:
    cue = _nearest_cue(r, view)
    if cue is not None:
        tok = view.doc[cue]
        r.cue, r.attributed = _cue_span(tok, view.text), True
        r.speaker, r.who = _speaker(tok, found, view)
        return
    if not _attribute_by_colon(r, view, found):
        _attribute_by_dash(r, view.text, found)


def _attribute_by_dash(r: _Run, text: str, found: Found) -> None:
    """“…” ― Julie Smith (a dash and a name after the closing mark, to the end of the line)."""
    dash = _dash_name(r.outer[1], text)
    if dash is not None:
        pos, s, e = dash
        r.cue, r.attributed = Span(text[pos], pos, pos + 1), True
        r.speaker, r.who = found.entity_at(s, e), (s, e)


def _dash_name(pos: int, text: str) -> tuple[int, int, int] | None:
    """(dash, name start, name end) for a dash and a name right after ``pos``, to the end of
    the line, else None."""
    while pos < len(text) and text[pos] in INLINE_SPACE:
        pos += 1
    if pos >= len(text) or text[pos] not in DASHES:
        return None
    line_end = text.find("\n", pos)
    s, e = _trim(text, pos + 1, len(text) if line_end < 0 else line_end, ".,;:")
    name = text[s:e]
    if not name or not name[0].isupper() or len(name.split()) > MAX_LABEL_WORDS:
        return None
    return pos, s, e


def _nearest_cue(r: _Run, view: _DocView) -> int | None:
    """The reporting verb for a quote: one governing its words, or one right beside it, in
    the same sentence and outside any quote."""
    a, b = r.tokens
    first_word = view.token_at(r.parts[0][0])
    lo = bisect_left(view.cues, a)
    hi = bisect_left(view.cues, b)
    best: tuple[int, bool, int, int] | None = None
    candidates = [*view.cues[max(0, lo - 3):lo], *view.cues[lo:hi], *view.cues[hi:hi + 3]]
    for c in candidates:
        if c < a and not view.open_between(c + 1, a):
            continue
        if c >= b and not view.open_between(max(b - 1, 0), c):  # from the closing mark
            continue
        distance = 0 if a <= c < b else (a - c if c < a else c - b + 1)
        if distance > 2 and c >= b and _subject_opens_at(view.doc[c], b, view, r.outer[1]):
            distance = 1  # “…” a narrator in the new ad asks: the subject follows the quote
        elif distance > 2 and c < a and _phrase_runs_to(view.doc[c], a):
            distance = 1  # footage of X saying at the debate, “…”: the quote is what X said
        governs = view.doc[c].is_ancestor(view.doc[first_word])
        if not governs and distance > MAX_CUE_DISTANCE:
            continue
        kind = cue_kind(view.doc[c])
        key = (0 if distance <= 2 or governs else 1, kind not in SAYING, distance, c)
        if best is None or key < best:
            best = key
    partial = view.text[r.parts[0][0]:r.parts[0][0] + 1].islower()  # “within weeks”
    return _outer_saying(best[-1], view, partial) if best else None


QUOTE_CLOSERS = "\u201d\"'\u2019\u00bb"


def _subject_opens_at(cue: Token, i: int, view: _DocView, end: int) -> bool:
    """The cue's subject phrase starts at token ``i`` (after a comma there) and runs up to the
    cue, and the quote ending at char ``end`` does not end its sentence: "“…,” a spokesman for
    the city council said", "“…?” a narrator in the ad asks" (not "“….” Smith said")."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.i > cue.i:
        return False
    start = subject.left_edge.i
    doc = cue.doc
    last = view.text[:end].rstrip(QUOTE_CLOSERS + " ")[-1:]
    if not (last == "," or (last in "?!" and doc[start].text[:1].islower())):
        return False
    while i < start and (doc[i].is_punct or (doc[i].dep_ == "mark" and doc[i].head.i == cue.i)):
        i += 1  # "“…,” as a city memo put it"
    return start == i and subject.right_edge.i == cue.i - 1


def _phrase_runs_to(cue: Token, a: int) -> bool:
    """A speech verb with nothing said in its parse whose phrase ends right before token ``a``
    (punctuation between): the quote opening there is what it says, wherever the parse hangs
    it ("… footage of X saying during the debate, “…”")."""
    if not cue.tag_.startswith("VB") or cue_kind(cue) not in SAYING or any(
            c.dep_ in ("ccomp", "xcomp", "dobj") for c in cue.children):
        return False
    doc, i = cue.doc, cue.right_edge.i + 1
    while i < a and (doc[i].is_punct or doc[i].is_space) and "\n" not in doc[i].text:
        i += 1
    return i == a


def _outer_saying(cue: int, view: _DocView, partial: bool) -> int:
    """A cue inside what a speech verb reports gives way to that verb when it is a thought or
    evidence verb, its subject is no speaker, or the quote is a phrase the reporter uses and
    the cue does not name it ("She says it shows Trump is “unfit”": hers; "Obama said, most
    Americans believe “…”": his; "Trump said she would discuss it “in a few weeks”": his; not
    "Smith said Jones called it “a fraud”", nor through a coordinated clause with a subject of
    its own: "Smith called it “fine,” and Jones said she was “hopeful”")."""
    tok = view.doc[cue]
    subject = _subject(tok)
    no_speaker = subject is not None and (
        subject.lower_ in NEUTER_SUBJECTS
        or speaker_nouns().get(subject.lemma_.lower(), ("",))[0] == "DOCUMENT")
    entry = reporting_verbs().get(verb_lemma(tok))
    phrase = partial and entry is not None and entry.frame not in NAMING_FRAMES
    aside = any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    if aside or (cue_kind(tok) not in INNER_KINDS and not no_speaker and not phrase):
        return cue  # an "as X put it" aside names its own source, whatever the clause around
    below = tok
    for anc in tok.ancestors:
        if (below.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in below.children)) or (
                not view.open_between(min(anc.i, cue) + 1, max(anc.i, cue))):
            break  # "X told reporters …, and Y said she was “hopeful”": Y's own statement
        below = anc
        said = anc if anc.i in view.cue_set else next(
            (c for c in anc.children if c.dep_ == "parataxis" and c.i in view.cue_set), None)
        if said is not None and cue_kind(said) in SAYING:
            return said.i
    return cue


def _attribute_by_colon(r: _Run, view: _DocView, found: Found) -> bool:
    """“…” after "Harris said:" or after a "Kamala Harris:" label line."""
    doc, i = view.doc, r.tokens[0] - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":":
        return False
    start = i
    while start > 0 and view.open_between(start - 1, i) and not doc[start - 1].is_space:
        start -= 1
    k = bisect_left(view.cues, i) - 1
    if k >= 0 and view.cues[k] >= start:
        tok = doc[view.cues[k]]
        r.cue, r.attributed = _cue_span(tok, view.text), True
        r.speaker, r.who = _speaker(tok, found, view)
    elif 0 < i - start <= MAX_LABEL_WORDS:
        s, e = doc[start].idx, doc[i].idx + 1
        r.cue, r.attributed = Span(view.text[s:e], s, e), True
        r.speaker, r.who = found.entity_at(s, e - 1), (s, e - 1)
    elif _sentence_like(r, view.text):
        _attribute_by_colon_clause(r, view, found, i)
    return r.attributed


def _attribute_by_colon_clause(r: _Run, view: _DocView, found: Found, colon: int) -> None:
    """A quoted sentence after a clause with a person subject and no reporting verb ending in
    a colon ("I had to change my answer: “…”", "Kaur put it bluntly: “…”") is that person's."""
    doc = view.doc
    if colon == 0:
        return
    verb = doc[colon - 1]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < colon:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    while subject is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head  # "X had to change his answer:"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or view.quoted[subject.i] or not view.open_between(subject.i + 1, colon):
        return
    if subject.pos_ == "PRON":
        if subject.lower_ not in PERSON_PRONOUNS:
            return
    else:
        entity = found.entity(found.entity_at(subject.idx, subject.idx + len(subject)))
        if entity is None or entity.type != "PERSON":
            return
    r.cue, r.attributed = _cue_span(verb, view.text), True
    r.speaker, r.who = _source_entity(subject, found)


def _inherit(runs: list[_Run], view: _DocView, found: Found, para_start: list[int]) -> None:
    """A quote with no cue of its own takes the speaker of the nearest earlier quote or
    reporting verb in its paragraph ("Harris said Monday. “We will not stop.”"), else of the
    next quote in the paragraph. Only whole quoted sentences take a reporting verb's speaker."""
    text = view.text
    for i, r in enumerate(runs):
        if r.attributed:
            continue
        start = para_start[r.paragraph]
        before = _attributed_neighbour(runs, i, -1)
        k = bisect_left(view.cues, r.tokens[0]) - 1
        verb = view.doc[view.cues[k]] if k >= 0 else None
        if verb is not None and (verb.idx < start or not _sentence_like(r, text)):
            verb = None
        if verb is not None and before is not None and before.cue is not None and (
                verb.sent.start_char <= before.cue.start < verb.sent.end_char):
            verb = None  # “A,” X said at the gala, where Y also spoke. “B”: B is X's too
        if verb is not None and (before is None or before.outer[1] < verb.idx):
            r.cue, r.attributed = _cue_span(verb, view.text), True
            r.speaker, r.who = _speaker(verb, found, view)
            continue
        donor = before or _attributed_neighbour(runs, i, 1)
        if donor is None and r.outer[0] == start and _sentence_like(r, text):
            donor = _previous_paragraph_quote(runs, i, r.paragraph)
        if donor is not None:
            r.cue, r.speaker, r.who, r.attributed = donor.cue, donor.speaker, donor.who, True


def _attributed_neighbour(runs: list[_Run], i: int, step: int) -> _Run | None:
    """The nearest attributed run before (step -1) or after (step 1) run i in its paragraph."""
    j = i + step
    while 0 <= j < len(runs) and runs[j].paragraph == runs[i].paragraph:
        if runs[j].attributed:
            return runs[j]
        j += step
    return None


def _previous_paragraph_quote(runs: list[_Run], i: int, paragraph: int) -> _Run | None:
    """A quote paragraph right after a paragraph that closed with an attributed quote
    ("“…,” he said.\n“…”") goes on with the same speaker."""
    prev = runs[i - 1] if i else None
    if prev is not None and prev.paragraph == paragraph - 1 and prev.attributed:
        return prev
    return None


def _is_quote(r: _Run, text: str) -> bool:
    """Attributed quotes, multi-paragraph quotes, and whole quoted sentences; a short phrase in
    marks with no cue is a title or a scare quote."""
    if len(r.parts) > 1:
        return True
    if r.attributed:
        return not _title_like(r, text)
    return _sentence_like(r, text)


def _title_like(r: _Run, text: str) -> bool:
    """A show, film or book name: a short Title Case phrase in marks right after a preposition
    or a possessive ('said on “Face the Nation”', 'CNN's "State of the Union"')."""
    s, e = r.parts[0]
    words = text[s:e].strip(" .,!?").split()
    if not 0 < len(words) <= MAX_TITLE_WORDS:
        return False
    minor = word_class("title-minor")
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in minor for w in words):
        return False
    before = text[max(0, r.outer[0] - 12) : r.outer[0]].split()
    last = before[-1].lower() if before else ""
    return last in word_class("title-preposition") or last.endswith(("'s", "’s"))


def _sentence_like(r: _Run, text: str) -> bool:
    s, e = r.parts[-1]
    inner = text[s:e].rstrip().rstrip("".join(quote_marks()))
    return len(inner.split()) >= 3 and inner[-1:] in SENTENCE_END


def _direct(r: _Run, text: str, found: Found) -> list[tuple[Quote, tuple[int, int] | None]]:
    """One quote per part; a part that opens with a transcript label ("“PENCE: Well, …") is
    the labelled speaker's, from the label to the next labelled part."""
    out = []
    speaker, cue, who = r.speaker, r.cue, r.who
    for s, e in r.parts:
        s, e = _trim(text, s, e, ",")
        label = _line_label(text, s, e, found, headline=False) if r.kind == "direct" else None
        if label is not None:
            colon, body, _end, speaker, _kind = label
            cue, who = Span(text[s:colon + 1], s, colon + 1), (s, colon)
            s = body
        if s < e:
            out.append((Quote(text[s:e], s, e, r.kind, speaker, cue), who))
    return out


# --------------------------------------------------------------------------- reported speech


def _reported(view: _DocView, found: Found) -> list[tuple[Quote, tuple[int, int] | None]]:
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
        else:
            span = complement(tok, verbs[verb_lemma(tok)])
        if span is None:
            continue
        a, b = view.clip_to_block(i, *span)
        if a >= b or 2 * (view.quoted_prefix[b] - view.quoted_prefix[a]) >= b - a:
            continue
        a, b = _trim_tokens(doc, a, b)
        if b - a < 2 and (a >= b or doc[a].pos_ not in CONTENT_POS
                          or doc[a].ent_type_ in ("DATE", "TIME")):
            continue  # one word says something only when it names something ("backed Obama")
        s, e = _trim(view.text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), ",;:—–-")
        if s < e:
            speaker, who = _speaker(tok, found, view)
            quote = Quote(view.text[s:e], s, e, "indirect", speaker, _cue_span(tok, view.text))
            out.append((quote, who))
    for nc in noun_cues(view.words, _subject):
        a, b = nc.content
        if b - a < 1 or 2 * (view.quoted_prefix[b] - view.quoted_prefix[a]) >= b - a:
            continue
        a, b = _trim_tokens(doc, a, b)
        if b - a < 2 and (a >= b or doc[a].pos_ not in CONTENT_POS):
            continue  # "accusations against him"
        s, e = _trim(view.text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), ",;:—–-")
        if s < e:
            speaker, who = _source_entity(nc.source, found) if nc.source is not None else (
                None, None)
            cue = Span(nc.cue.text, nc.cue.idx, nc.cue.idx + len(nc.cue))
            out.append((Quote(view.text[s:e], s, e, "indirect", speaker, cue), who))
    return out


def _headline(view: _DocView, found: Found,
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
        if entry is None or entry.frame == "aside" or (
                entry.kind == "thought" and doc[i + 1].lower_ != "to"):
            continue  # "Smith wants a new car": no stance
        x, y = _trim_tokens(doc, i + 1, b)
        if y - x < 2 or 2 * (view.quoted_prefix[y] - view.quoted_prefix[x]) >= y - x:
            return []
        s, e = _trim(text, doc[x].idx, doc[y - 1].idx + len(doc[y - 1]), ",;:—–-")
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


def _trim_tokens(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Drop punctuation tokens (but not quote marks) at both ends of [a, b)."""
    marks = quote_marks()
    while a < b and (doc[a].is_space or (doc[a].is_punct and doc[a].text[0] not in marks)):
        a += 1
    while b > a and (doc[b - 1].is_space
                     or (doc[b - 1].is_punct and doc[b - 1].text[0] not in marks)):
        b -= 1
    return a, b


# --------------------------------------------------------------------------- speakers


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
    text = doc.text
    view_runs = [_Run(q.parts, q.outer) for q in quoted_runs(doc, text, paragraphs(text))]
    view = _DocView(doc, text, view_runs)
    heads = [_speaker_token(view.doc[i], view) for i in view.cues]
    heads += [nc.source for nc in noun_cues(view.words, _subject)]
    heads += [c for i in view.cues if view.doc[i].dep_ == "relcl"  # "X, who said …": who
              for c in view.doc[i].children if c.dep_ == "nsubj" and c.tag_ in RELATIVE_TAGS]
    if len(doc) > 2 and doc[1].text == ":" and doc[0].lemma_.lower() in speaker_nouns():
        heads.append(doc[0])  # a headline "Poll: …"
    for r in view_runs:  # “…” ― Julie Smith
        dash = _dash_name(r.outer[1], text)
        if dash is not None:
            last = doc[view.token_at(dash[2] - 1)]
            heads.append(last if last.tag_ == "NNP" else None)
    return [t for t in heads if t is not None]


def _speaker(cue: Token, found: Found,
             view: _DocView) -> tuple[str | None, tuple[int, int] | None]:
    """(entity id or None, the speaker token's offsets or None) for a cue."""
    subject = _speaker_token(cue, view)
    if subject is None:
        return None, None
    return _source_entity(subject, found)


def _speaker_token(cue: Token, view: _DocView) -> Token | None:
    """The token naming a cue's speaker: its subject (or "according to" object), else the
    word next to it, else the subject of an earlier cue in its sentence."""
    source = source_object(cue, source_phrases())
    subject = source if source is not None else _subject(cue)
    if subject is not None and (view.quoted[subject.i] or not view.open_between(
            min(subject.i, cue.i) + 1, max(subject.i, cue.i))):
        subject = None  # quoted, or across a sentence or line break: a parse gone astray
    if subject is None:
        subject = _adjacent_subject(cue, view)
    if subject is None and source is None:
        subject = _earlier_cue_subject(cue, view)
    if subject is None and source is None:
        subject = _participle_host(cue, view)
    return _issuer(subject) if subject is not None else None


def _participle_host(cue: Token, view: _DocView) -> Token | None:
    """A participle cue the parse leaves with no usable subject (it hangs it on a quote parsed
    as the main clause, or on the sentence before) speaks for the subject of its sentence: the
    first one after it when it opens the sentence ("Bemoaning the “…”, Smith accused …"), else
    the nearest one before it ("Smith hardly clarified it, asserting “…”")."""
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
                and not view.quoted[t.head.i] and t.head.dep_ != "relcl"):
            return t
    return None


def _issuer(subject: Token) -> Token:
    """The author of a document that speaks, when the sentence names one: "the council issued
    a statement calling …" is the council's, "Smith's letter says …" Smith's; else the document
    itself ("the report says")."""
    if speaker_nouns().get(subject.lemma_.lower(), ("",))[0] != "DOCUMENT":
        return subject
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is not None:
        return owner
    if subject.dep_ != "dobj":
        return subject
    author = next((c for c in subject.head.children if c.dep_ == "nsubj"), None)
    return author if author is not None and author.tag_ not in RELATIVE_TAGS else subject


def _earlier_cue_subject(cue: Token, view: _DocView) -> Token | None:
    """A cue with no subject of its own takes that of the nearest earlier cue in its sentence
    ("Smith said, going on to say …", "Smith said X but said …")."""
    k = bisect_left(view.cues, cue.i) - 1
    while k >= 0 and cue.i - view.cues[k] <= MAX_CARRY_DISTANCE:
        earlier = view.doc[view.cues[k]]
        if not view.open_between(earlier.i + 1, cue.i):
            return None
        subject = _subject(earlier)
        if subject is not None and not view.quoted[subject.i]:
            return subject
        k -= 1
    return None


def _source_entity(subject: Token, found: Found) -> tuple[str | None, tuple[int, int]]:
    """(entity id or None, the source words' offsets) for the token naming a source."""
    words = (_phrase_start(subject).idx, subject.idx + len(subject))  # "the IMF report"
    inner = [c for c in subject.children if c.dep_ == "appos"
             or (c.dep_ == "compound" and c.pos_ == "PROPN" and subject.pos_ == "NOUN")]
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


def _adjacent_subject(verb: Token, view: _DocView) -> Token | None:
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
    for i in (before, verb.i + 1):
        if (0 <= i < len(doc) and not view.quoted[i] and doc[i].pos_ in SPEAKER_POS
                and doc[i].ent_type_ not in ("DATE", "TIME")  # "… said Thursday"
                and not (i > verb.i and doc[i].dep_ in SUBJECT_DEPS and doc[i].head.i != verb.i)
                and view.open_between(min(i, verb.i) + 1, max(i, verb.i))):
            return doc[i]
    return _before_apposition(verb, view)


def _before_apposition(verb: Token, view: _DocView) -> Token | None:
    """"… Flynn, a top adviser, said": the name before an apposition closed by a comma right
    before the verb."""
    doc, i = view.doc, verb.i - 1
    if i < 2 or doc[i].text != ",":
        return None
    for j in range(i - 1, max(0, i - MAX_APPOSITION) - 1, -1):
        if view.quoted[j] or not view.open_between(j, verb.i):
            return None
        if doc[j].text == ",":
            name = doc[j - 1] if j else None
            if (name is not None and name.pos_ == "PROPN" and not view.quoted[name.i]
                    and j + 1 < i):
                return name
            return None
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, looking through conjunctions ("pushed back and insisted"),
    participles ("…, adding") and raising verbs ("appeared to say")."""
    tok = verb
    for _ in range(6):
        # the subject nearest the cue: a parse that runs a dateline or the sentence before
        # into this one can hang a second subject on a verb ("7 p.m.\n\nSmith's doctor is …")
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            c = min(subjects, key=lambda s: abs(s.i - verb.i))
            if c.tag_ in RELATIVE_TAGS and tok.dep_ == "relcl":
                return relative_antecedent(tok.head)  # "a letter that says …": the letter
            return c if any(ch.isalpha() for ch in c.text) else None
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:  # "was told by X"
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        if tok.dep_ == "acl" and tok.head.pos_ in SPEAKER_POS:
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
                and tok.i > 0 and tok.doc[tok.i - 1].text == ","):
            tok = tok.head.head.head  # "X refused to pay a man who sued, saying …": X's, not the
            continue  # man's (the parse hangs the participle on the relative clause)
        tok = tok.head
    return None


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


def _participle_subject(noun: Token) -> Token:
    """The noun a participle describes, or the person in "footage/video/clip of X"."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "PRON"):
                return obj
    return noun


def _cue_span(tok: Token, text: str) -> Span:
    end = tok.idx + len(tok)
    second = source_phrases().get(tok.lower_)
    if second is not None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == second:
            end = nxt.idx + len(nxt)
    return Span(text[tok.idx:end], tok.idx, end)


def _trim(text: str, s: int, e: int, strip: str) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in strip):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in strip):
        e -= 1
    return s, e
