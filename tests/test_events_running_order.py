"""A programme's running order (several items announced as "X discusses...", "Y reports
from...") or a column of news in brief (items closed by "Reuters, Zagreb") runs other stories
into the page: its items that share nothing with the headline and the lede (for a column in
brief, its first item) are no happenings of the page's news, however dated. The same stories
told in a plain report, which announces no items, stay."""

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
    "Anna Berg, of the Red Cross, discusses how relief groups are managing after the flood.",
    "Tom Reed reports from the capital on the search for survivors.",
    *OTHER,
    "Mark Dale, the council leader, and Ruth Penn, a shopkeeper, debate whether the plan will help trade.",
    "Jo Field, the council's chief executive, discusses what the bus lane will cost.",
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


BRIEFS = "\n".join([
    "Rebels in northern Veldon freed two aid workers yesterday after holding them for a month, the army said.",
    "The two women, both nurses, were handed to a church mission near the border.",
    "The army said it would continue its operations against the rebel group.",
    "Reuters, Kessa Bridge collapse closes port A road bridge collapsed into the river at Harwick yesterday.",
    "No one was hurt, the county police said.",
    "AP, Harwick Strike grounds flights Air traffic controllers in Tarnia walked out yesterday over pay.",
    "The transport ministry said talks would resume on Monday.",
    "Reuters, Tarn Fire at museum A fire damaged the roof of the national museum in Ostra yesterday.",
    "AP, Ostra",
])
ONE_REPORT = "\n".join([
    "Rebels in northern Veldon freed two aid workers yesterday after holding them for a month, the army said.",
    "The two women, both nurses, were handed to a church mission near the border.",
    "The army said it would continue its operations against the rebel group.",
    "Reuters, Kessa A road bridge collapsed into the river at Harwick yesterday, cutting the rebels' supply route.",
])


def test_the_other_items_of_a_column_in_brief_are_no_events_of_its_first(nlp) -> None:
    titles = titles_of(nlp, BRIEFS, published=DAY, headline="Veldon rebels free two hostages")
    assert [t for t in titles if "freed two aid workers" in t], titles
    assert not [t for t in titles if "bridge" in t or "museum" in t or "controllers" in t], titles


def test_one_wire_credit_makes_no_column_in_brief(nlp) -> None:
    titles = titles_of(nlp, ONE_REPORT, published=DAY, headline="Veldon rebels free two hostages")
    assert [t for t in titles if "bridge collapsed" in t], titles
