"""The build, stage by stage: this module is the table of contents of the project.

| stage   | package              | in → out                                              |
|---------|----------------------|-------------------------------------------------------|
| read    | ``timeline.sources`` | files in the content folder → articles                |
| extract | ``timeline.extract`` | articles → extractions (dates, actors, happenings)    |
| resolve | ``timeline.resolve`` | extractions + registry → happenings under actor names |
| merge   | ``timeline.merge``   | store + happenings → events, one per happening        |
| store   | ``timeline.store``   | events and registry ↔ ``content/events/``, actors.yaml |
| render  | ``timeline.render``  | events → the site in the output folder                |

Reading, extraction and rendering run through the cache (``timeline.cache``), which
computes only the items it does not hold; every other stage runs in full on every build.
"""

from __future__ import annotations

import gc
import logging
import time
from contextlib import contextmanager
from typing import Iterator

from timeline.cache import Memo
from timeline.config import Config
from timeline.extract import extract_articles, extraction_settings
from timeline.merge import merge
from timeline.records import BuildSummary, Extraction, Problem
from timeline.render import Rendered, render_settings, render_site
from timeline.resolve import resolve_actors
from timeline.sources import read_settings, read_sources
from timeline.sources.files import Reading
from timeline.store.events import load_events, save_events
from timeline.store.lock import build_lock
from timeline.store.registry import load_registry, save_registry

log = logging.getLogger("timeline")

STAGES = ("read", "extract", "resolve", "merge", "store", "render")


def build(cfg: Config, *, clean: bool = False, jobs: int | None = None, wait: float = 0.0) -> BuildSummary:
    """Articles in ``cfg.paths.content`` → store under it → site in ``cfg.paths.output``.

    ``clean`` ignores what earlier builds kept (readings, extractions, rendered
    parts) and renders every page; ``jobs`` parse processes (default
    ``build.jobs``); ``wait`` seconds for another build of the same content to end.
    """
    with build_lock(cfg.paths.content, wait=wait), _long_lived_records():
        timer = _StageTimer(STAGES)
        memo = Memo(cfg.paths.cache, enabled=not clean, user=str(cfg.paths.content.resolve()))
        reading = memo.step("read", Reading, "timeline.sources", read_settings(cfg))
        extracting = memo.step("extract", Extraction, "timeline.extract", extraction_settings(cfg))
        rendering = memo.step("render", Rendered, "timeline.render", render_settings(cfg))

        with timer("read"):
            articles, problems = read_sources(cfg, jobs=jobs, each=reading)
        with timer("extract"):
            extractions = extract_articles(articles, cfg, jobs=jobs, each=extracting)
        with timer("store"):
            registry, registry_problems = load_registry(cfg.paths.registry)
            store, store_problems = load_events(cfg.paths.store)
        with timer("resolve"):
            registry, happenings = resolve_actors(registry, extractions)
        with timer("merge"):
            merged = merge(store, happenings, articles, topic=cfg.topic)
        with timer("store"):
            broken = {p.path.rsplit("/", 1)[-1] for p in store_problems}
            save_events(cfg.paths.store, list(merged.events), keep=broken)
            # Warnings (an unsafe name, a shared slug) lose nothing in a rewrite; errors could.
            if not any(p.severity == "error" for p in registry_problems):
                save_registry(cfg.paths.registry, registry)
        with timer("render"):
            pages = render_site(merged.events, registry, articles, cfg, each=rendering)
        memo.prune()

    log.info("cache: %d files, %d articles and %d parts of the site kept, %d read, %d parsed and %d rendered",
             reading.hits, extracting.hits, rendering.hits, reading.misses, extracting.misses, rendering.misses)
    all_problems = tuple(problems) + tuple(registry_problems) + tuple(store_problems)
    for extraction in extractions:
        all_problems += tuple(Problem(extraction.article.path, w, severity="warning") for w in extraction.warnings)
        all_problems += tuple(Problem(extraction.article.path, e) for e in extraction.errors)
    return BuildSummary(
        articles_read=len(articles), articles_skipped=sum(1 for p in problems if p.severity == "error"),
        events_new=merged.new, events_changed=merged.changed, events_merged=merged.merged,
        events_removed=merged.removed, events_total=len(merged.events), pages_written=pages,
        problems=all_problems, stage_seconds=timer.totals(),
        articles_parsed=extracting.misses, articles_cached=extracting.hits, notes=merged.notes,
    )


@contextmanager
def _long_lived_records() -> Iterator[None]:
    """The process-wide tuning of a build, in this one place: a build makes millions of
    small records (events, sources, mentions) that live to its end and form no cycles, and
    Python's cycle collector would walk them again and again as they pile up (a third of
    a large merge's time). It runs far less often during the build; afterwards the
    survivors are filed as old (``gc.freeze``/``unfreeze``) rather than walked at once."""
    thresholds = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()


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
