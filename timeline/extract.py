"""Extraction: one article in, everything it says out. A pure function of the
article (the map step), so that results can be cached and computed in parallel."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, Iterable, Iterator

from .records import Article, Extraction

log = logging.getLogger("timeline")

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .cache import ExtractionCache
    from .config import Config
    from .parse_ahead import ParseAhead


def extract(article: Article, doc: "Doc", cfg: "Config") -> Extraction:
    """Dates, actors and events of one parsed article."""
    from .actors.mentions import find_mentions
    from .events import find_happenings
    from .temporal import find_timexes

    seen = article.published.isoformat() if article.published else None
    timexes = find_timexes(doc, article.published)
    mentions = find_mentions(doc, None, seen=seen)
    happenings = find_happenings(doc, article, timexes, mentions, cfg.event_types)
    return Extraction(article=article, happenings=tuple(happenings), mentions=tuple(mentions),
                      timexes=tuple(timexes))


def extract_all(
    articles: Iterable[Article], cfg: "Config", *, cache: "ExtractionCache | None" = None,
    clean: bool = False, jobs: int | None = None, ahead: "ParseAhead | None" = None,
) -> Iterator[Extraction]:
    """Extract every article: from the cache when its text and the extractor are
    unchanged, otherwise parsed (in parallel) with the configured pipeline.

    ``clean`` ignores the cache (and refills it); ``jobs`` defaults to ``build.jobs``;
    ``ahead`` is a process readying the pipeline since the build started
    (``parse_ahead``), used if the articles to parse are few.
    """
    from .parse_ahead import ParseAhead
    from .progress import Progress

    items = list(articles)
    jobs = jobs or cfg.build.jobs
    cache = cache or extraction_cache(cfg, clean=clean)
    parse = partial(_parse, cfg=cfg, jobs=jobs)
    # By position throughout: the items of one file (a feed, a JSON Lines export) share its path.
    found = cache.find(items)
    missing = [i for i, entry in enumerate(found) if entry is None]
    new = [items[i] for i in missing]
    own = None
    if not ParseAhead.worthwhile(len(new), len(items) - len(new), cfg):
        ahead = None
    elif ahead is None and ParseAhead.allowed(jobs):
        ahead = own = ParseAhead(cfg, extract)  # parses while this process decodes the cached ones
    try:
        results = cache.load(items, found)
        damaged = [i for i, entry in enumerate(found) if entry is not None and results[i] is None]
        todo = missing + damaged
        parsed = chain(ahead.results(new, parse) if ahead else parse(new), parse([items[i] for i in damaged]))
        with Progress("parse", len(todo), unit="articles") as progress:
            for i, extraction in zip(todo, parsed):
                if not extraction.errors:
                    cache.put(extraction)
                results[i] = extraction
                progress.advance(item=extraction.article.path)
    finally:
        if own:
            own.close()
    cache.prune_other_environments()
    log.info("extract: %d from cache, %d parsed", len(items) - len(todo), len(todo))
    for extraction in results:
        assert extraction is not None
        yield extraction


@contextmanager
def parse_ahead(cache: "ExtractionCache", cfg: "Config", jobs: int | None = None) -> Iterator["ParseAhead | None"]:
    """A process that readies the pipeline from now on, for ``extract_all`` to parse a
    rebuild's few changed articles with; killed on leaving the block.

    None on a first or ``--clean`` build (everything is parsed, by the pool) and
    where a second process is not allowed.
    """
    from .parse_ahead import ParseAhead

    ahead = None
    if cache.enabled and cache.folder.is_dir() and ParseAhead.allowed(jobs or cfg.build.jobs):
        ahead = ParseAhead(cfg, extract)
    try:
        yield ahead
    finally:
        if ahead is not None:
            ahead.close()


def _parse(articles: list[Article], *, cfg: "Config", jobs: int) -> Iterator[Extraction]:
    """Parse and extract ``articles`` in this process and its workers (nothing is loaded for none)."""
    if not articles:
        return
    from .nlp import load_pipeline
    from .parallel import parse_extract

    yield from parse_extract(articles, load_pipeline(cfg.nlp.pipeline), cfg, extract, jobs=jobs)


def extraction_cache(cfg: "Config", *, clean: bool = False) -> "ExtractionCache":
    """The cache for this configuration; ``clean`` makes every lookup a miss."""
    from .cache import open_cache

    return open_cache(cfg.paths.cache, cfg.nlp.pipeline, extraction_settings(cfg), enabled=not clean)


def extraction_settings(cfg: "Config") -> dict[str, object]:
    """The part of the configuration that changes what extraction returns (part of the cache key)."""
    return {"event_types": cfg.event_types}
