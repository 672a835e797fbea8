"""Rendering again does only what changed: nothing when nothing changed, only the pages an edit reaches,
links for unchanged files, Pagefind only for the search shard of a changed event; and the result is
always the site a clean render makes."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.cache.progress import Progress
from timeline.config import Config, load_config
from timeline.render import render_site
from timeline.render.output import MANIFEST, read_manifest
from timeline.render.samples import sample_articles, sample_events

EVENTS = sample_events(120)
ARTICLES = sample_articles(30)


def make_cfg(output: Path, **changes: object) -> Config:
    cfg = load_config(None, output=output)
    cfg = replace(cfg, title="Incremental", build=replace(cfg.build, build_date="2022-03-01", jobs=2))
    return replace(cfg, **changes) if changes else cfg


def files(root: Path) -> dict[str, tuple[int, int]]:
    """Every file of a site with its inode and modification time: what a rewrite would change."""
    found = {}
    for path in root.rglob("*"):
        if path.is_file():
            info = path.stat()
            found[path.relative_to(root).as_posix()] = (info.st_ino, info.st_mtime_ns)
    return found


def contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and p.name != MANIFEST}


def edited(events: list, index: int = 5) -> list:
    return [replace(ev, title=ev.title + " (revised)") if i == index else ev for i, ev in enumerate(events)]


def test_no_change_renders_and_writes_nothing(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path / "output")
    assert render_site(EVENTS, None, ARTICLES, cfg, search=False) > 50
    before = files(cfg.paths.output)
    folder = cfg.paths.output.stat().st_ino
    # The same events in another order are the same site.
    assert render_site(list(reversed(EVENTS)), None, ARTICLES, cfg, search=False) == 0
    assert files(cfg.paths.output) == before
    assert cfg.paths.output.stat().st_ino == folder  # not even swapped
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output-")]  # nothing left aside


def test_one_change_links_the_rest_and_equals_a_clean_render(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path / "output")
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    before = files(cfg.paths.output)
    changed = edited(EVENTS)
    render_site(changed, None, ARTICLES, cfg, search=False)
    after = files(cfg.paths.output)
    kept = [p for p in after if after[p] == before.get(p)]
    assert len(kept) > 0.8 * len(after), "unchanged files are linked, not rewritten"
    assert after[f"events/{changed[5].id}.html"] != before[f"events/{changed[5].id}.html"]
    clean = make_cfg(tmp_path / "clean")
    render_site(changed, None, ARTICLES, clean, search=False)
    assert contents(cfg.paths.output) == contents(clean.paths.output)
    assert (cfg.paths.output / MANIFEST).read_bytes() == (clean.paths.output / MANIFEST).read_bytes()


def test_clean_rewrites_every_file(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path / "output")
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    before = files(cfg.paths.output)
    assert render_site(EVENTS, None, ARTICLES, cfg, search=False, clean=True) > 0
    after = files(cfg.paths.output)
    assert set(after) == set(before) and all(after[p][0] != before[p][0] for p in after)


def test_a_damaged_site_is_rendered_again(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path / "output")
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    out = cfg.paths.output
    good = (out / "index.html").read_bytes()
    (out / "archive.html").unlink()
    assert render_site(EVENTS, None, ARTICLES, cfg, search=False) > 0
    assert (out / "archive.html").is_file()
    # Changed by hand, same size: newer than the manifest, so not trusted either.
    (out / "index.html").write_bytes(good.replace(b"<", b"{", 1))
    os.utime(out / "index.html", ns=((out / MANIFEST).stat().st_mtime_ns + 10**9,) * 2)
    assert render_site(EVENTS, None, ARTICLES, cfg, search=False) > 0
    assert (out / "index.html").read_bytes() == good
    (out / MANIFEST).write_text((out / MANIFEST).read_text().replace('"404.html"', '"../secret.html"'))
    assert read_manifest(out) is None
    (out / MANIFEST).write_text("{not json")
    assert render_site(EVENTS, None, ARTICLES, cfg, search=False) > 0
    assert read_manifest(out) is not None and read_manifest(out).intact


def test_template_and_config_changes_render_again(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    cfg = make_cfg(tmp_path / "output", paths=replace(make_cfg(tmp_path / "output").paths, templates=templates))
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    (templates / "assets").mkdir(parents=True)
    (templates / "assets" / "style.css").write_text("/* the maintainer's own style */\n")
    assert render_site(EVENTS, None, ARTICLES, cfg, search=False) > 0
    assert "maintainer's own" in (cfg.paths.output / "assets" / "style.css").read_text()
    assert render_site(EVENTS, None, ARTICLES, cfg, search=False) == 0
    retitled = replace(cfg, title="Another title")
    assert render_site(EVENTS, None, ARTICLES, retitled, search=False) > 0
    assert "Another title" in (cfg.paths.output / "index.html").read_text()


def test_leftovers_of_a_killed_build_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = tmp_path / f".output-new-{dead.stdout.strip()}-abc"
    (leftover / "events").mkdir(parents=True)
    render_site(EVENTS[:10], None, ARTICLES, make_cfg(tmp_path / "output"), search=False)
    assert not leftover.exists()


def test_pagefind_runs_only_when_an_event_page_changed(tmp_path: Path) -> None:
    pytest.importorskip("pagefind", reason="the search index needs pagefind[bin]")
    cfg = make_cfg(tmp_path / "output")
    render_site(EVENTS, None, ARTICLES, cfg)
    index = {p: v for p, v in files(cfg.paths.output).items() if p.startswith("pagefind/")}
    assert any(p.endswith(".pf_meta") for p in index)
    # Only the feeds depend on feed_size: the pages change nowhere, the index is carried over.
    fewer = replace(cfg, site=replace(cfg.site, feed_size=3))
    assert render_site(EVENTS, None, ARTICLES, fewer) > 0
    assert {p: v for p, v in files(cfg.paths.output).items() if p.startswith("pagefind/")} == index
    # An event page changed: Pagefind runs, and its index is the one a clean render makes.
    render_site(edited(EVENTS), None, ARTICLES, fewer)
    clean = replace(fewer, paths=replace(fewer.paths, output=tmp_path / "clean"))
    render_site(edited(EVENTS), None, ARTICLES, clean)
    assert {p: v for p, v in files(cfg.paths.output).items() if p.startswith("pagefind/")} != index
    assert contents(cfg.paths.output / "pagefind") == contents(clean.paths.output / "pagefind")


def test_progress_counts_pages_rendered(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    logging.getLogger("timeline").setLevel(logging.INFO)
    with caplog.at_level(logging.INFO, logger="timeline"):
        pages = render_site(EVENTS, None, ARTICLES, make_cfg(tmp_path / "output"), search=False)
    assert f"render: {pages} pages done in" in caplog.text


def test_an_estimated_total_ends_complete() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    logging.getLogger("timeline").setLevel(logging.INFO)
    out = Terminal()
    with Progress("render", 10, stream=out, unit="pages") as progress:
        progress.update(14)
    assert "14/14 pages" in out.getvalue() and "14/10" not in out.getvalue()


def rendered_pages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths of the pages rendered from now on (in this process: use with one job)."""
    from timeline.render.templating import Renderer

    seen: list[str] = []
    original = Renderer._render

    def spy(self: Renderer, template: str, path: str, prefix: str, context: dict) -> None:
        seen.append(path)
        original(self, template, path, prefix, context)

    monkeypatch.setattr(Renderer, "_render", spy)
    return seen


