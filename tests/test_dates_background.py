"""Background told with no time of its own takes no date: a position held, restated in
the present perfect past the lede; a line of a life's course; a clause told before a time
long gone. What was done on the day stays news of the day. Sentences written for these
tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import happenings

DAY = date(2015, 6, 10)

LEDE = ("The governor of Varland, Ada Brenner, resigned on Tuesday after a week of protests over a harbour "
        "contract. Thousands of people marched to the assembly on Monday. The police arrested 40 protesters on "
        "Monday evening. The assembly will elect a successor next month. ")


def _dated(found, words: str) -> list[str]:
    return [h.date for h in found if words in h.title.lower()]


@pytest.mark.parametrize("sentence,words", [
    ("The opposition leader Tom Haas has hailed the resignation as a victory for the protesters.", "hailed"),
    ("The prime minister of Varland, Karl Oster, has described the protests as a threat to the state.",
     "described the protests"),
])
def test_a_position_restated_in_the_perfect_past_the_lede_takes_no_publication_day(nlp, sentence, words) -> None:
    found = happenings(nlp, LEDE + sentence, published=DAY)
    assert DAY.isoformat() not in _dated(found, words), [(h.date, h.title) for h in found]


@pytest.mark.parametrize("sentence,words", [
    ("Tom Haas has filed a complaint with the electoral court over the contract.", "filed a complaint"),
    ("Karl Oster has now described the protests as a threat to the state.", "described the protests"),
    ("The interior ministry has announced an inquiry into the harbour contract.", "announced an inquiry"),
])
def test_what_was_done_or_told_as_the_day_s_news_keeps_the_publication_day(nlp, sentence, words) -> None:
    found = happenings(nlp, LEDE + sentence, published=DAY)
    assert _dated(found, words) == [DAY.isoformat()], [(h.date, h.title) for h in found]


def test_a_position_in_the_lede_stays_news_of_the_day(nlp) -> None:
    found = happenings(nlp, "Tom Haas has hailed the resignation of Ada Brenner as a victory for the protesters.",
                       published=DAY)
    assert _dated(found, "hailed") == [DAY.isoformat()], [(h.date, h.title) for h in found]


@pytest.mark.parametrize("sentence,words", [
    ("Ada Brenner was raised by her grandparents in the port of Osterby.", "raised"),
    ("Ada Brenner began her working life in a shipyard in Osterby.", "working life"),
    ("Ada Brenner grew up in a fishing village near Osterby.", "grew up"),
    ("Ada Brenner was born in Osterby to a family of teachers.", "born"),
])
def test_a_line_of_a_life_s_course_takes_no_publication_day(nlp, sentence, words) -> None:
    found = happenings(nlp, sentence + " She resigned as governor of Varland.", published=DAY)
    assert DAY.isoformat() not in _dated(found, words), [(h.date, h.title) for h in found]
    assert _dated(found, "resigned") == [DAY.isoformat()], [(h.date, h.title) for h in found]


def test_a_life_s_course_keeps_a_time_of_its_own(nlp) -> None:
    found = happenings(nlp, "Ada Brenner was born in Osterby in 1961.", published=DAY)
    assert _dated(found, "born") in ([], ["1961"]), [(h.date, h.title) for h in found]


def test_a_clause_told_before_a_time_long_gone_takes_no_publication_day(nlp) -> None:
    found = happenings(nlp, "Ada Brenner resigned as governor of Varland on Tuesday. Before she was elected in 2009, "
                            "she criticised the harbour contract.", published=DAY)
    assert not {"2015-06-09", DAY.isoformat()} & set(_dated(found, "criticised")), [(h.date, h.title) for h in found]


def test_a_before_clause_describing_a_place_does_not_date_the_clause(nlp) -> None:
    found = happenings(nlp, "Ada Brenner made her remarks during a visit to Osterby, the town where the party "
                            "held its congress before it came to power in 1990.", published=DAY)
    assert _dated(found, "made her remarks") == [DAY.isoformat()], [(h.date, h.title) for h in found]


THURSDAY = date(2008, 9, 25)


@pytest.mark.parametrize("text,words,day", [
    ("Senator Lena Holm agreed to the debate after a phone call yesterday evening from the governor.",
     "agreed to the debate", "2008-09-24"),
    ("The Varland crown fell sharply when trading opened on Monday.", "fell sharply", "2008-09-22"),
])
def test_a_clause_told_at_or_after_a_day_of_the_news_happened_that_day(nlp, text, words, day) -> None:
    found = happenings(nlp, text, published=THURSDAY)
    assert _dated(found, words) == [day], [(h.date, h.title, h.evidence.rule) for h in found]



def test_a_main_clause_in_the_past_perfect_after_the_first_sentence_takes_no_publication_day(nlp) -> None:
    text = ("A Varland engineer has been confirmed dead after the collapse of the harbour bridge. "
            "Nils Egger had been working on the bridge for the port authority, which lost six staff. "
            "The port authority said on Wednesday that the bridge had been closed to traffic.")
    found = happenings(nlp, text, published=DAY)
    assert not [h for h in found if "had been working" in h.title.lower() and h.date == DAY.isoformat()], \
        [(h.date, h.title) for h in found]
    assert "2015-06-10" in _dated(found, "port authority said"), [(h.date, h.title) for h in found]
