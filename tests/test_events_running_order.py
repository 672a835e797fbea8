"""A programme's running order (several items announced as "X discusses...", "Y reports
from...") runs other stories into the page: its items that share nothing with the headline
and the lede are no happenings of the page's news, however dated. The same stories told in
a plain report, which announces no items, stay."""

from __future__ import annotations

from datetime import date

from tests.conftest import titles_of

DAY = date(2013, 4, 17)
HEADLINE = "Rescuers reach Veldon as quake toll climbs"
NEWS = [
    "Rescue teams from twelve countries have reached Veldon after Monday's earthquake.",
    "Hundreds of people are still trapped under collapsed buildings in the capital, officials said.",
]
OTHER = [
    "The city council of Harwick approved a new bus lane on Tuesday.",
    "Councillors voted by twelve to four to close the high street to cars from next spring.",
]
TOLL = "The Veldon interior minister, Lena Sova, said on Tuesday that the death toll had risen to 3,000."
RUNNING_ORDER = " ".join([
    *NEWS,
    "Anna Berg, of the Red Cross, discusses how aid agencies are coping with the disaster.",
    "Tom Reed reports from the capital on the search for survivors.",
    *OTHER,
    "Mark Dale, the council leader, and Ruth Penn, a shopkeeper, debate whether the plan will help trade.",
    TOLL,
])
REPORT = " ".join([*NEWS, TOLL, *OTHER])


def test_another_item_of_a_running_order_is_no_event_of_the_page(nlp) -> None:
    titles = titles_of(nlp, RUNNING_ORDER, published=DAY, headline=HEADLINE)
    assert not [t for t in titles if "Harwick" in t or "bus lane" in t], titles
    assert [t for t in titles if "Lena Sova" in t and "3,000" in t], titles  # the page's own news stays


def test_a_plain_report_keeps_what_it_dates(nlp) -> None:
    titles = titles_of(nlp, REPORT, published=DAY, headline=HEADLINE)
    assert [t for t in titles if "bus lane" in t], titles
    assert [t for t in titles if "Lena Sova" in t and "3,000" in t], titles
