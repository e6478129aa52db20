"""The project's word lists: tab-separated files, one row per line, "#" lines are comments."""

from __future__ import annotations

from importlib import resources


def rows(name: str) -> list[list[str]]:
    """The rows of lexicon file ``name`` (its tab-separated fields), comments and blank lines
    left out."""
    raw = resources.files(__name__).joinpath(name).read_text("utf-8")
    return [line.split("\t") for line in raw.splitlines()
            if line.strip() and not line.startswith("#")]
