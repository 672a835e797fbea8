"""Resolve: the actors of every article under the registry's one name per actor.

Extraction names actors with the gazetteer alone (so that it depends on the
article only and can be cached); here the registry, which maintainers edit,
has the last word: an alias merges two actors, a rename renames, a hidden
actor drops out of events.

Articles grow the registry one after the other, so an article's result can
depend on every article before it. A rebuild still need not resolve them
all again: given the last build's resolution (``resolve_cache``), an article
whose actors changed nothing in that registry changes nothing now unless an
answer it read differs (``resolve_reads``), and its happenings keep their
actors unless an answer their lookup read differs. Only the other articles
are resolved, in their place in the order, which gives exactly what
resolving every article gives.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable, Sequence

from timeline.extract.actors.registry import Registry, _Growth, actors_from_mentions, merge_claimed
from timeline.records import Actor, ActorRef, Extraction, Happening
from timeline.resolve.cache import Renamed, ResolveCache, Resolved, Saved, SavedReads, article_key, mentions_key, registry_hash
from timeline.resolve.reads import GrowthWatch, RegistryView, batch_reads, differences, lookup_reads
from timeline.store.nogc import paused_gc


def resolve_actors(registry: Registry, extractions: Iterable[Extraction], *, cache: Path | None = None,
                   environment: str | None = None, clean: bool = False) -> tuple[Registry, list[Happening]]:
    """The registry grown by the actors first seen in ``extractions``, and every
    happening with its actors under their registry names.

    ``cache``: the build's cache folder, and ``environment`` the extraction
    cache's environment key (what besides the article decides its
    extraction); with both, the last build's resolution is reused where no
    change reaches it; ``clean`` resolves every article and saves the resolution anew.
    """
    extractions = list(extractions)
    with paused_gc():  # tens of thousands of short-lived records, no cycles
        if cache is None or environment is None:
            registry = registry.add_found_each(actors_from_mentions(e.mentions) for e in extractions)
            lookup = _Lookup(registry)
            return registry, [h for e in extractions for h in _with_actors(e.happenings, _renamed(lookup, e))]
        return _Rebuild(registry, extractions, ResolveCache(cache, environment)).run(clean=clean)


def ready_lookups() -> None:
    """Build the gazetteer's tables now, which resolving an article with new
    mentions reads: the build calls this while such articles are parsed in
    another process, when this one would otherwise wait."""
    from timeline.extract.actors.gazetteer import load_gazetteer
    from timeline.extract.actors.institutions import load_institutions

    load_gazetteer()
    load_institutions()


class _Rebuild:
    """One resolution that reuses the saved one."""

    def __init__(self, registry: Registry, extractions: list[Extraction], cache: ResolveCache) -> None:
        self.registry, self.extractions, self.cache = registry, extractions, cache
        self.keys = [article_key(e) for e in extractions]
        self.found: dict[int, list[Actor]] = {}  # actors of the articles resolved again, by position
        self._mentions: dict[int, str] = {}  # ``mentions_key`` of articles, by position
        self._reads: SavedReads | None = None
        self._view: RegistryView | None = None

    def run(self, *, clean: bool = False) -> tuple[Registry, list[Happening]]:
        digest = registry_hash(self.registry)
        saved = None if clean else self.cache.saved(digest)
        before: RegistryView | None = None  # the registry the saved entries were made against, when not this one
        changed: set[str] | None = set()
        if saved is not None and saved.registry != digest:
            before = self.cache.view(saved.registry)
            changed = None if before is None else differences(before, self.view)
        if saved is None or changed is None or not _merge_stable(self.registry, saved, digest):
            saved, reach = NOTHING_SAVED, set()  # every article is resolved
            out = self.registry.add_found_each(self._actors(n) for n in range(len(self.extractions)))
            out_digest = registry_hash(out)
        else:
            out = self._grow(saved, changed)
            out_digest = digest if out is self.registry else registry_hash(out)
            reach = set() if out_digest == saved.registry else \
                differences(before if before is not None else self.view, RegistryView.of_registry(out))
        happenings, fresh = self._happenings(out, saved, reach)
        self._keep(out, out_digest, saved, reach, fresh)
        return out, happenings

    @property
    def view(self) -> RegistryView:
        if self._view is None:
            self._view = RegistryView.of_registry(self.registry)
        return self._view

    def reads(self, saved: Saved) -> SavedReads:
        if self._reads is None:
            self._reads = self.cache.reads(saved.registry)
        return self._reads

    def mentions(self, n: int) -> str:
        if n not in self._mentions:
            self._mentions[n] = mentions_key(self.extractions[n])
        return self._mentions[n]

    def _actors(self, n: int) -> list[Actor]:
        if n not in self.found:
            self.found[n] = actors_from_mentions(self.extractions[n].mentions)
        return self.found[n]

    def _grow(self, saved: Saved, changed: set[str]) -> Registry:
        """The registry grown as ``add_found_each`` grows it, by the articles that
        may change it: the others would leave it as it is."""
        growth = None
        grew = False
        for n, key in enumerate(self.keys):
            entry = saved.entries.get(key)
            if entry is None and key:
                key = saved.twins.get(self.mentions(n), "")
                entry = saved.entries.get(key)
            if entry is not None and entry.unchanging and (not changed or self.reads(saved).untouched(key, changed)[0]):
                continue
            if growth is None:
                growth = _Growth(self.registry)
            watch = GrowthWatch(growth)
            growth.add(self._actors(n))
            if watch.changed():
                grew = True
                changed |= watch.changes()
        return Registry(tuple(growth.actors)) if growth is not None and grew else self.registry

    def _happenings(self, out: Registry, saved: Saved, reach: set[str]) -> tuple[list[Happening], dict[str, Renamed]]:
        """Every happening under ``out``'s names, and the renamings worked out again, by article key."""
        lookup = _Lookup(out)
        happenings: list[Happening] = []
        fresh: dict[str, Renamed] = {}
        for extraction, key in zip(self.extractions, self.keys):
            entry = saved.entries.get(key)
            if entry is not None and _fits(entry.renamed, extraction.happenings) and \
                    (not reach or self.reads(saved).untouched(key, reach)[1]):
                renamed = entry.renamed
            else:
                renamed = _renamed(lookup, extraction)
                if key:
                    fresh[key] = renamed
            happenings.extend(_with_actors(extraction.happenings, renamed))
        return happenings, fresh

    def _keep(self, out: Registry, digest: str, saved: Saved, reach: set[str], fresh: dict[str, Renamed]) -> None:
        """Save what the next build needs: every article's entry against ``out``."""
        position = {key: n for n, key in enumerate(self.keys) if key}
        if digest == saved.registry:
            new = [key for key in position if key not in saved.entries]
            if saved.lines + len(new) <= 2 * len(position) + 64:
                self.cache.append(digest, {key: self._entry(out, position[key], fresh[key],
                                                            adding=self._twin(saved, position[key], reach))
                                           for key in new})
                return
        entries: dict[str, Resolved] = {}
        lines: dict[str, str] = {}  # reads lines still true of ``out``
        for key, n in position.items():
            old = saved.entries.get(key)
            if old is None:
                entries[key] = self._entry(out, n, fresh[key], adding=self._twin(saved, n, reach))
                continue
            reads = self.reads(saved)
            adding, lookups = reads.untouched(key, reach)
            adding, lookups = adding and old.unchanging, lookups and key not in fresh
            if adding and lookups:
                entries[key], lines[key] = old, reads.lines[key]
                continue
            parts = reads.parts(key) if adding or lookups else None
            entries[key] = self._entry(out, n, fresh.get(key, old.renamed),
                                       adding=parts[0] if parts and adding else None,
                                       lookups=parts[1] if parts and lookups else None)
        self.cache.write(digest, RegistryView.of_registry(out), _merge_stable(out), entries, lines)

    def _entry(self, out: Registry, n: int, renamed: Renamed, *, adding: list[str] | None = None,
               lookups: list[str] | None = None) -> Resolved:
        """The entry of the ``n``-th article against ``out``, given what is known of it:
        what adding its actors reads (they change nothing) and what its lookups read."""
        if adding is None:
            adding = _unchanged_by(out, self._actors(n))
        if lookups is None:
            lookups = lookup_reads({ref.name for h in self.extractions[n].happenings for ref in h.actors}, out)
        return Resolved(self.mentions(n), adding is not None, renamed, None if adding is None else tuple(adding),
                        tuple(lookups))

    def _twin(self, saved: Saved, n: int, reach: set[str]) -> list[str] | None:
        """What adding the actors of the ``n``-th article reads, known from an article
        with the same mentions whose actors change nothing, when ``reach`` leaves it true."""
        twin = saved.twins.get(self.mentions(n))
        if twin is None or not self.reads(saved).untouched(twin, reach)[0]:
            return None
        parts = self.reads(saved).parts(twin)
        return None if parts is None else parts[0]


