"""Who the actor list names: every participant the sentence names, and no place.

A natural feature ("the Khyber Pass", "the Japan Sea") is where it happened; a
title set beside its holder ("the Senate majority leader, Harry Reid", "the
former Archbishop of Cape Town") is the holder's office; a building visited is
no party; a country's government or authorities named by its country word are a
body of their own; a name in what was not done takes no part; whoever made what
a noun argument names does; and every conjunct of a name the title keeps is
listed beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import first_actors, happenings

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize("text, absent, present", [
    # a natural feature's name, whatever the tagger calls it
    ("On Saturday the two envoys drove up to the Khyber Pass near the Afghan border.",
     {"Khyber Pass"}, set()),
    ("Indian troops on Sunday retook the peak of Tiger Hill after a long battle.",
     {"Tiger Hill"}, set()),
    # a person whose surname is such a word stays a person
    ("On Monday Christopher Hill met the North Korean negotiator in Beijing.",
     set(), {"Christopher Hill"}),
    # a sea named after a country is no act of that country
    ("North Korea test-fired a missile into the Japan Sea on Tuesday.",
     {"Japan"}, {"North Korea"}),
])
def test_a_natural_feature_is_a_place(nlp: "Language", text: str, absent: set[str], present: set[str]) -> None:
    found = first_actors(nlp, text)
    assert not found & absent, found
    assert present <= found, found


@pytest.mark.parametrize("text, absent, present", [
    # the parser reads the name after the comma as a conjunct of the office
    ("On Thursday the president lunched with the Senate majority leader, Harry Reid, at the Capitol.",
     {"Senate", "United States Senate"}, {"Harry Reid"}),
    ("Desmond Tutu, the retired Archbishop of Cape Town, on Friday called for fresh elections in Zimbabwe.",
     {"Archbishop of Cape Town"}, {"Desmond Tutu"}),
])
def test_an_office_beside_its_holder_is_no_actor(nlp: "Language", text: str, absent: set[str],
                                                 present: set[str]) -> None:
    found = first_actors(nlp, text)
    assert not found & absent, found
    assert present <= found, found


def test_an_office_and_another_party_are_both_listed(nlp: "Language") -> None:
    """An office coordinated with a name by "and" is no apposition: both take part."""
    found = first_actors(nlp, "On Monday the Senate majority leader and Nancy Pelosi met the Chinese premier.")
    assert "Nancy Pelosi" in found, found


@pytest.mark.parametrize("text, absent, present", [
    ("The Chinese president, Hu Jintao, will pay a visit to the White House next month.",
     {"White House"}, {"Hu Jintao"}),
    ("The Pentagon has dispatched more than 2,000 military personnel to Haiti on Tuesday.",
     {"Haiti"}, set()),
])
def test_where_someone_goes_is_no_party(nlp: "Language", text: str, absent: set[str], present: set[str]) -> None:
    found = first_actors(nlp, text)
    assert not found & absent, found
    assert present <= found, found


def test_a_building_that_acts_stays(nlp: "Language") -> None:
    found = first_actors(nlp, "On Friday the White House rejected the Chinese offer of talks.")
    assert "White House" in found, found


def test_two_nationalities_of_charities_name_no_state(nlp: "Language") -> None:
    found = first_actors(nlp, "On Sunday the festival organisers said the proceeds would go to US and UK charities.")
    assert not found & {"United States", "United Kingdom"}, found


@pytest.mark.parametrize("text, present, absent", [
    ("The Indian authorities on Monday conceded that the drone had come down inside Pakistan.",
     {"Government of India"}, {"India"}),
    ("On Wednesday the Pakistani government said it would appeal against the court's decision.",
     {"Government of Pakistan"}, {"Pakistan"}),
    ("On Friday the government of Haiti asked donors for more tents and water.",
     {"Government of Haiti"}, {"Haiti"}),
])
def test_a_country_word_on_its_government_lists_the_body(nlp: "Language", text: str, present: set[str],
                                                         absent: set[str]) -> None:
    found = first_actors(nlp, text)
    assert present <= found, found
    assert not found & absent, found


def test_a_government_no_country_word_names_is_no_actor(nlp: "Language") -> None:
    found = first_actors(nlp, "On Monday the government said it would reopen the schools in the capital.")
    assert not any(name.startswith("Government of") for name in found), found


def test_a_name_in_what_was_not_done_takes_no_part(nlp: "Language") -> None:
    found = first_actors(nlp, "On Tuesday Wen Jiabao, without naming Japan, blamed the slump on countries that hoard "
                              "rare earths.")
    assert "Wen Jiabao" in found and "Japan" not in found, found


def test_who_made_a_report_takes_part(nlp: "Language") -> None:
    found = first_actors(nlp, "A review by the Treasury Department's inspector general on Monday faulted "
                              "the Office of Thrift Supervision for lax oversight.")
    assert "Office of Thrift Supervision" in found, found
    assert any("Treasury" in name for name in found), found


def test_every_conjunct_of_a_kept_name_is_listed(nlp: "Language") -> None:
    """Whatever the title keeps of a list of countries, each of them is a party."""
    text = ("Ten days ago at a meeting of trade ministers before the summit, Brazil, China, Russia and "
            "India published a joint statement asking for a bigger voice at the fund.")
    found = happenings(nlp, text)
    assert found, text
    names = {a.name for a in found[0].actors}
    assert {"Brazil", "China", "Russia", "India"} <= names, (found[0].title, names)


@pytest.mark.parametrize("text, absent", [
    # the leadership of a party, and a town's authorities, are other bodies than the state's government
    ("Until last spring he sat at the heart of China's Communist party leadership. Zhao Hong was expelled "
     "from the party on Friday.", {"Government of China"}),
    ("Chinese local authorities on Monday demolished the village church.", {"Government of China"}),
])
def test_another_body_is_no_government(nlp: "Language", text: str, absent: set[str]) -> None:
    found = happenings(nlp, text)
    assert found, text
    names = {a.name for h in found for a in h.actors}
    assert not names & absent, names


def test_a_body_joined_is_a_party(nlp: "Language") -> None:
    """Entering an organisation is joining it, not going somewhere."""
    found = first_actors(nlp, "Norland entered the World Trade Organization in December 2001.")
    assert "World Trade Organization" in found, found


def test_a_later_mention_s_conjuncts_are_not_listed(nlp: "Language") -> None:
    """Only where the happening names someone do the names coordinated with him take part."""
    text = ("In his court papers, Tom Okafor claimed there is a plot against him, a claim that echoes in the "
            "party, which has targeted Okafor, Ruth Mensah and other senior figures.")
    found = happenings(nlp, text)
    assert found, text
    names = {a.name for a in found[0].actors}
    assert "Ruth Mensah" not in names, names


def test_a_conjunct_in_another_clause_is_not_listed(nlp: "Language") -> None:
    text = ("The feud between Mr Okafor and Gen Mensah deepened after Mr Okafor ordered the militia "
            "on Monday to leave the border district.")
    found = happenings(nlp, text)
    names = {a.name for h in found if "ordered" in h.title for a in h.actors}
    assert names and not any("Mensah" in n for n in names), names


def test_whom_money_went_to_is_a_party(nlp: "Language") -> None:
    found = first_actors(nlp, "The former spy chief said on Monday that all the secret funds went to the "
                              "Islamic Democratic Alliance.")
    assert "Islamic Democratic Alliance" in found, found


def test_a_nationality_on_television_stations_names_no_state(nlp: "Language") -> None:
    found = first_actors(nlp, "On Tuesday projections by Pakistani television stations suggested that Nawaz "
                              "Sharif would need only a handful of independents.")
    assert "Pakistan" not in found, found


def test_the_voice_of_a_government_joins_its_statement(nlp: "Language") -> None:
    """A quotation after what a government said joins its speaker, as after what a state said."""
    text = ("The Norwegian government said on Tuesday it was preparing tougher sanctions against the junta's "
            "leaders. \"We will freeze their assets within days,\" Jonas Gahr Store told parliament.")
    found = happenings(nlp, text)
    assert found, text
    names = {a.name for a in found[0].actors}
    assert "Government of Norway" in names and "Jonas Gahr Store" in names, names