def test_a_rebuild_renders_only_the_pages_an_edit_reaches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = make_cfg(tmp_path / "output", build=replace(make_cfg(tmp_path).build, jobs=1))
    pages = render_site(EVENTS, None, ARTICLES, cfg, search=False)
    seen = rendered_pages(monkeypatch)
    changed = edited(EVENTS)
    render_site(changed, None, ARTICLES, cfg, search=False)
    assert f"events/{changed[5].id}.html" in seen
    assert f"events/{changed[6].id}.html" not in seen
    # The event, its neighbours, and the listings that show it: its month, actors, type, pair and source pages.
    assert 3 <= len(seen) < 0.15 * pages, seen


def variants() -> list[tuple[str, list, list, object, dict]]:
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
    early = replace(EVENTS[1], id="early", date="2021-06-10", title="Before everything else")
    earlier = replace(early, id="earlier", date="2021-06-09", title="Even before that")
    retitled = [replace(a, title="A renamed report") if i == 3 else a for i, a in enumerate(ARTICLES)]
    moved_article = [replace(a, outlet="Another Wire", url="https://example.org/moved") if i == 3 else a
                     for i, a in enumerate(retitled)]
    # The second oldest of its type, moved to another week of its month: it stays on its type's last page
    # and the pager keeps its labels, but the type's chart, on every page, changes.
    second = sorted((ev.date, i) for i, ev in enumerate(sourced) if ev.type == sourced[60].type)[1][1]
    redated = [replace(ev, date=ev.date[:8] + "01") if i == second else ev for i, ev in enumerate(sourced)]
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
        ("an article retitled", sourced, retitled, None, {}),
        ("an article's outlet and address", sourced, moved_article, None, {}),
        ("the registry", sourced, moved_article, registry, {}),
        ("smaller pages", sourced, moved_article, registry, {"page_size": 7}),
        ("a date moved within the listings", redated, moved_article, registry, {"page_size": 7}),
        ("oldest first", redated, moved_article, registry, {"page_size": 7, "order": "oldest"}),
        ("fewer key events and feed entries", redated, moved_article, registry,
         {"page_size": 7, "order": "oldest", "key_events": 3, "feed_size": 4}),
    ]


