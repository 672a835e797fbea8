"""The search index in shards: a Pagefind bundle per run of consecutive events, each a part.

Pagefind has no incremental mode: after a one-article edit it would index every
event page again (ten seconds for 10,000 events). So the events are cut into
runs, each indexed into its own bundle ``pagefind/<name>/``, named by the
digest of its pages' fingerprints; a bundle is a part like any page (see
``parts``), so only a run whose pages changed is indexed again, in a scratch
folder of compact records of its events (``searchrecords``: what a search
finds, at each page's path), one Pagefind process per core. The scratch
folders are in memory (``/dev/shm``) where the system has room there.

``pagefind/shards.json`` lists the names, newest events first: the search
page loads the first bundle and merges the others with Pagefind's
``mergeIndex``, each tagged with a ``shard`` filter so that a listing by date
can walk them in order.

Where a run ends is decided by the events themselves, not by counting: after
an event whose slug hashes to 0 modulo half the run size, once the run holds
half the size (content-defined chunking with a minimum, as backup tools cut
files). A new or changed event then renames its own run, rarely the next. A
run is also cut at twice the size, so no bundle grows far beyond it; the size
doubles with the timeline, so that a search never loads many more than
``MAX_SHARDS`` bundles.
"""

from __future__ import annotations

import hashlib
import logging
import os
import queue
import shutil
import tempfile
import threading
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from timeline.render.fingerprints import digest
from timeline.render.model import EventView
from timeline.render.output import SiteWriter, alive
from timeline.render.parts import Rendered
from timeline.render.search import (
    NOT_INSTALLED,
    Indexing,
    finish_pagefind,
    pagefind_binary,
    start_pagefind,
    stop_pagefind,
)
from timeline.render.searchrecords import search_record

log = logging.getLogger("timeline")
SHARD_EVENTS = 128  # mean events of a shard on a small timeline: Pagefind indexes them in about 0.2 s
MAX_SHARDS = 32  # about the most a search loads: each costs the browser a few small requests
SHARDS_FILE = "pagefind/shards.json"
# The scratch folders of the records and bundles, in memory where the system has a file system there:
# Pagefind reads a file per record and writes one per page of its bundle, which are read back and
# removed, and on a disk file system these cost as much kernel time as Pagefind's own work.
MEMORY_FOLDER = Path("/dev/shm")
MEMORY_PREFIX = "timeline-search-"
MEMORY_FREE = 1 << 30  # bytes the memory file system must have free: a shard needs a few MB


