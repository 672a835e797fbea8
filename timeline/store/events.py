"""The event store: ``content/events/*.yaml``, one file per month, read and written here only.

Schema (documented for maintainers in the README): a file holds a list of
events; each event is a mapping with the keys of ``FIELD_ORDER``. Optional keys
are left out when empty so that files stay short and diffs small.

Hand edits are found without asking the maintainer to say anything: see
``fingerprint.py``. A field edited by hand is added to ``curated``; from then
on it keeps the maintainer's value on every rebuild. Listing a field in
``curated`` by hand does the same. A maintainer who wants extraction back for
a field removes it from ``curated``.

A file is read by ``reader.py`` when it is in the writer's layout, else by
libyaml and validated here; the line-numbering loader runs only to name the
line of something wrong. Files are written by ``writer.py`` through the
store's one emitter, ``emitter.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Container

from timeline.errors import StoreError
from timeline.records import Event, Problem
from timeline.store.reader import read_events
from timeline.store.rows import event_from_dict, event_to_dict, store_file_key
from timeline.store.writer import dump_events
from timeline.store.yamlio import LineDict, atomic_write_text, load_yaml_fast, parse_yaml, read_text

__all__ = ["event_from_dict", "event_to_dict", "events_from_text", "load_events", "save_events", "store_file_key",
           "validate_store"]


def load_events(folder: Path) -> tuple[list[Event], list[Problem]]:
    """Every event of the store. A broken file is reported and its events kept out
    of this build; the caller must then not overwrite that file (see ``save_events``'s ``keep``)."""
    events: list[Event] = []
    problems: list[Problem] = []
    if not folder.is_dir():
        return events, problems
    for path in sorted(folder.glob("*.yaml")):
        try:
            events.extend(_load_file(path))
        except StoreError as exc:
            problems.append(Problem(path=str(exc.path or path), line=exc.line, message=exc.reason))
    return events, problems


def _load_file(path: Path) -> list[Event]:
    """The events of one file: the store's own reader for files in the writer's layout,
    else libyaml; the line-numbering loader only to name the line of something wrong."""
    return events_from_text(path, read_text(path))


def events_from_text(path: Path, text: str) -> list[Event]:
    """The events of ``text``, a version of the store file ``path``; raises ``StoreError``."""
    read = read_events(text)
    return read if read is not None else _general(text, path)


def _general(text: str, path: Path) -> list[Event]:
    """Events of a file ``read_events`` was unsure of: any YAML, validated with line numbers."""
    data = load_yaml_fast(path, text=text)
    try:
        return _events_of(data, path)
    except StoreError:
        if isinstance(data, list) and data and isinstance(data[0], LineDict):
            raise
        return _events_of(parse_yaml(text, str(path)), path)


def _events_of(data: Any, path: Path) -> list[Event]:
    if data is None:
        return []
    if not isinstance(data, list):
        raise StoreError("a store file holds a list of events", str(path), 1)
    return [event_from_dict(item, str(path)) for item in data]


def validate_store(folder: Path) -> list[Problem]:
    """Everything wrong with the store, without building: schema errors with
    file, line and field, ids used twice, aliases that hide an event, and
    events filed under the wrong month (a warning: the next build moves them)."""
    problems: list[Problem] = []
    if not folder.is_dir():
        return problems
    seen: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            events = _load_file(path)
        except StoreError as exc:
            problems.append(Problem(path=str(exc.path or path), line=exc.line, message=exc.reason))
            continue
        for event in events:
            if event.id in seen:
                problems.append(Problem(str(path), f"field 'id': {event.id!r} is also used in {seen[event.id]}",
                                        _line_of(path, event.id)))
            seen[event.id] = str(path)
            for alias in event.aliases:
                aliases[alias] = event.id
            if store_file_key(event.date) != path.stem:
                problems.append(Problem(str(path), f"event {event.id!r} dated {event.date} belongs in "
                                        f"{store_file_key(event.date)}.yaml; the next build moves it",
                                        _line_of(path, event.id), severity="warning"))
    for alias, owner in sorted(aliases.items()):
        if alias in seen and alias != owner:
            problems.append(Problem(seen[alias], f"field 'aliases': {alias!r} is an alias of {owner!r} "
                                    "and also an event of its own", _line_of(Path(seen[alias]), alias)))
    return problems


def _line_of(path: Path, event_id: str) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip("- ").startswith("id:") and event_id in line:
                return number
    except OSError:
        return None
    return None


def save_events(folder: Path, events: list[Event], *, keep: Container[str] = frozenset()) -> int:
    """Write events, one file per month, atomically; remove files no longer needed.

    ``keep`` names files that must not be touched (for instance a file that did
    not load: its content would otherwise be lost). A file that already holds
    what would be written is left alone. Returns the number of files written.
    """
    from timeline.extract.temporal.values import sort_key

    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(store_file_key(event.date), []).append(event)
    written = 0
    heads: dict[tuple[object, ...], str] = {}  # see ``writer.dump_events``
    for key, group in sorted(groups.items()):
        path = folder / f"{key}.yaml"
        if path.name in keep:
            continue
        group.sort(key=lambda e: (sort_key(e.date), e.id))
        written += atomic_write_text(path, dump_events(group, heads))
    if folder.is_dir():
        for path in folder.glob("*.yaml"):
            if path.stem not in groups and path.name not in keep:
                path.unlink()
    return written
