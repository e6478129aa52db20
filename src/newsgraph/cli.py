"""The command line: parses arguments, calls the library, prints. No logic of its own."""

from __future__ import annotations

import json
import sys
from concurrent.futures.process import BrokenProcessPool
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from newsgraph.corpus.commands import register as register_corpus_commands
from newsgraph.errors import NewsgraphError

try:  # typer >= 0.20 vendors click
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - older typer uses click itself
    from click.exceptions import ClickException
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
        help="Files (.txt, .html, .json, .jsonl; also .gz), directories, or - for stdin.",
        metavar="PATH...")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one digest per input.")]
    = False,
    published: Annotated[str | None, typer.Option(
        help="Reference date YYYY-MM-DD for articles that carry none.")] = None,
    sentences: Annotated[int, typer.Option(help="Summary length (1-50).")] = 3,
    jobs: Annotated[int | None, typer.Option(help="Worker processes (default: cores).")]
    = None,
    max_bytes: Annotated[int, typer.Option(
        help="Largest input accepted, in bytes (per line for JSON Lines).")]
    = DEFAULT_MAX_BYTES,
) -> None:
    """Digest articles: summary, actors, quotes and events."""
    _check_range("--sentences", sentences, 1, 50)
    _check_range("--jobs", jobs, 1, 1024)
    _check_range("--max-bytes", max_bytes, 1, 2**40)
    try:
        pipeline = Pipeline(published=published, sentences=sentences)
    except NewsgraphError as e:
        _fail(f"--published: {e}")
    out = Console(highlight=False)
    failed = 0
    for result in pipeline.results(read_inputs(paths, max_bytes), jobs=jobs):
        if isinstance(result, Failure):
            failed += 1  # one line per bad input; the exit code tells that some failed
            err.print(Text.assemble(("error", "red"), f" {result.source}: {result.message}"))
            continue
        if as_json:
            line = json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
            sys.stdout.buffer.write(line.encode("utf-8"))  # JSON Lines are UTF-8 whatever LANG
            sys.stdout.flush()
        else:
            from newsgraph.render import render

            render(result, out)
    if failed:
        raise typer.Exit(1)


def _check_range(option: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        _fail(f"{option} {value}: must be between {low:,} and {high:,}")


def _fail(message: str) -> None:
    err.print(Text.assemble(("error", "red"), f" {message}"))
    raise typer.Exit(2)


def main() -> None:
    """Entry point: never a traceback for expected problems or interrupts."""
    try:
        code = app(standalone_mode=False)
    except ClickException as e:  # one line, not click's usage box
        ctx = getattr(e, "ctx", None)
        where = f"{ctx.command_path} --help" if ctx else "newsgraph --help"
        err.print(Text.assemble(("error", "red"), f" {e.format_message()} (see {where})"))
        sys.exit(e.exit_code)
    except typer.Abort:
        err.print("interrupted")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except NewsgraphError as e:
        err.print(Text.assemble(("error", "red"), f" {e}"))
        sys.exit(1)
    except BrokenProcessPool:
        err.print(Text.assemble(("error", "red"), " a worker process died (out of memory?); "
                                "retry with fewer --jobs"))
        sys.exit(1)
    if code == 130:  # typer turns Ctrl-C into exit code 130
        err.print("interrupted")
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
