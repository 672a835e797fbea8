"""Which date a sentence with no time of its own takes from the sentence before it, and
how precise a counted time is: sentences written for these tests, each with a fixed
publication day."""

from __future__ import annotations

from datetime import date

from tests.conftest import happenings

TUESDAY = date(2010, 1, 26)
FRIDAY = date(2011, 11, 4)
THURSDAY = date(2009, 3, 12)
MONDAY = date(2009, 3, 30)


def _dated(found, word: str) -> list[tuple[str, str, str]]:
    return [(h.date, h.precision, h.evidence.rule) for h in found if word in h.title]


def test_an_aside_year_does_not_date_a_further_act_told_with_also(nlp) -> None:
    found = happenings(nlp, "The singer John Rowe landed in the capital on Monday with two doctors and a "
                            "cargo of tents. In 2010, he delivered ten tonnes of rice to flood victims in "
                            "Bangladesh. The singer also flew in medicine for nurses he had met on the trip.",
                       published=TUESDAY)
    assert _dated(found, "rice") == [("2010", "year", "year")], found
    flew = _dated(found, "medicine")
    assert flew and flew[0][0] != "2010", found  # the trip of the news, not the aside's year


def test_a_further_act_that_takes_up_a_noun_keeps_the_year_before(nlp) -> None:
    found = happenings(nlp, "In 2008, the bank lost $5bn on property loans. The bank also cut 2,000 jobs.",
                       published=THURSDAY)
    assert _dated(found, "jobs") == [("2008", "year", "continues-previous")], found


def test_the_present_perfect_does_not_take_an_earlier_year(nlp) -> None:
    found = happenings(nlp, "The nurse met the surgeon in 2006 at a clinic in Texas. Several of the surgeon's "
                            "former colleagues have also testified at his trial.", published=FRIDAY)
    assert _dated(found, "testified") == [("2011-11-04", "day", "publication-date")], found


def test_a_happening_two_weeks_ago_is_dated_to_its_week(nlp) -> None:
    found = happenings(nlp, "The four governments issued a joint statement on trade two weeks ago.",
                       published=MONDAY)
    assert _dated(found, "statement") == [("2009-W12", "week", "ago-weeks")], found


def test_a_happening_a_week_ago_keeps_its_day(nlp) -> None:
    found = happenings(nlp, "The four governments issued a joint statement on trade a week ago.",
                       published=MONDAY)
    assert _dated(found, "statement") == [("2009-03-23", "day", "ago")], found


THURSDAY_MAY = date(2009, 5, 28)
TUESDAY_JUNE = date(2009, 6, 30)


def test_a_plan_given_up_does_not_date_the_state_beside_it(nlp) -> None:
    found = happenings(nlp, "Harrow Grammar, outside Leeds, is currently shut for the holiday and had been due to "
                            "re-open on Sunday 31 May, but will now stay shut for a further week.",
                       published=THURSDAY_MAY)
    assert not [h for h in found if h.date == "2009-05-31"], found


def test_a_plan_told_beside_a_dated_act_leaves_the_act_its_day(nlp) -> None:
    found = happenings(nlp, "The ferry sank on Monday and the captain was due to appear in court on 2 June.",
                       published=THURSDAY_MAY)
    assert _dated(found, "sank") == [("2009-05-25", "day", "weekday-past-tense")], found
    assert _dated(found, "court") == [("2009-06-02", "day", "month-day")], found


def test_what_had_happened_by_a_dated_statement_is_told_as_the_statement(nlp) -> None:
    found = happenings(nlp, "Yesterday, the Kerel foreign ministry said that the health agency had lifted its "
                            "advice against travel to the coast.", published=TUESDAY_JUNE)
    assert [(h.date, h.predicate) for h in found] == [("2009-06-29", "say")], found
    assert found[0].title.startswith("The Kerel foreign ministry said"), found


def test_a_definite_subject_takes_up_a_happening_two_sentences_back(nlp) -> None:
    found = happenings(nlp, "A man has been pulled alive from the ruins of a hotel after eleven days, as the "
                            "official search was declared over. Two people, an elderly woman and a young man, "
                            "were pulled alive from the rubble of a school on Friday. The woman, who was badly "
                            "hurt, was taken to the city hospital. Her son said he had heard her voice on Thursday "
                            "morning. The young man, Pierre Lamy, was brought out by a Spanish team and is in a "
                            "stable condition.", published=date(2010, 1, 23))
    assert _dated(found, "Lamy") == [("2010-01-22", "day", "continues-previous")], found


def test_a_dated_statement_reported_in_turn_keeps_its_own_words(nlp) -> None:
    found = happenings(nlp, "The Kerel president today confirmed that the navy had tested a new missile, the "
                            "neighbouring government has said.", published=date(2011, 1, 11))
    assert [(h.date, h.predicate) for h in found] == [("2011-01-11", "confirm")], found
    assert found[0].title.startswith("The Kerel president confirmed"), found


def test_an_announcement_no_one_is_named_for_leaves_the_happening_told(nlp) -> None:
    found = happenings(nlp, "Yesterday, it was announced that her brother Tom had also died.",
                       published=date(2009, 6, 16))
    assert [(h.date, h.predicate) for h in found] == [("2009-06-15", "die")], found
