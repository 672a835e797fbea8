"""Rendering again does only what changed: nothing when nothing changed, links for unchanged files,
Pagefind only when an event page changed; and the result is always the site a clean render makes."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.config import Config, load_config
from timeline.progress import Progress
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
