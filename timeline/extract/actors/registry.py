"""The actor registry in memory: one canonical name per actor across the store.

Built from the actors of ``content/actors.yaml``. A maintainer's edits are
plain edits of that file and win over what a build finds: an alias that names
another actor merges the two, a new name renames, ``hidden: true`` hides.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

from timeline.extract.actors.gazetteer import load_gazetteer
from timeline.extract.actors.names import clean_surface, fold, name_key
from timeline.records import Actor, Mention, Role


@dataclass(frozen=True)
class Registry:
    actors: tuple[Actor, ...] = ()
    # fold(name or alias) → index in actors; built once, not compared.
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _people: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        actors = merge_claimed(self.actors)
        object.__setattr__(self, "actors", tuple(sorted(actors, key=lambda a: _order(a.name))))
        for i, actor in enumerate(self.actors):
            for form in (actor.name, *actor.aliases):
                self._index.setdefault(fold(form), i)
                if actor.kind == "person":
                    self._people.setdefault(name_key(form), i)

    def lookup(self, name: str) -> Actor | None:
        """The actor called ``name`` or having it as an alias, hidden ones included.

        Case, diacritics, dots and a leading "the" do not matter; for people,
        transliteration variants do not either (Zelensky, Zelenskiy, Zelenskyy).
        """
        i = self._index.get(fold(name))
        if i is None:
            i = self._people.get(name_key(name))
        return self.actors[i] if i is not None else None

    def canonical(self, name: str) -> str:
        """The registry's name for ``name``, or ``name`` itself when unknown."""
        actor = self.lookup(name)
        return actor.name if actor else name

    def add_found(self, actors: Iterable[Actor]) -> "Registry":
        """A registry that also holds ``actors``: new ones marked ``auto``,
        known ones gaining aliases and roles. Names, kinds and the hidden
        flag of known actors stay as they are."""
        return self.add_found_each([actors])

    def add_found_each(self, batches: Iterable[Iterable[Actor]]) -> "Registry":
        """The registry ``add_found`` gives for each batch in turn (one batch
        per article), sorted and indexed once at the end rather than once per
        batch: the same actors, found first where they were found first."""
        growth = _Growth(self)
        # A registry whose rebuild would merge actors (an alias naming another
        # actor, added by hand) changes at each rebuild: build it after each batch.
        rebuilt_each_time = len(merge_claimed(self.actors)) != len(self.actors)
        for n, batch in enumerate(batches):
            if rebuilt_each_time and n:
                growth = _Growth(Registry(tuple(growth.actors)))
            growth.add(batch)
        return Registry(tuple(growth.actors))

    def __len__(self) -> int:
        return len(self.actors)


class _Growth:
    """A registry taking found actors batch by batch without a rebuild in between.

    Within a batch it indexes as ``add_found`` always did. Between batches it
    stands for the registry a rebuild would give: forms a batch adds belong
    to no other actor, so the lookup by folded name is that registry's
    already; the lookup of people by ``name_key`` is brought up to date for
    the actors the batch touched, the first of them in the registry's order
    winning, as in ``Registry.__post_init__``.
    """

    def __init__(self, registry: Registry) -> None:
        self.actors = list(registry.actors)  # the registry's order, then actors as they were found
        self.index = dict(registry._index)
        self.people = dict(registry._people)

    def add(self, batch: Iterable[Actor]) -> None:
        actors, index, people = self.actors, self.index, self.people
        added: dict[str, int] = {}  # name_key → actor, as this batch claims people beyond ``people``
        touched: dict[int, None] = {}
        for found in batch:
            i = index.get(fold(found.name))
            if i is None and found.kind == "person":
                key = name_key(found.name)
                i = people.get(key, added.get(key))
            owner = len(actors) if i is None else i
            # An alias another actor already answers to stays theirs: "Apple" of
            # "Apple Computer" does not become an alias of "Apple Corps" too.
            if found.aliases:
                aliases = tuple(a for a in found.aliases if index.get(fold(a), owner) == owner)
                if aliases != found.aliases:
                    found = replace(found, aliases=aliases)
            if i is None:
                actors.append(found if found.auto else replace(found, auto=True))
                i = owner
            else:
                actors[i] = absorb(actors[i], found)
            touched[i] = None
            for form in (found.name, *found.aliases):
                index.setdefault(fold(form), i)
                if found.kind == "person" and name_key(form) not in people:
                    added.setdefault(name_key(form), i)
        self._rebuild_people(touched)

    def _rebuild_people(self, touched: Iterable[int]) -> None:
        """The people lookup of a rebuilt registry: each spelling is the first
        person's in the registry's order (ties keep their order)."""
        for i in touched:
            actor = self.actors[i]
            if actor.kind != "person":
                continue
            for form in (actor.name, *actor.aliases):
                key = name_key(form)
                held = self.people.get(key)
                if held is None or (_order(actor.name), i) < (_order(self.actors[held].name), held):
                    self.people[key] = i


