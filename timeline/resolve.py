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
from .records import ActorRef, Extraction, Happening


def resolve_actors(registry: Registry, extractions: Iterable[Extraction]) -> tuple[Registry, list[Happening]]:
    """The registry grown by the actors first seen in ``extractions``, and every
    happening with its actors under their registry names."""
    extractions = list(extractions)
    for extraction in extractions:
        registry = registry.add_found(actors_from_mentions(extraction.mentions))
    happenings = [
        replace(h, actors=_canonical_actors(registry, h.actors))
        for extraction in extractions
        for h in extraction.happenings
    ]
    return registry, happenings


def _canonical_actors(registry: Registry, actors: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    out: dict[str, ActorRef] = {}
    for ref in actors:
        actor = registry.lookup(ref.name)
        if actor is None:
            out.setdefault(ref.name, ref)
        elif not actor.hidden:
            out.setdefault(actor.name, ActorRef(name=actor.name, kind=actor.kind or ref.kind))
    return tuple(out.values())
