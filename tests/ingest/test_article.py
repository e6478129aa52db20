"""From cleaned text to an Article: language, size and date checks."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.errors import InputError, LanguageError
from newsgraph.ingest import article_from_text, check_language, normalize_date
from newsgraph.nlp import MAX_CHARS


@pytest.mark.parametrize(
    "text",
    [
        "Obama met Merkel in Berlin on Monday.",
        "Macron and Scholz meet in Paris.",
        "Modi says India will grow 7% this year.",
        "Real Madrid beat Barcelona 2-1 at the Santiago Bernabeu on Sunday night.",
    ],
)
def test_short_english_full_of_foreign_names_is_english(text: str) -> None:
    assert check_language(text, "x") == "en"


@pytest.mark.parametrize(
    "text",
    [
        "El ayuntamiento aprobó el miércoles la construcción de una nueva biblioteca.",
        "Le conseil municipal a voté mercredi la construction d'une nouvelle bibliothèque.",
        "Der Stadtrat hat am Mittwoch den Bau einer neuen Bibliothek beschlossen.",
        "De gemeenteraad heeft woensdag gestemd voor de bouw van een nieuwe bibliotheek.",
    ],
)
def test_other_languages_are_refused(text: str) -> None:
    with pytest.raises(LanguageError, match="not English"):
        check_language(text, "x")


def test_numbers_and_symbols_are_not_prose() -> None:
    with pytest.raises(InputError, match="prose"):
        check_language("1,234 5,678 9,012 | 3.4% | 5.6% | 7.8% | $12 | $34 | 56-78", "x")


def test_too_short_and_too_long_and_nul() -> None:
    with pytest.raises(InputError, match="too short"):
        article_from_text("Pier closes.", source="x")
    with pytest.raises(InputError, match="empty"):
        article_from_text("Advertisement\nComments\n", source="x")
    with pytest.raises(InputError, match="limit"):
        article_from_text("The pier will close. " * (MAX_CHARS // 20 + 10), source="x")
    with pytest.raises(InputError, match="binary"):
        article_from_text("The pier\x00 will close on Tuesday for a week.", source="x")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-11", "2024-03-11"),
        (" 2024-03-11T09:30:00Z ", "2024-03-11"),
        (dt.date(2024, 3, 11), "2024-03-11"),
        (dt.datetime(2024, 3, 11, 9, 30), "2024-03-11"),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize("value", ["2024-13-01", "11/03/2024", "yesterday", "2024"])
def test_bad_dates_are_input_errors(value: str) -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        normalize_date(value, "x")
