"""Actor rules for news the dev set does not cover: one row per phrase."""

from __future__ import annotations

import pytest

from timeline.extract.actors.gazetteer import load_gazetteer
from timeline.extract.actors.institutions import load_institutions
from timeline.extract.actors.mentions import find_mentions
from timeline.extract.actors.names import clean_surface


def found(nlp, text: str) -> set[tuple[str, str, str | None]]:
    return {(m.name, m.kind, m.country) for m in find_mentions(nlp(text))}


@pytest.mark.parametrize("text, expected", [
    # institutions take their country from the text
    ("The Foreign Ministry in Moscow said the talks had failed.",
     ("Ministry of Foreign Affairs (Russia)", "organisation", "Russia")),
    ("Russia's Defence Ministry said on Monday that drills had ended.",
     ("Ministry of Defence (Russia)", "organisation", "Russia")),
    ("The Russian military moved more troops to the border.", ("Russian Armed Forces", "organisation", "Russia")),
    ("The US Labor Department reported job losses.",
     ("United States Department of Labor", "organisation", "United States")),
    # a parliament with a name of its own goes by it; others by the country
    ("Ukraine's parliament voted on Tuesday.", ("Verkhovna Rada", "organisation", "Ukraine")),
    ("The EU punished members of the Russian parliament who voted for it.",
     ("Federal Assembly of Russia", "organisation", "Russia")),
    ("The Italian parliament met on Monday.", ("Parliament of Italy", "organisation", "Italy")),
    # soldiers named with their country are its armed forces
    ("There was no sign that Russian troops would pull back.", ("Russian Armed Forces", "organisation", "Russia")),
    ("Russian forces attacked Ukraine from the north.", ("Russian Armed Forces", "organisation", "Russia")),
    ("US soldiers arrived in Poland.", ("United States Armed Forces", "organisation", "United States")),
    # a bloc of countries is a group, not a place
    ("Germany halts the pipeline as the West sanctions Russia.", ("the West", "group", None)),
    ("Moscow said the West had ignored its demands.", ("the West", "group", None)),
    # people whose names hold particles
    ("European Commission President Ursula von der Leyen said on Sunday that the bloc would act.",
     ("Ursula von der Leyen", "person", None)),
    ("Ursula von der Leyen spoke. Von der Leyen said later that talks had failed.",
     ("Ursula von der Leyen", "person", None)),
    ("Syrian President Bashar al-Assad met Saudi Crown Prince Mohammed bin Salman.",
     ("Mohammed bin Salman", "person", None)),
    ("Dutch coach Louis van Gaal named his squad.", ("Louis van Gaal", "person", None)),
    # a country named before a thing stays a country
    ("The British stock index FTSE 100 closed higher.", ("United Kingdom", "country", "United Kingdom")),
    ("The primary UK index, the FTSE 100, dropped.", ("United Kingdom", "country", "United Kingdom")),
    # known towns named together, or before a place noun, are places
    ("Putin recognised the self-proclaimed Donetsk and Luhansk people's republics.", ("Luhansk", "place", "Ukraine")),
    ("Shelling hit Mariupol and Kherson on Monday.", ("Kherson", "place", "Ukraine")),
    ("The United States protested. The Senate rejected the bill. The United States waited.",
     ("United States Senate", "organisation", "United States")),
    # bodies that speak for a government
    ("The Kremlin said nothing.", ("Kremlin", "organisation", "Russia")),
    ("The White House said the call was useful.", ("White House", "organisation", "United States")),
    # groups
    ("Several thousand Ukrainians braved the cold.", ("Ukrainians", "group", "Ukraine")),
    # a common noun for a group is one when qualified (bare, "protesters" names nobody: tests/test_actors_news.py)
    ("Belarusian demonstrators gathered outside the embassy.", ("Belarusian demonstrators", "group", "Belarus")),
    ("Ukrainian protesters marched on the parliament.", ("Ukrainian protesters", "group", "Ukraine")),
    ("Police dispersed Belarusian protesters in Minsk.", ("Belarusian protesters", "group", "Belarus")),
    ("Syrian refugees fled to Turkey on foot.", ("Syrian refugees", "group", "Syria")),
    # towns and cities, with their country
    ("The aircraft can fly from New York to Singapore.", ("New York City", "place", "United States")),
    ("Talks were held in St. Petersburg.", ("Saint Petersburg", "place", "Russia")),
    ("Factories in Ohio closed.", ("Ohio", "place", "United States")),
    # capitals: the possessive of an act is the government's, of a thing the city's
    ("Moscow's demands were rejected by NATO.", ("Russia", "country", "Russia")),
    # demonyms a hand-made entry claims
    ("American stock exchanges fell.", ("United States", "country", "United States")),
    # names the tagger cut or missed
    ("Ryanair CEO , Michael O' Leary , justified his choice.", ("Michael O'Leary", "person", None)),
    ("GM said it would axe 10,000 jobs at its European division , Opel . Costs at Opel must fall.",
     ("Opel", "organisation", None)),
    ("The deliveries went to six airlines - Air China , China Eastern Airlines and others.",
     ("Air China", "organisation", None)),
    ("They recalled the losses of Adam Air Flight 574 last year.", ("Adam Air", "organisation", None)),
    ("Two percent went to the Canadian Government and Fiat.", ("Canada", "country", "Canada")),
    # a capital opening a clause, its verb after a long coordinated subject, is the government
    ("Citing the growing threat of a Russian invasion, Washington and a number of European countries, as well "
     "as Israel, urged their citizens to leave Ukraine.", ("United States", "country", "United States")),
    ("Washington and its allies have warned that Russia could invade.", ("United States", "country", "United States")),
    # forces with a country word of their own
    ("Russian offensive forces advanced.", ("Russian Armed Forces", "organisation", "Russia")),
    ("The forces of Ukraine advanced.", ("Ukrainian Armed Forces", "organisation", "Ukraine")),
    # the noun news uses for an organisation it has named
    ("The EU imposed sanctions on Moscow. The bloc first imposed sanctions in 2014.",
     ("European Union", "organisation", None)),
    ("NATO met in Brussels. The military alliance said it saw no sign of a pullback.",
     ("NATO", "organisation", None)),
    # short and long forms of international organisations
    ("The Group of Seven pledged to keep up pressure on Moscow.", ("G7", "organisation", None)),
    ("G-7 leaders will speak by video link.", ("G7", "organisation", None)),
    ("The Group of 20 met in Bali.", ("G20", "organisation", None)),
    ("The U.N. nuclear watchdog said the plant was damaged.", ("IAEA", "organisation", None)),
    ("The World Health Organisation declared an emergency.", ("World Health Organization", "organisation", None)),
    ("The Organization of the Petroleum Exporting Countries cut output.", ("OPEC", "organisation", None)),
    ("Leaders of the West African bloc ECOWAS will meet in Abuja.", ("ECOWAS", "organisation", None)),
])
def test_rules(nlp, text, expected):
    assert expected in found(nlp, text)


