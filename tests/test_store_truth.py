"""The store is the source of truth: a broken store file or registry never lets the build publish what
a maintainer hid or undo what they curated. It stops before writing; ``--last-good`` builds with the
cache's copy of the file."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from timeline.build import build
from timeline.config import Config
from timeline.store.on_disk import BrokenStoreError

from conftest import BUILD_DATE, make_config, write_files

ARTICLES = {
    "2022-02-12-call.txt": "Biden and Putin talk\n\nJoe Biden spoke with Vladimir Putin by phone on Saturday, "
                           "the White House said.\n",
    "2022-02-14-visit.md": "---\ntitle: Scholz in Kyiv\npublished: 2022-02-14\n---\nOlaf Scholz met Volodymyr "
                           "Zelenskyy in Kyiv on Monday.\n",
    "2022-02-15-moscow.md": "---\ntitle: Scholz in Moscow\npublished: 2022-02-15\n---\nOlaf Scholz met "
                            "Vladimir Putin in Moscow on Tuesday, the Kremlin said.\n",
}
CURATED = "A title the desk wrote"


def site(cfg: Config) -> dict[str, bytes]:
    return {p.relative_to(cfg.paths.output).as_posix(): p.read_bytes()
            for p in sorted(cfg.paths.output.rglob("*")) if p.is_file()}


def published(cfg: Config) -> dict[str, str]:
    """Event id → title, as events.json publishes them."""
    data = json.loads((cfg.paths.output / "events.json").read_text(encoding="utf-8"))
    return {e["id"]: e["title"] for e in data["events"]}


@pytest.fixture
def curated(tmp_path: Path) -> tuple[Config, Path, str, str]:
    """A built timeline whose maintainer hid one event and retitled another, and built again."""
    content = write_files(tmp_path / "content", ARTICLES)
    cfg = make_config(content=content, output=tmp_path / "output", build={"build_date": BUILD_DATE},
                      paths={"cache": tmp_path / "cache"})
    build(cfg, jobs=1)
    store = content / "events" / "2022-02.yaml"
    events = yaml.safe_load(store.read_text(encoding="utf-8"))
    assert len(events) >= 2, events
    hidden, retitled = events[0]["id"], events[1]["id"]
    text = store.read_text(encoding="utf-8")
    text = text.replace(f"- id: {hidden}\n", f"- id: {hidden}\n  hidden: true\n", 1)
    head, _, tail = text.partition(f"- id: {retitled}\n")
    tail = re.sub(r"(?m)^  title: .*$", f"  title: {CURATED}", tail, count=1)
    store.write_text(head + f"- id: {retitled}\n" + tail, encoding="utf-8")
    build(cfg, jobs=1)
    shown = published(cfg)
    assert hidden not in shown and shown[retitled] == CURATED
    return cfg, store, hidden, retitled


def test_a_broken_store_file_stops_the_build_before_anything_is_written(curated) -> None:  # type: ignore[no-untyped-def]
    cfg, store, hidden, retitled = curated
    before = site(cfg)
    broken = store.read_text(encoding="utf-8") + "- id: [unclosed\n"
    store.write_text(broken, encoding="utf-8")
    with pytest.raises(BrokenStoreError) as stopped:
        build(cfg, jobs=1)
    message = str(stopped.value)
    assert f"{store}:" in message and "not valid YAML" in message and "--last-good" in message
    assert store.read_text(encoding="utf-8") == broken  # the maintainer's file, as they left it
    assert site(cfg) == before  # the previous site stays live


def test_last_good_builds_with_the_cached_copy_and_says_so(curated) -> None:  # type: ignore[no-untyped-def]
    cfg, store, hidden, retitled = curated
    broken = store.read_text(encoding="utf-8").replace("  title:", "  title: [unclosed", 1)
    store.write_text(broken, encoding="utf-8")
    (cfg.paths.content / "2022-02-16-more.txt").write_text(
        "More talks\n\nOlaf Scholz spoke with Joe Biden on Wednesday, Berlin said.\n", encoding="utf-8")
    files = {p: p.read_bytes() for p in sorted(cfg.paths.content.rglob("*.yaml"))}
    summary = build(cfg, jobs=1, last_good=True)
    assert {p: p.read_bytes() for p in sorted(cfg.paths.content.rglob("*.yaml"))} == files  # no store file written
    shown = published(cfg)
    assert hidden not in shown  # hidden stays hidden
    assert shown[retitled] == CURATED  # curated stays curated
    assert store.read_text(encoding="utf-8") == broken
    said = [p for p in summary.problems if p.path == str(store)]
    assert any(p.severity == "error" and "not valid YAML" in p.message for p in said)
    assert any("last good version" in p.message for p in said)
    assert summary.failed  # still an error: the file waits for a fix


def test_without_a_kept_copy_last_good_stops_too(curated) -> None:  # type: ignore[no-untyped-def]
    cfg, store, _, _ = curated
    shutil.rmtree(cfg.paths.cache / "last-good")
    before = site(cfg)
    store.write_text(store.read_text(encoding="utf-8") + "- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(BrokenStoreError, match="holds no good version"):
        build(cfg, jobs=1, last_good=True)
    assert site(cfg) == before


def test_a_broken_registry_never_unhides_an_actor(curated) -> None:  # type: ignore[no-untyped-def]
    cfg, _, _, _ = curated
    registry = cfg.paths.registry
    text = registry.read_text(encoding="utf-8")
    assert "name: Olaf Scholz" in text and (cfg.paths.output / "actors" / "olaf-scholz.html").is_file()
    text = re.sub(r"(?m)^(- name: Olaf Scholz\n(?:  .*\n)*?)(  auto: .*\n)", r"\1\2  hidden: true\n", text)
    registry.write_text(text, encoding="utf-8")
    build(cfg, jobs=1)
    assert not (cfg.paths.output / "actors" / "olaf-scholz.html").exists()
    before = site(cfg)
    broken = re.sub(r"(?m)^(  kind: )person$", r"\1someone", registry.read_text(encoding="utf-8"), count=1)
    registry.write_text(broken, encoding="utf-8")
    with pytest.raises(BrokenStoreError, match="kind must be one of"):
        build(cfg, jobs=1)
    assert site(cfg) == before and registry.read_text(encoding="utf-8") == broken
    summary = build(cfg, jobs=1, last_good=True)
    assert not (cfg.paths.output / "actors" / "olaf-scholz.html").exists()  # still hidden
    assert registry.read_text(encoding="utf-8") == broken
    assert any("last good version" in p.message for p in summary.problems)


@pytest.mark.parametrize("command", ["build", "serve"])
def test_the_commands_that_build_take_last_good(command: str) -> None:
    from timeline.cli.main import make_parser

    assert make_parser().parse_args([command, "--last-good"]).last_good is True
    assert make_parser().parse_args([command]).last_good is False
