"""TIMEX3 values at their precision: what they cover, how they sort, whether they are ahead.

Other stages (events, merge, site) only ever see dates as TIMEX3 strings such
as ``2022-02-12``, ``2022-W06``, ``2022-WI`` or ``198X``; these functions are
the one place that knows what such a string means on the calendar.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

# Meteorological seasons: winter is named by the year of its January, so
# ``2022-WI`` runs from December 2021 to February 2022.
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_YEAR = r"(?P<y>\d{4})"
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("time", re.compile(_YEAR + r"-(?P<m>\d\d)-(?P<d>\d\d)T(?:\d\d(?::\d\d){0,2}|MO|MI|AF|EV|NI|DT)")),
    ("day", re.compile(_YEAR + r"-(?P<m>\d\d)-(?P<d>\d\d)")),
    ("week", re.compile(_YEAR + r"-W(?P<w>\d\d)(?:-(?P<wd>[1-7]|WE))?")),
    ("month", re.compile(_YEAR + r"-(?P<m>\d\d)")),
    ("quarter", re.compile(_YEAR + r"-Q(?P<q>[1-4])")),
    ("season", re.compile(_YEAR + r"-(?P<s>SP|SU|FA|WI)")),
    ("half", re.compile(_YEAR + r"-H(?P<h>[12])")),
    ("year", re.compile(_YEAR)),
    ("decade", re.compile(r"(?P<y>\d{3})X")),
    ("century", re.compile(r"(?P<y>\d\d)XX")),
    ("ref", re.compile(r"PRESENT_REF|PAST_REF|FUTURE_REF")),
)

# Order of precisions from finest to coarsest, used to break ties in sort_key.
PRECISION_RANK: dict[str, int] = {
    name: rank
    for rank, name in enumerate(
        ("time", "day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "ref", "unknown")
    )
}


@lru_cache(maxsize=4096)  # the same values come back sentence after sentence
def _match(value: str) -> tuple[str, re.Match[str] | None]:
    for name, pattern in PATTERNS:
        found = pattern.fullmatch(value)
        if found:
            return name, found
    return "unknown", None


def precision_of(value: str) -> str:
    """Precision of a TIMEX3 value: day, week, month, quarter, season, half, year,
    decade, century, time, ref, or unknown (durations, sets, unanchored values)."""
    return _match(value)[0] if value else "unknown"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _span(precision: str, found: re.Match[str]) -> tuple[date, date] | None:
    year = int(found["y"])
    if precision in ("time", "day"):
        day = date(year, int(found["m"]), int(found["d"]))
        return day, day
    if precision == "week":
        monday = date.fromisocalendar(year, int(found["w"]), 1)
        part = found["wd"]
        if part == "WE":
            return monday + timedelta(days=5), monday + timedelta(days=6)
        if part:
            day = monday + timedelta(days=int(part) - 1)
            return day, day
        return monday, monday + timedelta(days=6)
    if precision == "month":
        month = int(found["m"])
        return date(year, month, 1), _month_end(year, month)
    if precision == "quarter":
        first = 3 * int(found["q"]) - 2
        return date(year, first, 1), _month_end(year, first + 2)
    if precision == "season":
        first, last = SEASON_MONTHS[found["s"]]
        start_year = year - 1 if first > last else year
        return date(start_year, first, 1), _month_end(year, last)
    if precision == "half":
        first = 1 if found["h"] == "1" else 7
        return date(year, first, 1), _month_end(year, first + 5)
    if precision == "year":
        return date(year, 1, 1), date(year, 12, 31)
    if precision == "decade":
        return date(year * 10, 1, 1), date(year * 10 + 9, 12, 31)
    if precision == "century":
        return date(max(year * 100, 1), 1, 1), date(year * 100 + 99, 12, 31)
    return None


def bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day a value covers; None for references, durations, sets
    and anything that is not a valid calendar position (e.g. ``2022-02-31``)."""
    if not value:
        return None
    precision, found = _match(value)
    if found is None or precision == "ref":
        return None
    try:
        return _span(precision, found)
    except ValueError:
        return None


def sort_key(value: str | None) -> tuple[int, int, int, int, str]:
    """Key for chronological order: by first day, then the narrower period first.

    Values without a calendar position (references, durations, None) sort
    after every dated value, in a stable order among themselves.
    """
    span = bounds(value)
    if span is None:
        return (1, 0, 0, PRECISION_RANK["unknown"], value or "")
    precision = precision_of(value or "")
    return (0, span[0].toordinal(), span[1].toordinal(), PRECISION_RANK[precision], value or "")


def is_future(value: str | None, dct: date | None) -> bool:
    """Whether the whole period of ``value`` lies after the publication date ``dct``."""
    if not value:
        return False
    if value == "FUTURE_REF":
        return True
    span = bounds(value)
    if span is None or dct is None:
        return False
    return span[0] > dct


def day_value(day: date) -> str:
    """TIMEX3 value of a calendar day."""
    return day.isoformat()


def week_value(day: date) -> str:
    """TIMEX3 value of the ISO week containing ``day``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"
