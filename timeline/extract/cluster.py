"""Extraction on a Dask cluster (``build.cluster``, ``--cluster``).

The client sends batches of articles, text included, to the scheduler: the
workers need the project installed, not the content folder. Each worker loads
the pipeline once, when it joins (``PipelineLoader``, a worker plugin), and a
task parses and extracts one batch with the same code as a local worker
(``parallel.serial``), returning the plain ``Extraction`` records, never a
spaCy Doc. A batch is tens of seconds of work, so that the scheduler's cost per
task (milliseconds) stays out of sight.

Results are handed back in the articles' order, each as soon as it and every
batch before it are done, so the cache files them while the rest still runs:
a build stopped half-way keeps what finished. A worker that dies has its batch
run again elsewhere by the scheduler itself (Dask's ``allowed-failures``).

``local:N`` starts a cluster of N worker processes on this machine, to try it.
"""

from __future__ import annotations

import gc
import logging
import math
import os
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from distributed.diagnostics.plugin import WorkerPlugin

from timeline.errors import ConfigError, TimelineError
from timeline.records import Article, Extraction

if TYPE_CHECKING:
    from distributed import Client, Future

    from timeline.config import Config
    from timeline.extract.parallel import ExtractFn

log = logging.getLogger("timeline")

BATCH_MOST = 64  # articles per task at most: about 15 s of parsing on one core
# At least this many tasks per worker, so that the last ones end together: with four, the last task
# of one worker could run alone for a quarter of its share. Dask's own cost per task is milliseconds.
BATCHES_PER_WORKER = 16
CONNECT_SECONDS = 10  # how long to try to reach a scheduler before saying it cannot be reached
PLUGIN_NAME = "timeline-pipeline"

Done = Callable[[int], None]


def cluster_extract(articles: Sequence[Article], cfg: "Config", extract: "ExtractFn", *,
                    done: Done | None = None) -> Iterator[Extraction]:
    """Extractions of ``articles``, in their order, computed on the cluster ``cfg.build.cluster``.

    ``done`` is told how many articles each batch held as the batch completes, whatever its place.
    """
    address = cfg.build.cluster
    if not address:
        raise ValueError("cluster_extract needs build.cluster")
    with connect(address) as client:
        client.register_plugin(PipelineLoader(cfg, extract), name=PLUGIN_NAME)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = batch_size(len(articles), workers)
        batches = [list(articles[i:i + size]) for i in range(0, len(articles), size)]
        log.info("extract: %d articles in %d tasks on %d Dask workers at %s", len(articles), len(batches),
                 workers, address)
        yield from _gather_in_order(client, batches, cfg, extract, done)


def batch_size(articles: int, workers: int) -> int:
    """Articles per task: as many as keep every worker busy to the end, BATCH_MOST at most."""
    even = math.ceil(articles / (workers * BATCHES_PER_WORKER)) if articles else 1
    return max(1, min(BATCH_MOST, even))


def _gather_in_order(client: "Client", batches: list[list[Article]], cfg: "Config", extract: "ExtractFn",
                     done: Done | None) -> Iterator[Extraction]:
    from distributed import as_completed

    # pure=False: a batch is sent again, not deduplicated, should two builds share a scheduler.
    # The longest batches run first (the scheduler hands out the highest priority first as workers
    # free up), so that the last tasks to run are short ones and the workers end together.
    start = time.perf_counter()
    longest = sorted(range(len(batches)), key=lambda i: (-sum(len(a.text) for a in batches[i]), i))
    rank = {i: len(batches) - n for n, i in enumerate(longest)}
    futures = [client.submit(extract_batch, batch, cfg=cfg, extract=extract, pure=False, priority=rank[i])
               for i, batch in enumerate(batches)]
    index = {future.key: i for i, future in enumerate(futures)}
    ready: dict[int, list[Extraction]] = {}
    head = 0
    try:
        for future in as_completed(futures):
            i = index[future.key]
            ready[i] = _result(future, cfg.build.cluster or "")
            future.release()
            if done is not None:
                done(len(batches[i]))
            if len(ready) + head == len(batches):  # the last one: said now, the caller may stop at its last item
                seconds = time.perf_counter() - start
                count = sum(len(batch) for batch in batches)
                log.info("extract: %d tasks done in %.1f s on the cluster (%.2f articles/s)", len(batches), seconds,
                         count / seconds if seconds else 0.0)
            while head in ready:
                yield from ready.pop(head)
                head += 1
    finally:
        for future in futures[head:]:
            future.cancel()


def _result(future: "Future", address: str) -> list[Extraction]:
    """A batch's extractions; a task that failed on the cluster (not on an article: those are
    reported against the article) stops the build with one line saying where."""
    try:
        return future.result()  # type: ignore[no-any-return]
    except TimelineError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a worker raised, the user needs one line
        raise ConfigError(f"build.cluster: a task failed on the Dask cluster at {address} ({type(exc).__name__}: "
                          f"{str(exc).strip().splitlines()[0] if str(exc).strip() else ''}); is this version "
                          "of the project installed on every worker? (docs/scaling.md)") from None


def extract_batch(articles: list[Article], *, cfg: "Config", extract: "ExtractFn") -> list[Extraction]:
    """One task: parse and extract a batch on a worker, with the pipeline its plugin loaded."""
    from timeline.extract.parallel import serial
    from timeline.extract.pipeline import load_pipeline

    return list(serial(articles, load_pipeline(cfg.nlp.pipeline), cfg, extract))


class PipelineLoader(WorkerPlugin):  # type: ignore[misc]
    """A Dask worker plugin: loads the pipeline and builds the extraction's tables when a worker starts,
    once for all the tasks it will run (a worker that replaces a dead one loads it too)."""

    def __init__(self, cfg: "Config", extract: "ExtractFn") -> None:
        self.cfg, self.extract = cfg, extract

    def setup(self, worker: object) -> None:
        from timeline.extract.parallel import LONG_LIVED_GC, warm_up
        from timeline.extract.pipeline import load_pipeline

        os.environ.setdefault("OMP_NUM_THREADS", "1")
        gc.set_threshold(*LONG_LIVED_GC)  # as a forked local worker inherits them from the build
        warm_up(load_pipeline(self.cfg.nlp.pipeline), self.cfg, self.extract)
        gc.freeze()  # the pipeline and its tables live as long as the worker: never walk them again

    def teardown(self, worker: object) -> None:
        """Nothing to release: the pipeline lives as long as the worker's process."""


@contextmanager
def connect(address: str) -> Iterator["Client"]:
    """A client of the scheduler at ``address``, or of a cluster started here for ``local:N``.

    Raises ConfigError, in one line naming the address, when the scheduler cannot be reached.
    """
    from distributed import Client, LocalCluster

    with _quiet_dask():
        if address.startswith("local:"):
            workers = int(address[len("local:"):])
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                              silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
                yield client
            return
        try:
            client = Client(address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConfigError(f"build.cluster: cannot reach the Dask scheduler at {address} ({reason})") from None
        with client:
            yield client


@contextmanager
def _quiet_dask() -> Iterator[None]:
    """Dask's own log lines (workers joining, leaving) only with ``-v``: the build reports what matters."""
    logger = logging.getLogger("distributed")
    level = logger.level
    if not log.isEnabledFor(logging.DEBUG):
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
