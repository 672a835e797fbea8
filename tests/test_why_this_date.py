""""Why this date" explains each dating rule in plain words, from data."""

import pytest

from timeline.render.pages import explain_rule


@pytest.mark.parametrize("rule, words", [
    ("weekday-past-tense", "latest one on or before publication"),
    ("weekday-future-tense", "next one after publication"),
    ("weekday-same-day", "publication day itself"),
    ("absolute-date", "in full"),
    ("publication-date", "news of the day"),
    ("lead-event-day", "opens with"),
    ("narrative-shift", "last date the article set"),
])
def test_rules_are_explained_by_their_longest_known_prefix(rule: str, words: str) -> None:
    assert words in (explain_rule(rule) or "")


def test_an_unknown_rule_or_a_partial_word_is_not_explained() -> None:
    assert explain_rule("made-up-rule") is None
    assert explain_rule("weekdays") is None  # "weekday" only matches whole dash-separated parts
    assert explain_rule(None) is None
