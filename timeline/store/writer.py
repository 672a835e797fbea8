"""Store files written straight from event records.

The text is exactly what ``fastyaml.dump_store`` gives for ``event_to_dict`` of
each event (the tests hold the two to that), without building those mappings:
at 100,000 events the intermediate dicts, and one generic call per value to
find out its type, cost more than writing the text. Each field's type is known
here, strings go through the quoting memo of ``fastyaml`` and a file is one
join of its lines.

A record whose fields have types the layout does not expect (a list where
text belongs, say) is written by the generic path, which decides what to do.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from ..records import Event
from .fastyaml import _WRITTEN, _mapping, _text, scalar
from .fingerprint import fingerprint

# What ``event_to_dict`` leaves out; tested with ``in`` so 0, False and 0.0 count as empty, as there.
_EMPTY = (None, "", [], (), False, 0.0)
# Optional text fields of an event, in the order of ``FIELD_ORDER`` between the ones handled apart.
_HEAD = ("precision", "status", "type")


def _value(value: Any) -> str:
    """A scalar of a field whose type is usually, but not surely, text."""
    if type(value) is str:
        return _WRITTEN.get(value) or _text(value)
    if isinstance(value, (list, tuple, dict)):
        raise TypeError("not a scalar")  # the generic path writes (or refuses) it
    return scalar(value)


def _lines(e: Event, add: Callable[[str], None], text: Callable[[str], str]) -> None:
    """The lines of one event. ``text`` quotes a string (the memo, then ``_text``)."""
    add(f"- id: {_value(e.id)}")
    add(f"  date: {_value(e.date)}")
    for name in _HEAD:
        value = getattr(e, name)
        if value not in _EMPTY:
            add(f"  {name}: {_value(value)}")
    add(f"  title: {_value(e.title)}")
    if e.summary not in _EMPTY:
        add(f"  summary: {_value(e.summary)}")
    if e.actors:
        add("  actors:")
        for a in e.actors:
            add(f"  - name: {_value(a.name)}")
            add(f"    kind: {_value(a.kind)}")
    if e.place not in _EMPTY:
        add(f"  place: {_value(e.place)}")
    if e.importance not in _EMPTY:
        add(f"  importance: {_value(e.importance)}")
    ev = e.evidence
    if ev is not None:
        parts = [(k, v) for k, v in (("rule", ev.rule), ("expression", ev.expression), ("value", ev.value))
                 if v is not None]
        if not parts:
            add("  evidence: {}")
        else:
            add("  evidence:")
            for k, v in parts:
                add(f"    {k}: {_value(v)}")
    if e.sources:
        add("  sources:")
        for s in e.sources:
            lead = "  - "
            for key, v in (("article", s.article), ("title", s.title), ("published", s.published),
                           ("url", s.url), ("outlet", s.outlet), ("reported_date", s.reported_date),
                           ("quote", s.quote)):
                if v is not None and v != "":
                    add(f"{lead}{key}: {text(v) if type(v) is str else _value(v)}")
                    lead = "    "
            if lead == "  - ":
                raise TypeError("a source with no field")  # as the generic writer refuses it
    for name in ("disputes", "aliases", "curated"):
        values = getattr(e, name)
        if values not in _EMPTY:
            add(f"  {name}:")
            for v in values:
                add(f"  - {_value(v)}")
    for name in ("hidden", "locked", "type_rule", "predicate"):
        value = getattr(e, name)
        if value not in _EMPTY:
            add(f"  {name}: {_value(value)}")
    if e.sources:  # an event typed in by hand has no fingerprint: it is the maintainer's
        add(f"  fingerprint: {_value(fingerprint(e))}")


def dump_events(events: Iterable[Event]) -> str:
    """A store file holding ``events``, in the given order."""
    from .events import event_to_dict  # events.py imports this module

    out: list[str] = []
    add = out.append
    memo = _WRITTEN.get

    def text(value: str) -> str:
        return memo(value) or _text(value)

    for e in events:
        mark = len(out)
        try:
            _lines(e, add, text)
        except TypeError:  # an unexpected type somewhere: the generic path, from the start of the event
            del out[mark:]
            _mapping(event_to_dict(e), "- ", "  ", out)
    if not out:
        return "[]\n"
    out.append("")
    return "\n".join(out)
