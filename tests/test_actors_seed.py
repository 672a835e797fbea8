"""Acceptance: the seed article's actors, canonical and of the right kind."""

from __future__ import annotations

import pytest

from timeline.extract.actors.mentions import find_mentions
from timeline.extract.actors.registry import Registry, actors_from_mentions


@pytest.fixture(scope="module")
def actors(nlp, seed_article):
    mentions = find_mentions(nlp(seed_article.read_text(encoding="utf-8")), seen="2022-02-12")
    return {a.name: a for a in actors_from_mentions(mentions)}, mentions


@pytest.mark.parametrize("name, kind", [
    ("Joe Biden", "person"), ("Vladimir Putin", "person"), ("Emmanuel Macron", "person"),
    ("Volodymyr Zelenskyy", "person"), ("Jake Sullivan", "person"), ("Olaf Scholz", "person"),
    ("Russia", "country"), ("Ukraine", "country"), ("United States", "country"),
    ("NATO", "organisation"), ("KLM", "organisation"), ("Kyiv", "place"),
])
def test_seed_actors(actors, name, kind):
    found, _ = actors
    assert name in found and found[name].kind == kind


def test_kiev_is_one_place_and_never_a_person_or_organisation(actors):
    found, mentions = actors
    assert "Kiev" not in found and "Kiev" in found["Kyiv"].aliases
    assert not [m for m in mentions if m.text == "Kiev" and m.kind in ("person", "organisation")]


def test_seed_roles(actors):
    found, _ = actors
    assert [r.title for r in found["Vladimir Putin"].roles] == ["President of Russia"]
    assert [r.title for r in found["Jake Sullivan"].roles] == ["National Security Advisor of the United States"]
    assert found["Joe Biden"].roles[0].seen == "2022-02-12"


def test_seed_registry_is_stable_across_builds(actors):
    found, _ = actors
    once = Registry().add_found(found.values())
    assert once.add_found(found.values()) == once
