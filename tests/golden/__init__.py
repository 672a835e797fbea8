"""Golden output: the example content (``content/`` and ``config.yaml``) built with a fixed build
date, and what the build wrote compared with the expected files kept in ``expected/``: every
file of the store, and a handful of the site's files. ``tests/test_golden.py`` compares; after
an intended change of the output, ``python -m tests.golden`` writes the expected files again.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).resolve().parent / "expected"
BUILD_DATE = "2022-03-01"  # the date the site says it was built (by default the newest article's date)
# The site's files kept, by their path in the build folder: the home page, the page of one event,
# one actor and one month, and the two feeds other programs read.
PAGES = (
    "output/index.html",
    "output/events/2022-02-12-joe-biden-and-vladimir-putin-held-a-11515e.html",
    "output/actors/vladimir-putin.html",
    "output/months/2022-02.html",
    "output/events.json",
    "output/feed.atom",
)
DIFF_LINES = 200  # a mismatch shows at most this many lines of its diff


def build_example(folder: Path) -> int:
    """Build a copy of the example into ``folder`` (``content/``, ``config.yaml``, ``output/``) as
    ``python -m timeline build`` does; the command's exit status."""
    from timeline.cli.main import main

    shutil.copytree(ROOT / "content", folder / "content", ignore=shutil.ignore_patterns(".timeline.lock"))
    config = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8")) or {}
    config.setdefault("build", {})["build_date"] = BUILD_DATE
    (folder / "config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return main(["build", "--config", str(folder / "config.yaml"), "--jobs", "1", "--quiet"])


def golden_files(folder: Path) -> list[str]:
    """The files of a build in ``folder`` that the golden set holds, by their path in the folder."""
    events = folder / "content" / "events"
    store = [p.relative_to(folder).as_posix() for p in events.rglob("*") if p.is_file()]
    return sorted([*store, "content/actors.yaml", *PAGES])


def expected_files() -> list[str]:
    """The files of the golden set, by their path in the build folder."""
    return sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file())


def difference(expected: Path, actual: Path, name: str) -> str:
    """A unified diff from ``expected`` to ``actual`` (at most DIFF_LINES lines), empty when they agree."""
    if expected.read_bytes() == actual.read_bytes():
        return ""
    lines = list(difflib.unified_diff(
        expected.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True),
        actual.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True),
        f"expected/{name}", f"built/{name}"))
    if not lines:  # the same text in other bytes
        return f"{name}: the same text, other bytes\n"
    if len(lines) > DIFF_LINES:
        lines = lines[:DIFF_LINES] + [f"... {len(lines) - DIFF_LINES} more lines of diff\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
