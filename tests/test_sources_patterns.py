"""The cleaning vocabulary's line tests answer as a search of the patterns' alternation does."""

from __future__ import annotations

import re
import sys

import pytest

from timeline.sources.clean import raw_vocabulary
from timeline.sources.line_patterns import CASE_TWINS, LinePatterns

LISTS = ("captions", "drop_lines", "tail_markers")
STORY = ("The ministers met in Brussels on Monday and agreed on a plan for the winter, which they will present "
         "to the leaders of the union next week, officials said. ") * 8

# One row per kind of place a pattern can match: the line's start, its end,
# anywhere (with a word every match needs), and letters outside ASCII that
# case-insensitive matching takes for ASCII ones.
LINES = [
    "Photo: Reuters", "FILE PHOTO: a tanker", "Read more: the talks", "5 min read", "Copyright 2022 The Desk",
    "About the Author", "Reporting by Ann Lee; Editing by Bo Chan",
    STORY + "Getty Images", STORY + "AFP via Getty ...", STORY + "Reuters/", "A man walks, AP Photo/ John Doe",
    STORY + "(Photo by John Smith)", STORY + "(Photo by John Smith) trailing words",
    STORY + "We use cookies to improve the site.", STORY + "Sign up for our daily newsletter today",
    STORY + "subscribe to the morning briefing newsletter",
    STORY + "We use cooKies to improve the site.", STORY + "We uſe cookies", "getty ımages",
    STORY + "Manage your consent \u201cnow\u201d", STORY + "\u201cquoted\u201d text about cookies without a prompt",
    STORY, "", "Photo", "getty images\n", STORY + "Getty Images\n",
]


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("line", LINES)
def test_a_line_test_answers_as_the_alternation(name: str, line: str) -> None:
    patterns = raw_vocabulary()[name]
    alternation = re.compile("|".join(f"(?:{p})" for p in patterns))
    assert LinePatterns(patterns).found_in(line) == bool(alternation.search(line))


def test_the_rows_cover_every_kind_of_pattern() -> None:
    tests = [LinePatterns(raw_vocabulary()[name]) for name in LISTS]
    assert all(t._start is not None for t in tests)
    assert any(t._tails for t in tests) and any(t._words for t in tests)


def test_patterns_of_every_shape_answer_as_a_search() -> None:
    patterns = [r"^(?i:by) \w+$", r"(?i:end of story)\W?$", r"\bneeds (?i:this|that) word\b", r"x*", r"(a|b$)",
                r"(?<=\d)(?i:km)\b", r"(?<=\d\d\d )(?i:km)$", r"(?i:end of story)$", r"(?i:[k]elvin)",
                r"(?i:\u017fun)"]
    lines = ["by Ann", "The end of story.", "it needs THIS word", "", "b", "cab", "10km away", "5 Km", "\u212aelvin",
             "x", "kelvin", "nothing here at all", STORY + "100 km", STORY + "The end of story\n", "The sun"]
    for pattern in patterns:
        test = LinePatterns([pattern])
        for line in lines:
            assert test.found_in(line) == bool(re.search(pattern, line)), (pattern, line)


def test_the_case_twins_are_every_letter_outside_ascii_that_matches_an_ascii_one() -> None:
    letter = re.compile("(?i)[a-z]")
    twins = {chr(cp) for cp in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(cp))}
    assert twins == set(CASE_TWINS)
    for twin, ascii_letter in CASE_TWINS.items():
        assert re.fullmatch(f"(?i){ascii_letter}", twin)
