"""The command line: parses arguments, calls the library, prints. No logic of its own."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.corpus.commands import register as register_corpus_commands
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import Failure, read_inputs
from newsgraph.ingest.sources import DEFAULT_MAX_BYTES
from newsgraph.pipeline import Pipeline

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn news articles into grounded, structured facts.")
err = Console(stderr=True, highlight=False, soft_wrap=True)
register_corpus_commands(app)


@app.callback()
def _root() -> None:
    """newsgraph: actors, quotes, PLOVER events and summaries from news articles."""


@app.command("digest")
def digest_cmd(
    paths: Annotated[list[str], typer.Argument(
        help="Files (.txt, .html, .json, .jsonl), directories, or - for stdin.",
        metavar="PATH...")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one digest per input.")]
    = False,
    published: Annotated[str | None, typer.Option(
        help="Reference date YYYY-MM-DD for articles that carry none.")] = None,
    sentences: Annotated[int, typer.Option(min=1, max=50, help="Summary length.")] = 3,
    jobs: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: cores).")]
    = None,
    max_bytes: Annotated[int, typer.Option(min=1, help="Largest input accepted, in bytes.")]
    = DEFAULT_MAX_BYTES,
) -> None:
    """Digest articles: summary, actors, quotes and events."""
    try:
        pipeline = Pipeline(published=published, sentences=sentences)
    except NewsgraphError as e:
        _fail(f"--published: {e}")
    out = Console(highlight=False)
    failed = total = 0
    for result in pipeline.results(read_inputs(paths, max_bytes), jobs=jobs):
        total += 1
        if isinstance(result, Failure):
            failed += 1
            err.print(f"[red]error[/red] {result.source}: {result.message}", markup=True)
            continue
        if as_json:
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            from newsgraph.render import render

            render(result, out)
    if failed:
        err.print(f"{failed} of {total} inputs failed", style="red")
        raise typer.Exit(1)


def _fail(message: str) -> None:
    err.print(f"[red]error[/red] {message}", markup=True)
    raise typer.Exit(2)


def main() -> None:
    """Entry point: never a traceback for expected problems or interrupts."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except NewsgraphError as e:
        err.print(f"error: {e}")
        sys.exit(1)


if __name__ == "__main__":
    main()
