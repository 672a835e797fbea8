"""Render benchmark: a synthetic timeline (100,000 events by default) through ``render_site``.

Renders as a build does, through a cache step of its own (``--cache``, an empty
folder by default), then again with nothing changed, then ``--edits`` times with
one event's title edited each time: what a one-article rebuild costs the render
stage. Prints wall-clock and CPU seconds, peak memory (proportional set size of
all processes), the parts taken from the cache and the files written. Targets:
100,000 events in at most 60 s and 2 GB. A measurement, not a test.

    python benchmarks/bench_render.py [--events N] [--output DIR] [--search] [--edits N] [--jobs N]

``--search`` renders with the search index, as a build does (Pagefind over the
shards whose pages changed), then times the search index alone, every shard
made from scratch (Pagefind over a compact record per event, ``--jobs``
processes), with the peak memory of the Pagefind processes, and, with
``--whole``, Pagefind over every full event page at once: what the index cost
before shards and compact records. The site's size and file count are printed
by top folder, against GitHub Pages' 1 GB.

    python benchmarks/bench_render.py --events 100000 --search --jobs 2
    python benchmarks/bench_render.py --events 300000 --search --jobs 2
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

from timeline.cache import Memo  # noqa: E402
from timeline.config import Config, load_config  # noqa: E402
from timeline.records import Article, Event  # noqa: E402
from timeline.render import Rendered, render_settings, render_site  # noqa: E402
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


def load() -> str:
    return "load " + " ".join(f"{x:.1f}" for x in os.getloadavg())


class MemoryWatch:
    """Peak proportional set size of this process and its workers together, sampled.

    Forked workers share the parent's pages until they write them, so adding up
    resident sizes would count the shared model once per process; PSS splits
    each shared page between its sharers and sums to what the machine spends.
    """

    # Once a second: reading the smaps_rollup of a 1 GB process and its workers costs kernel time in
    # this process, which competes with the render for the cores (16 s of CPU at 100,000 events
    # when sampled five times a second); memory grows over seconds, not within one.
    def __init__(self, interval: float = 1.0) -> None:
        self.peak_kb = 0
        self.children_peak_kb = 0  # the workers and Pagefind processes alone
        # CPU seconds the sampling itself took: reading a large process's smaps_rollup is kernel work
        # (about 3 ms for 500 MB), charged to this process, which the render's figure must not count.
        self.own_cpu = 0.0
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
        try:
            self._sample(interval)
        finally:
            self.own_cpu = time.thread_time()

    def _sample(self, interval: float) -> None:
        me = os.getpid()
        while not self._stop.wait(interval):
            children: list[int] = []
            for task in Path(f"/proc/{me}/task").glob("*/children"):
                try:
                    children += [int(pid) for pid in task.read_text().split()]
                except OSError:
                    pass
            theirs = sum(self._pss_kb(pid) for pid in children)
            self.children_peak_kb = max(self.children_peak_kb, theirs)
            self.peak_kb = max(self.peak_kb, self._pss_kb(me) + theirs)


def files(root: Path) -> dict[str, tuple[int, int]]:
    """Every file of the site with its inode and modification time: what a write changes."""
    found = {}
    for path in root.rglob("*"):
        if path.is_file():
            info = path.stat()
            found[str(path.relative_to(root))] = (info.st_ino, info.st_mtime_ns)
    return found


def render(label: str, events: list[Event], articles: list[Article], cfg: Config, cache: Path, search: bool) -> None:
    """One render as a build runs it, through its cache step, and a line of what it cost."""
    before = files(cfg.paths.output)
    start, (user, system) = time.perf_counter(), cpu_seconds()
    with MemoryWatch() as memory:
        memo = Memo(cache)
        step = memo.step("render", Rendered, "timeline.render", render_settings(cfg))
        pages = render_site(events, None, articles, cfg, search=search, each=step).written
        memo.prune()
    seconds = time.perf_counter() - start
    user, system = cpu_seconds()[0] - user, cpu_seconds()[1] - system
    after = files(cfg.paths.output)
    written = sum(1 for path in after if after[path] != before.get(path))
    print(f"{label}: {seconds:.2f} s wall, {user + system - memory.own_cpu:.2f} s CPU ({user:.2f} user, "
          f"{system:.2f} system, less {memory.own_cpu:.2f} s of the memory sampling's own), "
          f"peak memory {memory.peak_kb / 1024:.0f} MB (all processes, PSS); {step.hits} parts from the cache, "
          f"{step.misses} made; {pages} pages and {written} of {len(after)} files written; {load()}", flush=True)


def site_report(output: Path) -> None:
    """Size and file count of the site, in all and by top folder: what GitHub Pages publishes."""
    folders: dict[str, list[int]] = {}
    for path in output.rglob("*"):
        if path.is_file():
            top = path.relative_to(output).parts[0] if len(path.relative_to(output).parts) > 1 else "(top)"
            entry = folders.setdefault(top, [0, 0])
            entry[0] += 1
            entry[1] += path.stat().st_size
    count, size = sum(n for n, _ in folders.values()), sum(b for _, b in folders.values())
    print(f"site: {count} files, {size / 1e6:.0f} MB (GitHub Pages: 1 GB at most); by folder: " + ", ".join(
        f"{name} {n} files {b / 1e6:.0f} MB" for name, (n, b) in sorted(folders.items(), key=lambda x: -x[1][1])))


def index_alone(events: list[Event], articles: list[Article], cfg: Config) -> None:
    """Every search shard indexed from scratch, as a first build or a build with --clean does."""
    from timeline.render.fingerprints import stamp_views
    from timeline.render.model import build_model
    from timeline.render.output import SiteWriter
    from timeline.render.shards import Indexer, plan_shards

    model = build_model(events, None, articles, cfg.build.build_date)
    stamp_views(model)
    shards = plan_shards(model.events, [ev.digest for ev in model.events], "bench")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with MemoryWatch() as memory:
        made = list(Indexer(SiteWriter(cfg.paths.output), cfg.language, cfg.build.jobs, lambda: None)(shards))
    seconds = time.perf_counter() - start
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = child.ru_utime + child.ru_stime - before.ru_utime - before.ru_stime
    files = sum(len(m.files) for m in made)
    size = sum(len(data) for m in made for _, data in m.files)
    print(f"search index alone, {len(shards)} shards from scratch, {cfg.build.jobs} Pagefind processes: "
          f"{seconds:.1f} s wall, {cpu:.1f} s CPU; peak memory {memory.children_peak_kb / 1024:.0f} MB in Pagefind, "
          f"{memory.peak_kb / 1024:.0f} MB with this process; {files} files, {size / 1e6:.0f} MB; {load()}",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--output", type=Path, default=None, help="default: a temporary folder, removed after")
    parser.add_argument("--cache", type=Path, default=None, help="default: a temporary folder, removed after")
    parser.add_argument("--jobs", type=int, default=0, help="Pagefind processes; default: the config's build.jobs")
    parser.add_argument("--search", action="store_true", help="render with the search index, and time it whole")
    parser.add_argument("--whole", action="store_true", help="with --search: Pagefind over every full page at once")
    parser.add_argument("--edits", type=int, default=0, help="then render again this many times, one event edited")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="bench-render-"))
    output = args.output or scratch / "output"
    cfg = load_config(None, output=output)
    cfg = replace(cfg, build=replace(cfg.build, build_date="2024-01-01", jobs=args.jobs or cfg.build.jobs))
    # A build's merge stage has loaded scikit-learn before the render, whose key events page reads its
    # stop words: loaded here too, or the render's figure would count 2 to 3 s of importing it.
    import sklearn.feature_extraction.text  # noqa: F401

    events = sample_events(args.events, days=365 * 4, extra_actors=200)
    articles = sample_articles(max(1, args.events // 5))
    cache = args.cache or scratch / "cache"
    print(f"{len(events)} synthetic events, {len(articles)} articles; memory before render {peak_mb():.0f} MB")

    render("render", events, articles, cfg, cache, args.search)
    home = (output / "index.html").stat().st_size
    total = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
    own = sum((output / "assets" / name).stat().st_size for name in ("style.css", "filter.js", "search.js"))
    held = sum(f.stat().st_size for f in cache.rglob("*") if f.is_file())
    site_report(output)
    print(f"site {total / 1e6:.0f} MB on disk, cache {held / 1e6:.0f} MB, home page {home / 1024:.0f} KB, "
          f"own CSS+JS {own / 1024:.1f} KB; this process {peak_mb():.0f} MB RSS at most")
    render("render again, nothing changed", events, articles, cfg, cache, args.search)
    for number in range(1, args.edits + 1):
        index = len(events) * number // (args.edits + 1)
        events[index] = replace(events[index], title=f"{events[index].title} (edit {number})")
        render("render again, one event edited", events, articles, cfg, cache, args.search)

    if args.search:
        index_alone(events, articles, cfg)
    if args.search and args.whole:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with tempfile.TemporaryDirectory(dir=scratch) as bundle, MemoryWatch() as memory:
            ok = run_pagefind(output, language="en", bundle=Path(bundle) / "pagefind")
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = child.ru_utime + child.ru_stime - before.ru_utime - before.ru_stime
        print(f"pagefind over every event page at once: {time.perf_counter() - start:.1f} s wall, {cpu:.1f} s CPU, "
              f"peak memory {memory.peak_kb / 1024:.0f} MB with this process ({'ok' if ok else 'failed'})")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
