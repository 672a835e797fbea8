"""Records <-> JSON for the extraction cache: every record comes back equal, and a value that
does not fit its field is an error, never a wrong record."""

from __future__ import annotations

import dataclasses
import json
import pickle
import tempfile
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline import records
from timeline.cache.extractions import ExtractionCache
from timeline.cache.codec import decoder, encoder
from timeline.records import ActorRef, Article, DateEvidence, Extraction, Happening, Mention, Timex

RECORDS = sorted((c for c in vars(records).values() if dataclasses.is_dataclass(c) and isinstance(c, type)),
                 key=lambda c: c.__name__)

LEAVES: dict[Any, st.SearchStrategy[Any]] = {
    str: st.text(max_size=12),  # any text an article can hold, beyond ASCII
    int: st.integers(),
    float: st.floats(allow_nan=False),  # NaN is no value a record could be compared by
    bool: st.booleans(),
    date: st.dates(),
    type(None): st.none(),
}


def values(kind: Any) -> st.SearchStrategy[Any]:
    """Values of ``kind`` built from its type hints, down to the leaves above."""
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return st.builds(kind, **{f.name: values(hints[f.name]) for f in dataclasses.fields(kind)})
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(values(args[0]), max_size=3).map(tuple)
    if origin is tuple:
        return st.tuples(*(values(arg) for arg in args))
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(values(arg) for arg in args))
    return LEAVES[kind]


def of_its_article(extraction: Extraction) -> Extraction:
    """As extraction makes them: every happening carries its article's id."""
    happenings = tuple(dataclasses.replace(h, article_id=extraction.article.id) for h in extraction.happenings)
    return dataclasses.replace(extraction, happenings=happenings)


def through_json(kind: Any, value: Any) -> Any:
    return decoder(kind)(json.loads(json.dumps(encoder(kind)(value))))


@pytest.mark.parametrize("kind", RECORDS, ids=lambda c: c.__name__)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_record_comes_back_equal(kind: type, data: st.DataObject) -> None:
    value = data.draw(values(kind))
    again = through_json(kind, value)
    assert again == value and type(again) is kind
    assert hash(again) == hash(value) and repr(again) == repr(value)
    assert pickle.loads(pickle.dumps(again)) == value  # results cross to and from worker processes
    with pytest.raises(dataclasses.FrozenInstanceError):
        again.__setattr__(dataclasses.fields(kind)[0].name, None)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extraction=values(Extraction).map(of_its_article))
def test_every_extraction_comes_back_from_a_cache_entry(extraction: Extraction) -> None:
    with tempfile.TemporaryDirectory() as folder:
        cache = ExtractionCache(Path(folder), "test")
        cache.put(extraction)
        assert cache.get(extraction.article) == extraction
        assert (cache.hits, cache.misses) == (1, 0)


def test_a_record_is_an_array_in_field_order() -> None:
    value = Timex(3, 14, "on Friday", "DATE", "2022-02-11", rule="weekday-past")
    assert encoder(Timex)(value) == [3, 14, "on Friday", "DATE", "2022-02-11", None, "weekday-past", None]
    article = Article(id="a", path="a.md", title="A", text="x", published=date(2022, 2, 12), offsets=((0, 4),))
    assert encoder(Article)(article)[4] == "2022-02-12"
    assert through_json(Article, article) == article


HAPPENING = encoder(Happening)(Happening(
    article_id="a", sentence_index=0, sentence="s", predicate="meet", date="2022-02-12", precision="day",
    status="occurred", evidence=DateEvidence(rule="weekday-past", expression="on Saturday"), title="t", summary="s",
    actors=(ActorRef("Joe Biden", "person"),), numbers=("1",)))


def changed(index: int, value: Any) -> list[Any]:
    row = json.loads(json.dumps(HAPPENING))
    row[index] = value
    return row


@pytest.mark.parametrize("row", [
    changed(1, "0"),  # str for int
    changed(1, True),  # bool for int
    changed(1, 0.0),  # float for int
    changed(0, None),  # null for a required str
    changed(0, 7),
    changed(7, ["weekday-past", None, None]),  # a record one value short
    changed(7, {"rule": "weekday-past"}),  # an object for a record
    changed(7, None),
    changed(12, [["Joe Biden"]]),
    changed(12, "Joe Biden"),
    changed(14, ["1", 2]),  # one item of the wrong type
    changed(14, {"1": 1}),
    changed(13, 3),  # neither str nor null
    HAPPENING[:-1],
    [*HAPPENING, None],
    {"article_id": "a"},
    "a",
    None,
], ids=lambda row: json.dumps(row)[:50])
def test_a_value_that_does_not_fit_is_an_error(row: Any) -> None:
    with pytest.raises(ValueError):
        decoder(Happening)(row)


def test_values_that_fit() -> None:
    row = json.loads(json.dumps(encoder(records.Event)(records.Event(
        id="e", date="2022", precision="year", status="occurred", title="t", summary="s", importance=2.0))))
    row[[f.name for f in dataclasses.fields(records.Event)].index("importance")] = 2  # JSON may write 2.0 as 2
    assert decoder(records.Event)(row).importance == 2.0 and isinstance(decoder(records.Event)(row).importance, float)
    assert decoder(Mention)([0, 1, "é", "\ud800", "person", None, None, None]).name == "\ud800"


def test_a_record_that_checks_itself_is_built_by_its_init() -> None:
    @dataclasses.dataclass(frozen=True)
    class Span:
        start: int
        end: int

        def __post_init__(self) -> None:
            if self.end < self.start:
                raise ValueError("end before start")

    assert decoder(Span)([1, 2]) == Span(1, 2)
    with pytest.raises(ValueError, match="end before start"):
        decoder(Span)([2, 1])


def test_a_type_without_a_json_form_is_refused_when_compiled() -> None:
    with pytest.raises(TypeError):
        decoder(set[int])
    with pytest.raises(TypeError):
        decoder(dict[int, str])


def test_a_lone_surrogate_in_a_result_is_stored_and_read_back(tmp_path: Path) -> None:
    article = Article(id="a", path="a.md", title="A", text="Kyiv")
    extraction = Extraction(article=article, mentions=(Mention(0, 4, "Kyiv\udc80", "Kyiv", "place"),))
    cache = ExtractionCache(tmp_path, "test")
    cache.put(extraction)
    assert cache.get(article) == extraction
