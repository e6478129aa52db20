"""Headline and standfirst (lede) detection on hand-written articles."""

from __future__ import annotations

import pytest

from newsgraph.ingest import article_from_text
from newsgraph.ingest.structure import detect_lede, detect_title, is_headline, paragraphs

BODY = [
    "Dock workers in the northern port walked out on Monday after talks over pay broke down, "
    "halting most container traffic for the first time in a decade.",
    "The union said the strike would continue until the operator restored a bonus scheme that "
    "was cut last spring, and that picket lines would stay at all four gates.",
    "The operator said it had offered a 4% rise and called the walkout irresponsible at a time "
    "when shipping volumes were already falling.",
    "Local businesses said deliveries of fresh food had been delayed by two days.",
]


def _title(text: str) -> str | None:
    span = detect_title(text, paragraphs(text))
    return None if span is None else text[span.start : span.end]


@pytest.mark.parametrize(
    "headline",
    [
        "Dock workers strike over pay in northern port",
        "Port Strike Halts Container Traffic For First Time In A Decade",
        "Dockers walk out as pay talks collapse.",
        "U.S. Port Operator Faces Strike Over Bonus Cuts.",
        "Sen. Roe urges talks to end port strike",
        "Mary J. Roe backs striking dock workers.",
        "Port strike: what it means for shoppers",
    ],
)
def test_headline_lines_are_titles(headline: str) -> None:
    text = "\n\n".join([headline, *BODY])
    assert _title(text) == headline
    assert _title("\n".join([headline, *BODY])) == headline


def test_headline_with_a_subhead_block() -> None:
    text = "Dockers walk out over pay; \nUnion says the strike will last all week.\n\n" + (
        "\n\n".join(BODY))
    assert _title(text) == "Dockers walk out over pay"


@pytest.mark.parametrize(
    "first",
    [
        BODY[0],
        "A man has admitted setting fire to a warehouse at the port.",
        "Plans for a new ferry terminal have been withdrawn by the council.",
        "Dockers walked out on Monday. The union blamed the operator.",
        "Kamala Harris:",
        "In the port town, shops are quiet,",
    ],
)
def test_ordinary_first_lines_are_not_titles(first: str) -> None:
    assert _title("\n\n".join([first, *BODY[1:]])) is None


def test_wrapped_prose_first_line_is_not_a_title() -> None:
    text = ("Dock workers in the northern port walked out on Monday after\n"
            "talks over pay broke down, halting most container traffic.\n\n" + "\n\n".join(BODY))
    assert _title(text) is None


def test_single_paragraph_has_no_title() -> None:
    assert _title("Dock workers strike over pay in northern port") is None
    assert not is_headline("Strike")


STANDFIRST = (
    "Dock workers in the northern port walked out on Monday after talks over pay broke down, "
    "and the union says the strike will continue until a bonus scheme is restored."
)


def test_a_standfirst_the_body_restates_is_the_lede() -> None:
    text = "\n\n".join([STANDFIRST, *BODY])
    lede = detect_lede(text, paragraphs(text))
    assert lede is not None and text[lede.start : lede.end] == STANDFIRST


def test_an_ordinary_first_paragraph_is_not_a_lede() -> None:
    text = "\n\n".join(BODY)
    assert detect_lede(text, paragraphs(text)) is None
    other = "\n\n".join([
        "Farmers in the valley have started the harvest two weeks early this year because of "
        "an unusually warm and dry summer, the growers association said.",
        *BODY,
    ])
    assert detect_lede(other, paragraphs(other)) is None


def test_lede_is_looked_for_after_the_title() -> None:
    text = "\n\n".join(["Dockers strike over pay", STANDFIRST, *BODY])
    article = article_from_text(text)
    assert article.title == "Dockers strike over pay"
    assert article.title_span is not None and article.title_span.start == 0
    assert article.lede is not None
    assert text[article.lede.start : article.lede.end] == STANDFIRST


def test_given_title_repeated_as_first_line_is_marked() -> None:
    text = "\n\n".join(["Dockers strike over pay", *BODY])
    article = article_from_text(text, title="Dockers strike over pay")
    assert article.title_span is not None
    assert article_from_text(text, title="Something else").title_span is None


def test_seed_has_a_lede_and_no_title(seed_text: str) -> None:
    article = article_from_text(seed_text)
    assert article.title is None
    assert article.lede is not None and article.lede.start == 0
    first_paragraph = article.text.split("\n", 1)[0]
    assert article.text[article.lede.start : article.lede.end] == first_paragraph
