"""HTML articles: main text and metadata through trafilatura."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura

from newsgraph.errors import InputError
from newsgraph.ingest.decode import decode

# Extraction libraries log parse trouble as ERROR; the caller reports one line per input.
for _name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

CHARSET_SCAN = 16384  # bytes searched for <meta charset> or <?xml encoding> (spec says 1024)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    author: str | None
    url: str | None


def html_bytes_to_str(data: bytes, source: str | None) -> str:
    """Decode an HTML page using its declared charset when UTF-8 fails."""
    m = _META_CHARSET.search(data[:CHARSET_SCAN])
    label = (m.group(1) or m.group(2)).decode("ascii", "ignore") if m else None
    return decode(data, source, declared=label)


def extract_html(html: str, source: str | None, url: str | None = None) -> HtmlArticle:
    """The page's main text (paragraphs one per line) and its metadata."""
    if "<" not in html:
        raise InputError(source, "expected HTML but found no markup")
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=False, deduplicate=False,
        )
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        raise InputError(source, f"malformed HTML ({type(err).__name__})") from None
    if doc is None:
        raise InputError(source, "no article text found in the HTML")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(source, "no article text found in the HTML")
    return HtmlArticle(
        text=text,
        title=data.get("title") or None,
        published=data.get("date") or None,
        author=data.get("author") or None,
        url=data.get("url") or url,
    )
