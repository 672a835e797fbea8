"""The real build, incrementally: nothing changed → nothing parsed, no store or site file rewritten;
a template changed → the site rendered again, nothing parsed; one article edited → that article
parsed, and the store and the site just what building the same input from scratch gives;
--clean → all parsed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from timeline.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "content"


def counts(err: str) -> tuple[int, int]:
    found = re.search(r"\((\d+) parsed, (\d+) from cache\)", err)
    assert found, err
    return int(found.group(1)), int(found.group(2))


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def stamps(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


@pytest.mark.skipif(not any(EXAMPLES.glob("*.md")), reason="no example content")
def test_incremental_rebuilds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(EXAMPLES, content, ignore=shutil.ignore_patterns("events", "actors.yaml"))
    (tmp_path / "config.yaml").write_text("paths:\n  cache: cache\n  templates: templates\n")
    argv = ["build", "--config", str(tmp_path / "config.yaml"), "--jobs", "2"]
    assert main(argv) == 0
    parsed, cached = counts(capsys.readouterr().err)
    assert parsed > 5 and cached == 0

    store_before, site_before = stamps(content), stamps(tmp_path / "output")
    assert main(argv) == 0
    assert counts(capsys.readouterr().err) == (0, parsed)
    assert stamps(content) == store_before  # store, registry and articles untouched
    assert stamps(tmp_path / "output") == site_before  # and not one file of the site

    (tmp_path / "templates" / "assets").mkdir(parents=True)
    (tmp_path / "templates" / "assets" / "style.css").write_text("/* house style */\n", encoding="utf-8")
    assert main(argv) == 0
    assert counts(capsys.readouterr().err) == (0, parsed)
    assert (tmp_path / "output" / "assets" / "style.css").read_text(encoding="utf-8") == "/* house style */\n"

    article = sorted(content.glob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nOn Monday, officials met again in Geneva.\n",
                       encoding="utf-8")
    twin = tmp_path / "twin"  # the same input, built from scratch below
    shutil.copytree(content, twin / "content")
    shutil.copytree(tmp_path / "templates", twin / "templates")
    shutil.copy(tmp_path / "config.yaml", twin / "config.yaml")
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert counts(err) == (1, parsed - 1)
    stages = re.search(r"^time: (.*) \(total", err, re.M)
    assert stages and [part.split()[0] for part in stages.group(1).split(", ")] == [
        "read", "extract", "resolve", "merge", "store", "render"]
    assert main(["build", "--config", str(twin / "config.yaml"), "--jobs", "2", "--clean"]) == 0
    capsys.readouterr()
    for part in ("content", "output"):  # the store, the registry and every file of the site
        assert files(tmp_path / part) == files(twin / part), part

    assert main([*argv, "--clean"]) == 0
    assert counts(capsys.readouterr().err) == (parsed, 0)
