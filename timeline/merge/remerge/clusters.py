"""Clustering again after some articles changed, deciding only what the change can reach.

``merge.cluster`` takes happenings in order and puts each into the oldest
cluster that matches it among those filed under its blocking keys (at most
``MAX_CANDIDATES`` per key), or starts a cluster. What it decides for a
happening depends on the happening and on the blocks of the keys it looks
in, as they stand when its turn comes. Each block is the list of the
clusters of the happenings filed under its key so far. So a happening whose
content is the same as in the last merge, and whose keys' blocks are the
same up to its turn, is decided as it was last time.

A block differs from its turn on when a happening filed under it is gone,
new, or decided otherwise than last time: a cluster's identity is its first
happening, so one that is no longer first, or is gone, is decided otherwise
for every member, and with each of them their blocks differ. The happenings
that look in a block from then on are decided again, in order, and each
that is decided otherwise makes its own blocks differ: the change spreads
exactly as far as decisions change, which for an edited article is seldom
beyond the clusters its happenings join. A happening looks in the blocks of
its day and a day either side, so those looking in a block are the ones
filed under the same name on those days.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from typing import Callable

from timeline.merge import MAX_CANDIDATES, Key, _Probe, _probe, blocking, first_same
from timeline.records import Happening
from timeline.merge.remerge.inputs import DIGEST_CHARS, Inputs
from timeline.merge.remerge.state import MergeState


class Stale(Exception):
    """The memory does not describe these inputs after all: merge everything."""


class Positions:
    """Where the happenings of the last merge stand among today's, and which are new or gone."""

    def __init__(self, state: MergeState, inputs: Inputs, signatures: dict[str, tuple[str, str]]) -> None:
        old_ids = sorted(state.articles)
        old_offset: dict[str, int] = {}
        total = 0
        for aid in old_ids:
            old_offset[aid] = total
            total += state.articles[aid][1]
        self.offset: dict[str, int] = {}
        self.changed: list[str] = []  # articles whose happenings are not all the last merge's
        size = 0
        for aid in inputs.ids:
            memo = state.articles.get(aid)
            self.offset[aid] = size
            if memo is not None and memo[0] == signatures[aid][0]:
                size += memo[1]
            else:
                self.changed.append(aid)
                size += len(inputs.items(aid))
        self.size = size
        self.fwd: list[int | None] = [None] * total  # last merge's position → today's (None: gone)
        self.back: list[int | None] = [None] * size  # today's → the last merge's (None: new)
        self.removed: dict[int, int] = {}  # last merge's position of a happening gone → from when it counts
        self.added: list[int] = []
        changed = set(self.changed)
        for aid in old_ids:
            start, n = old_offset[aid], state.articles[aid][1]
            if aid in inputs.groups and aid not in changed:
                new = self.offset[aid]
                self.fwd[start:start + n] = range(new, new + n)
                self.back[new:new + n] = range(start, start + n)
                continue
            since = self._since(aid, inputs.ids)
            if aid in inputs.groups:
                digests = inputs.digests(aid)
                at = {digests[i:i + DIGEST_CHARS]: i // DIGEST_CHARS for i in range(0, len(digests), DIGEST_CHARS)}
                old = state.articles[aid][2]
                for i in range(n):
                    j = at.get(old[i * DIGEST_CHARS:(i + 1) * DIGEST_CHARS])
                    if j is not None:
                        self.fwd[start + i] = since + j
                        self.back[since + j] = start + i
            for i in range(start, start + n):
                if self.fwd[i] is None:
                    self.removed[i] = since
        for aid in self.changed:
            start = self.offset[aid]
            self.added.extend(p for p in range(start, start + len(inputs.items(aid))) if self.back[p] is None)
        # Whether every happening kept its position: then what the memory says by position stands as it is.
        self.kept_positions = total == size and not self.removed and not self.added and all(
            self.fwd[i] == i for aid in self.changed
            for i in range(self.offset[aid], self.offset[aid] + len(inputs.items(aid))))

    def _since(self, aid: str, ids: list[str]) -> int:
        """Today's position of an article's first happening, or where it would stand."""
        found = self.offset.get(aid)
        if found is not None:
            return found
        i = bisect_left(ids, aid)
        return self.offset[ids[i]] if i < len(ids) else self.size

    def reader(self, inputs: Inputs) -> Callable[[int], Happening]:
        """The happening at a position of today's order."""
        ids = inputs.ids
        starts = [self.offset[aid] for aid in ids]

        def at(p: int) -> Happening:
            i = bisect_right(starts, p) - 1
            return inputs.items(ids[i])[p - starts[i]]

        return at

    def moved(self, old: int) -> int:
        new = self.fwd[old]
        if new is None:
            raise Stale(f"position {old} is gone but was not decided again")
        return new


class Reclustered:
    """Today's clustering: the decisions ``recluster`` took again, the others as in the memory."""

    def __init__(self, decided: dict[int, int], filers: Callable[[Key], list[int]],
                 gone_keys: dict[int, list[Key]], added_keys: dict[int, list[Key]]) -> None:
        self.decided = decided  # position → its cluster's first position, for those decided again
        self.filers = filers  # today's positions filed under a key
        self.gone_keys = gone_keys  # keys each happening gone was filed under
        self.added_keys = added_keys  # keys each new happening is filed under


def recluster(state: MergeState, where: Positions, at: Callable[[int], Happening]) -> Reclustered:
    """Today's decision (the position of the cluster's first happening) for every
    happening the changes reach; every other one is decided as in ``state``."""
    heads, fwd, back = state.heads, where.fwd, where.back
    decided: dict[int, int] = {}

    def decision(p: int) -> int:
        d = decided.get(p)
        if d is None:
            old = back[p]
            if old is None:
                raise Stale(f"position {p} is new but was not decided")
            d = where.moved(heads[old])
        return d

    added_filers: dict[Key, list[int]] = {}
    added_keys: dict[int, list[Key]] = {}
    for p in where.added:
        files, _, names = blocking(at(p))
        added_keys[p] = [(bucket, name) for bucket in files for name in names]
        for key in added_keys[p]:
            filed = added_filers.setdefault(key, [])
            if not filed or filed[-1] != p:
                filed.append(p)
    filers_now: dict[Key, list[int]] = {}

    def filers(key: Key) -> list[int]:
        found = filers_now.get(key)
        if found is None:
            kept = [fwd[o] for o in state.filers.get(key, ())]
            found = [p for p in kept if p is not None]
            extra = added_filers.get(key)
            if extra:
                found = sorted(found + extra)
            filers_now[key] = found
        return found

    def window(key: Key, t: int) -> list[int]:
        """The last ``MAX_CANDIDATES`` clusters of the block of ``key`` when the happening at ``t`` comes."""
        filed = filers(key)
        out: list[int] = []
        for i in range(bisect_left(filed, t) - 1, -1, -1):
            d = decision(filed[i])
            if not out or out[-1] != d:
                if len(out) == MAX_CANDIDATES:
                    break
                out.append(d)
        return out

    queue: list[int] = []
    queued: set[int] = set()

    def differs(key: Key, t: int) -> None:
        """The block of ``key`` differs from ``t`` on: those looking in it later are decided again."""
        bucket, name = key
        near = (bucket - 1, bucket, bucket + 1) if type(bucket) is int else (bucket,)
        for b in near:
            filed = filers((b, name))
            for p in filed[bisect_right(filed, t):]:
                if p not in queued:
                    queued.add(p)
                    heapq.heappush(queue, p)

    gone = where.removed
    gone_keys: dict[int, list[Key]] = {}
    if gone:
        for key, filed in state.filers.items():
            for o in filed:
                since = gone.get(o)
                if since is not None:
                    gone_keys.setdefault(o, []).append(key)
                    differs(key, since - 1)
    for p in where.added:
        if p not in queued:
            queued.add(p)
            heapq.heappush(queue, p)
    probes = _Probes(at)
    while queue:
        p = heapq.heappop(queue)
        h = at(p)
        files, looks, names = blocking(h)
        candidates: set[int] = set()
        for bucket in looks:
            for name in names:
                candidates.update(window((bucket, name), p))
        best = first_same(candidates, probes, probes[p])
        if best is None:
            best = p
        decided[p] = best
        old = back[p]
        if old is None or fwd[heads[old]] != best:
            for bucket in files:
                for name in names:
                    differs((bucket, name), p)
    return Reclustered(decided, filers, gone_keys, added_keys)


class _Probes(dict):  # type: ignore[type-arg]
    """What ``merge._same`` reads of the happening at a position, worked out when first asked."""

    def __init__(self, at: Callable[[int], Happening]) -> None:
        super().__init__()
        self.at = at

    def __missing__(self, p: int) -> _Probe:
        probe = self[p] = _probe(self.at(p))
        return probe