def _order(name: str) -> str:
    """The key ``Registry`` sorts its actors by."""
    return fold(name) + "\0" + name


def absorb(actor: Actor, other: Actor) -> Actor:
    """``actor`` with ``other``'s names as aliases and its roles added."""
    known = {fold(actor.name)} | {fold(a) for a in actor.aliases}
    forms = list(actor.aliases)
    for form in (other.name, *other.aliases):
        if fold(form) not in known:
            known.add(fold(form))
            forms.append(form)
    aliases = tuple(sorted(forms, key=str.casefold)) if len(forms) > 1 else tuple(forms)
    roles = merge_roles(actor.roles + other.roles) if actor.roles or other.roles else ()
    country = actor.country or other.country
    wikidata = actor.wikidata or other.wikidata
    description = actor.description or other.description
    # Most actors an article finds are known already with all they bring: keep the one record.
    if (aliases, roles, country, wikidata, description) == \
            (actor.aliases, actor.roles, actor.country, actor.wikidata, actor.description):
        return actor
    return replace(actor, aliases=aliases, roles=roles, country=country, wikidata=wikidata, description=description)


def merge_roles(roles: Iterable[Role]) -> tuple[Role, ...]:
    """One role per title, with the earliest date it was seen. A bare title
    ("Chancellor") is the one full title it starts ("Chancellor of
    Germany") when the actor holds just one such: an article that left
    the country out saw the same office. When the actor holds several, the
    bare title says nothing they do not, and is left out: a title folded
    into one full title by an earlier build must not come back once a
    second full title is seen, or a rebuild with nothing new would change
    the registry."""
    roles = list(roles)
    full: dict[str, set[str]] = {}
    for role in roles:
        bare, of, _ = role.title.partition(" of ")
        if of:
            full.setdefault(bare, set()).add(role.title)
    first: dict[str, Role] = {}
    for role in roles:
        wider = full.get(role.title, set())
        if len(wider) > 1:
            continue
        if wider:
            role = Role(next(iter(wider)), role.seen)
        kept = first.get(role.title)
        if kept is None or (role.seen and (not kept.seen or role.seen < kept.seen)):
            first[role.title] = role
    return tuple(sorted(first.values(), key=lambda r: (r.seen or "", r.title)))


def merge_claimed(actors: Iterable[Actor]) -> list[Actor]:
    """Merge each actor whose name another actor lists as an alias into that one.

    This is how a maintainer merges two actors: add one's name to the
    other's aliases. A reviewed actor (``auto: false``) is never absorbed by
    an automatic one.
    """
    actors = list(actors)
    owner: dict[str, int] = {}
    for i, actor in enumerate(actors):
        for alias in actor.aliases:
            owner.setdefault(fold(alias), i)
    merged_into: dict[int, int] = {}
    for i, actor in enumerate(actors):
        j = owner.get(fold(actor.name))
        if j is None or j == i or (actors[j].auto and not actor.auto):
            continue
        while j in merged_into:
            j = merged_into[j]
        if j == i:
            continue
        actors[j] = absorb(actors[j], actor)
        merged_into[i] = j
    return [a for i, a in enumerate(actors) if i not in merged_into]


def actors_from_mentions(mentions: Iterable[Mention]) -> list[Actor]:
    """The actors an article's mentions name, with their surface forms as
    aliases and their roles dated, ready for ``Registry.add_found``."""
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        by_name.setdefault(m.name, []).append(m)
    actors = []
    for name, group in sorted(by_name.items()):
        kinds = {m.kind for m in group}
        kind = kinds.pop() if len(kinds) == 1 else max(sorted(kinds), key=[m.kind for m in group].count)
        # A capital standing for its country ("Moscow said") is no alias of
        # the country: the same word elsewhere is the city.
        aliases = sorted({a for a in (_alias(m.text, name) for m in group) if a is not None}, key=str.casefold)
        roles = [Role(m.role, m.seen or "") for m in group if m.role]
        country = next((m.country for m in group if m.country and m.country != name), None)
        actors.append(Actor(name=name, kind=kind, aliases=tuple(aliases), roles=merge_roles(roles) if roles else (),
                            country=country))
    return actors


@lru_cache(maxsize=1 << 16)  # the same names are written the same ways across articles
def _alias(text: str, name: str) -> str | None:
    """The surface form ``text`` as an alias of ``name``, or None when it is not one of its own."""
    form = _surface(text)
    return form if _own_form(form, name) else None  # never one that folds to ``name`` itself


def _surface(text: str) -> str:
    text = clean_surface(text)
    return text[4:] if text.lower().startswith("the ") else text


def _own_form(form: str, name: str) -> bool:
    """Whether ``form`` names only ``name``: not a capital standing for its
    country, nor a phrase every country uses ("Foreign Ministry"), which as
    an alias would claim every other country's ministry too."""
    from timeline.extract.actors.institutions import load_institutions

    entry = load_gazetteer().lookup(form)
    return fold(form) != fold(name) and (entry is None or entry.name == name) \
        and not load_institutions().is_generic(form)
