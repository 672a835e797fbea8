"""Merge: the happenings of every article folded into the store's events.

1. Happenings that report the same happening are clustered: same kind of
   predicate, dates compatible within their precision (a day apart is allowed
   and recorded as a dispute), at least one actor in common, and titles alike
   (rapidfuzz). Only happenings that share a date bucket and an actor are ever
   compared, so the work grows with the number of happenings, not its square.
2. Each cluster becomes a proposed event: every article as a source with the
   date it gave, disagreements kept in ``disputes``.
3. and 4. Proposals are matched with the events already in the store, ids
   kept, curation applied and unsupported events removed: ``timeline.merge.reconcile``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from rapidfuzz import fuzz

from timeline.merge.plans import fold_plans, plan_disputes
from timeline.merge.importance import scores
from timeline.records import Article, Event, Happening, Source
from timeline.store.nogc import paused_gc
from timeline.extract.temporal.values import bounds, precision_of, sort_key

if TYPE_CHECKING:
    from timeline.merge.reconcile import ReconcileTrace

SIMILAR_TITLES = 55  # rapidfuzz token_sort_ratio above which two titles tell the same happening
MAX_CANDIDATES = 40  # clusters compared per blocking key: bounds the work on a crowded day
FINE = ("time", "day")


@dataclass(frozen=True)
class MergeResult:
    events: tuple[Event, ...]
    new: int = 0
    changed: int = 0
    merged: int = 0
    removed: int = 0
    notes: tuple[str, ...] = ()


def merge(store: list[Event], happenings: list[Happening], articles: list[Article], *,
          cache: Path | None = None, tokens: Mapping[str, str] | None = None, resolution: str | None = None,
          clean: bool = False) -> MergeResult:
    """The new store: ``store`` updated with what ``articles`` now report.

    With ``cache`` (the build's cache folder) the merge remembers what it
    decided, and the next one decides again only what its changes can reach
    (``timeline.merge.remerge``); the result is the same either way. ``tokens``
    (article id → a key that decides what extraction gave for it, see
    ``remerge.extraction_tokens``) spares it hashing every happening to tell
    which articles changed; ``resolution`` (a key of everything besides an
    article's extraction that decides its happenings' actors: the registry as
    resolving read it, resolving's code) spares it reading their actors when
    it is as last time. ``clean`` merges everything and remembers it anew."""
    if cache is not None:
        return remerge.merge_again(store, happenings, articles, cache, tokens, resolution=resolution,
                                   clean=clean)
    return merge_all(store, happenings, articles)


@dataclass
class MergeTrace:
    """What a whole merge decided, step by step, for ``timeline.merge.remerge`` to remember."""

    clusters: ClusterTrace
    reconcile: ReconcileTrace
    before_fold: list[list[Happening]] = field(default_factory=list)
    after_fold: list[list[Happening]] = field(default_factory=list)
    proposals: list[Event] = field(default_factory=list)


def merge_all(store: list[Event], happenings: list[Happening], articles: list[Article],
              trace: MergeTrace | None = None) -> MergeResult:
    """``merge`` of everything, with nothing remembered; ``trace`` receives what it decided."""
    # Imported here: reconcile.py reads this module's date helpers, so it loads after it.
    from timeline.merge.reconcile import reconcile

    with paused_gc():
        by_article = {a.id: a for a in articles}
        published = _published(by_article)
        clusters = cluster(happenings, trace.clusters if trace is not None else None)
        folded = fold_plans(clusters, _day_buckets, compatible_dates)
        proposals = [_propose(c, by_article, published) for c in folded]
        _rank(proposals, folded, by_article)
        if trace is not None:
            trace.before_fold, trace.after_fold, trace.proposals = clusters, folded, proposals
        return reconcile(store, proposals, by_article, trace.reconcile if trace is not None else None)


def evolve(event: Event, **changes: object) -> Event:
    """``dataclasses.replace`` for events, at a fifth of the cost: a copy of the
    record's fields with some changed, the way ``copy.copy`` makes one. It
    skips ``__init__``, which for ``Event`` only assigns fields; should the
    record ever validate in ``__post_init__``, the real ``replace`` is used."""
    if _EVENT_HAS_POST_INIT:
        return replace(event, **changes)
    unknown = changes.keys() - event.__dict__.keys()
    if unknown:
        raise TypeError(f"Event has no field {sorted(unknown)[0]!r}")
    copy = object.__new__(Event)
    copy.__dict__.update(event.__dict__)
    copy.__dict__.update(changes)
    return copy


_EVENT_HAS_POST_INIT = hasattr(Event, "__post_init__")


# --- 1. clustering -------------------------------------------------------------------------
# Dates are few and repeat across thousands of happenings, so what a date means
# (precision, span, buckets, compatibility) is worked out once per distinct value.


@lru_cache(maxsize=1 << 16)
def _precision(date: str) -> str:
    return precision_of(date)


@lru_cache(maxsize=1 << 16)
def date_order(date: str) -> tuple[int, int, int, int, str]:
    return sort_key(date)


@lru_cache(maxsize=1 << 16)
def _day_buckets(date: str) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """Keys a happening is filed under, and keys it looks in (a day either side)."""
    if _precision(date) in FINE:
        span = bounds(date)
        if span is not None:
            day = span[0].toordinal()
            return (day,), (day - 1, day, day + 1)
    return (date,), (date,)


@lru_cache(maxsize=1 << 18)
def compatible_dates(a: str, b: str) -> bool:
    if a == b:
        return True
    sa, sb = bounds(a), bounds(b)
    if sa is None or sb is None:
        return False
    fine = _precision(a) in FINE and _precision(b) in FINE
    slack = 1 if fine else 0  # a day apart: same happening, dates disputed
    return sa[0].toordinal() - slack <= sb[1].toordinal() and sb[0].toordinal() - slack <= sa[1].toordinal()


# What ``_same`` reads of a happening, computed once: article, type, the names
# of its non-place actors, date, lower-cased title (rapidfuzz then needs no processor).
_Probe = tuple[str, str, frozenset[str], str, str]


def _probe(h: Happening) -> _Probe:
    return (h.article_id, h.type, frozenset(x.name for x in h.actors if x.kind != "place"), h.date,
            h.title.lower())


def _same(a: _Probe, b: _Probe) -> bool:
    """Whether two articles' happenings are one. Within an article extraction has
    already told happenings apart, so two of its sentences never merge here.
    The cheap tests come first; rapidfuzz runs only on what passes them."""
    if a[0] == b[0] or a[1] != b[1]:
        return False
    shared = a[2] & b[2]
    if a[2] and not shared:
        return False
    if not compatible_dates(a[3], b[3]):
        return False
    # Two named parties in common (the presidents of a call) need less wording in common.
    needed = SIMILAR_TITLES - 20 if len(shared) >= 2 else SIMILAR_TITLES
    return fuzz.token_sort_ratio(a[4], b[4], processor=None, score_cutoff=needed) >= needed


Key = tuple[object, str]  # a blocking key: a date bucket and an actor's name


def blocking(h: Happening) -> tuple[tuple[object, ...], tuple[object, ...], list[str]]:
    """The buckets a happening is filed under, those it looks in, and the names
    that go with each bucket to make its blocking keys."""
    files, looks = _day_buckets(h.date)
    return files, looks, [a.name for a in h.actors] or [f"type:{h.type}"]


def first_same(candidates: Iterable[int], heads: Mapping[int, _Probe], probe: _Probe) -> int | None:
    """The oldest of the ``candidates`` clusters whose first happening is ``probe``'s."""
    for cid in sorted(candidates):
        if _same(heads[cid], probe):
            return cid
    return None


def in_order(happenings: Iterable[Happening]) -> list[Happening]:
    """Happenings in the order clustering takes them: by article, sentence and
    title, one of each (an article read twice gives its happenings twice)."""
    unique = {(h.article_id, h.sentence_index, h.title): h for h in happenings}
    return [unique[key] for key in sorted(unique)]


@dataclass
class ClusterTrace:
    """What ``cluster`` decided, position by position in ``in_order``'s order, so
    that a later merge can tell which decisions an edit may change."""

    heads: list[int] = field(default_factory=list)  # per position, the position of its cluster's first
    filers: dict[Key, list[int]] = field(default_factory=dict)  # per key, the positions filed under it


def cluster(happenings: Iterable[Happening], trace: ClusterTrace | None = None) -> list[list[Happening]]:
    """Groups of happenings that report the same happening, in a stable order.

    A happening joins the oldest cluster it matches among those filed under
    its date (a day either side) and one of its actors, at most
    ``MAX_CANDIDATES`` per key; the match is tested against each cluster's
    first happening only. Clusters are tried oldest first, so the first match
    is the one taken and the rest of the block is not compared.
    """
    clusters: list[list[Happening]] = []
    heads: list[_Probe] = []
    firsts: list[int] = []  # position of each cluster's first happening
    index: dict[Key, list[int]] = {}
    for pos, h in enumerate(in_order(happenings)):
        files, looks, names = blocking(h)
        probe = _probe(h)
        candidates: set[int] = set()
        for bucket in looks:
            for name in names:
                block = index.get((bucket, name))
                if block:
                    candidates.update(block[-MAX_CANDIDATES:])
        best = first_same(candidates, heads, probe)
        if best is None:
            best = len(clusters)
            clusters.append([h])
            heads.append(probe)
            firsts.append(pos)
        else:
            clusters[best].append(h)
        for bucket in files:
            for name in names:
                keys = index.get((bucket, name))
                if keys is None:
                    index[(bucket, name)] = [best]
                elif keys[-1] != best:
                    keys.append(best)
        if trace is not None:
            trace.heads.append(firsts[best])
            for bucket in files:
                for name in names:
                    filed = trace.filers.setdefault((bucket, name), [])
                    if not filed or filed[-1] != pos:  # a name twice files once
                        filed.append(pos)
    return clusters


# --- 2. proposals --------------------------------------------------------------------------


def _published(articles: dict[str, Article]) -> dict[str, str | None]:
    """Publication dates as ISO text, formatted once per article rather than per happening."""
    return {aid: a.published.isoformat() if a.published else None for aid, a in articles.items()}


def _propose(group: list[Happening], articles: dict[str, Article], published: dict[str, str | None]) -> Event:
    # A plan and its taking place (events/plans.py): the report of the happening leads and dates it.
    took, plan_notes = plan_disputes(group, published) if len(group) > 1 else (None, [])
    lead = min(group, key=lambda h: (took is not None and h.status != "occurred", h.sentence_index > 1,
                                     published.get(h.article_id) or "9999", h.article_id, h.sentence_index))
    # ``cluster`` keeps each group in (article, sentence) order, so the first seen per article is its first.
    first_per_article: dict[str, Happening] = {}
    for h in group:
        first_per_article.setdefault(h.article_id, h)
    sources = tuple(sorted((_source(h, articles.get(h.article_id), published) for h in first_per_article.values()),
                           key=lambda s: (s.published or "9999", s.article)))
    # Plain dicts rather than Counter: Counter's constructor costs more than the counting
    # here, and this runs once per event. Insertion order is the same as Counter's.
    # When a plan took place, the dates counted are the reports of its taking place: per
    # article the first such report, which need not be the article's first mention.
    dating = first_per_article
    if took is not None:
        dating = {}
        for h in group:
            if h.status == "occurred":
                dating.setdefault(h.article_id, h)
    dates: dict[str, int] = {}
    for h in dating.values():
        dates[h.date] = dates.get(h.date, 0) + 1
    if len(dates) == 1:  # the usual case needs no ranking
        date = next(iter(dates))
    else:
        date = max(dates, key=lambda d: (dates[d], -_rank_of(d), d == lead.date))
    disputes = list(plan_notes)
    if len(dates) > 1:
        told = "; ".join(f"{d} ({', '.join(sorted(a for a, h in dating.items() if h.date == d))})"
                         for d in sorted(dates, key=date_order))
        disputes.append(f"sources give different dates: {told}")
    figures = {a: h.numbers for a, h in first_per_article.items() if h.numbers}
    if len(set(figures.values())) > 1:
        told = "; ".join(f"{', '.join(n)} ({a})" for a, n in sorted(figures.items()))
        disputes.append(f"sources give different figures: {told}")
    # Per actor: how often it is named, the last position it was named at (breaks
    # ties) and the record. Keyed by (name, kind), which is what makes two
    # ActorRefs equal, because hashing that tuple costs no Python call.
    seen: dict[tuple[str, str], list[Any]] = {}
    i = 0
    for h in group:
        for a in h.actors:
            tally = seen.get((a.name, a.kind))
            if tally is None:
                seen[(a.name, a.kind)] = [1, i, a]
            else:
                tally[0] += 1
                tally[1] = i
            i += 1
    ranked = sorted(seen.values(), key=lambda t: (-t[0], t[1]))
    if len(first_per_article) >= 3:
        ranked = _agreed(ranked, group, len(first_per_article))
    status = "occurred" if any(h.status == "occurred" for h in group) else "scheduled"
    precision = _precision(date)
    return Event(
        id="", date=date, precision=precision if precision != "time" else "day", status=status,
        title=lead.title, summary=lead.summary, type=lead.type,
        actors=tuple(t[2] for t in ranked), sources=sources,
        evidence=lead.evidence, aliases=(), disputes=tuple(disputes),
        place=next((h.place for h in group if h.place), None), type_rule=lead.type_rule, predicate=lead.predicate,
    )


def _agreed(ranked: list[list[Any]], group: list[Happening], articles: int) -> list[list[Any]]:
    """The actors at least half the sources name. "Putin talked with Macron and then
    with Biden" is one source's sentence about two calls; the two sources that
    tell only the Biden call keep Macron off it. With one or two sources every
    actor stays, since there is no majority to go by."""
    named: dict[str, set[str]] = {}
    for h in group:
        for a in h.actors:
            named.setdefault(a.name, set()).add(h.article_id)
    kept = [t for t in ranked if 2 * len(named.get(t[2].name, ())) >= articles]
    return kept or ranked


def _rank_of(date: str) -> int:
    from timeline.extract.temporal.values import PRECISION_RANK

    return PRECISION_RANK.get(_precision(date), 99)


def _source(h: Happening, article: Article | None, published: dict[str, str | None]) -> Source:
    if article is None:
        return Source(article=h.article_id, title=h.article_id, quote=h.sentence, reported_date=h.date)
    return Source(article=article.id, title=article.title, published=published.get(article.id),
                  url=article.url, outlet=article.outlet, quote=h.sentence, reported_date=h.date)


def _rank(proposals: list[Event], clusters: list[list[Happening]], articles: dict[str, Article]) -> None:
    for i, score in enumerate(scores(proposals, clusters, articles)):
        proposals[i] = evolve(proposals[i], importance=score)


# Loaded with this module rather than by the first merge, so that a build's merge stage
# only merges. Last, because it reads this module's names (and reconcile.py's, which reads
# them too: ``remerge`` holds that module, not its names, which may not be defined yet).
from timeline.merge import remerge  # noqa: E402
