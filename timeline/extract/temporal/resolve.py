"""Turn candidates into TIMEX3 values: one normaliser per rule, anchored by the publication date.

Without a publication date, relative expressions keep the value None: they
are never guessed. The state a text builds up while it is read (its moving
reference date) lives in ``context``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import timeline.extract.temporal.anchor as anchor
import timeline.extract.temporal.compounds as compounds
from timeline.extract.temporal.context import (
    Context,
    Reading,
    anchor_of,
    month_number,
    narrative_base,
    narrative_year,
    parse_absolute,
    shift_of,
    valid_day,
    words,
    year_of,
)
from timeline.extract.temporal.lexicon import (
    DAY_WORDS,
    HOLIDAYS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCE_WORDS,
    SEASONS,
    UTC_ZONES,
    WEEKDAYS,
    ZONE_OFFSETS,
)
from timeline.extract.temporal.occasions import attributive, defined_occasion
from timeline.extract.temporal.quantities import measure, number, unit_name
from timeline.extract.temporal.scanner import Candidate
from timeline.extract.temporal.values import day_value, precision_of, week_value


def absolute_date(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    if g.get("iso"):
        value = valid_day(int(g["year"] or 0), int(g["mm"] or 0), int(g["dd"] or 0))
    else:
        value = valid_day(int(g["year"] or 0), month_number(g["month"]), int(g["day"] or 0))
    return ("DATE", value, "absolute-date") if value else None


def numeric_date(c: Candidate, ctx: Context) -> Reading | None:
    parsed = parse_absolute(c.groups["numeric"] or "")
    return ("DATE", day_value(parsed), "numeric-date") if parsed else None


def month_day(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    month, day = month_number(g["month"]), int(g["day"] or 0)
    year = year_of(g)
    if year is None:
        if ctx.dct is None:
            return ("DATE", None, "month-day-no-dct") if 1 <= day <= 31 else None
        told = narrative_year(ctx, c, month, day)
        if told is not None:
            value = valid_day(told, month, day)
            return ("DATE", value, "month-day-of-narrative-year") if value else None
        tense = ctx.tense(c)
        year = anchor.month_year(ctx.dct, month, tense, None, day)
        if tense == "past" and anchor.days_ahead(ctx.dct, month, day) in range(1, anchor.NEAR_DAYS + 1):
            # A past clause about a day a few weeks ahead is reported speech or a deadline
            # ("had to be agreed by Oct. 15"); a day eleven months back would carry its year.
            year = ctx.dct.year
    value = valid_day(year, month, day)
    return ("DATE", value, "month-day" if not g.get("year") else "absolute-date") if value else None


def absolute_month(c: Candidate, ctx: Context) -> Reading | None:
    return "DATE", f"{int(c.groups['year'] or 0):04d}-{month_number(c.groups['month']):02d}", "absolute-month"


def month(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    number_ = month_number(g["month"])
    base = anchor_of(ctx, g.get("rel")) if g.get("rel") else ctx.dct
    if base is None:
        return "DATE", None, "month-no-dct"
    shift = shift_of(g.get("rel"))
    told = None if g.get("rel") else narrative_year(ctx, c, number_)
    if told is not None:
        return "DATE", f"{told:04d}-{number_:02d}", "month-of-narrative-year"
    tense = ctx.tense(c)
    year = anchor.month_year(base, number_, tense, shift)
    rule = "month-" + ({-1: "last", 0: "this", 1: "next"}.get(shift or 0, "") if g.get("rel") else tense or "nearest")
    return "DATE", f"{year:04d}-{number_:02d}", rule


def year(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    if c.rule == "short-year":
        yy = int(g["yy"] or 0)
        pivot = (ctx.dct.year % 100 + 10) if ctx.dct else 30
        return "DATE", f"{(1900 if yy > pivot else 2000) + yy:04d}", "short-year"
    value = f"{int(g['year'] or 0):04d}"
    return "DATE", compounds.fiscal_year(value, g), "fiscal-year" if g.get("fiscal") else "year"


def decade(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    dec = int(g["dec"] or 0)
    if g.get("cent"):
        return "DATE", f"{g['cent']}{dec}X", "decade"
    recent = ctx.dct is not None and dec <= (ctx.dct.year - 2000) // 10
    return "DATE", f"{20 if recent else 19}{dec}X", "decade"


def century(c: Candidate, ctx: Context) -> Reading | None:
    word = words(c.groups["ord"])
    n = ORDINALS.get(word) or (int(word[:-2]) if word[:-2].isdigit() else 0)
    return ("DATE", f"{n - 1:02d}XX", "century") if n else None


def _part_year(c: Candidate, ctx: Context, index: int, per_year: int) -> tuple[int | None, str]:
    """Year of a quarter or half named with or without one; (year, rule)."""
    g = c.groups
    if g.get("year"):
        return int(g["year"] or 0), "absolute-part"
    if g.get("rel") or g.get("the"):
        base = anchor_of(ctx, g.get("rel")) if g.get("rel") else ctx.ref
        if base is None:
            return None, "relative-part-no-dct"
        return base.year + (shift_of(g.get("rel")) or 0), "relative-part"
    if ctx.dct is None:
        return None, "bare-part-no-dct"
    current = (ctx.dct.month - 1) * per_year // 12
    tense = ctx.tense(c)
    if tense == "future":
        return (ctx.dct.year if index >= current else ctx.dct.year + 1), "bare-part-future"
    if tense == "past":
        return (ctx.dct.year if index <= current else ctx.dct.year - 1), "bare-part-past"
    # No tense: this year's, unless it is more than one part ahead (reported after its end).
    return (ctx.dct.year if index - current <= 1 else ctx.dct.year - 1), "bare-part-nearest"


def quarter(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    if g.get("q"):
        index = int((g["q"] or "Q1")[1]) - 1
    else:
        word = words(g["ord"])
        if word == "last" and not (g.get("year") or g.get("rel") or g.get("the")):
            if ctx.dct is None:
                return "DATE", None, "last-quarter-no-dct"
            return "DATE", anchor.period_value(ctx.dct, "quarter", -1), "last-quarter"
        index = 3 if word in ("final", "last") else ORDINALS.get(word, 1) - 1
    year_, rule = _part_year(c, ctx, index, 4)
    return "DATE", (f"{year_:04d}-Q{index + 1}" if year_ else None), "quarter-" + rule


def half(c: Candidate, ctx: Context) -> Reading | None:
    index = 0 if words(c.groups["ord"]) in ("first", "1st") else 1
    year_, rule = _part_year(c, ctx, index, 2)
    return "DATE", (f"{year_:04d}-H{index + 1}" if year_ else None), "half-" + rule


def season(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    code = SEASONS[words(g["season"])]
    if g.get("year"):
        return "DATE", f"{int(g['year'] or 0):04d}-{code}", "absolute-season"
    if ctx.dct is None:
        return "DATE", None, "season-no-dct"
    year_, current = anchor.month_season(ctx.dct)
    now = year_ * 4 + anchor.SEASON_ORDER.index(current)
    target = anchor.SEASON_ORDER.index(code)
    shift = shift_of(g.get("rel"))
    # "summer" and "this summer" alike: the last one told in the past ("ordered a
    # withdrawal this summer" in October is the summer gone), else the next one
    this = shift is None or shift == 0
    direction = (-1 if ctx.tense(c) == "past" else 0) if this else shift
    k = now + (target - now) % 4  # this season or the next one of that name
    if direction == -1:
        k = k if k <= now and k != now else k - 4
        if this and (target - now) % 4 == 0:
            k = now  # past tense, same season: the current one
    elif direction == 1:
        k = k if k > now else k + 4
    return "DATE", f"{k // 4:04d}-{anchor.SEASON_ORDER[k % 4]}", "season-relative"


def holiday(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    name = words(g["holiday"])
    if name in NATIONAL_DAYS and _of_a_country(ctx.text, c):
        return "DATE", None, "holiday-of-a-country"
    fixed = HOLIDAYS.get(name)
    year_ = year_of(g)
    if year_ is None:
        if ctx.dct is None:
            return "DATE", None, "holiday-no-dct"
        this_year = anchor.movable_holiday(name, ctx.dct.year)
        month_, day = fixed or ((this_year.month, this_year.day) if this_year else (4, 1))
        year_ = anchor.month_year(ctx.dct, month_, ctx.tense(c), None, day)
    when = date(year_, *fixed) if fixed else anchor.movable_holiday(name, year_)
    return ("DATE", day_value(when), "holiday") if when else None


# Days every country keeps on a day of its own; the calendar of one (the US) gives the
# day only when no other country is said to keep it.
NATIONAL_DAYS = frozenset({"independence day"})
_COUNTRY_BEFORE = re.compile(r"(?i)(?:\b(?!America)\w+['’]s|\bits|\btheir)\s+$")


def _of_a_country(text: str, c: Candidate) -> bool:
    """"the country's independence day", "Pakistan's Independence Day", "its independence
    day": a national day kept by someone other than the United States."""
    return bool(_COUNTRY_BEFORE.search(text[max(0, c.start - 40):c.start]))


