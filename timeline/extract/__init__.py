"""Extraction: one article in, everything it says out. A pure function of the
article (the map step), so that results can be cached and computed in parallel.

The parts: ``pipeline`` (spaCy and the project's components), ``temporal/``
(time expressions), ``actors/`` (who: gazetteer, names, roles), ``events/``
(what happened: predicates, types, titles), ``parallel`` (several cores).
"""

from __future__ import annotations

import hashlib
import logging
from typing import TYPE_CHECKING, Iterator, Sequence

import msgspec

from timeline.cache import Each, compute_all
from timeline.errors import ConfigError
from timeline.records import Article, Extraction

log = logging.getLogger("timeline")

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from timeline.config import Config


def extract(article: Article, doc: "Doc", cfg: "Config") -> Extraction:
    """Dates, actors and events of one parsed article."""
    from timeline.extract.actors.mentions import find_mentions
    from timeline.extract.events import find_happenings
    from timeline.extract.events.description_pairs import article_pairs
    from timeline.extract.events.tokens import parse_of
    from timeline.extract.temporal import find_timexes

    seen = article.published.isoformat() if article.published else None
    timexes = find_timexes(doc, article.published)
    mentions = find_mentions(doc, None, seen=seen)
    ties = article_pairs(parse_of(doc), mentions)  # before the events, which let the parse go
    happenings = find_happenings(doc, article, timexes, mentions, cfg.event_types)
    return Extraction(article=article, happenings=tuple(happenings), mentions=tuple(mentions),
                      timexes=tuple(timexes), ties=ties)


def extract_articles(articles: Sequence[Article], cfg: "Config", *, jobs: int | None = None,
                     each: "Each[Extraction]" = compute_all) -> list[Extraction]:
    """Every article's extraction, in the articles' order, parsed with the configured
    pipeline on ``jobs`` processes (default ``build.jobs``), or on the Dask cluster
    ``build.cluster`` when one is configured. ``each`` runs the step
    (see ``timeline.cache``): with the build's cache, only articles never extracted
    by this code, pipeline and settings are parsed. A failed extraction is not kept."""

    def parse(todo: list[Article]) -> Iterator[Extraction]:
        from timeline.cache.progress import Progress

        with Progress("parse", len(todo), unit="articles") as progress:
            if cfg.build.cluster and todo:
                # Counted as the cluster's batches complete, whatever their order.
                from timeline.extract.cluster import cluster_extract

                yield from cluster_extract(todo, cfg, extract, done=progress.advance)
                return
            for extraction in _parse(todo, cfg, jobs or cfg.build.jobs):
                progress.advance(item=extraction.article.path)
                yield extraction

    return each(articles, article_fingerprint, parse, keep=lambda e: not e.errors)


def article_fingerprint(article: Article) -> str:
    """Digest of every field of the article: its extraction depends on nothing else of it."""
    return hashlib.sha256(msgspec.msgpack.encode(article)).hexdigest()


def extraction_settings(cfg: "Config") -> dict[str, object]:
    """What besides an article and the code decides its extraction: the event types and the pipeline."""
    from timeline.cache.keys import library_version

    return {"event_types": cfg.event_types, "pipeline": cfg.nlp.pipeline,
            "pipeline_version": library_version(cfg.nlp.pipeline)}


def ready_pipeline(cfg: "Config") -> bool:
    """Load the pipeline and build the extraction's tables in this process, for a process
    that builds again and again (``serve``): every later parse, and the workers it
    forks, start with them. False when the pipeline cannot be loaded; the build says why."""
    from timeline.extract.parallel import warm_up
    from timeline.extract.pipeline import load_pipeline

    try:
        nlp = load_pipeline(cfg.nlp.pipeline)
    except ConfigError:
        return False
    warm_up(nlp, cfg, extract)
    return True


def _parse(articles: list[Article], cfg: "Config", jobs: int) -> Iterator[Extraction]:
    """Parse and extract ``articles`` in this process and its workers (nothing is loaded for none)."""
    if not articles:
        return
    from timeline.extract.parallel import parse_extract
    from timeline.extract.pipeline import load_pipeline

    yield from parse_extract(articles, load_pipeline(cfg.nlp.pipeline), cfg, extract, jobs=jobs)
