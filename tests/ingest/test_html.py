"""HTML pages: main text and metadata through trafilatura, with the page's real encoding."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import to_article
from newsgraph.ingest.html import extract_html, html_bytes_to_str
from newsgraph.ingest.sources import RawDoc

SHARED = Path(__file__).resolve().parents[3] / "shared"
BENCH = SHARED / "eval" / "article_extraction_benchmark"

PARAGRAPHS = [
    "Dock workers in the northern port walked out on Monday after talks over pay broke down, "
    "halting most container traffic for the first time in a decade.",
    "The union’s leader, José Núñez, said the strike would continue until the operator "
    "restored a bonus scheme that was cut last spring — a cut he called “indefensible”.",
    "The operator said it had offered a 4% rise and called the walkout irresponsible at a time "
    "when shipping volumes were already falling across the region.",
]


def page(charset_meta: str = "", title: str = "Dockers strike over pay",
         author: str = "Jane Roe") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head>{charset_meta}<title>{title} | Harbour News</title>"
        '<meta property="og:title" content="Dockers strike over pay">'
        f'<meta name="author" content="{author}">'
        '<meta property="article:published_time" content="2024-03-11T09:30:00Z">'
        '<link rel="canonical" href="https://news.example.com/2024/03/11/dockers-strike">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>© 2024 Harbour News. All rights reserved.</footer></body></html>"
    )


def test_main_text_and_metadata() -> None:
    art = extract_html(page(), "p.html")
    for p in PARAGRAPHS:
        assert p in art.text
    assert "Home" not in art.text and "All rights reserved" not in art.text
    assert art.title == "Dockers strike over pay"
    assert art.author == "Jane Roe"
    assert art.published == "2024-03-11"
    assert art.url == "https://news.example.com/2024/03/11/dockers-strike"


@pytest.mark.parametrize(("field", "names"), [
    ("Harbour Media Group; Jane Roe", "Jane Roe"),
    ("JANE ROE; JOHN DOE Associated Press", "Jane Roe, John Doe"),
    ("Jane Roe; Harbour News Staff Writer", "Jane Roe"),
    ("Jane Roe is a reporter", "Jane Roe"),
    ("Jane Roe Monday; November", "Jane Roe"),
    ("Jane Roe and John Doe", "Jane Roe, John Doe"),
    ("Harbour News Staff", "Harbour News Staff"),  # no name in it: left as it is
])
def test_metadata_author_keeps_the_people(field: str, names: str) -> None:
    assert extract_html(page(author=field), "p.html").author == names


@pytest.mark.parametrize(
    ("encoding", "meta"),
    [
        ("utf-8", '<meta charset="utf-8">'),
        ("utf-8", ""),
        ("utf-8-sig", ""),
        ("cp1252", '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
        ("cp1252", '<meta charset="iso-8859-1">'),
        ("cp1252", ""),
        ("latin-1", ""),
    ],
)
def test_encodings_are_detected(encoding: str, meta: str) -> None:
    html = page(meta)
    if encoding == "latin-1":  # latin-1 cannot hold curly quotes or the euro sign
        html = html.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-")
    data = html.encode(encoding)
    decoded = html_bytes_to_str(data, "p.html")
    assert decoded.lstrip("\ufeff") == html
    article = to_article(RawDoc("p.html", "html", data))
    assert "José Núñez" in article.text
    assert article.title == "Dockers strike over pay"


def test_xml_declaration_charset() -> None:
    html = '<?xml version="1.0" encoding="windows-1250"?>' + page().replace(
        "José Núñez", "Tomáš Dvořák")
    assert "Tomáš Dvořák" in html_bytes_to_str(html.encode("cp1250"), "p.xhtml")


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Unclosed <div><b>text",
        "<<<>>><p></p></div></div></body>",
        "<html><body><script>var x = 1;</script></body></html>",
        "<html>" + "<div>" * 5000 + "deep" + "</div>" * 10,
    ],
)
def test_broken_or_empty_html_is_a_clear_error(html: str) -> None:
    with pytest.raises(InputError) as err:
        to_article(RawDoc("bad.html", "html", html.encode()))
    assert str(err.value).startswith("bad.html: ")


def test_malformed_markup_still_gives_best_effort_text() -> None:
    html = "<html><body><div><p>" + "</p><p>".join(PARAGRAPHS) + "<p><b>unclosed</div>"
    article = to_article(RawDoc("broken.html", "html", html.encode()))
    assert PARAGRAPHS[0] in article.text


def test_plain_text_under_an_html_name_is_refused() -> None:
    with pytest.raises(InputError, match="no markup"):
        extract_html("just words, no tags at all", "x.html")


def _shingles(text: str) -> set[tuple[str, ...]]:
    import re

    words = re.findall(r"\w+", text)
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}


def test_benchmark_pages_extract_sensibly() -> None:
    truth = json.loads((BENCH / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)[:6]
    for page_id in ids:
        data = gzip.decompress((BENCH / "html" / f"{page_id}.html.gz").read_bytes())
        article = to_article(RawDoc(page_id, "html", data))
        gold = _shingles(truth[page_id]["articleBody"])
        found = _shingles(article.text)
        recall = len(gold & found) / len(gold)
        assert recall > 0.8, (page_id, recall)
        assert article.title


def test_unusable_page_date_falls_back_to_the_reference_date() -> None:
    html = page().replace("2024-03-11T09:30:00Z", "sometime soon")
    article = to_article(RawDoc("p.html", "html", html), published="2020-01-01")
    assert article.published in {"2020-01-01", "2024-03-11"}  # a date found elsewhere is fine
    assert PARAGRAPHS[0] in article.text


def test_record_title_and_url_override_the_page() -> None:
    raw = RawDoc("x.jsonl:1", "html", page(), title="Given title", url="https://given.example/")
    article = to_article(raw)
    assert (article.title, article.url) == ("Given title", "https://given.example/")


def test_hidden_elements_and_inline_hover_cards_are_not_article_text() -> None:
    para = ("<p>The mayor <span class='people-rollover'><a href='/p/ana'>Ana Ruiz</a>"
            "<span class='people-rollover-block'><img src='a.jpg'><a href='/x'>Ana Ruiz"
            "</a><a href='/y'>Mayor opens the new ferry line</a></span></span> said the ferry "
            "would sail again on Monday after two weeks of repairs to its engines.</p>")
    hidden = ("<div style='display: none'>Subscribe to our newsletter today</div>"
              "<p aria-hidden='true'>Advertisement panel text here</p>"
              "<p hidden>Old version of this story</p>")
    more = "".join(f"<p>Paragraph {i} of the story tells readers more about the harbour and "
                   f"its ferries, which carry commuters across the bay every day.</p>"
                   for i in range(6))
    html = (f"<html><body><article><h1>Ferry returns</h1>{para}{hidden}{more}</article>"
            "</body></html>")
    text = extract_html(html, "t.html").text
    assert "The mayor Ana Ruiz said the ferry would sail again" in text  # link and tail kept
    for gone in ("Mayor opens the new ferry line", "Subscribe", "Advertisement panel",
                 "Old version"):
        assert gone not in text


def test_an_article_hidden_by_its_markup_is_still_read() -> None:
    body = "".join(f"<p>Paragraph {i} says the council voted to rebuild the old harbour wall "
                   f"before the winter storms arrive.</p>" for i in range(6))
    html = f"<html><body><div style='display:none'><article>{body}</article></div></body></html>"
    assert "rebuild the old harbour wall" in extract_html(html, "t.html").text


def test_what_comes_above_the_headline_line_is_dropped_and_reported() -> None:
    from newsgraph.ingest import to_article
    from newsgraph.ingest.sources import RawDoc

    story = "".join(f"<p>Paragraph {i}: the harbour council voted to rebuild the old sea wall "
                    f"before the winter storms, officials said on Monday.</p>" for i in range(5))
    html = ("<html><head><title>Sea wall rebuilt | Harbour News</title></head><body><article>"
            "<p>Night tides are an everyday feature of the bay and its two ferry piers.</p>"
            "<p>Ferry timetable now available</p><h1>Sea wall rebuilt</h1>"
            f"{story}</article></body></html>")
    art = to_article(RawDoc("page.html", "html", html))
    assert art.text.startswith("Sea wall rebuilt\n")
    assert [r.reason for r in art.removed][:2] == ["before-headline", "before-headline"]
    assert art.title_span is not None and art.text[art.title_span.start:art.title_span.end] == (
        "Sea wall rebuilt")


def test_a_paragraph_that_is_one_link_to_another_story_is_not_article_text() -> None:
    story = [f"<p>Paragraph {i}: the orchestra played its last concert in the old hall, and "
             f"<a href='/hall'>the hall</a> will close for repairs, the director said.</p>"
             for i in range(6)]
    teaser = ("<p><strong><a href='https://news.example.com/arts/tenor-quits-tour'>TENOR QUITS "
              "TOUR AFTER ROW WITH FESTIVAL BOSS</a></strong></p>")
    html = ("<html><body><article><h1>Old hall closes</h1>" + "".join(story[:3]) + teaser
            + "".join(story[3:]) + "</article></body></html>")
    text = extract_html(html, "t.html").text
    assert "TENOR QUITS" not in text
    assert "Paragraph 2" in text and "Paragraph 3" in text and "the hall will close" in text


def test_a_byline_without_a_letter_is_no_author() -> None:
    from newsgraph.ingest.byline import people
    assert people(" ; - ;") is None
    assert people("By Jane Roe") == "Jane Roe"
