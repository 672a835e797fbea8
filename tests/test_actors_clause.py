"""Every named person and organisation that takes part in the happening the title
tells is listed: a name in its subordinate or reported clause, the object of a
preposition of taking part on one of its nouns, and the actor a title writes for a
pronoun; a name that is only a place, a topic, an exception or a relative's
possessor is not."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import happenings

if TYPE_CHECKING:
    from spacy.language import Language


def titled(nlp: "Language", text: str) -> dict[str, set[str]]:
    return {h.title: {a.name for a in h.actors} for h in happenings(nlp, text)}


@pytest.mark.parametrize("text, present", [
    # a subordinate clause of the happening
    ("At a hearing on Tuesday, the prosecutor said Dr Alan Pike called an ambulance only after Maria Costa had died.",
     {"Alan Pike", "Maria Costa"}),
    # what a witness testified, though "testify" is no verb of saying
    ("Laura Finch testified on Monday that she urged Peter Brown to see a sleep doctor about his insomnia.",
     {"Laura Finch", "Peter Brown"}),
    # the object of "against" on the noun of the predicate's argument
    ("Promoter Sam Cole said on Saturday that he was aggrieved by referee Tom Hart's decision against "
     "his boxer Jim Doyle.", {"Tom Hart", "Jim Doyle"}),
    # an occasion, not a place
    ("Alberto Ruiz gave evidence on Monday at the manslaughter trial of Dr Alan Pike.", {"Alberto Ruiz", "Alan Pike"}),
    # the doctor named beside the description
    ("Dana Vale's former doctor, Alan Pike, was sentenced on Tuesday to four years in prison.", {"Alan Pike"}),
    # an unnamed doctor: his patient is all that says who is meant
    ("Potential jurors in the upcoming trial of Dana Vale's personal doctor were asked on Monday about their "
     "attitudes to celebrity.", {"Dana Vale"}),
])
def test_a_party_named_in_the_clause_is_listed(nlp: "Language", text: str, present: set[str]) -> None:
    found = titled(nlp, text)
    assert found, text
    listed = set().union(*found.values())
    assert present <= listed, found


@pytest.mark.parametrize("text, absent", [
    ("On Sunday Dana Vale's songs topped the download charts of Amazon in every country except Norway.", {"Norway"}),
    ("Ivo Berg talked on Monday about his son Marco Berg in a radio interview.", {"Marco Berg"}),
    # where a verb of going took someone, also through an adverb
    ("Tariq Azim told reporters on Monday that Nawaz Sharif went back to Saudi Arabia because of an undertaking.",
     {"Saudi Arabia"}),
    ("Raza Khan walked out of the Senate on Tuesday in protest at the darkest day in Pakistan's history.",
     {"Pakistan"}),
    ("Rallies were banned on Friday by Pervez Ali in advance of a visit from Bill Carter.", {"Bill Carter"}),
    ("Ivan Orlov later ordered the army on Monday to carry out what the Kremlin called peacekeeping.", {"Kremlin"}),
    ("Tom Reed is due to be inducted into the Rock Legends Hall of Fame at a ceremony in Boston on 14 June.",
     {"Rock Legends Hall of Fame", "Boston"}),
    # whose doctor, fans or estate they are: the doctor, the fans, the executors act
    ("Dana Vale's former doctor, Alan Pike, was sentenced on Tuesday to four years in prison.", {"Dana Vale"}),
    ("A judge on Monday delayed the trial of Dana Vale's doctor, Alan Pike, until May.", {"Dana Vale"}),
    ("Fans of Dana Vale gathered outside the court in Leeds on Friday carrying signs.", {"Dana Vale"}),
    ("Executors of Dana Vale's estate asked a judge on Friday to set aside money for her children.",
     {"Dana Vale"}),
    ("Ivo Berg, President Tom Reed's nominee as trade envoy, said on Monday that he would cut tariffs.",
     {"Tom Reed"}),
])
def test_a_name_the_clause_only_sets_the_scene_with_is_no_party(nlp: "Language", text: str, absent: set[str]) -> None:
    found = titled(nlp, text)
    assert found, text
    listed = set().union(*found.values())
    assert not listed & absent, found


def test_the_person_a_title_names_for_a_pronoun_is_listed_but_not_a_relative_s_possessor(nlp: "Language") -> None:
    text = ("Pop singer Dana Vale died in June. Her mother claimed on Monday that Orbit Records was responsible "
            "for hiring the doctor.")
    found = titled(nlp, text)
    claim = next((actors for title, actors in found.items() if "claimed" in title), None)
    assert claim is not None, found
    assert "Orbit Records" in claim and "Dana Vale" not in claim, found
