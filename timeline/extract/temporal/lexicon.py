"""Vocabulary of English time expressions: data only, read by the patterns and the resolver.

Keys are lower case; the patterns decide where capitals are required (month
and weekday names must be capitalised so that "march" and "may" stay verbs).
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# ISO weekday numbers (Monday is 1), as TIMEX3 week values use them.
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# TIMEX3 codes for parts of the day; "tonight" is the night of the reference day.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
}
# After "the night", "the morning": words that tie it to an occasion the sentence names
# ("the morning of his death", "the night before the vote", "the night in question"),
# not to the publication day.
OCCASION_PREPOSITIONS: frozenset[str] = frozenset({"of", "before", "after", "following", "preceding"})
OCCASION_MODIFIERS: frozenset[str] = frozenset({"before", "after", "earlier"})
OCCASION_PHRASES: tuple[str, ...] = ("in question", "of his ", "of her ", "of their ", "of the ")

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "couple of": 2, "half a": 0.5, "half an": 0.5,
}

# Quantities that say "some number of": the duration value gets X for the number.
# "the coming weeks" is not one: TimeML reads it as a reference to the future (REFERENCE_WORDS).
VAGUE_QUANTITIES: tuple[str, ...] = (
    "several", "a few", "few", "many", "some", "numerous", "a number of", "the past few",
    "the last few", "the next few", "recent", "the past several", "the last several",
)

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "21st": 21,
}

# Calendar units: TIMEX3 duration letter, and whether it is a clock unit (PT...).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False), "fortnight": ("W", False),
    "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("Y", False), "century": ("Y", False),
}
# Units counted in another unit's letter: a decade is ten years, a fortnight two weeks.
UNIT_FACTOR: dict[str, int] = {"decade": 10, "century": 100, "fortnight": 2}

# Adverbs that make a date or duration approximate or bounded (TIMEX3 ``mod``).
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}

# Words that place a date within its period: "early June", "the end of this year".
POSITION_MODS: dict[str, str] = {
    "early": "EARLY", "late": "LATE", "mid": "MID", "earlier in": "EARLY", "later in": "LATE",
    "the start of": "START", "the beginning of": "START", "the end of": "END", "the close of": "END",
    "the middle of": "MID", "the first half of": "START", "the second half of": "END",
}

# Adverbs and noun phrases that TimeML values as references to the present, past or future.
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF", "at present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "the time being": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "formerly": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "soon": "FUTURE_REF",
    "very soon": "FUTURE_REF", "the near term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "short-term": "FUTURE_REF", "long-term": "FUTURE_REF",
    "the coming days": "FUTURE_REF", "the coming weeks": "FUTURE_REF", "the coming months": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "the days ahead": "FUTURE_REF", "the weeks ahead": "FUTURE_REF",
    "the months ahead": "FUTURE_REF", "the years ahead": "FUTURE_REF",
}

# Days relative to the publication date.
DAY_WORDS: dict[str, int] = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}

# Words after a four-figure clock time that say it is one ("1653 local time"): without
# them "1653" reads as a year. ("hours" is left out: "2000 hours" is as often an amount.)
CLOCK_WORDS: tuple[str, ...] = ("local time",)

# "Today" is also the name of programmes and papers: capitalised after these words or
# before these nouns it names the title, not the day ("the Today programme", "USA Today").
TITLE_BEFORE_TODAY: tuple[str, ...] = ("the", "usa", "on", "told", "to", "'s", "’s")
TITLE_NOUNS_AFTER_TODAY: tuple[str, ...] = (
    "programme", "program", "show", "newspaper", "paper", "magazine", "presenter", "host", "co-host", "anchor",
    "interview", "broadcast", "edition", "column", "website", "poll", "'s", "’s",
)

# Words before a unit or a name that shift it from the reference period.
RELATIVE_SHIFTS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "this past": -1,
    "this": 0, "current": 0, "the current": 0, "the same": 0, "that": 0, "this coming": 1,
    "next": 1, "coming": 1, "following": 1, "upcoming": 1, "the next": 1, "the following": 1,
    "the previous": -1, "the prior": -1, "the preceding": -1, "the last": -1, "the coming": 1,
}

# Relative words that count from the moving reference date of the narrative,
# not from the publication date ("On 3 March ... the following day").
NARRATIVE_SHIFTS: tuple[str, ...] = (
    "previous", "prior", "preceding", "following", "the previous", "the prior", "the preceding",
    "the following", "the same", "that",
)

# Frequency adjectives and adverbs: TIMEX3 SET values.
FREQUENCIES: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W",
    "monthly": "P1M", "quarterly": "P1Q", "annual": "P1Y", "annually": "P1Y", "yearly": "P1Y",
    "biannual": "P6M", "semiannual": "P6M",
}

# Holidays on fixed days of the year (month, day); Easter is computed.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
    "may day": (5, 1), "bastille day": (7, 14), "armistice day": (11, 11),
}
HOLIDAYS.update({"veterans day": (11, 11), "remembrance day": (11, 11), "juneteenth": (6, 19)})
# Holidays on the n-th ISO weekday of a month (n = -1: the last one), as the US calendar fixes them.
NTH_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "martin luther king day": (1, 1, 3), "presidents day": (2, 1, 3), "presidents' day": (2, 1, 3),
    "mother's day": (5, 7, 2), "memorial day": (5, 1, -1), "father's day": (6, 7, 3),
    "labor day": (9, 1, 1), "columbus day": (10, 1, 2), "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4),
}
# Days counted from another holiday: shopping days from Thanksgiving, church feasts from Easter.
HOLIDAY_OFFSETS: dict[str, tuple[str, int]] = {
    "black friday": ("thanksgiving", 1), "cyber monday": ("thanksgiving", 4),
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "good friday": ("easter", -2),
    "easter monday": ("easter", 1), "palm sunday": ("easter", -7), "ash wednesday": ("easter", -46),
    "pentecost": ("easter", 49),
}
MOVABLE_HOLIDAYS: tuple[str, ...] = tuple(NTH_WEEKDAY_HOLIDAYS) + tuple(HOLIDAY_OFFSETS)

# Time zone names that mean UTC, written as a Z in TIMEX3 times.
UTC_ZONES: tuple[str, ...] = ("UTC", "GMT", "Z")
# Zones with a fixed offset from UTC, written after the clock time in TIMEX3 ("T09:00-05:00").
ZONE_OFFSETS: dict[str, str] = {
    "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00",
    "PST": "-08:00", "PDT": "-07:00", "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "EET": "+02:00",
    "EEST": "+03:00", "MSK": "+03:00", "JST": "+09:00", "KST": "+09:00", "AEST": "+10:00", "AEDT": "+11:00",
}
# US zones named without saying summer or winter time: standard offset in hours; the
# date decides whether daylight saving time adds one.
US_ZONES: dict[str, int] = {"ET": -5, "CT": -6, "MT": -7, "PT": -8}
OTHER_ZONES: tuple[str, ...] = tuple(ZONE_OFFSETS) + tuple(US_ZONES)

# Nouns that "the same ... last year" compares across years, with the precision they keep;
# None keeps whatever period the text last named ("the same period").
SAME_PERIOD_NOUNS: dict[str, str | None] = {
    "period": None, "time": None, "day": "day", "week": "week", "month": "month", "quarter": "quarter",
    "half": None, "season": None,
}
