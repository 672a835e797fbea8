"""Extraction: one article in, everything it says out. A pure function of the
article (the map step), so that results can be cached and computed in parallel."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from .records import Article, Extraction

if TYPE_CHECKING:
    from spacy.tokens import Doc

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


def extract_all(articles: Iterable[Article], cfg: "Config") -> Iterator[Extraction]:
    """Parse articles in batches with the configured pipeline and extract each."""
    from .nlp import load_pipeline

    nlp = load_pipeline(cfg.nlp.pipeline)
    items = list(articles)
    docs = nlp.pipe((a.text for a in items), batch_size=cfg.nlp.batch_size)
    for article, doc in zip(items, docs):
        yield extract(article, doc, cfg)
