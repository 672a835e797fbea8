"""Rendering again, as a build does it through the cache: nothing written when nothing changed, only the
pages an edit reaches made and written, a damaged cache entry made again, the search index up to date;
and always the site a clean render makes."""

from __future__ import annotations

import errno
import gzip
import io
import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from timeline.cache import Memo
from timeline.cache.progress import Progress
from timeline.config import Config
from timeline.render import Rendered, render_settings, render_site
from timeline.render.output import staging_folder
from timeline.render.samples import sample_articles, sample_events

from conftest import BUILD_DATE, make_config

EVENTS = sample_events(120)
ARTICLES = sample_articles(30)


def make_cfg(tmp_path: Path, name: str = "output", **changes: dict[str, object]) -> Config:
    """A site ``tmp_path/name`` with its own cache ``tmp_path/name-cache``, rendered in one process."""
    sections: dict[str, dict[str, object]] = {"paths": {"cache": tmp_path / f"{name}-cache"},
                                              "build": {"build_date": BUILD_DATE, "jobs": 1}}
    for section, keys in changes.items():
        sections[section] = {**sections.get(section, {}), **keys}
    return make_config(output=tmp_path / name, title="Incremental", **sections)


@dataclass(frozen=True)
class Run:
    pages: int  # HTML pages written
    hits: int  # parts taken from the cache
    misses: int  # parts made
    damaged: int  # cache entries found damaged


def render(events: list, cfg: Config, articles: list = ARTICLES, registry: object = None, *, search: bool = False,
           clean: bool = False) -> Run:
    """Render as the build does: through the cache's render step, pruned after."""
    memo = Memo(cfg.paths.cache, enabled=not clean)
    step = memo.step("render", Rendered, "timeline.render", render_settings(cfg))
    pages = render_site(events, registry, articles, cfg, search=search, each=step)
    memo.prune()
    return Run(pages.written, step.hits, step.misses, step.damaged)


def files(root: Path) -> dict[str, tuple[int, int]]:
    """Every file of a site with its inode and modification time: what a write changes."""
    found = {}
    for path in root.rglob("*"):
        if path.is_file():
            info = path.stat()
            found[path.relative_to(root).as_posix()] = (info.st_ino, info.st_mtime_ns)
    return found


def contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def same_as_clean(tmp_path: Path, cfg: Config, events: list, articles: list = ARTICLES, registry: object = None,
                  *, search: bool = False, name: str = "clean") -> bool:
    """Whether the site equals the one a clean render of the same input makes, in a new folder with no cache."""
    clean = replace(cfg, paths=replace(cfg.paths, output=tmp_path / name, cache=tmp_path / f"{name}-cache"))
    render(events, clean, articles, registry, search=search, clean=True)
    return contents(cfg.paths.output) == contents(clean.paths.output)


def edited(events: list, index: int = 5, title: str = " (revised)") -> list:
    return [replace(ev, title=ev.title + title) if i == index else ev for i, ev in enumerate(events)]


def test_no_change_renders_and_writes_nothing(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path)
    first = render(EVENTS, cfg)
    assert first.pages > 50 and first.hits == 0
    before = files(cfg.paths.output)
    folder = cfg.paths.output.stat().st_ino
    # The same events in another order are the same site.
    again = render(list(reversed(EVENTS)), cfg)
    assert (again.pages, again.misses, again.hits) == (0, 0, first.misses)
    assert files(cfg.paths.output) == before
    assert cfg.paths.output.stat().st_ino == folder  # not even swapped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "output-cache"]  # nothing staged aside


def test_one_edit_makes_and_writes_only_the_pages_it_reaches(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path)
    render(EVENTS, cfg)
    before, old = files(cfg.paths.output), contents(cfg.paths.output)
    changed = edited(EVENTS)
    step = render(changed, cfg)
    after = files(cfg.paths.output)
    written = sorted(p for p in after if after[p] != before.get(p))
    ev = changed[5]
    # Its page, its neighbours' (they name it), and the listings and feeds that show it.
    assert f"events/{ev.id}.html" in written and f"months/{ev.date[:7]}.html" in written
    assert {"index.html", "events.json", "events.csv"} <= set(written)
    assert len(written) < 0.15 * len(after), written
    assert all(contents(cfg.paths.output)[p] != old.get(p) for p in written), "no file is written as it was"
    assert 5 <= step.misses < 0.1 * (step.hits + step.misses)
    assert same_as_clean(tmp_path, cfg, changed)


