"""Regular expressions for English time expressions, one per rule: data built from the lexicon.

Each entry is (rule name, pattern). A ``core`` group, when present, is the
extent TimeML annotates; the rest of the match is context that licenses it
("in the morning" annotates "the morning"). Names of months and weekdays are
matched only capitalised; other words in any case.
"""

from __future__ import annotations

from timeline.extract.temporal.lexicon import (
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
NUM = rf"(?i:\d+(?:\.\d+)?|(?:{_TENS})-(?:{_ONES})|{_alt(NUMBER_WORDS)})"
# Abbreviations may end in a full stop; full names may not (it ends the sentence).
MONTH = (rf"(?P<month>{_alt((m for m in MONTHS if len(m) > 4 or m in ('may', 'june', 'july')), capitalise=True)}"
         rf"|(?:{_alt((m for m in MONTHS if len(m) <= 4 and m not in ('may', 'june', 'july')), capitalise=True)})\.?)")
WEEKDAY = rf"(?P<weekday>{_alt(WEEKDAYS, capitalise=True)})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})(?![\d.,]\d)"
UNIT = (r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
        r"|decades?|century|centuries)")
PLURAL_UNIT = r"(?P<unit>seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)"
UNIT_ADJ = r"(?:(?i:trading|business|working|calendar|straight|consecutive|full|long|more|additional)\s+)?"
QMOD = rf"(?:(?P<qmod>(?i:{_alt(QUANTITY_MODS)}))\s+)?"
PART = rf"(?P<part>(?i:{_alt(k for k in PARTS_OF_DAY if k not in ('tonight', 'overnight', 'noon'))}))"
ZONE = rf"(?:\s*(?P<zone>{_alt(UTC_ZONES + OTHER_ZONES)})\b)?"
REL = (r"(?P<rel>(?i:this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|the\s+last|the\s+coming"
       r"|the\s+current|the\s+same|the\s+prior|last|next|this|coming|past|previous|following|upcoming|current))")
END = r"(?![\w-])"
START = r"(?<![\w$£€#.])(?<!\d-)"

PATTERNS: tuple[tuple[str, str], ...] = (
    # Dates written out in full, with an optional weekday in front.
    ("absolute-date", rf"(?:{WEEKDAY}\s*,?\s*)?{MONTH}\s+{DAY}(?:\s*,\s*|\s+){YEAR}"),
    ("absolute-date", rf"(?:{WEEKDAY}\s*,?\s*)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}\s*,?\s*{YEAR}"),
    ("absolute-date", r"(?P<iso>(?P<year>1[0-9]{3}|20[0-9]{2})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d))"),
    ("numeric-date", r"(?P<numeric>[01]?\d/[0-3]?\d/(?:\d{4}|\d{2}))"),
    ("absolute-range", rf"{MONTH}\s+{DAY}\s*(?:-|–|to|and|until|through)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*,?\s*{YEAR})?"),
    ("absolute-range", rf"{DAY}\s*(?:-|–|to|and|until)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:\s*,?\s*{YEAR})?"),
    ("month-day", rf"(?:{WEEKDAY}\s*,?\s*)?{MONTH}\s+{DAY}(?![\d:,.]\d)"),
    ("month-day", rf"(?:{WEEKDAY}\s*,?\s*)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}"),
    ("absolute-month", rf"{MONTH}\s*,?\s*(?:of\s+)?{YEAR}"),
    ("month", rf"{MONTH}(?!\s*\d)"),
    ("relative-month", rf"{REL}\s+{MONTH}(?!\s*\d)"),
    ("year", rf"(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|FY))\s*)?{YEAR}(?!\s*(?:%|(?i:percent|per\s+cent)))"),
    ("year-range", rf"(?P<year1>1[0-9]{{3}}|20[0-9]{{2}})\s*(?:-|–|/)\s*{YEAR}"),
    ("short-year", r"['’](?P<yy>\d\d)(?!['’\w])"),
    ("decade", r"(?P<cent>1\d|20)(?P<dec>\d)0['’]?s"),
    # Without a century, only where the context makes it a decade ("the 80s", "the 70s and 80s").
    ("decade", r"(?:(?<=\bthe\s)|(?<=\band\s)|(?<=\bor\s)|['’])(?P<dec>\d)0['’]?s"),
    ("century", rf"(?:(?i:the)\s+)?(?P<ord>(?i:{_alt(ORDINALS)})|\d{{1,2}}(?:st|nd|rd|th))[\s-]+(?i:century)"),
    ("quarter", r"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th))[\s-]+"
                r"(?i:fiscal\s+)?(?i:quarter)(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal\s+)?"
                rf"{YEAR}|{REL}\s+(?i:fiscal\s+)?(?i:year)|(?P<the>(?i:the\s+(?:fiscal\s+)?year))))?"),
    ("quarter", rf"(?P<q>Q[1-4])(?:\s+{YEAR})?"),
    ("half", r"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|1st|2nd|latter))[\s-]+(?i:half)\s+(?:(?i:of)\s+)?"
             rf"(?:{YEAR}|{REL}\s+(?i:year)|(?P<the>(?i:the\s+year)))"),
    ("season", rf"(?:{REL}\s+)?(?P<season>(?i:{_alt(SEASONS)}))(?:\s+(?:(?i:of)\s+)?{YEAR})?"),
    ("holiday", rf"(?P<holiday>(?i:{_alt(list(HOLIDAYS) + list(MOVABLE_HOLIDAYS))}))(?:\s+{YEAR})?"),
    ("weekday", rf"(?:{REL}\s+)?{WEEKDAY}(?:\s+{PART})?(?!s)"),
    ("weekday-set", rf"(?:(?P<every>(?i:every|each))\s+)?{WEEKDAY}(?P<plural>s)?"),
    ("day-word", rf"(?:(?P<pre>(?i:earlier|later|early|late))\s+)?(?P<dayword>(?i:{_alt(DAY_WORDS)}))"
                 rf"(?:\s+{PART})?"),
    ("part-of-day", rf"(?P<rel>(?i:this|last|early\s+this|late\s+this|later\s+this|earlier\s+this))\s+{PART}"),
    ("part-of-day", rf"(?i:in|during|on|by|until|through)\s+(?P<core>the\s+{PART})"),
    ("narrative-day", r"(?i:(?:earlier|later|late|early)\s+(?:in\s+)?(?:the|that)\s+day|the\s+same\s+day"
                      r"|that\s+(?:same\s+)?day)"),
    ("narrative-day", r"(?i:in|during|on|for|of|end(?:s|ed|ing)?|clos(?:e|es|ed|ing)|start(?:s|ed|ing)?"
                      r"|finish(?:es|ed|ing)?|begin(?:s|ning)?|began)\s+(?P<core>(?i:the\s+day))(?!\s+(?:before|after|of|when|that|in))"),
    ("relative-unit", rf"(?:(?P<pre>(?i:earlier|later))\s+)?{REL}\s+"
                      r"(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|fortnight))"),
    ("unit-shift", r"(?i:the\s+)?(?P<unit>(?i:day|week|month|year))\s+(?P<dir>(?i:before|after|earlier|later|previous|prior))"
                   r"(?=\s*(?:[^\w\s]|$))"),
    ("position-of-unit", r"(?P<pos>(?i:the\s+(?:start|beginning|end|close|middle)))\s+(?i:of)\s+"
                         r"(?P<rel>(?i:the|this|last|next))\s+(?P<unit>(?i:year|month|week|day|decade|quarter))"),
    # "ago" always closes a date; "earlier" and "before" only at the end of a clause
    # ("two days before the vote" is a duration and the vote).
    ("ago", rf"{QMOD}(?P<num>{NUM}|(?i:{_alt(VAGUE_QUANTITIES)}))\s+{UNIT_ADJ}{UNIT}\s+"
            r"(?P<dir>(?i:ago)|(?i:earlier|before)(?=\s*(?:[^\w\s]|$)))"),
    ("narrative-shift", rf"(?P<num>{NUM})\s+{UNIT_ADJ}{UNIT}\s+(?P<dir>(?i:later|afterwards?))"),
    ("duration", rf"(?:(?P<frame>(?i:the\s+)?(?i:past|last|next|coming|previous|first|final|following))\s+)?"
                 rf"{QMOD}(?P<num>{NUM})(?P<half>\s+(?i:and\s+a\s+half))?[\s-]+{UNIT_ADJ}{UNIT}(?:[\s-]+(?i:long|old))?"),
    ("duration", rf"(?:(?i:the\s+)?(?i:past|last|next|coming))\s+{UNIT_ADJ}(?P<unit>(?i:week|month|year|decade|century|day))(?!s)"),
    ("unit-long", r"(?P<unit>(?i:hour|day|week|month|year|decade|minute))(?P<plural>s)?-long"),
    ("vague-duration", rf"{QMOD}(?P<vague>(?i:{_alt(VAGUE_QUANTITIES)}))\s+{UNIT_ADJ}{PLURAL_UNIT}"),
    ("vague-duration", rf"(?i:for|over\s+the|in\s+recent|in|within|in\s+just|in\s+mere|take|takes|took|taking|last|lasts"
                       rf"|lasted|lasting|spend|spent)\s+(?P<core>{PLURAL_UNIT})"),
    ("weekend", r"(?i:in|during|over|at|on|for|by|until|till|through|throughout)\s+(?P<core>(?i:the\s+weekend))"),
    # Compounds that compare or place a period: resolved in ``compounds``.
    ("same-period", r"(?i:the\s+same\s+)(?P<noun>(?i:period|time|day|week|month|quarter|half|season))\s+(?i:of\s+)?"
                    r"(?P<back>(?i:(?:the\s+)?(?:last|previous|prior|preceding)\s+year|a\s+year\s+(?:earlier|ago|before)"
                    r"|the\s+year\s+before))"),
    ("week-of-month", rf"(?:(?i:the)\s+)?(?P<ord>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+(?i:of)\s+"
                      rf"{MONTH}(?:\s*,?\s*{YEAR})?"),
    ("month-quarter", rf"(?:(?i:the)\s+)?{MONTH}\s*(?:-|–|to)\s*(?P<month2>{_alt(MONTHS, capitalise=True)})\.?\s+"
                      r"(?i:quarter|period)"),
    ("month-of-year", rf"{MONTH}\s+(?i:of)\s+(?P<rel>(?i:that|the\s+same|the\s+following|the\s+next|the\s+previous"
                      r"|the\s+prior))\s+(?i:year)"),
    ("overnight", r"(?P<overnight>(?i:overnight))"),
    ("months-of-year", r"(?i:the\s+)(?P<edge>(?i:first|last|final))\s+(?P<n>(?i:three|six|3|6))\s+(?i:months\s+of)\s+"
                       rf"(?:{YEAR}|{REL}\s+(?i:year)|(?P<the>(?i:the\s+year)))"),
    # A bare plural unit before "after" is a vague duration: "days after the vote".
    ("vague-duration", rf"(?:^|(?<=[,;(\n]\s)|(?<=\n)|(?<=\.\s)|(?<=\bjust\s)|(?<=\bonly\s)|(?<=\bmere\s))"
                       rf"(?P<core>(?i:{PLURAL_UNIT}))(?=\s+(?i:after|before)\b)"),
    ("frequency", rf"(?P<freq>(?i:{_alt(FREQUENCIES)}))"),
    ("frequency", rf"(?:(?i:once|twice|thrice|{NUM}\s+times)\s+)?(?i:every|each|per|a|an)\s+(?P<num>{NUM}\s+)?{UNIT}"),
    ("clock-time", rf"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?){ZONE}"),
    ("clock-time", rf"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d){ZONE}"),
    ("clock-time", rf"(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s*(?P<zone>{_alt(UTC_ZONES)})\b"),
    ("clock-time", r"(?P<named>(?i:noon|midnight))"),
    ("reference-word", rf"(?<!\bas\s)(?P<ref>(?i:{_alt(REFERENCE_WORDS)}))(?!\s+(?:\d|few|several|(?:{_alt(NUMBER_WORDS)})\s))"),
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