def test_rebuilds_equal_clean_renders_edit_after_edit(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path / "output", site=replace(make_cfg(tmp_path).site, page_size=25))
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    for number, (what, events, articles, registry, site) in enumerate(variants()):
        now = replace(cfg, site=replace(cfg.site, **site))
        render_site(events, registry, articles, now, search=False)
        clean = replace(now, paths=replace(now.paths, output=tmp_path / f"clean-{number}"))
        render_site(events, registry, articles, clean, search=False)
        assert contents(cfg.paths.output) == contents(clean.paths.output), what
        assert (cfg.paths.output / MANIFEST).read_bytes() == (clean.paths.output / MANIFEST).read_bytes(), what


def test_maintainer_page_templates_render_every_page(tmp_path: Path) -> None:
    from timeline.records import ActorRef

    templates = tmp_path / "templates"
    templates.mkdir()
    # Shows what no page declares it shows: how many events each actor of an event has.
    event_page = (Path(__file__).resolve().parents[1] / "site_templates" / "event.html").read_text()
    (templates / "event.html").write_text(event_page.replace(
        "{{ a.name }}</a>", "{{ a.name }}</a> ({{ a.events|length }})"))
    cfg = make_cfg(tmp_path / "output")
    cfg = replace(cfg, paths=replace(cfg.paths, templates=templates))
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    more = EVENTS + [replace(EVENTS[0], id="one-more", title="One more", actors=(ActorRef("Joe Biden", "person"),))]
    render_site(more, None, ARTICLES, cfg, search=False)
    clean = replace(cfg, paths=replace(cfg.paths, output=tmp_path / "clean"))
    render_site(more, None, ARTICLES, clean, search=False)
    assert contents(cfg.paths.output) == contents(clean.paths.output)


def test_the_spare_folder_keeps_only_what_the_live_site_shares(tmp_path: Path) -> None:
    from timeline.render.manifest import read_manifest as live_manifest
    from timeline.render.spare import SpareFolder

    cfg = make_cfg(tmp_path / "output")
    spare = tmp_path / ".output-spare"
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    render_site(edited(EVENTS), None, ARTICLES, cfg, search=False)
    live = files(cfg.paths.output)
    page = f"events/{EVENTS[5].id}.html"  # the page that changed: the spare folder has its old version
    assert files(spare)[page][0] != live[page][0]
    tidied = SpareFolder(cfg.paths.output, live_manifest(cfg.paths.output))
    found = tidied.ready()
    tidied.settle()
    assert found is not None
    kept = files(spare)
    assert kept and kept.keys() == found[0].keys() and all(live[p][0] == inode for p, (inode, _) in kept.items())
    assert page not in kept
    # Whatever else gets into the spare folder never reaches the site.
    (spare / "stray.html").write_text("not ours")
    (spare / "404.html").unlink()
    (spare / "404.html").write_text("not ours either")
    render_site(edited(EVENTS, 7), None, ARTICLES, cfg, search=False)
    clean = make_cfg(tmp_path / "clean")
    render_site(edited(EVENTS, 7), None, ARTICLES, clean, search=False)
    assert contents(cfg.paths.output) == contents(clean.paths.output)


