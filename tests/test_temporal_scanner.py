"""The scanner tries a pattern only where one of its declared openings stands:
it must find exactly what searching the whole text with each pattern finds."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extract.temporal.lexicon import (
    DAY_WORDS,
    FREQUENCIES,
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    REFERENCE_WORDS,
    SEASONS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
)
from timeline.extract.temporal.openings import Openings
from timeline.extract.temporal.patterns import DIGIT, END, PATTERNS, START
from timeline.extract.temporal.scanner import compiled, pattern_matches

from conftest import EXAMPLE

WORDS = [*MONTHS, *WEEKDAYS, *SEASONS, *PARTS_OF_DAY, *NUMBER_WORDS, *VAGUE_QUANTITIES, *ORDINALS, *REFERENCE_WORDS,
         *DAY_WORDS, *FREQUENCIES, *HOLIDAYS, "the", "of", "a", "an", "in", "on", "last", "next", "this", "past",
         "end", "start", "early", "mid-", "week", "weeks", "month", "year", "years", "days", "ago", "later",
         "earlier", "before", "after", "every", "each", "fiscal", "FY", "Q3", "quarter", "half", "century", "am",
         "p.m.", "UTC", "GMT", "ET", "2022", "1990s", "80s", "'90s", "12", "3rd", "16:00", "1400", "4/5/2021",
         "2022-02-12", "5.5", "twenty-two", "percent", "$", "#", "-", "–", ",", ".", "’", "'", "(", "\n",
         "ＴＨＥ", "ſunday", "ᴍay", "Kelvin", "K", "İ", "ı", "١٢", "endıng", "cloſing", "theory", "Mayor"]


def reference(text: str) -> list[tuple[int, int, int]]:
    """Every pattern searched over the whole text with START in front, the slow way."""
    out = []
    for priority, (_, pattern, _) in enumerate(PATTERNS):
        for m in re.finditer(f"{START}(?:(?:{pattern}){END})", text):
            assert m.end() > m.start(), "a pattern matched the empty string, which the scanner would not retry"
            start, end = m.span("core") if m.groupdict().get("core") else m.span()
            if end > start:
                out.append((start, end, priority))
    return sorted(out)


def texts() -> list[str]:
    rng = random.Random(7)
    made = []
    for _ in range(300):
        words = rng.choices(WORDS, k=rng.randint(1, 12))
        words = [w.upper() if rng.random() < 0.1 else w.capitalize() if rng.random() < 0.3 else w for w in words]
        made.append("".join(w + rng.choice(["", " ", " ", "  ", ", ", "-", "\n\t"]) for w in words))
    return made + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.md"))]


@pytest.mark.parametrize("text", texts())
def test_scanner_finds_what_a_search_of_every_pattern_finds(text: str) -> None:
    assert sorted((s, e, p) for s, e, p, _ in pattern_matches(text)) == reference(text)


def tried_at(text: str) -> dict[int, tuple[int, ...]]:
    """The patterns the scanner tries at each position of ``text``."""
    table = compiled()
    return {found.start(): table.openings.candidates(found) for found in table.starts.finditer(text)}


@pytest.mark.parametrize("priority", range(len(PATTERNS)))
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_match_of_a_pattern_begins_with_one_of_its_openings(priority: int, data: st.DataObject) -> None:
    """Texts made to hold a match of the pattern (in any case, with any
    whitespace and digits, text around it): the scanner tries the pattern
    wherever a search finds it."""
    rule, pattern, openings = PATTERNS[priority]
    text = data.draw(st.from_regex(f"{START}(?:{pattern}){END}"))
    tried = tried_at(text)
    for m in re.finditer(f"{START}(?:{pattern}){END}", text):
        assert priority in tried.get(m.start(), ()), (rule, openings, m[0], text)


def test_openings_are_words_starts_of_words_pairs_digits_or_characters() -> None:
    openings = Openings([
        ["the", "may*"],  # 0
        ["the first", "the \\d", "last week*"],  # 1
        [DIGIT],  # 2
        ["\\d{4}"],  # 3
        ["\\d{1,2}", "'"],  # 4
        ["fy"],  # 5
    ])
    pattern = re.compile(START + openings.word())

    def tried(text: str) -> list[tuple[int, ...]]:
        return [openings.candidates(found) for found in pattern.finditer(text)]

    assert tried("The theory") == [(0,), ()]  # a whole word: "the", not "theory"
    assert tried("THE First of the\n\t7th") == [(0, 1), (), (), (0, 1), (2, 4)]
    assert tried("Mayor may") == [(0,), (0,)]  # the start of a word
    assert tried("last weekend, last month") == [(1,), (), (), ()]
    assert tried("2022 12 123 12345678") == [(2, 3), (2, 4), (2,), (2,)]
    assert tried("FY2022 ’90s 'til") == [(5,), (2, 4), (4,), ()]
    assert tried("ſ \u212a tHE İ") == [(), (), (0,), ()]  # case twins read as the letters they match
    assert tried("theſe thĖ") == [(), ()]
    assert tried("The٣ the ١٢") == [(0,), (0, 1), (2, 4)]  # any decimal digit ends a run of letters


@pytest.mark.parametrize("openings", [[[]], [["The"]], [["the*first"]], [["\\d{5}"]], [["the", "a b c"]],
                                      [["may* day"]], [["\\d{2} days"]], [["the \\d{1,2}"]], [["x y*z"]]])
def test_an_opening_that_says_nothing_clear_is_refused(openings: list[list[str]]) -> None:
    with pytest.raises(ValueError):
        Openings(openings)


def test_each_pattern_declares_its_openings() -> None:
    for rule, _, openings in PATTERNS:
        assert openings and all(isinstance(o, str) for o in openings), rule
    Openings([openings for _, _, openings in PATTERNS])  # every one in the notation
