"""The time axis: the story's events placed on a horizontal axis by date, drawn as SVG at build time.

Three kinds of view are pages that work without a script: the whole story
(``axis.html``), each year (``axis/2022.html``) and each month
(``axis/2022-03.html``). At the wide views events are counted per column of the
drawing, one bar a column, so a view of 100,000 events is as small as one of a
hundred; a column leads to the narrower view. A month's view draws every event
as its own mark, a link to its page. Key events are labelled. An event known
only to the month (or week, or year) spans it, in a band of its own.

``assets/axis.js`` takes the drawing over for zoom and pan, from ``axis.json``
(every day of the story's events, compact) and a file per month
(``axis/2022-03.json``) fetched when a view is narrow enough to show events one
by one. Both drawings follow the same layout, set here and in the script.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable, Sequence

from markupsafe import Markup, escape

from timeline.extract.temporal.values import bounds
from timeline.render.dates import MONTHS, month_label
from timeline.render.fingerprints import digest
from timeline.render.model import EventView
from timeline.render.parts import Part, Rendered
from timeline.render.templating import Renderer

WIDTH, HEIGHT = 1000, 230
COLUMNS = 250  # of the wide views: 4 units each
LANES = (16, 36, 56)  # baselines of the key events' labels
LABEL_CHARS = 30  # a label's length, its title cut to fit
TOP, BASE = 70, 175  # the bars' band
SPAN_Y = 181  # the band of events known to a month or coarser
TICK_Y = 200
KEY_LABELS = 200  # key events the script may label, best first
EPOCH = date(1970, 1, 1)
DETAIL_DAYS = 62  # a window this short shows events one by one (the script loads the months' files)
STACK = 14  # marks drawn per day in a month's view; a day with more says how many more
LIST_LIMIT = 400  # events a month's view lists in words; the month's own pages list them all


@dataclass(frozen=True, slots=True)
class Mark:
    start: int  # days since 1970-01-01
    end: int  # last day it covers, likewise
    ev: EventView

    @property
    def spans(self) -> bool:
        return self.end > self.start


def day_text(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def day_number(day: date) -> int:
    return (day - EPOCH).days


def as_date(number: int) -> date:
    return EPOCH + timedelta(days=number)


def marks_of(events: Sequence[EventView]) -> list[Mark]:
    """The events that have a place on the axis (a date with bounds), by start day."""
    marks = []
    for ev in events:
        span = bounds(ev.event.date)
        if span is not None:
            marks.append(Mark(day_number(span[0]), day_number(span[1]), ev))
    marks.sort(key=lambda m: (m.start, m.end, m.ev.slug))
    return marks


def ranked_keys(marks: Sequence[Mark], count: int) -> list[Mark]:
    """The marks of the most important events, best first: the order the key events page uses."""
    return sorted(marks, key=lambda m: (-m.ev.event.importance, m.ev.day or "", m.ev.slug))[:count]


def _x(day: float, first: int, last: int) -> float:
    return (day - first) / max(last + 1 - first, 1) * WIDTH


def _cut(title: str) -> str:
    return title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1].rstrip() + "…"


def _labels(keys: Sequence[Mark], first: int, last: int, root: str, limit: int) -> list[str]:
    """Key events that fit in the lanes without overlapping, best first; each a link to its page."""
    taken: list[list[tuple[float, float]]] = [[] for _ in LANES]
    out: list[str] = []
    for mark in keys:
        if len(out) >= limit:
            break
        if mark.end < first or mark.start > last:
            continue
        x = _x(mark.start + (mark.end - mark.start) / 2, first, last)
        text = _cut(mark.ev.event.title)
        width = len(text) * 7.4 + 8
        left = min(max(x - 2, 0), WIDTH - width)
        for lane, spans in enumerate(taken):
            if all(left + width < a or left > b for a, b in spans):
                spans.append((left, left + width))
                y = LANES[lane]
                out.append(
                    f'<a href="{root}{mark.ev.url}" class="key"><line x1="{x:.1f}" y1="{y + 3}" x2="{x:.1f}" '
                    f'y2="{BASE}"/><text x="{left:.1f}" y="{y}">{escape(text)}</text>'
                    f'<title>{escape(mark.ev.label)}: {escape(mark.ev.event.title)}</title></a>')
                break
    return out


def _ticks(first: int, last: int) -> list[str]:
    """Year, month or day ticks, whichever gives a readable number across the window."""
    start, end = as_date(first), as_date(last)
    days = last - first + 1
    ticks: list[tuple[date, str]] = []
    if days > 3 * 366:
        step = max(1, (end.year - start.year + 1) // 10)
        ticks = [(date(y, 1, 1), str(y)) for y in range(start.year + 1 if start.month > 1 or start.day > 1
                                                         else start.year, end.year + 1, step)]
    elif days > 62:
        cursor = date(start.year, start.month, 1)
        every = 1 if days <= 400 else 3 if days <= 800 else 6
        while cursor <= end:
            if cursor >= start and (cursor.month - 1) % every == 0:
                text = f"{MONTHS[cursor.month - 1][:3]}" + (f" {cursor.year}" if cursor.month == 1 or every > 1 else "")
                ticks.append((cursor, text))
            cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    else:
        every = 1 if days <= 14 else 7 if days <= 62 else 14
        cursor = start
        while cursor <= end:
            if every == 1 or cursor.weekday() == 0:
                ticks.append((cursor, f"{cursor.day} {MONTHS[cursor.month - 1][:3]}"))
            cursor += timedelta(days=1)
    out = []
    for day, text in ticks:
        x = _x(day_number(day), first, last)
        out.append(f'<line x1="{x:.1f}" y1="{BASE}" x2="{x:.1f}" y2="{TICK_Y - 10}"/>'
                   f'<text x="{x + 2:.1f}" y="{TICK_Y + 6}">{escape(text)}</text>')
    return out


def _columns(marks: Sequence[Mark], first: int, last: int) -> tuple[list[int], list[int]]:
    """Events per column: those of one day in the bars, the spanning ones in their band."""
    days, spans = [0] * COLUMNS, [0] * COLUMNS
    width = (last + 1 - first) / COLUMNS
    for mark in marks:
        if mark.end < first or mark.start > last:
            continue
        if mark.spans:
            a = int((max(mark.start, first) - first) / width)
            b = int((min(mark.end, last) - first) / width)
            for column in range(a, min(b, COLUMNS - 1) + 1):
                spans[column] += 1
        else:
            days[min(int((mark.start - first) / width), COLUMNS - 1)] += 1
    return days, spans


def wide_svg(marks: Sequence[Mark], keys: Sequence[Mark], first: int, last: int, root: str,
             column_link: Callable[[int, int], str], caption: str) -> Markup:
    """A wide view: bars of events per column, each a link to a narrower view, and the key events labelled."""
    days, spans = _columns(marks, first, last)
    peak = max(days + [1])
    width = WIDTH / COLUMNS
    cells = []
    for column, (n, s) in enumerate(zip(days, spans)):
        if not n and not s:
            continue
        a = first + int(column * (last + 1 - first) / COLUMNS)
        b = first + int((column + 1) * (last + 1 - first) / COLUMNS) - 1
        x = column * width
        shapes = ""
        if n:
            h = max(2.0, (n / peak) ** 0.5 * (BASE - TOP))
            shapes += f'<rect class="bar" x="{x:.1f}" y="{BASE - h:.1f}" width="{width - 0.5:.1f}" height="{h:.1f}"/>'
        if s:
            shapes += f'<rect class="span" x="{x:.1f}" y="{SPAN_Y}" width="{width:.1f}" height="5"/>'
        when = day_text(as_date(a)) + (f" – {day_text(as_date(b))}" if b > a else "")
        cells.append(f'<a href="{root}{column_link(a, b)}" aria-label="{when}: {n + s} events">{shapes}</a>')
    return _svg(cells + _labels(keys, first, last, root, 24) + _ticks(first, last), caption)


def _svg(body: Sequence[str], caption: str) -> Markup:
    return Markup(
        f'<svg class="axis" viewBox="0 0 {WIDTH} {HEIGHT}" role="group" aria-label="{escape(caption)}" '
        f'focusable="false"><rect class="ground" width="{WIDTH}" height="{HEIGHT}"/>'
        f'<g class="ticks">' + "".join(b for b in body if b.startswith("<line")) + "</g>"
        + "".join(b for b in body if not b.startswith("<line")) + "</svg>")


def month_svg(marks: Sequence[Mark], keys: Sequence[Mark], first: int, last: int, root: str, caption: str) -> Markup:
    """A month's view: every event its own mark, stacked by day; spanning events as bars below them."""
    width = WIDTH / (last + 1 - first)
    stacks: dict[int, int] = {}
    body = []
    spans = 0
    for mark in marks:
        if mark.spans:
            a = _x(max(mark.start, first), first, last)
            b = _x(min(mark.end, last) + 1, first, last)
            y = SPAN_Y - 6 * (spans % 2)
            spans += 1
            body.append(f'<a href="{root}{mark.ev.url}"><rect class="span" x="{a:.1f}" y="{y}" '
                        f'width="{max(b - a, 2):.1f}" height="5"/><title>{escape(mark.ev.label)}: '
                        f'{escape(mark.ev.event.title)}</title></a>')
            continue
        level = stacks.get(mark.start, 0)
        stacks[mark.start] = level + 1
        if level >= STACK:
            continue
        x = _x(mark.start, first, last)
        y = BASE - 8 - level * 7
        body.append(f'<a href="{root}{mark.ev.url}"><rect class="mark" x="{x + 1:.1f}" y="{y}" '
                    f'width="{max(width - 2, 2):.1f}" height="6"/><title>{escape(mark.ev.label)}: '
                    f'{escape(mark.ev.event.title)}</title></a>')
    for day, count in stacks.items():
        if count > STACK:
            body.append(f'<text class="more" x="{_x(day, first, last) + 1:.1f}" y="{BASE - 10 - STACK * 7}">'
                        f'+{count - STACK}</text>')
    return _svg(body + _labels(keys, first, last, root, 12) + _ticks(first, last), caption)


