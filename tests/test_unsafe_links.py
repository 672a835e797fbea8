"""Only http(s) and relative links leave the build, and no export cell runs as a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from timeline.records import ActorRef, Event, Source
from timeline.render import render_site
from timeline.sources.urls import kept_url

from conftest import BUILD_DATE, make_config, read_content, write_files


@pytest.mark.parametrize("url, kept", [
    ("https://example.org/news/talks-(update)", True),
    ("HTTP://example.org", True),
    ("/articles/talks.html", True),
    ("talks.html#second", True),
    ("javascript:alert(1)", False),
    (" JavaScript:alert(1)", False),
    ("java\tscript:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("file:///etc/passwd", False),
    ("vbscript:msgbox(1)", False),
    ("//elsewhere.example/x", False),
    ("ftp://example.org/file", False),
])
def test_which_links_are_kept(url: str, kept: bool) -> None:
    assert (kept_url(url) is not None) is kept


def test_a_script_url_in_front_matter_is_dropped_with_file_and_line(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "talks.md": "---\ntitle: Talks\npublished: 2022-02-12\nurl: \"javascript:alert('url')\"\n---\n"
                    "Joe Biden spoke with Vladimir Putin on Saturday.\n",
        "visit.md": "---\ntitle: Visit\npublished: 2022-02-12\nurl: https://example.org/visit\n---\n"
                    "Olaf Scholz will travel to Kyiv on Monday.\n",
    })
    articles, problems = read_content(tmp_path)
    urls = {a.path: a.url for a in articles}
    assert urls == {"talks.md": None, "visit.md": "https://example.org/visit"}
    [said] = [p for p in problems if "http(s)" in p.message]
    assert said.path.endswith("talks.md") and said.line == 4 and said.severity == "warning"
    assert "javascript:" in str(said)


FORMULAS = Event(
    id="formula", date="2022-02-12", precision="day", status="occurred", title="=HYPERLINK(\"http://x\",\"y\")",
    summary="+1 and more", type="other", actors=(ActorRef("@Someone", "person"), ActorRef("-Minus", "person")),
    sources=(Source("a", "A", "2022-02-12", "javascript:alert(1)", "Outlet", "Quote."),
             Source("b", "B", "2022-02-12", "https://example.org/b", "Outlet", "Quote.")),
)
PLAIN = Event(id="plain", date="2022-02-13", precision="day", status="occurred", title="Talks in Geneva",
              summary="  =SUM(A1:A9) after spaces", type="diplomacy")


def test_exports_keep_no_script_url_and_no_formula(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "output", build={"build_date": BUILD_DATE})
    render_site([FORMULAS, PLAIN], None, [], cfg, search=False)
    exported = json.loads((cfg.paths.output / "events.json").read_text(encoding="utf-8"))
    urls = [s["url"] for e in exported["events"] for s in e["sources"]]
    assert sorted(urls, key=str) == [None, "https://example.org/b"]
    rows = list(csv.DictReader(io.StringIO((cfg.paths.output / "events.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 2
    for row in rows:
        for column, cell in row.items():
            assert cell.lstrip(" ")[:1] not in ("=", "+", "-", "@", "\t", "\r"), (column, cell)
            assert "javascript:" not in cell
    by_id = {row["id"]: row for row in rows}
    assert by_id["formula"]["title"] == "'=HYPERLINK(\"http://x\",\"y\")"  # still readable, as text
    assert by_id["formula"]["actors"] == "'@Someone; -Minus"
    assert by_id["plain"]["summary"].startswith("'")
    assert by_id["plain"]["title"] == "Talks in Geneva"  # an ordinary cell is left alone
