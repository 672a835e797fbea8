"""The store's record writer and fast reader agree with the general path on any event."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.records import ActorRef, DateEvidence, Event, Source
from timeline.store import events as store
from timeline.store.fastyaml import dump_store
from timeline.store.reader import maker, named_maker, read_events
from timeline.store.writer import dump_events
from test_store_fastyaml import STRINGS

# Mostly valid ids and dates, so that the fast reader has something to accept; sometimes anything.
VALID_ID = st.from_regex(r"[a-z0-9][a-z0-9-]{0,30}", fullmatch=True)
IDS = st.integers(0, 3).flatmap(lambda i: STRINGS if i == 0 else VALID_ID)
VALID_DATE = st.sampled_from(["2022-02-12", "2022-02", "2022", "2022-W07", "20XX", "2022-02-12T10:00"])
DATES = st.integers(0, 3).flatmap(lambda i: STRINGS if i == 0 else VALID_DATE)
MAYBE = st.one_of(st.none(), STRINGS)
SOURCES = st.builds(Source, article=STRINGS, title=STRINGS, published=MAYBE, url=MAYBE, outlet=MAYBE,
                    quote=STRINGS, reported_date=MAYBE)
EVENTS = st.builds(
    Event, id=IDS, date=DATES, precision=st.sampled_from(["day", "month", ""]),
    status=st.sampled_from(["occurred", "occurred", "scheduled", "maybe", ""]), title=st.one_of(st.just("Talks"), STRINGS),
    summary=STRINGS,
    type=st.one_of(st.just("diplomacy"), STRINGS),
    actors=st.lists(st.builds(ActorRef, name=STRINGS, kind=STRINGS), max_size=3).map(tuple),
    sources=st.lists(SOURCES, max_size=3).map(tuple),
    evidence=st.one_of(st.none(), st.builds(DateEvidence, rule=STRINGS, expression=MAYBE, value=MAYBE)),
    importance=st.one_of(st.floats(allow_nan=False), st.integers(-5, 5), st.just(-0.0)),
    aliases=st.lists(STRINGS, max_size=2).map(tuple),
    curated=st.lists(st.sampled_from(store.TRACKED), max_size=2).map(tuple),
    hidden=st.booleans(), locked=st.booleans(), disputes=st.lists(STRINGS, max_size=2).map(tuple),
    place=MAYBE, type_rule=STRINGS, predicate=STRINGS)


@settings(max_examples=400, deadline=None)
@given(st.lists(EVENTS, max_size=3))
def test_the_fast_reader_gives_what_the_general_reader_gives_or_declines(events: list[Event]) -> None:
    try:
        expected = dump_store([store.event_to_dict(e) for e in events])
    except TypeError:  # a source with no field at all: neither writer takes it
        return
    text = dump_events(events)
    assert text == expected
    fast = read_events(text)
    if fast is None:
        return  # the general reader decides, as it always did
    assert fast == store._general(text, Path("x.yaml"))


def test_a_hand_edit_to_a_written_file_is_read_the_same_both_ways(tmp_path: Path) -> None:
    event = Event(id="2022-02-12-call-3fa9c1", date="2022-02-12", precision="day", status="occurred",
                  title="Call", summary="A call.", sources=(Source("a1", "Article", quote="q"),),
                  actors=(ActorRef("Joe Biden", "person"),), importance=2.5)
    text = dump_events([event]).replace("title: Call", "title: Phone call")
    fast = read_events(text)
    assert fast is not None and fast == store._general(text, tmp_path / "x.yaml")
    assert fast[0].title == "Phone call" and fast[0].curated == ("title",)


def test_what_the_fast_reader_declines_still_names_file_line_and_field(tmp_path: Path) -> None:
    event = Event(id="a", date="2022-02-12", precision="day", status="occurred", title="T", summary="")
    good = dump_events([event])
    for bad, field in ((good.replace("status: occurred", "status: maybe"), "status"),
                       (good.replace("title: T", "title: 12"), "title"),
                       (good + "  colour: red\n", "colour")):
        assert read_events(bad) is None
        path = tmp_path / "2022-02.yaml"
        path.write_text(bad, encoding="utf-8")
        _, problems = store.load_events(tmp_path)
        assert len(problems) == 1 and problems[0].line and field in problems[0].message, problems


def test_the_record_makers_build_what_the_constructors_build() -> None:
    values = ("a1", "Title", "2022-02-12", None, "Outlet", "quote", None)
    assert maker(Source)(*values) == Source(*values)
    assert named_maker(Source)(**Source(*values).__dict__) == Source(*values)
    made = maker(DateEvidence)("rule", None, "2022", None)
    assert made == DateEvidence("rule", None, "2022", None) and hash(made) == hash(DateEvidence("rule", None, "2022"))
    with pytest.raises(TypeError):
        maker(DateEvidence)("rule", None)  # a value short, as __init__ refuses
    with pytest.raises(TypeError):
        maker(DateEvidence)("rule", None, None, None, "more")
