"""A step taken on an earlier day, told again in a later article, keeps its own date or
none: never the day the paper came out. Articles written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import happenings
from timeline.extract.temporal import find_timexes_in_text

THU = date(2011, 4, 21)  # a Thursday


@pytest.mark.parametrize("text,step", [
    ("A judge set the trial of Dr Felix Marsh for September on Thursday. "
     "Dr Marsh has pleaded not guilty to involuntary manslaughter.", "pleaded"),
    ("The singer Ada Blue died in June 2009. Her doctor, Felix Marsh, was charged in February 2010. "
     "He has pleaded not guilty.", "pleaded"),
    ("A court in Lahore heard the defence on Thursday. The former prime minister has been charged with "
     "hijacking and terrorism and has denied wrongdoing.", "charged"),
    ("Lawyers for Omar Khan asked for a new trial on Thursday. Khan has been jailed for life on charges of "
     "hijacking.", "jailed"),
])
def test_a_step_of_a_case_in_the_perfect_past_the_first_report_is_not_news_of_the_day(
        nlp, text: str, step: str) -> None:
    found = happenings(nlp, text, published=THU)
    assert found, "the article's own news is still reported"
    restated = [h for h in found if step in h.title]
    assert not [h for h in restated if h.evidence.rule == "publication-date"], found


@pytest.mark.parametrize("text,step", [
    ("Dr Felix Marsh has pleaded not guilty to involuntary manslaughter. He appeared in court in Los Angeles.",
     "pleaded"),  # the article's first report: the news
    ("Prosecutors in Lahore have charged the former prime minister with hijacking.", "charged"),  # an act
    ("A judge set the trial for September on Thursday. Dr Marsh pleaded not guilty to a new charge of fraud "
     "on Thursday.", "pleaded"),  # a date of its own
])
def test_a_step_of_a_case_that_is_the_news_keeps_its_day(nlp, text: str, step: str) -> None:
    found = happenings(nlp, text, published=THU)
    assert [h.date for h in found if step in h.title] == ["2011-04-21"], found


@pytest.mark.parametrize("sentence,text,value", [
    ("The judge set the trial for September on Thursday.", "September", "2011-09"),
    ("The hearing was adjourned for March.", "March", "2012-03"),
    ("The judge jailed him over February's riots.", "February", "2011-02"),
])
def test_a_time_something_was_set_for_lies_ahead_of_the_setting(nlp, sentence: str, text: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes_in_text(sentence, THU, nlp)}
    assert found.get(text) == value, found


@pytest.mark.parametrize("text,words", [
    ("Two days after General Omar Khan seized power in a bloodless coup in 1999, a poll in Freedonia revealed that "
     "most people supported the takeover.", "poll"),
    ("Shortly after joining the central bank in 2002, Anna Berg gave a speech on deflation.", "speech"),
    ("Days after the singer's death on 25 June, 2009, the band paid tribute to her at a festival.", "tribute"),
    ("The same album earned the band its last number one when first released in 2003.", "number one"),
    ("During the 2008 campaign, the senator promised to close the prison.", "promised"),
])
def test_a_clause_told_after_a_time_long_before_the_news_is_not_dated_by_publication(
        nlp, text: str, words: str) -> None:
    found = happenings(nlp, text, published=date(2011, 9, 23))
    assert not [h for h in found if words in h.title and h.evidence.rule == "publication-date"], found


@pytest.mark.parametrize("text,day", [
    ("The minister resigned after a scandal over his expenses, which began in 2009.", "2011-09-23"),  # the scandal's
    ("Talks resumed after a pause on Wednesday.", "2011-09-21"),  # a day of the news: the clause's own
    ("Police arrested the minister while he was trying to leave the country.", "2011-09-23"),  # no time of its own
])
def test_a_clause_after_a_time_of_the_news_or_of_something_else_stays_news(nlp, text: str, day: str) -> None:
    found = happenings(nlp, text, published=date(2011, 9, 23))
    assert [h.date for h in found] == [day], found


def test_a_claim_about_long_before_is_dated_when_it_was_made(nlp) -> None:
    found = happenings(nlp, "Executives of the insurer Argo said the Federal Reserve was informed three months ago "
                            "that the company would pay $165 million in bonuses.", published=date(2009, 3, 19))
    claims = [h for h in found if "said" in h.title]
    assert claims and all(h.date == "2009-03-19" for h in claims), found


@pytest.mark.parametrize("text,value", [
    ("Libya says a NATO strike hit a civilian house on Monday.", "2011-05-09"),  # a day of the news
    ("Prosecutors said on Friday that Dr Felix Marsh gave the singer a sedative on June 25, 2009.", "2011-05-06"),
])
def test_a_claim_of_the_news_days_or_a_dated_saying_keeps_its_day(nlp, text: str, value: str) -> None:
    found = happenings(nlp, text, published=date(2011, 5, 10))
    assert [h.date for h in found] == [value], found


@pytest.mark.parametrize("text,dated", [
    ("Dr Felix Marsh denies giving the singer the drugs that killed her.", False),  # a standing denial
    ("The defendant denies stealing the paintings.", False),
    ("The ministry denies that its soldiers shelled the village.", True),  # a clause said: news of the day
    ("Kyiv says a missile hit a school.", True),
])
def test_a_denial_in_the_present_is_news_only_when_it_says_a_clause(nlp, text: str, dated: bool) -> None:
    found = happenings(nlp, text, published=THU)
    assert bool([h for h in found if h.date == THU.isoformat()]) is dated, [(h.date, h.title) for h in found]


def test_what_a_source_is_said_to_have_done_is_news_of_the_day(nlp) -> None:
    found = happenings(nlp, "The opposition is said to have put aside its objections to the deal.", published=THU)
    assert [h.date for h in found] == [THU.isoformat()], [(h.date, h.title) for h in found]
