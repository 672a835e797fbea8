"""A clause told after a time before the days of the news happened then, not on the day the
paper came out; the time may sit anywhere in the clause of time but in a description of
one of its nouns. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import happenings
from timeline.extract.temporal import find_timexes_in_text

APR = date(2000, 4, 6)


def test_a_participle_with_no_tense_of_its_own_is_told_in_its_clause_s(nlp) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(
        "The charges arose after the premier refused to let a plane carrying the army chief land in Karachi "
        "on October 12.", APR, nlp)}
    assert found.get("October 12") == "1999-10-12", found


@pytest.mark.parametrize("text,clause", [
    ("The charges arose after the premier refused to let a plane carrying the army chief land in Karachi "
     "on October 12.", "charges arose"),
    ("The talks collapsed after the envoy tried to bring in new terms in 1998.", "talks collapsed"),
])
def test_a_clause_told_after_an_earlier_time_takes_no_publication_day(nlp, text: str, clause: str) -> None:
    found = happenings(nlp, text, published=APR)
    assert not [h for h in found if clause in h.title.lower() and h.date == APR.isoformat()], \
        [(h.date, h.title) for h in found]


def test_a_time_describing_a_noun_of_the_clause_of_time_is_not_its_time(nlp) -> None:
    found = happenings(nlp, "The board approved the merger after a scandal, which began in 1998, forced the "
                            "chairman out.", published=APR)
    assert [h.date for h in found if "approved the merger" in h.title] == [APR.isoformat()], \
        [(h.date, h.title) for h in found]


def test_a_participle_the_verb_takes_looks_ahead_as_its_infinitive_does(nlp) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(
        "The minister warned other countries to avoid sending their teams to the tournament in June.", APR, nlp)}
    assert found.get("June") == "2000-06", found


def test_a_day_in_a_description_of_the_subject_is_not_the_main_clause_s(nlp) -> None:
    found = happenings(nlp, "Ngoni, the man expected to become the country's leader tomorrow, met the ambassador.",
                       published=APR)
    assert [h.date for h in found if "met the ambassador" in h.title] == [APR.isoformat()], \
        [(h.date, h.title) for h in found]
    found = happenings(nlp, "The singer died after suffering a cardiac arrest on Monday.", published=APR)
    assert [h.date for h in found if "died" in h.title] == ["2000-04-03"], [(h.date, h.title) for h in found]
