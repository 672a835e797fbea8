"""The labelling sample draws only events a reader sees on the timeline: every page of the
site's list for review is read, not only the first."""

from __future__ import annotations

from pathlib import Path

import yaml

from evaluation.eval_real_news import for_review, on_timeline


def _site(root: Path, ids: list[str], pages: dict[str, list[str]]) -> Path:
    content, output = root / "content", root / "output"
    (content / "events").mkdir(parents=True)
    output.mkdir()
    events = [{"id": i, "title": i, "date": "2010-01-01"} for i in ids]
    (content / "events" / "2010.yaml").write_text(yaml.safe_dump(events), encoding="utf-8")
    for name, listed in pages.items():
        links = "".join(f'<li><a href="events/{i}.html">{i}</a></li>' for i in listed)
        (output / name).write_text(f"<ul>{links}</ul>", encoding="utf-8")
    return content


def test_events_on_every_page_for_review_are_off_the_timeline(tmp_path: Path) -> None:
    content = _site(tmp_path, ["a", "b", "c", "d"], {
        "review.html": ["a"], "review.p2.html": ["b"], "index.html": ["a", "b", "c", "d"],
        "reviewers.html": ["c"]})  # a page of another name lists nothing for review
    assert for_review(content) == frozenset({"a", "b"})
    assert [e["id"] for e in on_timeline(content)] == ["c", "d"]


def test_a_site_with_nothing_for_review_shows_every_event(tmp_path: Path) -> None:
    content = _site(tmp_path, ["a", "b"], {"index.html": ["a", "b"]})
    assert [e["id"] for e in on_timeline(content)] == ["a", "b"]
