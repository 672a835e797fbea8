"""Reconciling: the events a merge proposes, matched with the events already stored.

Steps 3 and 4 of ``timeline.merge``:

3. Proposals are matched with stored events by the sources they share (the
   same sentence of the same article), so an event keeps its id when new
   articles report it. A sentence that was cleaned differently since is
   found by its article, a compatible date and a similar title. When one
   proposal covers several stored events, the survivor keeps the others' ids
   as ``aliases``.
4. Curation wins: fields named in ``curated`` keep the store's value, ``locked``
   events are not touched, events with no sources (typed in by a maintainer)
   stay. A stored event no article supports any more is removed unless it is
   curated, hidden or locked; every removal is reported in ``notes``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Container

from rapidfuzz import fuzz

from timeline.merge.clusters import SIMILAR_TITLES, compatible_dates, date_order
from timeline.merge.proposals import evolve
from timeline.records import Article, Event, stable_hash
from timeline.store.rows import event_to_dict


@dataclass(frozen=True)
class MergeResult:
    events: tuple[Event, ...]
    new: int = 0
    changed: int = 0
    merged: int = 0
    removed: int = 0
    notes: tuple[str, ...] = ()
    review: frozenset[str] = frozenset()  # ids of events only articles off the collection's subject report

# Fields a maintainer's edit keeps: named in an event's ``curated``, the stored value wins.
CURATABLE = ("title", "summary", "date", "precision", "status", "type", "actors", "place", "importance", "sources")

def new_id(event: Event) -> str:
    """``2022-02-12-biden-and-putin-hold-call-3fa9c1``: date, title words, and a
    hash of the first source, so two builds give the same id."""
    words = re.findall(r"[a-z0-9]+", event.title.lower())[:7]
    first = event.sources[0] if event.sources else None
    digest = stable_hash(event.date, event.title, first.article if first else "", first.quote if first else "",
                         length=6)
    return "-".join([event.date.lower(), *words, digest])[:120].strip("-")


def _closest(proposal: Event, ids: list[str], stored: dict[str, Event]) -> str:
    """Of the stored events quoting the same sentence, the one this proposal
    continues: the same governing verb first, then the same date, then the most
    similar title (token_sort_ratio: a title that merely contains the other is no
    match, as "X launches plane" inside "X launches plane, X unveiled")."""
    if len(ids) == 1:
        return ids[0]
    return max(sorted(ids), key=lambda eid: (stored[eid].predicate == proposal.predicate,
                                             stored[eid].date == proposal.date,
                                             fuzz.token_sort_ratio(stored[eid].title, proposal.title,
                                                                   processor=str.lower)))


class StoreIndex:
    """The stored events a proposal can continue: by the sentence a source quotes,
    and by article for a sentence cleaned differently since."""

    def __init__(self, store: list[Event]) -> None:
        self.stored = {e.id: e for e in store}
        self.by_key: dict[tuple[str, str], list[str]] = {}
        self.by_article: dict[str, set[str]] = {}
        for e in store:
            if e.locked or not e.sources:
                continue
            for s in e.sources:
                same_sentence = self.by_key.setdefault((s.article, s.quote), [])
                same_sentence.append(e.id)  # one sentence may report several happenings
                _file(self.by_article, s.article, e.id)

    def match(self, p: Event, claimed: Container[str]) -> list[str]:
        """The stored events ``p`` continues that no earlier proposal took (``claimed``),
        the one it continues most first."""
        stored = self.stored
        votes: dict[str, int] = {}
        for s in p.sources:
            same_sentence = self.by_key.get((s.article, s.quote))
            if same_sentence:
                # an event already continued by an earlier proposal is taken last
                eid = _closest(p, [x for x in same_sentence if x not in claimed] or same_sentence, stored)
                votes[eid] = votes.get(eid, 0) + 1
        if not votes:  # the sentence was re-cleaned: same article, same date, similar title
            for s in p.sources:
                for eid in sorted(self.by_article.get(s.article, ())):
                    e = stored[eid]
                    if compatible_dates(e.date, p.date) and fuzz.token_set_ratio(
                            e.title, p.title, processor=str.lower) >= SIMILAR_TITLES:
                        votes[eid] = votes.get(eid, 0) + 1
        # On a tie the stored event whose status the proposal keeps survives: when a plan
        # and its taking place become one, the id of the happening wins and the plan's is an alias.
        ranked = [eid for eid, _ in sorted(votes.items(), key=lambda kv: (-kv[1], stored[kv[0]].status != p.status,
                                                                          kv[0]))]
        return [eid for eid in ranked if eid not in claimed]


def _file(by_article: dict[str, set[str]], article: str, eid: str) -> None:
    ids = by_article.get(article)
    if ids is None:  # not setdefault: that would build a set per source
        by_article[article] = {eid}
    else:
        ids.add(eid)


class Outcome:
    """Events as reconciling settles them, with the counts and notes of the build summary."""

    def __init__(self, store: list[Event]) -> None:
        self.events: list[Event] = []
        self.notes: list[str] = []
        self.new = self.changed = self.merged = self.removed = 0
        self.taken: set[str] = {e.id for e in store}

    def settle(self, p: Event, ids: list[str], stored: dict[str, Event]) -> Event:
        """The event ``p`` becomes: a new one, or the first of ``ids`` with the others folded in."""
        if not ids:
            eid = new_id(p)
            while eid in self.taken:
                eid = f"{eid[:113]}-{stable_hash(eid, length=6)}"
            self.taken.add(eid)
            self.new += 1
            return self._add(evolve(p, id=eid))
        keeper = stored[ids[0]]
        folded = [stored[x] for x in ids[1:]]
        self.merged += len(folded)
        for f in folded:
            self.notes.append(f"merged {f.id} into {keeper.id} (same happening)")
        event = _curate(evolve(p, id=keeper.id), keeper, folded)
        # Equal records give equal files; only a difference needs the written form to judge.
        if event == keeper:
            event = keeper  # the stored record itself: later equality tests stop at identity
        elif event_to_dict(event) != event_to_dict(keeper):
            self.changed += 1
        return self._add(event)

    def _add(self, event: Event) -> Event:
        self.events.append(event)
        return event

    def leave(self, store: list[Event], claimed: Container[str], articles: Container[str]) -> None:
        """The stored events no proposal continues: kept or removed, as the module's docstring says."""
        for e in store:
            if e.id in claimed:
                continue
            if e.locked or not e.sources:
                self.events.append(e)
                continue
            kept = tuple(s for s in e.sources if s.article in articles)
            gone = [s.article for s in e.sources if s.article not in articles]
            why = f"its articles were removed ({', '.join(sorted(set(gone)))})" if gone and not kept \
                else "no article reports it any more"
            if e.curated or e.hidden:
                self.events.append(replace(e, sources=kept))
                self.notes.append(f"kept {e.id}: {why}, but a maintainer curated it")
                continue
            self.removed += 1
            self.notes.append(f"removed {e.id} ({e.title}): {why}")

    def result(self) -> MergeResult:
        self.events.sort(key=lambda e: (date_order(e.date), e.id))
        return MergeResult(events=tuple(self.events), new=self.new, changed=self.changed, merged=self.merged,
                           removed=self.removed, notes=tuple(self.notes))


