"""Render benchmark: a synthetic timeline of 100,000 events through ``render_site``.

Prints wall-clock seconds and peak memory (resident set size) of the render,
and optionally of the Pagefind run. Targets: 100,000 events in at most 60 s
and 2 GB. A measurement, not a test: run it by hand or in CI when it matters.

    python benchmarks/bench_render.py [--events N] [--output DIR] [--search]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.config import load_config  # noqa: E402
from timeline.render import render_site  # noqa: E402
from timeline.render.samples import sample_articles, sample_events  # noqa: E402
from timeline.render.search import run_pagefind  # noqa: E402


def cpu_seconds() -> float:
    # Wall time depends on what else the machine runs; CPU time of this process does less.
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--output", type=Path, default=None, help="default: a temporary folder, removed after")
    parser.add_argument("--search", action="store_true", help="also time Pagefind over the rendered site")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="bench-render-"))
    output = args.output or scratch / "output"
    cfg = load_config(None, output=output)
    cfg = replace(cfg, build=replace(cfg.build, build_date="2024-01-01"))
    events = sample_events(args.events, days=365 * 4, extra_actors=200)
    articles = sample_articles(max(1, args.events // 5))
    print(f"{len(events)} synthetic events, {len(articles)} articles; memory before render {peak_mb():.0f} MB")

    start, cpu = time.perf_counter(), cpu_seconds()
    pages = render_site(events, None, articles, cfg, search=False)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    home = (output / "index.html").stat().st_size
    total = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    own = sum((output / "assets" / name).stat().st_size for name in ("style.css", "filter.js", "search.js"))
    print(f"render: {seconds:.1f} s wall, {cpu:.1f} s CPU, peak memory {peak_mb():.0f} MB, {pages} pages, "
          f"{total / 1e6:.0f} MB on disk, home page {home / 1024:.0f} KB, own CSS+JS {own / 1024:.1f} KB")

    if args.search:
        start = time.perf_counter()
        ok = run_pagefind(output, language="en")
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"pagefind: {time.perf_counter() - start:.1f} s wall, {child.ru_utime + child.ru_stime:.1f} s CPU, "
              f"peak memory {child.ru_maxrss / 1024:.0f} MB ({'ok' if ok else 'failed'})")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
