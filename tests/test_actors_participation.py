"""Who takes part: a place is where a happening was, not a party to it; a
nationality on a community or an agency names no state acting; an "of" names a
party, except the owner of a thing or a place; "Mr Mbeki" is a person and "the
Gupta family" a family."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from conftest import first_actors, happenings

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.mark.parametrize("text, absent", [
    # a town or a building named where the thing happened
    ("Hundreds of union members marched on Thursday through the Johannesburg suburb of Sandton.",
     {"Sandton", "Johannesburg"}),
    ("On Monday the donors agreed to hold a pledging conference at the UN headquarters in New York.",
     {"United Nations"}),
    ("The choir recorded the song on Tuesday at Trevor Horn's Sarm Studios in west London.",
     {"Sarm Studios", "Trevor Horn"}),
    # a nationality or a possessive that describes people or a body that is not the state
    ("Dutch adoption agencies sent a plane to Port-au-Prince on Tuesday to collect the children.", {"Netherlands"}),
    ("The Haitian community in Boston organised a vigil for the victims on Wednesday.", {"Haiti"}),
    ("In March a report by South Africa's public protector found Jacob Zuma had benefited from the upgrades.",
     {"South Africa"}),
    ("South African media reported on Friday that the judge had joined a new church.", {"South Africa"}),
    # an organisation beside its own head, when only his office names it
    ("UN Secretary-General Ban Ki-moon arrived in Port-au-Prince on Sunday.", {"United Nations"}),
    ("ANC leader Jacob Zuma met the president on Monday.", {"ANC", "African National Congress"}),
    # the "of" of a thing: the organisation whose building it was is no party to the visit
    ("Ban Ki-moon visited the ruins of the UN mission on Sunday and met President Rene Preval.",
     {"United Nations"}),
    # a country named only as whose players or establishment act
    ("Pakistan's cricketers assembled in Lahore on Tuesday for the flight to Delhi.", {"Pakistan"}),
    ("Shahbaz Sharif on Monday warned the military establishments of both India and Pakistan not to block trade.",
     {"India", "Pakistan"}),
])
def test_a_place_or_a_description_is_no_party(nlp: "Language", text: str, absent: set[str]) -> None:
    found = first_actors(nlp, text)
    assert not found & absent, found


@pytest.mark.parametrize("text, present", [
    # whom a happening befalls, after a noun of that happening
    ("Jacob Zuma announced the death of Nelson Mandela on Thursday night.", {"Jacob Zuma", "Nelson Mandela"}),
    ("The court ordered the arrest of Julius Malema on Tuesday.", {"Julius Malema"}),
    # who does it, after a noun of a happening
    ("The United Nations secured the corridor on Monday with the help of NATO.", {"United Nations", "NATO"}),
    # whom a noun stands for
    ("The leaders of France and Germany met in Brussels on Monday.", {"France", "Germany"}),
    ("Ban Ki-moon visited the ruins of the UN mission on Sunday and met President Rene Preval.",
     {"Ban Ki-moon", "Rene Preval"}),
    # the state acting through its things and forces keeps its country
    ("Russia said on Saturday it had expelled a US submarine.", {"United States"}),
    # a name the tagger may read as a place stays a candidate for the registry to confirm
    ("Nelson Mandela arrived at the rally on Saturday with his successor as president, Thabo Mbeki.",
     {"Nelson Mandela", "Thabo Mbeki"}),
    # the organisation its head speaks of acts itself
    ("NATO Secretary General Jens Stoltenberg said on Friday that NATO would respond.",
     {"Jens Stoltenberg", "NATO"}),
    # a rank shortened before a name is no word of it
    ("Adm Mike Mullen said on Friday that a hospital ship would be sent.", {"Mike Mullen"}),
])
def test_the_parties_named(nlp: "Language", text: str, present: set[str]) -> None:
    found = first_actors(nlp, text)
    assert present <= found, found


def test_a_surname_after_an_honorific_is_a_person(nlp: "Language") -> None:
    from timeline.extract.actors.mentions import find_mentions

    mentions = find_mentions(nlp("Mr Mbeki sacked his deputy on Tuesday."), None)
    assert ("Mbeki", "person") in {(m.name, m.kind) for m in mentions}


def test_a_full_name_read_as_a_place_is_the_person_an_honorific_names(nlp: "Language") -> None:
    """The tagger may read an unfamiliar full name as a place; "Mr Mbeki" later in
    the article says it is a person's."""
    from spacy.tokens import Span

    from timeline.extract.actors.coreference import untagged_surnames
    from timeline.extract.actors.found import Found
    from timeline.extract.actors.gazetteer import load_gazetteer

    doc = nlp("He hopes to succeed Thabo Mbeki as president. Mr Mbeki sacked him in July.")
    slip = Found(Span(doc, 4, 6), "Thabo Mbeki", "Thabo Mbeki", "place")
    found = untagged_surnames(doc, [slip], load_gazetteer())
    assert [(f.text, f.name, f.kind) for f in found] == [("Mbeki", "Thabo Mbeki", "person")]
    assert slip.kind == "person"


