"""Fingerprints: how the store tells a maintainer's hand edit from the build's own output.

Every event the build writes carries ``fingerprint``, a short hash of each
field a maintainer may edit (``TRACKED``), as the build wrote it. When the
store is read back, a field whose value no longer matches its part was
edited by hand (see ``timeline.store.events``).

A part is the first characters of the SHA-1 of ``stable_hash``'s canonical
JSON of the value, so fingerprints written by any version of the project stay
valid. Most values repeat across thousands of events (statuses, types,
importance, dates, ``hidden: false``), so their parts are remembered by
value: saving or loading 100,000 events then hashes little more than titles,
summaries and actor lists.
"""

from __future__ import annotations

import hashlib
import math
from contextlib import contextmanager
from contextvars import ContextVar
from json.encoder import encode_basestring
from typing import Iterator

from timeline.records import Event, stable_hash
from timeline.store.recurring import keep

# Fields whose hand edits the fingerprint detects, in the order of its parts.
TRACKED = ("title", "summary", "date", "status", "type", "actors", "place", "importance", "hidden")
FINGERPRINT_PART = 6

# Fields whose values recur across events: their parts are remembered per value.
# Titles, summaries and actor lists are nearly all different: hashed each time.
_RECURRING = frozenset({"date", "status", "type", "place", "importance", "hidden"})
_PARTS: dict[str, dict[object, str]] = {name: {} for name in _RECURRING}
_SIMPLE = (str, float, bool, int, type(None))


def canonical(value: object) -> str | None:
    """``json.dumps`` of a tracked field's value, as ``stable_hash`` writes it, for
    the types those fields have; None for anything else. Building one JSON
    encoder per value is what made fingerprints the slow part of a load."""
    if type(value) is str:  # most tracked fields: tested first
        return encode_basestring(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "[" + ", ".join(encode_basestring(v) for v in value) + "]"
    return None


def _hash(value: object) -> str:
    text = canonical(value)
    if text is None:
        return stable_hash(value, length=FINGERPRINT_PART)
    return _sha("[" + text + "]")


def _part(name: str, value: object) -> str:
    memo = _PARTS.get(name)
    kind = type(value)
    if memo is None or kind not in _SIMPLE:
        return _hash(value)
    # Keyed by type and text, not by value: 1, 1.0 and True are equal keys but
    # different JSON, and so are 0.0 and -0.0.
    key = value if kind is str else (kind, repr(value))
    part = memo.get(key)
    return keep(memo, key, _hash(value)) if part is None else part


def field_hash(event: Event, name: str) -> str:
    """The fingerprint part of one tracked field of ``event``."""
    value = getattr(event, name)
    if name == "actors":
        value = [a.name for a in value]
    return _part(name, value)


def fingerprint(event: Event) -> str:
    """Hashes of the tracked fields as written, ``-`` for those already curated."""
    curated = event.curated
    if not curated:
        try:
            return _usual(event)
        except TypeError:  # a field of another type than the record declares: field by field
            pass
    return ".".join(["-" if name in curated else field_hash(event, name) for name in TRACKED])


# The recurring fields of an event, three before the actors and three after,
# as two runs of parts, by their values together: a store has few combinations.
_RUNS: dict[tuple[object, ...], tuple[str, str]] = {}


def _usual(event: Event) -> str:
    """``fingerprint`` of an uncurated event whose fields have their declared types,
    with one memo lookup and three hashes; TypeError for anything else."""
    date, status, kind, place, importance, hidden = (event.date, event.status, event.type, event.place,
                                                     event.importance, event.hidden)
    # Types are in the key because 1, 1.0 and True are equal keys; a float is keyed by its text (0.0, -0.0).
    key = (date, status, kind, type(date), type(status), type(kind), place, type(place),
           repr(importance), type(importance), hidden, type(hidden))
    runs = _RUNS.get(key)
    if runs is None:
        runs = keep(_RUNS, key, (f"{_part('date', date)}.{_part('status', status)}.{_part('type', kind)}",
                                 f"{_part('place', place)}.{_part('importance', importance)}."
                                 f"{_part('hidden', hidden)}"))
    names = ", ".join([encode_basestring(a.name) for a in event.actors])  # TypeError unless all text
    return (f"{_text_part(event.title)}.{_text_part(event.summary)}.{runs[0]}."
            f"{_sha('[[' + names + ']]')}.{runs[1]}")


def _text_part(value: str) -> str:
    return _sha("[" + encode_basestring(value) + "]")  # encode_basestring: TypeError unless text


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:FINGERPRINT_PART]


def edited_fields(event: Event, printed: str) -> tuple[str, ...]:
    """Tracked fields whose value differs from the one the fingerprint was made of."""
    parts = printed.split(".")
    if len(parts) != len(TRACKED):
        return ()
    edited = tuple(name for name, part in zip(TRACKED, parts) if part != "-" and part != field_hash(event, name))
    noticed = _noticed.get()
    if edited and noticed is not None:
        noticed.append(event.id)
    return edited


_noticed: ContextVar[list[str] | None] = ContextVar("timeline_edits_noticed", default=None)


@contextmanager
def noticing_edits() -> Iterator[list[str]]:
    """The ids of the events whose hand edits the reads within this block notice, for the build summary."""
    found: list[str] = []
    token = _noticed.set(found)
    try:
        yield found
    finally:
        _noticed.reset(token)
