"""Store files in the writer's layout read straight into event records.

``read_events`` knows one shape: the fields of each event in ``FIELD_ORDER``,
one per line, scalars plain or JSON-quoted, lists and flat mappings the way
``writer.py`` writes them. One regular expression takes a whole event and
gives its values as groups, so the per-line work (and the mapping per event
that ``fastyaml.parse_store`` builds) never happens in Python; validation is
the same as ``events.event_from_dict``'s, done on known types.

Anything else (another key order, a comment, a value of the wrong type, an
invalid field) returns None and the file goes through the general reader,
which accepts what is merely another style and names the file, line and
field of what is wrong. This reader only ever says "valid, and these are the
events" or "not sure".
"""

from __future__ import annotations

import json
import re
from dataclasses import fields
from typing import Any, Callable

from timeline.records import ActorRef, DateEvidence, Event, Source
from timeline.store.fastyaml import _WORDS, PLAIN, QUOTED
from timeline.store.fingerprint import edited_fields, fingerprint
from timeline.store.memo import keep
from timeline.store.schema import DATE_RE, ID_RE, SOURCE_ORDER, STATUSES

# A value that reads as text: plain (and not a YAML 1.1 word such as ``yes``) or
# JSON-quoted. Being in the pattern, it is checked by the regular expression
# engine for a whole event at once rather than by a call per value.
_WORDS_AHEAD = "(?!(?:" + "|".join(sorted(_WORDS)) + ")\n)"
_TEXT = rf"{_WORDS_AHEAD}(?:{PLAIN}|{QUOTED})"
_LINE = rf"({_TEXT})\n"  # a text value, captured
_SKIP = rf"{_TEXT}\n"  # a text value inside a block the event pattern takes whole
_NUMBER = r"(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:e[-+][0-9]+)?)?)\n"  # the YAML ints and floats fastyaml reads
_FLAG = r"(true|false)\n"
_SOURCE_REST = tuple(k for k in SOURCE_ORDER if k != "article")


def _one(key: str, value: str = _LINE) -> str:
    return rf"(?:  {key}: {value})?"


def _element(first: str, rest: tuple[str, ...], line: str) -> str:
    """A mapping in a list: its first key, then each of ``rest`` if present, in order."""
    return rf"  - {first}: {line}" + "".join(rf"(?:    {k}: {line})?" for k in rest)


def _items(key: str) -> str:
    return rf"(?:  {key}:\n((?:  - {_SKIP})+))?"


# Groups: 0 id, 1 date, 2 precision, 3 status, 4 type, 5 title, 6 summary,
# 7 actors, 8 place, 9 importance, 10 evidence (its line), 11 rule,
# 12 expression, 13 value, 14 mod, 15 sources, 16 disputes, 17 aliases,
# 18 curated, 19 hidden, 20 locked, 21 type_rule, 22 predicate, 23 fingerprint.
_EVENT = re.compile(
    "- id: " + _LINE + "  date: " + _LINE + _one("precision") + _one("status") + _one("type")
    + "  title: " + _LINE + _one("summary")
    + rf"(?:  actors:\n((?:{_element('name', ('kind',), _SKIP)})+))?" + _one("place") + _one("importance", _NUMBER)
    + r"(?:(  evidence:\n)" + "".join(rf"(?:    {k}: {_LINE})?" for k in ("rule", "expression", "value", "mod")) + ")?"
    + rf"(?:  sources:\n((?:{_element('article', _SOURCE_REST, _SKIP)})+))?"
    + _items("disputes") + _items("aliases") + _items("curated")
    + _one("hidden", _FLAG) + _one("locked", _FLAG) + _one("type_rule") + _one("predicate") + _one("fingerprint"))
# Blocks the event pattern has checked, split into elements: any value will do.
_SOURCES = re.compile(_element("article", _SOURCE_REST, r"([^\n]+)\n"))
_ACTORS = re.compile(_element("name", ("kind",), r"([^\n]+)\n"))


class _Unsure(Exception):
    """Something this reader does not decide; the general reader will."""


_UNQUOTED: dict[str, str] = {}  # quoted values repeat (dates above all): each is decoded once


def _unquote(raw: str) -> str:
    value = _UNQUOTED.get(raw)
    return keep(_UNQUOTED, raw, json.loads(raw)) if value is None else value


def maker(cls: type) -> Callable[..., Any]:
    """A constructor taking every field in order, without ``__init__`` when that only
    assigns fields: a frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__``, and filling the instance's ``__dict__`` at once
    takes two thirds of that time. Should a record ever check itself
    in ``__post_init__`` or use slots, its real constructor is used."""
    if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        return cls
    names = tuple(f.name for f in fields(cls))
    count = len(names)
    new = object.__new__

    def make(*values: Any) -> Any:
        if len(values) != count:  # as __init__ would refuse them: a cache's corrupt row must not pass
            raise TypeError(f"{cls.__name__} takes {count} values, not {len(values)}")
        record = new(cls)
        record.__dict__.update(zip(names, values))
        return record

    make.__qualname__ = f"make_{cls.__name__}"
    return make