@pytest.mark.parametrize("text, absent", [
    ("Military action is possible, the Kremlin said.", "Russian Armed Forces"),  # a modifier, no country
    ("Moscow's skyline glittered at night.", "Russia"),  # the city's
    ("Trading closed at 16:00 UTC on Friday.", "UTC"),
    ("Investors fled on Monday. Markets fell.", "Markets"),
    ("The Irish Republican Army declared a ceasefire.", "Irish Army"),  # a longer name of its own
    # titles before a person's name are roles, whatever the tagger cut off
    ("On Friday, US National Security Adviser Jake Sullivan said an attack could begin.",
     "United States National Security"),
    ("US National Security Advisor Jake Sullivan warned on Friday.", "United States National Security"),
    ("Pentagon Press Secretary John Kirby spoke.", "Pentagon Press"),
    # events and things are no actors
    ("An attack could begin before the end of the Beijing Winter Olympics.", "Beijing Winter Olympics"),
    ("The Cold War ended in 1991.", "Cold War"),
    ("The Olympics opened in Beijing.", "Olympics"),
    ("Berlin stopped the Nord Stream 2 gas pipeline. Nord Stream 2 was built by Gazprom.", "Nord Stream 2"),
    ("Germany halts Nord Stream 2 as the West sanctions Russia.", "Nord Stream 2"),
    ("Germany halts Nord Stream 2 as the West sanctions Russia.", "West"),
    ("The Straits Times Index fell by two percent.", "Straits Times Index"),
    ("The Straits Times Index fell by two percent.", "Straits Times"),
    ("The troops left at dawn.", "Russian Armed Forces"),  # whose troops, the text does not say
    ("The United States, the European Union and Britain condemned the move.", "Union"),  # inside a longer name
    ("Macron's office, like Washington, reported no clear progress.", "United States"),  # a comparison
    ("Moscow residents said the talks had failed.", "Russia"),  # the city's residents
    # forces in a country are not that country's
    ("Russia objected to the deployment of offensive forces in Ukraine.", "Ukrainian Armed Forces"),
    ("Offensive forces were deployed.", "Russian Armed Forces"),
    ("The Soviet bloc collapsed after the EU was founded.", "Soviet"),
    ("Leaders of the West African bloc ECOWAS will meet in Abuja.", "the West"),  # part of a longer name
    # particle names stay whole
    ("European Commission President Ursula von der Leyen said on Sunday that the bloc would act.", "Leyen"),
    ("European Commission President Ursula von der Leyen said on Sunday that the bloc would act.",
     "Ursula von der"),
])
def test_not_actors(nlp, text, absent):
    assert absent not in {name for name, _, _ in found(nlp, text)}


