"""The site: the only stage that writes HTML.

``render_site`` turns the store's events into ``output/``: pages, feeds, data
exports and the search index. Rendering is a per-item step (``each``, see
``timeline.cache``): the site is cut into parts (``parts``: an event's page, a
listing's pages, a feed, a search shard), each filed under the fingerprint of
what it shows (``fingerprints``), so a rebuild renders only the parts an edit
reaches, and Pagefind indexes only the search shards whose pages changed
(``shards``). Every file is compared with the live site's: when none differs
nothing is written, else a new site is staged and swapped in whole (``output``).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Callable, Sequence

from timeline.cache import Each, compute_all
from timeline.cache.progress import Progress
from timeline.config import Config
from timeline.records import Article, Event
from timeline.render.axis import axis_parts
from timeline.render.changes import attach_updates, changes_parts
from timeline.render.exports import Exports
from timeline.render.feeds import feed_parts, write_last
from timeline.render.filterindex import filter_parts
from timeline.render.fingerprints import digest, maintainer_pages, stamp_views, templates_digest
from timeline.render.focus import find_focus, split
from timeline.render.model import SiteModel, build_model
from timeline.render.output import SitePages, SiteWriter
from timeline.render.pages import event_parts, page_parts
from timeline.render.parts import Part, Rendered, run_parts, write_files
from timeline.render.search import pagefind_version
from timeline.render.shards import SHARDS_FILE, Indexer, plan_shards
from timeline.render.templating import Renderer, make_environment, template_dirs
from timeline.store.changes import ChangeLog

__all__ = ["Rendered", "SitePages", "render_settings", "render_site"]

log = logging.getLogger("timeline")
ASSETS = ("style.css", "filter.js", "search.js", "axis.js")


def render_settings(cfg: Config) -> dict[str, object]:
    """What besides the events and the code decides the site (part of the cache key): the
    configuration it shows, every template file and the Pagefind that indexes it."""
    return {"title": cfg.title, "description": cfg.description, "language": cfg.language,
            "base_url": cfg.base_url, "site_url": cfg.site_url, "build_date": cfg.build.build_date,
            "site": [cfg.site.order, cfg.site.key_events, cfg.site.page_size, cfg.site.feed_size, cfg.site.focus,
                     cfg.site.pair_pages, cfg.site.actor_feeds, cfg.site.home_pages],
            "templates": templates_digest(template_dirs(cfg)), "search": pagefind_version()}


def render_site(events: Sequence[Event], registry: Any, articles: Sequence[Article], cfg: Config,
                *, search: bool = True, each: "Each[Rendered]" = compute_all,
                changes: ChangeLog | None = None, review: frozenset[str] = frozenset()) -> SitePages:
    """Render the whole site into ``cfg.paths.output``; returns its HTML pages written (new or
    changed: none when the live site is the one these events make) and unchanged.

    ``search=False`` skips the Pagefind run (benchmarks and quick tests); ``each``
    runs the rendering of the parts (see ``timeline.cache``): with the build's
    cache, a part whose fingerprint it holds is not rendered again; ``changes`` is
    the store's change log, shown on the changes page and the events it touched;
    ``review`` the ids of events off the collection's subject, listed apart for review.
    """
    model = build_model(events, registry, articles, cfg.build.build_date)
    attach_updates(model.events, changes)
    focus = find_focus([ev.event for ev in model.events], articles, cfg.site.focus)
    places = split(model.events, focus, review)
    stamp_views(model)
    if maintainer_pages(cfg):  # they may show what no part declares: every part is made
        each = compute_all
    scope = digest(render_settings(cfg), model.build_date)
    site = {
        "title": cfg.title, "description": cfg.description, "language": cfg.language,
        "build_date": model.build_date, "page_size": cfg.site.page_size, "base_url": cfg.base_url,
        "site_url": cfg.site_url,
    }
    renderer = Renderer(make_environment(cfg), site)
    writer = SiteWriter(cfg.paths.output, cfg.paths.cache)
    with Progress("render", _expected_pages(model), unit="pages", about=True) as progress:
        pages = event_parts(renderer, model, cfg, places)

        def rest() -> None:
            exports = Exports(writer, cfg, model)
            try:
                made = run_parts(pages, scope, each, writer, progress, cfg.build.jobs)
                for ev, entries in zip(model.events, made, strict=True):
                    exports.add(entries)
                    renderer.entries.add(ev.slug, entries.item, entries.line)
                exports.write()
            finally:
                exports.close()
            # Paginated by the size of the events' entries, known from here on, and made in workers
            # forked now, which share the entries' few blocks (``entrystore``) with this process.
            others = (page_parts(renderer, model, cfg, places, focus)
                      + axis_parts(renderer, places["focus"], cfg.site.key_events, (focus.start, focus.end))
                      + filter_parts(model, cfg.site.order == "newest", places["focus"])
                      + feed_parts(cfg, model) + changes_parts(renderer, cfg, model, changes))
            for _ in run_parts(others, scope, each, writer, progress, cfg.build.jobs, listings=True):
                pass

        # The search records are made from the events alone, so Pagefind runs from the start,
        # beside every page the render writes.
        if search:
            index_search(writer, model, pages, scope, each, cfg, meanwhile=rest)
        else:
            rest()
        progress.update(writer.pages_made)  # each page once, though a page may be made twice
    copy_assets(writer, cfg)
    write_last(writer, cfg, model)
    counted = SitePages(written=writer.pages, unchanged=writer.pages_made - writer.pages)
    if writer.commit():
        log.info("render: %d pages (%d written, %d unchanged); %d of %d files written",
                 counted.written + counted.unchanged, counted.written, counted.unchanged, len(writer.staged),
                 len(writer.files))
    else:
        log.info("render: %d pages (0 written, %d unchanged): site unchanged, nothing written", writer.pages_made,
                 writer.pages_made)
        counted = SitePages(written=0, unchanged=writer.pages_made)
    return counted


def index_search(writer: SiteWriter, model: SiteModel, pages: list[Part], scope: str, each: "Each[Rendered]",
                 cfg: Config, meanwhile: Callable[[], None]) -> None:
    """The Pagefind bundle of every shard of events, indexed where its pages changed, and their
    list; ``meanwhile`` is done while Pagefind runs (or first, when nothing is to be indexed). The
    bundles are written into the site after ``meanwhile``, the event pages among them."""
    shards = plan_shards(model.events, [part.inputs for part in pages], scope)
    indexer = Indexer(writer, cfg.language, cfg.build.jobs, meanwhile)
    bundles = each(shards, lambda shard: shard.inputs, indexer, keep=lambda made: bool(made.files))
    indexer.meanwhile()
    if not bundles or not all(made.files for made in bundles):
        return  # no events, or Pagefind missing or failed (it said why): the pages work without search
    for made in bundles:
        write_files(writer, made.files)
    writer.write(SHARDS_FILE, (json.dumps([shard.name for shard in reversed(shards)]) + "\n").encode("utf-8"))
    log.info("search: %d of %d index shards built, the others kept", indexer.indexed, len(shards))


def copy_assets(writer: SiteWriter, cfg: Config) -> None:
    """The project's CSS and JS, each taken from the maintainer's folder when it has one."""
    for name in ASSETS:
        for folder in template_dirs(cfg):
            source: Path = folder / "assets" / name
            if source.is_file():
                writer.write(f"assets/{name}", source.read_bytes())
                break


def _expected_pages(model: SiteModel) -> int:
    """The progress bar's total: one page per thing a page is made for (a long listing has more)."""
    aliases = sum(len(ev.event.aliases) for ev in model.events)
    return (len(model.events) + aliases + len(model.actors) + len(model.pairs) + len(model.articles)
            + len(model.by_month) + len(model.by_type) + 9)
