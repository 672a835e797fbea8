"""Who reported an event first, and how its reporting spread: for the event page and ``events.json``.

The event's date (when it happened) and the reporting dates (when sources were
published) are different things and stay apart: "happened on the 17th, first
reported on the 18th, by 6 outlets over 3 days".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from timeline.extract.temporal.values import bounds, precision_of
from timeline.records import Event
from timeline.render.dates import date_label

STRIP_DAYS = 60  # a longer reporting span is drawn per week
STRIP_WIDTH, STRIP_HEIGHT = 240, 24


def outlet_of(outlet: str | None, url: str | None) -> str | None:
    """The outlet's name, else the web site the report came from."""
    if outlet:
        return outlet
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


@dataclass(frozen=True)
class Reporting:
    first: str  # ISO day of the first report
    first_outlet: str | None
    lag: int | None  # days from the event's day to its first report; None when the event has no day
    count: int  # reports (source articles) with a publication day
    outlets: int
    span: int  # days from the first report to the last, both counted
    per_day: tuple[tuple[str, int], ...]  # (ISO day, reports), in order

    @property
    def sentence(self) -> str:
        """"First reported by X on D (a day after); reported by 4 outlets over 3 days"."""
        by = f" by {self.first_outlet}" if self.first_outlet else ""
        when = f"First reported{by} on {date_label(self.first)}"
        if self.lag == 0:
            when += " (the same day)"
        elif self.lag is not None:
            n = abs(self.lag)
            days = "a day" if n == 1 else f"{n} days"
            when += f" ({days} {'after' if self.lag > 0 else 'before'})"
        outlets = "1 outlet" if self.outlets == 1 else f"{self.outlets} outlets"
        reports = "1 report" if self.count == 1 else f"{self.count} reports"
        span = "on one day" if self.span == 1 else f"over {self.span} days"
        return f"{when}; {reports} by {outlets} {span}"

    def record(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """``first_reported`` and ``reports`` of ``events.json``."""
        return ({"date": self.first, "outlet": self.first_outlet},
                {"count": self.count, "outlets": self.outlets, "span": self.span})

    def strip(self) -> Markup:
        """Reports per day (per week past two months) as a small bar chart, with its numbers in words."""
        first, last = date.fromisoformat(self.first), date.fromisoformat(self.per_day[-1][0])
        weekly = self.span > STRIP_DAYS
        unit = 7 if weekly else 1
        bins = Counter((date.fromisoformat(day) - first).days // unit for day, n in self.per_day for _ in range(n))
        columns = (last - first).days // unit + 1
        peak = max(bins.values())
        width = STRIP_WIDTH / max(columns, 1)
        bars = "".join(
            f"M{i * width:.1f} {STRIP_HEIGHT}v-{max(1.0, n / peak * (STRIP_HEIGHT - 2)):.1f}h{max(width - 1, 1):.1f}"
            f"v{max(1.0, n / peak * (STRIP_HEIGHT - 2)):.1f}z" for i, n in sorted(bins.items()))
        words = "; ".join(f"{date_label(day)}: {n}" for day, n in self.per_day[:31])
        more = f"; and {len(self.per_day) - 31} more days" if len(self.per_day) > 31 else ""
        label = f"Reports per {'week' if weekly else 'day'}, {date_label(self.first)} to {date_label(last.isoformat())}"
        return Markup(
            f'<figure class="strip"><svg viewBox="0 0 {STRIP_WIDTH} {STRIP_HEIGHT}" role="img" '
            f'aria-label="{escape(label + ". " + words + more)}" preserveAspectRatio="none">'
            f'<path class="bars" d="{bars}"/></svg><figcaption>{escape(label)}</figcaption></figure>')


def reporting(event: Event) -> Reporting | None:
    """How ``event`` was reported, from its sources' publication days; None when none has one."""
    days: list[tuple[str, str | None]] = []
    for source in event.sources:
        if source.published and len(source.published) >= 10:
            try:
                day = date.fromisoformat(source.published[:10]).isoformat()
            except ValueError:
                continue
            days.append((day, outlet_of(source.outlet, source.url)))
    if not days:
        return None
    days.sort(key=lambda d: (d[0], d[1] or "\uffff"))
    first, first_outlet = days[0]
    last = days[-1][0]
    lag = None
    span = bounds(event.date)
    if span is not None and precision_of(event.date) in ("day", "time"):
        lag = (date.fromisoformat(first) - span[0]).days
    outlets = {o or f"source {n}" for n, (_, o) in enumerate(days)}
    per_day = Counter(day for day, _ in days)
    return Reporting(first, first_outlet, lag, len(days), len(outlets),
                     (date.fromisoformat(last) - date.fromisoformat(first) + timedelta(days=1)).days,
                     tuple(sorted(per_day.items())))
