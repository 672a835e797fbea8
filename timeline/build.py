"""The build, stage by stage: this module is the table of contents of the project."""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from typing import Iterator

from timeline.config import Config
from timeline.store.lock import build_lock
from timeline.records import BuildSummary, Problem

log = logging.getLogger("timeline")

STAGES = ("read", "extract", "resolve", "merge", "store", "render")


def build(cfg: Config, *, clean: bool = False, jobs: int | None = None, wait: float = 0.0) -> BuildSummary:
    """Articles in ``cfg.paths.content`` → store under it → site in ``cfg.paths.output``.

    ``clean`` ignores what earlier builds kept (readings, extractions, the last
    resolution and merge, the live site) and renders every page; ``jobs`` parse
    processes (default ``build.jobs``); ``wait`` seconds for another build of the
    same content to end.
    """
    with build_lock(cfg.paths.content, wait=wait):
        return _build(cfg, clean=clean, jobs=jobs)


def _build(cfg: Config, *, clean: bool, jobs: int | None) -> BuildSummary:
    from timeline.extract import Extracting, extraction_cache, parse_ahead

    timer = _StageTimer(STAGES)
    cache = extraction_cache(cfg, clean=clean)
    kept = None if clean else cfg.paths.cache  # the registry as read
    # On a rebuild, a second process readies the pipeline from now on, while
    # this one loads the stages' code and reads the files.
    with parse_ahead(cache, cfg, jobs) as ahead:
        from timeline.merge import merge
        from timeline.merge.remerge import extraction_tokens
        from timeline.render import read_live_site, render_site
        from timeline.resolve import ready_lookups, resolve_actors
        from timeline.sources import read_sources
        from timeline.store.events import load_events, save_events
        from timeline.store.registry import load_registry, save_registry

        with timer("read"):
            articles, problems = read_sources(cfg, jobs=jobs, clean=clean)
        with timer("extract"):
            extracting = Extracting(articles, cfg, cache=cache, jobs=jobs, ahead=ahead)
        # Read while the articles that missed the cache are parsed in the other process.
        with timer("resolve"):
            registry, registry_problems = load_registry(cfg.paths.registry, kept)
            if extracting.parsing_elsewhere:
                ready_lookups()
        with timer("merge"):
            store, store_problems = load_events(cfg.paths.store, cfg.paths.cache)
        with timer("render"):
            live = read_live_site(cfg, clean=clean)
        with timer("extract"):
            extractions = extracting.finish()
    with timer("resolve"):
        registry, happenings = resolve_actors(registry, extractions, cache=cfg.paths.cache,
                                              environment=cache.environment, clean=clean)
    with timer("merge"):
        merged = merge(store, happenings, articles, cache=cfg.paths.cache, clean=clean,
                       tokens=extraction_tokens(extractions, cache.environment))
    with timer("store"):
        broken = {p.path.rsplit("/", 1)[-1] for p in store_problems}
        save_events(cfg.paths.store, list(merged.events), keep=broken, cache=cfg.paths.cache)
        # Warnings (an unsafe name, a shared slug) lose nothing in a rewrite; errors could.
        if not any(p.severity == "error" for p in registry_problems):
            save_registry(cfg.paths.registry, registry)
    with timer("render"):
        pages = render_site(merged.events, registry, articles, cfg, clean=clean, live=live)
    all_problems = tuple(problems) + tuple(registry_problems) + tuple(store_problems)
    for extraction in extractions:
        all_problems += tuple(Problem(extraction.article.path, w, severity="warning") for w in extraction.warnings)
        all_problems += tuple(Problem(extraction.article.path, e) for e in extraction.errors)
    return BuildSummary(
        articles_read=len(articles), articles_skipped=sum(1 for p in problems if p.severity == "error"),
        events_new=merged.new, events_changed=merged.changed, events_merged=merged.merged,
        events_removed=merged.removed, events_total=len(merged.events), pages_written=pages,
        problems=all_problems, stage_seconds=timer.totals(),
        articles_parsed=cache.misses, articles_cached=cache.hits, notes=merged.notes,
    )


class _StageTimer:
    """Seconds per stage, summed over a stage's parts, reported in the stages' order."""

    def __init__(self, stages: tuple[str, ...]) -> None:
        self._totals: dict[str, float] = dict.fromkeys(stages, 0.0)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        log.debug("%s…", stage)
        try:
            yield
        finally:
            self._totals[stage] = self._totals.get(stage, 0.0) + time.perf_counter() - start

    def totals(self) -> tuple[tuple[str, float], ...]:
        return tuple(self._totals.items())
