"""Compound expressions that place one period by another: "the same period last year",
"the first week of January", "the January-March quarter", "February of that year",
and the night before the publication date ("overnight").

They read the period the text last named (``Context.period``) as well as the
publication date, so they live apart from the one-rule normalisers of ``resolve``.
"""

from __future__ import annotations

from datetime import date, timedelta

import timeline.extract.temporal.anchor as anchor
from timeline.extract.temporal.context import Context, Reading, month_number, words, year_of
from timeline.extract.temporal.lexicon import RELATIVE_SHIFTS, SAME_PERIOD_NOUNS
from timeline.extract.temporal.scanner import Candidate
from timeline.extract.temporal.values import bounds, day_value, precision_of, week_value

# Precisions that "the same period" can carry back a year; coarser ones are the year itself.
YEARLY_PERIODS = ("day", "week", "month", "quarter", "half", "season")


def _sentence_start(ctx: Context, offset: int) -> int:
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.sent.start_char if span is not None and len(span) else -1


def recent_period(ctx: Context, c: Candidate) -> str | None:
    """Value of the period the text named last, if it was named in the same sentence as ``c``.

    A comparison ("from a year earlier", "the same period last year") reaches back
    to the period just reported, never to one from an earlier paragraph.
    """
    if ctx.period_value is None or ctx.period_at < 0:
        return None
    if _sentence_start(ctx, ctx.period_at) != _sentence_start(ctx, c.start):
        return None
    return ctx.period_value


def year_back(value: str, years: int = 1) -> str | None:
    """The same period ``years`` earlier, at the same precision: 2021-Q4 -> 2020-Q4."""
    precision = precision_of(value)
    if precision not in YEARLY_PERIODS:
        return None
    year = int(value[:4]) - years
    if not 0 < year < 10000:
        return None
    if precision == "week":
        span = bounds(value)
        return week_value(span[0] - timedelta(weeks=52 * years)) if span else None
    if precision == "day":
        span = bounds(value)
        if span is None:
            return None
        try:
            return day_value(span[0].replace(year=year))
        except ValueError:
            return day_value(date(year, 2, 28))  # 29 February a year back
    return f"{year:04d}{value[4:]}"


def same_period(c: Candidate, ctx: Context) -> Reading | None:
    """ "the same period last year": the period just reported, a year back; else last year."""
    wanted = SAME_PERIOD_NOUNS.get(words(c.groups["noun"]))
    recent = recent_period(ctx, c)
    # A "period" spans days at least: a single day just named (a holiday) is not it.
    if recent and (precision_of(recent) == wanted or wanted is None and precision_of(recent) not in ("day", "time")):
        moved = year_back(recent)
        if moved:
            return "DATE", moved, "same-period-last-year"
    if ctx.dct is None:
        return "DATE", None, "same-period-no-dct"
    return "DATE", f"{ctx.dct.year - 1:04d}", "same-period-year"


def compared_year_back(c: Candidate, ctx: Context, amount: float, unit: str) -> Reading | None:
    """ "sales in October fell from a year earlier": a comparison keeps the compared
    period's precision, one or more years back; None when nothing is compared."""
    if unit != "year" or amount != int(amount):
        return None
    before = ctx.text[max(0, c.start - 16):c.start].lower().split()
    if not before or before[-1] not in ("from", "than", "with", "to", "versus", "over", "on", "vs", "vs."):
        return None
    recent = recent_period(ctx, c)
    moved = year_back(recent, int(amount)) if recent else None
    return ("DATE", moved, "compared-year-back") if moved else None


