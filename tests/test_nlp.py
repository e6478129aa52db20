"""The shared spaCy pipeline: what newsgraph adds to the parse."""

from __future__ import annotations

from newsgraph import nlp
from newsgraph.pipeline import digest


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in next(nlp.parse([text])).sents if s.text.strip()]


def test_a_headline_and_each_paragraph_open_a_sentence() -> None:
    text = ("Grain prices climb as drought spreads\nFarmers in Kansas said yields fell\n\n"
            "by a third this year")
    assert _sentences(text) == ["Grain prices climb as drought spreads",
                                "Farmers in Kansas said yields fell", "by a third this year"]


def test_a_hard_wrapped_sentence_and_a_colon_paragraph_stay_whole() -> None:
    text = "The minister said on Monday that the\nbudget would be cut."
    assert len(_sentences(text)) == 1
    text = "Quinn told the council:\n\nThe harbour will reopen on Monday."
    assert len(_sentences(text)) == 1


def test_a_headline_without_a_full_stop_does_not_swallow_the_lede() -> None:
    d = digest("Chipmaker Norvik to cut jobs as demand slumps\n\nNorvik Inc. said on Wednesday "
               "it would cut about 900 jobs.")
    assert [(q.cue.text, q.text) for q in d.quotes if q.kind == "indirect"] == [
        ("said", "it would cut about 900 jobs")]


def test_a_dateline_is_no_subject_of_the_lede() -> None:
    d = digest("Mayor backs housing plan\n\nDENVER -- Mayor Ruth Calloway, opening the session "
               "on Friday, said the city would build 500 homes.")
    mayor = next(e for e in d.entities if e.name == "Ruth Calloway")
    said = next(q for q in d.quotes if q.cue is not None and q.cue.text == "said")
    assert said.speaker == mayor.id
