"""Events-over-time charts drawn at build time as inline SVG, so no reader loads a chart library.

All bars are one ``<path>``: a chart of a decade stays a few kilobytes, which
matters on the home page with its size budget. Colours come from the page's
stylesheet (classes only, no inline styles), so dark mode and the CSP apply.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Iterable

from markupsafe import Markup, escape

from timeline.render.fingerprints import digest

WIDTH, HEIGHT = 600, 80
MAX_BARS = 260  # past five years of weeks, bars become months (then years) to stay legible


def _bin(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _step(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def activity_chart(days: Iterable[str | None], label: str) -> Markup:
    """Bars of events per week (or month, or year, for long spans); empty when nothing is dated."""
    parsed = sorted(date.fromisoformat(d) for d in days if d)
    if not parsed:
        return Markup("")
    first, last = parsed[0], parsed[-1]
    span_weeks = (last - first).days // 7 + 1
    unit = "week" if span_weeks <= MAX_BARS else "month" if span_weeks <= MAX_BARS * 4 else "year"
    counts = Counter(_bin(d, unit) for d in parsed)
    bins: list[date] = []
    cursor = _bin(first, unit)
    while cursor <= last:
        bins.append(cursor)
        cursor = _step(cursor, unit)
    peak = max(counts.values())
    bar = WIDTH / len(bins)
    parts = []
    for index, start in enumerate(bins):
        n = counts.get(start, 0)
        if n:
            h = max(1.0, round(n / peak * (HEIGHT - 4), 1))
            parts.append(f"M{index * bar:.1f} {HEIGHT}v-{h:g}h{max(bar - 0.5, 0.5):.1f}v{h:g}z")
    busiest = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    summary = (f"{label}: {len(parsed)} dated events per {unit} from {first:%d %b %Y} to {last:%d %b %Y}; "
               f"busiest {unit} starting {busiest[0]:%d %b %Y} with {busiest[1]}.")
    months = f"{first:%b %Y}" if (first.year, first.month) == (last.year, last.month) else \
        f"{first:%b %Y} – {last:%b %Y}"
    return Markup(
        f'<figure class="chart"><svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(summary)}" '
        f'preserveAspectRatio="none"><path class="bars" d="{"".join(parts)}"/></svg>'
        f'<figcaption>Events per {unit}, {months} (peak {peak})</figcaption></figure>'
    )


class Chart:
    """An activity chart drawn when a template first prints it: a page linked from the live site never draws it."""

    __slots__ = ("days", "label", "inputs", "_drawn")

    def __init__(self, days: Iterable[str | None], label: str) -> None:
        self.days = tuple(days)
        self.label = label
        # What the chart shows, for the declared inputs of every page it is on: digested
        # once, as a busy actor's hundred pages would each spell out its thousands of days.
        self.inputs = digest(label, self.days)
        self._drawn: Markup | None = None

    def __html__(self) -> Markup:
        if self._drawn is None:
            self._drawn = activity_chart(self.days, self.label)
        return self._drawn
