"""A chronology inside an article (a "key dates" box, a run of lines each opening with a
full date, or date headings over their entries) gives one event per entry, dated by the
entry's date; a lone line that opens with a date is a sentence of the story, read as any
other. Articles written for these tests."""

from __future__ import annotations

from datetime import date

from tests.conftest import happenings

DAY = date(2012, 5, 4)

BOX = """Harbour dispute ends in court

The port authority of Valmora lost its appeal on Thursday. Here are the key dates of the dispute.

14 March 2011 The fishing union calls a strike over berth fees at Valmora harbour.
19 June 2011 Police arrest eleven pickets outside the harbour gates.
He is later released without charge.
3 January 2012 A court in Valmora rules the berth fees unlawful.
"""


def test_each_entry_of_a_chronology_is_an_event_dated_by_its_line(nlp) -> None:
    found = [(h.date, h.title, h.evidence.rule) for h in happenings(nlp, BOX, published=DAY)
             if h.evidence.rule == "chronology-entry"]
    assert found == [
        ("2011-03-14", "The fishing union calls a strike over berth fees at Valmora harbour", "chronology-entry"),
        ("2011-06-19", "Police arrest eleven pickets outside the harbour gates", "chronology-entry"),
        ("2012-01-03", "A court in Valmora rules the berth fees unlawful", "chronology-entry"),
    ], found


def test_date_headings_over_their_entries_are_a_chronology(nlp) -> None:
    text = ("Key dates\n\n2 April 2011\nPolice arrest the union's leader at his home.\n\n"
            "9 May 2011\nThe minister of transport resigns over the dispute.\n")
    found = [(h.date, h.title) for h in happenings(nlp, text, published=DAY) if h.evidence.rule == "chronology-entry"]
    assert found == [("2011-04-02", "Police arrest the union's leader at his home"),
                     ("2011-05-09", "The minister of transport resigns over the dispute")], found


def test_a_story_sentence_opening_with_a_date_is_read_as_before(nlp) -> None:
    text = ("The union called off its strike on Monday.\n"
            "14 March 2011 was the day the first boats stayed in port.\n"
            "The union's leader said the talks had failed.\n")
    found = happenings(nlp, text, published=DAY)
    assert not [h for h in found if h.evidence.rule == "chronology-entry"], found
    assert ("2012-04-30", "The union called off its strike") in [(h.date, h.title) for h in found], found


def test_a_single_line_opening_with_a_date_is_no_chronology(nlp) -> None:
    text = ("Fishermen blocked the harbour of Valmora on Friday.\n"
            "19 June 2011 Police arrest eleven pickets outside the harbour gates.\n")
    assert not [h for h in happenings(nlp, text, published=DAY) if h.evidence.rule == "chronology-entry"]


def test_a_live_blogs_time_stamps_are_no_chronology(nlp) -> None:
    text = ("Polls closed in Valmora at six on Friday.\n"
            "12.45pm The fishing union says its members voted in large numbers.\n"
            "1.10pm Police report long queues outside the harbour station.\n")
    assert not [h for h in happenings(nlp, text, published=DAY) if h.evidence.rule == "chronology-entry"]
