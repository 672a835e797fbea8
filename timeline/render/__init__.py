"""The site: the only stage that writes HTML.

``render_site`` turns the store's events into ``output/``: pages, feeds, data
exports and the search index, staged in a fresh folder and swapped in whole.

A rebuild does only what changed: when the digest of everything rendering
reads matches the live site's manifest and the site is intact, nothing is
rendered or written; otherwise unchanged files are linked from the live site
(see ``output``), and Pagefind runs only when an event page changed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from .. import __version__
from ..config import Config
from ..progress import Progress
from ..records import Article, Event
from .exports import write_exports
from .feeds import write_feeds
from .filterindex import write_filter_indexes
from .model import SiteModel, build_model, registry_actors
from .output import Manifest, SiteWriter, read_manifest
from .jobs import run_tasks
from .pages import page_tasks
from .search import pagefind_version, run_pagefind
from .templating import Renderer, make_environment, template_dirs

log = logging.getLogger("timeline")
ASSETS = ("style.css", "filter.js", "search.js")
PACKAGE = Path(__file__).resolve().parents[1]
# Article fields no page shows: the body is only ever quoted through the events.
UNSHOWN_ARTICLE_FIELDS = frozenset({"text", "offsets", "body_line"})


def render_site(events: Sequence[Event], registry: Any, articles: Sequence[Article], cfg: Config,
                *, search: bool = True, clean: bool = False) -> int:
    """Render the whole site into ``cfg.paths.output``; returns the number of HTML pages written.

    ``search=False`` skips the Pagefind run (benchmarks and quick tests);
    ``clean`` renders and writes every file even when the live site is current.
    """
    digest = render_digest(events, registry, articles, cfg, search=search)
    previous = None if clean else read_manifest(cfg.paths.output)
    if previous is not None and previous.digest == digest and previous.intact:
        log.info("render: site unchanged, nothing to write")
        return 0
    model = build_model(events, registry, articles, cfg.build.build_date)
    writer = SiteWriter(cfg.paths.output, previous)
    try:
        with Progress("render", _expected_pages(model, previous), unit="pages") as progress:
            parent = os.getpid()
            # Forked workers write pages too; only this process draws the bar.
            writer.on_page = lambda done: progress.update(done) if os.getpid() == parent else None
            _render_pages(writer, model, cfg)
            writer.on_page = None
            progress.update(writer.pages_so_far)
        indexed = _search_index(writer, previous, cfg) if search else None
        log.info("render: %d files, %d of them unchanged and linked from the previous site",
                 len(writer.paths), writer.reused)
        writer.commit(digest, indexed)
    except BaseException:
        writer.abandon()
        raise
    return writer.pages


def _render_pages(writer: SiteWriter, model: SiteModel, cfg: Config) -> None:
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


def copy_assets(writer: SiteWriter, cfg: Config) -> None:
    """The project's CSS and JS, each taken from the maintainer's folder when it has one."""
    for name in ASSETS:
        for folder in template_dirs(cfg):
            source: Path = folder / "assets" / name
            if source.is_file():
                writer.copy_file(f"assets/{name}", source)
                break


def _search_index(writer: SiteWriter, previous: Manifest | None, cfg: Config) -> str | None:
    """Pagefind over the staged event pages, or the live site's index when none of them changed.

    Returns the settings the index was made with (kept in the manifest), None without one.
    """
    settings = f"pagefind {pagefind_version()}, {cfg.language}"
    if (previous is not None and previous.search == settings and writer.same_as_previous("events/")
            and writer.carry_over("pagefind/")):
        log.info("search: no event page changed, index kept")
        return settings
    start = time.perf_counter()
    if not run_pagefind(writer.root, language=cfg.language):
        return None
    log.info("search: index built in %.1fs", time.perf_counter() - start)
    return settings


def _expected_pages(model: SiteModel, previous: Manifest | None) -> int:
    """The progress bar's total: the live site's count, else one page per thing a page is made for."""
    if previous is not None and previous.pages:
        return previous.pages
    aliases = sum(len(ev.event.aliases) for ev in model.events)
    return (len(model.events) + aliases + len(model.actors) + len(model.pairs) + len(model.articles)
            + len(model.by_month) + len(model.by_type) + 8)


def render_digest(events: Sequence[Event], registry: Any, articles: Sequence[Article], cfg: Config,
                  *, search: bool) -> str:
    """Hash of everything the rendered site depends on: equal digests, equal sites."""
    from ..cache import to_jsonable

    def dump(value: Any) -> bytes:
        return json.dumps(to_jsonable(value), sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")

    digest = hashlib.sha256()

    def part(label: str, data: bytes) -> None:
        # Length-prefixed, so that no two different sequences of parts hash alike.
        digest.update(f"{label}:{len(data)}:".encode())
        digest.update(data)

    part("code", _code_digest().encode())
    part("templates", _templates_digest(tuple(template_dirs(cfg))).encode())
    part("config", dump({
        "title": cfg.title, "description": cfg.description, "language": cfg.language, "base_url": cfg.base_url,
        "site_url": cfg.site_url, "site": cfg.site, "build_date": cfg.build.build_date,
        "search": pagefind_version() if search else None,
    }))
    # Sorted: the order events and articles arrive in does not change the site.
    for label, rows in (("events", [dump(ev) for ev in events]),
                        ("articles", [dump({k: v for k, v in to_jsonable(a).items() if k not in UNSHOWN_ARTICLE_FIELDS})
                                      for a in articles])):
        part(label, b"\n".join(sorted(rows)))
    actors = getattr(registry, "actors", None)
    part("registry", dump(list(actors) if isinstance(actors, (tuple, list)) else
                          sorted(registry_actors(registry).values(), key=lambda a: a.name)))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The project's own code and data: any change to how a page is made re-renders the site."""
    digest = hashlib.sha256(__version__.encode())
    for file in sorted(PACKAGE.rglob("*")):
        if file.suffix in (".py", ".yaml", ".json", ".txt") and "__pycache__" not in file.parts and file.is_file():
            digest.update(str(file.relative_to(PACKAGE)).encode() + b"\0")
            digest.update(file.read_bytes())
    return digest.hexdigest()


def _templates_digest(folders: tuple[Path, ...]) -> str:
    """Every file of the template folders, the maintainer's override folder first."""
    digest = hashlib.sha256()
    for rank, folder in enumerate(folders):
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                digest.update(f"{rank}/{file.relative_to(folder).as_posix()}\0".encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()