@pytest.mark.parametrize("text, person, role", [
    ("Russian Deputy Foreign Minister Sergei Ryabkov said on Monday.", "Sergei Ryabkov",
     "Deputy Foreign Minister of Russia"),
    ("Ukrainian Defence Minister Oleksii Reznikov visited the front.", "Oleksii Reznikov",
     "Defence Minister of Ukraine"),
    ("Acting President Kamala Harris spoke.", "Kamala Harris", "Acting President"),
    ("British Foreign Secretary Liz Truss flew to Moscow.", "Liz Truss", "Foreign Secretary of the United Kingdom"),
    ("US National Security Adviser Jake Sullivan said so.", "Jake Sullivan",
     "National Security Adviser of the United States"),
    ("Ukrainian Presidential Adviser Mykhailo Podolyak said so.", "Mykhailo Podolyak",
     "Presidential Adviser of Ukraine"),
    ("Pentagon Press Secretary John Kirby spoke.", "John Kirby", "Press Secretary of Pentagon"),
    ("European Commission President Ursula von der Leyen said so.", "Ursula von der Leyen",
     "President of European Commission"),
    # appositions, after the name or before it
    ("Mykhailo Podolyak, an adviser to the Ukrainian president, said so.", "Mykhailo Podolyak",
     "Adviser to the President of Ukraine"),
    ("A senior Kremlin aide, Yuri Ushakov, said so.", "Yuri Ushakov", "Kremlin aide"),
    ("Jens Stoltenberg, NATO's secretary general, said so.", "Jens Stoltenberg", "Secretary General of NATO"),
    ("Sergei Lavrov, the Russian foreign minister, said so.", "Sergei Lavrov", "Foreign Minister of Russia"),
    ("Rafael Grossi, head of the IAEA, said so.", "Rafael Grossi", "Head of IAEA"),
    ("The Ukrainian president's chief of staff, Andriy Yermak, said so.", "Andriy Yermak", "Chief of Staff"),
    ("Boris Johnson, a former prime minister, said so.", "Boris Johnson", None),  # no longer held
])
def test_composed_titles(nlp, text, person, role):
    assert role in {m.role for m in find_mentions(nlp(text)) if m.name == person}


def test_a_later_bare_surname_is_the_person(nlp):
    mentions = find_mentions(nlp("Jusman Syafii Djamal , minister of transport , said so . "
                                 "Detik.com quoted Djamal as saying ."))
    assert [m.name for m in mentions if m.text == "Djamal"] == ["Jusman Syafii Djamal"]


