"""Resolve: the actors of every article under the registry's one name per actor.

Extraction names actors with the gazetteer alone (so that it depends on the
article only and can be cached); here the registry, which maintainers edit,
has the last word: an alias merges two actors, a rename renames, a hidden
actor drops out of events. Articles grow the registry one after the other,
in the build's order, so that the same content always gives the same registry;
then the actors found under several spellings of one name become one
(``variants.py``), so that events carry one canonical name each, and a common
word taken for a person's name is no actor (``common_words.py``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterable, Sequence

from timeline.extract.actors.registry import Registry, actors_from_mentions
from timeline.records import Actor, ActorRef, Extraction, Happening, Taught
from timeline.resolve.common_words import common_words
from timeline.resolve.variants import merge_variants

# Passes of the variant merge at most: each one only joins, so it settles in two or three.
SETTLE = 5

# The happenings of one article whose actors the registry names otherwise:
# (position among the article's happenings, the actors under registry names).
Renamed = tuple[tuple[int, tuple[ActorRef, ...]], ...]


def resolve_actors(registry: Registry, extractions: Iterable[Extraction]) -> tuple[Registry, list[Happening]]:
    """The registry grown by the actors first seen in ``extractions``, and every
    happening with its actors under their registry names."""
    extractions = list(extractions)
    registry = registry.add_found_each(actors_from_mentions(e.mentions) for e in extractions)
    registry = _settled(registry, extractions)
    lookup = _Lookup(registry, common_words(registry, extractions))
    return registry, [h for e in extractions for h in _with_actors(e.happenings, _renamed(lookup, e))]


def taught_names(registry: Registry, extractions: Iterable[Extraction]) -> dict[str, Taught]:
    """Per article, who it says its descriptions are and the people and bodies it names, under
    the registry's names (a hidden actor dropped)."""
    lookup = _Lookup(registry)
    out = {}
    for e in extractions:
        ties = tuple((noun, words, actor.name, actor.kind) for noun, words, name in e.ties
                     for actor in [lookup[name]] if actor is not None and not actor.hidden)
        names = frozenset(actor.name for m in e.mentions if m.kind in ("person", "organisation")
                          for actor in [lookup[m.name]] if actor is not None and not actor.hidden)
        out[e.article.id] = Taught(ties=ties, names=names)
    return out


def _settled(registry: Registry, extractions: Sequence[Extraction]) -> Registry:
    """``registry`` with its spelling variants merged until nothing more merges.

    A merge can make a group named in more articles, and that can confirm a short
    name a pass before had left apart: settling here makes the registry a build
    writes the one the next build, with nothing changed, finds again."""
    for _ in range(SETTLE):
        merged = merge_variants(registry, extractions)
        if merged == registry:
            break
        registry = merged
    return registry


def _with_actors(happenings: Sequence[Happening], renamed: Renamed) -> Sequence[Happening]:
    if not renamed:
        return happenings
    out = list(happenings)
    for i, actors in renamed:
        out[i] = replace(out[i], actors=actors, title=retitled(out[i].title, out[i].actors, actors))
    return out


def retitled(title: str, before: tuple[ActorRef, ...], after: tuple[ActorRef, ...]) -> str:
    """The title under the names the registry gives its actors: "Sharif said…", written where
    the article named him only "Mr Sharif", is "Nawaz Sharif said…". A name is replaced where
    it stands alone, not inside a longer one ("Shahbaz Sharif" stays), and only when the
    registry's name holds it, as a surname or a spelling's change."""
    names = {a.name for a in after}
    for old, new in zip(before, _one_each(before, after)):
        if new is None or old.name == new or old.name in names or new in title:
            continue
        for found in _alone(old.name).finditer(title):
            if not _NAME_BEFORE.search(title[:found.start()]):
                title = title[:found.start()] + new + title[found.end():]
                break
    return title


def _one_each(before: tuple[ActorRef, ...], after: tuple[ActorRef, ...]) -> list[str | None]:
    """For each actor of ``before``, its name in ``after`` when the rename kept the order; else None."""
    if len(before) != len(after):
        return [None] * len(before)
    return [a.name for a in after]


@lru_cache(maxsize=4096)
def _alone(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'-]){re.escape(name)}(?![\w-])(?!\s[A-Z])")


# A capitalised word right before: the name found is part of a longer one ("Shahbaz Sharif").
_NAME_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s$")


class _Lookup(dict):  # type: ignore[type-arg]
    """``registry.lookup`` of each name, asked once: names recur across thousands of happenings."""

    def __init__(self, registry: Registry, common: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.registry = registry
        self.common = common  # "Propofol": a common word, as hidden as a hidden actor

    def __missing__(self, name: str) -> Actor | None:
        actor = self.registry.lookup(name)
        if actor is not None and actor.name in self.common:
            actor = replace(actor, hidden=True)
        self[name] = actor
        return actor


def _renamed(lookup: _Lookup, extraction: Extraction) -> Renamed:
    """The happenings of ``extraction`` whose actors the registry names otherwise, with those actors."""
    renamed = []
    for i, h in enumerate(extraction.happenings):
        actors = _canonical_actors(lookup, h.actors)
        if actors != h.actors:
            renamed.append((i, actors))
    return tuple(renamed)


def _canonical_actors(lookup: _Lookup, actors: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    out: dict[str, ActorRef] = {}
    for ref in actors:
        actor = lookup[ref.name]
        if ref.kind == "place" and (actor is None or actor.kind != "person"):
            continue  # "Thabo Mbeki" read as a place here stays only when the collection names a person so
        if actor is None:
            out.setdefault(ref.name, ref)
        elif actor.kind == "place":
            continue  # "Sandton", read as a person here, is a town in the registry: where, never who
        elif not actor.hidden:
            out.setdefault(actor.name, ActorRef(name=actor.name, kind=actor.kind or ref.kind))
    return tuple(out.values())
