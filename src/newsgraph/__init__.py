"""newsgraph: news articles to grounded, structured facts."""

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.model import Digest, Entity, Event, Mention, Quote, Span
from newsgraph.pipeline import Pipeline, digest

__all__ = [
    "Digest", "Entity", "Event", "InputError", "Mention", "NewsgraphError", "Pipeline", "Quote",
    "Span", "digest",
]
__version__ = "0.1.0"
