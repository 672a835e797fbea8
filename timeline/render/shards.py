"""The search index in shards: Pagefind bundles of consecutive events, indexed again only where events changed.

Pagefind has no incremental mode: after a one-article edit it would index
every event page again. So the events are cut into runs of consecutive
events, each indexed into its own bundle ``pagefind/<name>/``, named by the
digest of what its pages show; a bundle whose name the live site has is
linked from it, and only new names are indexed (in parallel, one Pagefind
process each). When the new shards are few, as after an edit, their pages are
made first and indexed while the rest of the site renders.

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
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Sequence

from timeline.render.depends import digest
from timeline.render.manifest import Manifest
from timeline.render.model import EventView
from timeline.render.output import SiteWriter
from timeline.render.search import Indexing, finish_pagefind, pagefind_version, start_pagefind, stop_pagefind

log = logging.getLogger("timeline")
SHARD_EVENTS = 128  # mean events of a shard on a small timeline: Pagefind indexes them in about 0.2 s
MAX_SHARDS = 32  # about the most a search loads: each costs the browser a few small requests
SHARDS_FILE = "pagefind/shards.json"
# Longest glob naming a shard's pages on Pagefind's command line (Linux takes 128 KiB an argument);
# a longer shard's pages are linked into a scratch folder instead.
GLOB_LIMIT = 100_000


def search_settings(language: str) -> str:
    """What else the index depends on: another Pagefind may index the same pages differently."""
    return f"pagefind {pagefind_version()}, {language}"


def shard_size(count: int) -> int:
    size = SHARD_EVENTS
    while count > size * MAX_SHARDS:
        size *= 2
    return size


def plan_shards(events: Sequence[EventView], scope: str) -> list[tuple[str, int, int]]:
    """Runs of ``events`` (in site order) as bundle name, first and end index.

    ``scope`` stands for what else the pages show and Pagefind makes of them: code, templates, settings.
    """
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
    return [(digest(scope, [ev.digest for ev in events[first:end]])[:16], first, end) for first, end in runs]


class SearchIndex:
    """The search index of one build: its shards, linked from the live site or indexed anew."""

    def __init__(self, writer: SiteWriter, events: Sequence[EventView], previous: Manifest | None, scope: str,
                 language: str, jobs: int) -> None:
        self.writer, self.events, self.language, self.jobs = writer, events, language, max(1, jobs)
        self.settings = search_settings(language)
        self.shards = plan_shards(events, digest(scope, self.settings))
        self._live = set(previous.shards) if previous is not None and previous.search == self.settings else set()
        self._running: list[tuple[str, Indexing | None]] = []
        self._scratch: Path | None = None
        fresh = [shard for shard in self.shards if shard[0] not in self._live]
        # Early only when pages are taken on their inputs: otherwise a shard is new if its pages are.
        self._early = fresh if writer.scope is not None and len(fresh) <= self.jobs else []

    def early_events(self) -> list[int]:
        """Indexes of the events whose pages are to be made first, for ``start``."""
        return [index for _, first, end in self._early for index in range(first, end)]

    def start(self) -> None:
        """Index the new shards whose pages ``early_events`` asked for, while the rest renders."""
        for name, first, end in self._early:
            self._launch(name, first, end)

    def finish(self) -> tuple[str | None, list[str]]:
        """Link or index every shard; returns the settings and the shard names, (None, []) without an index."""
        if not self.shards:
            return None, []
        writer = self.writer
        started = {name for name, _ in self._running}
        fresh = []
        for name, first, end in self.shards:
            if name in started:
                continue
            # Without page inputs (a maintainer's templates), a bundle is kept only for the very same pages.
            same = writer.scope is not None or writer.same_as_previous([ev.url for ev in self.events[first:end]])
            if not (name in self._live and same and writer.carry_over(f"pagefind/{name}/")):
                fresh.append((name, first, end))
        indexed = started | {name for name, _, _ in fresh}
        try:
            done = self._wait(fresh)
        finally:
            self.abandon()
        if not done:
            writer.discard("pagefind/")
            return None, []
        for name in indexed:
            writer.adopt(f"pagefind/{name}/")
        names = [name for name, _, _ in reversed(self.shards)]
        writer.write_text(SHARDS_FILE, json.dumps(names) + "\n")
        log.info("search: %d of %d index shards built, the others kept", len(indexed), len(self.shards))
        return self.settings, names

    def abandon(self) -> None:
        """Stop what still runs and remove the pages' scratch folder."""
        for _, run in self._running:
            stop_pagefind(run)
        self._running = []
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def _wait(self, fresh: list[tuple[str, int, int]]) -> bool:
        """Index ``fresh`` too, ``jobs`` Pagefind processes at a time, and wait for every run."""
        pending = list(fresh)
        done = True
        while (pending and done) or self._running:
            while done and pending and len(self._running) < self.jobs:
                self._launch(*pending.pop(0))
            _, run = self._running.pop(0)
            done = finish_pagefind(run) and done
        return done

    def _launch(self, name: str, first: int, end: int) -> None:
        """Start Pagefind over this shard's staged pages, named in its glob or linked into a scratch folder."""
        writer = self.writer
        events = self.events[first:end]
        site, pattern = writer.root, "events/{" + ",".join(ev.slug for ev in events) + "}.html"
        if len(pattern) > GLOB_LIMIT:
            if self._scratch is None:
                self._scratch = Path(tempfile.mkdtemp(prefix=f".{writer.output.name}-new-{os.getpid()}-search-",
                                                      dir=writer.output.parent))
            site, pattern = self._scratch / name, "events/*.html"
            (site / "events").mkdir(parents=True)
            for ev in events:
                try:
                    os.link(writer.root / ev.url, site / ev.url)
                except OSError:
                    shutil.copyfile(writer.root / ev.url, site / ev.url)
        writer.clear(f"pagefind/{name}/")  # a spare folder may hold files of an older bundle there
        self._running.append((name, start_pagefind(site, language=self.language, pattern=pattern,
                                                   bundle=writer.root / "pagefind" / name)))
