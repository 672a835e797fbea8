"""What resolving an article reads from the registry, and where two registries differ.

Both are sets of tokens, each naming one answer the registry gives:

- ``i`` + a folded form: the actor the form is indexed under (or none);
- ``p`` + a name key: the person that spelling is held by (or none);
- ``f`` + an actor's name: its aliases and kind;
- ``r`` + an actor's name: its roles;
- ``c`` + an actor's name: its country;
- ``n`` + an actor's name: its kind and whether it is hidden, as events show it.

Registries are compared by actor name, not position: a rebuilt registry sorts
its actors again. An article whose actors changed nothing in a registry
changes nothing in another that gives the same answer to every token it
read: it takes the same steps there. That is what lets a rebuild resolve
again only the articles a change reaches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from timeline.extract.actors.names import fold, name_key
from timeline.extract.actors.registry import Registry, _Growth, _order, merge_roles
from timeline.records import Actor

ACTOR_TOKENS = "frcn"


@dataclass(frozen=True)
class RegistryView:
    """A registry's actors and lookups keyed by actor name instead of position."""

    actors: dict[str, Actor]
    index: dict[str, str]  # folded form → actor name
    people: dict[str, str]  # name key → person's name

    @classmethod
    def of(cls, actors: Sequence[Actor], index: dict[str, int], people: dict[str, int]) -> RegistryView:
        return cls({a.name: a for a in actors}, {k: actors[i].name for k, i in index.items()},
                   {k: actors[i].name for k, i in people.items()})

    @classmethod
    def of_registry(cls, registry: Registry) -> RegistryView:
        return cls.of(registry.actors, registry._index, registry._people)


