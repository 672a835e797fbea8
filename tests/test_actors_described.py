"""A name that only describes a party, or says where a happening was, is no
party: a country that says whose official, traveller or firm is named beside it,
a village's owner, some dozens of people of a nationality."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import first_actors, happenings

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize("text, absent, present", [
    # a country that says whose firm the named one is
    ("Norway's largest ferry operator, Fjordline, cancelled all sailings to Kiel on Tuesday.",
     {"Norway"}, {"Fjordline"}),
    # a country that says whose judge or traveller it is
    ("Peru's new chief justice was sworn in on Monday after his predecessor resigned.", {"Peru"}, set()),
    ("Jorge Silva had the Peruvian presidency in his grasp on Sunday after millions of people voted.",
     {"Peru"}, {"Jorge Silva"}),
    ("A nurse in Oslo said on Saturday that a Chilean traveller had left the clinic.", {"Chile"}, set()),
    # the owner of a village, whatever the tagger takes the name for
    ("Residents of St Luke's village showed the monitors the results of an attack on Sunday.", {"St Luke"}, set()),
    # a few dozen people of a nationality are some people, not the people
    ("Some 34 Peruvians have fallen ill after eating the fish since March.", {"Peruvians"}, set()),
    ("The Danish embassy said on Friday that more than 70 Norwegians were safe.", {"Norwegians"}, set()),
    # also where the tagger reads the people as a person elsewhere in the article
    ("Nobody yet knows how many Britons are missing in the area. On Monday the Foreign Office said that "
     "over 60 Britons were safe. Staff are trying to trace Britons who live there.",
     {"Britons"}, {"Foreign Office"}),
])
def test_a_name_that_describes_is_no_party(nlp: "Language", text: str, absent: set[str],
                                            present: set[str]) -> None:
    found = first_actors(nlp, text)
    assert not found & absent, found
    assert present <= found, found


@pytest.mark.parametrize("text, present", [
    # a country that acts, or whose state is meant, stays
    ("Norway closed its border with Sweden on Tuesday.", {"Norway", "Sweden"}),
    ("About 9,000 Mexicans left Canada on Monday.", {"Mexicans"}),
    # the state's own thing, named beside its noun, keeps the state
    ("A British hospital ship, the Comfort, is to arrive on Friday with 300 beds.", {"United Kingdom"}),
])
def test_a_country_that_acts_stays(nlp: "Language", text: str, present: set[str]) -> None:
    found = first_actors(nlp, text)
    assert present <= found, found


@pytest.mark.parametrize("text, present, absent", [
    # a person's name the tagger cut in two or read as a body, with an office beside it
    ("Johannes Mabena, the attorney general, said on Monday he would appoint a panel of five judges.",
     {"Johannes Mabena"}, set()),
    # a name in a list of people the tagger read as a place
    ("The acts who sang at the Friday concert included Adele and Rihanna, the organisers said on Saturday.",
     {"Adele", "Rihanna"}, set()),
    # the owner of a liveblog reports, takes no part
    ("President Jorge Silva began a three-day state visit to Norway on Wednesday (you can follow his trip on "
     "Peter Olsen's liveblog).", {"Jorge Silva"}, {"Peter Olsen"}),
])
def test_a_misread_name_is_read_by_what_stands_beside_it(nlp: "Language", text: str, present: set[str],
                                                          absent: set[str]) -> None:
    found = {(name, kind) for h in happenings(nlp, text)[:1] for name, kind in ((a.name, a.kind) for a in h.actors)}
    assert {(name, "person") for name in present} <= found, found
    assert not {name for name, _ in found} & absent, found


@pytest.mark.parametrize("text, present, absent", [
    # an aircraft's model is no part of the air force's name; a unit's ordinal is part of its name
    ("The US Air Force C-130 dropped food parcels on Monday over the flooded valley.",
     {"United States Air Force"}, {"United States Air Force C-130"}),
    ("The British 16th Air Assault Brigade will send 200 soldiers to the port on Thursday.",
     {"16th Air Assault Brigade"}, {"Air Assault Brigade"}),
    # an organisation's diplomats are the organisation at work
    ("EU diplomats said on Monday that the observers would arrive within a week.",
     {"European Union"}, {"EU diplomats"}),
    # a nationality's feminine form is no place
    ("The patient, a Filipina who had a cough, has recovered, the minister said on Sunday.", set(), {"Filipina"}),
])
def test_a_name_is_read_whole_and_no_more(nlp: "Language", text: str, present: set[str],
                                          absent: set[str]) -> None:
    found = {a.name for h in happenings(nlp, text)[:1] for a in h.actors}
    assert present <= found, found
    assert not found & absent, found
