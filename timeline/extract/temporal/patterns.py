"""Regular expressions for English time expressions, one per rule: data built from the lexicon.

Each entry is (rule name, pattern, openings). A ``core`` group, when
present, is the extent TimeML annotates; the rest of the match is context
that licenses it ("in the morning" annotates "the morning"). Names of months
and weekdays are matched only capitalised; other words in any case. The
openings say how a match can begin, so that the scanner tries each pattern
only where it can match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.extract.temporal.lexicon import (
    CLOCK_WORDS,
    DAY_WORDS,
    FREQUENCIES,
    HOLIDAYS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NUMBER_WORDS,
    ORDINALS,
    OTHER_ZONES,
    PARTS_OF_DAY,
    QUANTITY_MODS,
    REFERENCE_WORDS,
    SEASONS,
    UTC_ZONES,
    VAGUE_QUANTITIES,
    WEEKDAYS,
)


def _alt(words: object, capitalise: bool = False) -> str:
    """Alternation of phrases, longest first, spaces matching any run of whitespace."""
    phrases = sorted({w.capitalize() if capitalise else w for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(p.replace("'", "['’]").replace(" ", r"\s+").replace(".", r"\.") for p in phrases)


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# The same moment in another zone, in brackets after a clock time: "1653 (2153 GMT)".
OTHER_ZONE_TIME = rf"\s*\(\s*(?:[01]\d|2[0-3])[0-5]\d\s*(?:{_alt(UTC_ZONES + OTHER_ZONES)})\s*\)"
# The day a four-figure clock time falls on, right after it: "1040 on 25 June", "0930 on Tuesday".
CLOCK_BEFORE_DAY = r"\s+on\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+day\b|[A-Z][a-z]{2,8}\.?\s+\d)"
# The half of the day after a clock time: "a.m.", "pm".
HALF_DAY = r"[ap]\.?\s?m\b\.?"
# Four clock figures with the half of the day after them: "at 1209 a.m.".
CLOCK_HALF_DAY = rf"\s*(?i:{HALF_DAY})"
CLOCK_AFTER = rf"\s+(?i:{_alt(CLOCK_WORDS)})\b|{OTHER_ZONE_TIME}"
NUM = rf"(?i:\d+(?:\.\d+)?|(?:{_TENS})-(?:{_ONES})|{_alt(NUMBER_WORDS)})"
# Abbreviations may end in a full stop; full names may not (it ends the sentence).
MONTH = (rf"(?P<month>{_alt((m for m in MONTHS if len(m) > 4 or m in ('may', 'june', 'july')), capitalise=True)}"
         rf"|(?:{_alt((m for m in MONTHS if len(m) <= 4 and m not in ('may', 'june', 'july')), capitalise=True)})\.?)")
WEEKDAY = rf"(?P<weekday>{_alt(WEEKDAYS, capitalise=True)})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})(?![\d.,]\d)"
UNIT = (r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
        r"|decades?|century|centuries)")
PLURAL_UNITS = ("seconds", "minutes", "hours", "days", "nights", "weeks", "months", "quarters", "years", "decades",
                "centuries")
PLURAL_UNIT = "(?P<unit>" + "|".join(PLURAL_UNITS) + ")"
UNIT_ADJ = r"(?:(?i:trading|business|working|calendar|straight|consecutive|full|long|more|additional)\s+)?"
QMOD = rf"(?:(?P<qmod>(?i:{_alt(QUANTITY_MODS)}))\s+)?"
PART = rf"(?P<part>(?i:{_alt(k for k in PARTS_OF_DAY if k not in ('tonight', 'overnight', 'noon'))}))"
ZONE = rf"(?:\s*(?P<zone>{_alt(UTC_ZONES + OTHER_ZONES)})\b)?"
# Words that place a period relative to another, tried in this order.
REL_WORDS = ("this past", "this coming", "the previous", "the following", "the next", "the last", "the coming",
             "the current", "the same", "the prior", "last", "next", "this", "coming", "past", "previous", "following",
             "upcoming", "current")
REL = "(?P<rel>(?i:" + "|".join(w.replace(" ", r"\s+") for w in REL_WORDS) + "))"
END = r"(?![\w-])"
START = r"(?<![\w$£€#.])(?<!\d-)"


# How a match of each pattern can begin (notation in ``openings.py``): the
# scanner tries a pattern only where one of its openings stands. Every match
# of a pattern begins with one of its openings, and so never matches the empty
# string; tests/test_temporal_scanner.py holds the two to each other.
DIGIT = r"\d"


def _openings(phrases: Iterable[str], joined: bool = False) -> tuple[str, ...]:
    """The openings of an alternation of ``phrases``: the first word of each, or
    its first two when a space follows the first; ``joined`` when a letter may
    follow the alternation in the pattern, so that its last word may run on."""
    out: set[str] = set()
    for phrase in phrases:
        phrase = phrase.lower()
        words = re.match("([a-z]+)(?: ([a-z]+))?", phrase)
        if words is None:
            if not phrase[:1].isdecimal():
                raise ValueError(f"no opening for the phrase {phrase!r}")
            out.add(DIGIT)
            continue
        opening = words[0]
        out.add(opening + "*" if joined and phrase == opening else opening)
    return tuple(sorted(out))


def _after(firsts: Iterable[str], seconds: Iterable[str]) -> tuple[str, ...]:
    """Openings of two words: one of ``firsts``, whitespace, one of ``seconds``."""
    return tuple(f"{first} {second}" for first in firsts for second in seconds)


def _any(*parts: str | Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({opening for part in parts for opening in ((part,) if isinstance(part, str) else part)}))


_WEEKDAY = _openings(WEEKDAYS)
_WEEKDAY_JOINED = _openings(WEEKDAYS, joined=True)  # followed by \s* or a plural s
_MONTH = _openings(MONTHS)
_MONTH_JOINED = _openings(MONTHS, joined=True)  # followed by \s*
_REL = _openings(REL_WORDS)
_NUM = _any(DIGIT, _openings(NUMBER_WORDS), _openings(_TENS.split("|")))
_QMOD = _openings(QUANTITY_MODS)
_VAGUE = _openings(VAGUE_QUANTITIES)
_FRAME = ("past", "last", "next", "coming", "previous", "first", "final", "following")
_ORDINAL = _openings(ORDINALS)
_DAY = _any(r"\d{1,2}", _after(["the"], [DIGIT]))  # (?:the\s+)?{DAY}
_REL_FIRSTS = sorted({opening.split(" ")[0] for opening in _REL})
_QUARTER_ORD = ("first", "second", "third", "fourth", "final", "last")
_HALF_ORD = ("first", "second", "latter")
_WEEK_ORD = ("first", "second", "third", "fourth", "last", "final")
_NARRATIVE_VERBS = ("in", "during", "on", "for", "of", "end", "ends", "ended", "ending", "close", "closes", "closed",
                    "closing", "start", "starts", "started", "starting", "finish", "finishes", "finished", "finishing",
                    "begin", "begins", "beginning", "began")
_SHIFTED_UNITS = ("day", "week", "month", "year")
_LONG_UNITS = ("hour", "day", "week", "month", "year", "decade", "minute")
_SPENDING = ("for", "in", "within", "take", "takes", "took", "taking", "last", "lasts", "lasted", "lasting", "spend",
             "spent")

PATTERNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # Dates written out in full, with an optional weekday in front.
    ("absolute-date", rf"(?:{WEEKDAY}\s*,?\s*)?{MONTH}\s+{DAY}(?:\s*,\s*|\s+){YEAR}",
     _any(_WEEKDAY_JOINED, _MONTH)),
    ("absolute-date", rf"(?:{WEEKDAY}\s*,?\s*)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}\s*,?\s*{YEAR}",
     _any(_WEEKDAY_JOINED, _DAY)),
    ("absolute-date", r"(?P<iso>(?P<year>1[0-9]{3}|20[0-9]{2})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d))",
     (r"\d{4}",)),
    ("numeric-date", r"(?P<numeric>[01]?\d/[0-3]?\d/(?:\d{4}|\d{2}))",
     (r"\d{1,2}",)),
    ("absolute-range", rf"{MONTH}\s+{DAY}\s*(?:-|–|to|and|until|through)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*,?\s*{YEAR})?",
     _MONTH),
    ("absolute-range", rf"{DAY}\s*(?:-|–|to|and|until)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:\s*,?\s*{YEAR})?",
     (r"\d{1,2}",)),
    ("month-day", rf"(?:{WEEKDAY}\s*,?\s*)?{MONTH}\s+{DAY}(?![\d:,.]\d)",
     _any(_WEEKDAY_JOINED, _MONTH)),
    ("month-day", rf"(?:{WEEKDAY}\s*,?\s*)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}",
     _any(_WEEKDAY_JOINED, _DAY)),
    ("absolute-month", rf"{MONTH}\s*,?\s*(?:of\s+)?{YEAR}",
     _MONTH_JOINED),
    ("month", rf"{MONTH}(?!\s*\d)",
     _MONTH),
    ("relative-month", rf"{REL}\s+{MONTH}(?!\s*\d)",
     _REL),
    ("year", rf"(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|FY))\s*)?{YEAR}(?!\s*(?:%|(?i:percent|per\s+cent)))",
     ("fiscal", "fy", r"\d{4}")),
    ("year-range", rf"(?P<year1>1[0-9]{{3}}|20[0-9]{{2}})\s*(?:-|–|/)\s*{YEAR}",
     (r"\d{4}",)),
    ("short-year", r"['’](?P<yy>\d\d)(?!['’\w])",
     ("'", "’")),
    ("decade", r"(?P<cent>1\d|20)(?P<dec>\d)0['’]?s",
     (r"\d{4}",)),
    # Without a century, only where the context makes it a decade ("the 80s", "the 70s and 80s").
    ("decade", r"(?:(?<=\bthe\s)|(?<=\band\s)|(?<=\bor\s)|['’])(?P<dec>\d)0['’]?s",
     (r"\d{2}", "'", "’")),
    ("century", rf"(?:(?i:the)\s+)?(?P<ord>(?i:{_alt(ORDINALS)})|\d{{1,2}}(?:st|nd|rd|th))[\s-]+(?i:century)",
     _any(_ORDINAL, _after(["the"], _ORDINAL))),
    ("quarter", r"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+"
                r"(?i:fiscal\s+)?(?i:quarter)(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal\s+)?"
                rf"{YEAR}|{REL}\s+(?i:fiscal\s+)?(?i:year)|(?P<the>(?i:the\s+(?:fiscal\s+)?year))))?",
     _any(_QUARTER_ORD, r"\d{1}", _after(["the"], (*_QUARTER_ORD, DIGIT)))),
    ("quarter", rf"(?P<q>Q[1-4])(?:\s+{YEAR})?",
     ("q",)),
    ("half", r"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|1st|2nd|latter))[\s-]+(?i:half)\s+(?:(?i:of)\s+)?"
             rf"(?:{YEAR}|{REL}\s+(?i:year)|(?P<the>(?i:the\s+year)))",
     _any(_HALF_ORD, r"\d{1}", _after(["the"], (*_HALF_ORD, DIGIT)))),
    ("season", rf"(?:{REL}\s+)?(?P<season>(?i:{_alt(SEASONS)}))(?:\s+(?:(?i:of)\s+)?{YEAR})?",
     _any(_REL, _openings(SEASONS))),
    ("holiday", rf"(?P<holiday>(?i:{_alt(list(HOLIDAYS) + list(MOVABLE_HOLIDAYS))}))(?:,?\s+{YEAR})?",
     _openings(list(HOLIDAYS) + list(MOVABLE_HOLIDAYS))),
    ("weekday", rf"(?:{REL}\s+)?{WEEKDAY}(?:\s+{PART})?(?!s)",
     _any(_REL, _WEEKDAY)),
    ("weekday-set", rf"(?:(?P<every>(?i:every|each))\s+)?{WEEKDAY}(?P<plural>s)?",
     _any("every", "each", _WEEKDAY_JOINED)),
    ("day-word", rf"(?:(?P<pre>(?i:earlier|later|early|late))\s+)?(?P<dayword>(?i:{_alt(DAY_WORDS)}))"
                 rf"(?:\s+{PART})?",
     _any("earlier", "later", "early", "late", _openings(DAY_WORDS))),
    ("part-of-day", rf"(?P<rel>(?i:this|last|early\s+this|late\s+this|later\s+this|earlier\s+this))\s+{PART}",
     ("this", "last", "early this", "late this", "later this", "earlier this")),
    ("part-of-day", rf"(?i:in|during|on|by|until|through)\s+(?P<core>the\s+{PART})",
     _after(["in", "during", "on", "by", "until", "through"], ["the"])),
    ("narrative-day", r"(?i:(?:earlier|later|late|early)\s+(?:in\s+)?(?:the|that)\s+day|the\s+same\s+day"
                      r"|that\s+(?:same\s+)?day)",
     _any(_after(["earlier", "later", "late", "early"], ["in", "the", "that"]), "the same", "that day", "that same")),
    ("narrative-day", r"(?i:in|during|on|for|of|end(?:s|ed|ing)?|clos(?:e|es|ed|ing)|start(?:s|ed|ing)?"
                      r"|finish(?:es|ed|ing)?|begin(?:s|ning)?|began)\s+(?P<core>(?i:the\s+day))(?!\s+(?:before|after|of|when|that|in))",
     _after(_NARRATIVE_VERBS, ["the"])),
    ("relative-unit", rf"(?:(?P<pre>(?i:earlier|later))\s+)?{REL}\s+"
                      r"(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|fortnight))",
     _any(_REL, _after(["earlier", "later"], _REL_FIRSTS))),
    ("unit-shift", r"(?i:the\s+)?(?P<unit>(?i:day|week|month|year))\s+(?P<dir>(?i:before|after|earlier|later|previous|prior))"
                   r"(?=\s*(?:[^\w\s]|$))",
     _any(_SHIFTED_UNITS, _after(["the"], _SHIFTED_UNITS))),
    ("position-of-unit", r"(?P<pos>(?i:the\s+(?:start|beginning|end|close|middle)))\s+(?i:of)\s+"
                         r"(?P<rel>(?i:the|this|last|next))\s+(?P<unit>(?i:year|month|week|day|decade|quarter))",
     _after(["the"], ["start", "beginning", "end", "close", "middle"])),
    # "ago" always closes a date; "earlier" and "before" only at the end of a clause
    # ("two days before the vote" is a duration and the vote).
    ("ago", rf"{QMOD}(?P<num>{NUM}|(?i:{_alt(VAGUE_QUANTITIES)}))\s+{UNIT_ADJ}{UNIT}\s+"
            r"(?P<dir>(?i:ago)|(?i:earlier|before)(?=\s*(?:[^\w\s]|$)))",
     _any(_QMOD, _NUM, _VAGUE)),
    ("narrative-shift", rf"(?P<num>{NUM})\s+{UNIT_ADJ}{UNIT}\s+(?P<dir>(?i:later|afterwards?))",
     _NUM),
    ("duration", rf"(?:(?P<frame>(?i:the\s+)?(?i:past|last|next|coming|previous|first|final|following))\s+)?"
                 rf"{QMOD}(?P<num>{NUM})(?P<half>\s+(?i:and\s+a\s+half))?[\s-]+{UNIT_ADJ}{UNIT}(?:[\s-]+(?i:long|old))?",
     _any(_FRAME, _after(["the"], _FRAME), _QMOD, _NUM)),
    ("duration", rf"(?:(?i:the\s+)?(?i:past|last|next|coming))\s+{UNIT_ADJ}(?P<unit>(?i:week|month|year|decade|century|day))(?!s)",
     _any(_FRAME[:4], _after(["the"], _FRAME[:4]))),
    ("unit-long", r"(?P<unit>(?i:hour|day|week|month|year|decade|minute))(?P<plural>s)?-long",
     _any(_LONG_UNITS, (unit + "s" for unit in _LONG_UNITS))),
    ("vague-duration", rf"{QMOD}(?P<vague>(?i:{_alt(VAGUE_QUANTITIES)}))\s+{UNIT_ADJ}{PLURAL_UNIT}",
     _any(_QMOD, _VAGUE)),
    ("vague-duration", rf"(?i:for|over\s+the|in\s+recent|in|within|in\s+just|in\s+mere|take|takes|took|taking|last|lasts"
                       rf"|lasted|lasting|spend|spent)\s+(?P<core>{PLURAL_UNIT})",
     _any(_after(_SPENDING, PLURAL_UNITS), "over the", "in recent", "in just", "in mere")),
    ("weekend", r"(?i:in|during|over|at|on|for|by|until|till|through|throughout)\s+(?P<core>(?i:the\s+weekend))",
     _after(["in", "during", "over", "at", "on", "for", "by", "until", "till", "through", "throughout"], ["the"])),
    # Compounds that compare or place a period: resolved in ``compounds``.
    ("same-period", r"(?i:the\s+same\s+)(?P<noun>(?i:period|time|day|week|month|quarter|half|season))\s+(?i:of\s+)?"
                    r"(?P<back>(?i:(?:the\s+)?(?:last|previous|prior|preceding)\s+year|a\s+year\s+(?:earlier|ago|before)"
                    r"|the\s+year\s+before))",
     ("the same",)),
    ("week-of-month", rf"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+(?i:of)\s+"
                      rf"{MONTH}(?:\s*,?\s*{YEAR})?",
     _any(_after(_WEEK_ORD, ["week"]), _after(["the"], _WEEK_ORD))),
    ("month-quarter", rf"(?:(?i:the)\s+)?{MONTH}\s*(?:-|–|to)\s*(?P<month2>{_alt(MONTHS, capitalise=True)})\.?\s+"
                      r"(?i:quarter|period)",
     _any(_MONTH_JOINED, _after(["the"], _MONTH_JOINED))),
    ("month-of-year", rf"{MONTH}\s+(?i:of)\s+(?P<rel>(?i:that|the\s+same|the\s+following|the\s+next|the\s+previous"
                      r"|the\s+prior))\s+(?i:year)",
     _MONTH),
    # "October last year", "on June 5 next year", "the 3rd of May this year": a month or a day
    # placed in a year named relative to the publication date.
    ("month-of-relative-year", rf"(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?)?{MONTH}"
                               r"(?:\s+(?P<mday>[0-3]?\d)(?:st|nd|rd|th)?)?\s*,?\s+(?:(?i:of)\s+)?"
                               r"(?P<rel>(?i:last|next|this))\s+(?i:year)\b",
     _any(_MONTH, _DAY)),
    ("overnight", r"(?P<overnight>(?i:overnight))",
     ("overnight",)),
    ("months-of-year", r"(?i:the\s+)(?P<edge>(?i:first|last|final))\s+(?P<n>(?i:three|six|3|6))\s+(?i:months\s+of)\s+"
                       rf"(?:{YEAR}|{REL}\s+(?i:year)|(?P<the>(?i:the\s+year)))",
     _after(["the"], ["first", "last", "final"])),
    # A bare plural unit before "after" is a vague duration: "days after the vote".
    ("vague-duration", rf"(?:^|(?<=[,;(\n]\s)|(?<=\n)|(?<=\.\s)|(?<=\bjust\s)|(?<=\bonly\s)|(?<=\bmere\s))"
                       rf"(?P<core>(?i:{PLURAL_UNIT}))(?=\s+(?i:after|before)\b)",
     _openings(PLURAL_UNITS)),
    ("frequency", rf"(?P<freq>(?i:{_alt(FREQUENCIES)}))",
     _openings(FREQUENCIES)),
    ("frequency", rf"(?:(?i:once|twice|thrice|{NUM}\s+times)\s+)?(?i:every|each|per|a|an)\s+(?P<num>{NUM}\s+)?{UNIT}",
     _any("once", "twice", "thrice", _NUM, "every", "each", "per", "a", "an")),
    ("clock-time", rf"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>{HALF_DAY}){ZONE}",
     (r"\d{1,2}",)),
    ("clock-time", rf"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d){ZONE}",
     (r"\d{1,2}",)),
    ("clock-time", rf"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?P<zone>{_alt(UTC_ZONES)})\b",
     (r"\d{4}",)),
    # Four figures are a clock time, not a year, before "local time" or the same moment in
    # another zone ("1653 (2153 GMT)"), or after "at" ("struck at 1653"), where the
    # scanner asks the parse whether the number is the object of "at", or whether the day it
    # falls on follows ("was 1040 on 25 June": a year is never told before its day).
    ("clock-time", rf"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)(?={CLOCK_AFTER}|\s+on\s|(?<=\b[Aa]t\s\d{{4}}))"
                   rf"(?P<local>\s+(?i:{_alt(CLOCK_WORDS)})\b)?(?P<other>{OTHER_ZONE_TIME})?",
     (r"\d{4}",)),
    ("clock-time", r"(?P<named>(?i:noon|midnight))",
     ("noon", "midnight")),
    ("reference-word", rf"(?<!\bas\s)(?P<ref>(?i:{_alt(REFERENCE_WORDS)}))(?!\s+(?:\d|few|several|(?:{_alt(NUMBER_WORDS)})\s))",
     _openings(REFERENCE_WORDS)),
)

# Words before a date that place it within its period ("early June"); merged
# with the expression that follows by the scanner.
POSITION = r"(?P<pos>(?i:early|late|mid-?|the\s+(?:start|beginning|end|close|middle)\s+of|(?:earlier|later)\s+in))[\s-]*$"
# Text between a clock time and the day it belongs to ("16:00 UTC today").
TIME_DAY_GAP = r"\s*(?:,|on|at|,\s*on)?\s*"
# Words that join the two ends of a range.
RANGE_OPEN = r"(?i:from|between)\s+$"
RANGE_GAP = r"\s*(?:-|–|to|and|until|till|through)\s*"
# Words after a number that make "a year" a rate ("15 a year").
# An amount may be a word or two before: "15 tankers a year".
RATE_BEFORE = rf"(?:\d[\d,.]*|{_TENS}|{_ONES}|once|twice|thrice|times|%|percent)\s*(?:[a-z]+\s+){{0,2}}$"
