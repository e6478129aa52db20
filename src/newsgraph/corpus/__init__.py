"""The corpus: many digests in one SQLite file, with near-duplicates linked, stories grouped,
actors linked across articles, full-text search, an actor graph and exports.

Modules: ``store`` (file, schema, migrations, transactions), ``migrations`` (the schema steps),
``readers`` (WARC, feeds, digest JSONL), ``ingest`` (the batched writer loop), ``writer`` (one
digest into the tables), ``dedup``, ``stories``, ``actors``, and the read side: ``search``,
``profile``, ``graph``, ``story_list``, ``export``. ``api.Corpus`` ties them together.
``Corpus`` and ``CorpusError`` are imported on first use, so the CLI starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsgraph.corpus.api import Corpus
    from newsgraph.corpus.store import CorpusError

__all__ = ["Corpus", "CorpusError"]


def __getattr__(name: str) -> Any:
    if name == "Corpus":
        from newsgraph.corpus.api import Corpus

        return Corpus
    if name == "CorpusError":
        from newsgraph.corpus.store import CorpusError

        return CorpusError
    raise AttributeError(name)
