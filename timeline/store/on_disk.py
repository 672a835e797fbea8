"""The store as the source of truth: read whole before anything is built, or not built on.

A store file or a registry that cannot be read holds what the maintainer
decided (an event hidden, a title curated, an actor hidden or renamed); a build
without it would publish what they took back. So a broken file stops the build
before anything is written, the previous store and site left as they are,
unless the maintainer asks for the file's last good version from the cache
(``--last-good``): the build then uses that copy for the site, says so, and
writes no store file until the broken one is fixed (an event a hand edit moved
into that file's month would have nowhere to go).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from timeline.cache.last_good import LastGood
from timeline.errors import StoreError
from timeline.extract.actors.registry import Registry
from timeline.records import Event, Problem
from timeline.store.events import events_from_text, load_events
from timeline.store.fingerprint import noticing_edits
from timeline.store.registry import load_registry, registry_from_text

HINT = ("the build stopped before writing the store or the site, which stay as they were: fix the file, "
        "or build with --last-good to use its last good version from the cache")


class BrokenStoreError(StoreError):
    """A store file or the registry cannot be read, and no build may go on without it."""

    def __init__(self, problems: list[Problem], hint: str = HINT) -> None:
        self.problems = problems
        super().__init__("\n".join(["the store cannot be read:", *(f"  {p}" for p in problems), hint]))


@dataclass
class StoreOnDisk:
    """What a build starts from: the events and registry, whatever was wrong with them, and the
    files that could not be read (kept as they are for the maintainer to fix)."""

    events: list[Event]
    registry: Registry
    problems: list[Problem] = field(default_factory=list)
    broken: set[str] = field(default_factory=set)  # names of the store files that could not be read
    registry_broken: bool = False
    edited: int = 0  # events with a hand edit noticed in this read (their fields now curated)

    @property
    def whole(self) -> bool:
        """Whether every file read. A build with a broken one's last good copy writes no store
        file: an event moved by a hand edit into the broken file's month would have nowhere to go."""
        return not self.broken and not self.registry_broken


def open_store(events_folder: Path, registry_path: Path, kept: LastGood, *, last_good: bool = False) -> StoreOnDisk:
    """The store and the registry; raises ``BrokenStoreError`` when one cannot be read,
    unless ``last_good``: then each broken file's last good version stands in for it."""
    registry, registry_problems = load_registry(registry_path)
    with noticing_edits() as edited:
        events, store_problems = load_events(events_folder)
    errors = [p for p in registry_problems + store_problems if p.severity == "error"]
    if not errors:
        return StoreOnDisk(events, registry, registry_problems + store_problems, edited=len(set(edited)))
    if not last_good:
        raise BrokenStoreError(errors)
    found = StoreOnDisk(events, registry, list(registry_problems + store_problems), edited=len(set(edited)))
    missing: list[Problem] = []
    if any(p.severity == "error" for p in registry_problems):
        found.registry_broken = True
        text = kept.recall(registry_path)
        if text is None:
            missing.append(_no_copy(registry_path))
        else:
            found.registry, _ = registry_from_text(registry_path, text)
            found.problems.append(_standing_in(registry_path, kept))
    broken_files = sorted({Path(p.path) for p in store_problems if p.severity == "error"})
    for path in broken_files:
        found.broken.add(path.name)
        text = kept.recall(path)
        if text is None:
            missing.append(_no_copy(path))
            continue
        try:
            found.events.extend(events_from_text(path, text))
        except StoreError:
            missing.append(_no_copy(path))
            continue
        found.problems.append(_standing_in(path, kept))
    if missing:
        raise BrokenStoreError(errors + missing, "the build stopped before writing the store or the site, "
                                                 "which stay as they were: fix the file")
    return found


def remember_store(events_folder: Path, registry_path: Path, kept: LastGood) -> None:
    """After a whole store is written: keep a copy of each of its files, all of which a build can read."""
    files = sorted(events_folder.glob("*.yaml"))
    if registry_path.is_file():
        files.append(registry_path)
    kept.keep(files)


def _standing_in(path: Path, kept: LastGood) -> Problem:
    return Problem(str(path), f"built with its last good version from the cache ({kept.where(path)}); "
                   "the file and the rest of the store were left as they are", severity="warning")


def _no_copy(path: Path) -> Problem:
    return Problem(str(path), "the cache holds no good version of this file to build with")
