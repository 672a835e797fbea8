"""The evidence the variant merge weighs, and the groups it joins.

``Evidence`` says which articles name each actor of the registry and what else
they name; ``Groups`` holds the actors joined as one (union-find) and makes the
registry of them: the reviewed actor, else a full name, else the spelling named
in the most articles, gives the name, the others its aliases.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Sequence

from timeline.extract.actors.registry import Registry, absorb
from timeline.extract.actors.spelling import words
from timeline.records import Actor, Extraction

# Two spellings named together in more than this share of the articles of the
# rarer one are two people ("Stephen Smith and Steven Smith").
TOGETHER = 0.2
# Kinds whose neighbours confirm that two spellings keep the same company; places and
# countries are named beside everyone.
NEIGHBOUR_KINDS = frozenset({"person", "organisation", "group"})


@dataclass
class Evidence:
    """Which articles name each actor of the registry, by its index there."""

    registry: Registry
    articles: dict[int, set[int]] = field(default_factory=dict)
    named: dict[int, list[int]] = field(default_factory=dict)  # article → actors named in it
    # actor → how many articles name it as a person, as an organisation, …
    kinds: dict[int, Counter[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, registry: Registry, extractions: Sequence[Extraction]) -> "Evidence":
        evidence = cls(registry)
        position = {id(a): i for i, a in enumerate(registry.actors)}
        known: dict[str, int | None] = {}
        for n, extraction in enumerate(extractions):
            here: set[int] = set()
            kinds: set[tuple[int, str]] = set()
            for mention in extraction.mentions:
                if mention.name not in known:
                    actor = registry.lookup(mention.name)
                    known[mention.name] = position.get(id(actor)) if actor is not None else None
                i = known[mention.name]
                if i is not None:
                    here.add(i)
                    kinds.add((i, mention.kind))
            evidence.named[n] = sorted(here)
            for i, kind in kinds:
                evidence.kinds.setdefault(i, Counter())[kind] += 1
            for i in here:
                evidence.articles.setdefault(i, set()).add(n)
        return evidence

    def count(self, i: int) -> int:
        return len(self.articles.get(i, ()))

    def neighbours(self, i: int) -> set[int]:
        actors = self.registry.actors
        return {j for n in self.articles.get(i, ()) for j in self.named[n]
                if j != i and actors[j].kind in NEIGHBOUR_KINDS}

    def together(self, i: int, j: int) -> bool:
        a, b = self.articles.get(i, set()), self.articles.get(j, set())
        return len(a & b) > TOGETHER * max(1, min(len(a), len(b)))


class Groups:
    """Actors joined as one (union-find), and the registry that makes of them."""

    def __init__(self, actors: Sequence[Actor], evidence: Evidence) -> None:
        self.actors = actors
        self.evidence = evidence
        self.parent: dict[int, int] = {}
        self.members: dict[int, list[int]] = {}  # root → its actors, when more than itself

    def find(self, i: int) -> int:
        while self.parent.get(i, i) != i:
            i = self.parent[i]
        return i

    def count(self, root: int) -> int:
        """The articles naming any actor of the group."""
        members = self.members.get(root)
        if members is None:
            return self.evidence.count(root)
        return len(set().union(*(self.evidence.articles.get(i, set()) for i in members)))

    def join(self, i: int, j: int) -> None:
        a, b = sorted((self.find(i), self.find(j)))
        if a == b:
            return
        first, second = self.members.get(a, [a]), self.members.get(b, [b])
        if any(not self.actors[k].auto for k in first) and any(not self.actors[k].auto for k in second):
            return  # two reviewed actors stay two
        self.parent[b] = a
        self.members[a] = first + second
        self.members.pop(b, None)

    def registry(self) -> Registry:
        if not self.parent:
            return Registry(tuple(self.actors))
        out = []
        for i, actor in enumerate(self.actors):
            if i in self.parent:
                continue  # absorbed by its group's name
            members = self.members.get(i)
            if members:
                # The reviewed actor, else a full name before a single one, the
                # spelling named in the most articles, the first.
                head = min(members, key=lambda k: (self.actors[k].auto, len(words(self.actors[k].name)) == 1,
                                                   -self.evidence.count(k), k))
                actor = self.actors[head]
                for k in sorted(members):
                    if k != head:
                        actor = absorb(actor, self.actors[k])
            out.append(actor)
        return Registry(tuple(out))
