"""Reconciling again: the proposed events whose match with the store a change can reach.

``reconcile`` matches each proposal, in order, with the stored events that
quote one of its sentences (or, when none does, with those of its articles),
among the ones no earlier proposal took. What it decides for a proposal
depends on the proposal, on the stored events it looks at, and on which of
those earlier proposals took. It is decided again when

- the proposal is new or changed (``Regrouped.touched``),
- a stored event it looked at changed or is gone (its store file's bytes
  differ from the last merge's), or a changed or new stored event quotes
  one of its sentences or, when it looked through its articles, comes from one,
- a stored event it looked at is taken by another proposal than last time,
- or last time it did more than keep its stored event as it was (a new
  event, a change, events folded in): the store now holds that result.

Every other proposal keeps its stored event, the very record the store
gave: it is what reconciling would give it again.
"""

from __future__ import annotations

import heapq
from typing import Container

from timeline.merge import reconcile  # the module, not its names: it may be loading still (see ``merge``)
from timeline.merge import MergeResult
from timeline.records import Article, Event
from timeline.store.events import LoadedStore
from timeline.merge.remerge.clusters import Stale
from timeline.merge.remerge.inputs import DIGEST_CHARS, event_digest
from timeline.merge.remerge.proposals import Regrouped
from timeline.merge.remerge.state import Proposal, remember


class _TakenBefore(Container[str]):
    """The stored events taken by a proposal before the ``i``-th."""

    def __init__(self, claimer: dict[str, int], i: int) -> None:
        self.claimer, self.i = claimer, i

    def __contains__(self, eid: object) -> bool:
        return self.claimer.get(eid, self.i) < self.i  # type: ignore[call-overload]


def reconcile_again(store: LoadedStore, before: StoreFiles, now: StoreFiles, grouped: Regrouped,
                    articles: dict[str, Article]) -> tuple[MergeResult, dict[int, Proposal]]:
    """``reconcile`` of today's proposals with ``store``, and what to remember of each.
    ``before`` and ``now`` are the store files as the last merge and this one read them."""
    order = grouped.order
    rank = {first: i for i, first in enumerate(order)}
    memo = grouped.memo
    changed_ids, changed_events = _store_changes(store, before, now)
    redo: set[int] = {rank[p] for p in grouped.touched}
    redo.update(rank[p] for p, m in memo.items() if not m.kept)
    seen_by: dict[str, list[int]] = {}
    if changed_ids or redo or grouped.released:
        for p, m in memo.items():
            for eid in m.seen:
                seen_by.setdefault(eid, []).append(rank[p])
    for eid in changed_ids | grouped.released:
        redo.update(seen_by.get(eid, ()))
    if changed_events:
        redo.update(rank[p] for p in _quoting(changed_events, grouped, memo))
    claimer: dict[str, int] = {}
    for p, m in memo.items():
        for eid in m.matches:
            claimer[eid] = rank[p]
    queue = sorted(redo)
    index = None
    if queue:
        index = reconcile.StoreIndex(store, {s.article for i in queue for s in grouped.proposal(order[i]).sources})
    decided: dict[int, tuple[list[str], list[str], list[str]]] = {}
    while queue:
        i = heapq.heappop(queue)
        first = order[i]
        seen: list[str] = []
        scanned: list[str] = []
        ids = index.match(grouped.proposal(first), _TakenBefore(claimer, i), seen, scanned)  # type: ignore[union-attr]
        previous = grouped.previous.get(first)
        before = previous.matches if previous is not None else []
        decided[i] = (ids, seen, scanned)
        for eid in before:
            if claimer.get(eid) == i:
                del claimer[eid]
        for eid in ids:
            claimer[eid] = i
        if ids != before:
            for eid in set(ids).symmetric_difference(before):
                for j in seen_by.get(eid, ()):
                    if j > i and j not in decided and j not in redo:
                        redo.add(j)
                        heapq.heappush(queue, j)
    outcome = reconcile.Outcome(store)
    stored = index.stored if index is not None else {}
    kept_now: dict[int, Proposal] = {}
    by_id = None
    for i, first in enumerate(order):
        found = decided.get(i)
        if found is None:
            m = memo[first]
            if by_id is None:
                by_id = stored or {e.id: e for e in store}
            event = by_id.get(m.matches[0])
            if event is None:
                raise Stale(f"the stored event {m.matches[0]} is gone but was not decided again")
            outcome.events.append(event)
            kept_now[first] = m
            continue
        ids, seen, scanned = found
        p = grouped.proposal(first)
        event = outcome.settle(p, ids, stored)
        kept_now[first] = remember(p, ids, seen, len(ids) == 1 and event is stored[ids[0]], scanned)
    outcome.leave(store, claimer, articles)
    return outcome.result(), kept_now


StoreFiles = list[tuple[str, str, list[str], str]]  # per file: name, digest, event ids, event digests


def store_files(store: LoadedStore, before: StoreFiles) -> StoreFiles:
    """What to remember of each store file: a file read as last time is remembered as it was."""
    old = {f[0]: f for f in before}
    out = []
    start = 0
    for name, digest, count in store.files:
        was = old.get(name)
        if was is not None and was[1] == digest:
            out.append(was)
        else:
            events = store[start:start + count]
            out.append((name, digest, [e.id for e in events], "".join(map(event_digest, events))))
        start += count
    return out


def _store_changes(store: LoadedStore, before: StoreFiles, now: StoreFiles) -> tuple[set[str], list[Event]]:
    """Ids of stored events that differ from the last merge's, or are new or gone, and today's events among them."""
    if len({e.id for e in store}) != len(store):
        raise Stale("an id is used twice in the store")
    read_before = {(f[0], f[1]) for f in before}
    read_now = {(f[0], f[1]) for f in now}
    was: dict[str, str] = {}
    for f in before:
        if (f[0], f[1]) not in read_now:
            was.update(zip(f[2], _split(f[3])))
    changed_ids: set[str] = set()
    changed_events: list[Event] = []
    start = 0
    for (name, digest, count), f in zip(store.files, now):
        if (name, digest) in read_before:
            start += count
            continue
        for e, d in zip(store[start:start + count], _split(f[3])):
            if was.pop(e.id, None) != d:
                changed_ids.add(e.id)
                changed_events.append(e)
        start += count
    changed_ids.update(was)  # gone, or moved to a file read as last time: neither can be
    return changed_ids, changed_events


def _split(digests: str) -> list[str]:
    return [digests[i:i + DIGEST_CHARS] for i in range(0, len(digests), DIGEST_CHARS)]


def _quoting(events: list[Event], grouped: Regrouped, memo: dict[int, Proposal]) -> set[int]:
    """Proposals that quote a sentence one of ``events`` quotes, or looked through one of their articles."""
    inputs, heads, into = grouped.inputs, grouped.heads, grouped.into
    wanted: dict[str, set[str]] = {}
    for e in events:
        if e.locked or not e.sources:
            continue
        for s in e.sources:
            wanted.setdefault(s.article, set()).add(s.quote)
    out: set[int] = set()
    for aid, quotes in wanted.items():
        if aid not in inputs.groups:
            continue
        start = grouped.offset[aid]
        for j, h in enumerate(inputs.items(aid)):
            if h.sentence in quotes:
                c = heads[start + j]
                out.add(into.get(c, c))
    out.update(p for p, m in memo.items() if m.scanned and wanted.keys() & set(m.scanned))
    return out
