"""A happening told by the result it brought about ("led to 44 cases being confirmed
yesterday") is dated by the day of that result, not by the day the paper came out.
Articles written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import happenings

TUE = date(2009, 5, 26)  # a Tuesday


@pytest.mark.parametrize(("text", "word", "day"), [
    ("An outbreak of flu at a primary school in Freetown led to 44 new cases of the virus being "
     "confirmed yesterday, the largest number in a single day.", "outbreak", "2009-05-25"),
    ("The blast caused two bridges to collapse on Sunday.", "blast", "2009-05-24"),
], ids=["led-to-yesterday", "caused-on-sunday"])
def test_a_cause_takes_the_day_of_its_result(nlp, text: str, word: str, day: str) -> None:
    found = [h for h in happenings(nlp, text, published=TUE) if word in h.title.lower()]
    assert [h.date for h in found] == [day], found
    assert found[0].evidence.rule == "result-day"


def test_a_result_long_before_the_news_does_not_date_its_cause(nlp) -> None:
    # what the result clause describes of a noun in another year is no day of the news
    found = [h for h in happenings(nlp, "The vote led to a new government that took office in 1990.",
                                   published=TUE) if "vote" in h.title.lower()]
    assert found and all(h.date != "1990" and h.evidence.rule != "result-day" for h in found), found
