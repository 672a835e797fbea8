"""What a page shows follows every field of an event: change any field of an event, of one of its sources,
actors or of its evidence, and the site rendered again through the cache is the one a clean render makes.
Equal events, whatever their identity, make nothing again; a rebuild that missed a change would keep a
stale page."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any, Iterator

from timeline.cache import Memo
from timeline.config import Config
from timeline.records import DateEvidence, Event, Source
from timeline.render import Rendered, render_settings, render_site
from timeline.render.fingerprints import digest
from timeline.render.samples import sample_articles, sample_events

from conftest import BUILD_DATE, make_config

EVENTS = [replace(ev, aliases=("old-id",), disputes=("figures differ",), place="Kyiv", curated=("title",))
          if i == 1 else ev for i, ev in enumerate(sample_events(12))]
ARTICLES = sample_articles(4)


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


def render(events: list[Event], cfg: Config, *, clean: bool = False) -> int:
    """Render through the cache as the build does; the number of parts made."""
    memo = Memo(cfg.paths.cache, enabled=not clean)
    step = memo.step("render", Rendered, "timeline.render", render_settings(cfg))
    render_site(events, None, ARTICLES, cfg, search=False, each=step)
    memo.prune()
    return step.misses


def site(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def changed_events() -> Iterator[tuple[str, list[Event]]]:
    """The events with one field of the second one changed, for every field it and its records have."""
    event = EVENTS[1]
    for field in fields(Event):
        if field.name not in ("actors", "sources", "evidence", "id", "hidden"):
            yield field.name, [replace(event, **{field.name: other(getattr(event, field.name))}), *EVENTS[2:]]
    source = event.sources[-1]
    for field in fields(Source):
        changed = replace(source, **{field.name: other(getattr(source, field.name))})
        yield f"sources.{field.name}", [replace(event, sources=event.sources[:-1] + (changed,)), *EVENTS[2:]]
    actor = event.actors[0]
    for field in fields(actor):
        changed = replace(actor, **{field.name: other(getattr(actor, field.name))})
        yield f"actors.{field.name}", [replace(event, actors=(changed, *event.actors[1:])), *EVENTS[2:]]
    evidence = event.evidence or DateEvidence(rule="weekday-past")
    for field in fields(DateEvidence):
        changed = replace(evidence, **{field.name: other(getattr(evidence, field.name))})
        yield f"evidence.{field.name}", [replace(event, evidence=changed), *EVENTS[2:]]


def test_equal_events_make_nothing_again(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "site", paths={"cache": tmp_path / "cache"}, build={"build_date": BUILD_DATE})
    render(EVENTS, cfg)
    twins = [replace(ev, id=copied(ev.id), title=copied(ev.title),
                     sources=tuple(replace(s, quote=copied(s.quote), article=copied(s.article)) for s in ev.sources))
             for ev in EVENTS]
    assert twins == EVENTS and twins[0].title is not EVENTS[0].title
    assert render(twins, cfg) == 0


def test_every_field_of_an_event_and_its_records_reaches_its_pages(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "site", paths={"cache": tmp_path / "cache"}, build={"build_date": BUILD_DATE})
    render(EVENTS[1:], cfg)
    for number, (what, events) in enumerate(changed_events()):
        render(events, cfg)
        clean = replace(cfg, paths=replace(cfg.paths, output=tmp_path / f"clean-{number}", cache=tmp_path / "c"))
        render(events, clean, clean=True)
        assert site(cfg.paths.output) == site(clean.paths.output), what


def test_a_value_of_an_unexpected_type_still_counts() -> None:
    odd = replace(EVENTS[1], place=date(2022, 2, 1))  # type: ignore[arg-type]
    assert digest(odd) != digest(replace(EVENTS[1], place=date(2022, 2, 2)))  # type: ignore[arg-type]
