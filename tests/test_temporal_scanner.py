"""The scanner tries a pattern only where its first characters can occur: it
must find exactly what searching the whole text with each pattern finds."""

from __future__ import annotations

import random
import re

import pytest

from timeline.extract.temporal.firstchar import Openers, prefixes
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
from timeline.extract.temporal.patterns import END, PATTERNS, START
from timeline.extract.temporal.scanner import pattern_matches

from conftest import EXAMPLE

WORDS = [*MONTHS, *WEEKDAYS, *SEASONS, *PARTS_OF_DAY, *NUMBER_WORDS, *VAGUE_QUANTITIES, *ORDINALS, *REFERENCE_WORDS,
         *DAY_WORDS, *FREQUENCIES, *HOLIDAYS, "the", "of", "a", "an", "in", "on", "last", "next", "this", "past",
         "end", "start", "early", "mid-", "week", "weeks", "month", "year", "years", "days", "ago", "later",
         "earlier", "before", "after", "every", "each", "fiscal", "FY", "Q3", "quarter", "half", "century", "am",
         "p.m.", "UTC", "GMT", "ET", "2022", "1990s", "80s", "'90s", "12", "3rd", "16:00", "1400", "4/5/2021",
         "2022-02-12", "5.5", "twenty-two", "percent", "$", "#", "-", "–", ",", ".", "’", "'", "(", "\n",
         "ＴＨＥ", "ſunday", "ᴍay", "Kelvin", "K", "İ", "ı"]


def reference(text: str) -> list[tuple[int, int, int]]:
    """Every pattern searched over the whole text with START in front, the slow way."""
    out = []
    for priority, (_, pattern) in enumerate(PATTERNS):
        for m in re.finditer(f"{START}(?:(?:{pattern}){END})", text):
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
        made.append("".join(w + rng.choice(["", " ", " ", "  ", ", ", "-"]) for w in words))
    return made + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.md"))]


@pytest.mark.parametrize("text", texts())
def test_scanner_finds_what_a_search_of_every_pattern_finds(text: str) -> None:
    assert sorted((s, e, p) for s, e, p, _ in pattern_matches(text)) == reference(text)


def test_openers_keep_every_pattern_that_can_match_and_drop_the_others() -> None:
    patterns = [r"(?i:the)\s+day", r"Monday", r"\d+\s*(?i:am|pm)", r"(?:the\s+)?(?i:end)", r"x[^a]y", r"(?i:k)m"]
    openers = Openers(patterns, depth=4)
    assert openers.candidates("The  day", 0) == (0, 3)  # "the end" is still possible at "The "
    assert openers.candidates("the day", 1) == ()
    assert openers.candidates("MONDAY", 0) == (1,)  # case is never ruled out, only different letters
    assert openers.candidates("12 pm", 0) == (2,)
    assert openers.candidates("end", 0) == (3,)
    assert openers.candidates("xay", 0) == (4,)  # a negated class is read as any character
    assert openers.candidates("the", 0) == ()  # the text ends before any pattern could
    assert openers.candidates("ᴛhe day", 0) == (0, 3)  # a character beyond ASCII rules nothing out
    assert openers.candidates("\u212am", 0) == (5,)  # the Kelvin sign is a "k" when case is ignored
    for text in ("The  day", "MONDAY", "12 pm", "end", "xay", "\u212am"):
        for index, pattern in enumerate(patterns):
            if re.match(pattern, text):
                assert index in openers.candidates(text, 0), (text, pattern)


def test_prefixes_give_up_rather_than_guess() -> None:
    assert prefixes(r"(?P<a>x)(?P=a)", 3) == frozenset({(frozenset("x"),)})  # a back-reference: anything after
    assert prefixes("|".join(f"w{i:05d}" for i in range(30000)), 6) is None  # too many beginnings
    assert prefixes(r"[\u0100-\u2200]", 2) == frozenset({(None,)})
