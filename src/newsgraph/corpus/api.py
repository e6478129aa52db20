"""``Corpus(path)``: the Python face of the corpus; the CLI commands call these methods."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import IO

from newsgraph.corpus import export as exporter
from newsgraph.corpus import graph as graphs
from newsgraph.corpus import ingest as ingester
from newsgraph.corpus import profile as profiles
from newsgraph.corpus import search as searcher
from newsgraph.corpus import story_list
from newsgraph.corpus.store import CorpusError, open_db
from newsgraph.ingest import Failure
from newsgraph.ingest.sources import DEFAULT_MAX_BYTES
from newsgraph.model import Digest


class Corpus:
    """A corpus of digests in one SQLite file (created on first write).

    >>> with Corpus("news.sqlite") as c:                          # doctest: +SKIP
    ...     c.ingest(["articles/"], jobs=2)
    ...     c.search("port strike"); c.actor("Tomas Rieder"); c.stories()
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise CorpusError(f"{self.path}: no such corpus (create it with `newsgraph ingest`)")
        self.conn = open_db(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # writing
    def ingest(
        self,
        paths: Iterable[str],
        *,
        jobs: int | None = None,
        published: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
        progress: ingester.Progress | None = None,
    ) -> ingester.IngestReport:
        """Read, digest (unless already digests) and store everything under ``paths``."""
        with ingester.writer_lock(self.path):
            items = ingester.results(paths, jobs=jobs, published=published, max_bytes=max_bytes)
            return ingester.store_all(self.conn, items, progress, jobs)

    def add(self, digests: Iterable[Digest | Failure],
            progress: ingester.Progress | None = None,
            jobs: int | None = None) -> ingester.IngestReport:
        """Store digests made elsewhere (no parsing); ``jobs`` as in ``ingest``."""
        with ingester.writer_lock(self.path):
            return ingester.store_all(self.conn, digests, progress, jobs)

    # reading
    def search(self, text: str, limit: int = 20) -> list[searcher.Hit]:
        return searcher.search(self.conn, text, limit)

    def actor(self, name: str) -> profiles.ActorProfile | None:
        return profiles.profile(self.conn, name)

    def graph(self, since: str | None = None, until: str | None = None,
              actor: str | None = None, min_events: int = 1) -> graphs.Graph:
        actor_id = None
        if actor is not None:
            actor_id = profiles.resolve(self.conn, actor)
            if actor_id is None:
                return graphs.Graph({}, [])
        return graphs.build(self.conn, since, until, actor_id, min_events)

    def stories(self, since: str | None = None, limit: int = 20,
                min_size: int = 1) -> list[story_list.StorySummary]:
        return story_list.list_stories(self.conn, since, limit, min_size)

    def export(self, table: str, fmt: str, out: Path | IO[str]) -> int:
        return exporter.export(self.conn, table, fmt, out)

    def stats(self) -> dict[str, int]:
        """Counts of what the corpus holds (duplicates and superseded versions apart)."""
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles WHERE counted = 1"),
            "near_duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "old_versions": one("SELECT count(*) FROM articles WHERE counted = 0 "
                                "AND duplicate_of IS NULL"),
            "stories": one("SELECT count(DISTINCT story_id) FROM articles WHERE counted = 1"),
            "actors": one("SELECT count(*) FROM actors"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "events": one("SELECT count(*) FROM events"),
        }
