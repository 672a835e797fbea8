"""Days a clause takes from the words beside it: a happening told by the result it brought
about ("led to 44 cases being confirmed yesterday") by the day of that result, not by the day
the paper came out; a day on the noun of a place ("rescued from the wreckage on Monday") is
the clause's, and a clause measured from it ("a day before crews recovered the body") moves
that day. Articles written for these tests."""

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


WED = date(2010, 1, 20)  # a Wednesday


def test_a_day_on_the_noun_of_a_place_dates_the_clause_and_what_is_measured_from_it(nlp) -> None:
    # "from" governs where she was taken out of, not the time: Monday is the rescue's day,
    # and the recovery "a day before" which it happened is the Tuesday
    text = ("Ena Marek, 69, was rescued from the wreckage of the bishop's residence on Monday, "
            "a day before crews recovered the body of the bishop himself.")
    found = {h.title.split()[0]: h for h in happenings(nlp, text, published=WED)}
    assert found["Ena"].date == "2010-01-18", found
    assert found["Crews"].date == "2010-01-19", found



def test_a_day_on_the_noun_of_a_noun_phrase_stays_that_noun_s(nlp) -> None:
    # Thursday is the meeting's day, still to come: the convening is news of the day
    text = ("The European Commission convened an emergency meeting of the health ministers "
            "from all the member states on Thursday to discuss the outbreak.")
    found = [h for h in happenings(nlp, text, published=date(2009, 4, 28)) if "convened" in h.title]
    assert found and all(h.date != "2009-04-23" for h in found), found