def differences(old: RegistryView, new: RegistryView) -> set[str]:
    """The tokens on which ``new`` answers otherwise than ``old``."""
    tokens: set[str] = set()
    for tag, before, after in (("i", old.index, new.index), ("p", old.people, new.people)):
        if before != after:
            tokens.update(tag + k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    for name in old.actors.keys() | new.actors.keys():
        a, b = old.actors.get(name), new.actors.get(name)
        if a is not b and a != b:
            tokens |= actor_differences(a, b, new.people.get)
    return tokens


class GrowthWatch:
    """What one article's actors change in a growing registry (``_Growth``):
    a copy of its state, compared."""

    def __init__(self, growth: _Growth) -> None:
        self.growth = growth
        self.actors, self.index, self.people = list(growth.actors), dict(growth.index), dict(growth.people)

    def changed(self) -> bool:
        """Whether the registry changed at all (aliases sorted again change no answer)."""
        growth = self.growth
        # An actor that takes in nothing new stays the same record; one that does differs.
        return growth.actors != self.actors or growth.index != self.index or growth.people != self.people

    def changes(self) -> set[str]:
        """The tokens on which the registry answers otherwise."""
        growth, tokens = self.growth, set()
        actors, old_actors = growth.actors, self.actors
        for tag, before, after in (("i", self.index, growth.index), ("p", self.people, growth.people)):
            if before != after:
                for k in before.keys() | after.keys():
                    i, j = before.get(k), after.get(k)
                    if i is None or j is None or old_actors[i].name != actors[j].name:
                        tokens.add(tag + k)

        def holder(key: str) -> str | None:
            i = growth.people.get(key)
            return None if i is None else actors[i].name

        for n, b in enumerate(actors):
            a = old_actors[n] if n < len(old_actors) else None
            if a is not b:
                tokens |= actor_differences(a, b, holder)
        return tokens


def actor_differences(a: Actor | None, b: Actor | None, holder: Callable[[str], str | None]) -> set[str]:
    """The tokens of one actor, ``a`` before and ``b`` after (None: not there);
    ``holder``: the person a name key is held by, after."""
    if a is None or b is None:
        name = (a or b).name  # type: ignore[union-attr]
        return {tag + name for tag in ACTOR_TOKENS}
    name, tokens = b.name, set()
    if a.kind != b.kind:
        tokens.update(("f" + name, "n" + name))
    elif a.aliases != b.aliases and not _grown_alone(a, b, holder):
        tokens.add("f" + name)
    if a.roles != b.roles:
        tokens.add("r" + name)
    # An article bringing no roles of this actor still merges its roles
    # again: only roles that merging leaves alone are as good as unread.
    # Likewise an actor keeps its country, Wikidata id and description
    # unless they are empty strings, which an article's None replaces.
    if (b.roles and merge_roles(b.roles) != b.roles) or "" in (b.country, b.wikidata, b.description):
        tokens.add("f" + name)
    if a.country != b.country:
        tokens.add("c" + name)
    if a.hidden != b.hidden:
        tokens.add("n" + name)
    return tokens


def _grown_alone(a: Actor, b: Actor, holder: Callable[[str], str | None]) -> bool:
    """Whether ``b`` only has more aliases than ``a``, in the order ``add_found``
    keeps them, with every new spelling of a person held by ``b`` or by one
    ahead of it in the registry's order.

    An article whose names were all known as ``a``'s then finds them known
    as ``b``'s and leaves ``b`` as it is; the new forms' own entries are
    tokens of their own, read by the articles that bring those forms. The
    people lookup of a new spelling is read when ``b`` is filed again under
    its spellings, and nothing moves a spelling to a person behind its
    holder.
    """
    known = {fold(x) for x in (a.name, *a.aliases)}
    if not known <= {fold(x) for x in (b.name, *b.aliases)}:
        return False
    if len(b.aliases) > 1 and list(b.aliases) != sorted(b.aliases, key=str.casefold):
        return False
    if b.kind == "person":
        for form in (b.name, *b.aliases):
            if fold(form) not in known:
                held = holder(name_key(form))
                if held is None or (held != b.name and _order(held) >= _order(b.name)):
                    return False
    return True


def batch_reads(found: Iterable[Actor], actors: Sequence[Actor], index: dict[str, int],
                people: dict[str, int]) -> list[str] | None:
    """What adding ``found`` reads from the registry, for a batch that changes
    nothing there; None when one of its actors is not in the registry (such
    a batch always changes it).

    Every name an unchanged batch brings is indexed already (a new one would
    be a new alias or actor), so each actor is found by its folded name.
    Adding it reads: the index and people entries of each of its forms
    (aliases another actor holds are dropped, forms already held are kept),
    the actor's forms and kind, its roles when the article saw roles, its
    country when the article names one (an actor keeps the country it has),
    and for a person the entries of every spelling the people lookup files
    the actor under.
    """
    tokens: set[str] = set()
    for f in found:
        forms = (f.name, *f.aliases)
        tokens.update("i" + fold(x) for x in forms)
        if f.kind == "person":
            tokens.update("p" + name_key(x) for x in forms)
        i = index.get(fold(f.name))
        if i is None:
            return None
        actor = actors[i]
        tokens.add("f" + actor.name)
        if f.roles:
            tokens.add("r" + actor.name)
        if f.country:
            tokens.add("c" + actor.name)
        if actor.kind == "person":
            tokens.update("p" + name_key(x) for x in (actor.name, *actor.aliases))
    return sorted(tokens)


def lookup_reads(names: Iterable[str], registry: Registry) -> list[str]:
    """What ``registry.lookup`` of each of ``names`` reads, with the name, kind
    and hidden flag of the actor it finds."""
    tokens: set[str] = set()
    index, people, actors = registry._index, registry._people, registry.actors
    for name in names:
        key = fold(name)
        tokens.add("i" + key)
        i = index.get(key)
        if i is None:
            spelling = name_key(name)
            tokens.add("p" + spelling)
            i = people.get(spelling)
        if i is not None:
            tokens.add("n" + actors[i].name)
    return sorted(tokens)
