"""Dates as readers see them: written at the precision the sources support.

A store date such as ``2022-02`` means "some time in February 2022"; showing
it as "1 Feb 2022" would claim knowledge the sources do not have. The
temporal engine owns what a value covers; this module only words it.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.extract.temporal.values import bounds, precision_of, sort_key

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}

# TIMEX3 modifiers in words; "c." for approximate values follows the style of
# chronologies in print. Several may be combined ("APPROX EARLY").
MOD_WORDS = {
    "APPROX": "c.", "EARLY": "early", "MID": "mid", "LATE": "late", "START": "start of",
    "END": "end of", "BEFORE": "before", "AFTER": "after", "ON_OR_BEFORE": "by",
    "ON_OR_AFTER": "from", "LESS_THAN": "less than", "MORE_THAN": "more than",
}


def _day(day: date, *, year: bool = True) -> str:
    text = f"{day.day} {MONTHS[day.month - 1][:3]}"
    return f"{text} {day.year}" if year else text


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def date_label(value: str, mod: str | None = None) -> str:
    """``2022-02-12`` → "12 Feb 2022", ``2022-02`` → "February 2022", with the modifier in front."""
    text = _bare_label(value)
    if mod:
        words = [MOD_WORDS.get(part, "") for part in re.split(r"[\s,+]+", mod.upper())]
        prefix = " ".join(word for word in words if word)
        if prefix:
            # "mid" is written joined to what follows: "mid-March".
            text = f"{prefix}-{text}" if prefix.endswith("mid") else f"{prefix} {text}"
    return text


def _bare_label(value: str) -> str:
    precision = precision_of(value)
    span = bounds(value)
    if precision == "ref":
        return REFS.get(value, value)
    if span is None:
        return value or "undated"
    first, last = span
    if precision == "time":
        clock = value.split("T", 1)[1]
        return f"{_day(first)}, {clock}" if ":" in clock or clock.isdigit() else _day(first)
    if precision == "day" or (precision == "week" and first == last):
        return _day(first)
    if precision == "week":
        if "WE" in value:
            return f"weekend of {_day(first)}"
        return f"week of {_day(first)}"
    if precision == "month":
        return f"{MONTHS[first.month - 1]} {first.year}"
    if precision == "quarter":
        return f"Q{value[-1]} {first.year}"
    if precision == "season":
        return f"{SEASONS[value[-2:]]} {last.year}"
    if precision == "half":
        return f"{'first' if value.endswith('1') else 'second'} half of {first.year}"
    if precision == "year":
        return str(first.year)
    if precision == "decade":
        return f"{first.year}s"
    if precision == "century":
        return f"{_ordinal(first.year // 100 + 1)} century"
    return value


def datetime_attr(value: str) -> str | None:
    """Value for ``<time datetime>``: the valid HTML date string closest to the precision."""
    precision = precision_of(value)
    span = bounds(value)
    if span is None:
        return None
    first = span[0]
    if precision in ("day", "time"):
        return first.isoformat()
    if precision == "week":
        return value[:8] if "-" not in value[8:] else first.isoformat()
    if precision == "month":
        return value[:7]
    if precision in ("year", "quarter", "half", "season"):
        return f"{first.year:04d}" if precision == "year" else f"{first:%Y-%m}"
    return None


def reading_order(value: str | None) -> tuple[int, int, int, int, str]:
    """Key for the order a chronology lists dates in: by first day, and of periods that open on one
    day the wider first ("2012", then "January 2012", then 1 January), so that read either way a
    month's events stay under one heading and a year's under another."""
    placed, start, end, rank, text = sort_key(value)
    return placed, start, -end, rank, text


def month_key(value: str) -> str:
    """``YYYY-MM`` a value is listed under: the month it starts in; ``undated`` otherwise."""
    span = bounds(value)
    return f"{span[0]:%Y-%m}" if span else "undated"


def month_label(key: str) -> str:
    if key == "undated":
        return "Undated"
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def iso_day(value: str) -> str | None:
    """First day a value covers, ISO: for feeds, calendars and machine exports."""
    span = bounds(value)
    return span[0].isoformat() if span else None
