"""Ingest: from raw input (text, HTML, JSON records) to a cleaned ``Article``."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsgraph.errors import InputError, LanguageError
from newsgraph.ingest.decode import decode
from newsgraph.ingest.html import extract_html, html_bytes_to_str
from newsgraph.ingest.sources import Failure, RawDoc, read_inputs
from newsgraph.ingest.structure import detect_lede, detect_title, paragraphs
from newsgraph.ingest.text import clean_text
from newsgraph.model import Article, Removed
from newsgraph.nlp import MAX_CHARS

__all__ = ["Failure", "RawDoc", "article_from_text", "read_inputs", "to_article"]

MIN_WORDS = 5


def to_article(raw: RawDoc, published: str | None = None) -> Article:
    """Decode, extract and clean one raw document. ``published`` is the fallback reference
    date when the document carries none of its own."""
    if raw.kind == "html":
        html = raw.data if isinstance(raw.data, str) else html_bytes_to_str(raw.data, raw.source)
        page = extract_html(html, raw.source, url=raw.url)
        title = raw.title or page.title
        text, before = from_headline(page.text, title)
        article = article_from_text(
            text,
            source=raw.source,
            title=title,
            url=raw.url or page.url,
            published=raw.published or _valid_date(page.published) or published,
            author=page.author,
            provenance=False,
        )
        if before:
            article = replace(article, removed=(*before, *article.removed))
        return article
    text = raw.data if isinstance(raw.data, str) else decode(raw.data, raw.source)
    return article_from_text(
        text, source=raw.source, title=raw.title, url=raw.url,
        published=raw.published or published,
    )


def article_from_text(
    text: str,
    *,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | dt.date | None = None,
    author: str | None = None,
    provenance: bool = True,
) -> Article:
    """Clean plain text into an Article. ``provenance=False`` when the text is itself derived
    (extracted from HTML) and offsets into it are all the provenance there is."""
    if "\x00" in text:
        raise InputError(source, "looks like a binary file, not text")
    cleaned = clean_text(text)
    body = cleaned.text
    if len(body.split()) < MIN_WORDS:
        raise InputError(source, "empty input: no article text after cleaning" if not body
                         else f"too short to digest ({len(body.split())} words)")
    if len(body) > MAX_CHARS:
        raise InputError(source, f"article text is {len(body):,} characters; the limit is "
                                 f"{MAX_CHARS:,} (split the file into articles)")
    check_language(body, source)
    paras = paragraphs(body)
    title_span = detect_title(body, paras) if title is None or _same(title, body, paras) else None
    if title is None and title_span is not None:
        title = body[title_span.start : title_span.end]
    lede = detect_lede(body, paras, after=title_span.end if title_span else 0)
    return Article(
        text=body,
        source=source,
        title=title,
        url=url,
        published=normalize_date(published, source),
        author=author or cleaned.author,
        segments=cleaned.segments if provenance else (),
        removed=cleaned.removed,
        lede=lede,
        title_span=title_span,
    )


TITLE_SEARCH_LINES = 6  # how far down an extracted page its headline line is looked for
_TITLE_SEPARATORS = (" | ", " – ", " — ", " - ")  # "Headline | Site name"


def from_headline(text: str, title: str | None) -> tuple[str, tuple[Removed, ...]]:
    """An extracted page whose headline line (the page title, or its part before a site-name
    separator) comes a few lines down starts there: what the extractor took from above the
    headline (a teaser of another story, "Now available" links) is page furniture, reported
    as removed."""
    if not title:
        return text, ()
    wanted = {_norm(title)} | {_norm(title.split(sep)[0]) for sep in _TITLE_SEPARATORS
                                if sep in title}
    wanted.discard("")
    lines = text.split("\n")
    for k, line in enumerate(lines[: TITLE_SEARCH_LINES + 1]):
        if _norm(line) in wanted:
            if k == 0:
                break
            dropped = tuple(Removed(x.strip(), "before-headline") for x in lines[:k] if x.strip())
            return "\n".join(lines[k:]), dropped
    return text, ()


def _norm(line: str) -> str:
    return " ".join(line.casefold().split()).strip(" .:!?\"'“”‘’")


def _same(title: str, body: str, paras: list) -> bool:
    """The body opens with the given title as its first line."""
    return bool(paras) and body[paras[0].start :].split("\n", 1)[0].strip() == title.strip()


def check_language(text: str, source: str | None) -> str:
    """Raise ``LanguageError`` unless the text is English. Short English texts full of foreign
    names ("Obama met Merkel in Berlin") may rank another language first, so English is
    accepted whenever it keeps a fair share of the probability."""
    sample = text[:LANGUAGE_SAMPLE]
    letters = sum(map(str.isalpha, sample))
    if letters < len(sample) * 0.4:
        raise InputError(source, "does not read as prose (too few letters)")
    ranked = _language_identifier().rank(sample)
    if dict(ranked).get("en", 0.0) >= MIN_ENGLISH_PROBABILITY:
        return "en"
    raise LanguageError(source, f"language looks like '{ranked[0][0]}', not English; "
                                "newsgraph digests English articles")


LANGUAGE_SAMPLE = 2000  # characters; plenty for a confident call, and cheap
MIN_ENGLISH_PROBABILITY = 0.01  # non-English news scores ~0; short English texts >= 0.04


@cache
def _language_identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _valid_date(value: str | None) -> str | None:
    """A date found in a page's metadata, or None when it is not a usable date (a page's
    odd metadata is no reason to refuse its text)."""
    try:
        return normalize_date(value)
    except InputError:
        return None


def normalize_date(value: str | dt.date | None, source: str | None = None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, datetime or ISO-like string."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise InputError(source, f"published date {value!r} is not YYYY-MM-DD") from None
