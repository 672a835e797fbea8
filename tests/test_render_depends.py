"""An event's record digest: equal records give equal digests, any field of it changed, nested ones
included, gives another; a rebuild that misses a change would keep a stale page."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

from timeline.records import DateEvidence, Event, Source
from timeline.render.depends import record_digest
from timeline.render.samples import sample_events

EVENT = replace(sample_events(3)[1], aliases=("old-id",), disputes=("figures differ",), place="Kyiv",
                curated=("title",))


def other(value: Any) -> Any:
    """A value of the same type that is not equal to ``value``."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1.5
    if isinstance(value, str):
        return value + "x"
    if value is None:
        return "x"
    if isinstance(value, tuple):
        return value + value[:1] if value else ("x",)
    raise AssertionError(f"no other value for {value!r}")


def copied(text: str) -> str:
    # A new string object of the same characters: never the interned or shared one.
    return "".join(list(text))


def test_equal_records_give_equal_digests_whatever_their_identity() -> None:
    twin = replace(EVENT, id=copied(EVENT.id), title=copied(EVENT.title),
                   sources=tuple(replace(s, quote=copied(s.quote), article=copied(s.article)) for s in EVENT.sources))
    assert twin == EVENT and twin.title is not EVENT.title
    assert record_digest(twin) == record_digest(EVENT)


def test_every_field_of_an_event_counts() -> None:
    for field in fields(Event):
        value = getattr(EVENT, field.name)
        if field.name in ("actors", "sources", "evidence"):
            continue
        assert record_digest(replace(EVENT, **{field.name: other(value)})) != record_digest(EVENT), field.name


def test_every_field_of_its_sources_actors_and_evidence_counts() -> None:
    source = EVENT.sources[-1]
    for field in fields(Source):
        changed = replace(source, **{field.name: other(getattr(source, field.name))})
        event = replace(EVENT, sources=EVENT.sources[:-1] + (changed,))
        assert record_digest(event) != record_digest(EVENT), field.name
    actor = EVENT.actors[0]
    for field in fields(actor):
        event = replace(EVENT, actors=(replace(actor, **{field.name: other(getattr(actor, field.name))}),))
        assert record_digest(event) != record_digest(replace(EVENT, actors=(actor,))), field.name
    evidence = EVENT.evidence or DateEvidence(rule="weekday-past")
    for field in fields(DateEvidence):
        changed = replace(evidence, **{field.name: other(getattr(evidence, field.name))})
        assert record_digest(replace(EVENT, evidence=changed)) != record_digest(replace(EVENT, evidence=evidence))
    assert record_digest(replace(EVENT, evidence=None)) != record_digest(replace(EVENT, evidence=evidence))


def test_a_value_of_an_unexpected_type_still_counts() -> None:
    # Marshal takes no dates: the event's repr stands in.
    odd = replace(EVENT, place=date(2022, 2, 1))  # type: ignore[arg-type]
    assert record_digest(odd) != record_digest(replace(EVENT, place=date(2022, 2, 2)))  # type: ignore[arg-type]
