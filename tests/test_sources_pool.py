"""Saved pages read by several processes give what one process gives."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from timeline.config import load_config
from timeline.records import Article, Problem
from timeline.sources import html_pages, read_sources

PAGES = Path(__file__).parent / "fixtures" / "sources" / "pages"
needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the failing readers are patched in the parent and inherited by fork")


# Fixture pages whose stories all differ (several others share a story, and
# would be read once as duplicates).
DISTINCT = ("abbr-published", "comments-later", "date-paragraph", "dc-date", "first-published-last-updated",
            "german-date", "itemprop", "json-ld")


def copy_pages(folder: Path, count: int) -> list[str]:
    names = [f"{name}.html" for name in DISTINCT[:count]]
    for name in names:
        shutil.copy(PAGES / name, folder / name)
    (folder / "note.txt").write_text("A text file among pages | Desk\n\nLeaders met in Paris on Monday.\n",
                                     encoding="utf-8")
    return names


def read(folder: Path, jobs: int) -> tuple[list[Article], list[Problem]]:
    # clean: every read reads the pages, none takes the last read's from the cache.
    return read_sources(load_config(None, content=folder), jobs=jobs)


def test_two_processes_read_what_one_reads(tmp_path: Path) -> None:
    copy_pages(tmp_path, 8)
    serial = read(tmp_path, 1)
    pooled = read(tmp_path, 2)
    assert [a.path for a in pooled[0]] == [a.path for a in serial[0]]
    assert pooled == serial
    assert len(serial[0]) == 9 and sum(1 for a in serial[0] if a.published) >= 7


def test_jobs_default_comes_from_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_pages(tmp_path, 5)
    calls: list[int] = []
    import timeline.sources as sources

    real = sources.read_in_pool

    def spy(tasks, cfg, read_file, jobs):  # type: ignore[no-untyped-def]
        calls.append(jobs)
        return real(tasks, cfg, read_file, jobs)

    monkeypatch.setattr(sources, "read_in_pool", spy)
    cfg = load_config(None, content=tmp_path)
    read_sources(cfg)
    assert calls == ([cfg.build.jobs] if cfg.build.jobs > 1 else [])
    read_sources(cfg, jobs=1)
    read_sources(cfg, jobs=2)
    assert calls[-1] == 2 and len(calls) == (2 if cfg.build.jobs > 1 else 1)


def patch_one_page(monkeypatch: pytest.MonkeyPatch, name: str, what: Callable[[], None]) -> None:
    """Reading the page ``name`` does ``what`` instead; the other pages are read as usual."""
    real = html_pages.read_html

    def patched(text: str, shown: str):  # type: ignore[no-untyped-def]
        if shown.endswith(name):
            what()
        return real(text, shown)

    monkeypatch.setattr(html_pages, "read_html", patched)


def recursion() -> None:
    raise RecursionError("maximum recursion depth exceeded")


def killed() -> None:
    os._exit(3)  # what a fault in a C library looks like from the pool


@needs_fork
def test_an_error_in_one_page_is_its_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = copy_pages(tmp_path, 6)
    patch_one_page(monkeypatch, names[2], recursion)
    articles, problems = read(tmp_path, 2)
    assert len(articles) == 6
    assert [p.path for p in problems if "could not be read" in p.message] == [str(tmp_path / names[2])]


@needs_fork
def test_a_page_that_kills_its_process_costs_only_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names = copy_pages(tmp_path, 6)
    patch_one_page(monkeypatch, names[1], killed)
    articles, problems = read(tmp_path, 2)
    assert sorted(a.path for a in articles) == sorted([n for i, n in enumerate(names) if i != 1] + ["note.txt"])
    crashed = [p for p in problems if "crashed" in p.message]
    assert [p.path for p in crashed] == [str(tmp_path / names[1])]
