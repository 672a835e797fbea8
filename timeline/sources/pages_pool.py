"""Saved pages read on several cores.

Extracting a saved page (trafilatura for the story, htmldate for its date)
costs about a tenth of a second, a hundred times a text file, so a folder of
saved pages is read by a pool of processes when ``build.jobs`` allows it.
Each page is read whole in a worker (bytes, reader, sidecar, language) and
only its ``Reading`` (small Article and Problem records) comes back; the
caller puts them in the walk order, so the result is the same as a serial
read.

A Python error in a page is already a Problem of that page (``read_file``
catches it). A worker that dies (a crash in a C library, the memory killer)
breaks the whole pool, and the pool cannot say which page did it: the pages
left unread are then read again one per process, so that only the page that
kills its process is reported, and the others are read as usual.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

from timeline.records import Problem
from timeline.sources.files import Reading

if TYPE_CHECKING:
    from timeline.config import Config
    from timeline.sources import meta as metadata
    from timeline.sources.files import SourceFile

# Below this many pages a pool costs more to start than it saves (measured
# with benchmarks/bench_sources.py --html: a fork and a warm-up are ~0.2 s).
MIN_PAGES = 4

Task = tuple["SourceFile", "metadata.Meta | None"]
ReadFile = Callable[["SourceFile", "Config", "metadata.Meta | None"], Reading]

# Set in each worker by its initializer: the config and the reading function.
_WORKER: dict[str, object] = {}

# A tiny page read once in the parent before the workers fork, so that the
# lazily built parts of trafilatura, htmldate and lxml (imports, compiled
# XPath and date patterns) are built once and inherited by every worker.
WARM_UP_PAGE = ("<html><head><title>Warm-up</title><meta property=\"article:published_time\" "
                "content=\"2022-02-12T10:00:00Z\"></head><body><article><h1>Warm-up</h1>"
                "<p>Leaders met in Paris on Saturday to talk about the crisis in Europe and its end.</p>"
                "<p>They agreed to meet again in Berlin next week, officials said after the talks.</p>"
                "</article></body></html>")


def worth_a_pool(pages: int, jobs: int) -> bool:
    return jobs > 1 and pages >= MIN_PAGES


def read_in_pool(tasks: Sequence[Task], cfg: "Config", read_file: ReadFile, jobs: int) -> list[Reading]:
    """The result of ``read_file`` for each task, in the order of ``tasks``."""
    _warm_up()
    results: list[Reading | None] = [None] * len(tasks)
    left = _run(tasks, range(len(tasks)), cfg, read_file, min(jobs, len(tasks)), results)
    for i in left:  # the pool broke: each page not yet read gets a process of its own
        if _run(tasks, [i], cfg, read_file, 1, results):
            source = tasks[i][0]
            # Not kept by the read cache: the next build tries the page again.
            results[i] = Reading(problems=(Problem(source.shown, "the process reading this page crashed (a fault in "
                                                   "the HTML libraries, or out of memory); skipped. Save the page "
                                                   "again or paste its text into a .txt file"),), lasting=False)
    return [r if r is not None else Reading(lasting=False) for r in results]


def _run(tasks: Sequence[Task], which: Sequence[int], cfg: "Config", read_file: ReadFile, jobs: int,
         results: list[Reading | None]) -> list[int]:
    """Read the tasks ``which`` into ``results``; the indexes a broken pool left unread."""
    methods = multiprocessing.get_all_start_methods()
    # fork: workers inherit the warmed-up modules instead of importing them again.
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init,
                               initargs=(cfg, read_file))
    left: list[int] = []
    try:
        futures: list[tuple[int, Future[Reading]]] = [(i, pool.submit(_read_one, tasks[i])) for i in which]
        for i, future in futures:
            try:
                results[i] = future.result()
            except BrokenProcessPool:
                left.append(i)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return left


def _warm_up() -> None:
    from timeline.sources.html_pages import read_html

    try:
        read_html(WARM_UP_PAGE, "warm-up")
    except Exception:  # noqa: BLE001 - only a speed-up; the real pages report their own errors
        pass


def _worker_init(cfg: "Config", read_file: ReadFile) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the whole group; the parent reports it
    _WORKER.update(cfg=cfg, read_file=read_file)


def _read_one(task: Task) -> Reading:
    source, entry = task
    read_file: ReadFile = _WORKER["read_file"]  # type: ignore[assignment]
    try:
        return read_file(source, _WORKER["cfg"], entry)  # type: ignore[arg-type]
    except Exception as exc:  # noqa: BLE001 - read_file catches reader errors; this is for the rest
        return Reading(problems=(Problem(source.shown, f"could not be read ({type(exc).__name__}: {exc}); "
                                         "please report this with the file"),), lasting=False)