def test_a_manifest_with_bad_values_is_not_trusted(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path / "output")
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    manifest = cfg.paths.output / MANIFEST
    manifest.write_text(manifest.read_text().replace('"sizes":{"', '"sizes":{"x":"big","', 1))
    assert read_manifest(cfg.paths.output) is None
    assert render_site(edited(EVENTS), None, ARTICLES, cfg, search=False) > 0


def test_only_the_search_shard_of_an_edited_event_is_indexed_again(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pagefind", reason="the search index needs pagefind[bin]")
    from timeline.render import shards

    monkeypatch.setattr(shards, "SHARD_EVENTS", 16)
    cfg = make_cfg(tmp_path / "output")
    render_site(EVENTS, None, ARTICLES, cfg)
    names = json.loads((cfg.paths.output / "pagefind" / "shards.json").read_text())
    before = files(cfg.paths.output / "pagefind")
    render_site(edited(EVENTS), None, ARTICLES, cfg)
    after = files(cfg.paths.output / "pagefind")
    new = [n for n in json.loads((cfg.paths.output / "pagefind" / "shards.json").read_text()) if n not in names]
    assert len(names) >= 5 and len(new) == 1
    kept = [p for p in after if not p.startswith(new[0]) and p != "shards.json"]
    assert kept and all(after[p] == before[p] for p in kept), "the other shards are linked, not indexed again"
    clean = make_cfg(tmp_path / "clean")
    render_site(edited(EVENTS), None, ARTICLES, clean)
    assert contents(cfg.paths.output) == contents(clean.paths.output)


def test_export_rows_of_unchanged_events_are_copied_from_the_live_files(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.render import diskops

    cfg = make_cfg(tmp_path / "output", build=replace(make_cfg(tmp_path).build, jobs=1))  # the spy sees this process
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    copied: dict[str, int] = {}
    original = diskops._copy_range

    def spy(source: int, target: int, start: int, end: int) -> None:
        name = os.readlink(f"/proc/self/fd/{target}").rsplit("/", 1)[-1]
        copied[name] = copied.get(name, 0) + end - start
        original(source, target, start, end)

    monkeypatch.setattr(diskops, "_copy_range", spy)
    render_site(edited(EVENTS), None, ARTICLES, cfg, search=False)
    for name in ("events.json", "events.csv", "timelinejs.json"):
        assert copied.get(name, 0) > 0.9 * (cfg.paths.output / name).stat().st_size, name
    clean = make_cfg(tmp_path / "clean")
    render_site(edited(EVENTS), None, ARTICLES, clean, search=False)
    assert contents(cfg.paths.output) == contents(clean.paths.output)


def test_without_copy_file_range_exports_are_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = make_cfg(tmp_path / "output")
    render_site(EVENTS, None, ARTICLES, cfg, search=False)

    def refuse(*args: object) -> int:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refuse)
    render_site(variants()[9][1], None, ARTICLES, cfg, search=False)  # a CSV record on two lines
    clean = make_cfg(tmp_path / "clean")
    render_site(variants()[9][1], None, ARTICLES, clean, search=False)
    assert contents(cfg.paths.output) == contents(clean.paths.output)


def test_an_export_of_the_same_bytes_stays_the_live_file(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path / "output")
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    before = files(cfg.paths.output)
    # A field no export shows: the event's digest changes, the exports' bytes do not.
    locked = [replace(ev, locked=True) if i == 5 else ev for i, ev in enumerate(EVENTS)]
    render_site(locked, None, ARTICLES, cfg, search=False)
    after = files(cfg.paths.output)
    for name in ("events.json", "events.csv", "timelinejs.json"):
        assert after[name] == before[name], name


def test_a_small_edit_renders_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.render as render

    used: list[int] = []
    original = render.run_tasks
    monkeypatch.setattr(render, "run_tasks", lambda tasks, writer, jobs: used.append(jobs) or original(
        tasks, writer, jobs))
    cfg = make_cfg(tmp_path / "output")
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    render_site(edited(EVENTS), None, ARTICLES, cfg, search=False)
    many = [replace(ev, title=ev.title + " (revised)") for ev in EVENTS[:60]] + EVENTS[60:]
    render_site(many, None, ARTICLES, cfg, search=False)
    assert used == [2, 1, 2]
    clean = make_cfg(tmp_path / "clean")
    render_site(many, None, ARTICLES, clean, search=False)
    assert contents(cfg.paths.output) == contents(clean.paths.output)


def test_listings_the_edit_does_not_reach_are_not_paginated_again(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.render import templating

    cfg = make_cfg(tmp_path / "output", build=replace(make_cfg(tmp_path).build, jobs=1),
                   site=replace(make_cfg(tmp_path).site, page_size=5))
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    cut: list[int] = []
    original = templating.paginate
    monkeypatch.setattr(templating, "paginate", lambda events, *args, **kw: cut.append(len(events)) or original(
        events, *args, **kw))
    render_site(edited(EVENTS), None, ARTICLES, cfg, search=False)
    # The home page, the event's month, type, actors, their pairs and its source: not every listing.
    manifest = read_manifest(cfg.paths.output)
    assert manifest is not None and len(manifest.groups) > 40
    assert 0 < len(cut) <= 12, cut
    clean = make_cfg(tmp_path / "clean", site=cfg.site)
    render_site(edited(EVENTS), None, ARTICLES, clean, search=False)
    assert contents(cfg.paths.output) == contents(clean.paths.output)
    assert (cfg.paths.output / MANIFEST).read_bytes() == (clean.paths.output / MANIFEST).read_bytes()


def test_one_process_and_two_make_the_same_site_and_manifest(tmp_path: Path) -> None:
    one = make_cfg(tmp_path / "one", build=replace(make_cfg(tmp_path).build, jobs=1))
    two = make_cfg(tmp_path / "two")
    for cfg in (one, two):
        render_site(EVENTS, None, ARTICLES, cfg, search=False)
    assert contents(one.paths.output) == contents(two.paths.output)
    # What forked workers noted comes back to the manifest: the next build goes by it.
    assert (one.paths.output / MANIFEST).read_bytes() == (two.paths.output / MANIFEST).read_bytes()


def test_event_pages_far_from_the_edit_are_taken_as_a_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.render import pages

    cfg = make_cfg(tmp_path / "output", build=replace(make_cfg(tmp_path).build, jobs=1))
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    looked_at: list[str] = []
    original = pages.event_page
    monkeypatch.setattr(pages, "event_page", lambda r, model, cfg, ev, *rest: looked_at.append(ev.slug) or original(
        r, model, cfg, ev, *rest))
    render_site(edited(EVENTS), None, ARTICLES, cfg, search=False)
    assert EVENTS[5].id in looked_at and len(looked_at) <= pages.EVENT_GROUP < len(EVENTS)


def test_old_search_bundles_leave_while_the_site_renders_and_never_go_live(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pagefind", reason="the search index needs pagefind[bin]")
    import threading
    import time

    from timeline.render import shards

    monkeypatch.setattr(shards, "SHARD_EVENTS", 16)
    unlink = os.unlink

    def slow(path: str, *args: object, **kwargs: object) -> None:
        if threading.current_thread().name == "spare-folder":
            time.sleep(0.05)  # a busy disk: the site renders on meanwhile
        unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", slow)
    cfg = make_cfg(tmp_path / "output")
    events = list(EVENTS)
    render_site(events, None, ARTICLES, cfg)
    for index in (5, 60, 100):
        events = edited(events, index)  # each edit another shard: its old bundle leaves at the next build
        render_site(events, None, ARTICLES, cfg)
        listed = read_manifest(cfg.paths.output)
        assert listed is not None and listed.intact
        on_disk = {p for p in files(cfg.paths.output) if p != MANIFEST}
        assert on_disk == set(listed.files), "nothing but the site's own files goes live"


def test_the_calendar_follows_its_scheduled_events(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path / "output")
    render_site(EVENTS, None, ARTICLES, cfg, search=False)
    before = (cfg.paths.output / "scheduled.ics").read_bytes()
    index = next(i for i, ev in enumerate(EVENTS) if ev.status == "scheduled")
    changed = edited(EVENTS, index)
    render_site(changed, None, ARTICLES, cfg, search=False)
    assert (cfg.paths.output / "scheduled.ics").read_bytes() != before
    clean = make_cfg(tmp_path / "clean")
    render_site(changed, None, ARTICLES, clean, search=False)
    assert contents(cfg.paths.output) == contents(clean.paths.output)
