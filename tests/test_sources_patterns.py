"""The cleaning vocabulary's line tests answer as a search of the patterns' alternation does,
and the words that spare a line a pattern's search are in every match of it."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.data import load_data
from timeline.sources.casefold import CASE_TWINS, folded
from timeline.sources.clean import raw_vocabulary
from timeline.sources.line_patterns import LinePattern, LinePatterns

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
    entries = raw_vocabulary()[name]
    alternation = re.compile("|".join(f"(?:{LinePattern.read(e).pattern.pattern})" for e in entries))
    assert LinePatterns(entries).found_in(line) == bool(alternation.search(line))


def test_the_rows_cover_patterns_with_words_and_without() -> None:
    patterns = [p for name in LISTS for p in LinePatterns(raw_vocabulary()[name]).patterns]
    assert any(p.words for p in patterns) and any(not p.words for p in patterns)


def worded_patterns() -> list[LinePattern]:
    """Every pattern of the data that comes with words, from both vocabularies."""
    entries = [e for name in LISTS for e in raw_vocabulary()[name]] + load_data("event_vocabulary.yaml")["boilerplate"]
    return [p for p in map(LinePattern.read, entries) if p.words]


@pytest.mark.parametrize("line_pattern", worded_patterns(), ids=lambda p: p.pattern.pattern[:40])
@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_match_of_a_pattern_holds_one_of_its_words(line_pattern: LinePattern, data: st.DataObject) -> None:
    """Lines made to hold a match (in any case, with any text around it)."""
    line = data.draw(st.from_regex(line_pattern.pattern))
    for m in line_pattern.pattern.finditer(line):
        assert any(word in folded(m[0]) for word in line_pattern.words), (m[0], line_pattern.words)


def test_patterns_of_every_shape_answer_as_a_search() -> None:
    patterns = [r"^(?i:by) \w+$", {"pattern": r"(?i:end of story)\W?$", "words": ["end of story"]},
                {"pattern": r"\bneeds (?i:this|that) word\b", "words": ["needs"]}, r"x*", r"(a|b$)",
                r"(?<=\d)(?i:km)\b", {"pattern": r"(?<=\d\d\d )(?i:km)$", "words": ["km"]}, r"(a)\1",
                {"pattern": r"(?i:[k]elvin)", "words": ["kelvin"]}, {"pattern": r"(?i:\u017fun)", "words": ["sun"]}]
    lines = ["by Ann", "The end of story.", "it needs THIS word", "", "b", "cab", "10km away", "5 Km", "\u212aelvin",
             "x", "kelvin", "nothing here at all", STORY + "100 km", STORY + "The end of story\n", "The sun", "aa"]
    for entry in patterns:
        pattern = entry if isinstance(entry, str) else entry["pattern"]
        test = LinePatterns([entry])
        for line in lines:
            assert test.found_in(line) == bool(re.search(pattern, line)), (pattern, line)


@pytest.mark.parametrize("entry", [{"pattern": "x", "word": ["x"]}, {"words": ["x"]}, {"pattern": "x", "words": ["X"]},
                                   {"pattern": "x", "words": [""]}])
def test_an_entry_that_is_not_a_pattern_and_its_words_is_refused(entry: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        LinePattern.read(entry)  # type: ignore[arg-type]


def test_the_case_twins_are_every_letter_outside_ascii_that_matches_an_ascii_one() -> None:
    letter = re.compile("(?i)[a-z]")
    twins = {chr(cp) for cp in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(cp))}
    assert twins == set(CASE_TWINS)
    for twin, ascii_letter in CASE_TWINS.items():
        assert re.fullmatch(f"(?i){ascii_letter}", twin)
