"""An event as the mapping a store file holds, both ways: written in a fixed key order,
read back with every field checked (the message names the field)."""

from __future__ import annotations

import re
from dataclasses import fields
from functools import lru_cache
from typing import Any

from timeline.errors import StoreError
from timeline.records import ActorRef, DateEvidence, Event, Source
from timeline.store.fingerprint import edited_fields, fingerprint
from timeline.store.schema import DATE_RE as _DATE_RE
from timeline.store.schema import FIELD_ORDER, REQUIRED, SOURCE_ORDER, STATUSES
from timeline.store.schema import ID_RE as _ID_RE
from timeline.store.yamlio import LineDict

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
    # Text or None, as written: Source() itself refuses a missing title (the TypeError reported as the field's).
    fields: dict[str, Any] = {k: (None if value.get(k) is None else str(value[k])) for k in SOURCE_ORDER
                              if k in value and k != "quote"}
    return Source(**fields, quote=str(value.get("quote") or ""))
