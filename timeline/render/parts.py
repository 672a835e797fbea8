"""The site as parts: pieces made in one go (an event's page, a listing's pages, a feed),
each taken from the cache when what it shows is unchanged.

Rendering a part is the render stage's per-item step: the stage hands the parts
to ``each`` (see ``timeline.cache``) with their fingerprints (see
``fingerprints``), so a part whose fingerprint is known is not made again. Its
files, from the cache or made, go to the site writer as they come, a batch at a
time, so that a large site never sits whole in memory.

On a large site the parts are made and kept in packs of consecutive parts, one
cache entry each (``packs``): a pass is cut into about ``PACK_ENTRIES`` to twice
as many entries whatever its size, since at 100,000 events an entry per part
cost the kernel more to write and read than making the pages again. Where a
pack ends is decided by its parts' fingerprints (content-defined, as the search
shards are cut), so an edit makes its own pack again, rarely the next one. A
pass of fewer parts keeps an entry per part.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Sequence

from timeline.cache import Each
from timeline.cache.progress import Progress
from timeline.errors import TimelineError
from timeline.render.fingerprints import digest
from timeline.render.output import SiteWriter

BATCH = 2000  # parts looked up and made together: few enough to keep their files in memory
PAGES_BATCH = 200  # likewise for listings, whose pages are up to 150 KB each
FORK_PARTS = 400  # fewer events to make than this in a batch are made in this process: a fork costs more
FORK_LISTINGS = 50  # likewise for the pages of listings, which take five to ten times as long each
PACK_ENTRIES = 1024  # a pass of at least twice as many parts is packed into this many to twice as many entries


class Entries(NamedTuple):
    """What listings and exports show of an event, made with its page: an event is on many
    pages and in every export, and a listing made again never renders an unchanged event."""

    item: str  # its full listing entry (home and month pages), with a stand-in for the way to the root
    line: str  # its one-line listing entry (the other listings), likewise
    json: str  # its row of events.json
    csv: str  # its record of events.csv
    slide: str  # its slide of timelinejs.json, "" without a day


@dataclass(frozen=True)
class Rendered:
    """What a part makes: its files (site path, bytes) and, for each event it shows on its own
    page, the event's entries (a pack: its parts' files and entries, in their order)."""

    files: tuple[tuple[str, bytes], ...]
    entries: tuple[Entries, ...] = ()


@dataclass(frozen=True)
class Part:
    """A piece of the site: the digest of what it shows besides the scope, and how to make it;
    ``count`` is how many parts it packs (see ``packs``)."""

    inputs: str
    make: Callable[[], Rendered]
    count: int = 1


def pack_size(count: int) -> int:
    """The mean parts of a pack when a pass has ``count`` parts: 1 (no packing) below
    ``2 * PACK_ENTRIES``, doubled as the pass doubles."""
    size = 1
    while count >= 2 * size * PACK_ENTRIES:
        size *= 2
    return size


def packs(parts: Sequence[Part]) -> list[Part]:
    """The parts in runs of consecutive ones, each made and cached as one part.

    A run ends after a part whose fingerprint is 0 modulo half the mean size,
    once the run holds half the size, and at twice the size at most: a changed
    part moves only the end of its own run, so an edit seldom reaches a
    neighbour's pack (the search shards are cut alike, see ``shards``).
    """
    size = pack_size(len(parts))
    if size == 1:
        return list(parts)
    half = size // 2
    runs: list[Part] = []
    start = 0
    for index, part in enumerate(parts):
        length = index + 1 - start
        if length >= half and (int(part.inputs[:16], 16) % half == 0 or length >= 2 * size):
            runs.append(_pack(parts[start:index + 1]))
            start = index + 1
    if start < len(parts):
        runs.append(_pack(parts[start:]))
    return runs


def _pack(members: Sequence[Part]) -> Part:
    inputs = digest([part.inputs for part in members])
    return Part(inputs, partial(_made_together, tuple(members)), len(members))


def _made_together(members: Sequence[Part]) -> Rendered:
    files: list[tuple[str, bytes]] = []
    entries: list[Entries] = []
    for part in members:
        made = part.make()
        files += made.files
        entries += made.entries
    return Rendered(tuple(files), tuple(entries))


class Makers:
    """Makes the parts of one pass in order: a few in this process, many in ``jobs`` forked ones.

    The workers are forked once, when a batch first has many parts to make, so
    they get the parts and all those read (the model, the entries) with the
    fork, through copy-on-write memory, instead of a pickled copy. Each batch
    they are told which parts to make, in turns, and only the results come back,
    in the parts' order. A part reads nothing another part makes, so which
    process makes it never changes a byte. Objects alive at the fork are
    frozen out of the cycle collector's passes, which would otherwise touch
    (and so copy) every page of the model in every worker.
    """

    def __init__(self, parts: Sequence[Part], jobs: int, listings: bool = False) -> None:
        self.parts, self.jobs, self.listings = parts, jobs, listings
        self._index = {id(part): index for index, part in enumerate(parts)} if jobs > 1 else {}
        self._workers: list[tuple[Any, Any, Any]] = []  # process, its tasks, its results
        self._froze = False

    def __call__(self, todo: list[Part]) -> Iterator[Rendered]:
        fork_at = FORK_LISTINGS if self.listings else FORK_PARTS
        if self.jobs < 2 or (sum(part.count for part in todo) < fork_at and not self._workers) or not _CAN_FORK:
            for part in todo:
                yield part.make()
            return
        if not self._workers:
            self._start()
        indices = [self._index[id(part)] for part in todo]
        for number, (_, tasks, _) in enumerate(self._workers):
            tasks.send(indices[number::self.jobs])
        for index in range(len(todo)):
            process, _, results = self._workers[index % self.jobs]
            try:
                failure, made = results.recv()
            except EOFError:
                failure, made = f"worker {process.pid} ended without a word", None
            if failure is not None:
                raise TimelineError(f"rendering failed in a worker process:\n{failure}")
            yield made

    def _start(self) -> None:
        context = multiprocessing.get_context("fork")
        self._froze = gc.get_freeze_count() == 0
        gc.freeze()
        for _ in range(self.jobs):
            tasks_in, tasks = context.Pipe(duplex=False)
            results, results_out = context.Pipe(duplex=False)
            process = context.Process(target=_work, args=(self.parts, tasks_in, results_out), daemon=True)
            process.start()
            tasks_in.close()
            results_out.close()
            self._workers.append((process, tasks, results))

    def close(self) -> None:
        for process, tasks, results in self._workers:
            results.close()  # a worker still sending (the build failed) gets a broken pipe and ends
            try:
                tasks.send(None)
            except OSError:
                pass
            tasks.close()
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
                process.join()
        self._workers = []
        if self._froze:
            gc.unfreeze()
            self._froze = False


_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()


def _work(parts: Sequence[Part], tasks: Any, results: Any) -> None:
    try:
        while (indices := tasks.recv()) is not None:
            for index in indices:
                results.send((None, parts[index].make()))
    except EOFError:
        pass  # the build ended
    except BaseException:  # noqa: BLE001 - the parent reports it; a worker must not die silently
        results.send((traceback.format_exc(), None))
    finally:
        results.close()
        os._exit(0)  # no atexit handler or buffered output of the parent's may run twice


def run_parts(parts: Sequence[Part], scope: str, each: "Each[Rendered]", writer: SiteWriter,
              progress: Progress, jobs: int = 1, *, listings: bool = False) -> Iterator[Entries]:
    """Every part made or taken from the cache, in order, its files written as it comes; the
    entries of the events among them, in their order. Parts are made in ``jobs`` processes once
    a batch has enough of them to make; ``listings`` are made in smaller batches."""
    packed = packs(parts)
    makers = Makers(packed, jobs, listings)
    try:
        for batch in _batches(packed, PAGES_BATCH if listings else BATCH):
            for result in each(batch, lambda part: f"{scope}:{part.inputs}", makers):
                write_files(writer, result.files, progress)
                yield from result.entries
    finally:
        makers.close()


def _batches(parts: Sequence[Part], size: int) -> Iterator[list[Part]]:
    """Runs of parts that pack at most ``size`` parts in all (or one pack, when it packs more)."""
    batch: list[Part] = []
    count = 0
    for part in parts:
        if batch and count + part.count > size:
            yield batch
            batch, count = [], 0
        batch.append(part)
        count += part.count
    if batch:
        yield batch


def write_files(writer: SiteWriter, files: Iterable[tuple[str, bytes]], progress: Progress | None = None) -> None:
    pages = 0
    for path, data in files:
        writer.write(path, data)
        pages += path.endswith(".html")
    if progress is not None and pages:
        progress.advance(pages)
