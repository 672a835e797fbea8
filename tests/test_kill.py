"""A build killed with SIGKILL at any moment leaves a valid store and a complete site."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import errors, subprocess_env

LINK = re.compile(r"""(?:href|src)="([^"#?]*)""")


def build_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "timeline", "build", "--content", str(folder / "content"),
            "--output", str(folder / "output"), "--config", str(folder / "config.yaml"), "--jobs", "2"]


def assert_store_valid(content: Path) -> None:
    from timeline.store.events import validate_store
    from timeline.store.registry import load_registry

    problems = errors(validate_store(content / "events"))
    assert not problems, problems
    _, registry_problems = load_registry(content / "actors.yaml")
    assert not errors(registry_problems), registry_problems


def assert_site_complete(output: Path) -> None:
    """Every page there, and every local link of every page leads to a file of the site."""
    pages = list(output.rglob("*.html"))
    assert (output / "index.html").is_file() and len(pages) > 5
    for page in pages:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if not target or re.match(r"^[a-z]+:|^//", target):
                continue
            path = (output / target.lstrip("/")) if target.startswith("/") else (page.parent / target)
            assert path.is_file() or (path / "index.html").is_file(), f"{page}: broken link {target}"


def test_sigkill_at_random_moments_leaves_store_and_previous_site_whole(tmp_path: Path, example_articles: Path) -> None:
    content = example_articles
    (tmp_path / "config.yaml").write_text("title: Kill test\npaths:\n  cache: cache\n")
    start = time.monotonic()
    first = subprocess.run(build_command(tmp_path), env=subprocess_env(), capture_output=True, text=True)
    duration = time.monotonic() - start
    assert first.returncode == 0, first.stderr
    assert_store_valid(content)
    assert_site_complete(tmp_path / "output")

    rng = random.Random(int(os.environ.get("KILL_SEED", "20220224")))
    article = sorted(content.glob("*.md"))[0]
    original = article.read_text(encoding="utf-8")
    for round_ in range(8):
        # Each round changes an article, so the killed build has new events to write.
        article.write_text(original + f"\nOn Monday, officials held talks number {round_} in Geneva.\n",
                           encoding="utf-8")
        child = subprocess.Popen(build_command(tmp_path), env=subprocess_env(), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.0, duration * 1.1))
        os.killpg(child.pid, signal.SIGKILL)  # the build and its parse workers at once
        child.wait()
        assert_store_valid(content)
        assert_site_complete(tmp_path / "output")

    last = subprocess.run(build_command(tmp_path), env=subprocess_env(), capture_output=True, text=True)
    assert last.returncode == 0, last.stderr
    assert "Traceback" not in last.stderr
    assert_store_valid(content)
    assert_site_complete(tmp_path / "output")
