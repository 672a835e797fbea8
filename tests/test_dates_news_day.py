"""Which day a report of the days before publication is told on: a day named right
after a verb of saying dates the saying, a day opening the sentence dates its clause,
and a lede that names the day before in words relative to it ("last night") sets the
article's news day even when it reports no happening itself. Articles written for these
tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import happenings

SUN = date(2009, 2, 1)  # a Sunday


def _dates(found, word: str) -> list[str]:
    return [h.date for h in found if word in h.title]


def test_a_day_after_a_verb_of_saying_dates_the_saying_not_what_it_announces(nlp) -> None:
    found = happenings(nlp, "The Freedonian opposition said on Friday it would form a coalition with "
                            "President Ada Blue this month.", published=SUN)
    assert _dates(found, "said") == ["2009-01-30"], found
    assert [h.status for h in found if "said" in h.title] == ["occurred"], found


def test_a_day_the_clause_itself_tells_stays_its_own(nlp) -> None:
    found = happenings(nlp, "The Freedonian opposition said it would form a coalition on Tuesday.",
                       published=SUN)
    assert "2009-01-30" not in {h.date for h in found}, found
    assert not [h for h in found if h.date == "2009-02-01" and h.status == "scheduled"], found


@pytest.mark.parametrize("text,word,day", [
    # a day opening the sentence dates its clause, whatever noun the parser hung it on
    ("Ambassador Jorge Delgado said many of them had no connection with the flight. "
     "On Saturday Foreign Minister Patricia Ruiz criticised Sylvania, along with Peru, Chile and Cuba, "
     "for cutting flights to Freedonia.", "Ruiz", "2009-01-31"),
    # a lede of "last night" sets the news day though it reports no happening itself
    ("The union's policy on Freedonia was in disarray last night as foreign ministers failed to agree "
     "on new sanctions. "
     "Minister Karl Weber said after a difficult meeting in Brussels that another attempt would be made.",
     "Weber", "2009-01-31"),
    # a day naming the happening the news follows sets no news day
    ("International efforts to help Freedonia in the wake of Friday's earthquake are picking up speed. "
     "Minister Karl Weber said $10m would be released immediately.", "Weber", "2009-02-01"),
    # a caption's full date sets no news day
    ("Commuters in masks stand at a railway station in Ostrava January 30, 2009. "
     "Minister Karl Weber said after a meeting in Prague that schools would stay open.", "Weber", "2009-02-01"),
    # a dated quotation by the same speaker dates the statement just before it…
    ("Judge Ada Blue said there was no evidence the singer was worried about money. "
     '"This is not a contractual dispute," she said on Friday.', "Ada Blue", "2009-01-30"),
    # …but not an act its speaker did
    ("The army pulled out of the town of Kerel. "
     '"We had no choice," he said on Friday.', "pulled out", "2009-02-01"),
    # the day after the one told looks back with the telling, not ahead with what was told
    ("Minister Karl Weber told reporters on Friday he would resign.", "Weber", "2009-01-30"),
], ids=["opening-day", "lede-last-night", "occasion-in-lede", "caption", "quoted-after", "act-not-quoted",
        "told-reporters"])
def test_the_day_an_undated_or_misparsed_report_is_told_on(nlp, text: str, word: str, day: str) -> None:
    found = happenings(nlp, text, published=SUN)
    assert _dates(found, word) == [day], found
