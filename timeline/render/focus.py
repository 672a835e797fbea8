"""The period a timeline is about: its focus, and the events before it (background) and far after it (ahead).

A pile of news reports about one story also dates things far from it: "the 1969
coup", "elections due in 2031". Those dates are true and kept, but they are not
the story's course: the main chronology, its chart, its filters and the time
axis cover the focus only; earlier events are Background, later scheduled ones
Ahead, each with a page of its own. Events that only articles off the collection's
subject report (football in a war's pile) are on a page for review, off the timeline.

The focus is where the reports are dense: from the first percentile of the
sources' publication days, so that a stray article years early does not stretch it,
to the last report, unless the last reports are strays, far after all the others (what
the last reports of a long story tell is its end: a leader ousted, a verdict).
It opens earlier on what prompted the reports: the earliest day
of the ``LEAD_DAYS`` before the first report that at least ``LEAD_REPORTS`` articles
date an event to (the earthquake the first reports came the day after), or, when none does,
of the ``LEAD_WEEK`` before it that one article does (its "on Friday"). A line one article
tells of the weeks before, or of the days before a day several tell (a year-end review, a date
misread), is Background. It closes on the
last report's day, or on the latest past happening dated within ``LEAD_DAYS`` after it, so that
"the story to 13 Aug" never heads a page opening on 15 Sep.
``site.focus`` in
config.yaml sets it (``{from: 2022-01-01, to: 2022-12-31}``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from timeline.extract.temporal.values import bounds
from timeline.records import Article, Event
from timeline.render.model import EventView

TRIM = 0.01  # the share of publication days left out at each end at most: strays, mis-dated pages
STRAY_GAP = 0.25  # ... the last ones only when this share of the story's span lies between them and the rest
LEAD_DAYS = 45  # events this long before the first report may still be the story (what prompted it) ...
LEAD_REPORTS = 2  # ... when this many articles tell them, or ...
LEAD_WEEK = 7  # ... when they fall this many days before it at most (the first report's "on Friday")
# Scheduled events after the last report are Ahead: what no report has yet seen happen is not
# the story's course, and a chronology opening on the newest would otherwise open on the
# plans announced last (a hearing next month, an auction) before what happened.
TRAIL_DAYS = 0


@dataclass(frozen=True)
class Focus:
    start: date | None  # None: open at that end
    end: date | None

    def place(self, event: Event) -> str:
        """``focus``, ``background`` (wholly before it) or ``ahead`` (scheduled, wholly after it); undated
        events, and past ones dated after the focus (a date no report could have seen), stay in focus."""
        span = bounds(event.date)
        if span is None:
            return "focus"
        if self.start and (span[1] < self.start or (span[0] < self.start and (
                span[0] + (span[1] - span[0]) / 2 < self.start
                or (self.end and span[1] - span[0] > self.end - self.start)))):
            return "background"  # before the story, mostly before it (the 1990s), or longer and before (the 2000s)
        if self.end and span[0] > self.end and event.status == "scheduled":
            return "ahead"
        return "focus"

    def opening(self, day: str | None) -> str | None:
        """An ISO ``day`` of an event in the focus, or the focus's first day for a period that opened
        before it ("1999" in a story from May 1999): the chart starts where the story does."""
        if day and self.start and day < self.start.isoformat():
            return self.start.isoformat()
        return day

    @property
    def label(self) -> str:
        start = f"{self.start:%d %b %Y}" if self.start else "the start"
        end = f"{self.end:%d %b %Y}" if self.end else "now"
        return f"{start} to {end}"


def _published(events: Sequence[Event], articles: Sequence[Article]) -> list[date]:
    days = [a.published for a in articles if isinstance(a.published, date)]
    if days:
        return days
    for event in events:  # no articles given (a render of the store alone): the sources' days
        for source in event.sources:
            try:
                days.append(date.fromisoformat((source.published or "")[:10]))
            except ValueError:
                continue
    return days


def find_focus(events: Sequence[Event], articles: Sequence[Article],
               given: tuple[str | None, str | None] | None = None) -> Focus:
    """The focus: ``given`` (from, to; either may be None for open) when set, else computed."""
    if given is not None:
        start, end = given
        return Focus(date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None)
    days = sorted(_published(events, articles))
    if not days:
        return Focus(None, None)
    cut = int(len(days) * TRIM)
    first, last = days[cut], len(days) - 1
    while last > len(days) - 1 - cut and days[last] - days[last - 1] > STRAY_GAP * (days[last - 1] - first):
        last -= 1  # a report far after all the others: a stray or a page misdated
    return Focus(_prompted(events, first), _closing(events, days[last] + timedelta(days=TRAIL_DAYS)))


def in_focus(events: Sequence[Event], articles: Sequence[Article] = (),
             given: tuple[str | None, str | None] | None = None) -> list[Event]:
    """The events the main chronology and the key events are chosen from, in the given order."""
    focus = find_focus(events, articles, given)
    return [e for e in events if focus.place(e) == "focus"]


def _prompted(events: Sequence[Event], first: date) -> date:
    """The first report's day, or the earliest day of the ``LEAD_DAYS`` before it that
    ``LEAD_REPORTS`` articles date an event to, or, when none does, of the ``LEAD_WEEK`` before
    it that one does: a line one article dates before a day several tell (food handed out two days
    before the earthquake the reports are about) is misdated or background, not what prompted them."""
    told: dict[date, set[str]] = {}
    for event in events:
        span = bounds(event.date)
        if span is not None and event.precision in ("time", "day") and \
                first - timedelta(days=LEAD_DAYS) <= span[0] < first:
            told.setdefault(span[0], set()).update(s.article for s in event.sources)
    agreed = [day for day, articles in told.items() if len(articles) >= LEAD_REPORTS]
    return min(agreed or [day for day in told if (first - day).days <= LEAD_WEEK], default=first)


def _closing(events: Sequence[Event], last: date) -> date:
    """``last``, or the latest day a past happening is dated to within ``LEAD_DAYS`` after it."""
    later = [span[0] for span in (bounds(e.date) for e in events if e.status != "scheduled")
             if span is not None and last < span[0] <= last + timedelta(days=LEAD_DAYS)]
    return max(later, default=last)


def split(events: Sequence[EventView], focus: Focus,
          review: frozenset[str] = frozenset()) -> dict[str, list[EventView]]:
    """The events of each place, in the given order. Events ``review`` names (only articles
    off the collection's subject report them) are in a place of their own, ``review``."""
    parts: dict[str, list[EventView]] = {"focus": [], "background": [], "ahead": [], "review": []}
    for ev in events:
        parts["review" if ev.event.id in review else focus.place(ev.event)].append(ev)
    return parts
