"""Extraction: one article in, everything it says out. A pure function of the
article (the map step), so that results can be cached and computed in parallel."""

from __future__ import annotations

import logging
from contextlib import contextmanager, nullcontext
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, Iterable, Iterator

from timeline.records import Article, Extraction

log = logging.getLogger("timeline")

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from timeline.cache.extractions import ExtractionCache
    from timeline.config import Config
    from timeline.extract.ahead import ParseAhead


def extract(article: Article, doc: "Doc", cfg: "Config") -> Extraction:
    """Dates, actors and events of one parsed article."""
    from timeline.extract.actors.mentions import find_mentions
    from timeline.extract.events import find_happenings
    from timeline.extract.temporal import find_timexes

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
    cache = cache or extraction_cache(cfg, clean=clean)
    with nullcontext(ahead) if ahead is not None else parse_ahead(cache, cfg, jobs) as ready:
        yield from Extracting(articles, cfg, cache=cache, jobs=jobs, ahead=ready).finish()


class Extracting:
    """An extraction under way, for the build to do other work while the few
    articles a rebuild parses are parsed in another process (``ahead``, see
    ``parse_ahead``): made, it has the cached extractions decoded and the
    others parsing there; ``finish`` gives them all."""

    def __init__(self, articles: Iterable[Article], cfg: "Config", *, cache: "ExtractionCache",
                 jobs: int | None = None, ahead: "ParseAhead | None" = None) -> None:
        from timeline.extract.ahead import ParseAhead

        self.items = list(articles)
        self.cache = cache
        self._parse = partial(_parse, cfg=cfg, jobs=jobs or cfg.build.jobs)
        # By position throughout: the items of one file (a feed, a JSON Lines export) share its path.
        found = cache.find(self.items)
        self._missing = [i for i, entry in enumerate(found) if entry is None]
        new = [self.items[i] for i in self._missing]
        self._parsed: Iterator[Extraction]
        self.parsing_elsewhere = False  # whether this process is free until ``finish``
        if ahead is not None and ParseAhead.worthwhile(len(new), len(self.items) - len(new), cfg):
            ahead.submit(new)  # parsed there while the cached ones are decoded here
            self._parsed = ahead.results(self._parse)
            self.parsing_elsewhere = True
        else:
            self._parsed = self._parse(new)
        self._results = cache.load(self.items, found)
        self._damaged = [i for i, entry in enumerate(found) if entry is not None and self._results[i] is None]

    def finish(self) -> list[Extraction]:
        """Every article's extraction, in the articles' order."""
        from timeline.cli.progress import Progress

        todo = self._missing + self._damaged
        parsed = chain(self._parsed, self._parse([self.items[i] for i in self._damaged]))
        with Progress("parse", len(todo), unit="articles") as progress:
            for i, extraction in zip(todo, parsed):
                if not extraction.errors:
                    self.cache.put(extraction)
                self._results[i] = extraction
                progress.advance(item=extraction.article.path)
        self.cache.prune_other_environments()
        log.info("extract: %d from cache, %d parsed", len(self.items) - len(todo), len(todo))
        results = [extraction for extraction in self._results if extraction is not None]
        assert len(results) == len(self.items)
        return results


@contextmanager
def parse_ahead(cache: "ExtractionCache", cfg: "Config", jobs: int | None = None) -> Iterator["ParseAhead | None"]:
    """A process that readies the pipeline from now on, for ``extract_all`` to parse a
    rebuild's few changed articles with; killed on leaving the block.

    None on a first or ``--clean`` build (everything is parsed, by the pool) and
    where a second process is not allowed.
    """
    from timeline.extract.ahead import ParseAhead

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
    from timeline.extract.pipeline import load_pipeline
    from timeline.extract.parallel import parse_extract

    yield from parse_extract(articles, load_pipeline(cfg.nlp.pipeline), cfg, extract, jobs=jobs)


def extraction_cache(cfg: "Config", *, clean: bool = False) -> "ExtractionCache":
    """The cache for this configuration; ``clean`` makes every lookup a miss."""
    from timeline.cache.extractions import open_cache

    return open_cache(cfg.paths.cache, cfg.nlp.pipeline, extraction_settings(cfg), enabled=not clean)


def extraction_settings(cfg: "Config") -> dict[str, object]:
    """The part of the configuration that changes what extraction returns (part of the cache key)."""
    return {"event_types": cfg.event_types}
