"""Which day an article's undated reports are told on: the lede's news day, never a
picture's caption above the story; a saying is dated by the saying, what it announces
by its own time; a day told in another zone's time is that day. Articles written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import happenings
from timeline.extract.temporal import find_timexes_in_text

MON = date(2009, 5, 18)  # a Monday


def _dates(found, word: str) -> list[str]:
    return [h.date for h in found if word in h.title]


@pytest.mark.parametrize("text", [
    # a photo's caption above the story dates the picture, not the news
    "Commuters wearing masks walk past a railway station in Ostrava May 15, 2009. "
    "The health ministry confirmed 40 new cases of flu in the capital. "
    "Health Minister Jana Novak said schools would stay open.",
    # a lede dated by its own day is not moved by a day named after it
    "Nine new cases of flu were confirmed in Freedonia today. "
    "Five pupils at a school in the capital, off sick on Friday, have also tested positive. "
    "Health Minister Jana Novak said the spread was largely contained.",
], ids=["caption", "lede-of-the-day"])
def test_an_undated_statement_is_news_of_the_day_when_the_lede_names_no_day_before(nlp, text: str) -> None:
    found = happenings(nlp, text, published=MON)
    assert _dates(found, "Novak") == ["2009-05-18"], found
    assert not [h for h in found if "confirmed" in h.title and h.date != "2009-05-18"], found


def test_a_lede_of_a_day_before_still_sets_the_news_day(nlp) -> None:
    text = ("Rebels seized the northern town of Kerel on Saturday. "
            "The defence minister said the army would retake it within days.")
    found = happenings(nlp, text, published=MON)
    assert _dates(found, "seized") == ["2009-05-16"], found
    assert _dates(found, "minister") == ["2009-05-16"], found


def test_an_announcement_is_dated_by_the_saying_and_what_it_announces_by_its_own_day(nlp) -> None:
    text = "The singer Ada Blue said more than 40 musicians were expected to perform at the benefit concert on 22 May."
    found = happenings(nlp, text, published=MON)
    said = [h for h in found if h.title.startswith("Ada Blue said")]
    assert [(h.date, h.status) for h in said] == [("2009-05-18", "occurred")], found
    planned = [h for h in found if h.status == "scheduled"]
    assert [h.date for h in planned] == ["2009-05-22"], found
    assert not planned[0].title.startswith("Ada Blue said"), "the announced happening is told in its own words"


def test_an_announcement_with_a_day_of_its_own_keeps_it(nlp) -> None:
    text = "Ada Blue said on Sunday that the concert would take place on 22 May."
    found = happenings(nlp, text, published=MON)
    assert _dates(found, "Ada Blue said") == ["2009-05-17"], found


def test_a_day_told_in_another_zone_s_time_is_that_day(nlp) -> None:
    found = happenings(nlp, "President Omar Khan announced the death of the former leader late Thursday "
                            "South African time.", published=date(2013, 12, 6))
    assert [(h.date, h.evidence.expression) for h in found] == [("2013-12-05", "late Thursday")], found
    assert "time" not in found[0].title.split(), "the zone goes with its day"


QUAKE = "Aid began to arrive in Freedonia as rescuers searched buildings flattened by Tuesday's earthquake. "


@pytest.mark.parametrize("sentence,word", [
    ("Seventeen United Nations staff have been killed in the earthquake.", "killed"),
    ("The quake destroyed the cathedral in the capital.", "cathedral"),  # the same happening, another word
])
def test_a_clause_set_in_a_happening_the_article_dates_by_name_takes_its_day(nlp, sentence: str, word: str) -> None:
    found = happenings(nlp, QUAKE + sentence, published=date(2010, 1, 14))
    assert [(h.date, h.evidence.rule) for h in found if word in h.title] == [("2010-01-12", "named-occasion")], found


@pytest.mark.parametrize("sentence,word", [
    ("The United Nations said the earthquake was the worst disaster it had faced.", "United Nations"),  # a saying
    ("An earthquake in Chile killed three people.", "Chile"),  # another happening of the kind
    ("Aid workers arrived after the earthquake.", "arrived"),  # after it, not in it
])
def test_a_saying_about_it_or_another_happening_of_its_kind_stays_news_of_the_day(
        nlp, sentence: str, word: str) -> None:
    found = happenings(nlp, QUAKE + sentence, published=date(2010, 1, 14))
    assert [h.date for h in found if word in h.title] == ["2010-01-14"], found


def test_a_noun_the_article_dates_twice_names_no_one_happening(nlp) -> None:
    text = ("Monday's blast killed two soldiers near the border, the army said on Thursday. "
            "Tuesday's blast hit a market. The blast destroyed a school.")
    found = happenings(nlp, text, published=date(2010, 1, 14))
    assert not [h for h in found if h.evidence.rule == "named-occasion"], found


@pytest.mark.parametrize("caption", [
    "Commuters wearing masks walk past a railway station in Ostrava May 15, 2009.",
    "Crates of live geese are stored awaiting transport at a market in Kerel province, near the border, May 15, 2009.",
])
def test_a_photo_caption_in_the_present_with_its_full_date_is_no_happening(nlp, caption: str) -> None:
    assert happenings(nlp, caption, published=MON) == []


def test_a_happening_told_in_the_present_on_its_day_stays_one(nlp) -> None:
    found = happenings(nlp, "The president signs the health bill into law on May 15, 2009.", published=MON)
    assert [h.date for h in found] == ["2009-05-15"], found


def test_someone_unnamed_pictured_on_a_day_gone_by_is_a_caption(nlp) -> None:
    assert happenings(nlp, "A trader walks past the stock exchange in Frankfurt on Friday.", published=MON) == []


@pytest.mark.parametrize("sentence", [
    "A judge rules on Friday that the strike was illegal.",  # no one pictured: a headline's present
    "Ada Blue walks out of the talks on Friday.",  # someone named
])
def test_a_happening_in_the_headline_present_is_no_caption(nlp, sentence: str) -> None:
    assert [h.date for h in happenings(nlp, sentence, published=MON)] == ["2009-05-15"]


@pytest.mark.parametrize("sentence,value", [
    ("On the day Ada Blue was arrested at a rally in the capital, she was due to speak.", None),
    ("Medics were called while her doctor was giving her oxygen on the day she died.", None),
    # the day the text is telling
    ("Police arrested Omar Khan on Saturday. Later in the day he was released.", "2009-05-16"),
])
def test_the_day_defined_by_what_happened_on_it_is_not_the_day_the_text_tells(
        nlp, sentence: str, value: str | None) -> None:
    found = [t for t in find_timexes_in_text(sentence, MON, nlp) if "the day" in t.text.lower()]
    assert [t.value for t in found] == [value], found


def test_a_lede_about_a_happening_named_by_its_day_sets_no_news_day(nlp) -> None:
    text = ("Tuesday's earthquake has left as many as 50,000 people dead in Freedonia. "
            "President Ada Blue described the losses as heartbreaking.")
    found = happenings(nlp, text, published=date(2010, 1, 15))
    assert _dates(found, "dead") == ["2010-01-12"], found
    assert _dates(found, "heartbreaking") == ["2010-01-15"], found


@pytest.mark.parametrize("text,word,day", [
    ("Five more pupils, off sick on Friday, have been confirmed as having contracted the virus.", "confirmed",
     "2009-05-18"),  # the day describes the pupils
    ("Talks on Friday ended without agreement.", "ended", "2009-05-15"),
    ("The talks ended without agreement on Friday.", "ended", "2009-05-15"),
    # a day closing the relative clause that describes the subject is that clause's
    ("President Ada Brenn, who branded the opposition \"a terrorist force\" yesterday, has cut taxes.", "cut taxes",
     "2009-05-18"),
    ("President Ada Brenn, who branded the opposition \"a terrorist force\" yesterday, has cut taxes.", "branded",
     "2009-05-17"),
])
def test_a_day_in_a_description_of_the_subject_does_not_date_the_clause(nlp, text: str, word: str, day: str) -> None:
    assert _dates(happenings(nlp, text, published=MON), word) == [day]


def test_a_day_of_publication_named_for_no_news_leaves_the_lede_s_day(nlp) -> None:
    text = ("President Ada Blue accused Freedonia of bribing her opponents in a speech on Saturday, "
            "as voters await the results of recounts today. "
            "The Freedonian embassy denied a report that it had paid opposition leaders.")
    found = happenings(nlp, text, published=MON)
    assert _dates(found, "embassy") == ["2009-05-16"], found


def test_a_happening_the_article_says_took_place_on_a_day_lends_it_to_a_clause_set_in_it(nlp) -> None:
    text = ("The party leader, Wen Bo, has made a keynote speech urging members to live a simple life. "
            "The speech was delivered on December 6, but excerpts were only published yesterday. "
            "In the speech, Mr Wen invoked the founder's name 16 times.")
    found = happenings(nlp, text, published=date(2003, 1, 4))
    assert [h.date for h in found if "invoked" in h.title] == ["2002-12-06"], [(h.date, h.title) for h in found]
