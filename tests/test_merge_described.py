"""A description an article leaves in a title ("The coach resigned") is written as the person
or body the other articles of the collection name beside it ("the veteran coach Helen Carter"),
when they agree on one. Articles written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract
from timeline.extract.actors.registry import Registry
from timeline.merge import merge
from timeline.merge.described import name_described
from timeline.records import ActorRef, Article, DateEvidence, Event, Happening, Taught
from timeline.resolve import resolve_actors, taught_names

from conftest import make_config

DAY = date(2024, 3, 5)


def _events(nlp, texts: dict[str, tuple[str, str]]) -> list[Event]:
    """The events of a collection of articles (id: headline, body), all published on ``DAY``."""
    cfg = make_config()
    articles = [Article(id=aid, path=f"{aid}.txt", title=headline, text=text, published=DAY)
                for aid, (headline, text) in texts.items()]
    extractions = [extract(a, nlp(a.text), cfg) for a in articles]
    registry, happenings = resolve_actors(Registry(), extractions)
    return list(merge([], happenings, articles, taught=taught_names(registry, extractions)).events)


def _event(events: list[Event], verb: str) -> Event:
    found = [e for e in events if verb in e.title]
    assert len(found) == 1, [e.title for e in events]
    return found[0]


COACH_NAMED = {
    "signing": ("Carter stays at Tarvik United",
                "The veteran coach Helen Carter signed a new contract with Tarvik United on Monday. "
                "Helen Carter has led the club since 2015."),
    "farewell": ("Carter thanked by fans",
                 "Supporters of Tarvik United cheered Helen Carter, the coach, at the ground on Monday."),
}


def test_a_title_s_description_is_the_one_the_collection_names(nlp) -> None:
    events = _events(nlp, {**COACH_NAMED, "quits": (
        "Turmoil at Tarvik United",
        "Tarvik United lost 4-0 at home on Saturday. The coach resigned on Tuesday after the defeat. "
        "Fans of Helen Carter gathered outside the ground.")})
    resigned = _event(events, "resigned")
    assert resigned.title.startswith("Helen Carter resigned"), resigned.title
    assert "Helen Carter" in {a.name for a in resigned.actors}


def test_a_description_the_collection_ties_to_two_people_stays(nlp) -> None:
    events = _events(nlp, {**COACH_NAMED, "rival": (
        "Norland City's coach", "The coach Peter Walsh signed for Norland City on Monday. "
                                "Peter Walsh was the coach of Norland City in 2019 too."),
        "rival2": ("Walsh back", "Norland City welcomed back the coach Peter Walsh on Monday."), "quits": (
        "Turmoil at Tarvik United",
        "Tarvik United lost 4-0 at home on Saturday. The coach resigned on Tuesday after the defeat. "
        "Fans of Helen Carter and Peter Walsh gathered outside the ground.")})
    assert _event(events, "resigned").title.startswith("The coach resigned")


def test_an_age_the_collection_gives_one_person_names_them(nlp) -> None:
    events = _events(nlp, {
        "one": ("Carter signs", "Helen Carter, 58, signed a new contract with Tarvik United on Monday."),
        "two": ("Carter at 58", "The veteran coach Helen Carter, 58, was cheered by the fans on Monday."),
        "three": ("Tarvik news", "The 58-year-old resigned on Tuesday, Tarvik United said. "
                                 "Helen Carter had coached the club since 2015.")})
    assert _event(events, "resigned").title == "Tarvik United said Helen Carter resigned"


def test_whose_a_thing_is_is_named_as_the_collection_names_the_description(nlp) -> None:
    events = _events(nlp, {
        "tour": ("Voss tour", "The pop star Lena Voss cancelled her European tour on Monday."),
        "ill": ("Voss ill", "Lena Voss, the pop star, was admitted to hospital in Tarvik on Monday."),
        "burglary": ("Burglary in Tarvik", "Burglars broke into the pop star's house in Tarvik on Tuesday, "
                                           "police said. Lena Voss was abroad at the time.")})
    burgled = _event(events, "broke into")
    assert "broke into Lena Voss's house" in burgled.title, burgled.title
    assert "Lena Voss" in {a.name for a in burgled.actors}


def test_an_office_with_its_country_names_the_holder(nlp) -> None:
    events = _events(nlp, {
        "vote": ("Chile vote", "President Tomas Reyes of Chile opened the new parliament on Monday."),
        "budget": ("Chile budget", "Chile's president, Tomas Reyes, signed the budget on Monday."),
        "storm": ("Chile storm", "The Chilean president visited the flooded towns on Tuesday. "
                                 "Tomas Reyes promised aid.")})
    assert _event(events, "visited").title == "Tomas Reyes visited the flooded towns"


# Merging alone, on happenings as extraction leaves them.

def _happening(aid: str, title: str, described: tuple[tuple[str, str, str], ...]) -> Happening:
    return Happening(article_id=aid, sentence_index=0, sentence=title + ".", predicate="say", date="2024-03-05",
                     precision="day", status="occurred", evidence=DateEvidence("weekday-past", "on Tuesday",
                                                                               "2024-03-05"),
                     title=title, summary=title + ".", described=described)


LEADER = ("The main opposition leader", "leader", "main opposition")


def _taught(**ties: tuple[tuple[str, str, str, str], ...]) -> dict[str, Taught]:
    return {aid: Taught(ties=t, names=frozenset(name for _, _, name, _ in t)) for aid, t in ties.items()}


MAREK = ("leader", "opposition", "Ivo Marek", "person")
LIND = ("leader", "party", "Anna Lind", "person")


def test_the_words_qualifying_a_description_choose_among_the_names_tied_to_its_noun() -> None:
    taught = _taught(a=(MAREK,), b=(MAREK,), c=(LIND,), d=(LIND,), e=(MAREK, LIND))
    out = name_described([_happening("e", "The main opposition leader said the vote was rigged", (LEADER,))], taught)
    assert out[0].title == "Ivo Marek said the vote was rigged"
    assert out[0].actors == (ActorRef("Ivo Marek", "person"),)


@pytest.mark.parametrize("title, described", [
    ("The leader said the vote was rigged", ("The leader", "leader", "")),  # two leaders: whose?
    ("The next leader said the vote was rigged", ("The next leader", "leader", "next")),  # another holder
])
def test_a_description_that_fits_two_names_or_another_holder_stays(title: str, described) -> None:
    taught = _taught(a=(MAREK,), b=(MAREK,), c=(LIND,), d=(LIND,), e=(MAREK, LIND))
    assert name_described([_happening("e", title, (described,))], taught)[0].title == title


def test_a_name_one_article_alone_gives_does_not_name_the_collection_s_description() -> None:
    taught = _taught(a=(MAREK,), e=())
    happening = _happening("e", "The main opposition leader said the vote was rigged", (LEADER,))
    assert name_described([happening], taught)[0] == happening


def test_the_article_must_name_the_one_its_description_is_unless_the_collection_is_about_them() -> None:
    taught = _taught(a=(MAREK,), b=(MAREK,), c=(("leader", "party", "Anna Lind", "person"),))
    happening = _happening("e", "The main opposition leader said the vote was rigged", (LEADER,))
    taught["e"] = Taught(names=frozenset({"Anna Lind"}))
    assert name_described([happening], taught)[0] == happening  # the article names only Anna Lind
    taught["e"] = Taught(names=frozenset())
    taught["f"] = Taught(names=frozenset({"Ivo Marek"}))  # now the collection's most named
    assert name_described([happening], taught)[0].title == "Ivo Marek said the vote was rigged"


def test_a_country_the_description_names_must_be_the_tied_name_s() -> None:
    reyes = ("president", "country:chile", "Tomas Reyes", "person")
    taught = _taught(a=(reyes,), b=(reyes,), e=(reyes,))
    happening = _happening("e", "The Peruvian president arrived in Lima", (
        ("The Peruvian president", "president", "country:peru"),))
    assert name_described([happening], taught)[0] == happening


def test_a_person_is_no_body_s_noun_and_a_country_the_ties_never_give_names_no_one() -> None:
    chief = ("party", "", "Ivo Marek", "person")  # "party chief Ivo Marek" read as "party"
    president = ("president", "", "Ivo Marek", "person")  # "President Ivo Marek", no country
    taught = _taught(a=(chief, president), b=(chief, president), e=(chief,))
    for title, described in [("Ann Dube left the party", ("the party", "party", "")),
                             ("The US president arrived in Tarvik", ("The US president", "president",
                                                                     "country:united states"))]:
        happening = _happening("e", title, (described,))
        assert name_described([happening], taught)[0] == happening


def test_a_description_naming_what_its_words_were_not_read_for_stays() -> None:
    president = ("president", "", "Ivo Marek", "person")
    taught = _taught(a=(president,), b=(president,), e=(president,))
    happening = _happening("e", "The US president arrived in Tarvik", (("The US president", "president", ""),))
    assert name_described([happening], taught)[0] == happening
