"""Resolve in one pass: the registry and happenings that growing one registry
per article gave, on the example content and dev-set articles; the registry
file read fast as the careful reader reads it."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pytest

from timeline.config import load_config
from timeline.extract import extract
from timeline.extract.actors.names import fold, name_key
from timeline.extract.actors.registry import Registry, absorb, actors_from_mentions, merge_claimed
from timeline.extract.pipeline import load_pipeline
from timeline.records import Actor, ActorRef, Role
from timeline.resolve import resolve_actors, retitled
from timeline.resolve.variants import merge_variants
from timeline.sources import read_sources
from timeline.store import yamlio
from timeline.store.registry import load_registry, save_registry

from conftest import ROOT, SHARED

DEV_SET = SHARED / "data" / "meantime-dev.jsonl"
DEV_ARTICLES = 24

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The example content and the first dev-set articles, extracted."""
    folder = tmp_path_factory.mktemp("resolve")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    if DEV_SET.exists():
        lines = DEV_SET.read_text(encoding="utf-8").splitlines()[:DEV_ARTICLES]
        for k, doc in enumerate(map(json.loads, lines)):
            (content / f"dev-{k:03d}.md").write_text(
                f"---\ntitle: {json.dumps(doc['title'])}\npublished: {doc['dct']}\n---\n{doc['text']}\n",
                encoding="utf-8")
    (folder / "config.yaml").write_text("paths:\n  content: content\n  output: output\n  cache: cache\n")
    cfg = load_config(folder / "config.yaml")
    articles, _ = read_sources(cfg)
    nlp = load_pipeline(cfg.nlp.pipeline)
    return cfg, [extract(article, nlp(article.text), cfg) for article in articles]


def add_found_and_rebuild(registry: Registry, found_actors: list[Actor]) -> Registry:
    """``Registry.add_found`` as it was when each article rebuilt the registry."""
    current, index, people = list(registry.actors), dict(registry._index), dict(registry._people)
    for found in found_actors:
        i = index.get(fold(found.name))
        if i is None and found.kind == "person":
            i = people.get(name_key(found.name))
        owner = len(current) if i is None else i
        found = replace(found, aliases=tuple(a for a in found.aliases if index.get(fold(a), owner) == owner))
        if i is None:
            current.append(replace(found, auto=True))
            i = len(current) - 1
        else:
            current[i] = absorb(current[i], found)
        for form in (found.name, *found.aliases):
            index.setdefault(fold(form), i)
            if found.kind == "person":
                people.setdefault(name_key(form), i)
    return Registry(tuple(current))


def one_registry_per_article(registry, extractions):
    """Resolve as it was done before the batch: a registry rebuilt after each article."""
    for extraction in extractions:
        registry = add_found_and_rebuild(registry, actors_from_mentions(extraction.mentions))
    registry = merge_variants(registry, extractions)  # then the spellings of one name become one
    happenings = []
    for h in (h for extraction in extractions for h in extraction.happenings):
        actors: dict[str, ActorRef] = {}
        for ref in h.actors:
            actor = registry.lookup(ref.name)
            if ref.kind == "place" and (actor is None or actor.kind != "person"):
                continue  # a name read as a place stays only as the person the registry names
            if actor is None:
                actors.setdefault(ref.name, ref)
            elif actor.kind == "place":
                continue  # a town is never an actor
            elif not actor.hidden:
                actors.setdefault(actor.name, ActorRef(actor.name, actor.kind or ref.kind))
        renamed = tuple(actors.values())
        happenings.append(replace(h, actors=renamed, title=retitled(h.title, h.actors, renamed)))
    return registry, happenings


def hand_edited(registry: Registry) -> Registry:
    """Edits a maintainer makes: one actor's name as another's alias, reviewed,
    hidden, a bare title beside a full one."""
    actors = list(registry.actors)
    for i, actor in enumerate(actors):
        changes = {}
        if i % 7 == 0 and i + 1 < len(actors):
            changes["aliases"] = actor.aliases + (actors[i + 1].name,)
        if i % 11 == 0:
            changes["auto"] = False
        if i % 13 == 0:
            changes["hidden"] = True
        if i % 5 == 0 and actor.kind == "person":
            changes["roles"] = actor.roles + (Role("Minister", ""), Role("Minister of Defence", "2001-01-01"))
        actors[i] = replace(actor, **changes)
    return Registry(tuple(actors))


