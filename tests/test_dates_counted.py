"""Days a reader checks against the calendar: a clause counted from another ("two days
after the minister resigned") takes a day only when the clause it counts from has one and
the measure is exact; an entry of a live page opening with its clock time is of the page's
day, whatever later day an entry speaks of; a country's own independence day is not the
Fourth of July. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from tests.conftest import happenings
from timeline.extract.temporal import find_timexes_in_text

WEDNESDAY = date(2010, 1, 20)


def _dated(found, word: str) -> list[tuple[str, str]]:
    return [(h.date, h.evidence.rule) for h in found if word in h.title]


def test_a_clause_counted_from_a_dated_day_takes_the_day_counted(nlp) -> None:
    found = happenings(nlp, "The minister of Kerel was charged on Monday, two days after the president "
                            "dismissed him.", published=WEDNESDAY)
    assert _dated(found, "dismissed") == [("2010-01-16", "measured-from-clause")], found


def test_a_clause_counted_from_an_undated_past_takes_no_day_from_the_paper(nlp) -> None:
    # the governor's speech has no day of its own: the riots' day cannot be counted from it
    found = happenings(nlp, "Just one day before the riots began in Kerel, the governor told parliament "
                            "that the province was calm.", published=WEDNESDAY)
    assert not [h for h in found if "riots" in h.title and h.date >= "2010-01-20"], found
    found = happenings(nlp, "The mayor of Kerel resigned two weeks after the flood destroyed the old "
                            "bridge.", published=WEDNESDAY)
    assert not [h for h in found if "flood" in h.title and h.date == "2010-01-06"], found
    found = happenings(nlp, "A teenage boy was lifted alive from a collapsed school in Kerel, 15 days after the "
                            "earthquake struck, rescuers say.", published=date(2010, 1, 28))
    assert not [h for h in found if "struck" in h.title and h.date == "2010-01-13"], found


def test_a_happening_that_came_a_day_after_another_counts_from_the_news_day(nlp) -> None:
    found = happenings(nlp, "The ban on marches came a day after the council barred aid agencies from "
                            "the province.", published=WEDNESDAY)
    assert _dated(found, "barred") == [("2010-01-19", "measured-from-clause")], found


def test_a_measure_that_is_not_exact_gives_no_day(nlp) -> None:
    found = happenings(nlp, "The minister of Kerel was charged on Monday, less than a week after the "
                            "president dismissed him.", published=WEDNESDAY)
    assert _dated(found, "charged") == [("2010-01-18", "weekday-past-tense")], found
    assert not [h for h in found if "dismissed" in h.title and h.precision == "day"], found


def test_a_clock_time_opening_a_live_page_entry_is_of_the_page_s_day(nlp) -> None:
    text = ("Follow the count in Kerel as results come in.\n"
            "12.10pm The electoral court has put off until tomorrow its ruling on the opposition's appeal.\n"
            "1.15pm A reader writes that the queues at the counting centre are getting longer.\n"
            "2 pm Observers say the count in the north is going smoothly.\n")
    found = {t.text: t.value for t in find_timexes_in_text(text, WEDNESDAY, nlp)}
    assert found.get("tomorrow") == "2010-01-21", found
    assert found.get("1.15pm") == "2010-01-20T13:15", found
    assert found.get("2 pm") == "2010-01-20T14:00", found


def test_a_clock_time_inside_a_sentence_keeps_the_narrative_s_day(nlp) -> None:
    text = "The court sat again on Monday.\nThe judge returned to the bench at 2 pm and read the ruling.\n"
    found = {t.text: t.value for t in find_timexes_in_text(text, WEDNESDAY, nlp)}
    assert found.get("2 pm") == "2010-01-18T14:00", found


def test_a_country_s_own_independence_day_is_not_the_fourth_of_july(nlp) -> None:
    found = happenings(nlp, "Opposition leader Karl Weber has vowed to bring the capital of Kerel to a "
                            "standstill on Thursday, the country's independence day.", published=date(2014, 8, 10))
    assert not [h for h in found if h.date.endswith("-07-04")], found
    values = {t.text: t.value for t in find_timexes_in_text(
        "Crowds watched the fireworks over Boston on America's Independence Day.", date(2014, 8, 10), nlp)}
    assert values.get("Independence Day") == "2014-07-04", values
