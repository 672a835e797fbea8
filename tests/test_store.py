"""The YAML store: round trip, hand edits detected, schema errors with file, line and field."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from timeline.merge import merge
from timeline.records import ActorRef, Article, DateEvidence, Happening
from timeline.store.events import load_events, save_events, validate_store


def _stored(tmp_path: Path):
    h = Happening(article_id="a", sentence_index=0, sentence="Biden and Putin spoke.", predicate="speak",
                  date="2022-02-12", precision="day", status="occurred",
                  evidence=DateEvidence("weekday-same-day", "Saturday", "2022-02-12"), title="Biden and Putin spoke",
                  summary="Biden and Putin spoke.", type="diplomacy", actors=(ActorRef("Joe Biden", "person"),))
    art = Article(id="a", path="a.md", title="T", text="", published=None)
    events = list(merge([], [h], [art]).events)
    save_events(tmp_path, events)
    return events, h, art


def test_round_trip_and_no_change_no_write(tmp_path: Path) -> None:
    events, _, _ = _stored(tmp_path)
    loaded, problems = load_events(tmp_path)
    assert problems == [] and loaded == events
    assert save_events(tmp_path, loaded) == 0
    assert (tmp_path / "2022-02.yaml").exists()



def test_the_evidence_keeps_its_modifier_through_the_store(tmp_path: Path) -> None:
    # "in mid-2011": the date's reason reads the same once the event is reloaded
    events, _, _ = _stored(tmp_path)
    mid = replace(events[0], date="2011", precision="year",
                  evidence=DateEvidence("year", "mid-2011", "2011", "MID"))
    save_events(tmp_path, [mid])
    loaded, problems = load_events(tmp_path)
    assert problems == [] and loaded[0].evidence == mid.evidence

def test_a_hand_edit_is_detected_and_wins(tmp_path: Path) -> None:
    events, h, art = _stored(tmp_path)
    path = tmp_path / "2022-02.yaml"
    path.write_text(path.read_text().replace("title: Biden and Putin spoke", "title: Presidents talk"))
    loaded, _ = load_events(tmp_path)
    assert loaded[0].curated == ("title",)
    rebuilt = merge(loaded, [h], [art]).events
    assert rebuilt[0].title == "Presidents talk" and rebuilt[0].id == events[0].id


def test_schema_errors_name_file_line_and_field(tmp_path: Path) -> None:
    _stored(tmp_path)
    path = tmp_path / "2022-02.yaml"
    path.write_text(path.read_text().replace("status: occurred", "status: maybe"))
    problems = validate_store(tmp_path)
    assert len(problems) == 1 and problems[0].line and "status" in problems[0].message
    assert problems[0].path.endswith("2022-02.yaml")


def test_duplicate_ids_and_misfiled_events(tmp_path: Path) -> None:
    events, _, _ = _stored(tmp_path)
    save_events(tmp_path, events)
    (tmp_path / "2022-03.yaml").write_text((tmp_path / "2022-02.yaml").read_text())
    messages = [p.message for p in validate_store(tmp_path)]
    assert any("also used" in m for m in messages) and any("belongs in 2022-02.yaml" in m for m in messages)


def test_every_precision_the_engine_gives_is_a_valid_store_date(tmp_path: Path) -> None:
    """What a build writes, the next build reads: weekends, weeks, seasons, halves, decades."""
    _, h, art = _stored(tmp_path)
    values = ["2022-W06-WE", "2022-W06", "2022-Q1", "2022-H2", "2022-WI", "2022-SU", "198X", "2022-02", "2014"]
    happenings = [replace(h, date=v, sentence=f"Sentence {i}.", sentence_index=i, title=f"Happening {i} took place")
                  for i, v in enumerate(values)]
    events = list(merge([], happenings, [art]).events)
    save_events(tmp_path, events)
    loaded, problems = load_events(tmp_path)
    assert problems == [] and validate_store(tmp_path) == []
    assert sorted(e.date for e in loaded) == sorted(values)


def test_pausing_the_collector_keeps_cycles_collectable() -> None:
    import gc
    import weakref

    from timeline.store.nogc import paused_gc

    class Node:
        pass

    with paused_gc():
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle made while the collector is paused
        watch = weakref.ref(a)
        del a, b
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.collect()
    assert watch() is None
