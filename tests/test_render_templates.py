"""Compiled templates are kept in the cache folder: a damaged entry is compiled again, never fatal."""

from __future__ import annotations

from pathlib import Path

from jinja2.bccache import bc_magic

from timeline.config import Config
from timeline.render import render_site
from timeline.render.samples import sample_articles, sample_events

from conftest import BUILD_DATE, make_config

EVENTS = sample_events(30)
ARTICLES = sample_articles(10)


def make_cfg(tmp_path: Path, name: str, cache: Path | None) -> Config:
    return make_config(output=tmp_path / name, paths={"cache": cache}, build={"build_date": BUILD_DATE})


def contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_compiled_templates_are_kept_and_damaged_ones_compiled_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    render_site(EVENTS, None, ARTICLES, make_cfg(tmp_path, "first", cache), search=False)
    kept = list((cache / "templates").glob("*/*"))
    assert len(kept) >= 5
    for number, entry in enumerate(kept):
        # Garbage, and Jinja's own header followed by a checksum that does not unpickle.
        entry.write_bytes(bc_magic + b"\x80\x05\xff" * 10 if number % 2 else b"\x00" * 40)
    render_site(EVENTS, None, ARTICLES, make_cfg(tmp_path, "again", cache), search=False)
    render_site(EVENTS, None, ARTICLES, make_cfg(tmp_path, "uncached", None), search=False)
    assert contents(tmp_path / "again") == contents(tmp_path / "first") == contents(tmp_path / "uncached")
    assert all(entry.read_bytes().startswith(bc_magic) and entry.stat().st_size > 500 for entry in kept), \
        "compiled and written again"


def test_a_cache_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    render_site(EVENTS, None, ARTICLES, make_cfg(tmp_path, "site", blocked), search=False)
    render_site(EVENTS, None, ARTICLES, make_cfg(tmp_path, "uncached", None), search=False)
    assert contents(tmp_path / "site") == contents(tmp_path / "uncached")
