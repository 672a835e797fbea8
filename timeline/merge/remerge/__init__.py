"""Merging again: the last merge's decisions reused wherever no change reaches them.

A merge is greedy and depends on order (``timeline.merge``): a happening
joins the oldest matching cluster, a proposal takes the stored events no
earlier proposal took. So an article edited can change decisions beyond its
own happenings, and ``merge`` after an edit must give exactly what merging
everything again gives. The memory of the last merge (``state.py``) keeps
what each decision read; the steps are taken again in the same order, but
only for what a change reaches, each step saying what it changed for the
next:

1. which articles' happenings changed, and which stored events (by their
   store file's bytes, so a maintainer's edit is always seen): ``inputs.py``;
2. clustering: ``clusters.py``;
3. plans folded, events proposed, importance: ``proposals.py``;
4. reconciling with the store: ``matches.py``.

When there is no usable memory (none yet, other code, damaged), when a
quarter of the happenings changed, or when the memory turns out not to
describe the inputs, everything is merged and the memory written anew.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Mapping

from timeline.merge import reconcile  # the module, not its names: it may be loading still (see ``merge``)
from timeline.merge import ClusterTrace, MergeResult, MergeTrace, merge_all
from timeline.records import Article, Event, Happening
from timeline.store.events import LoadedStore
from timeline.store.nogc import paused_gc
from timeline.merge.remerge.clusters import Positions, recluster
from timeline.merge.remerge.inputs import Inputs, extraction_tokens
from timeline.merge.remerge.matches import reconcile_again, store_files
from timeline.merge.remerge.proposals import Regrouped, targets, wants
from timeline.merge.remerge.state import Memory, MergeState, remember

log = logging.getLogger("timeline")

__all__ = ["extraction_tokens", "merge_again"]


def merge_again(store: list[Event], happenings: list[Happening], articles: list[Article], cache: Path,
                tokens: Mapping[str, str] | None = None, *, resolution: str | None = None,
                clean: bool = False) -> MergeResult:
    """``merge_all``'s result, from the memory in ``cache`` where it applies (not
    at all when ``clean``); the memory is kept up to date. ``tokens`` and
    ``resolution`` are ``merge``'s."""
    happenings = list(happenings)
    memory = Memory(cache)
    if not isinstance(store, LoadedStore):  # no file digests: stored events cannot be told apart
        memory.forget()
        return merge_all(store, happenings, articles)
    with paused_gc():
        inputs = Inputs(happenings, articles, tokens)
        state = None if clean else memory.load()
        before = None
        if state is not None and resolution is not None and state.resolution == resolution:
            before = {aid: (a[0], a[3]) for aid, a in state.articles.items()}
        signatures = inputs.signatures(before)
        if state is not None:
            try:
                again = _again(state, store, inputs, signatures, resolution)
            except Exception as exc:  # noqa: BLE001 - a memory that does not fit is set aside, never fatal
                log.debug("merge: merging everything (%s: %s)", type(exc).__name__, exc)
                again = None
            if again is not None:
                result, state, changed = again
                if changed:
                    memory.save(state)
                return result
    result, state = _whole(store, happenings, articles, inputs, signatures, resolution)
    with paused_gc():
        memory.save(state)
    return result


def _again(state: MergeState, store: LoadedStore, inputs: Inputs, signatures: dict[str, tuple[str, str]],
           resolution: str | None) -> tuple[MergeResult, MergeState, bool] | None:
    where = Positions(state, inputs, signatures)
    if 4 * (len(where.added) + len(where.removed)) > max(where.size, len(state.heads)):
        return None  # deciding again would cost more than deciding everything
    at = where.reader(inputs)
    again = recluster(state, where, at)
    grouped = Regrouped(state, where, again, inputs, at)
    files = store_files(store, state.store)
    result, proposals = reconcile_again(store, state.store, files, grouped, inputs.articles)
    changed = bool(where.changed or where.removed or again.decided or files != state.store
                   or resolution != state.resolution
                   or len(grouped.fresh) or any(proposals[p] is not m for p, m in grouped.memo.items()))
    log.debug("merge: %d articles changed, %d happenings and %d events decided again",
              len(where.changed), len(again.decided), len(grouped.fresh))
    if not changed:
        return result, state, False
    filers = dict(state.filers) if where.kept_positions else {key: again.filers(key) for key in state.filers}
    for p in where.added:
        for key in again.added_keys[p]:
            filers[key] = again.filers(key)
    articles = {aid: state.articles[aid] if aid not in where.changed else _remembered(inputs, signatures, aid)
                for aid in inputs.ids}
    new = MergeState(articles=articles, resolution=resolution, heads=grouped.heads, filers=filers,
                     plans=grouped.plans, proposals=proposals, store=files)
    return result, new, True


def _whole(store: LoadedStore, happenings: list[Happening], articles: list[Article], inputs: Inputs,
           signatures: dict[str, tuple[str, str]], resolution: str | None) -> tuple[MergeResult, MergeState]:
    trace = MergeTrace(ClusterTrace(), reconcile.ReconcileTrace())
    result = merge_all(store, happenings, articles, trace)
    heads = trace.clusters.heads
    firsts = [p for p, h in enumerate(heads) if h == p]  # each cluster's first position, in order
    into = targets(trace.before_fold, trace.after_fold)
    plans = {firsts[i]: (firsts[into[i]] if i in into else -1, wants(group[0]))
             for i, group in enumerate(trace.before_fold) if all(h.status == "scheduled" for h in group)}
    proposed = [firsts[i] for i in range(len(trace.before_fold)) if i not in into]
    r = trace.reconcile
    proposals = {first: remember(e, r.matches[k], r.seen[k], r.kept[k], r.scanned[k])
                 for k, (first, e) in enumerate(zip(proposed, trace.proposals))}
    state = MergeState(
        articles={aid: _remembered(inputs, signatures, aid) for aid in inputs.ids}, resolution=resolution,
        heads=heads, filers=trace.clusters.filers, plans=plans, proposals=proposals, store=store_files(store, []))
    return result, state


def _remembered(inputs: Inputs, signatures: dict[str, tuple[str, str]], aid: str) -> tuple[str, int, str, str]:
    signature, key = signatures[aid]
    return signature, len(inputs.items(aid)), inputs.digests(aid), key
