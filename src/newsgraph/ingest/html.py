"""HTML articles: main text and metadata through trafilatura."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from newsgraph.errors import InputError
from newsgraph.ingest.byline import people
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


def _extract(html: str | HtmlElement, url: str | None) -> dict:
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=False, deduplicate=False,
    )
    if doc is None:
        return {}
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_POPUP = frozenset({"rollover", "tooltip", "popover", "hovercard", "popup"})
_POPUP_PART = frozenset({"block", "content", "body", "card", "inner", "panel"})
_KEPT_TAGS = frozenset({"html", "head", "body"})


LINK_WORDS = 3  # a paragraph that is one link of at least this many words is a teaser


def prune_unseen(tree: HtmlElement) -> bool:
    """Drop what a reader never sees in the page's text (their tails stay): elements the markup
    hides (``hidden``, ``aria-hidden="true"``, an inline ``display: none`` or ``visibility:
    hidden``), and the body of a hover card or tooltip that sits inline in a paragraph
    (a class such as ``rollover-people-block`` or ``tooltip-content``: a popup word and a
    content word in one class name, so the link that opens it stays). A paragraph that is
    nothing but one link to another page goes too: a related story's headline set between
    the article's paragraphs ("SENATOR X ELIMINATED FROM 'SHOW'"), a "Subscribe to ..."
    or "More in ..." link, never the article's own prose (on the extraction benchmark's pages
    123 such paragraphs are outside the article and 6 inside). Returns whether any element was
    dropped."""
    doomed = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _KEPT_TAGS:
            continue
        attrib = el.attrib
        if ("hidden" in attrib or attrib.get("aria-hidden", "").lower() == "true"
                or _HIDING_STYLE.search(attrib.get("style", "")) or _popup_body(attrib)
                or (el.tag == "p" and _link_only(el))):
            doomed.append(el)
    for el in doomed:  # (one inside another dropped already leaves a detached subtree)
        if el.getparent() is not None:
            el.drop_tree()
    return bool(doomed)


def _link_only(p: HtmlElement) -> bool:
    """A paragraph whose whole text is the text of its one link to a page."""
    links = [a for a in p.iter("a") if a.get("href", "").strip()[:1] not in ("", "#")]
    if len(links) != 1 or links[0].get("href", "").lower().startswith(("mailto:", "javascript:")):
        return False
    text = " ".join(p.text_content().split())
    return len(text.split()) >= LINK_WORDS and " ".join(links[0].text_content().split()) == text


def _popup_body(attrib: dict) -> bool:
    for name in attrib.get("class", "").lower().split():
        parts = set(re.split(r"[-_]+", name))
        if parts & _POPUP and parts & _POPUP_PART:
            return True
    return False


def extract_html(html: str, source: str | None, url: str | None = None) -> HtmlArticle:
    """The page's main text (paragraphs one per line) and its metadata."""
    if "<" not in html:
        raise InputError(source, "expected HTML but found no markup")
    try:
        tree = load_html(html)
        pruned = tree is not None and prune_unseen(tree)
        data = _extract(tree if tree is not None else html, url)
        if pruned and not (data.get("text") or "").strip():  # the article itself was hidden
            data = _extract(html, url)
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        raise InputError(source, f"malformed HTML ({type(err).__name__})") from None
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(source, "no article text found in the HTML")
    return HtmlArticle(
        text=text,
        title=data.get("title") or None,
        published=data.get("date") or None,
        author=people(data["author"]) if data.get("author") else None,
        url=data.get("url") or url,
    )
