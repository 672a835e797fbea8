"""One set of counts: the progress lines and the summary of a build agree with each other and with the input."""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pytest

from timeline.build import build
from timeline.cli.report import print_summary
from timeline.records import BuildSummary

from conftest import BUILD_DATE, make_config, write_files

ARTICLES = {
    "2022-02-12-call.txt": "Biden and Putin talk\n\nJoe Biden spoke with Vladimir Putin by phone on Saturday, "
                           "the White House said. Olaf Scholz will travel to Kyiv on Monday.\n",
    "2022-02-14-visit.md": "---\ntitle: Scholz in Kyiv\npublished: 2022-02-14\n---\nOlaf Scholz met Volodymyr "
                           "Zelenskyy in Kyiv on Monday. He will fly to Moscow on Tuesday.\n",
    "2022-02-15-moscow.md": "---\ntitle: Scholz in Moscow\npublished: 2022-02-15\n---\nOlaf Scholz met "
                            "Vladimir Putin in Moscow on Tuesday, the Kremlin said.\n",
    # Two files that give no article, one of them with two problems: each counted once.
    "noise.txt": b"\x00\x01\x02 binary",
    "broken.md": "---\ntitle: [unclosed\npubished: 2022-02-12\n---\nText.\n",
    # The same article twice: read once, the copy is skipped.
    "copy-of-call.txt": "Biden and Putin talk\n\nJoe Biden spoke with Vladimir Putin by phone on Saturday, "
                        "the White House said. Olaf Scholz will travel to Kyiv on Monday.\n",
}


def run(content: Path, caplog: pytest.LogCaptureFixture) -> tuple[BuildSummary, str, str]:
    cfg = make_config(content=content, output=content.parent / "output", build={"build_date": BUILD_DATE},
                      paths={"cache": content.parent / "cache"})
    logging.getLogger("timeline").setLevel(logging.INFO)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="timeline"):
        summary = build(cfg, jobs=1)
    out = io.StringIO()
    print_summary(summary, out)
    return summary, caplog.text, out.getvalue()


def number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found, (pattern, text)
    return int(found.group(1))


def test_progress_lines_and_summary_agree(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    content = write_files(tmp_path / "content", ARTICLES)
    first, log, said = run(content, caplog)
    assert (first.articles_read, first.articles_skipped) == (3, 3)  # every article file counted once
    assert "3 read (3 parsed, 0 from cache), 3 files skipped" in said
    pages = number(r"render: (\d+) pages done", log)
    assert number(r"render: (\d+) pages \(", log) == pages
    assert number(r"pages: (\d+) \(", said) == pages == first.pages_written + first.pages_unchanged
    assert first.pages_written == pages and first.events_new == first.events_total > 0
    assert sum(1 for p in (content.parent / "output").rglob("*.html") if "pagefind" not in p.parts) == pages

    again, log, said = run(content, caplog)
    assert "3 read (0 parsed, 3 from cache), 3 files skipped" in said
    assert f"pages: {pages} (0 written, {pages} unchanged)" in said
    assert number(r"render: (\d+) pages done", log) == pages
    assert (again.events_new, again.events_changed, again.events_curated) == (0, 0, 0)

    store = content / "events" / "2022-02.yaml"
    text = store.read_text(encoding="utf-8")
    store.write_text(re.sub(r"(?m)^  title: .*$", "  title: A title the desk wrote", text, count=1),
                     encoding="utf-8")
    edited, log, said = run(content, caplog)
    assert edited.events_curated == 1 and "1 edited by hand" in said
    assert 0 < edited.pages_written < pages
    assert number(r"pages: (\d+) \(", said) == number(r"render: (\d+) pages done", log)