def test_an_unchanged_page_is_not_rendered_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.render.templating import Renderer

    cfg = make_cfg(tmp_path)
    render(EVENTS, cfg)
    rendered: list[str] = []
    original, event_page = Renderer.page, Renderer.event_page
    monkeypatch.setattr(Renderer, "page", lambda self, template, path, **kw: rendered.append(path) or original(
        self, template, path, **kw))
    monkeypatch.setattr(Renderer, "event_page", lambda self, path, **kw: rendered.append(path) or event_page(
        self, path, **kw))
    changed = edited(EVENTS)
    render(changed, cfg)
    assert f"events/{changed[5].id}.html" in rendered
    far = [ev for ev in sorted(EVENTS, key=lambda e: (e.date, e.id))][60]
    assert f"events/{far.id}.html" not in rendered
    assert len(rendered) < 40, rendered


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_cache_entry_is_made_again(tmp_path: Path, damage: str) -> None:
    cfg = make_cfg(tmp_path)
    render(EVENTS, cfg)
    before = files(cfg.paths.output)
    entries = sorted(p for p in (cfg.paths.cache / "render").rglob("*") if p.is_file())
    for entry in entries[::7]:
        raw = entry.read_bytes()
        entry.write_bytes({"garbage": b"\x00not an entry", "truncated": raw[: len(raw) // 2], "empty": b""}[damage])
    step = render(EVENTS, cfg)
    assert step.damaged == step.misses == len(entries[::7])
    assert files(cfg.paths.output) == before, "made again, the same bytes: nothing written"
    assert render(EVENTS, cfg).misses == 0  # the entries were written anew


def test_clean_makes_every_part_and_writes_only_what_differs(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path)
    render(EVENTS, cfg)
    before = files(cfg.paths.output)
    step = render(EVENTS, cfg, clean=True)
    assert step.hits == 0 and step.misses > 100 and step.pages == 0
    assert files(cfg.paths.output) == before


def rebuilds() -> list[tuple[str, list, list, object, dict]]:
    """Edits a maintainer or a new article makes, one after another: (what, events, articles, registry, config)."""
    from timeline.records import Actor, ActorRef, Source

    base = list(EVENTS)
    new = replace(EVENTS[0], id="brand-new", date="2023-05-02", title="A new event",
                  actors=(ActorRef("Ada Newcomer", "person"), ActorRef("Joe Biden", "person")))
    moved = [replace(ev, date="2022-07-15") if i == 9 else ev for i, ev in enumerate(base)]
    hidden = [replace(ev, hidden=True) if i == 12 else ev for i, ev in enumerate(moved)]
    aliased = [replace(ev, aliases=("an-old-id",)) if i == 20 else ev for i, ev in enumerate(hidden)]
    renamed = [replace(ev, title="The event with an old id") if i == 20 else ev for i, ev in enumerate(aliased)]
    marked = [replace(ev, summary="Talks **resumed**, see [the report](https://example.org/r).") if i == 30 else
              replace(ev, summary="Talks resumed\nin Geneva.") if i == 31 else ev  # a CSV record of two lines
              for i, ev in enumerate(renamed)]
    sourced = [replace(ev, sources=ev.sources + (Source("article-00001", "Report number 1", "2022-01-03"),))
               if i == 40 else ev for i, ev in enumerate(marked)]
    scheduled = [replace(ev, status="scheduled", title=ev.title + " (planned)") if i == 41 else ev
                 for i, ev in enumerate(sourced)]
    early = replace(EVENTS[1], id="early", date="2021-06-10", title="Before everything else")
    earlier = replace(early, id="earlier", date="2021-06-09", title="Even before that")
    retitled = [replace(a, title="A renamed report") if i == 3 else a for i, a in enumerate(ARTICLES)]
    moved_article = [replace(a, outlet="Another Wire", url="https://example.org/moved") if i == 3 else a
                     for i, a in enumerate(retitled)]
    # The second oldest of its type, moved to another week of its month: it stays on its type's last page
    # and the pager keeps its labels, but the type's chart, on every page, changes.
    second = sorted((ev.date, i) for i, ev in enumerate(scheduled) if ev.type == scheduled[60].type)[1][1]
    redated = [replace(ev, date=ev.date[:8] + "01") if i == second else ev for i, ev in enumerate(scheduled)]
    registry = [Actor("Joe Biden", "person", roles=(), country="United States", description="Has a page."),
                Actor("Kyiv", "country")]  # was a place: now a performer in the events' JSON-LD
    return [
        ("one title", edited(base), ARTICLES, None, {}),
        ("an event with a new actor", edited(base) + [new], ARTICLES, None, {}),
        ("an event removed", base[:50] + base[51:] + [new], ARTICLES, None, {}),
        ("an event in a month before all others", base + [new, early], ARTICLES, None, {}),
        ("another one in that month", base + [new, early, earlier], ARTICLES, None, {}),
        ("a date moved to another month", moved, ARTICLES, None, {}),
        ("an event hidden", hidden, ARTICLES, None, {}),
        ("an old id", aliased, ARTICLES, None, {}),
        ("the event with the old id retitled", renamed, ARTICLES, None, {}),
        ("summaries in Markdown and on two lines", marked, ARTICLES, None, {}),
        ("a source added", sourced, ARTICLES, None, {}),
        ("an event scheduled", scheduled, ARTICLES, None, {}),
        ("an article retitled", scheduled, retitled, None, {}),
        ("an article's outlet and address", scheduled, moved_article, None, {}),
        ("the registry", scheduled, moved_article, registry, {}),
        ("smaller pages", scheduled, moved_article, registry, {"page_size": 7}),
        ("a date moved within the listings", redated, moved_article, registry, {"page_size": 7}),
        ("oldest first", redated, moved_article, registry, {"page_size": 7, "order": "oldest"}),
        ("fewer key events and feed entries", redated, moved_article, registry,
         {"page_size": 7, "order": "oldest", "key_events": 3, "feed_size": 4}),
    ]


def test_rebuilds_equal_clean_renders_edit_after_edit(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path, site={"page_size": 25})
    render(EVENTS, cfg)
    for number, (what, events, articles, registry, site) in enumerate(rebuilds()):
        now = replace(cfg, site=replace(cfg.site, **site))
        render(events, now, articles, registry)
        assert same_as_clean(tmp_path, now, events, articles, registry, name=f"clean-{number}"), what


def test_template_and_config_changes_render_again(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    cfg = make_cfg(tmp_path, paths={"cache": tmp_path / "cache", "templates": templates})
    render(EVENTS, cfg)
    (templates / "assets").mkdir(parents=True)
    (templates / "assets" / "style.css").write_text("/* the maintainer's own style */\n")
    render(EVENTS, cfg)
    assert "maintainer's own" in (cfg.paths.output / "assets" / "style.css").read_text()
    assert render(EVENTS, cfg).pages == 0
    retitled = replace(cfg, title="Another title")
    assert render(EVENTS, retitled).pages > 50
    assert "Another title" in (cfg.paths.output / "index.html").read_text()


def test_maintainer_page_templates_render_every_page(tmp_path: Path) -> None:
    from timeline.records import ActorRef

    templates = tmp_path / "templates"
    templates.mkdir()
    # Shows what no part declares it shows: how many events each actor of an event has.
    event_page = (Path(__file__).resolve().parents[1] / "site_templates" / "event.html").read_text()
    (templates / "event.html").write_text(event_page.replace(
        "{{ a.name }}</a>", "{{ a.name }}</a> ({{ a.events|length }})"))
    cfg = make_cfg(tmp_path, paths={"cache": tmp_path / "cache", "templates": templates})
    render(EVENTS, cfg)
    more = EVENTS + [replace(EVENTS[0], id="one-more", title="One more", actors=(ActorRef("Joe Biden", "person"),))]
    assert render(more, cfg).hits == 0
    assert same_as_clean(tmp_path, cfg, more)


def test_whatever_is_in_the_spare_folder_never_reaches_the_site(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path)
    render(EVENTS, cfg)
    render(edited(EVENTS), cfg)
    # The site the last build replaced, staged in by the next one, in the cache folder.
    spare = staging_folder(cfg.paths.output, cfg.paths.cache) / ".output-spare"
    assert spare.is_dir()
    (spare / "stray.html").write_text("not ours")
    (spare / "404.html").unlink()
    (spare / "404.html").write_text("not ours either")
    (spare / "events" / "link.html").symlink_to(tmp_path / "output-cache")
    (spare / "empty" / "folder").mkdir(parents=True)
    render(edited(EVENTS, 7), cfg)
    assert same_as_clean(tmp_path, cfg, edited(EVENTS, 7))
    assert not (cfg.paths.output / "empty").exists()


def test_leftovers_of_a_killed_build_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = tmp_path / f".output-new-{dead.stdout.strip()}-search-abc"
    (leftover / "events").mkdir(parents=True)
    render(EVENTS[:10], make_cfg(tmp_path))
    assert not leftover.exists()


def test_forked_workers_make_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.render import parts

    monkeypatch.setattr(parts, "FORK_PARTS", 20)
    monkeypatch.setattr(parts, "FORK_LISTINGS", 5)  # the listings in two processes too
    one, two = make_cfg(tmp_path, "one"), make_cfg(tmp_path, "two", build={"jobs": 2})
    render(EVENTS, one)
    render(EVENTS, two)
    assert contents(one.paths.output) == contents(two.paths.output)
    changed = edited(EVENTS, 40)
    render(changed, one)
    render(changed, two)
    assert contents(one.paths.output) == contents(two.paths.output)


def test_a_failure_in_a_worker_stops_the_render_and_keeps_the_site(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.errors import TimelineError
    from timeline.render import pages, parts

    cfg = make_cfg(tmp_path, build={"jobs": 2})
    render(EVENTS, cfg)
    before = files(cfg.paths.output)
    monkeypatch.setattr(parts, "FORK_PARTS", 20)
    original = pages.event_page

    def broken(r: object, model: object, cfg: Config, ev: object, index: int, *more: object) -> tuple[str, bytes]:
        if index == 30:
            raise ValueError("a page that cannot be made")
        return original(r, model, cfg, ev, index, *more)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "event_page", broken)
    with pytest.raises(TimelineError, match="a page that cannot be made"):
        render([replace(ev, title=ev.title + "!") for ev in EVENTS], cfg)
    assert files(cfg.paths.output) == before


def search_texts(output: Path) -> dict[str, str]:
    """What the search index holds of each event page: its address and the text Pagefind indexed."""
    found = {}
    for name in json.loads((output / "pagefind" / "shards.json").read_text()):
        for fragment in (output / "pagefind" / name / "fragment").iterdir():
            data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
            found[data["url"]] = data["content"] + " " + data["meta"]["title"]
    return found


def test_search_finds_a_changed_event_and_indexes_only_its_shard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    pytest.importorskip("pagefind", reason="the search index needs pagefind[bin]")
    from timeline.render import shards

    monkeypatch.setattr(shards, "SHARD_EVENTS", 16)
    cfg = make_cfg(tmp_path)
    render(EVENTS, cfg, search=True)
    names = json.loads((cfg.paths.output / "pagefind" / "shards.json").read_text())
    assert len(names) >= 5
    before = files(cfg.paths.output / "pagefind")
    changed = edited(EVENTS, 5, title=" in Zanzibar")
    with caplog.at_level(logging.INFO, logger="timeline"):
        render(changed, cfg, search=True)
    assert f"search: 1 of {len(names)} index shards built" in caplog.text
    found = search_texts(cfg.paths.output)
    assert [url for url, text in found.items() if "Zanzibar" in text] == [f"/events/{changed[5].id}.html"]
    after = files(cfg.paths.output / "pagefind")
    new = [n for n in json.loads((cfg.paths.output / "pagefind" / "shards.json").read_text()) if n not in names]
    assert len(new) == 1
    kept = [p for p in after if not p.startswith(new[0]) and p != "shards.json"]
    assert kept and all(after[p] == before[p] for p in kept), "the other shards' files are not written again"
    assert same_as_clean(tmp_path, cfg, changed, search=True)
    with caplog.at_level(logging.INFO, logger="timeline"):
        caplog.clear()
        render(changed, cfg, search=True)
    assert "search: 0 of" in caplog.text  # nothing changed: Pagefind does not run


def test_progress_counts_the_pages(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    logging.getLogger("timeline").setLevel(logging.INFO)
    with caplog.at_level(logging.INFO, logger="timeline"):
        step = render(EVENTS, make_cfg(tmp_path))
    assert f"render: {step.pages} pages done in" in caplog.text


def test_an_estimated_total_ends_complete() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    logging.getLogger("timeline").setLevel(logging.INFO)
    out = Terminal()
    with Progress("render", 10, stream=out, unit="pages") as progress:
        progress.update(14)
    assert "14/14 pages" in out.getvalue() and "14/10" not in out.getvalue()


def test_the_spare_folder_lives_in_the_cache_folder(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path)
    render(EVENTS[:10], cfg)
    render(edited(EVENTS[:10]), cfg)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "output-cache"]  # nothing beside the output
    spare = staging_folder(cfg.paths.output, cfg.paths.cache) / ".output-spare"
    assert spare.is_dir() and spare.is_relative_to(cfg.paths.cache)
    assert same_as_clean(tmp_path, cfg, edited(EVENTS[:10]))


def test_a_cache_on_another_file_system_keeps_the_spare_folder_beside_the_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.render import output

    real_rename = os.rename

    def across(source: object, target: object) -> None:
        if "-cache" in str(source) and "-cache" not in str(target):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_rename(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(output.os, "rename", across)
    cfg = make_cfg(tmp_path)
    render(EVENTS[:10], cfg)
    render(edited(EVENTS[:10]), cfg)
    assert (tmp_path / ".output-spare").is_dir()  # beside the output: the swap stays one rename
    assert not any((cfg.paths.cache / "site").rglob(".probe-*"))
    assert same_as_clean(tmp_path, cfg, edited(EVENTS[:10]))
