"""Progress: a bar on a terminal, plain lines in logs, nothing with -q; the closing summary."""

from __future__ import annotations

import io
import logging

import pytest

from timeline.cache.progress import Progress
from timeline.cli.report import print_summary
from timeline.records import BuildSummary, Problem


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def info_level() -> None:
    logging.getLogger("timeline").setLevel(logging.INFO)


def test_bar_on_a_terminal_ends_complete() -> None:
    out = Terminal()
    with Progress("parse", 40, stream=out, unit="articles") as progress:
        for _ in range(40):
            progress.advance()
    text = out.getvalue()
    assert "\r" in text and "[" + "#" * 28 + "]" in text and "40/40 articles" in text and text.endswith("\n")


def test_plain_lines_when_not_a_terminal(caplog: pytest.LogCaptureFixture) -> None:
    out = io.StringIO()
    with caplog.at_level(logging.INFO, logger="timeline"):
        with Progress("parse", 3, stream=out, unit="articles") as progress:
            for _ in range(3):
                progress.advance()
    assert out.getvalue() == ""  # no control characters in CI logs
    assert "parse: 3 articles" in caplog.text and "done in" in caplog.text


def test_quiet_shows_nothing(caplog: pytest.LogCaptureFixture) -> None:
    logging.getLogger("timeline").setLevel(logging.ERROR)
    out = Terminal()
    with Progress("parse", 3, stream=out) as progress:
        progress.advance(3)
    assert out.getvalue() == "" and caplog.text == ""


def test_summary_says_what_was_read_parsed_skipped_and_how_long() -> None:
    summary = BuildSummary(
        articles_read=10, articles_skipped=1, articles_parsed=2, articles_cached=8, events_new=3, events_total=30,
        pages_written=40, stage_seconds=(("read", 0.5), ("extract", 1.5)),
        problems=(Problem("a.md", "no publication date; add published: to its front matter", 2),
                  Problem("b.md", "duplicate", severity="warning")),
    )
    out = io.StringIO()
    print_summary(summary, out)
    text = out.getvalue()
    assert "a.md:2: error: no publication date" in text and "b.md: warning" in text
    assert "10 read (2 parsed, 8 from cache), 1 files skipped" in text and "pages: 40 (40 written, 0 unchanged)" in text
    assert "extract 1.50s" in text and "total 2.00s" in text and "1 error(s)" in text
    quiet = io.StringIO()
    print_summary(summary, quiet, quiet=True)
    assert "a.md:2" in quiet.getvalue() and "warning" not in quiet.getvalue() and "pages" not in quiet.getvalue()
