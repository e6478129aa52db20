"""Quotes: direct quotes in every common convention and reported speech, with speakers.

The stage entry point: ``run`` finds the quoted runs and labelled lines, attributes them and adds
reported speech, in text order. Each step lives in a module of its own, with the decisions tests
rely on in its docstring:

- ``quote_marks.py``: quotation marks, found and paired into quoted runs (interrupted and
  multi-paragraph quotes, nesting, apostrophes).
- ``quote_labels.py``: speakers named by layout: transcript and headline labels ("PENCE: …", a
  label alone on a line, "Sanders: …") and dash names after a quote ("― Julie Smith").
- ``quote_view.py``: the per-document token tables the others share (quoted tokens, sentence,
  line and paragraph breaks, the cues in order) and the run being attributed.
- ``quote_direct.py``: which quoted runs are quotes, their cue (their own, a colon, a dash, a
  neighbouring quote's or paragraph's) and their offsets.
- ``quote_reported.py``: reported speech through reporting verbs, source phrases, speech nouns,
  stance adjectives and misparsed headlines.
- ``quote_speakers.py``: a cue's speaker (its subject, a word beside it, an earlier cue's
  subject, …) and the entity it names; ``speaker_heads`` and ``relative_antecedent``, which the
  actors stage (``descriptions.py``) imports from here.
- ``quote_cues.py``, ``quote_nouns.py``: the reporting-verb lexicon and frames, speech nouns and
  stance adjectives.

Speakers are entity ids or ``None``; the words taken as speaker (the phrase on the speaker's
line, no leading punctuation) are in ``found.extra[SPEAKER_SPANS]`` either way.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc

from newsgraph.model import Entity, Mention, Quote
from newsgraph.stages import Found, text_of
from newsgraph.stages.games import game_report
from newsgraph.stages.quote_direct import attribute, direct_parts, inherit, is_quote
from newsgraph.stages.quote_labels import labelled_lines, transcript_runs
from newsgraph.stages.quote_marks import paragraphs, quoted_runs
from newsgraph.stages.quote_reported import headline_speech, reported_speech
from newsgraph.stages.quote_speakers import relative_antecedent, speaker_heads
from newsgraph.stages.quote_view import AttributedRun, DocView

__all__ = ["SPEAKER_SPANS", "relative_antecedent", "run", "speaker_heads"]

# found.extra key: per returned quote (same order), the (start, end) of the words taken as its
# speaker (cue subject, "according to" object, label, dash name) or None. Lets the actors
# stage, events and benchmarks see who was meant even when no entity covers those words.
SPEAKER_SPANS = "quote_speaker_spans"


def run(doc: Doc, found: Found) -> tuple[Quote, ...]:
    text = text_of(doc)
    paras = paragraphs(text)
    para_starts = [s for s, _ in paras]
    runs = [AttributedRun(q.parts, q.outer) for q in quoted_runs(doc)]
    transcripts = list(transcript_runs(text, paras, found))
    labelled = list(labelled_lines(text, paras, found, notes=game_report(doc)))
    transcripts += [r for r in labelled if r.kind == "direct"]
    view = DocView(doc, text, runs + transcripts)
    for r in runs:
        r.paragraph = bisect_right(para_starts, r.outer[0]) - 1
        attribute(r, view, found)
    inherit(runs, view, found, para_starts)
    reported = reported_speech(view, found)
    _quoted_in_reports(runs, reported)
    pairs = [p for r in runs + transcripts if is_quote(r, text)
             for p in direct_parts(r, text, found)]
    pairs.extend(p for r in labelled if r.kind == "indirect" for p in direct_parts(r, text, found))
    pairs.extend(reported)
    if len(paras) > 1 and not any(q.start < paras[0][1] and q.kind == "indirect"
                                  for q, _ in pairs):
        pairs.extend(headline_speech(view, found, paras[0]))
    pairs.sort(key=lambda p: (p[0].start, p[0].end))
    found.extra[SPEAKER_SPANS] = tuple(who for _, who in pairs)
    found.entities = _label_mentions(text, found.entities, pairs)
    return tuple(q for q, _ in pairs)


def _quoted_in_reports(runs: list[AttributedRun],
                       reported: list[tuple[Quote, tuple[int, int] | None]]) -> None:
    """A quoted phrase with no cue of its own inside what a report attributes to a known
    speaker is that speaker's words ("his warning that Britain would go to the “back of the
    queue”", "according to Smith, the plan is “dead”"); under a report with no known speaker
    it stays a phrase the writer marks."""
    for r in runs:
        if r.attributed:
            continue
        host = next(((q, who) for q, who in reported if q.speaker is not None
                     and q.start <= r.outer[0] and r.outer[1] <= q.end + 1), None)
        if host is not None:
            q, who = host
            r.cue, r.speaker, r.who, r.attributed = q.cue, q.speaker, who, True


def _label_mentions(text: str, entities: tuple[Entity, ...],
                    pairs: list[tuple[Quote, tuple[int, int] | None]]) -> tuple[Entity, ...]:
    """A transcript label resolved by surname ("PENCE:" for Mike Pence) becomes a mention of
    its speaker, so the label points at the actor like any name."""
    added: dict[str, list[Mention]] = {}
    for q, who in pairs:
        if q.speaker is None or who is None or q.cue is None or not q.cue.text.rstrip(
                ).endswith(":"):
            continue
        s, e = who
        entity = next((x for x in entities if x.id == q.speaker), None)
        mentions = [*(entity.mentions if entity else ()), *added.get(q.speaker, ())]
        if entity is not None and s < e and not any(m.start < e and s < m.end for m in mentions):
            added.setdefault(q.speaker, []).append(Mention(text[s:e], s, e, "name"))
    if not added:
        return entities
    return tuple(replace(x, mentions=tuple(sorted((*x.mentions, *added[x.id]),
                                                  key=lambda m: (m.start, m.end))))
                 if x.id in added else x for x in entities)
