"""Time expressions: the date an event happened (or will happen), at the precision the text gives.

``resolve(text, published, future)`` turns one time expression into ISO-8601 at its precision:
``YYYY-MM-DD`` (a day), ``YYYY-MM`` (a month) or ``YYYY`` (a year), or None when the expression
names no point in time ("for two years", "decades"). Relative expressions are resolved against
the article's ``published`` date:

- "today", "tonight", "yesterday", "tomorrow" -> that day;
- a weekday ("on Tuesday") -> the most recent such day on or before ``published`` for past
  events, the next one after it for future events;
- "last/this/next month|year", optionally "early/late/mid" -> month or year precision;
- a bare year ("in 2019") -> the year; a month name ("in March") -> that month of the nearest
  year on the event's side of ``published``;
- anything else goes to dateparser (RELATIVE_BASE = ``published``, PREFER_DATES_FROM past or
  future by the event's tense), with the precision the text shows (a day number or not).

``event_expression(token, dates)`` picks, among a sentence's DATE entities, the one that modifies
the event's trigger in the dependency parse (the nearest trigger above the entity's root).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from spacy.tokens import Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_LEAD = re.compile(r"^(?:on|in|at|during|since|by|the|of|early|earlier|late|later|mid-?|"
                   r"the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)\s+")
_RELATIVE = re.compile(r"^(last|this|next|past|coming)\s+(month|year|week)$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_MONTH_YEAR = re.compile(r"^(" + "|".join(MONTHS) + r")\.?(?:\s*,?\s*(\d{4}))?$")
_DAY_NUMBER = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
         "yesterday": -1, "tomorrow": 1}


def _strip(text: str) -> str:
    text = " ".join(text.lower().replace("’", "'").split())
    while (stripped := _LEAD.sub("", text)) != text:
        text = stripped
    return text


def _shift_month(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _weekday(day: dt.date, name: str, future: bool) -> str:
    delta = WEEKDAYS.index(name) - day.weekday()
    delta = (delta % 7 or 7) if future else -((-delta) % 7)
    return (day + dt.timedelta(days=delta)).isoformat()


def _relative(day: dt.date, when: str, unit: str) -> str:
    step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[when]
    if unit == "month":
        return _shift_month(day, step)
    if unit == "year":
        return f"{day.year + step:04d}"
    return (day + dt.timedelta(days=7 * step)).isoformat()  # a week: its same weekday


def _month(day: dt.date, name: str, year: str | None, future: bool) -> str:
    month = MONTHS.index(name) + 1
    if year:
        return f"{year}-{month:02d}"
    y = day.year + (month < day.month) if future else day.year - (month > day.month)
    return f"{y:04d}-{month:02d}"


def resolve(text: str, published: str | None, future: bool = False) -> str | None:
    """ISO-8601 at its precision for one time expression, or None."""
    if not published:
        return None
    return _resolve(_strip(text), published[:10], future)


@cache
def _resolve(text: str, published: str, future: bool) -> str | None:
    day = dt.date.fromisoformat(published)
    if text in _DAYS:
        return (day + dt.timedelta(days=_DAYS[text])).isoformat()
    if text.rstrip("s") in WEEKDAYS:
        return _weekday(day, text.rstrip("s"), future)
    if m := _RELATIVE.match(text):
        return _relative(day, m.group(1), m.group(2))
    if _YEAR.match(text):
        return text
    if m := _MONTH_YEAR.match(text):
        return _month(day, m.group(1), m.group(2), future)
    return _parse(text, day, future)


def _parse(text: str, day: dt.date, future: bool) -> str | None:
    import dateparser  # imported on first use: slow to import, rarely needed

    settings = {"RELATIVE_BASE": dt.datetime(day.year, day.month, day.day),
                "PREFER_DATES_FROM": "future" if future else "past",
                "REQUIRE_PARTS": ["year"] if not any(m in text for m in MONTHS) else []}
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if parsed is None:
        return None
    if any(m in text for m in MONTHS) or any(m[:3] in text.split() for m in MONTHS):
        if _DAY_NUMBER.search(re.sub(r"\b\d{4}\b", "", text)):
            return parsed.date().isoformat()
        return f"{parsed.year:04d}-{parsed.month:02d}"
    if "ago" in text:
        if "day" in text:
            return parsed.date().isoformat()
        return f"{parsed.year:04d}-{parsed.month:02d}"
    return None


def event_expression(trigger: Token, dates: list[Span], triggers: set[int]) -> Span | None:
    """The DATE entity that modifies ``trigger``: walking up from the entity's root, the first
    event trigger met (a token index in ``triggers``) must be ``trigger`` itself."""
    for ent in dates:
        node = ent.root
        while node.head.i != node.i:
            node = node.head
            if node.i in triggers or node.i == trigger.i:
                break
        if node.i == trigger.i:
            return ent
    return None
