"""Proposals: each cluster of happenings as an event, with every article as a source."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from timeline.merge.clusters import FINE, date_order, first_day, last_day, precision_cached
from timeline.merge.importance import scores
from timeline.merge.leads import lead_report
from timeline.merge.plans import plan_disputes
from timeline.merge.restated import restatable
from timeline.merge.salience import Collection
from timeline.merge.stories import undated
from timeline.records import Article, Event, Happening, Source


def evolve(event: Event, **changes: Any) -> Event:
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




LEDE = "lead-event-day"  # the evidence rule of a report dated by its article's lede, by no words of its own


def published_dates(articles: dict[str, Article]) -> dict[str, str | None]:
    """Publication dates as ISO text, formatted once per article rather than per happening."""
    return {aid: a.published.isoformat() if a.published else None for aid, a in articles.items()}


def propose(group: list[Happening], articles: dict[str, Article], published: dict[str, str | None]) -> Event:
    # A plan and its taking place (events/plans.py): the report of the happening leads and dates it.
    took, plan_notes = plan_disputes(group, published) if len(group) > 1 else (None, [])
    later = later_reports(group)
    lead = lead_report(group, later, took is not None, published)
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
    # Reports that name the day outweigh those dated only by their article's day (a
    # later report that names no date): the day it happened is what the dated ones say,
    # unless they are dated only by their lede and the undated one came out before that day
    # (an article of the 15th that tells a statement was made is not outweighed by a later
    # one's lede, "yesterday", the 16th). A later report dated so (``later_reports``) is a
    # source, not a date.
    reports = [h for h in dating.values() if id(h) not in later] or list(dating.values())
    if len(reports) > 1 and any(not undated(h) for h in reports) and any(undated(h) for h in reports):
        dated = [h for h in reports if not undated(h)]
        named = min((d for h in dated for d in (first_day(h.date),) if d is not None), default=None)
        by_lede = all(h.evidence.rule == LEDE for h in dated)
        counted = [h for h in reports if not undated(h) or (by_lede and _starts(h.date, named) < 0)]
    else:
        counted = reports
    dates: dict[str, int] = {}
    for h in counted:
        dates[h.date] = dates.get(h.date, 0) + 1
    if len(dates) > 1:
        dates = finest(dates)
    if len(dates) == 1:  # the usual case needs no ranking
        date = next(iter(dates))
    else:
        # two dates told as often: not one after a report that tells it came out (an article
        # of the 15th cannot tell what happened on the 16th), then the lead's
        out = min((day for h in counted if h.status == "occurred"
                   for day in (_ordinal(published.get(h.article_id)),) if day is not None), default=None)
        date = max(dates, key=lambda d: (dates[d], -_rank_of(d), _starts(d, out) <= 0, d == lead.date))
    # The title is a report's that gives the event's date, when one does: "Zuma received 60%
    # of the nominations", told on the 15th, is no title for the closed session of the 17th.
    if lead.date != date:
        lead = lead_report(group, later, took is not None, published, date)
    # The date's evidence is a report that gives that date: the lead may be a later
    # report dated only by its own day, and its evidence would then explain another date.
    dated_by = lead if lead.date == date else next((h for h in counted if h.date == date), lead)
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
    precision = precision_cached(date)
    return Event(
        id="", date=date, precision=precision if precision != "time" else "day", status=status,
        title=lead.title, summary=lead.summary, type=lead.type,
        actors=tuple(t[2] for t in ranked), sources=sources,
        evidence=dated_by.evidence, aliases=(), disputes=tuple(disputes),
        place=next((h.place for h in group if h.place), None), type_rule=lead.type_rule, predicate=lead.predicate,
    )


def _ordinal(day: str | None) -> int | None:
    return first_day(day[:10]) if day else None


def _starts(date: str, day: int | None) -> int:
    """-1, 0 or 1 as ``date`` starts before, on or after ``day`` (an ordinal); 0 when either
    names no day."""
    start = first_day(date)
    if start is None or day is None:
        return 0
    return (start > day) - (start < day)


def finest(dates: dict[str, int]) -> dict[str, int]:
    """The dates of reports without those that only hold another: "in June" and "on 25 June"
    tell one day, the finer; a month holding no other date stays, as two days stay disputed."""
    spans: dict[str, tuple[int, int, int]] = {}
    for d in dates:
        start, end = first_day(d), last_day(d)
        if start is not None and end is not None:
            spans[d] = (start, end, _rank_of(d))
    kept = {d: n for d, n in dates.items()
            if d not in spans or not any(o != d and s[2] > t[2] and s[0] <= t[0] and t[1] <= s[1]
                                         for o, t in spans.items() for s in (spans[d],))}
    return kept or dates


def later_reports(group: list[Happening]) -> set[int]:
    """The ``id`` of each report of ``group`` dated only by its article's day (or its lede's)
    that is more than a day later than the first day the group tells: a report that came
    later and told again what had happened (``restated``), whose day is not the happening's.
    Reports a day apart are the one day told by outlets of two time zones: a dispute."""
    if len(group) < 2:
        return set()
    days = [first_day(h.date) for h in group]
    # the first day a report dated to the day tells: "in November" starts on the 1st, yet
    # tells no day, and would make every day's report of the month a later one
    fine = [d for h, d in zip(group, days) if d is not None and precision_cached(h.date) in FINE]
    first = min(fine or (d for d in days if d is not None), default=None)
    if first is None:
        return set()
    return {id(h) for h, d in zip(group, days) if d is not None and d > first + 1 and restatable(h)}


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

    return PRECISION_RANK.get(precision_cached(date), 99)


def _source(h: Happening, article: Article | None, published: dict[str, str | None]) -> Source:
    if article is None:
        return Source(article=h.article_id, title=h.article_id, quote=h.sentence, reported_date=h.date)
    return Source(article=article.id, title=article.title, published=published.get(article.id),
                  url=article.url, outlet=article.outlet, quote=h.sentence, reported_date=h.date)


def rank(proposals: list[Event], clusters: list[list[Happening]], articles: dict[str, Article],
         collection: Collection | None = None) -> None:
    for i, score in enumerate(scores(proposals, clusters, articles, collection)):
        proposals[i] = evolve(proposals[i], importance=score)
