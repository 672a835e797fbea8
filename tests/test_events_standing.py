"""A clause whose subject is a quality or a standing of someone (a reputation, a party's
fortunes, a nation's morale) tells how a party stands, not something a party did: it is
no event, dated or not; so is a season's turn ("the planting season begins") and, past the
lede, a trend or a state reached over a span ("have increasingly turned to"). What the people
and bodies of the same report did or said stays."""

from __future__ import annotations

from datetime import date

from tests.conftest import titles_of

DAY = date(2013, 4, 17)
REPORT = " ".join([
    "The harbour authority of Port Elin dismissed its director, Marta Solis, on Tuesday.",
    "The board said it had lost trust in her handling of the dredging contract.",
    "The credibility of the port's tender process was dealt a serious blow on Tuesday.",
    "The transport minister, Pavel Orlov, said on Tuesday that the ministry would audit the contract.",
    "Marta Solis's political fortunes dipped sharply last year.",
    "The ruling party's popularity has fallen this year as the scandal grew.",
    "The town's morale was shattered by the closure of the shipyard in March.",
    "Workers at the shipyard staged a protest outside the town hall on Wednesday.",
])


def test_a_quality_of_someone_as_subject_is_no_event(nlp) -> None:
    titles = titles_of(nlp, REPORT, published=DAY, headline="Port Elin harbour chief dismissed")
    assert not [t for t in titles if "credibility" in t.lower()], titles
    assert not [t for t in titles if "fortunes" in t], titles
    assert not [t for t in titles if "morale" in t], titles
    assert not [t for t in titles if "popularity" in t], titles


def test_what_the_parties_of_the_same_report_did_or_said_stays(nlp) -> None:
    titles = titles_of(nlp, REPORT, published=DAY, headline="Port Elin harbour chief dismissed")
    assert [t for t in titles if "dismissed" in t and "Marta Solis" in t], titles
    assert [t for t in titles if "Pavel Orlov" in t and "audit" in t], titles  # a named official's statement
    assert [t for t in titles if "protest" in t], titles


SPANS = " ".join([
    "The harbour authority of Port Elin dismissed its director, Marta Solis, on Tuesday.",
    "The transport minister, Pavel Orlov, said on Tuesday that the ministry would audit the contract.",
    "The authority's chairman, Ivo Petek, told reporters that the dredging contract had cost twice its estimate.",
    "Solis said on Tuesday she would appeal against her dismissal.",
    "Local fishermen have increasingly turned to the northern harbours this year.",
    "Customs officers have traditionally inspected every third boat in spring.",
    "The fishermen's union steadily lost members in March.",
    "The board met on Monday to discuss the contract.",
])


def test_past_the_lede_a_trend_or_a_span_is_no_event(nlp) -> None:
    titles = titles_of(nlp, SPANS, published=DAY, headline="Port Elin harbour chief dismissed")
    assert not [t for t in titles if "increasingly" in t or "northern harbours" in t], titles
    assert not [t for t in titles if "inspected" in t], titles
    assert not [t for t in titles if "lost members" in t], titles
    assert [t for t in titles if "board met" in t], titles  # a dated happening of the body stays
    assert [t for t in titles if "Pavel Orlov" in t and "audit" in t], titles


SEASONS = " ".join([
    "The agriculture minister of Veldon, Rosa Tamm, warned on Monday that seed stocks were running out.",
    "The United Nations food agency said on Monday it would send 2,000 tonnes of seed.",
    "Farmers' leaders met the minister in the capital on Monday.",
    "The agency's director, Omar Keita, said the rains had come late.",
    "The spring planting season begins next month.",
    "The monsoon flooded three villages in the south last week.",
])


def test_a_season_that_begins_is_no_event_but_what_it_does_is(nlp) -> None:
    titles = titles_of(nlp, SEASONS, published=DAY, headline="Veldon running out of seed")
    assert not [t for t in titles if "season" in t], titles
    assert [t for t in titles if "monsoon flooded" in t], titles
    assert [t for t in titles if "food agency" in t and "seed" in t], titles


HEDGED = " ".join([
    "The harbour authority of Port Elin dismissed its director, Marta Solis, on Tuesday.",
    "The transport minister, Pavel Orlov, said on Tuesday that the ministry would audit the contract.",
    "Solis's dismissal was probably prompted by a leaked audit last month.",
    "Her rivals on the board clearly sensed their chance in March.",
    "Orlov said the audit would probably take six weeks.",
    "The board met on Monday to discuss the contract.",
])


def test_what_the_writer_infers_is_no_event_but_a_hedged_statement_of_an_official_stays(nlp) -> None:
    titles = titles_of(nlp, HEDGED, published=DAY, headline="Port Elin harbour chief dismissed")
    assert not [t for t in titles if "prompted" in t], titles
    assert not [t for t in titles if "sensed" in t], titles
    assert [t for t in titles if "Orlov" in t and "six weeks" in t], titles
    assert [t for t in titles if "board met" in t], titles