@dataclass(frozen=True)
class AxisView:
    """A page of the axis: its drawing, its place among the others and its events in words."""

    path: str
    title: str
    svg: Markup
    window: tuple[int, int]
    up: tuple[str, str] | None  # the wider view
    prev: tuple[str, str] | None
    next: tuple[str, str] | None
    groups: list[tuple[str, str, int]]  # wide views: (narrower view, its label, events)
    events: list[EventView]  # a month's view: its events in order
    keys: list[EventView]


def _in_order(keys: Sequence[Mark]) -> list[EventView]:
    """Key events as a list reads them: by date."""
    return [m.ev for m in sorted(keys, key=lambda m: (m.start, m.end, m.ev.slug))]


def _month_key(number: int) -> str:
    return f"{as_date(number):%Y-%m}"


def _month_bounds(key: str) -> tuple[int, int]:
    year, month = int(key[:4]), int(key[5:])
    first = date(year, month, 1)
    after = date(year + month // 12, month % 12 + 1, 1)
    return day_number(first), day_number(after) - 1


def axis_parts(r: Renderer, events: Sequence[EventView], key_count: int,
               focus: tuple[date | None, date | None] = (None, None)) -> list[Part]:
    """The axis pages and the script's data: the whole story (within ``focus``), each year, each month."""
    marks = marks_of(events)
    if not marks:
        empty = b'{"first": 0, "last": 0, "gaps": [], "spans": [], "keys": []}\n'
        return [Part(digest("axis.html", "empty"), lambda: Rendered((r.page(
            "axis.html", "axis.html", view=None, data="axis.json", list_limit=LIST_LIMIT), ("axis.json", empty))))]
    first = max([min(m.start for m in marks)] + ([day_number(focus[0])] if focus[0] else []))
    last = min([max(m.end for m in marks)] + ([day_number(focus[1])] if focus[1] else []))
    last = max(last, first)
    keys = ranked_keys(marks, max(key_count, KEY_LABELS))
    by_month: dict[str, list[Mark]] = {}
    for mark in marks:
        by_month.setdefault(_month_key(mark.start), []).append(mark)
    years = sorted({key[:4] for key in by_month})
    months = sorted(by_month)
    parts = [_whole_part(r, marks, keys, first, last, years, by_month)]
    for index, year in enumerate(years):
        parts.append(_year_part(r, marks, keys, year, years, index, by_month))
    for index, key in enumerate(months):
        parts.append(_month_part(r, by_month[key], keys, key, months, index))
    return parts


def _shows(marks: Sequence[Mark]) -> list[Any]:
    return [(m.start, m.end, m.ev.digest) for m in marks]


def _whole_part(r: Renderer, marks: list[Mark], keys: list[Mark], first: int, last: int, years: list[str],
                by_month: dict[str, list[Mark]]) -> Part:
    def link(a: int, b: int) -> str:
        wide = last - first > 2 * 366
        return f"axis/{as_date(a):%Y}.html" if wide else f"axis/{_month_key(a)}.html"

    def make() -> Rendered:
        caption = f"All {len(marks)} events of the story, {day_text(as_date(first))} to {day_text(as_date(last))}"
        groups = [(f"axis/{y}.html", y, sum(len(v) for k, v in by_month.items() if k[:4] == y)) for y in years]
        view = AxisView("axis.html", "Time axis", wide_svg(marks, keys, first, last, "", link, caption),
                        (first, last), None, None, None, groups, [], _in_order(keys[:12]))
        return Rendered((r.page("axis.html", "axis.html", view=view, data="axis.json", list_limit=LIST_LIMIT),
                         ("axis.json", axis_data(marks, keys, first, last).encode("utf-8"))))

    return Part(digest("axis.html", _shows(marks), [m.ev.slug for m in keys]), make)


def _year_part(r: Renderer, marks: list[Mark], keys: list[Mark], year: str, years: list[str], index: int,
               by_month: dict[str, list[Mark]]) -> Part:
    first, last = day_number(date(int(year), 1, 1)), day_number(date(int(year), 12, 31))
    inside = [m for m in marks if m.end >= first and m.start <= last]
    prev = (f"{years[index - 1]}.html", years[index - 1]) if index else None
    nxt = (f"{years[index + 1]}.html", years[index + 1]) if index + 1 < len(years) else None
    path = f"axis/{year}.html"

    def make() -> Rendered:
        caption = f"{len(inside)} events in {year}"
        groups = [(f"{k}.html", month_label(k), len(v)) for k, v in sorted(by_month.items()) if k[:4] == year]
        svg = wide_svg(inside, keys, first, last, "../", lambda a, b: f"axis/{_month_key(a)}.html", caption)
        view = AxisView(path, year, svg, (first, last), ("../axis.html", "the whole story"), prev, nxt, groups, [],
                        _in_order([m for m in keys if m.end >= first and m.start <= last][:12]))
        return Rendered((r.page("axis.html", path, view=view, data="../axis.json", list_limit=LIST_LIMIT),))

    return Part(digest(path, _shows(inside), prev, nxt, [m.ev.slug for m in keys]), make)


def _month_part(r: Renderer, marks: list[Mark], keys: list[Mark], key: str, months: list[str], index: int) -> Part:
    first, last = _month_bounds(key)
    prev = (f"{months[index - 1]}.html", month_label(months[index - 1])) if index else None
    nxt = (f"{months[index + 1]}.html", month_label(months[index + 1])) if index + 1 < len(months) else None
    path = f"axis/{key}.html"

    def make() -> Rendered:
        caption = f"{len(marks)} events in {month_label(key)}"
        svg = month_svg(marks, keys, first, last, "../", caption)
        view = AxisView(path, month_label(key), svg, (first, last), (f"{key[:4]}.html", key[:4]), prev, nxt, [],
                        [m.ev for m in marks], [])
        return Rendered((r.page("axis.html", path, view=view, data="../axis.json", list_limit=LIST_LIMIT),
                         (f"axis/{key}.json", month_data(marks).encode("utf-8"))))

    return Part(digest(path, _shows(marks), prev, nxt, [m.ev.slug for m in keys]), make)


def axis_data(marks: Sequence[Mark], keys: Sequence[Mark], first: int, last: int) -> str:
    """What the script draws wide views from: the start day of every one-day event (as gaps from the
    one before, sorted), the spanning events' days, and the key events to label, best first."""
    days = sorted(m.start for m in marks if not m.spans)
    gaps = [b - a for a, b in zip([first] + days, days)]
    spans = [[m.start - first, m.end - m.start] for m in marks if m.spans]
    labels = [[m.start - first, m.end - m.start, m.ev.url, m.ev.event.title, m.ev.label] for m in keys]
    return json.dumps({"first": first, "last": last, "gaps": gaps, "spans": spans, "keys": labels},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


def month_data(marks: Sequence[Mark]) -> str:
    """A month's events for the script's narrow views: days, page, title and date in words."""
    rows = [[m.start, m.end, m.ev.url, m.ev.event.title, m.ev.label] for m in marks]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + "\n"
