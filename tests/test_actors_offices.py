"""Who takes part, continued: the body where a named person holds an office, a
place a hazard struck or people leave, the flight a place names, a song and its
author, and a nationality that names a language stand beside the happening;
the office holder, the performer and the body acting stay."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import first_actors, happenings

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize("text, present, absent", [
    # the body of a named holder's office says where the holder serves
    ("The chairman of the Joint Chiefs of Staff, Adm Mike Mullen, said on Friday a hospital ship would be sent.",
     {"Mike Mullen"}, {"Joint Chiefs of Staff"}),
    ("Speaking after the ruling, ANC chief whip Nyamezeli Booi said on Monday he was launching a probe.",
     {"Nyamezeli Booi"}, {"ANC", "African National Congress"}),
    # where people leave, and which flight
    ("Holiday firms Thomson Holidays and First Choice said on Tuesday they would bring their customers home "
     "from Mexico.", {"Thomson Holidays", "First Choice"}, {"Mexico"}),
    ("Ambassador Jorge Guajardo said on Monday many of them had no link with the Paris-Hong Kong flight.",
     {"Jorge Guajardo"}, {"Hong Kong", "Paris"}),
    # a place a hazard struck
    ("The BBC has started broadcasting radio programmes to earthquake-stricken Haiti on Monday.",
     {"BBC"}, {"Haiti"}),
    # a country that only qualifies the capital someone went to
    ("Louise Arbour said on Sunday her staff member went to the Zimbabwean capital, Harare.",
     {"Louise Arbour"}, {"Zimbabwe"}),
    # a song and whose song it is take no part in its performance
    ("Bono performed a cover version of Bob Marley's Redemption Song at the concert on Friday.",
     set(), {"Bob Marley", "Redemption Song"}),
    # a person named only as the one whose negotiators act
    ("Mugabe's chief negotiators, Patrick Chinamasa and Nicholas Goche, left Pretoria on Sunday.",
     {"Patrick Chinamasa"}, {"Mugabe", "Robert Mugabe"}),
])
def test_names_beside_the_happening_are_no_parties(nlp: "Language", text: str, present: set[str],
                                                    absent: set[str]) -> None:
    found = happenings(nlp, text)
    assert found, text
    actors = {a.name for a in found[0].actors}
    assert present <= actors, (text, actors)
    assert not actors & absent, (text, actors)


@pytest.mark.parametrize("text, present", [
    # a body that acts keeps its place beside the person who leads it
    ("Mr Tsvangirai, as the leader of the Zimbabwe Congress of Trade Unions (ZCTU), called three general strikes "
     "in 1998.", "Zimbabwe Congress of Trade Unions"),
    # a country that sends people to a place it is not
    ("The Dominican Republic sent doctors from Santo Domingo to Port-au-Prince on Thursday.", "Dominican Republic"),
    # a hazard's country that is the one acting
    ("Hit by the hurricane, Cuba evacuated 200,000 people from the coast on Sunday.", "Cuba"),
])
def test_parties_beside_offices_and_places_stay(nlp: "Language", text: str, present: str) -> None:
    assert present in first_actors(nlp, text), text


def test_a_leaders_government_keeps_the_leader(nlp: "Language") -> None:
    assert "Robert Mugabe" in first_actors(nlp, "Jack Straw on Monday attacked Robert Mugabe's government.")


def test_a_language_is_no_country(nlp: "Language") -> None:
    found = happenings(nlp, "The radio service began broadcasting programmes in French to Haiti on Monday.")
    assert found
    assert "France" not in found[0].title
    assert "French" in found[0].title
    assert "France" not in {a.name for a in found[0].actors}


def test_a_party_written_with_a_lower_case_head_is_one_name(nlp: "Language") -> None:
    from timeline.extract.actors.mentions import find_mentions

    found = first_actors(nlp, "The main opposition Pakistan People's party criticised the crackdown on Monday.")
    assert "Pakistan People's Party" in found, found
    assert not {"Pakistan People", "Pakistan People's"} & found, found
    # a person's party is not named after the person
    names = {m.name for m in find_mentions(nlp("Benazir Bhutto's party won 120 seats on Monday."))}
    assert "Benazir Bhutto" in names and not any("Party" in n for n in names), names
