"""Rules of English news dating that hold beyond the dev set: one row per phrase, publication
date and expected reading; plus random text and random dates that must never raise."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extract.temporal import find_timexes_in_text
from timeline.extract.temporal.values import precision_of

SAT = date(2022, 2, 12)  # a Saturday
TUE = date(2020, 9, 8)  # a Tuesday
WED = date(2024, 1, 10)  # a Wednesday


# (text, dct, expression text, type, value)
CASES = [
    # "ago" closes a date wherever the clause goes on; a week counts in days, a count of weeks
    # (rounded) names the week
    ("Troops crossed the border three days ago and took the town.", SAT, "three days ago", "DATE", "2022-02-09"),
    ("A diver died a week ago while laying tanks.", SAT, "a week ago", "DATE", "2022-02-05"),
    ("The plan was adopted two weeks ago by parliament.", SAT, "two weeks ago", "DATE", "2022-W04"),
    ("The pact was signed a fortnight ago.", SAT, "a fortnight ago", "DATE", "2022-W04"),
    ("The review began two years ago in Brussels.", SAT, "two years ago", "DATE", "2020"),
    ("Two days before the vote, he resigned.", SAT, "Two days", "DURATION", "P2D"),
    # comparisons carry the compared period a year back, at its precision
    ("Profit fell in the fourth quarter from the same period last year.", SAT,
     "the same period last year", "DATE", "2020-Q4"),
    ("Sales fell in January from the same month a year earlier.", SAT,
     "the same month a year earlier", "DATE", "2021-01"),
    ("Retail sales in October fell 24 percent from a year earlier.", SAT, "a year earlier", "DATE", "2020-10"),
    ("Costs were lower than in the same period last year.", SAT, "the same period last year", "DATE", "2021"),
    # periods placed by other periods
    ("Aid rose in the first week of January.", WED, "the first week of January", "DATE", "2024-W01"),
    ("Prices peaked in the last week of March 2009.", WED, "the last week of March 2009", "DATE", "2009-W13"),
    ("Results for the January-March quarter are due in late April.", date(2023, 3, 6),
     "the January-March quarter", "DATE", "2023-Q1"),
    ("His last visit was in June 2023, after a chill that began in February of that year.", WED,
     "February of that year", "DATE", "2023-02"),
    ("The company expects a recovery later this year.", SAT, "later this year", "DATE", "2022"),
    # a month or a day in a year named relative to publication, whatever the month's tense says
    ("In October last year the minister forced the chief into retirement.", SAT,
     "October last year", "DATE", "2021-10"),
    ("The vote is set for June 5 next year.", SAT, "June 5 next year", "DATE", "2023-06-05"),
    ("On the 3rd of May this year the council met.", SAT, "3rd of May this year", "DATE", "2022-05-03"),
    # fiscal years are written apart from calendar years
    ("Walmart's fiscal 2024 ends in January.", SAT, "fiscal 2024", "DATE", "FY2024"),
    ("Spending in FY2023 rose.", SAT, "FY2023", "DATE", "FY2023"),
    # times with zones
    ("Polls close at 2000 GMT.", SAT, "2000 GMT", "TIME", "2022-02-12T20:00Z"),
    ("Stocks rose at 2 p.m. EDT.", SAT, "2 p.m. EDT", "TIME", "2022-02-12T14:00-04:00"),
    ("The hearing opens at 9 a.m. ET.", date(2022, 7, 1), "9 a.m. ET", "TIME", "2022-07-01T09:00-04:00"),
    ("The hearing opens at 9 a.m. ET.", date(2022, 1, 5), "9 a.m. ET", "TIME", "2022-01-05T09:00-05:00"),
    # the night before a morning report; references to the future
    ("Shelling eased overnight, the army said.", SAT, "overnight", "TIME", "2022-02-11TNI"),
    ("A deal is possible in the coming weeks.", SAT, "the coming weeks", "DATE", "FUTURE_REF"),
    ("Fighting continued in recent days.", SAT, "recent days", "DURATION", "PXD"),
    ("Zelenskiy visited Kherson on Monday, days after the pullback.", SAT, "days", "DURATION", "PXD"),
    # named days
    ("Black Friday falls on Nov. 24 this year.", date(2023, 11, 16), "Black Friday", "DATE", "2023-11-24"),
    ("Stores close on Memorial Day.", SAT, "Memorial Day", "DATE", "2022-05-30"),
    ("Markets were shut on Good Friday.", date(2022, 4, 20), "Good Friday", "DATE", "2022-04-15"),
    # reported speech dates the saying; the reported clause looks ahead from it
    ("The rulers said on Monday they would name a government on Thursday.", date(2023, 8, 1),
     "Monday", "DATE", "2023-07-31"),
    ("The rulers said on Monday they would name a government on Thursday.", date(2023, 8, 1),
     "Thursday", "DATE", "2023-08-03"),
    ("Johnson said on Monday that a deal had to be agreed by Oct. 15.", TUE, "Oct. 15", "DATE", "2020-10-15"),
    # a headline in the present reports the past
    ("Ukraine's army retakes village on Friday\nKYIV (Wire) - Ukrainian troops retook a village, officials said.",
     date(2022, 11, 15), "Friday", "DATE", "2022-11-11"),
    # present-tense schedules look ahead
    ("The fund's meetings run through the weekend.", date(2020, 4, 14), "the weekend", "DATE", "2020-W16-WE"),
    ("The transition period ends on Dec. 31.", TUE, "Dec. 31", "DATE", "2020-12-31"),
    # a clock time with no day keeps to the publication day when the narrative day is on the other side
    ("Policymakers next meet on June 15. Stocks rose at 2 p.m. after the release.", date(2022, 5, 25),
     "2 p.m.", "TIME", "2022-05-25T14:00"),
    # "the end of the month" is the narrative's month only right after a date
    ("Talks collapsed on Dec. 28. Officials said a deal was possible but not before the end of the month.", WED,
     "the end of the month", "DATE", "2024-01"),
    ("A months-long chill followed.", SAT, "months-long", "DURATION", "PXM"),
    ("Coalition talks could take months.", SAT, "months", "DURATION", "PXM"),
    ("Output grew in the first three months of the year.", date(2022, 8, 12),
     "the first three months of the year", "DATE", "2022-Q1"),
    ("Sales fell in the last six months of 2021.", SAT, "the last six months of 2021", "DATE", "2021-H2"),
    # a present passive is present: the nearest such month, not last year's
    ("Inflation is forecast to peak in October.", date(2022, 8, 12), "October", "DATE", "2022-10"),
    ("He stays until a successor is sworn in, possibly before Christmas.", date(2021, 9, 27),
     "Christmas", "DATE", "2021-12-25"),
    # four figures are a clock time before "local time", another zone's time, or after "at"
    ("The dam burst at 0540 local time (0940 GMT), officials said.", WED,
     "0540 local time (0940 GMT)", "TIME", "2024-01-10T05:40"),
    ("The first tremor struck at 1653 (2153 GMT) on Tuesday.", WED,
     "1653 (2153 GMT) on Tuesday", "TIME", "2024-01-09T16:53"),
    ("Rescuers reached the mine at 1820 and began pumping.", WED, "1820", "TIME", "2024-01-10T18:20"),
    ("The abbey was founded in 1653 by monks.", WED, "1653", "DATE", "1653"),
    # "Today" in a headline written in title case is still the day
    ("Pope To Visit Flooded Towns Today", WED, "Today", "DATE", "2024-01-10"),
    ("Today the minister said the schools would stay open.", WED, "Today", "DATE", "2024-01-10"),
]

# (text, dct, words that are no time expression there)
NOT_TIMES = [
    ("The Today programme's host pressed the minister on school closures.", WED, "Today"),
    ("The minister told the Today programme that schools would stay open.", WED, "Today"),
    ("Speaking on Today, the minister said schools would stay open.", WED, "Today"),
    ("The minister told Today that schools would stay open.", WED, "Today"),
    ("A survey published in USA Today found wide support for the plan.", WED, "Today"),
    ("Ann Lee, Editor Of Pets Today Magazine, Talks About Breeding", WED, "Today"),
    ("Imports held at 2008 levels.", WED, "2008"),
]


@pytest.mark.parametrize("sentence,dct,text,kind,value", CASES, ids=[f"{c[2]}@{c[1]}" for c in CASES])
def test_general_rule(nlp, sentence: str, dct: date, text: str, kind: str, value: str) -> None:  # type: ignore[no-untyped-def]
    found = {t.text: t for t in find_timexes_in_text(sentence, dct, nlp)}
    assert text in found, f"{text!r} not found in {sorted(found)}"
    assert (found[text].type, found[text].value) == (kind, value)


@pytest.mark.parametrize("sentence,dct,text", NOT_TIMES, ids=[c[0][:30] for c in NOT_TIMES])
def test_not_a_time(nlp, sentence: str, dct: date, text: str) -> None:  # type: ignore[no-untyped-def]
    found = [t.text for t in find_timexes_in_text(sentence, dct, nlp)]
    assert not any(text in f for f in found), f"{text!r} read as a time in {found}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), dct=st.one_of(st.none(), st.dates()))
def test_random_text_and_date_never_raise(nlp, text: str, dct: date | None) -> None:  # type: ignore[no-untyped-def]
    for timex in find_timexes_in_text(text, dct, nlp):
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.value is None or precision_of(timex.value)


WORDS = st.sampled_from([
    "on", "Monday", "Friday", "last", "next", "week", "year", "ago", "three", "days", "the", "same", "period",
    "quarter", "fiscal", "9999", "0001", "2022", "Dec.", "31", "February", "29", "at", "2", "p.m.", "EDT",
    "overnight", "Black", "Friday", "of", "that", "first", "mid-", "1990s", "later", "said", "would", ",", ".",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(WORDS, max_size=25), dct=st.one_of(st.none(), st.dates()))
def test_random_time_words_never_raise(nlp, words: list[str], dct: date | None) -> None:  # type: ignore[no-untyped-def]
    """Random sentences of time words reach every rule, at the ends of the calendar too."""
    text = " ".join(words)
    for timex in find_timexes_in_text(text, dct, nlp):
        assert text[timex.start:timex.end] == timex.text