def week_of_month(c: Candidate, ctx: Context) -> Reading | None:
    """The n-th week of a month is the ISO week of its n-th Thursday (the last: its last Thursday),
    so that the week belongs to the month that holds most of its days."""
    g = c.groups
    month = month_number(g["month"])
    year = year_of(g)
    if year is None:
        if ctx.dct is None:
            return "DATE", None, "week-of-month-no-dct"
        year = anchor.month_year(ctx.dct, month, ctx.tense(c), None)
    if not 0 < year < 10000:
        return None
    first = date(year, month, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    ordinal = words(g["ord"])
    if ordinal in ("last", "final"):
        nxt = date(year + month // 12, month % 12 + 1, 1)
        thursday = nxt - timedelta(days=(nxt.weekday() - 3) % 7 or 7)
    else:
        thursday += timedelta(weeks={"first": 0, "second": 1, "third": 2, "fourth": 3}[ordinal])
    return "DATE", week_value(thursday), "week-of-month"


def month_quarter(c: Candidate, ctx: Context) -> Reading | None:
    """ "the January-March quarter": a calendar quarter named by its months."""
    g = c.groups
    first, last = month_number(g["month"]), month_number(g["month2"])
    if first % 3 != 1 or last != first + 2:
        return None  # a fiscal quarter off the calendar: say nothing rather than guess
    if ctx.dct is None:
        return "DATE", None, "month-quarter-no-dct"
    # The quarter is ahead as long as its last month has not begun.
    year = anchor.month_year(ctx.dct, last, ctx.tense(c), None, 1)
    return "DATE", f"{year:04d}-Q{(first - 1) // 3 + 1}", "month-quarter"


def month_of_year(c: Candidate, ctx: Context) -> Reading | None:
    """ "February of that year": the month in the year the narrative is in."""
    base = ctx.period[0] if ctx.period else ctx.ref
    if base is None:
        return "DATE", None, "month-of-year-no-ref"
    shift = RELATIVE_SHIFTS.get(words(c.groups["rel"]), 0)
    return "DATE", f"{base.year + shift:04d}-{month_number(c.groups['month']):02d}", "month-of-narrative-year"


def month_of_relative_year(c: Candidate, ctx: Context) -> Reading | None:
    """ "October last year", "on 5 June next year": the month, or its day, in the year before,
    of or after the publication date's, whatever the tense says."""
    if ctx.dct is None:
        return "DATE", None, "month-of-relative-year-no-dct"
    g = c.groups
    year = ctx.dct.year + RELATIVE_SHIFTS.get(words(g["rel"]), 0)
    month = month_number(g["month"])
    day = int(g.get("day") or g.get("mday") or 0)
    if not day:
        return "DATE", f"{year:04d}-{month:02d}", "month-of-relative-year"
    try:
        return "DATE", day_value(date(year, month, day)), "month-of-relative-year"
    except ValueError:
        return None


def overnight(c: Candidate, ctx: Context) -> Reading | None:
    """News reports what happened "overnight" on the morning after: the night before the publication date."""
    if ctx.dct is None:
        return "TIME", None, "overnight-no-dct"
    night = anchor.shift_day(ctx.dct, -1)
    return ("TIME", f"{day_value(night)}TNI", "overnight") if night else None


def months_of_year(c: Candidate, ctx: Context) -> Reading | None:
    """ "the first three months of the year" is a quarter, "the last six months of 2021" a half."""
    g = c.groups
    if g.get("year"):
        year: int | None = int(g["year"] or 0)
    else:
        base = ctx.dct if g.get("rel") else (ctx.ref or ctx.dct)
        year = base.year + (RELATIVE_SHIFTS.get(words(g.get("rel")), 0) if g.get("rel") else 0) if base else None
    if year is None:
        return "DATE", None, "months-of-year-no-dct"
    first = words(g["edge"]) == "first"
    part = ("Q1" if first else "Q4") if words(g["n"]) in ("three", "3") else ("H1" if first else "H2")
    return "DATE", f"{year:04d}-{part}", "months-of-year"


def fiscal_year(value: str, groups: dict[str, str | None]) -> str:
    """TIMEX3 writes a fiscal year apart from the calendar year: FY2024."""
    return f"FY{value}" if groups.get("fiscal") else value


RULES = {
    "same-period": same_period, "week-of-month": week_of_month, "month-quarter": month_quarter,
    "month-of-year": month_of_year, "month-of-relative-year": month_of_relative_year,
    "overnight": overnight, "months-of-year": months_of_year,
}
