"""Quality and speed benchmarks against peers on ../shared/eval; results go to RESULTS.md.

Each benchmark is a module here with ``run(shared: Path) -> str`` returning one Markdown
section (starting with a ``## `` heading and naming the command that made it). ``python -m
benchmarks`` runs them all; ``--only NAME`` reruns one and replaces just its section.
"""
