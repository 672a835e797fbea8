"""The change log: what each build did to the store, kept in ``content/changes.yaml``.

The log lives beside the store, so a maintainer commits it with the events and
a fresh checkout or a build that ignores the cache (``--clean``) still has it.
Each build that changes the store appends one entry: the events it added, the
fields it changed (old → new), the events it merged into others, the events no
source supports any more (retracted) and those a maintainer hid. A build that
changes nothing appends nothing, so a rebuild leaves the file as it was. The
first build of an empty store records only how many events it created.

The file is a YAML list, oldest entry first::

    - built: 2022-03-01
      added: [{id: ..., date: 2022-02-28, title: ...}]
      changed: [{id: ..., title: ..., fields: {date: [2022-02-27, 2022-02-28]}}]
      merged: [{id: ..., title: ..., into: ...}]
      retracted: [{id: ..., date: ..., title: ...}]
      hidden: [{id: ..., date: ..., title: ...}]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import yaml

from timeline.errors import StoreError
from timeline.records import Event, Problem
from timeline.store.yamlio import atomic_write_text, load_yaml

# The fields whose change a reader is told of, in the order they are listed. Importance,
# sources and summaries change with every report that comes in: they are news, not corrections.
TRACKED = ("date", "precision", "status", "title", "type", "place", "actors")
KINDS = ("added", "changed", "merged", "retracted", "hidden")


@dataclass(frozen=True)
class Noted:
    """An event as an entry names it: its id, and its date and title then."""

    id: str
    date: str = ""
    title: str = ""
    into: str | None = None  # merged: the event that holds it now
    fields: tuple[tuple[str, str, str], ...] = ()  # changed: (field, old, new)


@dataclass(frozen=True)
class BuildChanges:
    """One build's entry of the log."""

    built: str  # ISO date of the build
    created: int = 0  # the first build: how many events it started the store with
    added: tuple[Noted, ...] = ()
    changed: tuple[Noted, ...] = ()
    merged: tuple[Noted, ...] = ()
    retracted: tuple[Noted, ...] = ()
    hidden: tuple[Noted, ...] = ()
    line: int = 0  # where the entry starts in the file, for messages

    @property
    def empty(self) -> bool:
        return not (self.created or any(getattr(self, kind) for kind in KINDS))


@dataclass
class ChangeLog:
    """The whole log, oldest entry first, and whether it could be read (a broken file is never rewritten)."""

    entries: list[BuildChanges] = field(default_factory=list)
    readable: bool = True


def _shown(event: Event, name: str) -> str:
    if name == "actors":  # who, not in which order: a reordering is no correction
        return ", ".join(sorted({ref.name for ref in event.actors}))
    value = getattr(event, name)
    return "" if value is None else str(value)


def diff_store(old: Sequence[Event], new: Sequence[Event], built: str) -> BuildChanges:
    """What turned the store ``old`` into ``new``, as the entry of a build made on ``built``."""
    before = {e.id: e for e in old}
    after = {e.id: e for e in new}
    if not before:
        return BuildChanges(built, created=sum(1 for e in new if not e.hidden))
    holder = {alias: e.id for e in new for alias in e.aliases}
    added, changed, merged, retracted, hidden = [], [], [], [], []
    for event in new:
        was = before.get(event.id)
        if was is None:
            if not event.hidden:
                added.append(Noted(event.id, event.date, event.title))
            continue
        if event.hidden and not was.hidden:
            hidden.append(Noted(event.id, event.date, event.title))
            continue
        fields = tuple((name, _shown(was, name), _shown(event, name)) for name in TRACKED
                       if _shown(was, name) != _shown(event, name))
        if fields and not event.hidden:
            changed.append(Noted(event.id, event.date, event.title, fields=fields))
    for event in old:
        if event.id in after or event.hidden:
            continue
        into = holder.get(event.id)
        if into is not None:
            merged.append(Noted(event.id, event.date, event.title, into=into))
        else:
            retracted.append(Noted(event.id, event.date, event.title))
    return BuildChanges(built, added=tuple(added), changed=tuple(changed), merged=tuple(merged),
                        retracted=tuple(retracted), hidden=tuple(hidden))


