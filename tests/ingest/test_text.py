"""Plain-text cleaning: boilerplate lines go whole, real sentences stay, offsets map back."""

from __future__ import annotations

import random

import pytest

from newsgraph.ingest.text import boilerplate_reason, clean_text, to_input_offset

BODY = (
    "The harbour authority said on Tuesday that the north pier would close for repairs.\n"
    "Fishing crews will move to the south basin until the work ends in the spring."
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Comments", "comments"),
        ("12 Comments", "comments"),
        ("View all 48 comments", "comments"),
        ("Leave a comment", "comments"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Read more", "read-more"),
        ("Read more…", "read-more"),
        ("READ MORE: Ferry timetable changes for the winter", "read-more"),
        ("Related stories", "read-more"),
        ("Share this", "share"),
        ("Share this article", "share"),
        ("Like this story? Share it with a friend!", "share"),
        ("[Related: Harbour strike talks stall as ferries stay docked]", "read-more"),
        ("Share it with your friends", "share"),
        ("Also on news.example.org Ferry strike ends after two weeks of talks", "read-more"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Share | Tweet | Email", "share"),
        ("Sign up for our morning newsletter", "newsletter"),
        ("Subscribe now", "newsletter"),
        ("Get the best stories delivered to your inbox every morning.", "newsletter"),
        ("We use cookies to improve your experience on our site.", "cookie"),
        ("By using this site you agree to our use of data. Manage your cookie settings.",
         "cookie"),
        ("Cookie policy", "cookie"),
        ("Already a subscriber? Log in", "newsletter"),
        ("Register for free to continue reading", "newsletter"),
        ("Photo: Jane Roe", "caption-credit"),
        ("Image caption The pier was built in 1902", "caption-credit"),
        ("Workers on the pier on Monday. (AP Photo/Jane Roe)", "caption-credit"),
        ("Dockers gather at the gate. Jane Roe/Getty Images", "caption-credit"),
        ("Dockers gather at the gate. (Reuters/Jane Roe)", "caption-credit"),
        ("The pier at dawn. (Photo by Jane Roe)", "caption-credit"),
        ("1.2K shares", "social-counter"),
        ("340 likes · 12 comments", "social-counter"),
        ("Follow us on Twitter", "social-counter"),
        ("Reporting by Jane Roe in Lisbon; Editing by John Doe", "credit"),
        ("© 2024 Example Media. All rights reserved.", "trailer"),
        ("Tags: ports, shipping, labour", "trailer"),
        ("Updated 10:47 AM ET, Tue June 8, 2021", "trailer"),
        ("5 min read", "nav"),
        ("  •  Advertisement  ", "advertisement"),
        ("\u00a0Comments\u00a0", "comments"),
    ],
)
def test_boilerplate_lines_are_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister declined to make any comments on the strike.",
        "Comments from the union were not available on Tuesday.",
        "A photo of the damaged pier was shared widely on social media.",
        "Shares in the shipping company fell 4% after the announcement.",
        "Share prices recovered by the afternoon.",
        "More than 2 million people subscribe to the newsletter, which launched in 2019.",
        "Readers who subscribe to the paper's alerts were told of the closure first.",
        "Read more than 500 pages of testimony and you still find no motive, the judge said.",
        "The news was first reported by Reuters.",
        "The limits were set by the Environmental Protection Agency (EPA)",
        "The wire service was the first to report it (AP)",
        "Research by the university found that 40% of dock workers were over 50.",
        "Published in 1998, the book sold two million copies.",
        "Sign up for the streaming bundle using the same email as your old account",
        "The EU's new cookie policy rules took effect on Monday, regulators said.",
        "Register of Deeds Jane Roe said the office would close",
        "Sign in sheets at the clinic showed long waits",
        "Follow-on talks are planned for next week.",
        "Advertising revenue fell sharply last year, the company said.",
        "Email records show the mayor knew of the cracks in March.",
        "Print editions will carry the full report on Sunday.",
        "More from the harbour master is expected later today.",
        "The image: a city divided between old and new.",
        "Updated figures show unemployment rose to 5% in May.",
        "Also on Tuesday, the ferry company said it would hire 40 more crew.",
        "Also at the meeting were the mayor and two harbour officials.",
        "Share the road with cyclists, the campaign urges drivers.",
        "Kamala Harris:",
        "Reporter:",
        "MAYOR JANE ROE:",
    ],
)
def test_article_sentences_and_speaker_labels_survive(sentence: str) -> None:
    assert boilerplate_reason(sentence) is None
    cleaned = clean_text(f"{BODY}\n{sentence}\n{BODY}")
    assert sentence in cleaned.text
    assert cleaned.removed == ()


