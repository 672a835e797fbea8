"""A maintainer can leave out pair pages and per-actor feeds to fit a large site into its host's limits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.config import load_config
from timeline.render import render_site
from timeline.render.samples import sample_articles, sample_events

from conftest import make_config


def site(output: Path, **switches: bool) -> dict[str, str]:
    cfg = make_config(output=output, build={"build_date": "2024-01-01"}, site=switches)
    render_site(sample_events(300, days=200, extra_actors=10), None, sample_articles(40), cfg, search=False)
    return {p.relative_to(output).as_posix(): p.read_text(encoding="utf-8", errors="replace")
            for p in output.rglob("*") if p.is_file()}


def test_pair_pages_and_actor_feeds_are_made_by_default(tmp_path: Path) -> None:
    files = site(tmp_path / "out")
    assert any(name.startswith("pairs/") for name in files)
    assert any(name.startswith("actors/") and name.endswith(".atom") for name in files)


def test_switched_off_they_are_neither_made_nor_linked(tmp_path: Path) -> None:
    full = site(tmp_path / "full")
    files = site(tmp_path / "lean", pair_pages=False, actor_feeds=False)
    assert not [name for name in files if name.startswith("pairs/")]
    assert not [name for name in files if name.startswith("actors/") and name.endswith(".atom")]
    linked = {m for text in files.values() for m in re.findall(r'href="([^"]+)"', text)}
    site_feeds = ("feed.atom", "changes.atom")  # the whole site's feeds stay
    assert not [href for href in linked
                if "pairs/" in href or (href.endswith(".atom") and not href.endswith(site_feeds))]
    assert "feed.atom" in files and any(name.startswith("actors/") for name in files)
    assert sum(len(t) for t in files.values()) < sum(len(t) for t in full.values())
    assert len(files) < len(full)


@pytest.mark.parametrize("key", ["pair_pages", "actor_feeds"])
def test_a_switch_that_is_not_true_or_false_names_its_key(tmp_path: Path, key: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"site:\n  {key}: sometimes\n", encoding="utf-8")
    with pytest.raises(Exception, match=f"site.{key}: must be true or false"):
        load_config(config)


def test_an_event_page_carries_little_besides_its_event(tmp_path: Path) -> None:
    files = site(tmp_path / "out")
    pages = [text for name, text in files.items() if name.startswith("events/") and 'rel="canonical"' not in text]
    assert len(pages) > 100
    for text in pages:
        around = len(text.encode("utf-8")) - len(text.split("<main", 1)[1].split("</main>", 1)[0].encode("utf-8"))
        assert around < 1900, "head, header and footer of an event page"  # 2,270 bytes before they were trimmed
        assert "data-pagefind" not in text  # the search index is made from compact records, not the pages
        assert "og:description" not in text and '"description"' not in text.split("application/ld+json", 1)[1]
        assert 'href="../archive.html#data"' in text


def test_the_archive_lists_the_data_files_and_feeds_every_page_links_to(tmp_path: Path) -> None:
    files = site(tmp_path / "out")
    archive = files["archive.html"].split('id="data"', 1)[1]
    for name in ("events.json", "events.csv", "timelinejs.json", "scheduled.ics", "feed.atom", "changes.html",
                 "changes.atom"):
        assert f'href="{name}"' in archive and name in files, name
    listing = files["months/" + next(n for n in sorted(files) if n.startswith("months/")).split("/", 1)[1]]
    assert "<details>" in listing and "<cite>" in listing  # who reported each event, where and when
    assert "<blockquote>" not in listing and "events from this article" not in listing  # on the event pages
