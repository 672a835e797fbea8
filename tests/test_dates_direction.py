"""Which day a weekday or a part of the day names, read from the clause that governs it,
and which happening it dates: one row per phrase, written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import happenings
from timeline.extract.temporal import find_timexes_in_text

THU = date(2011, 1, 13)  # a Thursday
SUN = date(2011, 1, 16)  # a Sunday
MON = date(2009, 9, 21)  # a Monday

# (sentence, publication day, expression, value)
WEEKDAYS = [
    # the present of a clause of time speaks of what is to come, whatever the main clause's tense
    ("Obama will raise human rights when he meets Hu on Wednesday.", THU, "Wednesday", "2011-01-19"),
    ("The envoy has warned of a clash when the two leaders meet at the White House on Wednesday.", SUN,
     "Wednesday", "2011-01-19"),
    ("The talks will resume after the ministers return on Monday.", THU, "Monday", "2011-01-17"),
    # the past and the perfect look back
    ("The ministers met in Geneva on Tuesday.", THU, "Tuesday", "2011-01-11"),
    ("The ministers said on Wednesday that talks would resume.", THU, "Wednesday", "2011-01-12"),
    ("The court will rule on Friday.", THU, "Friday", "2011-01-14"),
    # a present progressive is the nearest such day, as a schedule is
    ("The union is holding a rally in the capital on Tuesday.", MON, "Tuesday", "2009-09-22"),
    # a day deep in a noun phrase takes the tense of the sentence it sits in
    ("The UN is hoping to break the deadlock by getting world leaders directly involved with climate "
     "change at the summit on Tuesday and beyond.", MON, "Tuesday", "2009-09-22"),
]


@pytest.mark.parametrize("sentence,dct,text,value", WEEKDAYS, ids=[c[0][:40] for c in WEEKDAYS])
def test_a_weekday_looks_the_way_its_clause_is_told(nlp, sentence: str, dct: date, text: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(sentence, dct, nlp)}
    assert found.get(text) == value, found


# (sentence, expression): a part of the day the sentence ties to an occasion of its own
OCCASIONS = [
    ("The bodyguard testified that on the night Michael Jackson died, the doctor ordered him to leave.", "the night"),
    ("The lawyer claimed the singer swallowed several pills on the morning of his death.", "the morning"),
    ("On the night in question the doctor had served as the singer's physician for two months.", "the night"),
    ("Rebels shelled the airport during the night before the vote.", "the night"),
]


@pytest.mark.parametrize("sentence,text", OCCASIONS, ids=[c[0][:40] for c in OCCASIONS])
def test_a_part_of_the_day_of_another_occasion_is_not_the_publication_days(nlp, sentence: str, text: str) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(sentence, THU, nlp)}
    assert text in found and found[text] is None, found


@pytest.mark.parametrize("sentence", [
    "Rebels attacked the airport in the morning.",
    "In the morning rebels attacked the airport.",
    "Police arrived on the scene in the evening, witnesses said.",
])
def test_a_plain_part_of_the_day_is_the_days_own(nlp, sentence: str) -> None:
    values = [t.value for t in find_timexes_in_text(sentence, THU, nlp)]
    assert values and all(v and v.startswith("2011-01-13T") for v in values), values


def test_the_morning_of_a_death_long_before_does_not_date_a_claim_to_it(nlp) -> None:
    found = happenings(nlp, "The singer Ada Blue died on June 25, 2009, at her home. The defence lawyer Ed Chernoff "
                            "claimed the singer swallowed several pills of a sedative on the morning of her death.",
                       published=date(2011, 9, 28))
    claims = [h for h in found if "swallowed" in h.title]
    assert claims and all(h.date == "2011-09-28" for h in claims), found


def test_a_day_deep_in_the_phrases_of_a_noun_dates_that_noun_not_the_clause(nlp) -> None:
    """"arrived … for the final days of the Games, including the handover at the closing
    ceremony on Sunday": Sunday is the ceremony's, still to come; the arrival is not on it."""
    found = happenings(nlp, "After a trip to Kabul, Gordon Brown arrived in Beijing for the final days of the Games, "
                            "including the formal handover to London at the closing ceremony on Sunday.",
                       published=date(2008, 8, 22))
    arrivals = [h for h in found if "arrived" in h.title]
    assert arrivals and all(h.evidence.expression != "Sunday" for h in arrivals), found


