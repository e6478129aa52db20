"""Direct quotes: which quoted runs are quotes, the cue of each (its own reporting verb, a
"… said:" or label before it, a dash name after it, or a neighbouring quote's), and the quotes
they come out as. Runs come from ``quote_marks.py`` and ``quote_labels.py``; speakers from
``quote_speakers.py``. Decisions (tests rely on them):

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
- **Direct quote cues**: among cues governing or next to the quote, speech and writing verbs win
  over thought, evidence and request verbs ("said the board would consider “…”": said).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Token

from newsgraph.model import Quote, Span
from newsgraph.stages import Found
from newsgraph.stages.quote_cues import (
    cue_kind,
    reporting_verbs,
    speaker_nouns,
    title_words,
    verb_lemma,
    word_class,
)
from newsgraph.stages.quote_labels import MAX_LABEL_WORDS, dash_name, line_label
from newsgraph.stages.quote_marks import quote_marks
from newsgraph.stages.quote_speakers import (
    NEUTER_SUBJECTS,
    SUBJECT_DEPS,
    cue_span,
    cue_speaker,
    mute,
    source_entity,
    verb_subject,
)
from newsgraph.stages.quote_view import QUOTE_CLOSERS, SENTENCE_END, AttributedRun, DocView, trim

MAX_CUE_DISTANCE = 5  # tokens between a quote and a cue that does not govern it
MAX_CAPTION_TOKENS = 40  # longest line between two paragraphs of one quote
SAYING = frozenset({"speech", "writing", "source"})  # cue classes preferred for direct quotes
INNER_KINDS = frozenset({"thought", "evidence"})  # cue classes a governing speech cue overrides
PERSON_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})  # subjects that may speak
NAMING_FRAMES = frozenset({"naming", "charge", "judge"})  # cues whose quoted phrase is theirs


def attribute(r: AttributedRun, view: DocView, found: Found) -> None:
    cue = _nearest_cue(r, view)
    if cue is not None:
        tok = view.doc[cue]
        r.cue, r.attributed = cue_span(tok, view.text), True
        r.speaker, r.who = cue_speaker(tok, found, view)
        return
    if not _attribute_by_colon(r, view, found):
        _attribute_by_dash(r, view.text, found)


def _attribute_by_dash(r: AttributedRun, text: str, found: Found) -> None:
    """“…” ― Julie Smith (a dash and a name after the closing mark, to the end of the line)."""
    dash = dash_name(r.outer[1], text)
    if dash is not None:
        pos, s, e = dash
        r.cue, r.attributed = Span(text[pos], pos, pos + 1), True
        r.speaker, r.who = found.entity_at(s, e), (s, e)


def _nearest_cue(r: AttributedRun, view: DocView) -> int | None:
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
        if distance > 2 and _beside_only(view.doc[c]):
            continue  # ("penned letters that called him an “academic”": the letters' words)
        if not governs and (distance > MAX_CUE_DISTANCE or (
                c >= b and distance > 2 and _subordinate(view.doc[c]))):
            continue  # (not a clause after the quote: "the “back of the queue” if it wanted")
        key = (0 if distance <= 2 or governs else 1, not _saying(view.doc[c]), distance, c)
        if best is None or key < best:
            best = key
    partial = view.text[r.parts[0][0]:r.parts[0][0] + 1].islower()  # “within weeks”
    return _outer_saying(best[-1], view, partial) if best else None


def _beside_only(cue: Token) -> bool:
    """A manner-of-speaking or writing verb that is a cue only right beside its quotation
    ("“…,” she scrawled"; frame ``quote`` in lexicons/reporting_verbs.tsv)."""
    entry = reporting_verbs().get(verb_lemma(cue))
    return entry is not None and entry.frame == "quote"


def _subordinate(cue: Token) -> bool:
    """A thought, request or other non-speech cue in a clause of its own that modifies another
    ("… if it wanted", "… which they believe"): it reports nothing of a quote before it."""
    return not _saying(cue) and (cue.dep_ in ("advcl", "relcl")
                                 or any(c.dep_ == "mark" for c in cue.children))


def _saying(cue: Token) -> bool:
    """Whether a cue is a speech or writing verb ("according to" too) whose subject may speak:
    such a cue wins over thought, evidence, request and naming verbs ("said the board would
    consider “…”": said), but not when its subject is a thing ("the dispute echoes a
    controversy when X assailed a judge for his “…”": X's words, not the dispute's)."""
    subject = _nearest_subject(cue)
    return cue_kind(cue) in SAYING and (subject is None or not mute(subject))


def _speechless(verb: Token) -> bool:
    """The verb's subject is a thing that cannot speak: its own subject next to it ("the
    dispute echoes …"), or the noun an infinitive hangs on ("an opportunity to talk about
    …"; not a participle's noun, which the parse may have picked wrongly: "ended the chat
    saying …")."""
    subject = _nearest_subject(verb)
    if subject is not None:
        return mute(subject)
    return verb.dep_ == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO"
                                      for c in verb.children) and mute(verb.head)


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's own subject; of two the parse gives it, the one next to it ("… loopholes
    …, The Hill reported": The Hill)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def _subject_opens_at(cue: Token, i: int, view: DocView, end: int) -> bool:
    """The cue's subject phrase starts at token ``i`` (after a comma there) and runs up to the
    cue, and the quote ending at char ``end`` does not end its sentence: "“…,” a spokesman for
    the city council said", "“…?” a narrator in the ad asks" (not "“….” Smith said")."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.i > cue.i:
        return False
    start = subject.left_edge.i
    doc = cue.doc
    last = view.text[:end].rstrip(QUOTE_CLOSERS + " ")[-1:]
    if not (last == "," or (last in "?!" and (doc[start].text[:1].islower() or not any(
            c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > cue.i for c in cue.children)))):
        return False  # ("“…?” Will Estrada, the party chairman, said of it": nothing said
        # after the verb, so the quote before is what it reports)
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


def _outer_saying(cue: int, view: DocView, partial: bool) -> int:
    """A cue inside what a speech verb reports gives way to that verb when it is a thought or
    evidence verb, its subject is no speaker, or the quote is a phrase the reporter uses and
    the cue does not name it ("She says it shows Trump is “unfit”": hers; "Obama said, most
    Americans believe “…”": his; "Trump said she would discuss it “in a few weeks”": his; not
    "Smith said Jones called it “a fraud”", nor through a coordinated clause with a subject of
    its own: "Smith called it “fine,” and Jones said she was “hopeful”")."""
    tok = view.doc[cue]
    subject = verb_subject(tok)
    no_speaker = _speechless(tok) or (subject is not None and (
        subject.lower_ in NEUTER_SUBJECTS or (mute(subject) and tok.dep_ != "acl")
        or speaker_nouns().get(subject.lemma_.lower(), ("",))[0] == "DOCUMENT"))
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
            (c for c in anc.children if c.i in view.cue_set and (
                c.dep_ == "parataxis" or (c.dep_ == "prep" and cue_kind(c) == "source"))),
            None)  # ("…, X said", "according to X, …" on the clause above)
        if (said is not None and cue_kind(said) in SAYING and not _speechless(said)
                and not _beside_only(said)):
            return said.i  # (not "an opportunity to talk about …": on to who sees it so)
    return cue


def _attribute_by_colon(r: AttributedRun, view: DocView, found: Found) -> bool:
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
        r.cue, r.attributed = cue_span(tok, view.text), True
        r.speaker, r.who = cue_speaker(tok, found, view)
    elif 0 < i - start <= MAX_LABEL_WORDS:
        s, e = doc[start].idx, doc[i].idx + 1
        r.cue, r.attributed = Span(view.text[s:e], s, e), True
        r.speaker, r.who = found.entity_at(s, e - 1), (s, e - 1)
    elif _sentence_like(r, view.text):
        _attribute_by_colon_clause(r, view, found, i)
    return r.attributed


def _attribute_by_colon_clause(r: AttributedRun, view: DocView, found: Found, colon: int) -> None:
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
    r.cue, r.attributed = cue_span(verb, view.text), True
    r.speaker, r.who = source_entity(subject, found)


def inherit(runs: list[AttributedRun], view: DocView, found: Found, para_start: list[int]) -> None:
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
            r.cue, r.attributed = cue_span(verb, view.text), True
            r.speaker, r.who = cue_speaker(verb, found, view)
            continue
        donor = before or _attributed_neighbour(runs, i, 1)
        if donor is None and r.outer[0] == start and _sentence_like(r, text):
            donor = _previous_paragraph_quote(runs, i, view, para_start)
            said = _closing_cue(runs, i, view, para_start) if donor is None else None
            if said is not None:  # "…, the military said in a statement.\n“The cause is …”"
                r.cue, r.attributed = cue_span(said, view.text), True
                r.speaker, r.who = cue_speaker(said, found, view)
                continue
        if donor is not None:
            r.cue, r.speaker, r.who, r.attributed = donor.cue, donor.speaker, donor.who, True
        elif _sentence_like(r, text):
            actor = _narrated_person(r, view, found, start)
            if actor is not None:
                r.speaker, r.who = found.entity_at(actor.idx, actor.idx + len(actor)), (
                    actor.idx, actor.idx + len(actor))


def _closing_cue(runs: list[AttributedRun], i: int, view: DocView,
                 para_start: list[int]) -> Token | None:
    """For a quote paragraph with no cue, the verb of saying in the last sentence of the
    paragraph before ("…, the US military said in a statement on Wednesday."), when that
    paragraph holds no quotation after it: the quote goes on with what that speaker said."""
    r = runs[i]
    if r.paragraph == 0:
        return None
    start, prev_start = para_start[r.paragraph], para_start[r.paragraph - 1]
    k = bisect_left(view.cues, r.tokens[0]) - 1
    if k < 0:
        return None
    verb = view.doc[view.cues[k]]
    if verb.idx < prev_start or verb.idx >= start or cue_kind(verb) not in SAYING \
            or view.quoted[verb.i]:
        return None
    if any(prev_start <= q.outer[0] < start and q.outer[1] > verb.idx for q in runs[:i]):
        return None  # a quotation after the verb in that paragraph has its own speaker
    doc = view.doc
    last = view.token_at(start) - 1
    while last > verb.i and (doc[last].is_space or doc[last].is_punct):
        last -= 1
    if any(doc[k].text in (".", "!", "?") for k in range(verb.i + 1, last)):
        return None  # not the paragraph's last sentence
    return verb


def _narrated_person(r: AttributedRun, view: DocView, found: Found, start: int) -> Token | None:
    """The person a quote with no cue follows in its paragraph: the named subject of an active
    verb in the sentence right before it ("Aderholt returned to the issue later. “What
    launchers exist today?”"). The sentence is read back to the previous sentence end or
    quotation (the parse may run a quotation before it into it)."""
    doc, first = view.doc, r.tokens[0]
    if first == 0 or doc[first - 1].idx < start or doc[first - 1].text not in (".", "!", "?"):
        return None  # (the quote must open a sentence of its own)
    k = first - 2
    while k >= 0 and doc[k].idx >= start and not view.quoted[k] \
            and doc[k].text not in (".", "!", "?"):
        k -= 1
    if k >= 0 and view.quoted[k]:
        return None  # right after another quotation: that one's speaker decides
    subject = next((t for t in doc[k + 1:first - 1] if t.dep_ == "nsubj"
                    and k < t.head.i < first and t.head.pos_ == "VERB"), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    entity = found.entity(found.entity_at(subject.idx, subject.idx + len(subject)))
    return subject if entity is not None and entity.type == "PERSON" else None


def _attributed_neighbour(runs: list[AttributedRun], i: int, step: int) -> AttributedRun | None:
    """The nearest attributed run before (step -1) or after (step 1) run i in its paragraph."""
    j = i + step
    while 0 <= j < len(runs) and runs[j].paragraph == runs[i].paragraph:
        if runs[j].attributed:
            return runs[j]
        j += step
    return None


def _previous_paragraph_quote(runs: list[AttributedRun], i: int, view: DocView,
                              para_start: list[int]) -> AttributedRun | None:
    """A quote paragraph right after a paragraph that closed with an attributed quote
    ("“…,” he said.\n“…”") goes on with the same speaker; so does one left open (no closing
    mark) across one short line that quotes and reports nothing (a photo caption a page put
    inside the quote)."""
    prev = runs[i - 1] if i else None
    paragraph = runs[i].paragraph
    if prev is None or not prev.attributed:
        return None
    if prev.paragraph == paragraph - 1:
        return prev
    if prev.paragraph != paragraph - 2 or paragraph >= len(para_start) or view.text[
            prev.outer[1] - 1] in quote_marks():
        return None  # (only a quote left open goes on across a line)
    a, b = view.token_at(para_start[paragraph - 1]), view.token_at(para_start[paragraph])
    line = view.doc[a:b]
    ends = sum(1 for t in line if t.text in (".", "!", "?"))
    if len(line) > MAX_CAPTION_TOKENS or ends > 1 or any(t.i in view.cue_set for t in line):
        return None
    return prev


def is_quote(r: AttributedRun, text: str) -> bool:
    """Attributed quotes, multi-paragraph quotes, and whole quoted sentences; a short phrase in
    marks with no cue is a title or a scare quote."""
    if len(r.parts) > 1:  # a quote split around its cue, or over paragraphs; not titles
        # the pairing ran together ('(“The Discovery,” “The One I Love”)')
        return not all(_title_like(AttributedRun([(s, e)], (s - 1, e + 1)), text)
                       for s, e in r.parts)
    return (r.attributed or _sentence_like(r, text)) and not _title_like(r, text)


# a quoted title next to another one, with only a comma, "and" or "or" between
TITLE_LIST_AFTER = re.compile(r"[ \t]*(?:,|and|or)?[ \t]*[“\"‘]")
TITLE_LIST_BEFORE = re.compile(r"[”\"’][ \t]*(?:,|and|or)?[ \t]*$")
TITLE_LIST_JOINT = re.compile(r"[”\"][ \t]*(?:,|and|or)?[ \t]*[“\"]")


def _title_like(r: AttributedRun, text: str) -> bool:
    """A show, film or book name: a short Title Case phrase in marks right after a preposition,
    a possessive or a work ('said on “Face the Nation”', 'CNN's "State of the Union"', 'his
    book “Musicophilia”', 'a new ad, "Playing Trump,"', 'a script called “Wild Rose”'), in
    parentheses ('McDowell (“The Discovery”)'), or naming the noun after it ('the “Melvin and
    Howard” star')."""
    s, e = r.parts[0]
    if not title_words(text[s:e]):
        return False
    if (TITLE_LIST_AFTER.match(text, r.outer[1] + 1) or TITLE_LIST_BEFORE.search(
            text, max(0, r.outer[0] - 8), r.outer[0])) and len(TITLE_LIST_JOINT.findall(
                text, max(0, r.outer[0] - 200), r.outer[1] + 200)) >= 2:
        return True  # one of a list of three or more titles: “Listen To The Music,” “China
        # Grove” and “Black Water” (two are a pair of names called: “Miss Piggy” and “…”)
    if _in_parentheses(text, r.outer):
        return True
    before = text[max(0, r.outer[0] - 30) : r.outer[0]].split()
    last = before[-1].lower() if before else ""
    works = word_class("title-noun")
    if last.rstrip(",") in works or (last in ("called", "named") and len(before) > 1
                                     and before[-2].lower() in works):
        return True  # 'a 45-second Web ad, "Playing Trump," in which …'
    if last in ("the", "a", "an") and NOUN_AFTER.match(text, r.outer[1]):
        return True  # 'the “Melvin and Howard” star'
    return last in word_class("title-preposition") or last.endswith(("'s", "’s"))


NOUN_AFTER = re.compile(r"[ \t]+[a-z]")  # a lower-case word right after the closing mark
PARENTHESIS_REACH = 80  # characters from a parenthesis to a title inside it


def _in_parentheses(text: str, outer: tuple[int, int]) -> bool:
    """The marks sit inside a parenthesis of their line ("(“The Discovery,” “The One I
    Love”)")."""
    opening = text.rfind("(", max(0, outer[0] - PARENTHESIS_REACH), outer[0])
    if opening < 0 or any(c in ")\n" for c in text[opening:outer[0]]):
        return False
    closing = text.find(")", outer[1], outer[1] + PARENTHESIS_REACH)
    return closing >= 0 and not any(c in "(\n" for c in text[outer[1]:closing])


def _sentence_like(r: AttributedRun, text: str) -> bool:
    """Three or more words ending a sentence, or fewer that are a paragraph of their own
    (“Absolutely not.” on its own line is an answer, not a scare quote)."""
    s, e = r.parts[-1]
    inner = text[s:e].rstrip().rstrip("".join(quote_marks()))
    if inner[-1:] not in SENTENCE_END:
        return False
    if len(inner.split()) >= 3:
        return True
    line_start = text.rfind("\n", 0, r.outer[0]) + 1
    line_end = text.find("\n", r.outer[1])
    return not text[line_start : r.outer[0]].strip() and not text[
        r.outer[1] + 1 : len(text) if line_end < 0 else line_end].strip()


def direct_parts(r: AttributedRun, text: str,
                 found: Found) -> list[tuple[Quote, tuple[int, int] | None]]:
    """One quote per part; a part that opens with a transcript label ("“PENCE: Well, …") is
    the labelled speaker's, from the label to the next labelled part."""
    out = []
    speaker, cue, who = r.speaker, r.cue, r.who
    for s, e in r.parts:
        s, e = trim(text, s, e, ",")
        label = line_label(text, s, e, found, headline=False) if r.kind == "direct" else None
        if label is not None:
            colon, body, _end, speaker, _kind = label
            cue, who = Span(text[s:colon + 1], s, colon + 1), (s, colon)
            s = body
        if s < e:
            out.append((Quote(text[s:e], s, e, r.kind, speaker, cue), who))
    return out