def memory_folder() -> Path | None:
    """The memory file system to work in, its leftovers from builds that died removed; None without one."""
    try:
        info = os.statvfs(MEMORY_FOLDER)
        if info.f_bavail * info.f_frsize < MEMORY_FREE or not os.access(MEMORY_FOLDER, os.W_OK | os.X_OK):
            return None
        leftovers = [entry for entry in os.scandir(MEMORY_FOLDER) if entry.name.startswith(MEMORY_PREFIX)]
    except OSError:
        return None
    for entry in leftovers:
        pid = entry.name[len(MEMORY_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not alive(int(pid)):
            shutil.rmtree(entry.path, ignore_errors=True)
    return MEMORY_FOLDER


@dataclass(frozen=True)
class Shard:
    """A run of events whose pages one bundle indexes; ``inputs`` are its pages' fingerprints."""

    name: str
    events: Sequence[EventView]
    inputs: str


def shard_size(count: int) -> int:
    size = SHARD_EVENTS
    while count > size * MAX_SHARDS:
        size *= 2
    return size


def plan_shards(events: Sequence[EventView], pages: Sequence[str], scope: str) -> list[Shard]:
    """Runs of ``events`` (in site order); ``pages`` are the fingerprints of their pages, ``scope``
    what every page shows besides (the configuration, the templates, Pagefind's version)."""
    size = shard_size(len(events))
    runs: list[tuple[int, int]] = []
    start = 0
    for index, ev in enumerate(events):
        length = index + 1 - start
        if length < size // 2:
            continue
        mark = int.from_bytes(hashlib.blake2b(ev.slug.encode("utf-8"), digest_size=8).digest(), "big")
        if mark % (size // 2) == 0 or length >= 2 * size:
            runs.append((start, index + 1))
            start = index + 1
    if start < len(events):
        runs.append((start, len(events)))
    shards = []
    for first, end in runs:
        inputs = digest(scope, pages[first:end])
        shards.append(Shard(inputs[:16], events[first:end], inputs))
    return shards


class Indexer:
    """Makes the bundles of shards with Pagefind, from the pages as the writer has them.

    The shards are indexed by a thread of their own, ``jobs`` Pagefind processes at a time,
    while this thread does ``meanwhile`` (the rest of the site): a thread is enough, since it
    mostly waits for Pagefind, and every shard's Pagefind runs while the listings are made
    instead of only the first ones. The bundles come back in the shards' order, here, where
    the cache files them.
    """

    def __init__(self, writer: SiteWriter, language: str, jobs: int, meanwhile: Callable[[], None]) -> None:
        self.writer, self.language, self.jobs = writer, language, max(1, jobs)
        self.indexed = 0  # bundles made by this build
        self._meanwhile: Callable[[], None] | None = meanwhile

    def meanwhile(self) -> None:
        """Do what is to be done while Pagefind runs, unless done already."""
        if self._meanwhile is not None:
            work, self._meanwhile = self._meanwhile, None
            work()

    def __call__(self, shards: list[Shard]) -> Iterator[Rendered]:
        """Each shard's bundle, in order; no files where Pagefind failed or is missing."""
        if not shards:
            return
        if pagefind_binary() is None:
            log.warning(NOT_INSTALLED)
            self.meanwhile()
            yield from (Rendered(()) for _ in shards)
            return
        memory = memory_folder()
        if memory is not None:
            scratch = Path(tempfile.mkdtemp(prefix=f"{MEMORY_PREFIX}{os.getpid()}-", dir=memory))
        else:
            scratch = Path(tempfile.mkdtemp(prefix=f".{self.writer.output.name}-new-{os.getpid()}-search-",
                                            dir=self.writer.staging))
        made: queue.Queue[Rendered | BaseException] = queue.Queue()
        stop = threading.Event()
        thread = threading.Thread(target=self._index, args=(shards, scratch, made, stop), name="search", daemon=True)
        thread.start()
        try:
            self.meanwhile()
            for _ in shards:
                result = made.get()
                if isinstance(result, BaseException):
                    raise result
                yield result
        finally:
            stop.set()  # the build failed meanwhile, or is done: Pagefind runs nobody waits for end
            thread.join()
            shutil.rmtree(scratch, ignore_errors=True)

    def _index(self, shards: list[Shard], scratch: Path, made: "queue.Queue[Rendered | BaseException]",
               stop: threading.Event) -> None:
        """Index every shard, ``jobs`` at a time, putting each bundle (or the error) in ``made`` in order."""
        running: deque[tuple[Shard, Indexing | None]] = deque()
        pending = deque(shards)
        try:
            while (pending or running) and not stop.is_set():
                while pending and len(running) < self.jobs:
                    shard = pending.popleft()
                    running.append((shard, self._start(scratch / shard.name, shard)))
                shard, run = running.popleft()
                done = finish_pagefind(run)
                files = _bundle(scratch / shard.name / "bundle", f"pagefind/{shard.name}/") if done else ()
                shutil.rmtree(scratch / shard.name, ignore_errors=True)
                made.put(Rendered(files))
        except BaseException as exc:  # noqa: BLE001 - handed to the build's thread, which raises it
            made.put(exc)
        finally:
            for _, run in running:
                stop_pagefind(run)

    def _start(self, site: Path, shard: Shard) -> Indexing | None:
        """Start Pagefind over a folder of the shard's events as compact records (``searchrecords``)."""
        self.indexed += 1
        (site / "events").mkdir(parents=True)
        # A file per event: through os rather than pathlib, which costs twice the CPU a file, in the
        # render's own process (this thread holds its interpreter while it works).
        root = f"{site}{os.sep}"
        for ev in shard.events:
            handle = os.open(root + ev.url, _NEW_FILE, 0o666)
            try:
                view = memoryview(search_record(ev, self.language).encode("utf-8"))
                while view:
                    view = view[os.write(handle, view):]
            finally:
                os.close(handle)
        return start_pagefind(site, language=self.language, bundle=site / "bundle")


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _bundle(folder: Path, prefix: str) -> tuple[tuple[str, bytes], ...]:
    """Every file of a bundle Pagefind wrote, by its site path under ``prefix``, in the order of
    their paths' parts."""
    found: list[tuple[tuple[str, ...], str]] = []
    pending: list[tuple[tuple[str, ...], str]] = [((), str(folder))]
    while pending:
        parts, path = pending.pop()
        for entry in os.scandir(path):
            if entry.is_dir():
                pending.append(((*parts, entry.name), entry.path))
            elif entry.is_file():
                found.append(((*parts, entry.name), entry.path))
    found.sort()
    files = []
    for parts, path in found:
        with open(path, "rb", buffering=0) as handle:
            files.append((prefix + "/".join(parts), handle.readall()))
    return tuple(files)
