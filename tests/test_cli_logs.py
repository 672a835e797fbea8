"""A library's log line reaches the terminal only as the project's message about the file it concerns."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.cli.logs import configure_logging
from timeline.sources.log_context import reading_file

from conftest import subprocess_env, write_files

FILES = {"menu.html": "<html><body><nav>Home</nav></body></html>",
         "2022-02-12-talks.txt": "Talks\n\nJoe Biden spoke with Vladimir Putin on Saturday.\n"}


def check(content: Path, *flags: str) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "timeline", "check", "--content", str(content), *flags],
                          capture_output=True, text=True, env=subprocess_env(), cwd=content.parent, timeout=300)
    return done.stderr.splitlines()


def test_a_library_line_names_the_file_or_is_silenced(tmp_path: Path) -> None:
    content = write_files(tmp_path / "content", FILES)
    quiet = check(content)
    assert not any("discarding" in line or "trafilatura" in line for line in quiet), quiet
    assert any("menu.html" in line and "empty article" in line for line in quiet), quiet
    verbose = check(content, "-v")
    library = [line for line in verbose if "trafilatura:" in line or "htmldate:" in line]
    assert library and all(line.startswith("content/menu.html: ") for line in library), library


def test_errors_of_libraries_always_show_with_their_file(capsys: pytest.CaptureFixture[str]) -> None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        for handler in handlers:  # the terminal alone, as a command run from a shell has it
            root.removeHandler(handler)
        configure_logging(logging.INFO)
        with reading_file("content/page.html"):
            logging.getLogger("trafilatura.core").warning("discarding data: %s", None)
            logging.getLogger("htmldate.core").error("no date: %s", "x")
        logging.getLogger("timeline").info("render: site unchanged")
        logging.getLogger("feedparser").error("bad feed")
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)
    assert capsys.readouterr().err.splitlines() == [
        "content/page.html: htmldate: no date: x", "render: site unchanged", "feedparser: bad feed"]