def test_batch_resolve_gives_what_one_registry_per_article_gave(built):
    cfg, extractions = built
    assert len(extractions) >= 14 + (DEV_ARTICLES if DEV_SET.exists() else 0)
    on_file, problems = load_registry(cfg.paths.registry)
    assert problems == [] and len(on_file) > 10
    first_half, _ = one_registry_per_article(Registry(), extractions[: len(extractions) // 2])
    starts = {"empty": Registry(), "on file": on_file, "first half": first_half,
              "hand-edited": hand_edited(first_half)}
    for name, start in starts.items():
        for order in (extractions, extractions[::-1]):
            registry, happenings = resolve_actors(start, order)
            expected_registry, expected_happenings = one_registry_per_article(start, order)
            assert registry == expected_registry, name
            assert happenings == expected_happenings, name
    assert any(h.actors for h in happenings) and len(registry) > (50 if DEV_SET.exists() else 10)


def test_a_saved_registry_reads_back_the_same_fast_or_careful(built, tmp_path, monkeypatch):
    cfg, extractions = built
    registry, _ = resolve_actors(hand_edited(load_registry(cfg.paths.registry)[0]), extractions)
    path = tmp_path / "actors.yaml"
    save_registry(path, registry)
    fast = [load_registry(p) for p in (path, cfg.paths.registry)]
    assert fast[0] == (registry, [])
    monkeypatch.setattr(yamlio, "_CLineLoader", None)  # no libyaml: the careful reader
    assert [load_registry(p) for p in (path, cfg.paths.registry)] == fast


# People are found by a looser key than other actors, and which actor a key
# names is settled when the registry is rebuilt: these cases tell a batch
# that keeps the registry of the previous article from one that does not.


def grown_one_at_a_time(registry: Registry, batches: list[list[Actor]]) -> Registry:
    for batch in batches:
        registry = add_found_and_rebuild(registry, batch)
    return registry


@pytest.mark.parametrize("registry, batches", [
    # A person found under an organisation's name: its spellings are no
    # person's once the registry is rebuilt.
    (Registry((Actor("Kim Jong", "organisation"),)),
     [[Actor("Kim Jong", "person", aliases=("Kim Jongiy",))], [Actor("Kim Jongy", "person")]]),
    # A new person whose alias spells a known person's name another way comes
    # first in the registry, so a rebuilt registry knows the spelling as theirs.
    (Registry((Actor("Boris Zelenskyy", "person"),)),
     [[Actor("Anna Z", "person", aliases=("Boris Zelenskiy",))], [Actor("Boris Zelensky", "person")]]),
])
def test_people_found_in_a_later_article_meet_the_rebuilt_registry(registry, batches):
    one_by_one = grown_one_at_a_time(registry, batches)
    assert registry.add_found_each(batches) == one_by_one
    assert add_found_and_rebuild(registry, [a for batch in batches for a in batch]) != one_by_one  # the case matters


def test_a_registry_that_merges_again_when_rebuilt_is_rebuilt_after_each_article():
    # A reviewed actor claimed by an automatic one stays; sorted, the reviewed
    # claimant comes first and takes it: the first rebuild merges.
    registry = Registry((Actor("Zeta Corp", "organisation", aliases=("Zed Petrovyy",)),
                         Actor("Alpha Corp", "organisation", aliases=("Zed Petrovyy",), auto=False),
                         Actor("Zed Petrovyy", "person", auto=False)))
    assert len(merge_claimed(registry.actors)) < len(registry)
    batches = [[Actor("Omega", "organisation")], [Actor("Zed Petroviy", "person")]]
    one_by_one = grown_one_at_a_time(registry, batches)
    assert registry.add_found_each(batches) == one_by_one
    assert one_by_one.lookup("Zed Petroviy").name == "Zed Petroviy"
