"""The event vocabularies answer as the word lists say: the first type that
lists a word wins, and the test for page furniture finds what any of its
patterns finds."""

from __future__ import annotations

import re

import pytest

from timeline.extract.events.vocabulary import load_vocabulary
from timeline.sources.line_patterns import LinePatterns

from conftest import EXAMPLE

FURNITURE = ["Read more", "  see also: the war", "About Jane Smith", "about jane smith", "Sign up for our newsletter",
             "Photo: the ministry", "caption | a tank", "Troops left, Getty Images.", "(Reuters/AFP) --",
             "By Anna Kowalska", "reporting by Ivan Petrov", "Market wraps: stocks fell", "Stocks: down",
             "The talks ended.", "He read more of the report.", "By the way, it rained.", "the photographer said"]


def lines() -> list[str]:
    out = list(FURNITURE)
    for path in sorted(EXAMPLE.glob("*.md")):
        out += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def test_the_furniture_test_finds_what_any_of_its_patterns_finds() -> None:
    vocab = load_vocabulary()
    assert any(p.words for p in vocab.boilerplate.patterns)  # some are searched only in sentences with their words
    found = [line for line in lines() if vocab.is_boilerplate(line.strip())]
    searches = [p.pattern.search for p in vocab.boilerplate.patterns]
    assert found == [line for line in lines() if any(search(line.strip()) for search in searches)]
    assert "Read more" in found and "The talks ended." not in found


@pytest.mark.parametrize("patterns", [
    (r"(?i)^by [a-z]+", r"getty images$", {"pattern": r"(?i)\bsubscribe\b", "words": ["subscribe"]}),
    (r"(?is)x.y",),
    (r"(a)\1",),  # each pattern is searched on its own: its groups stay its own
    (r"(?P<w>a)(?P=w)",),
    (r"(?i)(?s)x",),
])
def test_patterns_of_any_form_answer_as_a_search(patterns: tuple[object, ...]) -> None:
    compiled = [re.compile(p if isinstance(p, str) else p["pattern"]) for p in patterns]  # type: ignore[index]
    lines = LinePatterns(patterns)  # type: ignore[arg-type]
    for line in ("By Ann", "photo by Getty Images", "Please SUBSCRIBE now", "x\ny", "XAY", "aa", "nothing"):
        assert lines.found_in(line) == any(p.search(line) for p in compiled), line


def test_the_first_type_that_lists_a_word_wins() -> None:
    vocab = load_vocabulary()
    listing = [name for name, lemmas in vocab.types if "strike" in lemmas]
    assert len(listing) > 1 and vocab.type_of("strike") == listing[0]
    extended = vocab.with_extra_types({"labour": ("strike", "walkout")})
    assert extended.type_of("strike") == "labour" and extended.type_of("walkout") == "labour"
    assert vocab.type_of("strike") == listing[0] and vocab.type_of("walkout") is None
    assert extended is vocab.with_extra_types({"labour": ("strike", "walkout")})  # one per scheme
    assert vocab.type_of("no-such-word") is None