def test_a_surname_before_family_names_the_family(nlp: "Language") -> None:
    text = "The Gupta family denied the claims on Monday. Atul Gupta spoke to reporters on Tuesday."
    found = happenings(nlp, text)
    assert {a.name for a in found[0].actors} == {"Gupta family"}
    assert {a.name for a in found[1].actors} == {"Atul Gupta"}


def test_a_bare_surname_after_an_honorific_is_the_collection_s_person(nlp: "Language") -> None:
    """An article that names him only "Mr Mbeki" lists the Thabo Mbeki the other articles name."""
    from timeline.extract import extract
    from timeline.extract.actors.registry import Registry
    from timeline.records import Article
    from timeline.resolve import resolve_actors

    from conftest import make_config

    texts = {
        "one": "President Thabo Mbeki opened parliament in Cape Town on Friday.",
        "two": "Thabo Mbeki met union leaders in Pretoria on Monday.",
        "three": "Mr Mbeki sacked his deputy on Tuesday after the corruption charges.",
    }
    cfg = make_config()
    extractions = [extract(Article(id=k, path=f"{k}.txt", title=k, text=v, published=date(2005, 6, 20)),
                           nlp(v), cfg) for k, v in texts.items()]
    _, found = resolve_actors(Registry(), extractions)
    sacked = [h for h in found if h.article_id == "three"]
    assert sacked and "Thabo Mbeki" in {a.name for a in sacked[0].actors}


def test_a_town_in_the_registry_is_never_an_actor_and_a_person_read_as_a_place_is_the_person() -> None:
    from timeline.extract.actors.registry import Registry
    from timeline.records import Actor, ActorRef
    from timeline.resolve import _canonical_actors, _Lookup

    registry = Registry(actors=(Actor(name="Sandton", kind="place"), Actor(name="Jacob Zuma", kind="person"),
                                Actor(name="Thabo Mbeki", kind="person")))
    refs = (ActorRef(name="Sandton", kind="person"), ActorRef(name="Jacob Zuma", kind="person"),
            ActorRef(name="Thabo Mbeki", kind="place"), ActorRef(name="Notting Hill", kind="place"))
    assert [(a.name, a.kind) for a in _canonical_actors(_Lookup(registry), refs)] == [
        ("Jacob Zuma", "person"), ("Thabo Mbeki", "person")]


@pytest.mark.parametrize("text, absent", [
    # a state of affairs a nationality describes
    ("The regional bloc announced on Friday that a summit on the escalating Zimbabwean crisis would be held.",
     {"Zimbabwe"}),
    ("The party leader told the congress on Thursday to build socialism with Chinese characteristics.",
     {"China"}),
])
def test_what_it_is_about_is_no_party(nlp: "Language", text: str, absent: set[str]) -> None:
    found = first_actors(nlp, text)
    assert not found & absent, found


def test_a_given_name_alone_is_no_one_by_its_everyday_form() -> None:
    """A baby named "Jack" in one article is not the "John Oxford" another names in full."""
    from timeline.resolve.variants import _part_of

    assert not _part_of(["jack"], ["john", "oxford"])
    assert _part_of(["jack"], ["jack", "straw"])
    assert _part_of(["oxford"], ["john", "oxford"])


@pytest.mark.parametrize("text", [
    "The quake, Haiti's worst in two centuries, flattened the cathedral on Tuesday.",
    "The Haitian earthquake destroyed the cathedral on Tuesday.",
])
def test_the_country_a_hazard_strikes_is_no_party(nlp: "Language", text: str) -> None:
    assert "Haiti" not in first_actors(nlp, text)


def test_a_department_of_a_british_article_is_britain_s(nlp: "Language") -> None:
    from timeline.extract.actors.mentions import find_mentions

    text = ("Nine more UK cases of the virus were confirmed on Friday. The UK has now 27 cases. "
            "A Department of Health spokesperson said most of the new cases were mild.")
    countries = {m.country for m in find_mentions(nlp(text), None) if "Department of Health" in m.name}
    assert countries == {"United Kingdom"}
    text = "Ukraine asked for help on Friday. Ukraine has 27 cases. The State Department said it would help."
    countries = {m.country for m in find_mentions(nlp(text), None) if "Department of State" in m.name}
    assert countries == {"United States"}


