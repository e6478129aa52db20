"""Time expressions resolved against a published date, at their own precision."""

from __future__ import annotations

import pytest

from newsgraph.stages.timex import resolve

PUBLISHED = "2021-06-10"  # a Thursday


@pytest.mark.parametrize(("text", "future", "expected"), [
    ("today", False, "2021-06-10"),
    ("yesterday", False, "2021-06-09"),
    ("tomorrow", True, "2021-06-11"),
    ("on Tuesday", False, "2021-06-08"),
    ("on Tuesday", True, "2021-06-15"),
    ("Thursday", False, "2021-06-10"),
    ("early last month", False, "2021-05"),
    ("late last year", False, "2020"),
    ("next month", True, "2021-07"),
    ("in 2019", False, "2019"),
    ("in March", False, "2021-03"),
    ("in September", False, "2020-09"),
    ("in September", True, "2021-09"),
    ("January 2020", False, "2020-01"),
    ("March 3", False, "2021-03-03"),
    ("5 days ago", False, "2021-06-05"),
])
def test_resolves_at_its_precision(text: str, future: bool, expected: str) -> None:
    assert resolve(text, PUBLISHED, future) == expected


@pytest.mark.parametrize("text", ["two years", "decades", "recent weeks", "the 1990s"])
def test_durations_and_vague_spans_are_not_dates(text: str) -> None:
    assert resolve(text, PUBLISHED) is None


def test_no_reference_date_gives_none() -> None:
    assert resolve("today", None) is None
