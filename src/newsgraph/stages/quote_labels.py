"""Speakers named by layout rather than by a verb: speaker labels on lines and dash names
after a quote. Text and entities only; ``stages/quotes.py`` and ``quote_direct.py`` make quotes
of what these find. Decisions (tests rely on them):

- **Transcript lines**: a speaker label alone on a line ("Kamala Harris:") makes the next line a
  direct quote by that speaker; its cue is the label line. A label opening a line ("PENCE: Well,
  …") makes the rest of the line a direct quote when the label names a person, or is in
  capitals and may name a speaker (``_speaker_like``; not a photo caption's "CHECK-UP:");
  on the first line (a headline: "Sanders: Trump must …", "Poll: …") it is reported speech, when
  the label names an entity or is one word (headline tags like "Exclusive:" are not labels), as
  is a label that opens with a name and gives a topic ("Quinn on the Harbour: …"). (A headline
  the parse misreads is read in ``quote_reported.py``.)
- **Dash names**: “…” ― Julie Smith (a dash and a capitalised name of at most MAX_LABEL_WORDS
  words after the closing mark, to the end of the line) names the quote's speaker.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.model import Entity, Span
from newsgraph.stages import Found, roles
from newsgraph.stages.quote_cues import non_labels, speaker_nouns, word_class
from newsgraph.stages.quote_marks import DASHES, quote_marks
from newsgraph.stages.quote_view import AttributedRun, trim

MAX_LABEL_WORDS = 6  # longest transcript speaker label
# last words of a capitals label that stand for a speaker ("UNIDENTIFIED MALE:")
PERSON_WORDS = frozenset({"male", "female", "man", "woman", "voice", "speaker"})
INLINE_SPACE = " \t\u00a0"
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def transcript_runs(text: str, paragraphs: list[tuple[int, int]],
                    found: Found) -> Iterable[AttributedRun]:
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
        yield AttributedRun([(ns, ne)], (ns, ne), cue=Span(text[s:e], s, e),
                            speaker=label_entity(text, s, label_end, found), who=(s, label_end),
                            attributed=True)


def labelled_lines(text: str, paragraphs: list[tuple[int, int]], found: Found,
                   notes: bool = False) -> Iterable[AttributedRun]:
    """A line opening with a speaker label: "PENCE: Well, …" in a transcript (a direct quote,
    when the label is in capitals or names a person) or a headline "Sanders: Trump …" (reported
    speech, when the label names an entity or is one word). ``notes``: the text is a game
    report, whose one-word "Lakers: Kuzma left the game …" lines are team notes; a full
    name or a label in capitals still speaks there."""
    for i, (s, e) in enumerate(paragraphs):
        label = line_label(text, s, e, found, headline=i == 0, notes=notes)
        if label is not None:
            colon, body, end, eid, kind = label
            yield AttributedRun([(body, end)], (body, end),
                                cue=Span(text[s:colon + 1], s, colon + 1), speaker=eid,
                                who=(s, colon), attributed=True, kind=kind)


def line_label(text: str, s: int, e: int, found: Found, headline: bool,
               notes: bool = False) -> tuple[int, int, int, str | None, str] | None:
    """(colon, body start, body end, speaker id, quote kind) for a line [s, e) that opens with
    a speaker label, else None (``notes``: see ``labelled_lines``)."""
    colon = text.find(": ", s, e)
    if colon < 0 or not (_is_label(text[s:colon + 1]) or (headline and _topic_label(
            text, s, colon, found))):
        return None
    body, end = trim(text, colon + 1, e, "")
    if body >= end or text[body] in quote_marks() or not any(
            c.isalpha() for c in text[body:end]):
        return None
    eid = label_entity(text, s, colon, found)
    entity = found.entity(eid)
    if entity is not None and entity.type in PLACE_TYPES and not headline:
        return None  # "NEW DELHI: Their American dream …": a dateline, no speaker
    if headline:  # "Sanders: …", "Poll: …" (a one-word label needs no entity)
        one_word = " " not in text[s:colon].strip()
        named = entity is not None and (_names_the_label(text, s, colon, entity)
                                        or _topic_label(text, s, colon, found))
        return (colon, body, end, eid, "indirect") if named or one_word else None
    upper = text[s:colon].isupper() and (eid is not None or _speaker_like(text, s, colon, found))
    team = notes and " " not in text[s:colon].strip()  # "Lakers:" in a game report
    if upper or (entity is not None and entity.type == "PERSON" and not team
                 and _names_the_label(text, s, colon, entity)):
        return colon, body, end, eid, "direct"
    return None


def _speaker_like(text: str, s: int, colon: int, found: Found) -> bool:
    """A capitals label that names no one may still be a transcript speaker: it comes back
    ("QUIJANO:" twice), ends in a noun for a person ("HOST:", "UNIDENTIFIED MALE:") or in the
    surname of several people ("PENCE:" when two Pences are named). A photo caption's tag
    ("CHECK-UP:", "CAR WASH:") is used once and names no one."""
    if text.count(text[s:colon + 2]) > 1:
        return True
    last = text[s:colon].split()[-1].lower()
    if last in PERSON_WORDS or speaker_nouns().get(last, ("",))[0] == "PERSON" \
            or roles.only_a_title([last]):
        return True
    return bool(_surname_holders(found, last))


def _names_the_label(text: str, s: int, colon: int, entity: Entity) -> bool:
    """The label is the person's name, maybe after a title ("Sen. Warren:", "Moderator Lester
    Holt:"), not a phrase that only holds a name-like part ("Star Wars Jedi:", where the NER
    found a person "Wars Jedi")."""
    mention = next((m for m in entity.mentions if m.start < colon and m.end > s), None)
    if mention is None or mention.end < colon - 1:
        return False
    before = text[s:max(s, mention.start)].lower().split()
    return not before or roles.only_a_title(before)


def label_entity(text: str, s: int, e: int, found: Found) -> str | None:
    """The entity a speaker label names: one with a mention there, else the one person whose
    name ends with the label's last word ("PENCE:" for Mike Pence, "Sen. Warren:")."""
    eid = found.entity_at(s, e)
    if eid is not None:
        return eid
    words = text[s:e].split()
    if not words:
        return None
    named = _surname_holders(found, words[-1].strip(".,"))
    return named[0] if len(named) == 1 else None


def _surname_holders(found: Found, surname: str) -> list[str]:
    """The ids of the people a name of whom ends in ``surname`` (case-folded)."""
    key = surname.casefold()
    return [x.id for x in found.entities if x.type == "PERSON" and any(
        m.kind == "name" and m.text.split()[-1].casefold() == key for m in x.mentions)]


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


def dash_name(pos: int, text: str) -> tuple[int, int, int] | None:
    """(dash, name start, name end) for a dash and a name right after ``pos``, to the end of
    the line, else None."""
    while pos < len(text) and text[pos] in INLINE_SPACE:
        pos += 1
    if pos >= len(text) or text[pos] not in DASHES:
        return None
    line_end = text.find("\n", pos)
    s, e = trim(text, pos + 1, len(text) if line_end < 0 else line_end, ".,;:")
    name = text[s:e]
    if not name or not name[0].isupper() or len(name.split()) > MAX_LABEL_WORDS:
        return None
    return pos, s, e
