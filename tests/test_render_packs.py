"""A large site's parts are made and kept in packs, a cache entry each: the same site as a part per
entry, whatever the processes, a rebuild with nothing changed makes nothing and writes nothing, and an
edit makes again only the packs it reaches."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from timeline.cache import Memo
from timeline.config import Config
from timeline.render import Rendered, parts, render_settings, render_site
from timeline.render.fingerprints import digest
from timeline.render.samples import sample_articles, sample_events

from conftest import BUILD_DATE, make_config

EVENTS = sample_events(400, days=200)
ARTICLES = sample_articles(60)


def make_cfg(tmp_path: Path, name: str, jobs: int = 1) -> Config:
    return make_config(output=tmp_path / name, title="Packed", paths={"cache": tmp_path / f"{name}-cache"},
                       build={"build_date": BUILD_DATE, "jobs": jobs})


def render(events: list, cfg: Config) -> tuple[int, int, int]:
    """Render through the cache as a build does: (HTML pages written, cache entries made, taken)."""
    memo = Memo(cfg.paths.cache)
    step = memo.step("render", Rendered, "timeline.render", render_settings(cfg))
    pages = render_site(events, None, ARTICLES, cfg, search=False, each=step)
    memo.prune()
    return pages.written, step.misses, step.hits


def contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def entries(cfg: Config) -> int:
    return sum(1 for p in (cfg.paths.cache / "render").rglob("*") if p.is_file() and p.parent.name != "users")


def test_pack_sizes_grow_with_the_pass() -> None:
    assert parts.pack_size(10) == parts.pack_size(2 * parts.PACK_ENTRIES - 1) == 1
    assert parts.pack_size(100_000) == 64  # 1,563 entries on average for 100,000 events
    made = [parts.Part(digest(n), lambda: Rendered(())) for n in range(40 * parts.PACK_ENTRIES)]
    runs = parts.packs(made)
    assert sum(run.count for run in runs) == len(made)
    assert parts.PACK_ENTRIES <= len(runs) <= 2 * parts.PACK_ENTRIES
    assert max(run.count for run in runs) <= 2 * parts.pack_size(len(made))


@pytest.mark.parametrize("jobs", [1, 2])
def test_packed_parts_make_the_site_a_part_per_entry_makes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          jobs: int) -> None:
    single = make_cfg(tmp_path, "single")
    render(EVENTS, single)
    monkeypatch.setattr(parts, "PACK_ENTRIES", 8)  # 400 events: packs of about 16
    monkeypatch.setattr(parts, "FORK_PARTS", 50)  # so that two processes make them, listings too
    monkeypatch.setattr(parts, "FORK_LISTINGS", 10)
    packed = make_cfg(tmp_path, "packed", jobs)
    written, made, taken = render(EVENTS, packed)
    assert written > 400 and taken == 0
    assert contents(packed.paths.output) == contents(single.paths.output)
    assert entries(packed) == made < entries(single) / 4

    before = {p: p.stat().st_mtime_ns for p in packed.paths.output.rglob("*")}
    assert render(EVENTS, packed) == (0, 0, made)  # nothing changed: nothing made, nothing written
    assert {p: p.stat().st_mtime_ns for p in packed.paths.output.rglob("*")} == before


def test_an_edit_makes_again_only_the_packs_it_reaches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts, "PACK_ENTRIES", 16)  # packs of about 16 events, 4 listing pages
    cfg = make_cfg(tmp_path, "packed")
    _, first, _ = render(EVENTS, cfg)
    changed = [replace(ev, title=ev.title + " (revised)") if i == 200 else ev for i, ev in enumerate(EVENTS)]
    written, made, taken = render(changed, cfg)
    assert 1 <= written < 30 and made < first / 3 and taken > 0, (written, made, first)
    clean = make_cfg(tmp_path, "clean")
    render(changed, clean)
    assert contents(cfg.paths.output) == contents(clean.paths.output)
