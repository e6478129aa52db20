"""Run the benchmarks and rewrite benchmarks/RESULTS.md (see benchmarks/__init__.py)."""

from __future__ import annotations

import argparse
import importlib
import platform
import re
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
# Order of sections in RESULTS.md. A module missing here is simply not run yet.
MODULES = ["summary", "speed", "extraction", "ner", "gap", "quotes", "events", "corpus"]


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks")
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"),
                    help="folder holding eval/ and seed/ (default ../shared)")
    ap.add_argument("--only", action="append", help="run just these benchmarks (repeatable)")
    args = ap.parse_args()
    shared = Path(args.shared).resolve()
    names = args.only or [m for m in MODULES if (HERE / f"{m}.py").exists()]
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        t0 = time.perf_counter()
        print(f"running {name} ...", flush=True)
        text = module.run(shared).strip()
        print(f"  done in {time.perf_counter() - t0:.0f}s", flush=True)
        # Re-read just before writing: another run may have rewritten its own section meanwhile.
        sections = _read_sections()
        sections[name] = text
        _write(sections)
    print(f"wrote {RESULTS}")


def _read_sections() -> dict[str, str]:
    if not RESULTS.exists():
        return {}
    out: dict[str, str] = {}
    for m in re.finditer(r"<!-- bench:(\w+) -->\n(.*?)\n<!-- /bench:\1 -->",
                         RESULTS.read_text("utf-8"), re.S):
        out[m.group(1)] = m.group(2)
    return out


def _write(sections: dict[str, str]) -> None:
    order = [m for m in MODULES if m in sections] + [m for m in sections if m not in MODULES]
    head = (
        "# Benchmark results\n\n"
        "Made by `make bench` (`python -m benchmarks --shared ../shared`); a section is rerun "
        "alone with `python -m benchmarks --only NAME`. Machine: "
        f"{platform.machine()}, {_cpus()} cores, Python {platform.python_version()}.\n"
    )
    body = "\n\n".join(f"<!-- bench:{n} -->\n{sections[n]}\n<!-- /bench:{n} -->" for n in order)
    RESULTS.write_text(head + "\n" + body + "\n", "utf-8")


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