NOTHING_SAVED = Saved("", False, {}, 0)


def _merge_stable(registry: Registry, saved: Saved | None = None, digest: str = "") -> bool:
    """Whether rebuilding ``registry`` merges none of its actors: ``add_found_each``
    then grows it without a rebuild after each article, so positions hold."""
    if saved is not None and saved.registry == digest:
        return saved.merge_stable
    return len(merge_claimed(registry.actors)) == len(registry.actors)


def _unchanged_by(registry: Registry, found: list[Actor]) -> list[str] | None:
    """What adding ``found`` to ``registry`` reads, when it changes nothing there; else None."""
    growth = _Growth(registry)
    watch = GrowthWatch(growth)
    growth.add(found)
    if watch.changed():
        return None
    return batch_reads(found, registry.actors, registry._index, registry._people)


def _fits(renamed: Renamed, happenings: Sequence[Happening]) -> bool:
    return all(i < len(happenings) for i, _ in renamed)


def _with_actors(happenings: Sequence[Happening], renamed: Renamed) -> Sequence[Happening]:
    if not renamed:
        return happenings
    out = list(happenings)
    for i, actors in renamed:
        out[i] = replace(out[i], actors=actors)
    return out


class _Lookup(dict):  # type: ignore[type-arg]
    """``registry.lookup`` of each name, asked once: names recur across thousands of happenings."""

    def __init__(self, registry: Registry) -> None:
        super().__init__()
        self.registry = registry

    def __missing__(self, name: str) -> Actor | None:
        actor = self[name] = self.registry.lookup(name)
        return actor


def _renamed(lookup: _Lookup, extraction: Extraction) -> Renamed:
    """The happenings of ``extraction`` whose actors the registry names otherwise, with those actors."""
    renamed = []
    for i, h in enumerate(extraction.happenings):
        actors = _canonical_actors(lookup, h.actors)
        if actors != h.actors:
            renamed.append((i, actors))
    return tuple(renamed)


def _canonical_actors(lookup: _Lookup, actors: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    out: dict[str, ActorRef] = {}
    for ref in actors:
        actor = lookup[ref.name]
        if actor is None:
            out.setdefault(ref.name, ref)
        elif not actor.hidden:
            out.setdefault(actor.name, ActorRef(name=actor.name, kind=actor.kind or ref.kind))
    return tuple(out.values())
