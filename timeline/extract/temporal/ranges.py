"""A candidate's reading with the ends of its range: "from 24 to 26 February", "1998-2001",
"between March and May 2021" (the near end takes the far end's year)."""

from __future__ import annotations

from timeline.extract.temporal.context import Context, Reading, valid_day
from timeline.extract.temporal.resolve import RULES, month_day
from timeline.extract.temporal.scanner import Candidate


def range_end(c: Candidate, ctx: Context) -> str | None:
    """Value of the far end of a range, sharing the near end's month and year when it omits them."""
    g = c.groups
    if c.rule == "absolute-range":
        near = month_day(c, ctx)
        if near and near[1]:
            return valid_day(int(near[1][:4]), int(near[1][5:7]), int(g["day2"] or 0))
        return None
    if c.rule == "year-range":
        return f"{int(g['year'] or 0):04d}"
    if c.range_to is not None:
        far = RULES[c.range_to.rule](c.range_to, ctx)
        return far[1] if far else None
    return None


def first_value(c: Candidate, ctx: Context) -> Reading | None:
    """Reading of a candidate, with a year range's first year in front."""
    if c.rule == "year-range":
        return "DATE", f"{int(c.groups['year1'] or 0):04d}", "year-range"
    far = c.range_to
    if far is not None and far.groups.get("year") and not c.groups.get("year") and c.groups.get("month"):
        # "between March and May 2021": the near end shares the far end's year.
        c.groups["year"] = far.groups["year"]
        c.rule = "absolute-month" if c.rule == "month" else c.rule
    return RULES[c.rule](c, ctx)