@pytest.mark.parametrize("sentence,value", [
    ("The talks ended without agreement on Tuesday.", "2011-01-11"),  # hung on the noun, still the clause's day
    ("Biden held talks with Putin on Tuesday.", "2011-01-11"),
])
def test_a_day_on_the_noun_of_its_clause_still_dates_the_clause(nlp, sentence: str, value: str) -> None:
    found = happenings(nlp, sentence, published=THU)
    assert [h.date for h in found] == [value], found


def test_a_perfect_told_before_a_meeting_to_come_is_not_dated_by_that_meeting(nlp) -> None:
    found = happenings(nlp, "The Chinese president, Hu Jintao, has held out the prospect of a clash with Barack "
                            "Obama over human rights when the two meet at the White House on Wednesday.",
                       published=SUN)
    held = [h for h in found if "held out" in h.title]
    assert held and all(h.date != "2011-01-12" for h in held), found


# (sentence, publication day, expression, value): a month without a year in a past narrative
NARRATIVE = [
    ("Hu was appointed party chief in Tibet in December 1988. His second crisis came on March 5 when monks "
     "marched through Lhasa.", date(2001, 10, 30), "March 5", "1989-03-05"),  # the story moves forward
    ("Khan joined the army in 1968. He was promoted in March and sent to Dhaka.", date(2001, 10, 30),
     "March", "1968-03"),
    # bounds tell no story; the years of the news are the tense's to place
    ("Unemployment reached 8.5%, the highest since 1983. The index has not closed above 8,000 since February.",
     date(2009, 4, 4), "February", "2009-02"),
    ("The treaty was signed in 2010. Talks resumed in March.", date(2011, 4, 21), "March", "2011-03"),
]


@pytest.mark.parametrize("sentence,dct,text,value", NARRATIVE, ids=[c[0][:40] for c in NARRATIVE])
def test_a_month_without_a_year_in_a_past_narrative_takes_the_narratives_year(
        nlp, sentence: str, dct: date, text: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(sentence, dct, nlp)}
    assert found.get(text) == value, found


@pytest.mark.parametrize("sentence,text,value", [
    ("The last time the doctor gave the drug was 1040 on 25 June, hours before the singer died.",
     "1040 on 25 June", "2009-06-25T10:40"),
    ("The first shot was fired at 0930 on Tuesday.", "0930 on Tuesday", "2009-08-25T09:30"),
    ("The abbey was founded in 1040 on the river.", "1040", "1040"),
])
def test_four_figures_before_the_day_they_fall_on_are_a_clock_time_not_a_year(
        nlp, sentence: str, text: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(sentence, date(2009, 8, 29), nlp)}
    assert found.get(text) == value, found


@pytest.mark.parametrize("sentence", [
    "At 1209 a.m. on 13 January the mayor wrote that church groups were singing through the night.",
    "The first report came at 1145 pm, an hour after the shaking stopped.",
])
def test_four_figures_before_am_or_pm_are_a_clock_time_never_a_year(nlp, sentence: str) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(sentence, date(2010, 1, 22), nlp)}
    assert not any(v and v[:4] in ("1209", "1145") for v in found.values()), found


@pytest.mark.parametrize("sentence,text", [
    ("The editor was arrested in a midnight raid and beaten.", "midnight"),
    ("The rebels ignored the noon deadline.", "noon"),
])
def test_an_hour_that_describes_a_noun_names_no_day(nlp, sentence: str, text: str) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(sentence, THU, nlp)}
    assert text in found and found[text] is None, found


def test_an_hour_as_the_clause_s_time_keeps_its_day(nlp) -> None:
    found = {t.text: t.value for t in find_timexes_in_text("The deadline expired at midnight.", THU, nlp)}
    assert (found.get("midnight") or "").startswith("2011-01-13"), found