def reconcile(store: list[Event], proposals: list[Event], articles: dict[str, Article]) -> MergeResult:
    """The new store: each proposal takes the id of the stored events it continues
    (or a new one), curation applied; stored events no proposal continues stay
    or go as the module's docstring says."""
    index = StoreIndex(store)
    claimed: dict[str, int] = {}
    matches: list[list[str]] = []
    for i, p in enumerate(proposals):
        matches.append(index.match(p, claimed))
        for eid in matches[-1]:
            claimed[eid] = i
    outcome = Outcome(store)
    for p, ids in zip(proposals, matches):
        outcome.settle(p, ids, index.stored)
    outcome.leave(store, claimed, articles)
    return outcome.result()


def _curate(proposal: Event, stored: Event, folded: list[Event]) -> Event:
    """The proposal with everything the maintainer decided about ``stored``."""
    if stored.locked:
        return stored
    aliases = set(stored.aliases)
    curated = set(stored.curated)
    for f in folded:
        aliases |= {f.id, *f.aliases}
        curated |= set(f.curated)
    event = evolve(proposal, aliases=tuple(sorted(aliases - {stored.id})), curated=tuple(sorted(curated)),
                    hidden=stored.hidden or any(f.hidden for f in folded))
    kept = {name: getattr(stored, name) for name in CURATABLE if name in stored.curated}
    if "date" in kept and "precision" not in kept:
        kept["precision"] = stored.precision
    return evolve(event, **kept)
