"""Extraction: one article in, everything it says out. A pure function of the
article (the map step), so that results can be cached and computed in parallel."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Iterable, Iterator

from .records import Article, Extraction

log = logging.getLogger("timeline")

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .cache import ExtractionCache
    from .config import Config


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
    clean: bool = False, jobs: int | None = None,
) -> Iterator[Extraction]:
    """Extract every article: from the cache when its text and the extractor are
    unchanged, otherwise parsed (in parallel) with the configured pipeline.

    ``clean`` ignores the cache (and refills it); ``jobs`` defaults to ``build.jobs``.
    """
    from .parallel import parse_extract
    from .progress import Progress

    items = list(articles)
    cache = cache or extraction_cache(cfg, clean=clean)
    cached = {a.path: cache.get(a) for a in items}
    todo = [a for a in items if cached[a.path] is None]
    fresh: dict[str, Extraction] = {}
    if todo:
        from .nlp import load_pipeline

        nlp = load_pipeline(cfg.nlp.pipeline)
        with Progress("parse", len(todo), unit="articles") as progress:
            for extraction in parse_extract(todo, nlp, cfg, extract, jobs=jobs or cfg.build.jobs):
                if not extraction.errors:
                    cache.put(extraction)
                fresh[extraction.article.path] = extraction
                progress.advance(item=extraction.article.path)
    cache.prune_other_environments()
    log.info("extract: %d from cache, %d parsed", len(items) - len(todo), len(todo))
    for article in items:
        yield cached[article.path] or fresh[article.path]


def extraction_cache(cfg: "Config", *, clean: bool = False) -> "ExtractionCache":
    """The cache for this configuration; ``clean`` makes every lookup a miss."""
    from .cache import open_cache

    return open_cache(cfg.paths.cache, cfg.nlp.pipeline, extraction_settings(cfg), enabled=not clean)


def extraction_settings(cfg: "Config") -> dict[str, object]:
    """The part of the configuration that changes what extraction returns (part of the cache key)."""
    return {"event_types": cfg.event_types}
