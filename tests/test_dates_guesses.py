"""A date is not made from another clause's time, nor from hours read as no time: a count
of hours is a count of days when it makes whole days, and a time still to come that only a
conjunct tells ("and will appear in court on May 9") is not the time of what the clause
tells as done. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from tests.conftest import happenings
from timeline.extract.temporal import find_timexes_in_text

FRIDAY = date(2024, 5, 3)


def test_hours_that_make_whole_days_move_the_narrative_by_days(nlp) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(
        "Ten days ago, Orla Finch flew home from Lima. 48 hours later, she was taken to hospital in Cork.",
        FRIDAY, nlp)}
    assert found.get("Ten days ago") == "2024-04-23", found
    assert found.get("48 hours later") == "2024-04-25", found


def test_a_few_hours_stay_on_the_narrative_s_day(nlp) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(
        "Ten days ago, Orla Finch flew home from Lima. Three hours later, she was taken to hospital in Cork.",
        FRIDAY, nlp)}
    assert found.get("Three hours later") == "2024-04-23", found


def test_a_conjunct_s_court_day_does_not_date_a_release(nlp) -> None:
    found = happenings(nlp, "Tomas Berg was charged with fraud at the city court in Malmo today.\n\n"
                            "Tomas Berg was released on bail and will appear back in court on June 10.",
                       published=FRIDAY)
    released = [h for h in found if "released" in h.title]
    assert released and all(h.date == "2024-05-03" for h in released), \
        [(h.title, h.date, h.evidence.rule) for h in found]


def test_a_plan_changed_keeps_both_times(nlp) -> None:
    found = happenings(nlp, "The airline were to take delivery in May 2023, but will now receive the jets "
                            "next month.", published=FRIDAY)
    assert {"2023-05", "2024-06"} <= {h.date for h in found}
