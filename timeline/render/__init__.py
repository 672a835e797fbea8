"""The site: the only stage that writes HTML.

``render_site`` turns the store's events into ``output/``: pages, feeds, data
exports and the search index, staged in a fresh folder and swapped in whole.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from ..config import Config
from ..records import Article, Event
from .exports import write_exports
from .feeds import write_feeds
from .filterindex import write_filter_indexes
from .model import build_model
from .output import SiteWriter
from .jobs import run_tasks
from .pages import page_tasks
from .search import run_pagefind
from .templating import Renderer, make_environment, template_dirs

ASSETS = ("style.css", "filter.js", "search.js")


def render_site(events: Sequence[Event], registry: Any, articles: Sequence[Article], cfg: Config,
                *, search: bool = True) -> int:
    """Render the whole site into ``cfg.paths.output``; returns the number of HTML pages written.

    ``search=False`` skips the Pagefind run (benchmarks and quick tests).
    """
    model = build_model(events, registry, articles, cfg.build.build_date)
    writer = SiteWriter(cfg.paths.output)
    try:
        site = {
            "title": cfg.title, "description": cfg.description, "language": cfg.language,
            "build_date": model.build_date, "page_size": cfg.site.page_size, "base_url": cfg.base_url,
            "site_url": cfg.site_url, "event_count": len(model.events),
        }
        renderer = Renderer(make_environment(cfg), writer, site)
        copy_assets(writer, cfg)
        tasks = page_tasks(renderer, model, cfg)
        tasks.insert(1, lambda: write_exports(writer, cfg, model))
        tasks.insert(2, lambda: write_filter_indexes(writer, model, newest_first=cfg.site.order == "newest"))
        run_tasks(tasks, writer, cfg.build.jobs)
        # Last, in this process: the sitemap lists every page the workers wrote.
        write_feeds(writer, cfg, model)
        if search:
            run_pagefind(writer.root, language=cfg.language)
        writer.commit()
    except BaseException:
        writer.abandon()
        raise
    return writer.pages


def copy_assets(writer: SiteWriter, cfg: Config) -> None:
    """The project's CSS and JS, each taken from the maintainer's folder when it has one."""
    for name in ASSETS:
        for folder in template_dirs(cfg):
            source: Path = folder / "assets" / name
            if source.is_file():
                writer.copy_file(f"assets/{name}", source)
                break