@pytest.mark.parametrize("text, name, country", [
    ("Toyota", "Toyota", "Japan"), ("New York", "New York City", "United States"), ("Georgia", "Georgia", None),
])
def test_towns_do_not_claim_names_before_countries(text, name, country):
    entry = load_gazetteer().place(text)
    assert entry.name == name and (country is None or entry.country == country)
    assert load_gazetteer().lookup("Toyota") is None  # a firm first, unless the tagger saw a place


@pytest.mark.parametrize("surface, generic", [
    ("Foreign Ministry", True), ("Russian military", True), ("the Senate", True), ("Kremlin", False),
])
def test_generic_phrases_are_no_aliases(surface, generic):
    assert load_institutions().is_generic(surface) is generic


def test_irish_names_are_joined():
    assert clean_surface("Michael O' Leary") == "Michael O'Leary"


def test_a_particle_surname_is_the_person(nlp):
    mentions = find_mentions(nlp("Ursula von der Leyen arrived in Kyiv. Later von der Leyen said Leyen's "
                                 "team would stay. Von der Leyen left on Monday."))
    people = {m.text: m.name for m in mentions if m.kind == "person"}
    assert set(people.values()) == {"Ursula von der Leyen"}
    assert {"von der Leyen", "Von der Leyen"} <= set(people)


def test_a_given_name_like_a_particle_is_no_surname(nlp):
    mentions = find_mentions(nlp("US bank chief Ben Bernanke said so . `` Bernanke was bullish ."))
    assert {m.name for m in mentions if m.kind == "person"} == {"Ben Bernanke"}


def test_an_institution_named_again_without_its_country_is_the_same(nlp):
    mentions = find_mentions(nlp("The U.S. Treasury said so. The Treasury added more. Lehman Brothers failed."))
    assert {m.name for m in mentions if m.text == "Treasury"} == {"United States Treasury"}


@pytest.mark.parametrize("text, person, role, country", [
    # a person's title and country, once stated, hold for their other mentions
    ("German Chancellor Olaf Scholz went to Kyiv. Later Chancellor Olaf Scholz said the talks were useful.",
     "Olaf Scholz", "Chancellor of Germany", "Germany"),
    ("Putin spoke first. Russian President Vladimir Putin then said so.", "Vladimir Putin", None, "Russia"),
    # a national title without a country, in an article about one country
    ("Germany halted the pipeline. Germany will pay. Chancellor Olaf Scholz said Berlin would act.",
     "Olaf Scholz", "Chancellor of Germany", "Germany"),
    # ... but not where two countries share the article
    ("Chancellor Olaf Scholz went to Russia and Ukraine, then back to Russia.", "Olaf Scholz", "Chancellor", None),
    # places count for the country too ("Nairobi", "Kenya")
    ("Police in Nairobi fired tear gas. Kenya's parliament passed the bill. President William Ruto must sign it.",
     "William Ruto", "President of Kenya", "Kenya"),
    # two presidents with bare titles: the article's country is neither's for sure
    ("Yellen arrived in Kyiv and met President Volodymyr Zelenskiy, a week after President Joe Biden came to "
     "Ukraine. Ukraine thanked her.", "Joe Biden", "President", None),
    # a lowercase portfolio before the name, with a possessive country
    ("Italy's transport minister Paolo Ferri resigned on Thursday.", "Paolo Ferri", "Transport Minister of Italy",
     "Italy"),
    # a title any organisation may give stays as written
    ("Germany said so. Germany agreed. Secretary General Jens Stoltenberg spoke.", "Jens Stoltenberg",
     "Secretary General", None),
    # a title after a body named with its abbreviation in brackets is the body's, not the article's country's
    ("Malawi voted. Malawi waited. The Alliance for Rural Renewal (ARR) president Grace Phiri lost her seat in "
     "Malawi.", "Grace Phiri", "President of Alliance for Rural Renewal", None),
])
def test_context_gives_title_and_country(nlp, text, person, role, country):
    mentions = [m for m in find_mentions(nlp(text)) if m.name == person]
    assert mentions and all(m.country == country for m in mentions)
    assert role is None or role in {m.role for m in mentions}
