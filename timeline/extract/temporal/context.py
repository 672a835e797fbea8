"""What resolution knows while it reads a text: the publication date and the moving reference date.

Relative expressions count from the publication date (``dct``) or, for
narrative words ("the following day", "two days later"), from the last date
the text itself set; this module keeps that state and the small readers of
pattern groups that every normaliser shares.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.extract.temporal.lexicon import MONTHS, NARRATIVE_SHIFTS, POSITION_MODS, QUANTITY_MODS, RELATIVE_SHIFTS
from timeline.extract.temporal.scanner import Candidate
from timeline.extract.temporal.tense import tense_at
from timeline.extract.temporal.values import bounds, day_value, precision_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

# (type, value, rule): what a normaliser returns; None drops the candidate.
Reading = tuple[str, str | None, str]


@dataclass
class Context:
    doc: Doc
    dct: date | None
    ref: date | None  # the day the narrative last placed itself on
    period: tuple[date, str] | None = None  # first day and precision of the last dated expression
    period_value: str | None = None  # value of the last dated expression, for comparisons
    period_at: int = -1  # where that expression starts in the text
    # doc.text joins every token anew on each read: read it once per document.
    text: str = ""

    def __post_init__(self) -> None:
        from timeline.extract.events.tokens import parse_of

        # read with the parse that the events will read too
        self.text = self.text or parse_of(self.doc).text

    def tense(self, cand: Candidate) -> str | None:
        return tense_at(self.doc, cand.start, cand.end)


_SPACES = re.compile(r"\s+")


def words(text: str | None) -> str:
    return _SPACES.sub(" ", (text or "").strip().lower()).replace("’", "'")


def month_number(text: str | None) -> int:
    return MONTHS[words(text).rstrip(".")]


def year_of(g: dict[str, str | None]) -> int | None:
    year = g.get("year")
    return int(year) if year else None


def valid_day(year: int, month: int, day: int) -> str | None:
    try:
        return day_value(date(year, month, day))
    except ValueError:
        return None  # "31 February" names no day


# Month/day/year, the numeric date of American English news.
_MDY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4}|[0-9]{2})")


@lru_cache(maxsize=4096)
def parse_absolute(text: str) -> date | None:
    """An absolute date string through dateparser (slow, hence the cache).

    A valid month/day/year is read directly: dateparser gives the same day
    for it (compared on some twenty thousand such strings) but builds its
    tables on the first call, up to a second in every process. A two-digit
    year takes the century strptime's ``%y`` gives it, as dateparser does.
    Impossible days are left to dateparser.
    """
    found = _MDY.fullmatch(text)
    if found:
        month, day, year = (int(part) for part in found.groups())
        if len(found[3]) == 2:
            year += 1900 if year >= 69 else 2000
        try:
            return date(year, month, day)
        except ValueError:
            pass
    import dateparser

    settings = {"DATE_ORDER": "MDY", "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    try:
        parsed: datetime | None = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return parsed.date() if parsed else None


def shift_of(rel: str | None) -> int | None:
    return RELATIVE_SHIFTS.get(words(rel)) if rel else None


def anchor_of(ctx: Context, rel: str | None) -> date | None:
    """Narrative words count from the text's own reference date, the rest from the publication date."""
    return ctx.ref if rel and words(rel) in NARRATIVE_SHIFTS else ctx.dct



def move_reference(ctx: Context, value: str | None, rule: str, at: int = -1) -> None:
    """Let the dates the text sets become the reference of what follows."""
    if not value or rule in ("narrative-day", "overnight"):  # both count from a day, set none
        return
    precision = precision_of(value)
    span = bounds(value)
    if span is not None:
        ctx.period_value, ctx.period_at = value, at
    if span is None or precision not in NARRATIVE_UNITS and precision != "time":
        return
    ctx.period = (span[0], "day" if precision == "time" else precision)
    if precision in ("day", "time"):
        ctx.ref = span[0]


# How many characters back the year a past narrative is in ("appointed in December 1988")
# still holds for a month named without one ("his second crisis came on March 5").
NARRATIVE_REACH = 400


def narrative_year(ctx: Context, cand: Candidate, month: int, day: int = 1) -> int | None:
    """The year of a month named without one in a clause told in the past, when the text
    has just set a time more than a year before the publication date: "Hu became party
    chief in Tibet in December 1988. His second crisis came on March 5" is March 1989, not
    the March before the paper came out. None when the text is in the years of the news."""
    if ctx.dct is None or ctx.period is None or ctx.period_at < 0 or cand.start - ctx.period_at > NARRATIVE_REACH:
        return None
    first, precision = ctx.period
    if first.year >= ctx.dct.year - 1 or ctx.tense(cand) != "past":
        return None
    if _bound(ctx.text, ctx.period_at) or _bound(ctx.text, cand.start):
        return None  # "the highest since 1983 … has not closed above 8,000 since February": bounds, no story told
    # a narrative moves forward: a month before the one it is in belongs to the next year
    return first.year if precision == "year" or (month, day) >= (first.month, first.day) else first.year + 1


_BOUND = re.compile(r"(?i)\b(?:since|until|till|before|after|than|from|by)\s+(?:early|mid|late|the\s+end\s+of)?\s*$")


def _bound(text: str, at: int) -> bool:
    """Whether the expression at ``at`` is a bound ("since 1983", "until March"), not a time told."""
    return bool(_BOUND.search(text[max(0, at - 24):at]))


# Precisions a narrative can count from, finest first.
NARRATIVE_UNITS = ("day", "week", "month", "quarter", "year")


def narrative_base(ctx: Context, unit: str) -> date | None:
    """Date that "a year later" or "the month before" counts from: the last
    expression at least as fine as the unit, else the reference day."""
    if ctx.period and unit in NARRATIVE_UNITS and ctx.period[1] in NARRATIVE_UNITS:
        if NARRATIVE_UNITS.index(ctx.period[1]) <= NARRATIVE_UNITS.index(unit):
            return ctx.period[0]
    return ctx.ref


def modifier(c: Candidate) -> str | None:
    """The TIMEX3 mod of a candidate: its position ("early", "the end of") or quantity ("about")."""
    if c.position:
        return POSITION_MODS.get(c.position)
    pos = c.groups.get("pos") or c.groups.get("pre")
    if pos and c.rule == "position-of-unit":
        return POSITION_MODS.get(words(pos) + " of")
    qmod = c.groups.get("qmod")
    return QUANTITY_MODS.get(words(qmod)) if qmod else None
