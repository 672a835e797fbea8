"""The search index's scratch folders live in a memory file system when there is room, and what a
build that died left there is removed by the next."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.render import render_site, shards
from timeline.render.samples import sample_articles, sample_events

from conftest import make_config


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_dead_build_s_scratch_folder_is_removed_and_others_kept(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shards, "MEMORY_FOLDER", tmp_path)
    dead = tmp_path / f"timeline-search-{dead_pid()}-abc"
    mine = tmp_path / f"timeline-search-{os.getpid()}-def"
    other = tmp_path / "someone-else"
    for folder in (dead, mine, other):
        (folder / "events").mkdir(parents=True)
    assert shards.memory_folder() == tmp_path
    assert not dead.exists() and mine.exists() and other.exists()


def test_without_room_in_memory_the_scratch_folder_is_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shards, "MEMORY_FOLDER", tmp_path)
    monkeypatch.setattr(shards, "MEMORY_FREE", 1 << 62)
    assert shards.memory_folder() is None
    monkeypatch.setattr(shards, "MEMORY_FOLDER", tmp_path / "missing")
    monkeypatch.setattr(shards, "MEMORY_FREE", 0)
    assert shards.memory_folder() is None


def test_a_render_with_search_leaves_nothing_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pagefind", reason="the search index needs pagefind[bin]")
    memory = tmp_path / "memory"
    memory.mkdir()
    monkeypatch.setattr(shards, "MEMORY_FOLDER", memory)
    monkeypatch.setattr(shards, "MEMORY_FREE", 0)
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2024-01-01"})
    render_site(sample_events(40), None, sample_articles(8), cfg, search=True)
    assert any((cfg.paths.output / "pagefind").rglob("*.pf_fragment"))
    assert list(memory.iterdir()) == []
