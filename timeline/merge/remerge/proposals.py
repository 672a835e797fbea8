"""Folding plans and proposing events again, for the clusters a change reached.

A plan's fold depends on its cluster's first happening and on the first
happenings of the clusters filed under the keys it looks in
(``events.plans``): it is decided again when its cluster changed, or when a
cluster starts or stops being first under one of those keys. A proposed
event depends on its cluster, the plans folded into it and the articles its
happenings come from; its importance also on its actors' prominence, which
moves only when an actor's count of events crosses a threshold. Everything
else is as the memory says.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

from timeline.merge.plans import PARTY_KINDS, fold_plans
from timeline.merge.importance import headline_flag, level, score
from timeline.merge import Key, _day_buckets, _propose, _published, blocking, compatible_dates, evolve
from timeline.records import Event, Happening
from timeline.merge.remerge.clusters import Positions, Reclustered, Stale
from timeline.merge.remerge.inputs import Inputs
from timeline.merge.remerge.state import MergeState, Proposal


def wants(h: Happening) -> list[Key]:
    """The keys a plan looks in for the happening that fulfils it."""
    parties = sorted({a.name for a in h.actors if a.kind in PARTY_KINDS})
    return [(day, name) for day in _day_buckets(h.date)[1] for name in parties]


def targets(clusters: list[list[Happening]], folded: list[list[Happening]]) -> dict[int, int]:
    """Which cluster ``fold_plans`` folded into which, read off its result: index → index."""
    if folded is clusters:
        return {}
    first = {id(group[0]): i for i, group in enumerate(clusters)}
    into: dict[int, int] = {}
    for group in folded:
        i = first[id(group[0])]
        k = len(clusters[i])
        while k < len(group):  # the members of each plan folded in, one plan after another
            j = first[id(group[k])]
            into[j] = i
            k += len(clusters[j])
    return into


def levels_of(actors: list[list[str]]) -> dict[str, int]:
    return {name: level(n) for name, n in Counter(name for names in actors for name in names).items()}


class Regrouped:
    """Today's clusters, folds and proposed events, worked out again where a change reached them."""

    def __init__(self, state: MergeState, where: Positions, again: Reclustered, inputs: Inputs,
                 at: Callable[[int], Happening]) -> None:
        self.at, self.inputs, self.offset = at, inputs, where.offset
        self.by_article = inputs.articles
        self.published = _published(inputs.articles)
        fwd, back, old = where.fwd, where.back, state.heads
        if where.kept_positions and not again.decided:
            self.heads = old
        else:
            heads: list[int | None] = list(old) if where.kept_positions else [
                None if o is None else fwd[old[o]] for o in back]
            for p, d in again.decided.items():
                heads[p] = d
            if None in heads:
                raise Stale("a happening kept a cluster that is gone")
            self.heads = heads  # type: ignore[assignment]
        touched: set[int] = set()
        moved_keys: set[Key] = set()  # keys under which a cluster starts or stops being first
        for p, d in again.decided.items():
            o = back[p]
            before = None if o is None else fwd[old[o]]
            if before != d:
                touched.add(d)
                if before is not None:
                    touched.add(before)
            if (o is not None and old[o] == o) != (d == p):
                files, _, names = blocking(at(p))
                moved_keys.update((b, n) for b in files for n in names)
        for o in where.removed:
            before = fwd[old[o]]
            if before is not None:
                touched.add(before)
            if old[o] == o:
                moved_keys.update(again.gone_keys.get(o, ()))
        for aid in where.changed:  # what its sources say of the article may read differently
            start = where.offset[aid]
            touched.update(self.heads[start:start + len(inputs.items(aid))])
        touched = {c for c in touched if self.heads[c] == c}
        self._members: dict[int, list[int]] = {}
        self._gathered = False
        self._gather(touched)
        self.plans, self.touched = self._fold(state, where, again, touched, moved_keys)
        self.into = {p: t for p, (t, _) in self.plans.items() if t >= 0}
        self.order = [p for p, c in enumerate(self.heads) if p == c and p not in self.into]
        proposal_set = set(self.order)
        # An event a plan is folded into, or was, changes with the plan's cluster and with the fold.
        old_into: dict[int, int | None] = {}
        for first, (target, _) in state.plans.items():
            if target < 0:
                continue
            p, t = fwd[first], fwd[target]
            if t is not None and (p is None or p in self.touched or self.into.get(p) != t):
                self.touched.add(t)
            if p is not None:
                old_into[p] = t
        for p, t in self.into.items():
            if p in self.touched or old_into.get(p, -1) != t:
                self.touched.add(t)
        self.touched &= proposal_set
        # What reconciling decided last time: for each proposed event still proposed
        # (``memo`` for those that did not change), and what the others had taken.
        self.previous: dict[int, Proposal] = {}
        self.released: set[str] = set()
        for first, proposal in state.proposals.items():
            p = fwd[first]
            if p is not None and p in proposal_set:
                self.previous[p] = proposal
            else:
                self.released.update(proposal.matches)
        self.memo = {p: m for p, m in self.previous.items() if p not in self.touched}
        self.touched |= proposal_set - self.memo.keys()
        self._gather(self.touched | {j for j, t in self.into.items() if t in self.touched})
        self.fresh: dict[int, Event] = {p: self._propose(p) for p in sorted(self.touched)}
        before = levels_of([m.actors for m in state.proposals.values()])
        self.levels = levels_of([m.actors for m in self.memo.values()] +
                                [[a.name for a in e.actors] for e in self.fresh.values()])
        moved = {name for name in before.keys() | self.levels.keys() if before.get(name, 0) != self.levels.get(name, 0)}
        if moved:  # their importance changes: proposed again when reconciling asks for them
            ranked = {p for p, m in self.memo.items() if moved.intersection(m.actors)}
            self.touched |= ranked
            for p in ranked:
                del self.memo[p]
        self.fresh = {p: self.rank(p, e) for p, e in self.fresh.items()}

    def _gather(self, clusters: set[int]) -> None:
        """Fill in the members of ``clusters``, in order: the first time with a pass over
        today's decisions for them alone, the next time for every cluster at once."""
        wanted = clusters - self._members.keys()
        if not wanted:
            return
        members: dict[int, list[int]] = self._members
        if self._gathered:
            members = {}
            for p, c in enumerate(self.heads):
                found = members.get(c)
                if found is None:
                    members[c] = [p]
                else:
                    found.append(p)
            self._members = members
            return
        self._gathered = True
        for c in wanted:
            members[c] = []
        for p, c in enumerate(self.heads):
            if c in wanted:
                members[c].append(p)

    def _fold(self, state: MergeState, where: Positions, again: Reclustered, touched: set[int],
              moved_keys: set[Key]) -> tuple[dict[int, tuple[int, list[Key]]], set[int]]:
        heads, at, fwd = self.heads, self.at, where.fwd
        plans: dict[int, tuple[int, list[Key]]] = {}
        redo: set[int] = set()
        touched = set(touched)
        for first, (target, keys) in state.plans.items():
            p = fwd[first]
            if p is None or heads[p] != p or p in touched:
                continue  # gone or changed: decided below, if it is still a plan
            t = -1 if target < 0 else fwd[target]
            if t is None or (t >= 0 and heads[t] != t) or moved_keys.intersection(keys):
                redo.add(p)
            plans[p] = (-1 if t is None else t, keys)
        for c in touched:
            if all(at(m).status == "scheduled" for m in self._members[c]):
                redo.add(c)
        if not redo:
            return plans, touched
        subset = set(redo)
        for p in redo:
            keys = wants(at(p))
            plans[p] = (-1, keys)
            for key in keys:
                subset.update(f for f in again.filers(key) if heads[f] == f and at(f).status == "occurred")
        order = sorted(subset)
        single = [[at(p)] for p in order]  # a fold reads a cluster's first happening, and a plan's status
        into = targets(single, fold_plans(single, _day_buckets, compatible_dates))
        for j, i in into.items():
            if order[j] in redo:
                plans[order[j]] = (order[i], plans[order[j]][1])
        touched |= redo
        return plans, touched

    def group(self, first: int) -> list[Happening]:
        """The happenings of the proposed event of the cluster at ``first``, plans folded in."""
        plans = sorted(j for j, t in self.into.items() if t == first)
        self._gather({first, *plans})
        at = self.at
        return [at(p) for c in (first, *plans) for p in self._members[c]]

    def _propose(self, first: int) -> Event:
        return _propose(self.group(first), self.by_article, self.published)

    def rank(self, first: int, proposal: Event) -> Event:
        group = self.group(first)
        headline = headline_flag(group, self.by_article)
        return evolve(proposal, importance=score(proposal, group, self.levels, headline))

    def proposal(self, first: int) -> Event:
        """The proposed event of the cluster at ``first``, importance included."""
        found = self.fresh.get(first)
        if found is None:
            found = self.fresh[first] = self.rank(first, self._propose(first))
        return found