def test_names_the_tagger_read_as_places_are_the_people_the_article_says(nlp: "Language") -> None:
    from spacy.tokens import Span

    from timeline.extract.actors.coreference import people_read_as_places
    from timeline.extract.actors.found import Found
    from timeline.extract.actors.gazetteer import load_gazetteer

    doc = nlp("Thabo Mbeki spoke. Mr Mbeki left. Mbeki returned. They met in Sandton.")
    full = Found(Span(doc, 0, 2), "Thabo Mbeki", "Thabo Mbeki", "place")
    addressed = Found(Span(doc, 3, 5), "Mr Mbeki", "Mr Mbeki", "place")
    alone = Found(Span(doc, 7, 8), "Mbeki", "Mbeki", "place")
    town = Found(Span(doc, 13, 14), "Sandton", "Sandton", "place")
    found = [full, addressed, alone, town]
    people_read_as_places(found, load_gazetteer())
    assert [(f.name, f.kind) for f in found] == [
        ("Thabo Mbeki", "person"), ("Mbeki", "person"), ("Mbeki", "person"), ("Sandton", "place")]


def test_a_verb_run_into_a_name_and_an_honorific_before_a_place_are_read_as_a_person(nlp: "Language") -> None:
    from spacy.tokens import Span

    from timeline.extract.actors.gazetteer import load_gazetteer
    from timeline.extract.actors.mentions import _classify

    doc = nlp("The scandal that has engulfed Zuma deepened. Mr Mbeki spoke.")
    run_in = _classify(Span(doc, 4, 6, label="PERSON"), load_gazetteer())
    assert run_in is not None and (run_in.name, run_in.kind) == ("Zuma", "person")
    addressed = _classify(Span(doc, 8, 10, label="GPE"), load_gazetteer())
    assert addressed is not None and (addressed.name, addressed.kind) == ("Mbeki", "person")


@pytest.mark.parametrize("text, present, absent", [
    # a people named bare, in the plural: some of them, nobody in particular
    ("Recep Erdogan said soldiers evacuated Kurds living near the dam on Tuesday.", {"Recep Erdogan"}, {"Kurds"}),
    ("Nawaz Sharif has promised to leave Afghans to choose their own government.", {"Nawaz Sharif"}, {"Afghans"}),
    # one side of a pair stays
    ("Israel and the Palestinians agreed on Monday to resume talks.", {"Israel", "Palestinians"}, set()),
    # a dateline is where the report was filed
    ("LONDON, May 3 -- The Bank of England raised interest rates on Thursday.", {"Bank of England"},
     {"United Kingdom"}),
    # the office a clause gives someone describes it
    ("Barack Obama on Monday appointed Susan Rice to be the United Nations ambassador.",
     {"Barack Obama", "Susan Rice"}, {"United Nations"}),
    # where a thing was made, which range a noun names, a stance towards a name
    ("Mattel recalled thousands of Chinese-made dolls on Tuesday.", {"Mattel"}, {"China"}),
    ("India said on Friday that its army had recaptured the Tololing range.", {"India"}, {"Tololing"}),
    ("Petro Poroshenko said pro-Moscow gunmen seized the town hall on Sunday.", {"Petro Poroshenko"},
     {"pro-Moscow", "Moscow gunmen", "Russia"}),
    # "on the streets of" a country is where
    ("Nawaz Sharif was greeted by cheering crowds on the streets of Pakistan on Sunday.", {"Nawaz Sharif"},
     {"Pakistan"}),
])
def test_a_bystander_of_the_sentence_is_no_party(nlp: "Language", text: str, present: set[str],
                                                 absent: set[str]) -> None:
    found = first_actors(nlp, text)
    assert present <= found and not found & absent, found


def test_a_name_joined_by_hyphens_and_its_acronym_in_brackets_are_one_actor(nlp: "Language") -> None:
    text = ("Nawaz Sharif on Monday proposed peace talks with Pakistan's Tehreek-e-Taliban (TTP). "
            "The TTP rejected the offer on Tuesday.")
    found = happenings(nlp, text)
    assert [sorted(a.name for a in h.actors) for h in found] == [
        ["Nawaz Sharif", "Tehreek-e-Taliban"], ["Tehreek-e-Taliban"]], [h.actors for h in found]


def test_a_school_named_with_its_possessive_keeps_it(nlp: "Language") -> None:
    found = first_actors(nlp, "Alleyn's, which is an independent school, has said it will be shut for seven days.")
    assert found == {"Alleyn's"}, found
    assert first_actors(nlp, "Sony's chief executive resigned on Monday.") == {"Sony"}


def test_an_office_the_title_names_is_no_party_though_the_article_names_the_body_elsewhere(nlp: "Language") -> None:
    text = ("The Treasury announced new rules on Monday. Henry Paulson said on Tuesday that he had agreed in 2006 "
            "to become the Bush administration's third Treasury secretary.")
    found = happenings(nlp, text)
    assert {a.name for a in found[0].actors} == {"Treasury"}
    assert {a.name for a in found[1].actors} == {"Henry Paulson"}, found[1].actors


