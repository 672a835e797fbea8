"""The change log: what each build added, corrected, merged, retracted or hid, kept beside the store
and shown on changes.html, changes.atom and the pages of the events it touched."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from timeline.build import build
from timeline.records import Event, Source
from timeline.render import render_site
from timeline.store.changes import ChangeLog, diff_store, load_changes, record_changes

from conftest import make_config, write_files


def event(id: str, date: str, title: str, **more: object) -> Event:
    return Event(id=id, date=date, precision="day" if len(date) == 10 else "month", status="occurred", title=title,
                 summary=title + ".", sources=(Source("a", "Report", "2022-03-02", None, "Example Wire", title),),
                 **more)  # type: ignore[arg-type]


TALKS = event("talks", "2022-03-01", "Ministers hold talks in Geneva")
STRIKE = event("strike", "2022-03", "Dockworkers strike in the port")
STRIKE_AGAIN = event("strike-again", "2022-03-03", "Port dockworkers go on strike")
PROTEST = event("protest", "2022-03-02", "Students protest outside parliament")


def two_builds(path: Path) -> ChangeLog:
    """A first build with three events; a second that dates the strike to the day, merges its
    duplicate into it, retracts the protest and adds a vote."""
    log, problems = load_changes(path)
    assert problems == [] and log.entries == []
    first = [TALKS, STRIKE, STRIKE_AGAIN, PROTEST]
    log = record_changes(path, log, diff_store([], first, "2022-03-04"))
    second = [TALKS, replace(STRIKE, date="2022-03-03", precision="day", aliases=("strike-again",)),
              event("vote", "2022-03-05", "Parliament votes on the budget")]
    return record_changes(path, log, diff_store(first, second, "2022-03-06"))


def test_a_build_records_what_it_added_corrected_merged_and_retracted(tmp_path: Path) -> None:
    path = tmp_path / "changes.yaml"
    two_builds(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data[0] == {"built": "2022-03-04", "created": 4}
    latest = data[1]
    assert latest["built"] == "2022-03-06"
    assert [e["id"] for e in latest["added"]] == ["vote"]
    assert latest["changed"] == [{"id": "strike", "date": "2022-03-03", "title": "Dockworkers strike in the port",
                                  "fields": {"date": ["2022-03", "2022-03-03"], "precision": ["month", "day"]}}]
    assert [(e["id"], e["into"]) for e in latest["merged"]] == [("strike-again", "strike")]
    assert [e["id"] for e in latest["retracted"]] == ["protest"]
    # Read back as written; a build that changes nothing adds nothing.
    log, problems = load_changes(path)
    assert problems == [] and len(log.entries) == 2
    before = path.read_bytes()
    record_changes(path, log, diff_store([TALKS], [TALKS], "2022-03-07"))
    assert path.read_bytes() == before


def test_hiding_is_recorded_as_such_and_a_broken_log_is_reported_and_kept(tmp_path: Path) -> None:
    entry = diff_store([TALKS, PROTEST], [TALKS, replace(PROTEST, hidden=True)], "2022-03-05")
    assert [n.id for n in entry.hidden] == ["protest"] and not entry.changed and not entry.retracted
    path = tmp_path / "changes.yaml"
    path.write_text("- built: 2022-03-04\n  added: nonsense\n", encoding="utf-8")
    log, problems = load_changes(path)
    assert not log.readable and len(problems) == 1
    assert problems[0].path == str(path) and problems[0].line == 1 and "added: must be a list" in problems[0].message
    record_changes(path, log, entry)
    assert path.read_text(encoding="utf-8") == "- built: 2022-03-04\n  added: nonsense\n"


def test_changes_page_feed_and_event_page_say_what_changed(tmp_path: Path) -> None:
    log = two_builds(tmp_path / "changes.yaml")
    cfg = make_config(output=tmp_path / "output", title="Port timeline", build={"build_date": "2022-03-06"})
    strike = replace(STRIKE, date="2022-03-03", precision="day", aliases=("strike-again",))
    render_site([TALKS, strike], None, [], cfg, search=False, changes=log)
    out = cfg.paths.output
    page = (out / "changes.html").read_text(encoding="utf-8")
    assert page.index("6 Mar 2022") < page.index("4 Mar 2022")  # newest first
    assert "The timeline started with 4 events." in page
    assert "date corrected from March 2022 to 3 Mar 2022" in page
    assert "Students protest outside parliament" in page and "Retracted" in page
    assert 'href="events/strike.html"' in page  # the merged duplicate leads to the event that holds it
    strike_page = (out / "events" / "strike.html").read_text(encoding="utf-8")
    assert "Updated on 6 Mar 2022: date corrected from March 2022 to 3 Mar 2022." in strike_page
    assert "merged with “Port dockworkers go on strike”" in strike_page
    feed = ET.parse(out / "changes.atom").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [t.text for t in feed.findall("a:entry/a:title", ns)]
    assert titles[0] == "6 Mar 2022: 1 added, 1 changed, 1 merged, 1 retracted"
    assert 'href="changes.atom"' in page
    # Every page's footer leads to the archive's list of data files and feeds, the changes among them.
    assert 'href="archive.html#data"' in (out / "index.html").read_text(encoding="utf-8")
    assert 'href="changes.html"' in (out / "archive.html").read_text(encoding="utf-8").split('id="data"', 1)[1]


ARTICLE = """---
title: {title}
published: 2022-03-{day:02d}
outlet: {outlet}
---

