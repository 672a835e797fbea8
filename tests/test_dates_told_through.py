"""A saying is dated by the saying: by the time of the report or the interview it is told
through ("a report released yesterday said"), never by the time of what it plans or looks
back on ("has vowed to land on Monday", "was agreeing in September"). Sentences written
for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import happenings

THU = date(2010, 3, 11)  # a Thursday


@pytest.mark.parametrize("text,day", [
    ("A Commerce Ministry report released yesterday said exports had fallen to a six-year low.", "2010-03-10"),
    ("The opposition leader Marco Ferri said in a newspaper interview published yesterday that he had "
     "recovered from a long illness.", "2010-03-10"),
    ("Tuesday's report showed that factory orders fell sharply.", "2010-03-09"),
    ("The minister told reporters at a news conference held on Monday that the garrison had withdrawn.",
     "2010-03-08"),
])
def test_a_time_on_the_record_a_clause_is_told_through_dates_the_clause(nlp, text: str, day: str) -> None:
    found = happenings(nlp, text, published=THU)
    assert found and all(h.date == day for h in found), [(h.date, h.title) for h in found]
    assert not [h for h in found if h.title.endswith((" was released", " was published"))], found


def test_the_participle_that_only_carried_the_time_leaves_the_title_with_it(nlp) -> None:
    found = happenings(nlp, "A Commerce Ministry report released yesterday said exports had fallen to a "
                            "six-year low.", published=THU)
    assert found and not any("released" in h.title for h in found), [h.title for h in found]


@pytest.mark.parametrize("text,undated", [
    # a man is no record: his arrest is not the day of the charge
    ("A man arrested on Monday was charged with arson.", "charged"),
])
def test_a_time_on_another_noun_does_not_date_the_clause(nlp, text: str, undated: str) -> None:
    found = happenings(nlp, text, published=THU)
    assert [h.date for h in found if undated in h.title] == ["2010-03-11"], [(h.date, h.title) for h in found]


@pytest.mark.parametrize("text,words", [
    ("The former prime minister has vowed to land in the capital on Monday.", "vowed to land"),
    ("The delegates agreed to hold a conference on reconstruction in May.", "agreed to hold"),
    ("The union has promised to call off the strike next week.", "promised to call off"),
])
def test_a_commitment_told_as_done_is_not_dated_by_the_act_it_plans(nlp, text: str, words: str) -> None:
    found = [h for h in happenings(nlp, text, published=THU) if words in h.title]
    assert [(h.date, h.status) for h in found] == [("2010-03-11", "occurred")], [(h.date, h.title) for h in found]


@pytest.mark.parametrize("text,day", [
    ("The ministers are expected to meet in Geneva on Monday.", "2010-03-15"),  # a plan told as one
    ("The company agreed on Monday to buy the bank.", "2010-03-08"),  # the agreeing's own day
])
def test_a_plan_or_a_dated_commitment_keeps_its_day(nlp, text: str, day: str) -> None:
    assert [h.date for h in happenings(nlp, text, published=THU)] == [day]


def test_a_claim_looking_back_in_the_progressive_is_dated_when_it_was_made(nlp) -> None:
    found = happenings(nlp, "Ellis said the worst mistake of his tenure was agreeing in September to a ban on "
                            "short selling.", published=date(2008, 12, 24))
    assert [(h.date, h.type) for h in found] == [("2008-12-24", "statement")], [(h.date, h.title) for h in found]
    assert "September" in found[0].title and "said" in found[0].title