def test_a_people_qualified_by_where_they_sit_is_a_party(nlp: "Language") -> None:
    found = first_actors(nlp, "Barney Frank said Democrats in the House and Senate had reached agreement on Wednesday.")
    assert found == {"Barney Frank", "Democrats"}, found


@pytest.mark.parametrize("text, present", [
    ("WAN, the global organisation for the newspaper industry, has called on the International Olympic "
     "Committee on Monday to hold China to its promises.", {"WAN", "International Olympic Committee"}),
    ("On Thursday the Saudis launched air strikes on rebel positions.", {"Saudis"}),
])
def test_an_acronym_before_its_apposition_and_a_people_named_as_a_state_are_parties(
        nlp: "Language", text: str, present: set[str]) -> None:
    found = first_actors(nlp, text)
    assert present <= found, found


def test_the_body_a_role_given_with_as_names_acts(nlp: "Language") -> None:
    found = first_actors(nlp, "Mr Tsvangirai, as the leader of the Zimbabwe Congress of Trade Unions (ZCTU), called "
                              "three general strikes in 1998.")
    assert "Zimbabwe Congress of Trade Unions" in found, found


@pytest.mark.parametrize("text, absent", [
    # a country that only says which chart or market, or where a group is based
    ("Ann Lowe has topped the UK album chart on Sunday with her third record.", {"United Kingdom"}),
    ("On Monday, Nigeria-based gunmen stormed a bank in Ghana after travelling from Lagos.", {"Nigeria"}),
    # the name of a concert, a documentary or an estate says which one, no party
    ("His sisters Rebbie and Janet backed plans on Monday for the Forever Young Tribute concert in Leeds.",
     {"Forever Young Tribute"}),
    ("The actress Mira Nair won an Academy Award on Sunday for Silent Rivers, her 2012 documentary about dams.",
     {"Silent Rivers"}),
    ("The judge on Monday refused to hear about a 2003 search of the singer's Willow Creek Ranch.",
     {"Willow Creek Ranch"}),
    # a people qualifying a noun of people, which the tagger may read as a name
    ("Police stopped an attack on a Uighur man on Tuesday afternoon.", {"Uighur"}),
    # a newspaper no list names, by its title's opening word
    ("Meetings of the Tea Board of Kenya in 2009 cost a total of 26 m shillings, the Sunday Clarion quoted the "
     "audit as saying on Monday.", {"Sunday Clarion"}),
])
def test_a_qualifier_a_title_or_a_newspaper_is_no_party(nlp: "Language", text: str, absent: set[str]) -> None:
    found = {a.name for h in happenings(nlp, text) for a in h.actors}
    assert not found & absent, found


def test_a_headline_word_run_into_a_name_is_cut_off(nlp: "Language") -> None:
    """A scraped page glues its headline to the body: "… Strain of Financial
    Crisis Peter Lamb had to leave" names Peter Lamb, whom the article names
    again, and "crisis" is a word it writes in lower case."""
    from timeline.extract.actors.mentions import find_mentions

    text = ("Small Towns Feel Strain of Financial Crisis Peter Lamb had to leave Hoboken after losing his job. "
            "Peter Lamb is a survivor. The crisis hit the town hard.")
    names = {m.name for m in find_mentions(nlp(text), None)}
    assert "Peter Lamb" in names and not any(n.startswith("Crisis") for n in names), names
    # a name after an article is whole, though the article also names it by its last word
    text = ("In a note on Tuesday, the Business Travel Coalition predicted a slump in business travel. "
            "The Coalition has 300 members.")
    assert "Business Travel Coalition" in {m.name for m in find_mentions(nlp(text), None)}
    # what is left would name a country, not the body
    text = ("On Monday, Cricket South Africa announced it was cutting its ties. South Africa played cricket. "
            "The players love cricket.")
    assert "Cricket South Africa" in {m.name for m in find_mentions(nlp(text), None)}
    # a name the article writes twice keeps its words
    text = "Liberty Crisis Group said on Monday it would close. Liberty Crisis Group had a crisis."
    assert not {m.name for m in find_mentions(nlp(text), None)} & {"Group", "Crisis Group"}


def test_a_country_a_named_speaker_speaks_of_is_no_party(nlp: "Language") -> None:
    """What a named speaker says a country will do is the speaker's statement: the
    country is its topic. A country accused, or one a nameless speaker speaks of, stays."""
    assert first_actors(nlp, "On Monday Karl Weber said Germany would send more troops.") == {"Karl Weber"}
    assert "United States" in first_actors(nlp, "Jacob Zuma on Monday accused the United States of breaking the deal.")
    assert "China" in first_actors(nlp, "Officials said on Monday that China would retaliate.")

