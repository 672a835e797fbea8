"""Store files written straight from event records.

The text is exactly what ``emitter.dump_mappings`` gives for ``event_to_dict`` of
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

from timeline.records import Event
from timeline.store.emitter import WRITTEN, mapping_lines, scalar, string, string_memo
from timeline.store.fingerprint import fingerprint
from timeline.store.rows import event_to_dict

# What ``event_to_dict`` leaves out; tested with ``in`` so 0, False and 0.0 count as empty, as there.
_EMPTY: tuple[None, str, list[object], tuple[()], bool, float] = (None, "", [], (), False, 0.0)
# What ``_source_to_dict`` leaves out.
_NOTHING = (None, "")
# Optional text fields of an event, in the order of ``FIELD_ORDER`` between the ones handled apart.
_HEAD = ("precision", "status", "type")


def _value(value: Any) -> str:
    """A scalar of a field whose type is usually, but not surely, text."""
    if type(value) is str:
        return WRITTEN.get(value) or string_memo(value)
    if isinstance(value, (list, tuple, dict)):
        raise TypeError("not a scalar")  # the generic path writes (or refuses) it
    return scalar(value)


def _lines(e: Event, add: Callable[[str], None], heads: dict[tuple[object, ...], str]) -> None:
    """The lines of one event. Text that recurs across events (a date, a kind, an
    outlet) is written through the memo, ``get(x) or string_memo(x)``, spelt out
    rather than called because it runs millions of times; text of this event
    alone (its id, title, summary, quotes) is written by ``string`` directly,
    since remembering it would only fill the memo. Both raise TypeError for
    anything but text, which sends the event to the generic path.

    ``heads``: the lines of a source that describe its article (id, title,
    date, address, outlet), by those values. Every event an article reports
    repeats them, so each article's are written once per save. Only text and
    None get in: anything else raises first."""
    get = WRITTEN.get
    add(f"- id: {string(e.id)}\n  date: {get(e.date) or string_memo(e.date)}")
    for name in _HEAD:
        value = getattr(e, name)
        if value not in _EMPTY:
            add(f"  {name}: {get(value) or string_memo(value)}")
    add(f"  title: {string(e.title)}")
    if e.summary not in _EMPTY:
        add(f"  summary: {string(e.summary)}")
    if e.actors:
        add("  actors:")
        for a in e.actors:
            add(f"  - name: {get(a.name) or string_memo(a.name)}\n    kind: {get(a.kind) or string_memo(a.kind)}")
    if e.place not in _EMPTY:
        add(f"  place: {get(e.place) or string_memo(e.place)}")
    if e.importance not in _EMPTY:
        add(f"  importance: {_value(e.importance)}")
    ev = e.evidence
    if ev is not None:
        fields = (("rule", ev.rule), ("expression", ev.expression), ("value", ev.value), ("mod", ev.mod))
        parts = [(k, v) for k, v in fields if v is not None]
        if not parts:
            add("  evidence: {}")
        else:
            add("  evidence:")
            for k, v in parts:
                add(f"    {k}: {_value(v)}")
    if e.sources:
        add("  sources:")
        for s in e.sources:
            if not s.article:  # the layout's first key is missing: the generic path
                raise TypeError("a source without an article")
            # One string per source: six lines joined here rather than appended one by one.
            key = (s.article, s.title, s.published, s.url, s.outlet)
            head = heads.get(key)
            if head is None:
                head = heads[key] = _source_head(*key)
            r, q = s.reported_date, s.quote
            add(head + (f"\n    reported_date: {get(r) or string_memo(r)}" if r not in _NOTHING else "")
                + (f"\n    quote: {string(q)}" if q not in _NOTHING else ""))
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
        add(f"  fingerprint: {string(fingerprint(e))}")


def _source_head(article: str, title: str, published: str | None, url: str | None, outlet: str | None) -> str:
    lines = [f"  - article: {string_memo(article)}"]
    for key, value in (("title", title), ("published", published), ("url", url), ("outlet", outlet)):
        if value not in _NOTHING:
            lines.append(f"    {key}: {string_memo(value)}")
    return "\n".join(lines)


def dump_events(events: Iterable[Event], heads: dict[tuple[object, ...], str] | None = None) -> str:
    """A store file holding ``events``, in the given order. ``heads``: a dict kept
    across the files of one save (see ``_lines``), so that it ends with the save."""
    heads = {} if heads is None else heads

    out: list[str] = []
    add = out.append
    for e in events:
        mark = len(out)
        try:
            _lines(e, add, heads)
        except TypeError:  # an unexpected type somewhere: the generic path, from the start of the event
            del out[mark:]
            mapping_lines(event_to_dict(e), "- ", "  ", out)
    if not out:
        return "[]\n"
    out.append("")
    return "\n".join(out)
