"""The site: the only stage that writes HTML.

``render_site`` turns the store's events into ``output/``: pages, feeds, data
exports and the search index, staged in a fresh folder and swapped in whole.

A rebuild does only what changed (see ``depends``): when the digest of
everything rendering reads matches the live site's manifest and the site is
intact, nothing is rendered or written; otherwise a listing or a run of event
pages whose inputs as a whole are unchanged is linked from the live site
without a look at each page, a page whose declared inputs are unchanged is
linked too, every other file is rendered and still linked when its bytes come
out the same (see ``output``), and Pagefind indexes only the shards whose
events changed (see ``shards``). A small edit of a small site renders in this
process alone: forking a worker would cost more than it saves (see ``jobs``).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from timeline.cache.progress import Progress
from timeline.config import Config
from timeline.records import Article, Event
from timeline.render.depends import page_scope, record_digest, shared_inputs, site_digest, stamp_views
from timeline.render.exports import export_rows, export_tasks
from timeline.render.feeds import write_actor_feeds, write_feeds
from timeline.render.filterindex import write_filter_indexes
from timeline.render.jobs import processes, run_tasks
from timeline.render.manifest import Manifest, read_manifest
from timeline.render.model import SiteModel, build_model
from timeline.render.output import SiteWriter
from timeline.render.pages import event_pages, page_tasks
from timeline.render.shards import SearchIndex, search_settings
from timeline.render.spare import SpareFolder
from timeline.render.templating import Renderer, make_environment, template_dirs

log = logging.getLogger("timeline")
ASSETS = ("style.css", "filter.js", "search.js")


@dataclass(frozen=True)
class LiveSite:
    """What rendering reads besides the events: the digest of the code, templates and
    settings every page shows, and the live site's manifest (None: render everything)."""

    shared: str
    previous: Manifest | None


def read_live_site(cfg: Config, *, clean: bool = False) -> LiveSite:
    """``LiveSite`` as it is now; the build reads it ahead, while it waits for a parse.

    ``clean`` leaves the manifest unread, so that every file is rendered and written.
    """
    return LiveSite(shared_inputs(cfg, template_dirs(cfg)), None if clean else read_manifest(cfg.paths.output))


def render_site(events: Sequence[Event], registry: Any, articles: Sequence[Article], cfg: Config,
                *, search: bool = True, clean: bool = False, live: LiveSite | None = None) -> int:
    """Render the whole site into ``cfg.paths.output``; returns the number of HTML pages written.

    ``search=False`` skips the Pagefind run (benchmarks and quick tests);
    ``clean`` renders and writes every file even when the live site is current;
    ``live``: ``read_live_site`` read ahead with the same ``clean`` (read now when None).
    """
    live = live or read_live_site(cfg, clean=clean)
    shared, previous = live.shared, live.previous
    records = [record_digest(event) for event in events]
    digest = site_digest(shared, records, registry, articles, cfg,
                         search=search_settings(cfg.language) if search else None)
    if previous is not None and previous.digest == digest and previous.intact:
        log.info("render: site unchanged, nothing to write")
        return 0
    spare = SpareFolder(cfg.paths.output, previous)  # made ready while the model is built
    model = build_model(events, registry, articles, cfg.build.build_date)
    stamp_views(model, {id(event): record for event, record in zip(events, records)})
    return _render(model, previous, spare, shared, digest, cfg, search)


def _render(model: SiteModel, previous: Manifest | None, spare: SpareFolder, shared: str, digest: str, cfg: Config,
            search: bool) -> int:
    writer = SiteWriter(cfg.paths.output, previous, page_scope(shared, cfg, model), spare)
    index = SearchIndex(writer, model.events, previous, shared, cfg.language, cfg.build.jobs) if search else None
    try:
        with Progress("render", _expected_pages(model, previous), unit="pages") as progress:
            parent = os.getpid()
            # Forked workers write pages too; only this process draws the bar.
            writer.on_page = lambda done: progress.update(done) if os.getpid() == parent else None
            _render_pages(writer, model, cfg, index)
            writer.on_page = None
            progress.update(writer.pages_so_far)
        settings, shards = index.finish() if index is not None else (None, [])
        log.info("render: %d files, %d of them unchanged and linked from the previous site",
                 len(writer.files), writer.reused)
        writer.commit(digest, settings, shards)
    except BaseException:
        if index is not None:
            index.abandon()
        writer.abandon()
        raise
    return writer.pages


def _render_pages(writer: SiteWriter, model: SiteModel, cfg: Config, index: SearchIndex | None) -> None:
    site = {
        "title": cfg.title, "description": cfg.description, "language": cfg.language,
        "build_date": model.build_date, "page_size": cfg.site.page_size, "base_url": cfg.base_url,
        "site_url": cfg.site_url,
    }
    renderer = Renderer(make_environment(cfg), writer, site)
    copy_assets(writer, cfg)
    staged = index.early_events() if index is not None else []
    if index is not None and staged:
        # The pages of new search shards first: Pagefind indexes them while the rest renders.
        event_pages(renderer, model, cfg, staged)
        index.start()
    writer.rows = export_rows(model)
    tasks = page_tasks(renderer, model, cfg, set(staged))
    tasks[1:1] = export_tasks(writer, cfg, model) + [
        lambda: write_filter_indexes(writer, model, newest_first=cfg.site.order == "newest"),
        lambda: write_actor_feeds(writer, cfg, model)]
    run_tasks(tasks, writer, processes(cfg.build.jobs, writer, _changed_events(writer)))
    # Last, in this process: the sitemap lists every page the workers wrote.
    write_feeds(writer, cfg, model)


def _changed_events(writer: SiteWriter) -> int | None:
    """Events new, gone or changed since the live site, by their digests; None without a live site to go by."""
    if writer.previous is None:
        return None
    return len(set(writer.rows_before("events")).symmetric_difference(writer.rows["events"]))


def copy_assets(writer: SiteWriter, cfg: Config) -> None:
    """The project's CSS and JS, each taken from the maintainer's folder when it has one."""
    for name in ASSETS:
        for folder in template_dirs(cfg):
            source: Path = folder / "assets" / name
            if source.is_file():
                writer.copy_file(f"assets/{name}", source)
                break


def _expected_pages(model: SiteModel, previous: Manifest | None) -> int:
    """The progress bar's total: the live site's count, else one page per thing a page is made for."""
    if previous is not None and previous.pages:
        return previous.pages
    aliases = sum(len(ev.event.aliases) for ev in model.events)
    return (len(model.events) + aliases + len(model.actors) + len(model.pairs) + len(model.articles)
            + len(model.by_month) + len(model.by_type) + 8)