def named_maker(cls: type) -> Callable[..., Any]:
    """``maker`` taking every field by name: the mapping a keyword call builds
    is filled in at once, where pairing names with values costs a little
    more, and at the call each value stands by its field's name."""
    if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        return cls
    new = object.__new__

    def make(**values: Any) -> Any:
        record = new(cls)
        record.__dict__.update(values)
        return record

    make.__qualname__ = f"make_{cls.__name__}"
    return make


_event = named_maker(Event)
_source = named_maker(Source)
_actor = named_maker(ActorRef)
_evidence = named_maker(DateEvidence)
_ACTOR_MEMO: dict[tuple[str, str], ActorRef] = {}  # records are frozen: equal ones can be one object


def read_events(text: str) -> list[Event] | None:
    """The events of ``text``, or None when the general reader must decide."""
    if not text.endswith("\n"):
        text += "\n"
    events: list[Event] = []
    match = _EVENT.match
    pos, end = 0, len(text)
    try:
        while pos < end:
            m = match(text, pos)
            if m is None:
                return None
            pos = m.end()
            events.append(_build(m.groups()))
    except _Unsure:
        return None
    return events


def _text(raw: str | None, default: str = "") -> str:
    """A value the pattern has checked: plain text as it stands, quoted text decoded."""
    if not raw:  # None for a field left out, "" for a list element's key left out
        return default
    return raw if raw[0] != '"' else _unquote(raw)


def _optional(raw: str) -> str | None:
    """A source's optional field: None when left out, "" when written as ``""``."""
    return None if not raw else raw if raw[0] != '"' else _unquote(raw)


def _build(g: tuple[str | None, ...]) -> Event:
    eid, date, title = _text(g[0]), _text(g[1]), _text(g[5]).strip()
    if not title or not ID_RE.match(eid) or not DATE_RE.match(date):
        raise _Unsure
    status = _text(g[3], "occurred")
    if status not in STATUSES:
        raise _Unsure
    raw = g[9]
    # "-0" is YAML's integer 0, which the general reader turns into 0.0, not -0.0.
    importance = 0.0 if raw is None else float(raw) if "." in raw else float(int(raw))
    evidence = None
    if g[10] is not None:
        if g[11] is None:
            raise _Unsure  # evidence without its rule: an error, named by the general reader
        evidence = _evidence(rule=_text(g[11]), expression=None if g[12] is None else _text(g[12]),
                             value=None if g[13] is None else _text(g[13]), mod=None if g[14] is None else _text(g[14]))
    actors: tuple[ActorRef, ...] = ()
    if g[7] is not None:
        actors = tuple([_actor_of(_text(name), _text(kind)) for name, kind in _ACTORS.findall(g[7])])
    sources: tuple[Source, ...] = ()
    if g[15] is not None:
        text, optional = _text, _optional
        sources = tuple([_source(article=text(a), title=text(t) if t else _missing_title(), published=optional(p),
                                 url=optional(u), outlet=optional(o), quote=text(q), reported_date=optional(r))
                         for a, t, p, u, o, r, q in _SOURCES.findall(g[15])])
    precision = _text(g[2])
    if not precision:
        from timeline.extract.temporal.values import precision_of

        precision = precision_of(date)
    event = _event(id=eid, date=date, precision=precision, status=status, title=title, summary=_text(g[6]),
                   type=_text(g[4]) or "other", actors=actors, sources=sources, evidence=evidence,
                   importance=importance, aliases=_list(g[17]), curated=_list(g[18]), hidden=g[19] == "true",
                   locked=g[20] == "true", disputes=_list(g[16]), place=None if g[8] is None else _text(g[8]),
                   type_rule=_text(g[21]), predicate=_text(g[22]))
    printed = _text(g[23])
    if printed and fingerprint(event) != printed:
        edited = edited_fields(event, printed)
        if edited:
            # The record is not shared yet: setting the field is ``replace`` without the copy.
            object.__setattr__(event, "curated", tuple(sorted(set(event.curated) | set(edited))))
    return event


def _missing_title() -> str:
    raise _Unsure  # a source needs a title: the general reader says so


def _actor_of(name: str, kind: str) -> ActorRef:
    actor = _ACTOR_MEMO.get((name, kind))
    return keep(_ACTOR_MEMO, (name, kind), _actor(name=name, kind=kind)) if actor is None else actor


def _list(block: str | None) -> tuple[str, ...]:
    if block is None:
        return ()
    return tuple([_text(line[4:]) for line in block[:-1].split("\n")])