{body}
"""


def test_the_log_survives_a_clean_build_and_a_fresh_checkout(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_files(content, {
        "talks.md": ARTICLE.format(title="Talks in Geneva", day=2, outlet="Example Wire",
                                   body="Foreign ministers of France and Germany met in Geneva on Tuesday."),
        "strike.md": ARTICLE.format(title="Port strike", day=3, outlet="Harbour Daily",
                                    body="Dockworkers in Marseille went on strike on Wednesday over pay."),
    })
    cfg = make_config(content=content, output=tmp_path / "output", paths={"cache": tmp_path / "cache"},
                      build={"build_date": "2022-03-04", "jobs": 1})
    build(cfg)
    first = yaml.safe_load(cfg.paths.changes.read_text(encoding="utf-8"))
    assert len(first) == 1 and first[0]["created"] >= 2

    (content / "strike.md").unlink()
    talks = content / "talks.md"  # the outlet corrects its article: the meeting was on Monday
    talks.write_text(talks.read_text(encoding="utf-8").replace("on Tuesday", "on Monday"), encoding="utf-8")
    write_files(content, {"vote.md": ARTICLE.format(
        title="Budget vote", day=5, outlet="Example Wire",
        body="The French parliament approved the budget on Friday.")})
    cfg = replace(cfg, build=replace(cfg.build, build_date="2022-03-06"))
    build(cfg, clean=True)
    log = yaml.safe_load(cfg.paths.changes.read_text(encoding="utf-8"))
    assert len(log) == 2 and log[1]["built"] == "2022-03-06"
    assert log[1]["added"] and any("strike" in e["title"].lower() for e in log[1]["retracted"])
    assert [c["fields"]["date"] for c in log[1]["changed"] if "Geneva" in c["title"]] == [["2022-03-01", "2022-02-28"]]

    # A fresh checkout: the content folder as committed, no cache, no site.
    checkout = tmp_path / "checkout"
    shutil.copytree(content, checkout / "content")
    fresh = make_config(content=checkout / "content", output=checkout / "output", paths={"cache": checkout / "cache"},
                        build={"build_date": "2022-03-07", "jobs": 1})
    build(fresh)
    assert yaml.safe_load(fresh.paths.changes.read_text(encoding="utf-8")) == log  # nothing new, nothing lost
    page = (checkout / "output" / "changes.html").read_text(encoding="utf-8")
    assert "6 Mar 2022" in page and "4 Mar 2022" in page and "Retracted" in page


def test_check_names_the_line_of_a_broken_change_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline.cli.main import main

    (tmp_path / "a.md").write_text("---\ntitle: A\npublished: 2022-02-12\n---\nTalks went on in Geneva on Saturday.\n",
                                   encoding="utf-8")
    assert main(["check", "--content", str(tmp_path)]) == 0
    (tmp_path / "changes.yaml").write_text("- built: 2022-03-04\n  created: 3\n- built: 2022-03-05\n  added: [1, 2]\n",
                                           encoding="utf-8")
    assert main(["check", "--content", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "changes.yaml:3" in err and "added: each item must be a mapping with an id" in err
