"""A country is a party when the country itself acts or is acted on, not when it only
says whose office, followers or premises a noun names, where people were sent or
travelled, or which thing a name stands for; an organisation inside a listed body's
name is that body; a few people of a nationality are nobody in particular; an outlet
no list names is told by its shape."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from conftest import first_actors

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize("text, absent", [
    # the country of an office, with its holder named or not
    ("Kenya's finance minister, Amina Odhiambo, presented the budget on Thursday.", {"Kenya"}),
    ("Uganda's prime minister flew to Lisbon on Wednesday to open talks on trade.", {"Uganda"}),
    ("On Monday the Chilean president, Rosa Vidal, signed the pension bill.", {"Chile"}),
    ("Marta Ruiz on Friday threatened to expel the French ambassador to her country.", {"France"}),
    ("On Sunday the former president of Peru announced his return to politics.", {"Peru"}),
    # a body that is not the state
    ("Malawi's opposition said on Friday it would boycott the vote.", {"Malawi"}),
    # premises and streets: where, whatever the clause does with them
    ("On Tuesday 80 guests were allowed to leave Singapore's Harbourview hotel.", {"Singapore"}),
    ("Many of Chile's streets were flooded on Sunday after the storm.", {"Chile"}),
    # where people are sent or travel to
    ("Canada said on Monday it was sending another 300 soldiers and medics to Malawi.", {"Malawi"}),
    ("On Friday the minister criticised Brazil for cutting flights to Peru.", {"Peru"}),
    ("Ana Costa flew to Norway and Finland on Monday.", {"Norway", "Finland"}),
    # a thing, an organisation inside its body's name, a person whose followers act
    ("On Tuesday the health agency donated 4,000 doses of the antiviral drug Zovirex to the clinic.", {"Zovirex"}),
    ("On Monday UN police fired tear gas to push back the crowd.", {"United Nations"}),
    ("On Wednesday jubilant Okafor supporters spilled out of the court.", {"Okafor"}),
    # a few people of a nationality; an outlet named by its shape or by the noun beside it
    ("On Tuesday police arrested two Australians near the border.", {"Australians"}),
    ("The Lusaka Herald reported on Monday that the price of maize had fallen.", {"Lusaka Herald"}),
    ("Ana Costa told Meridian magazine on Monday that the talks had failed.", {"Meridian"}),
])
def test_a_description_a_destination_or_a_thing_is_no_party(nlp: "Language", text: str, absent: set[str]) -> None:
    found = first_actors(nlp, text)
    assert not found & absent, found


@pytest.mark.parametrize("text, present", [
    # the country itself acts or is acted on
    ("On Monday the European Union imposed sanctions on Belarus.", {"European Union", "Belarus"}),
    ("Norway recognised the new government on Thursday.", {"Norway"}),
    # whom things are sent to takes part
    ("On Saturday the Dutch government lifted its refusal to send weapons to Ukraine.", {"Ukraine"}),
    # many people of a nationality are the people
    ("About 12,000 Bolivians left Argentina on Monday.", {"Bolivians"}),
])
def test_a_country_acting_or_acted_on_stays(nlp: "Language", text: str, present: set[str]) -> None:
    found = first_actors(nlp, text)
    assert present <= found, found


def test_an_outlet_is_told_by_a_masthead_word_or_a_medium_after_its_name() -> None:
    from timeline.extract.actors.filters import load_filters

    filters = load_filters()
    assert filters.is_outlet("The Lusaka Herald") and filters.is_outlet("the Accra state news agency")
    assert not filters.is_outlet("Lusaka Holdings") and not filters.is_outlet("Times Square")


def test_a_name_after_a_noun_of_its_kind_is_a_thing_throughout_the_article(nlp: "Language") -> None:
    from timeline.extract.actors.mentions import find_mentions

    doc = nlp("Pupils were given the antiviral drug Zovirex on Monday. On Tuesday the clinic ran out of Zovirex. "
              "Novartis said its vaccine would be ready in July.")
    names = {m.name for m in find_mentions(doc, None)}
    assert "Zovirex" not in names and "Novartis" in names, names
