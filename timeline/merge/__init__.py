"""Merge: the happenings of every article folded into the store's events.

0. A description a title leaves is written as the name the collection ties it to (``described``).
1. Happenings that report the same happening are clustered (``clusters``), clusters
   that the order of reports left apart are joined (``splits``), an article's lede dated
   by its publication day joins its own later report of the day, and a sentence that names by a
   noun what one before it told ("his testimony came at a hearing") joins it (``ledes``), and a
   later undated report of an earlier happening joins it (``restated``). Verbs that tell one act
   ("raided", "searched") are one verb throughout (``wording``).
2. A plan and its taking place become one event (``plans``); each cluster
   becomes a proposed event, every article a source with the date it gave,
   disagreements kept in ``disputes``, ranked by importance (``proposals``,
   ``importance``).
3. Proposals are matched with the events already in the store, ids kept,
   curation applied and unsupported events removed (``reconcile``).
4. Events that only articles off the collection's subject report, and events one
   article tells in words far from the collection's (``off_story``), are listed for
   review, off the main timeline.

The merge sees the whole collection on every build.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from timeline.merge.clusters import cluster, compatible_dates, day_buckets, in_order
from timeline.merge.described import name_described
from timeline.merge.ledes import dated_ledes, join_ledes, named_again
from timeline.merge.off_story import off_story
from timeline.merge.plans import fold_plans
from timeline.merge.proposals import propose, published_dates, rank
from timeline.merge.reconcile import MergeResult, reconcile
from timeline.merge.restated import join_restated
from timeline.merge.salience import Collection, read_collection
from timeline.merge.splits import join_split
from timeline.merge.stories import Lexicon
from timeline.records import Article, Event, Happening, Taught, Timex

__all__ = ["MergeResult", "merge"]


def merge(store: list[Event], happenings: list[Happening], articles: list[Article],
          topic: str | None = None, timexes: Mapping[str, Sequence[Timex]] | None = None,
          taught: Mapping[str, Taught] | None = None) -> MergeResult:
    """The new store: ``store`` updated with what ``articles`` now report. ``topic``
    (words) says what the collection is about; by default its own vocabulary does.
    ``timexes`` (per article id, its time expressions) tell which days the collection
    refers to; without them, the happenings dated by an expression do. ``taught`` (per
    article id) says who its descriptions are: a title's "the singer" is written as the
    name the collection ties it to."""
    happenings = name_described(happenings, taught or {})
    by_article = {a.id: a for a in articles}
    published = published_dates(by_article)
    collection = read_collection(happenings, articles, published, topic, timexes)
    lexicon = Lexicon(in_order(happenings))
    happenings, ledes = dated_ledes(happenings, lexicon)
    happenings, named = named_again(happenings)
    clusters = join_ledes(join_split(cluster(happenings, lexicon=lexicon), lexicon), ledes + named)
    stories = join_restated(clusters, lexicon)
    folded = fold_plans(stories, day_buckets, compatible_dates)
    proposals = [propose(c, by_article, published) for c in folded]
    rank(proposals, folded, by_article, collection)
    result = reconcile(store, proposals, by_article)
    return replace(result, notes=result.notes + off_topic_notes(collection, by_article),
                   review=off_topic_events(result.events, collection.off_topic) | off_story(result.events, articles))


def off_topic_events(events: tuple[Event, ...], articles: frozenset[str]) -> frozenset[str]:
    """The ids of events that only articles off the collection's subject report: the site
    keeps them off the main timeline and out of the key events, on a page for review."""
    if not articles:
        return frozenset()
    return frozenset(e.id for e in events if e.sources and all(s.article in articles for s in e.sources))


def off_topic_notes(collection: Collection, articles: dict[str, Article]) -> tuple[str, ...]:
    """One line per article off the collection's subject, for review: its events stay
    in the store and rank last."""
    return tuple(f"off the collection's subject, its events kept off the timeline (review page): {aid} "
                 f"({articles[aid].title})"
                 for aid in sorted(collection.off_topic))
