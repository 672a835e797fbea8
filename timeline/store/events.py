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
``fastyaml.parse_store`` or libyaml and validated here; the line-numbering
loader runs only to name the line of something wrong. Files are written by
``writer.py``.
"""

from __future__ import annotations

import re
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from timeline.errors import StoreError
from timeline.records import ActorRef, DateEvidence, Event, Problem, Source
from timeline.store.fastyaml import parse_store
from timeline.store.fingerprint import FINGERPRINT_PART, TRACKED, edited_fields, fingerprint
from timeline.store.loadcache import StoreCache, decode, file_digest, read_bytes, remember, unchanged
from timeline.store.nogc import paused_gc
from timeline.store.reader import read_events
from timeline.store.schema import DATE_RE as _DATE_RE
from timeline.store.schema import FIELD_ORDER, REQUIRED, SOURCE_ORDER, STATUSES
from timeline.store.schema import ID_RE as _ID_RE
from timeline.store.writer import dump_events
from timeline.store.yamlio import LineDict, atomic_write_text, load_yaml, load_yaml_fast

__all__ = ["FIELD_ORDER", "FINGERPRINT_PART", "TRACKED", "edited_fields", "event_from_dict", "event_to_dict",
           "fingerprint", "LoadedStore", "load_events", "save_events", "store_file_key", "validate_store"]
_SOURCE_KEYS = frozenset(SOURCE_ORDER)


@lru_cache(maxsize=1 << 16)
def store_file_key(date: str) -> str:
    """Name of the store file an event of ``date`` lives in: ``2022-02`` or ``2014``."""
    from timeline.extract.temporal.values import bounds

    span = bounds(date)
    if span is None:
        return "undated"
    first, last = span
    if (first.year, first.month) == (last.year, last.month) or re.match(r"^\d{4}-W\d{2}$", date):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}"


def event_to_dict(event: Event) -> dict[str, Any]:
    """Event as an ordered mapping, optional keys dropped when empty."""
    out: dict[str, Any] = {}
    for name in FIELD_ORDER:
        if name == "fingerprint":
            if event.sources:  # an event typed in by hand is the maintainer's through and through
                out[name] = fingerprint(event)
            continue
        value = getattr(event, name)
        if name == "actors":
            value = [{"name": a.name, "kind": a.kind} for a in value]
        elif name == "sources":
            value = [_source_to_dict(s) for s in value]
        elif name == "evidence":
            value = None if value is None else {k: v for k, v in
                                                (("rule", value.rule), ("expression", value.expression),
                                                 ("value", value.value)) if v is not None}
        elif isinstance(value, tuple):
            value = list(value)
        if name in REQUIRED or value not in (None, "", [], (), False, 0.0):
            out[name] = value
    return out


def _source_to_dict(source: Source) -> dict[str, Any]:
    return {k: getattr(source, k) for k in SOURCE_ORDER if getattr(source, k) not in (None, "")}


def event_from_dict(data: Any, path: str) -> Event:
    """Validate one mapping of a store file; StoreError names file, line and field."""
    line = data.line if isinstance(data, LineDict) else None
    if not isinstance(data, dict):
        raise StoreError("each event must be a mapping of fields", path, line)

    def fail(key: str, message: str) -> StoreError:
        at = data.line_of(key) if isinstance(data, LineDict) else line
        return StoreError(f"field {key!r}: {message}", path, at)

    known = _known_fields()
    for key in data:
        if key not in known:
            raise fail(str(key), f"unknown field (known: {', '.join(FIELD_ORDER)})")
    for key in REQUIRED:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise fail(key, "is required and must be text")
    if not _ID_RE.match(data["id"]):
        raise fail("id", "use lower-case letters, digits and dashes")
    if not _DATE_RE.match(data["date"]):
        raise fail("date", "must be an ISO date at its precision, e.g. 2022-02-12, 2022-02 or 2022")
    status = data.get("status", "occurred")
    if status not in STATUSES:
        raise fail("status", f"must be one of {', '.join(STATUSES)}")
    try:
        actors = tuple(_actor_from(a) for a in data.get("actors") or ())
    except (TypeError, ValueError) as exc:
        raise fail("actors", str(exc)) from None
    try:
        sources = tuple(_source_from(s) for s in data.get("sources") or ())
    except (TypeError, ValueError) as exc:
        raise fail("sources", str(exc)) from None
    evidence = data.get("evidence")
    if evidence is not None and not (isinstance(evidence, dict) and isinstance(evidence.get("rule"), str)):
        raise fail("evidence", "must be a mapping with a rule")
    importance = data.get("importance", 0.0)
    if not isinstance(importance, (int, float)) or isinstance(importance, bool):
        raise fail("importance", "must be a number")
    for key in ("hidden", "locked"):
        if not isinstance(data.get(key, False), bool):
            raise fail(key, "must be true or false")
    lists = {}
    for key in ("aliases", "curated", "disputes"):
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of text")
        lists[key] = tuple(value)
    from timeline.extract.temporal.values import precision_of

    printed = data.get("fingerprint")
    if printed is not None and not isinstance(printed, str):
        raise fail("fingerprint", "is written by the build; delete the line rather than edit it")
    event = Event(
        id=data["id"], date=data["date"], precision=str(data.get("precision") or precision_of(data["date"])),
        status=status, title=data["title"].strip(), summary=str(data.get("summary") or ""),
        type=str(data.get("type") or "other"), actors=actors, sources=sources,
        evidence=None if evidence is None else DateEvidence(
            rule=evidence["rule"], expression=evidence.get("expression"), value=evidence.get("value"),
            mod=evidence.get("mod")),
        importance=float(importance), hidden=data.get("hidden", False), locked=data.get("locked", False),
        place=data.get("place"), type_rule=str(data.get("type_rule") or ""),
        predicate=str(data.get("predicate") or ""), **lists,
    )
    if printed:
        edited = edited_fields(event, printed)
        if edited:
            from dataclasses import replace

            event = replace(event, curated=tuple(sorted(set(event.curated) | set(edited))))
    return event


@lru_cache(maxsize=1)
def _known_fields() -> frozenset[str]:
    return frozenset({f.name for f in fields(Event)} | {"fingerprint"})


def _actor_from(value: Any) -> ActorRef:
    if isinstance(value, str):  # a maintainer may write just the name
        return ActorRef(name=value, kind="")
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return ActorRef(name=value["name"], kind=str(value.get("kind") or ""))
    raise ValueError("each actor is a name or a mapping with name and kind")


def _source_from(value: Any) -> Source:
    if not isinstance(value, dict) or not isinstance(value.get("article"), str):
        raise ValueError("each source is a mapping with at least an article id")
    if _SOURCE_KEYS.issuperset(value) and all(type(v) is str for v in value.values()):
        return Source(**value)  # the usual case: nothing to convert or default
    extra = set(value) - _SOURCE_KEYS
    if extra:
        raise ValueError(f"unknown source field {sorted(extra)[0]!r}")
    return Source(**{k: (None if value.get(k) is None else str(value[k])) for k in SOURCE_ORDER
                     if k in value and k != "quote"}, quote=str(value.get("quote") or ""))


class LoadedStore(list):  # type: ignore[type-arg]
    """The events of a store as ``load_events`` read them, with what each file was.

    ``files`` holds, per file read and in the order its events appear here,
    its name, the digest of its bytes (``loadcache.file_digest``) and its
    number of events, so that a later step can tell which events are exactly
    the ones of an earlier build without comparing them."""

    files: tuple[tuple[str, str, int], ...] = ()


def load_events(folder: Path, cache: Path | None = None) -> tuple[LoadedStore, list[Problem]]:
    """Every event of the store. A broken file is reported and its events kept out
    of this build; the caller must then not overwrite that file (see ``broken``).

    ``cache`` (the build's cache folder) keeps each file's validated events
    under the hash of its bytes, so an unchanged file is neither parsed nor
    validated again."""
    events = LoadedStore()
    problems: list[Problem] = []
    if not folder.is_dir():
        return events, problems
    entries = StoreCache(cache) if cache is not None else None
    files = []
    with paused_gc():
        for path in sorted(folder.glob("*.yaml")):
            try:
                digest, found = _load_file(path, entries)
            except StoreError as exc:
                problems.append(Problem(path=str(exc.path or path), line=exc.line, message=exc.reason))
                continue
            events.extend(found)
            files.append((path.name, digest, len(found)))
    events.files = tuple(files)
    if entries is not None and not problems:
        entries.prune()
    return events, problems


def _load_file(path: Path, entries: StoreCache | None = None) -> tuple[str, list[Event]]:
    """The digest of one file and its events: from the cache, else the store's own
    reader, else libyaml; the line-numbering loader only to name the line of something wrong."""
    raw, stat = read_bytes(path)
    digest = file_digest(raw)
    cached = entries.get(digest) if entries is not None else None
    if cached is not None and cached[0] is not None:
        remember(path, stat, cached[0], cached[1])
        return digest, cached[0]
    # Written by this module if and only if writing the events again gives the same bytes.
    # The cache knows for files saved here; otherwise checking costs a dump, which
    # ``save_events`` does anyway.
    canonical = cached is not None and cached[1]
    text = decode(raw, path)
    read = read_events(text)
    events = read if read is not None else _general(text, path)
    remember(path, stat, events, canonical)
    if entries is not None:
        entries.put(digest, events, canonical=canonical)
    return digest, events


def _general(text: str, path: Path) -> list[Event]:
    """Events of a file ``read_events`` was unsure of: any YAML, validated with line numbers."""
    data = parse_store(text)
    if data is None:
        data = load_yaml_fast(path, text=text)
    try:
        return _events_of(data, path)
    except StoreError:
        if isinstance(data, list) and data and isinstance(data[0], LineDict):
            raise
        return _events_of(load_yaml(path), path)


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
            _, events = _load_file(path)
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


def save_events(folder: Path, events: list[Event], *, keep: set[str] = frozenset(),
                cache: Path | None = None) -> int:
    """Write events, one file per month, atomically; remove files no longer needed.

    ``keep`` names files that must not be touched (for instance a file that did
    not load: its content would otherwise be lost). A file whose events are the
    ones ``load_events`` read from it, unchanged on disk and known to be in
    this module's layout, is not even written out again. Returns files written.
    """
    with paused_gc():
        return _save(folder, events, keep, cache)


def _save(folder: Path, events: list[Event], keep: set[str], cache: Path | None) -> int:
    from timeline.extract.temporal.values import sort_key

    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(store_file_key(event.date), []).append(event)
    entries = StoreCache(cache) if cache is not None else None
    written = 0
    heads: dict[tuple[object, ...], str] = {}  # see ``writer.dump_events``
    for key, group in sorted(groups.items()):
        path = folder / f"{key}.yaml"
        if path.name in keep:
            continue
        group.sort(key=lambda e: (sort_key(e.date), e.id))
        if unchanged(path, group):
            continue
        text = dump_events(group, heads)
        written += atomic_write_text(path, text)
        raw = text.encode("utf-8")
        remember(path, path.stat(), group, True)
        if entries is not None:  # the next load knows the file needs no writing out
            entries.put(entries.key(raw), None, canonical=True)
    if folder.is_dir():
        for path in folder.glob("*.yaml"):
            if path.stem not in groups and path.name not in keep:
                path.unlink()
    return written
