"""Calendar arithmetic that anchors relative expressions to a reference date.

Everything here is pure: a date, a tense and a name in, a date or a TIMEX3
value out. The direction rules follow news usage: past tense looks back from
the reference date, future tense looks forward, the present stays close.
"""

from __future__ import annotations

from datetime import date, timedelta

from timeline.extract.temporal.lexicon import HOLIDAY_OFFSETS, NTH_WEEKDAY_HOLIDAYS, US_ZONES
from timeline.extract.temporal.values import day_value, week_value

SEASON_ORDER = ("WI", "SP", "SU", "FA")


def month_season(day: date) -> tuple[int, str]:
    """Year and TIMEX3 code of the season ``day`` falls in (winter named by its January)."""
    if day.month == 12:
        return day.year + 1, "WI"
    return day.year, SEASON_ORDER[day.month // 3]


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + n
    return total // 12, total % 12 + 1


def shift_day(day: date, n: int) -> date | None:
    try:
        return day + timedelta(days=n)
    except OverflowError:
        return None


def weekday_date(ref: date, weekday: int, tense: str | None, shift: int | None) -> date:
    """The date of ``weekday`` (ISO number) relative to ``ref``.

    ``shift`` comes from "last"/"next"/"this"; without it the tense decides:
    the same weekday as ``ref`` is ``ref`` itself unless the clause is future.
    """
    delta = weekday - ref.isoweekday()
    if shift == -1:
        return ref + timedelta(days=delta - 7 if delta >= 0 else delta)
    if shift == 1:
        return ref + timedelta(days=delta + 7 if delta <= 0 else delta)
    if shift == 0:
        return ref + timedelta(days=delta)  # "this Monday": the week of the reference date
    if tense == "future":
        return ref + timedelta(days=delta if delta >= 0 else delta + 7)
    if tense == "present":
        # The present of news is a schedule ("the summit is on Monday", "Scholz
        # travels to Kyiv on Monday") or a habit: the nearest such day, in
        # either direction; the next one when both are as near.
        ahead = delta % 7
        return ref + timedelta(days=ahead if ahead <= 3 else ahead - 7)
    return ref + timedelta(days=delta if delta <= 0 else delta - 7)


# How far ahead a day named in a past-tense clause may lie and still be this year's.
NEAR_DAYS = 62


def days_ahead(ref: date, month: int, day: int) -> int:
    """Days from ``ref`` to this year's ``month``/``day`` (negative: behind); 0 when no such day."""
    try:
        return (date(ref.year, month, day) - ref).days
    except ValueError:
        return 0


def month_year(ref: date, month: int, tense: str | None, shift: int | None, day: int = 15) -> int:
    """Year of a month (or month and day) named without one."""
    here = (ref.month, ref.day)
    there = (month, day)
    if shift == -1:
        return ref.year if there < here and month != ref.month else ref.year - 1
    if shift == 1:
        return ref.year if there > here and month != ref.month else ref.year + 1
    if shift == 0:
        return ref.year
    if tense == "future":
        return ref.year if there >= (ref.month, 1) else ref.year + 1
    if tense == "past":
        return ref.year if month <= ref.month else ref.year - 1
    # No tense: the nearest such month.
    distance = month - ref.month
    if distance > 6:
        return ref.year - 1
    if distance < -6:
        return ref.year + 1
    return ref.year


SATURDAY, SUNDAY = 6, 7  # ISO weekdays


def paper_week(ref: date, shift: int, tense: str | None) -> int:
    """How many calendar weeks from ``ref``'s a paper of day ``ref`` means by the week
    ``shift`` weeks away ("last week" -1, "this week" 0, "next week" 1) told in ``tense``.
    A Sunday paper's week is the one that ends today: "last week" is the calendar week now
    ending, "this week" and "next week" ahead are the one that starts tomorrow; "this week"
    told in the past is the one ending. In a Saturday paper only Sunday is left of the week:
    what is still to come "this week" ("will go on strike this week") is in the next one."""
    if ref.isoweekday() == SUNDAY:
        return 0 if shift == -1 or (shift == 0 and tense == "past") else 1
    if ref.isoweekday() == SATURDAY and shift == 0 and tense == "future":
        return 1
    return shift

def period_value(ref: date, unit: str, shift: int) -> str | None:
    """TIMEX3 value of the ``unit`` (week, month, ...) ``shift`` units away from ``ref``'s."""
    if unit == "day":
        moved = shift_day(ref, shift)
        return day_value(moved) if moved else None
    if unit in ("week", "weekend", "fortnight"):
        moved = shift_day(ref, 7 * shift)
        if moved is None:
            return None
        return week_value(moved) + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        year, month = add_months(ref.year, ref.month, shift)
        return f"{year:04d}-{month:02d}" if 0 < year < 10000 else None
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + shift
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "season":
        year, season = month_season(ref)
        index = year * 4 + SEASON_ORDER.index(season) + shift
        return f"{index // 4:04d}-{SEASON_ORDER[index % 4]}"
    if unit == "year":
        year = ref.year + shift
        return f"{year:04d}" if 0 < year < 10000 else None
    if unit == "decade":
        return f"{ref.year // 10 + shift:03d}X"
    if unit == "century":
        return f"{ref.year // 100 + shift:02d}XX"
    return None


def ago_value(ref: date, amount: float, unit: str) -> str | None:
    """TIMEX3 value ``amount`` units before (negative: after) ``ref``, at the unit's precision."""
    n = int(amount)
    if n != amount or abs(n) > 5000:
        return None
    if unit in ("decade", "century"):
        unit, n = "year", n * (10 if unit == "decade" else 100)
    if unit == "hour" and n % 24 == 0:
        unit, n = "day", n // 24  # "48 hours later" is two days on, whatever the hour
    elif unit in ("hour", "minute", "second"):
        return day_value(ref)  # a few hours ago is still the reference day at day precision
    if unit == "night":
        unit = "day"
    if unit in ("week", "fortnight"):
        # "a week ago" names the day seven days back, as TimeML corpora annotate it, not a calendar week.
        unit, n = "day", n * (14 if unit == "fortnight" else 7)
    return period_value(ref, unit, -n)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` of a month; ``n`` = -1 is the last one."""
    if n < 0:
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def movable_holiday(name: str, year: int) -> date | None:
    """Date of a holiday that moves from year to year (Easter's feasts, US Monday holidays)."""
    if not 0 < year < 10000:
        return None
    if name in HOLIDAY_OFFSETS:
        base, days = HOLIDAY_OFFSETS[name]
        start = easter(year) if base == "easter" else movable_holiday(base, year)
        return shift_day(start, days) if start else None
    if name in NTH_WEEKDAY_HOLIDAYS:
        return nth_weekday(year, *NTH_WEEKDAY_HOLIDAYS[name])
    return None


def us_zone_offset(zone: str, day: str) -> str:
    """UTC offset of a US zone named without its season ("10 a.m. ET"): daylight saving
    time runs from the second Sunday of March to the first Sunday of November."""
    if zone not in US_ZONES or len(day) < 10:
        return ""
    try:
        when = date.fromisoformat(day[:10])
    except ValueError:
        return ""
    summer = nth_weekday(when.year, 3, 7, 2) <= when < nth_weekday(when.year, 11, 7, 1)
    hours = US_ZONES[zone] + (1 if summer else 0)
    return f"{'-' if hours < 0 else '+'}{abs(hours):02d}:00"
