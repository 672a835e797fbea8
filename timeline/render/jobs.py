"""Rendering on several cores: forked workers take the site's tasks from one shared queue.

Writing 100,000 small files costs as much kernel time as rendering them, and
neither waits for the other, so two processes finish a large site in little
more than half the time. Each task renders and writes its own files and reads
nothing another task writes, so which process runs it never changes a byte
of the output. Workers are forked after the model is built: they read it
through copy-on-write memory instead of receiving a pickled copy.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence

from timeline.errors import TimelineError
from timeline.render.output import SiteWriter

Task = Callable[[], None]
# Below these, a rebuild runs in one process: checking every page of a site of
# 10,000 files takes about a tenth of a second, less than forking a worker
# (copying the page tables of the whole model) and hearing back what it wrote.
FEW_CHANGED_EVENTS = 50
FEW_FILES = 30_000


def processes(jobs: int, writer: SiteWriter, changed: int | None) -> int:
    """How many processes to render in: ``jobs``, or one for a small edit of a small site.

    ``changed`` is the number of events new, gone or changed since the live
    site, None when its pages cannot be taken on their inputs (all render).
    """
    previous = writer.previous
    if changed is None or previous is None or writer.scope is None or previous.scope != writer.scope:
        return jobs
    return 1 if changed <= FEW_CHANGED_EVENTS and len(previous.files) <= FEW_FILES else jobs


@contextmanager
def settled_heap() -> Iterator[None]:
    """Leave the objects alive now out of the cycle collector's passes until the end.

    The build's records, the model and the manifest live to the end of
    rendering and form no garbage; a full collection walking them all took
    0.4 s of a one-event rebuild of 30,000 events. Nested, only the outermost
    gives them back (as ``gc.unfreeze`` gives back all there are).
    """
    owner = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        yield
    finally:
        if owner:
            gc.unfreeze()


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_tasks(tasks: Sequence[Task], writer: SiteWriter, jobs: int) -> None:
    """Run every task once; with ``jobs`` > 1, in this process and ``jobs - 1`` forked ones."""
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1 or not _can_fork():
        for task in tasks:
            task()
        return
    ctx = multiprocessing.get_context("fork")
    counter = ctx.Value("l", 0)  # index of the next task nobody has taken
    workers: list[tuple[Any, Any]] = []
    # Objects alive now are never freed by a worker; frozen, the collector does not
    # visit them, so it does not dirty (and so copy) every page of the shared model.
    with settled_heap():
        try:
            for _ in range(jobs - 1):
                receive, send = ctx.Pipe(duplex=False)
                process = ctx.Process(target=_worker, args=(tasks, counter, writer, send), daemon=True)
                process.start()
                send.close()
                workers.append((process, receive))
            _drain(tasks, counter, writer)
            for process, receive in workers:
                try:
                    failure, news = receive.recv()
                except EOFError:
                    failure, news = f"worker {process.pid} ended without a word", None
                process.join()
                if failure or news is None:
                    raise TimelineError(f"rendering failed in a worker process:\n{failure}")
                pages, linked, files, inputs, sizes, groups = news
                writer.files.update(files)
                writer.linked.update(linked)
                writer.pages += pages
                writer.inputs.update(inputs)
                writer.sizes.update(sizes)
                writer.groups.update(groups)
        finally:
            for process, receive in workers:
                if process.is_alive():
                    process.terminate()
                    process.join()
                receive.close()


def _drain(tasks: Sequence[Task], counter: Any, writer: SiteWriter) -> None:
    while True:
        with counter.get_lock():
            index = counter.value
            counter.value = index + 1
        if index >= len(tasks):
            return
        tasks[index]()
        writer.tally()


def _worker(tasks: Sequence[Task], counter: Any, writer: SiteWriter, send: Any) -> None:
    # The writer came with the fork: only what this process adds is news to the parent.
    books = (writer.files, writer.inputs, writer.sizes, writer.groups)
    known, linked, pages = [set(book) for book in books], set(writer.linked), writer.pages
    try:
        _drain(tasks, counter, writer)
        news = [{k: v for k, v in book.items() if k not in seen} for book, seen in zip(books, known)]
        send.send((None, (writer.pages - pages, writer.linked - linked, *news)))
    except BaseException:  # noqa: BLE001 - the parent reports it; a worker must not die silently
        send.send((traceback.format_exc(), None))
    finally:
        send.close()
        # No atexit handlers or buffered output of the parent's may run twice.
        os._exit(0)
