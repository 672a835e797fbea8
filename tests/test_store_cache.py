"""The store's parse cache and skipped writes: faster, never different, never fatal."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from timeline.merge import merge
from timeline.records import ActorRef, Article, DateEvidence, Event, Happening
from timeline.store import events as store
from timeline.store.events import load_events, save_events, validate_store

TRICKY = "Putin: \"no\" # yes\n\tnull - 1e3 'x' 2022-02-12 ü 😀"


def _events() -> list[Event]:
    hs = [Happening(article_id=f"a{i}", sentence_index=0, sentence=f"{TRICKY} {i}.", predicate="meet",
                    date=f"2022-0{1 + i % 3}-1{i}", precision="day", status="occurred",
                    evidence=DateEvidence("publication-date", None, f"2022-0{1 + i % 3}-1{i}"),
                    title=f"Talks {i}: {TRICKY}", summary=TRICKY, type="diplomacy",
                    actors=(ActorRef("Joe Biden", "person"), ActorRef("yes", "country")))
          for i in range(6)]
    arts = [Article(id=f"a{i}", path=f"a{i}.md", title="- on", text="", published=None, outlet="null")
            for i in range(6)]
    return list(merge([], hs, arts).events)


def test_tricky_text_round_trips_and_warm_equals_cold(tmp_path: Path) -> None:
    folder, cache = tmp_path / "events", tmp_path / "cache"
    events = _events()
    save_events(folder, events, cache=cache)
    cold, problems = load_events(folder)
    assert problems == [] and cold == events
    assert list((cache / "store").glob("*.json"))
    warm, problems = load_events(folder, cache)
    assert problems == [] and warm == events


def test_a_corrupt_cache_entry_is_read_again(tmp_path: Path) -> None:
    folder, cache = tmp_path / "events", tmp_path / "cache"
    events = _events()
    save_events(folder, events, cache=cache)
    for entry in (cache / "store").glob("*.json"):
        entry.write_text('{"canonical": true, "events": [["broken"', encoding="utf-8")
    loaded, problems = load_events(folder, cache)
    assert problems == [] and loaded == events


@pytest.mark.parametrize("damage", [
    lambda entry: {**entry, "articles": [a + ["extra"] for a in entry["articles"]]},  # a source of six fields
    lambda entry: {**entry, "articles": [a[:-1] for a in entry["articles"]]},
    lambda entry: {**entry, "events": [r[:9] + [["rule", "x", "v", "m", "extra"]] + r[10:] for r in entry["events"]]},
])
def test_a_cache_entry_of_the_wrong_shape_is_read_again(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    import json

    folder, cache = tmp_path / "events", tmp_path / "cache"
    events = _events()
    save_events(folder, events, cache=cache)
    load_events(folder, cache)  # the first load keeps the events it read
    for entry in (cache / "store").glob("*.json"):
        kept = json.loads(entry.read_text(encoding="utf-8"))
        assert kept["events"] and kept["articles"]
        entry.write_text(json.dumps(damage(kept)), encoding="utf-8")
    loaded, problems = load_events(folder, cache)
    assert problems == [] and loaded == events


def test_an_unchanged_store_is_not_written_out_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, cache = tmp_path / "events", tmp_path / "cache"
    save_events(folder, _events(), cache=cache)
    loaded, _ = load_events(folder, cache)

    def no_dump(items: object) -> str:
        raise AssertionError("an unchanged file was serialised")

    monkeypatch.setattr(store, "dump_events", no_dump)
    assert save_events(folder, loaded, cache=cache) == 0
    monkeypatch.undo()
    changed = [replace(loaded[0], title="Changed")] + loaded[1:]
    assert save_events(folder, changed, cache=cache) == 1


def test_a_hand_edit_misses_the_cache_and_is_detected(tmp_path: Path) -> None:
    folder, cache = tmp_path / "events", tmp_path / "cache"
    events = _events()
    save_events(folder, events, cache=cache)
    load_events(folder, cache)
    path = folder / f"{store.store_file_key(events[0].date)}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  status: occurred\n", "  status: occurred  # checked\n", 1)
                    .replace(events[0].id, f"'{events[0].id}'", 1), encoding="utf-8")
    loaded, problems = load_events(folder, cache)
    assert problems == [] and loaded == events  # other styles go through libyaml, same result
    path.write_text(text.replace("  status: occurred\n", "  status: maybe\n", 1), encoding="utf-8")
    problems = validate_store(folder)
    assert len(problems) == 1 and problems[0].line and "status" in problems[0].message
    _, problems = load_events(folder, cache)
    assert len(problems) == 1 and problems[0].line


def test_fingerprints_match_the_canonical_hash() -> None:
    from timeline.records import stable_hash
    from timeline.store.fingerprint import field_hash

    event = _events()[0]
    for name in store.TRACKED:
        value = getattr(event, name)
        value = [a.name for a in value] if name == "actors" else value
        assert field_hash(event, name) == stable_hash(value, length=store.FINGERPRINT_PART)
    # Remembered parts are keyed by type and text: equal values that hash apart stay apart.
    for one, other in ((1.0, -0.0), (0.0, -0.0), (1.0, 1), (True, 1)):
        a, b = replace(event, importance=one), replace(event, importance=other)
        assert field_hash(a, "importance") == stable_hash(one, length=store.FINGERPRINT_PART)
        assert field_hash(b, "importance") == stable_hash(other, length=store.FINGERPRINT_PART)
