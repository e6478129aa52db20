"""The typed errors users see. Each renders as one line: what, where, what to do."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: ``str(err)`` is the one line shown to the user."""


class InputError(NewsgraphError):
    """An input that cannot be digested (empty, binary, undecodable, too big, malformed...)."""

    def __init__(self, source: str | None, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}" if source else problem)


class LanguageError(InputError):
    """The article is not in a language newsgraph reads (English for now)."""
