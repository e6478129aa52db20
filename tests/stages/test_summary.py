"""The extractive summary: grounded sentences in source order, never the title, the restated
standfirst, a dateline or a restatement of a sentence already picked."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsgraph import Digest, digest, nlp
from newsgraph.ingest import article_from_text
from newsgraph.stages import Found, summary

HARBOUR = """\
Dock workers in the port of Valmora walked off the job on Monday, halting container traffic \
at the country's busiest harbour.

The union said the strike would last until the port authority restores the night-shift \
bonus it cut in March.

Port director Ilse Marten said the authority had offered talks but would not reverse the cut.

Shipping lines began diverting vessels to the smaller northern terminal on Monday afternoon.

Local hauliers said dozens of lorries were queuing outside the gates by the evening.

The transport ministry called on both sides to return to the negotiating table this week.
"""

TITLE = "Valmora dock strike halts port traffic"

STANDFIRST = (
    "Dock workers in Valmora walked off the job on Monday, halting container traffic at the "
    "busiest harbour, in a dispute over the night-shift bonus that the port authority cut."
)


def _digest(text: str, sentences: int = 3) -> Digest:
    return digest(text, sentences=sentences)


def _sentence_count(text: str) -> int:
    doc = nlp.load()(text)
    return len(summary.sentence_spans(doc))


def test_sentences_are_grounded_in_source_order_with_scores() -> None:
    d = _digest(HARBOUR)
    assert len(d.summary) == 3
    starts = [s.start for s in d.summary]
    assert starts == sorted(starts)
    for s in d.summary:
        assert d.text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        assert isinstance(s.score, float) and s.score > 0
    assert d.grounding_errors() == []


def test_lead_sentence_is_picked() -> None:
    d = _digest(HARBOUR, sentences=1)
    assert d.summary[0].text.startswith("Dock workers in the port of Valmora")


@pytest.mark.parametrize("n", [1, 2, 4])
def test_sentences_n_is_respected(n: int) -> None:
    assert len(_digest(HARBOUR, sentences=n).summary) == n


def test_short_article_gives_every_sentence_once() -> None:
    text = ("The city council approved the new cycle lanes on Tuesday evening. "
            "Work on the first two routes is due to start in the spring.")
    d = _digest(text, sentences=5)
    assert [s.text for s in d.summary] == [
        "The city council approved the new cycle lanes on Tuesday evening.",
        "Work on the first two routes is due to start in the spring.",
    ]


def test_title_line_is_never_chosen() -> None:
    text = f"{TITLE}\n\n{HARBOUR}"
    d = _digest(text, sentences=20)
    assert d.title == TITLE
    assert all(TITLE not in s.text for s in d.summary)
    assert all(s.start >= len(TITLE) for s in d.summary)
    assert len(d.summary) == _sentence_count(HARBOUR)  # every body sentence is still there


def test_restated_standfirst_is_never_chosen() -> None:
    text = f"{STANDFIRST}\n\n{HARBOUR}"
    d = _digest(text, sentences=20)
    assert d.lede is not None and d.text[d.lede.start : d.lede.end] == STANDFIRST
    assert all(s.start >= d.lede.end for s in d.summary)
    first = _digest(text, sentences=1).summary[0]
    assert first.text.startswith("Dock workers in the port of Valmora")  # its restatement


def test_near_identical_sentences_are_never_both_picked() -> None:
    text = ("Rail line opening date set\n\n"
            "Engineers finished laying the last section of track near the river crossing.\n\n"
            "The ministry said the new rail line would open to passengers in June next year.\n\n"
            "Residents along the route have complained about noise from night-time work.\n\n"
            "The new rail line will open to passengers in June next year, the ministry said.\n")
    d = _digest(text, sentences=10)
    assert d.lede is None
    picked = [s.text for s in d.summary]
    assert len(picked) == 3
    assert sum("open to passengers in June" in s for s in picked) == 1


def test_fragments_and_speaker_labels_are_never_chosen() -> None:
    label, fragment = "Port director Ilse Marten:", "Talks went nowhere."
    text = HARBOUR.replace("\n\nShipping lines", f"\n\n{label}\nThe authority offered talks "
                           f"twice and will keep the offer open.\n\n{fragment}\n\nShipping lines")
    d = _digest(text, sentences=20)
    assert label in d.text and fragment in d.text
    assert all(label not in s.text and fragment not in s.text for s in d.summary)
    assert any(s.text.startswith("The authority offered talks") for s in d.summary)


def test_a_dateline_split_off_its_sentence_is_never_chosen() -> None:
    dateline = "LIMA, Ohio, Oct. 4 (AP) —"  # spaCy ends a sentence after it
    text = f"{dateline} The mayor criticized the plan.\n\n{HARBOUR}"
    spans = summary.sentence_spans(nlp.load()(text))
    assert any(text[a:b] == dateline for a, b in spans)  # the case this test is about
    d = _digest(text, sentences=20)
    assert d.summary and all(s.text != dateline for s in d.summary)


def test_direct_quote_scores_below_the_same_words_unquoted() -> None:
    lines = ["Flooding closed the coastal railway between Arnby and Holt on Sunday.",
             "{o}We have never seen water this high on the line,{c} said a station worker.",
             "Engineers expect the line to reopen on Wednesday once the track is inspected."]

    def score_of_second(o: str, c: str) -> float:
        d = _digest("\n\n".join(lines).format(o=o, c=c), sentences=3)
        (second,) = [s for s in d.summary if "never seen" in s.text]
        return second.score

    assert score_of_second("\u201c", "\u201d") < score_of_second("", "")


def test_stage_runs_on_a_parse_without_entities_or_quotes() -> None:
    article = article_from_text(HARBOUR)
    doc = nlp.load()(article.text)
    found = Found(article=article, summary_sentences=2)
    picked = summary.run(doc, found)
    assert len(picked) == 2
    assert all(article.text[s.start : s.end] == s.text for s in picked)


def test_sentence_spans_never_cross_a_line_break() -> None:
    doc = nlp.load()("Kamala Harris:\nDo not come to the border now.\nShe said it twice.")
    for start, end in summary.sentence_spans(doc):
        assert "\n" not in doc.text[start:end]
        assert doc.text[start:end] == doc.text[start:end].strip()


def _seed_body(seed_text: str) -> str:
    """The seed without its first paragraph (the standfirst), built at test time."""
    first_break = seed_text.index("\n")
    return seed_text[first_break + 1 :]


def test_seed_body_alone_summary_carries_the_visit_and_the_meeting(seed_text: str) -> None:
    # Without its standfirst the seed gives the summary no headline to steer by; the pledge to
    # Guatemala sits in its 13th sentence, which a 3-sentence summary tuned on real articles
    # does not reach (the standfirst test below checks the pledge with the standfirst present).
    d = _digest(_seed_body(seed_text))
    assert d.lede is None
    joined = " ".join(s.text for s in d.summary)
    assert "closing out her first international trip" in joined
    assert "meeting with Mexican President Andres Manuel Lopez Obrador" in joined


def test_seed_digest_skips_the_standfirst_but_keeps_its_facts(seed_digest: Digest) -> None:
    assert seed_digest.lede is not None
    assert all(s.start >= seed_digest.lede.end for s in seed_digest.summary)
    joined = " ".join(s.text for s in seed_digest.summary)
    assert "anti-corruption" in joined
    assert "Lopez Obrador" in joined
    assert "Comments" not in joined


def test_cli_sentences_option(tmp_path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR, "utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", "digest", str(path), "--json", "--jobs", "1",
         "--sentences", "2"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert len(json.loads(out)["summary"]) == 2