def _noted_to_dict(noted: Noted) -> dict[str, Any]:
    out: dict[str, Any] = {"id": noted.id, "date": noted.date, "title": noted.title}
    if noted.into:
        out["into"] = noted.into
    if noted.fields:
        out["fields"] = {name: [old, new] for name, old, new in noted.fields}
    return out


def _entry_to_dict(entry: BuildChanges) -> dict[str, Any]:
    out: dict[str, Any] = {"built": entry.built}
    if entry.created:
        out["created"] = entry.created
    for kind in KINDS:
        noted = getattr(entry, kind)
        if noted:
            out[kind] = [_noted_to_dict(n) for n in noted]
    return out


def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise ValueError(f"{where}: must be text")
    return str(value)


def _noted_from(item: Any, kind: str) -> Noted:
    if not isinstance(item, dict) or "id" not in item:
        raise ValueError(f"{kind}: each item must be a mapping with an id")
    fields: list[tuple[str, str, str]] = []
    raw = item.get("fields") or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{kind}: fields must map a field to [old, new]")
    for name, pair in raw.items():
        if not isinstance(pair, list) or len(pair) != 2:
            raise ValueError(f"{kind}: fields.{name} must be [old, new]")
        fields.append((str(name), _text(pair[0], f"fields.{name}"), _text(pair[1], f"fields.{name}")))
    into = item.get("into")
    return Noted(_text(item["id"], "id"), _text(item.get("date"), "date"), _text(item.get("title"), "title"),
                 into=None if into is None else str(into), fields=tuple(fields))


def _entry_from(data: Any) -> BuildChanges:
    if not isinstance(data, dict) or "built" not in data:
        raise ValueError("each entry must be a mapping with a built date")
    lists: dict[str, tuple[Noted, ...]] = {}
    for kind in KINDS:
        items = data.get(kind) or []
        if not isinstance(items, list):
            raise ValueError(f"{kind}: must be a list")
        lists[kind] = tuple(_noted_from(item, kind) for item in items)
    created = data.get("created") or 0
    if not isinstance(created, int):
        raise ValueError("created: must be a whole number")
    return BuildChanges(str(data["built"]), created=created, line=getattr(data, "line", 0), **lists)


def load_changes(path: Path) -> tuple[ChangeLog, list[Problem]]:
    """The log at ``path`` (none yet: empty); a damaged one is reported, with its line, and kept as it is."""
    if not path.is_file():
        return ChangeLog(), []
    try:
        data = load_yaml(path)
    except StoreError as exc:
        return ChangeLog(readable=False), [Problem(str(path), exc.reason, line=exc.line)]
    if data is None:
        return ChangeLog(), []
    if not isinstance(data, list):
        return ChangeLog(readable=False), [Problem(str(path), "the change log must be a list of builds", line=1)]
    entries = []
    for item in data:
        try:
            entries.append(_entry_from(item))
        except ValueError as exc:
            line = getattr(item, "line", None)
            return ChangeLog(readable=False), [Problem(str(path), f"change log: {exc}; the file is left as it is",
                                                       line=line)]
    return ChangeLog(entries), []


def record_changes(path: Path, log: ChangeLog, entry: BuildChanges) -> ChangeLog:
    """``log`` with ``entry`` appended and written to ``path``; unchanged when the entry is empty
    or the file could not be read (a broken file is the maintainer's to mend, never overwritten)."""
    if entry.empty or not log.readable:
        return log
    log = ChangeLog(log.entries + [entry])
    text = yaml.safe_dump([_entry_to_dict(e) for e in log.entries], sort_keys=False, allow_unicode=True,
                          width=100, default_flow_style=False)
    atomic_write_text(path, text)
    return log
