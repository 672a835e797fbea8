"""Render benchmark: a synthetic timeline of 100,000 events through ``render_site``.

Prints wall-clock seconds and peak memory (resident set size) of the render,
and optionally of the Pagefind run. Targets: 100,000 events in at most 60 s
and 2 GB. A measurement, not a test: run it by hand or in CI when it matters.

    python benchmarks/bench_render.py [--events N] [--output DIR] [--search] [--edits N]

``--edits N`` then renders again N times, one event's title edited each
time: what a one-article rebuild of a large site costs (the first of them
also sets up the spare folder the later ones stage in).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.config import load_config  # noqa: E402
from timeline.render import render_site  # noqa: E402
from timeline.render.samples import sample_articles, sample_events  # noqa: E402
from timeline.render.search import run_pagefind  # noqa: E402


def cpu_seconds() -> tuple[float, float]:
    """User and system CPU of this process and its finished workers.

    Wall time depends on what else the machine runs; CPU time does less. System
    time is reported apart: creating 100,000 files is mostly kernel work.
    """
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + workers.ru_utime, own.ru_stime + workers.ru_stime


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class MemoryWatch:
    """Peak proportional set size of this process and its workers together, sampled.

    Forked workers share the parent's pages until they write them, so adding up
    resident sizes would count the shared model once per process; PSS splits
    each shared page between its sharers and sums to what the machine spends.
    """

    def __init__(self, interval: float = 0.2) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    def __enter__(self) -> "MemoryWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @staticmethod
    def _pss_kb(pid: int) -> int:
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            return 0
        return next((int(line.split()[1]) for line in text.splitlines() if line.startswith("Pss:")), 0)

    def _run(self, interval: float) -> None:
        me = os.getpid()
        while not self._stop.wait(interval):
            children: list[int] = []
            for task in Path(f"/proc/{me}/task").glob("*/children"):
                try:
                    children += [int(pid) for pid in task.read_text().split()]
                except OSError:
                    pass
            self.peak_kb = max(self.peak_kb, sum(self._pss_kb(pid) for pid in [me, *children]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--output", type=Path, default=None, help="default: a temporary folder, removed after")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes; default: the config's build.jobs")
    parser.add_argument("--search", action="store_true", help="also time Pagefind over the rendered site")
    parser.add_argument("--edits", type=int, default=0, help="then render again this many times, one event edited")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="bench-render-"))
    output = args.output or scratch / "output"
    cfg = load_config(None, output=output)
    cfg = replace(cfg, build=replace(cfg.build, build_date="2024-01-01"))
    events = sample_events(args.events, days=365 * 4, extra_actors=200)
    articles = sample_articles(max(1, args.events // 5))
    print(f"{len(events)} synthetic events, {len(articles)} articles; memory before render {peak_mb():.0f} MB")

    if args.jobs:
        cfg = replace(cfg, build=replace(cfg.build, jobs=args.jobs))
    start, (user, system) = time.perf_counter(), cpu_seconds()
    with MemoryWatch() as memory:
        pages = render_site(events, None, articles, cfg, search=False)
    seconds = time.perf_counter() - start
    user, system = cpu_seconds()[0] - user, cpu_seconds()[1] - system
    home = (output / "index.html").stat().st_size
    total = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    own = sum((output / "assets" / name).stat().st_size for name in ("style.css", "filter.js", "search.js"))
    print(f"render ({cfg.build.jobs} jobs): {seconds:.1f} s wall, {user + system:.1f} s CPU ({user:.1f} user, "
          f"{system:.1f} system), peak memory {memory.peak_kb / 1024:.0f} MB (all processes, PSS; this one "
          f"{peak_mb():.0f} MB RSS), {pages} pages, "
          f"{total / 1e6:.0f} MB on disk, home page {home / 1024:.0f} KB, own CSS+JS {own / 1024:.1f} KB")

    for number in range(1, args.edits + 1):
        index = len(events) * number // (args.edits + 1)
        events[index] = replace(events[index], title=f"{events[index].title} (edit {number})")
        start, (user, system) = time.perf_counter(), cpu_seconds()
        pages = render_site(events, None, articles, cfg, search=False)
        user, system = cpu_seconds()[0] - user, cpu_seconds()[1] - system
        print(f"render again, one event edited: {time.perf_counter() - start:.2f} s wall, "
              f"{user + system:.2f} s CPU ({user:.2f} user, {system:.2f} system)")

    if args.search:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with MemoryWatch() as memory:
            ok = run_pagefind(output, language="en")
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = child.ru_utime + child.ru_stime - before.ru_utime - before.ru_stime
        print(f"pagefind: {time.perf_counter() - start:.1f} s wall, {cpu:.1f} s CPU, "
              f"peak memory {memory.peak_kb / 1024:.0f} MB with this process ({'ok' if ok else 'failed'})")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