def weekday(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    base = anchor_of(ctx, g.get("rel"))
    if base is None:
        return "DATE", None, "weekday-no-dct"
    shift = shift_of(g.get("rel"))
    tense = ctx.tense(c)
    when = anchor.weekday_date(base, WEEKDAYS[words(g["weekday"])], tense, shift)
    if shift is not None:
        rule = "weekday-" + {-1: "last", 0: "this", 1: "next"}[shift]
    elif when == base:
        rule = "weekday-same-day"
    else:
        rule = f"weekday-{tense or 'default'}-tense"
    value = day_value(when)
    if g.get("part"):
        return "TIME", f"{value}T{PARTS_OF_DAY[words(g['part'])]}", rule
    return "DATE", value, rule


def weekday_set(c: Candidate, ctx: Context) -> Reading | None:
    return "SET", f"XXXX-WXX-{WEEKDAYS[words(c.groups['weekday'])]}", "weekday-set"


def day_word(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    word = words(g["dayword"])
    if ctx.dct is None:
        return "DATE", None, "dct-relative-day-no-dct"
    when = anchor.shift_day(ctx.dct, DAY_WORDS[word])
    if when is None:
        return None
    part = PARTS_OF_DAY.get(words(g.get("part"))) or ("NI" if word == "tonight" else None)
    if part:
        return "TIME", f"{day_value(when)}T{part}", "dct-relative-day"
    return "DATE", day_value(when), "dct-relative-day"


def part_of_day(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    rel = words(g.get("rel"))
    base = ctx.dct if rel else ctx.ref
    if base is None:
        return "TIME", None, "part-of-day-no-dct"
    if not rel and defined_occasion(ctx.doc, c.start, c.end):
        return "TIME", None, "part-of-day-occasion"  # "on the night Jackson died": not the day's own night
    when = anchor.shift_day(base, -1) if rel == "last" else base
    return "TIME", f"{day_value(when)}T{PARTS_OF_DAY[words(g['part'])]}" if when else None, "part-of-day"


def narrative_day(c: Candidate, ctx: Context) -> Reading | None:
    if c.groups.get("core") and defined_occasion(ctx.doc, c.start, c.end):
        return "DATE", None, "narrative-day-occasion"  # "on the day Bhutto was assassinated": its own day
    return "DATE", day_value(ctx.ref) if ctx.ref else None, "narrative-day"


def relative_unit(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    base = anchor_of(ctx, g.get("rel"))
    if base is None:
        return "DATE", None, "relative-unit-no-dct"
    unit = words(g["unit"])
    shift = shift_of(g.get("rel")) or 0
    rule = "narrative-unit" if base is not ctx.dct else "dct-relative-unit"
    if unit == "week" and base is ctx.dct:
        shift = anchor.paper_week(ctx.dct, shift, ctx.tense(c))
    return "DATE", anchor.period_value(base, unit, shift), rule


def weekend(c: Candidate, ctx: Context) -> Reading | None:
    if ctx.dct is None:
        return "DATE", None, "weekend-no-dct"
    days_to_saturday = 6 - ctx.dct.isoweekday()
    if ctx.tense(c) in ("future", "present"):  # the present of news is a schedule: "talks run through the weekend"
        saturday = ctx.dct + timedelta(days=days_to_saturday if days_to_saturday >= -1 else days_to_saturday + 7)
        return "DATE", week_value(saturday) + "-WE", "weekend-future"
    saturday = ctx.dct + timedelta(days=days_to_saturday if days_to_saturday <= 0 else days_to_saturday - 7)
    return "DATE", week_value(saturday) + "-WE", "weekend-past"


def unit_shift(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    unit = words(g["unit"])
    base = narrative_base(ctx, unit)
    if base is None:
        return "DATE", None, "narrative-shift-no-ref"
    back = words(g["dir"]) in ("before", "earlier", "previous", "prior")
    return "DATE", anchor.period_value(base, unit, -1 if back else 1), "narrative-shift"


def position_of_unit(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    # "the end of the month" is the narrative's month only when the sentence has just named
    # a date; otherwise the month of publication.
    narrative = words(g["rel"]) == "the" and compounds.recent_period(ctx, c) is not None
    base = (ctx.ref or ctx.dct) if narrative else ctx.dct
    if base is None:
        return "DATE", None, "position-no-dct"
    shift = shift_of(g["rel"]) or 0
    return "DATE", anchor.period_value(base, words(g["unit"]), shift), "position-of-period"


def ago(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    narrative = words(g.get("dir")) != "ago"
    base = narrative_base(ctx, unit_name(g["unit"])) if narrative else ctx.dct
    amount = number(g.get("num"))
    if amount is None:
        return "DATE", "PAST_REF", "vague-ago"
    if base is None:
        return "DATE", None, "ago-no-dct"
    compared = compounds.compared_year_back(c, ctx, amount, unit_name(g["unit"]))
    if compared:
        return compared
    if not narrative and counted_weeks(amount, unit_name(g["unit"])):
        # "two weeks ago", "three weeks ago": a count rounded to weeks names the week, not a day
        weeks = int(amount) * (2 if unit_name(g["unit"]) == "fortnight" else 1)
        return "DATE", anchor.period_value(base, "week", -weeks), "ago-weeks"
    return "DATE", anchor.ago_value(base, amount, unit_name(g["unit"])), "narrative-shift" if narrative else "ago"


def counted_weeks(amount: float, unit: str) -> bool:
    """Whether "``amount`` ``unit`` ago" counts weeks roughly: two weeks or more, or a fortnight.
    "A week ago" stays the day seven days back, as TimeML corpora annotate it."""
    return amount == int(amount) and ((unit == "week" and amount >= 2) or unit == "fortnight")


def narrative_shift(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    amount = number(g.get("num"))
    base = narrative_base(ctx, unit_name(g["unit"]))
    if base is None or amount is None:
        return "DATE", None, "narrative-shift-no-ref"
    return "DATE", anchor.ago_value(base, -amount, unit_name(g["unit"])), "narrative-shift"


def clock_time(c: Candidate, ctx: Context) -> Reading | None:
    g = c.groups
    day: str | None = None
    if c.day is not None:
        found = RULES[c.day.rule](c.day, ctx)
        day = found[1][:10] if found and found[1] and precision_of(found[1]) in ("day", "time") else None
    elif ctx.ref is not None:
        day = day_value(ctx.dct if ctx.dct is not None and _stamp(ctx.text, c) else clock_day(c, ctx))
    if g.get("named"):
        if c.day is None and attributive(ctx.doc, c.start, c.end):
            return "TIME", None, "clock-time-attributive"  # "arrested in a midnight raid": no day of its own
        clock = "12:00" if words(g["named"]) == "noon" else "24:00"
    else:
        hour, minute = int(g["hour"] or 0), int(g["minute"] or 0)
        ampm = words(g.get("ampm")).replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{minute:02d}"
    name = (g.get("zone") or "").upper()
    zone = "Z" if name in UTC_ZONES else ZONE_OFFSETS.get(name) or (anchor.us_zone_offset(name, day) if day else "")
    return "TIME", (f"{day}T{clock}{zone}" if day else None), "clock-time"


def clock_day(c: Candidate, ctx: Context) -> date:
    """Day of a clock time that names none: the narrative's day, unless the clause's
    tense points the other way from the publication date ("stocks rose at 2 p.m."
    after a meeting set for next month is today's 2 p.m.)."""
    ref, dct = ctx.ref, ctx.dct
    if ref is None or dct is None or ref == dct:
        return ref or dct  # type: ignore[return-value]
    tense = ctx.tense(c)
    if (tense == "past" and ref > dct) or (tense in ("future", "present") and ref < dct):
        return dct
    return ref


def _stamp(text: str, c: Candidate) -> bool:
    """Whether a clock time that names no day opens a line ("12.10pm Agency reports
    that…"): the time an entry of a live page was posted, on the day the page is of,
    whatever day its entries speak of ("postponed until tomorrow a decision")."""
    return not text[text.rfind("\n", 0, c.start) + 1:c.start].strip()


def reference(c: Candidate, ctx: Context) -> Reading | None:
    return "DATE", REFERENCE_WORDS[words(c.groups["ref"])], "reference-word"


def measured(c: Candidate, ctx: Context) -> Reading | None:
    return measure(c, ctx.text)


RULES: dict[str, Callable[[Candidate, Context], Reading | None]] = {
    "absolute-date": absolute_date, "numeric-date": numeric_date, "absolute-range": month_day,
    "month-day": month_day, "absolute-month": absolute_month, "month": month, "relative-month": month,
    "year": year, "year-range": year, "short-year": year, "decade": decade, "century": century,
    "quarter": quarter, "half": half, "season": season, "holiday": holiday, "weekday": weekday,
    "weekday-set": weekday_set, "day-word": day_word, "part-of-day": part_of_day,
    "narrative-day": narrative_day, "relative-unit": relative_unit, "unit-shift": unit_shift,
    "position-of-unit": position_of_unit, "weekend": weekend, "ago": ago, "narrative-shift": narrative_shift,
    "duration": measured, "unit-long": measured, "vague-duration": measured, "frequency": measured,
    "clock-time": clock_time, "reference-word": reference, **compounds.RULES,
}

