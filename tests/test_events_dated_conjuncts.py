"""Predicates joined in one sentence, each with a day of its own, are happenings of their own days."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.conftest import happenings

PUBLISHED = date(2009, 4, 29)  # a Wednesday


def dated(nlp: Any, text: str) -> list[tuple[str, str]]:
    return [(h.date, h.title) for h in happenings(nlp, text, published=PUBLISHED)]


def test_a_second_predicate_with_its_own_day_is_its_own_happening(nlp: Any) -> None:
    found = dated(nlp, "Health officials confirmed a new strain of influenza on Wednesday. The company opened "
                       "the plant on 3 March and closed it on 9 March.")
    assert ("2009-03-03", "The company opened the plant") in found
    assert ("2009-03-09", "The company closed it") in found


def test_a_later_death_told_after_the_visit_keeps_its_own_day(nlp: Any) -> None:
    found = dated(nlp, "Health officials confirmed a new strain of influenza on Wednesday. Rosa Martinez, a tax "
                       "inspector, went to the central hospital in Puebla on 8 April but died five days later.")
    assert ("2009-04-08", "Rosa Martinez went to the central hospital in Puebla") in found
    assert ("2009-04-13", "Rosa Martinez died") in found


def test_predicates_sharing_one_day_stay_one_happening(nlp: Any) -> None:
    found = dated(nlp, "Rebels seized the town on Friday and held it for a week.")
    assert found == [("2009-04-24", "Rebels seized the town and held it for a week")]


def test_the_subject_shared_as_a_pronoun_is_named(nlp: Any) -> None:
    found = dated(nlp, "Health officials confirmed a new strain of influenza on Wednesday. Rosa Martinez, a tax "
                       "inspector, fell ill in the state of Puebla. She went to the central hospital on 8 April "
                       "but died five days later.")
    assert ("2009-04-13", "Rosa Martinez died") in found


def test_a_second_clause_with_a_subject_of_its_own_does_not_borrow_the_first(nlp: Any) -> None:
    found = dated(nlp, "To counter the downturn, the regional bank said it will raise lending by half and Asian "
                       "governments agreed at the weekend to launch a $120 billion fund.")
    assert not [title for _, title in found if title.startswith("The regional bank agreed")]
