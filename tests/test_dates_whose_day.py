"""A time named inside what a pledge looks ahead to, or inside a noun deep in a clause's
phrases, is not the clause's day. Articles written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import happenings

WEDNESDAY = date(2012, 3, 14)  # Sunday is 11 March, yesterday 13 March


def _dates(nlp, text: str, word: str) -> list[str]:
    found = happenings(nlp, text, published=WEDNESDAY)
    return [h.date for h in found if word in h.title]


@pytest.mark.parametrize("sentence", [
    "The party chief, Ada Brenn, pledged to punish those responsible for the 40 deaths in the riots on Sunday.",
    "The mayor, Tomas Welk, vowed to find the men behind the bombing on Sunday.",
])
def test_a_past_day_inside_what_a_pledge_looks_ahead_to_does_not_date_the_pledge(nlp, sentence: str) -> None:
    word = "pledged" if "pledged" in sentence else "vowed"
    dates = _dates(nlp, sentence + " Officials gave no further details.", word)
    assert dates and "2012-03-11" not in dates, dates


def test_a_pledge_keeps_its_own_day(nlp) -> None:
    text = "The regional party chief, Ada Brenn, pledged on Sunday to punish those responsible for the riots."
    assert _dates(nlp, text, "pledged") == ["2012-03-11"]


def test_a_day_of_a_noun_deep_in_the_phrases_is_not_the_clause_day(nlp) -> None:
    text = ("A large student rally has taken place at Marlow University in protest at the role of the "
            "party's youth wing in the arrest yesterday of the opposition leader Pavel Dorn.")
    dates = _dates(nlp, text, "rally")
    assert dates and "2012-03-13" not in dates, dates


def test_a_day_of_the_clause_own_object_still_dates_it(nlp) -> None:
    text = "Police in Marlow confirmed the arrest yesterday of three men over the bombing of a bus station."
    assert _dates(nlp, text, "confirmed") == ["2012-03-13"]


def test_a_happening_told_again_with_its_time_takes_that_time(nlp) -> None:
    text = ("The Marlow intelligence service distributed large sums to the parties opposing Ada Brenn, "
            "according to court papers seen by reporters. The papers were filed in the high court. "
            "The service distributed the money among Brenn's rivals in 1994.")
    found = happenings(nlp, text, published=WEDNESDAY)
    first = [h for h in found if h.sentence_index == 0]
    assert first and first[0].date == "1994", [(h.title, h.date, h.evidence.rule) for h in found]


def test_a_happening_told_again_with_other_figures_keeps_its_own_day(nlp) -> None:
    text = ("Rebels of the Marlow Liberation Front killed five soldiers near the border, the army said. "
            "The army gave no further details. "
            "The Marlow Liberation Front killed three soldiers in the same area on Sunday.")
    found = happenings(nlp, text, published=WEDNESDAY)
    assert [h.date for h in found if h.sentence_index == 0 and "five" in h.title] != ["2012-03-11"]


def test_a_vow_made_at_a_dated_occasion_keeps_that_time(nlp) -> None:
    text = ("Ada Brenn and Tomas Welk vowed to end the border dispute during a summit in Marlow last month, "
            "officials said.")
    assert "2012-02" in _dates(nlp, text, "vowed")


def test_a_saying_dated_in_its_own_words_is_not_also_told_on_the_publication_day(nlp) -> None:
    found = happenings(nlp, "The Danish branches of the two charities, which sent the petition, yesterday said the "
                            "names were collected in Oslo on June 1.", published=WEDNESDAY)
    said = [(h.date, h.title) for h in found if " said " in h.title]
    assert said and all(d == "2012-03-13" for d, _ in said), said
