"""Canonicalisation rules for actors, one row per phrase."""

from __future__ import annotations

import pytest

from timeline.extract.actors import actor_slug
from timeline.extract.actors.gazetteer import load_gazetteer
from timeline.extract.actors.mentions import find_mentions
from timeline.extract.actors.names import clean_surface, fold, name_key
from timeline.extract.actors.registry import Registry
from timeline.records import Actor


def names(nlp, text: str, registry: Registry | None = None) -> set[tuple[str, str]]:
    return {(m.name, m.kind) for m in find_mentions(nlp(text), registry)}


@pytest.mark.parametrize("text, expected", [
    ("U.S.", "us"), ("the Kremlin", "kremlin"), ("Macron’s", "macron"), ("Élysée", "elysee"),
    ("  Joe   Biden ", "joe biden"),
])
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize("a, b", [("Zelensky", "Zelenskyy"), ("Zelenskiy", "Zelenskyy"), ("Zelenskij", "Zelensky")])
def test_transliteration_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("name, slug", [
    ("Joe Biden", "joe-biden"), ("../x", "x"), ("<script>", "script"), ("Élysée Palace", "elysee-palace"),
    ("Washington, D.C.", "washington-d-c"),
])
def test_actor_slug(name, slug):
    assert actor_slug(name) == slug


def test_actor_slug_is_never_empty_or_a_path():
    for name in ("", "..", "/", "«»", "x" * 500):
        slug = actor_slug(name)
        assert slug and "/" not in slug and ".." not in slug and len(slug) <= 80


@pytest.mark.parametrize("surface, expected", [
    ("Macron’s", "Macron"), ("Wal - Mart", "Wal-Mart"), ("Boeing '", "Boeing"),
])
def test_clean_surface(surface, expected):
    assert clean_surface(surface) == expected


@pytest.mark.parametrize("text, country", [
    ("Kiev", "Ukraine"), ("Kyiv", "Ukraine"), ("Moscow", "Russia"), ("Washington", "United States"),
])
def test_capitals_know_their_country(text, country):
    entry = load_gazetteer().lookup(text)
    assert entry is not None and entry.capital_of == country


@pytest.mark.parametrize("text, name", [
    ("US", "United States"), ("U.S.", "United States"), ("the United States", "United States"),
    ("America", "United States"), ("UK", "United Kingdom"), ("Britain", "United Kingdom"),
    ("Russian Federation", "Russia"), ("Kiev", "Kyiv"), ("NATO", "NATO"), ("the Kremlin", "Kremlin"),
])
def test_gazetteer_canonical_names(text, name):
    assert load_gazetteer().lookup(text).name == name


@pytest.mark.parametrize("text, expected", [
    # capital as government when it acts, as place otherwise
    ("Washington has flatly rejected the demands.", ("United States", "country")),
    ("Thousands marched through Kiev on Sunday.", ("Kyiv", "place")),
    ("Scholz will negotiate with Moscow next week.", ("Russia", "country")),
    ("The embassy ordered its Kiev staff to leave.", ("Kyiv", "place")),
    ("Scholz called on Moscow to take steps to reduce tensions.", ("Russia", "country")),
    ("Missiles rained on Kyiv on Thursday.", ("Kyiv", "place")),
    # the tagger's slips set right
    ("Chancellor Olaf Scholz will travel to Berlin on Monday.", ("Olaf Scholz", "person")),
    ("French President Emmanuel Macron spoke to Putin. Macron's office said both want to talk.",
     ("Emmanuel Macron", "person")),
    ("Troops were stationed near Crimea.", ("Crimea", "place")),
    # names spelt several ways
    ("The U.S. and the UK withdrew advisers.", ("United States", "country")),
    ("The U.S. and the UK withdrew advisers.", ("United Kingdom", "country")),
    ("Several thousand Ukrainians braved the cold.", ("Ukrainians", "group")),
    ("The US Government announced new sanctions.", ("United States", "country")),
])
def test_mentions(nlp, text, expected):
    assert expected in names(nlp, text)


def test_later_surname_takes_the_full_name(nlp):
    doc = nlp("US President Joe Biden called Vladimir Putin. Biden said Putin must choose.")
    by_text = {m.text: m.name for m in find_mentions(doc)}
    assert by_text["Biden"] == "Joe Biden" and by_text["Putin"] == "Vladimir Putin"


def test_acronym_and_short_form_take_the_full_name(nlp):
    doc = nlp("The U.S. Air Force chose Lockheed Martin on Friday. The USAF said Lockheed would deliver.")
    found = {m.text: m.name for m in find_mentions(doc)}
    assert found["USAF"] == "United States Air Force"
    assert found["Lockheed"] == "Lockheed Martin"


@pytest.mark.parametrize("text, person, role", [
    ("Russian President Vladimir Putin spoke on Friday.", "Vladimir Putin", "President of Russia"),
    ("US National Security Advisor Jake Sullivan warned on Friday.", "Jake Sullivan",
     "National Security Advisor of the United States"),
    ("Chancellor Olaf Scholz will travel on Monday.", "Olaf Scholz", "Chancellor"),
])
def test_roles(nlp, text, person, role):
    mentions = [m for m in find_mentions(nlp(text), seen="2022-02-12") if m.name == person]
    assert mentions and mentions[0].role == role and mentions[0].seen == "2022-02-12"


def test_registry_names_and_hides(nlp):
    registry = Registry((
        Actor("Volodymyr Zelenskyy", "person", aliases=("Zelensky",), auto=False),
        Actor("Kremlin", "organisation", hidden=True),
    ))
    found = names(nlp, "Zelensky met reporters while the Kremlin said nothing.", registry)
    assert ("Volodymyr Zelenskyy", "person") in found
    assert not any(name == "Kremlin" for name, _ in found)


def test_pipeline_has_the_component_once(nlp):
    from timeline.extract.actors.ruler import COMPONENT, add_actor_ruler

    add_actor_ruler(nlp)
    assert nlp.pipe_names.count(COMPONENT) == 1
