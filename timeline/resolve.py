"""Resolve: the actors of every article under the registry's one name per actor.

Extraction names actors with the gazetteer alone (so that it depends on the
article only and can be cached); here the registry, which maintainers edit,
has the last word: an alias merges two actors, a rename renames, a hidden
actor drops out of events.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from .actors.registry import Registry, actors_from_mentions
from .records import Actor, ActorRef, Extraction, Happening
from .store.nogc import paused_gc


def resolve_actors(registry: Registry, extractions: Iterable[Extraction]) -> tuple[Registry, list[Happening]]:
    """The registry grown by the actors first seen in ``extractions``, and every
    happening with its actors under their registry names."""
    extractions = list(extractions)
    with paused_gc():  # tens of thousands of short-lived records, no cycles
        registry = registry.add_found_each(actors_from_mentions(extraction.mentions) for extraction in extractions)
        lookup = _Lookup(registry)
        happenings = []
        for extraction in extractions:
            for h in extraction.happenings:
                actors = _canonical_actors(lookup, h.actors)
                happenings.append(h if actors == h.actors else replace(h, actors=actors))
    return registry, happenings


class _Lookup(dict):  # type: ignore[type-arg]
    """``registry.lookup`` of each name, asked once: names recur across thousands of happenings."""

    def __init__(self, registry: Registry) -> None:
        super().__init__()
        self.registry = registry

    def __missing__(self, name: str) -> Actor | None:
        actor = self[name] = self.registry.lookup(name)
        return actor


def _canonical_actors(lookup: _Lookup, actors: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    out: dict[str, ActorRef] = {}
    for ref in actors:
        actor = lookup[ref.name]
        if actor is None:
            out.setdefault(ref.name, ref)
        elif not actor.hidden:
            out.setdefault(actor.name, ActorRef(name=actor.name, kind=actor.kind or ref.kind))
    return tuple(out.values())
