"""The corpus commands (ingest, search, actor, graph, stories, export) on the Typer app.
Thin: parse arguments, call ``Corpus``, print. ``register(app)`` is called from ``cli.py``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

DB_HELP = "The corpus file (SQLite; created by ingest)."
DbOption = Annotated[Path, typer.Option("--db", help=DB_HELP)]
DEFAULT_DB = Path("news.sqlite")
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


def _open(db: Path, create: bool = False):
    from newsgraph.corpus import Corpus, CorpusError

    try:
        return Corpus(db, create=create)
    except CorpusError as e:
        _fail(str(e), 1)


def ingest_cmd(
    paths: Annotated[list[str], typer.Argument(
        help="Files (.txt .html .json .jsonl, digest JSONL, .warc[.gz], .rss/.atom/.xml), "
             "directories, or - for stdin.", metavar="PATH...")],
    db: DbOption = DEFAULT_DB,
    jobs: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: cores).")]
    = None,
    published: Annotated[str | None, typer.Option(
        help="Reference date YYYY-MM-DD for articles that carry none.")] = None,
    max_bytes: Annotated[int, typer.Option(min=1, help="Largest input accepted, in bytes.")]
    = 5_000_000,
) -> None:
    """Store articles in a corpus: digest them, link duplicates, actors and stories."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from newsgraph.corpus import CorpusError
    from newsgraph.corpus.readers import estimate, expand
    from newsgraph.errors import NewsgraphError

    corpus = _open(db, create=True)
    files = list(expand(paths))
    expected = sum(estimate(f) for f in files)
    columns = (TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed}/{task.total} articles"),
               TextColumn("{task.fields[rate]:.1f}/s"), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=False,
                  disable=not err.is_terminal) as bar:
        task = bar.add_task("ingest", total=expected, rate=0.0)

        def progress(item: object, outcome: object) -> None:
            state = bar.tasks[0]
            done = state.completed + 1
            bar.update(task, completed=done, total=max(state.total or 0, done),
                       rate=done / (state.elapsed or 1e-9))

        try:
            report = corpus.ingest(files, jobs=jobs, published=published, max_bytes=max_bytes,
                                   progress=progress)
        except CorpusError as e:
            _fail(str(e), 1)
        except NewsgraphError as e:
            _fail(str(e), 2)
        bar.update(task, total=bar.tasks[0].completed)
    summary = ", ".join(f"{n} {what}" for what, n in sorted(report.outcomes.items())) or "nothing"
    err.print(f"{db}: {summary}; {len(report.failures)} failed")
    for failure in report.failures:
        err.print(f"[red]error[/red] {failure.source}: {failure.message}", markup=True,
                  highlight=False)
    corpus.close()
    if report.failures:
        raise typer.Exit(1)


def search_cmd(
    text: Annotated[str, typer.Argument(help="Words, or \"a phrase\" in quotes.")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(min=1, help="Most hits shown.")] = 10,
) -> None:
    """Full-text search over articles and quotes, best first."""
    corpus = _open(db)
    hits = corpus.search(text, limit)
    if not hits:
        err.print("no matches")
        raise typer.Exit(1)
    for hit in hits:
        head = Text(f"[{hit.kind}] ", style="dim")
        head.append(f"{hit.title or '(untitled)'}", style="bold")
        head.append(f"  {hit.published or ''}  #{hit.article_id}", style="dim")
        if hit.speaker:
            head.append(f"  {hit.speaker}", style="cyan")
        out.print(head)
        out.print(_highlight(hit.snippet))


def _highlight(snippet: str) -> Text:
    from newsgraph.corpus.search import CLOSE, OPEN

    text = Text("  ")
    for i, part in enumerate(snippet.replace(CLOSE, OPEN).split(OPEN)):
        text.append(part.replace("\n", " "), style="bold yellow" if i % 2 else "")
    return text


def actor_cmd(
    name: Annotated[str, typer.Argument(help="Any name of the actor, or #ID.")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="Print the profile as JSON.")] = False,
) -> None:
    """An actor across the corpus: names, roles, countries, quotes, events, timeline."""
    from newsgraph.corpus.render import print_profile

    corpus = _open(db)
    profile = corpus.actor(name)
    if profile is None:
        _fail(f"no actor called {name!r} in {db}", 1)
    print_profile(profile, out, as_json)


def graph_cmd(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="First day YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last day YYYY-MM-DD.")] = None,
    actor: Annotated[str | None, typer.Option(help="Only relations of this actor.")] = None,
    min_events: Annotated[int, typer.Option(min=1, help="Fewest events per edge.")] = 1,
    fmt: Annotated[str, typer.Option("--format", help="json, csv or graphml.")] = "json",
) -> None:
    """Actor-to-actor relations: event counts by type, cooperation and conflict."""
    from newsgraph.corpus.graph import FORMATS

    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}")
    corpus = _open(db)
    sys.stdout.write(FORMATS[fmt](corpus.graph(since, until, actor, min_events)))


def stories_cmd(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="Only stories active since YYYY-MM-DD.")]
    = None,
    limit: Annotated[int, typer.Option(min=1, help="Most stories shown.")] = 20,
    min_size: Annotated[int, typer.Option(min=1, help="Fewest articles per story.")] = 1,
) -> None:
    """Story clusters: size, date span, top actors and headline."""
    corpus = _open(db)
    table = Table("story", "articles", "dates", "headline", "top actors", show_lines=True)
    for s in corpus.stories(since, limit, min_size):
        dates = s.first if s.first == s.last else f"{s.first or '?'} – {s.last or '?'}"
        size = f"{s.size}" + (f" (+{s.duplicates} dup.)" if s.duplicates else "")
        actors = ", ".join(f"{name} ({n})" for name, n in s.top_actors)
        table.add_row(f"#{s.id}", size, dates or "", s.headline or "", actors)
    out.print(table)


def export_cmd(
    table: Annotated[str, typer.Option(
        help="articles, actors, mentions, quotes, events or stories.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default: stdout; required for parquet).")] = None,
) -> None:
    """Export a table for pandas, DuckDB or Spark."""
    corpus = _open(db)
    try:
        n = corpus.export(table, fmt, output or sys.stdout)
    except ValueError as e:
        _fail(str(e))
    if output:
        err.print(f"wrote {n} rows to {output}")


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the newsgraph app."""
    app.command("ingest")(ingest_cmd)
    app.command("search")(search_cmd)
    app.command("actor")(actor_cmd)
    app.command("graph")(graph_cmd)
    app.command("stories")(stories_cmd)
    app.command("export")(export_cmd)