def test_trailing_comments_line_is_removed_and_reported() -> None:
    cleaned = clean_text(f"{BODY}\nComments")
    assert cleaned.text == BODY
    assert [(r.text, r.reason) for r in cleaned.removed] == [("Comments", "comments")]


def test_byline_only_at_the_top_and_gives_the_author() -> None:
    cleaned = clean_text(f"By Jane Roe and John Doe, Staff Writers\n{BODY}")
    assert cleaned.author == "Jane Roe and John Doe"
    assert cleaned.removed[0].reason == "byline"
    assert cleaned.text == BODY
    late = clean_text(f"{BODY}\n{BODY}\n{BODY}\nBy Jane Roe\n{BODY}")
    assert "By Jane Roe" in late.text and late.author is None


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the river had risen two metres.",
        "By March the deal was done.",
        "By contrast, the south basin is calm.",
        "By law, employers must give two weeks notice.",
        "By 2030, the port plans to double its capacity.",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    cleaned = clean_text(f"{line}\n{BODY}")
    assert cleaned.text.startswith(line)
    assert cleaned.author is None


def test_speaker_label_kept_in_a_transcript() -> None:
    raw = f"{BODY}\nJane Roe:\nWe will not stop until the pier is safe.\nShare this\n"
    cleaned = clean_text(raw)
    assert "Jane Roe:\nWe will not stop" in cleaned.text
    assert [r.reason for r in cleaned.removed] == ["share"]


def test_crlf_tabs_nbsp_and_outer_blank_lines() -> None:
    raw = "\r\n\r\n\ufeff  \tHarbour pier to close\r\n\r\nAdvertisement\r\n" + (
        "The authority\u00a0said the pier would close.\tCrews will move.\r\n\r\n\r\n")
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("Harbour pier to close\r\n")
    assert cleaned.text.endswith("Crews will move.")
    assert "\u00a0said" in cleaned.text
    assert "Advertisement" not in cleaned.text
    _assert_segments_map_back(raw, cleaned)


def test_only_boilerplate_leaves_empty_text() -> None:
    cleaned = clean_text("Advertisement\nShare this\nComments\n")
    assert cleaned.text == ""
    assert cleaned.segments == ()
    assert len(cleaned.removed) == 3


def _assert_segments_map_back(raw: str, cleaned) -> None:
    text = cleaned.text
    covered = 0
    for t, i, n in cleaned.segments:
        assert n > 0
        assert t == covered, "segments must cover text contiguously, in order"
        assert text[t : t + n] == raw[i : i + n]
        covered += n
    assert covered == len(text)
    for offset in range(len(text)):
        assert raw[to_input_offset(cleaned.segments, offset)] == text[offset]


LINES = [
    BODY, "Kamala Harris:", "Do not come.", "Comments", "Advertisement", "Share this",
    "Photo: Jane Roe", "", "   ", "\t", "\u00a0", "By Jane Roe", "Read more",
    "A short line of text.", "1,204 views",
]
ENDINGS = ["\n", "\r\n", "\r", "\n\n"]


@pytest.mark.parametrize("seed", range(60))
def test_segments_map_every_offset_back_to_the_input(seed: int) -> None:
    rng = random.Random(seed)
    raw = "".join(rng.choice(LINES) + rng.choice(ENDINGS) for _ in range(rng.randint(1, 14)))
    if rng.random() < 0.5:
        raw = raw.rstrip("\r\n")
    cleaned = clean_text(raw)
    _assert_segments_map_back(raw, cleaned)
    assert cleaned.text == cleaned.text.strip()
    kept_lines = [ln.strip() for ln in cleaned.text.splitlines() if ln.strip()]
    assert not any(boilerplate_reason(ln) for ln in kept_lines)


def test_the_seed_loses_only_its_trailer(seed_text: str) -> None:
    cleaned = clean_text(seed_text)
    assert [r.reason for r in cleaned.removed] == ["comments"]
    assert not cleaned.text.rstrip().endswith("Comments")
    assert "Kamala Harris:\n" in cleaned.text
    _assert_segments_map_back(seed_text, cleaned)


def test_to_input_offset_out_of_range() -> None:
    segments = ((0, 5, 3), (3, 20, 4))
    assert [to_input_offset(segments, o) for o in range(-1, 9)] == [
        None, 5, 6, 7, 20, 21, 22, 23, None, None]
    assert to_input_offset((), 0) is None
