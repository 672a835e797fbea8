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
from dataclasses import replace
from datetime import datetime, timezone
from typing import Iterator, Sequence

from timeline.cache import Each, Memo
from timeline.cache.last_good import LastGood
from timeline.config import Config
from timeline.extract import extract_articles, extraction_settings
from timeline.extract.parallel import LONG_LIVED_GC
from timeline.merge import merge
from timeline.records import Article, BuildSummary, Extraction, Problem
from timeline.render import Rendered, render_settings, render_site
from timeline.resolve import resolve_actors, taught_names
from timeline.sources import read_settings, read_sources, skipped_files
from timeline.sources.files import Reading
from timeline.sources.next_day_papers import next_day_papers
from timeline.store.changes import diff_store, load_changes, record_changes
from timeline.store.events import save_events
from timeline.store.lock import build_lock
from timeline.store.on_disk import open_store, remember_store
from timeline.store.registry import save_registry

log = logging.getLogger("timeline")

STAGES = ("read", "extract", "resolve", "merge", "store", "render")


def build(cfg: Config, *, clean: bool = False, jobs: int | None = None, wait: float = 0.0,
          last_good: bool = False) -> BuildSummary:
    """Articles in ``cfg.paths.content`` → store under it → site in ``cfg.paths.output``.

    ``clean`` ignores what earlier builds kept (readings, extractions, rendered
    parts) and renders every page; ``jobs`` parse processes (default
    ``build.jobs``); ``wait`` seconds for another build of the same content to end.
    A store file or registry that cannot be read stops the build before anything is
    written (``BrokenStoreError``), unless ``last_good``: its last good version from
    the cache is then used and the file left as it is.
    """
    with build_lock(cfg.paths.content, wait=wait), _long_lived_records():
        timer = _StageTimer(STAGES)
        memo = Memo(cfg.paths.cache, enabled=not clean, user=str(cfg.paths.content.resolve()))
        reading = memo.step("read", Reading, "timeline.sources", read_settings(cfg))
        extracting = memo.step("extract", Extraction, "timeline.extract", extraction_settings(cfg))
        rendering = memo.step("render", Rendered, "timeline.render", render_settings(cfg))

        kept = LastGood(cfg.paths.cache, cfg.paths.content)

        with timer("store"):  # first: a store that cannot be read stops the build here
            opened = open_store(cfg.paths.store, cfg.paths.registry, kept, last_good=last_good)
            changes, change_problems = load_changes(cfg.paths.changes)
        with timer("read"):
            articles, problems = read_sources(cfg, jobs=jobs, each=reading)
        with timer("extract"):
            extractions = extract_articles(articles, cfg, jobs=jobs, each=extracting)
            articles, extractions = _read_from_the_paper_day(articles, extractions, cfg, jobs, extracting)
        with timer("resolve"):
            registry, happenings = resolve_actors(opened.registry, extractions)
        with timer("merge"):
            merged = merge(opened.events, happenings, articles, topic=cfg.topic,
                           timexes={e.article.id: e.timexes for e in extractions},
                           taught=taught_names(registry, extractions))
        with timer("store"):
            if opened.whole:  # else (--last-good) no store file is written until the broken one is fixed
                save_events(cfg.paths.store, list(merged.events))
                changes = record_changes(cfg.paths.changes, changes,
                                         diff_store(opened.events, merged.events, _today(cfg)))
                save_registry(cfg.paths.registry, registry)
                remember_store(cfg.paths.store, cfg.paths.registry, kept)
        with timer("render"):
            pages = render_site(merged.events, registry, articles, cfg, each=rendering, changes=changes,
                                review=merged.review)
        memo.prune()

    log.info("cache: %d files, %d articles and %d parts of the site kept, %d read, %d parsed and %d rendered",
             reading.hits, extracting.hits, rendering.hits, reading.misses, extracting.misses, rendering.misses)
    all_problems = tuple(problems) + tuple(opened.problems) + tuple(change_problems)
    for extraction in extractions:
        all_problems += tuple(Problem(extraction.article.path, w, severity="warning") for w in extraction.warnings)
        all_problems += tuple(Problem(extraction.article.path, e) for e in extraction.errors)
    return BuildSummary(
        articles_read=len(articles), articles_skipped=skipped_files(articles, problems, cfg.paths.content),
        events_new=merged.new, events_changed=merged.changed, events_merged=merged.merged,
        events_removed=merged.removed, events_total=len(merged.events), pages_written=pages.written,
        problems=all_problems, stage_seconds=timer.totals(),
        articles_parsed=extracting.misses, articles_cached=extracting.hits, notes=merged.notes,
        events_curated=opened.edited, pages_unchanged=pages.unchanged,
    )


def _read_from_the_paper_day(articles: Sequence[Article], extractions: list[Extraction], cfg: Config,
                             jobs: int | None, extracting: Each[Extraction]) -> tuple[list[Article], list[Extraction]]:
    """The articles the collection's other reports show were written for the next day's paper
    (``sources.next_day_papers``) extracted again from that day, as their own words would have
    had them read (``sources.print_day``); the others as they are."""
    moved = next_day_papers(articles, {e.article.id: e.happenings for e in extractions})
    if not moved:
        return list(articles), extractions
    again = [replace(a, published=moved[a.id].day, filed=a.published) for a in articles if a.id in moved]
    for a in again:
        log.debug("%s: read from %s: %s", a.path, a.published, moved[a.id].why)
    redone = {e.article.id: e for e in extract_articles(again, cfg, jobs=jobs, each=extracting)}
    return ([redone[a.id].article if a.id in redone else a for a in articles],
            [redone.get(e.article.id, e) for e in extractions])


def _today(cfg: Config) -> str:
    """The date the change log files this build under: the configured build date, else today (UTC)."""
    return cfg.build.build_date or datetime.now(timezone.utc).date().isoformat()


@contextmanager
def _long_lived_records() -> Iterator[None]:
    """The process-wide tuning of a build, in this one place: a build makes millions of
    small records (events, sources, mentions) that live to its end and form no cycles, and
    Python's cycle collector would walk them again and again as they pile up (a third of
    a large merge's time). It runs far less often during the build; afterwards the
    survivors are filed as old (``gc.freeze``/``unfreeze``) rather than walked at once."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*LONG_LIVED_GC)
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
