"""The site centred on the story: events far before it are Background, scheduled ones far after it
Ahead; neither stretches the chronology, its chart, its year filter or the time axis."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from timeline.records import ActorRef, Article, Event, Source
from timeline.render import render_site
from timeline.render.focus import find_focus

from conftest import make_config


def event(id: str, value: str, title: str, article: str, status: str = "occurred") -> Event:
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return Event(id=id, date=value, precision=precision, status=status, title=title, summary=title + ".",
                 sources=(Source(article, "Report", "2011-03-10", None, "Example Wire", title),))


REPORTS = [Article(f"r{n}", f"r{n}.md", f"Report {n}", "", date(2011, 2, 15) + timedelta(days=n)) for n in range(90)]
STORY = [event(f"day-{n}", (date(2011, 2, 20) + timedelta(days=n)).isoformat(), f"Protest number {n}", f"r{n}")
         for n in range(0, 80, 2)]
COUP = event("coup", "1969", "The colonel seized power in a coup", "r4")
PLAN = event("plan", "2021-06", "The new constitution takes effect", "r6", status="scheduled")
EVENTS = STORY + [COUP, PLAN]


def test_background_and_ahead_stay_off_the_chronology(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2011-05-20"}, site={"page_size": 12})
    render_site(EVENTS, None, REPORTS, cfg, search=False)
    out = cfg.paths.output
    home = (out / "index.html").read_text(encoding="utf-8")
    years = re.findall(r'data-filter="year" data-value="(\d{4})"', home)
    assert years == ["2011"]  # neither 1969 nor 2021 stretches the year filter
    assert "Events per week, Feb 2011 – May 2011" in home  # nor the chart
    listed = "".join(p.read_text(encoding="utf-8") for p in out.glob("index*.html"))
    assert "seized power" not in listed and "constitution" not in listed
    # The filters' script finds the story's events, not the background's.
    assert json.loads((out / "filters" / "all.json").read_text(encoding="utf-8"))["count"] == len(STORY)
    assert "seized power" not in "".join(p.read_text(encoding="utf-8") for p in (out / "filters").rglob("*.json"))
    assert 'href="background.html">background</a>: 1 earlier events' in home
    assert 'href="ahead.html">ahead</a>: 1 scheduled later' in home
    assert "The colonel seized power in a coup" in (out / "background.html").read_text(encoding="utf-8")
    assert "The new constitution takes effect" in (out / "ahead.html").read_text(encoding="utf-8")
    # The background event and the event whose report mentions it link each other.
    story = (out / "events" / "day-4.html").read_text(encoding="utf-8")
    assert "<h2>Background</h2>" in story and 'href="coup.html"' in story
    coup = (out / "events" / "coup.html").read_text(encoding="utf-8")
    assert "<h2>Background to</h2>" in coup and 'href="day-4.html"' in coup
    axis = (out / "axis.html").read_text(encoding="utf-8")
    assert not (out / "axis" / "1969.html").exists() and not (out / "axis" / "2021.html").exists()
    assert "20 Feb 2011 to 9 May 2011" in axis


def test_events_off_the_subject_stay_off_the_timeline_and_the_key_events(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2011-05-20"}, site={"page_size": 50})
    match = replace(event("derby", "2011-03-12", "The striker scored twice in the derby", "r25"), importance=0.0)
    story = [replace(e, importance=5.0) for e in STORY]
    render_site(story + [match], None, REPORTS, cfg, search=False, review=frozenset({"derby"}))
    out = cfg.paths.output
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "scored twice" not in home and "scored twice" not in (out / "key-events.html").read_text(encoding="utf-8")
    assert 'href="review.html">for review</a>: 1 off the subject or told only later' in home
    assert "The striker scored twice in the derby" in (out / "review.html").read_text(encoding="utf-8")
    assert (out / "events" / "derby.html").exists()  # kept, never deleted
    assert json.loads((out / "filters" / "all.json").read_text(encoding="utf-8"))["count"] == len(STORY)


def test_pager_labels_name_the_months_of_each_page_in_order(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2011-05-20"}, site={"page_size": 12})
    busy = [replace(ev, id=f"{ev.id}-again", title=ev.title + " again") for ev in STORY[:20]]
    render_site(EVENTS + busy, None, REPORTS, cfg, search=False)
    home = (cfg.paths.output / "index.html").read_text(encoding="utf-8")
    pager = re.search(r'<nav class="pager" aria-label="Pages">(.*?)</nav>', home, re.S)
    assert pager is not None
    labels = re.findall(r'<a href="[^"]+"(?: aria-current="page")?>([^<]+)</a>', pager.group(1))
    labels = [label for label in labels if label not in ("Next", "Previous")]
    assert labels, home
    months = ["February", "March", "April", "May"]
    for label in labels:
        named = [m for m in months if m in label]
        assert named == sorted(named, key=months.index), label  # each label in month order
    repeated = [label for label in labels if " of " in label]
    assert all(re.search(r"\(\d+ of \d+\)$", label) for label in repeated)


def test_focus_set_in_config_wins(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2011-05-20"},
                      site={"focus": ("1960-01-01", None)})
    render_site(EVENTS, None, REPORTS, cfg, search=False)
    home = (cfg.paths.output / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'data-filter="year" data-value="(\d{4})"', home) == ["1969", "2011", "2021"]
    assert "background.html" not in home


def test_the_filter_bar_names_the_actors_several_articles_report(tmp_path: Path) -> None:
    # the story's leader in events of three articles; a footballer in one sports page's two events
    leader = [replace(event(f"l{n}", f"2011-03-{10 + n}", f"The leader spoke {n}", f"r{n}"),
                      actors=(ActorRef("Ana Verde", "person"),)) for n in range(3)]
    player = [replace(event(f"p{n}", f"2011-03-{20 + n}", f"The striker scored {n}", "r30"),
                      actors=(ActorRef("Bruno Azul", "person"),)) for n in range(2)]
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2011-05-20"}, site={"page_size": 50})
    render_site(STORY + leader + player, None, REPORTS, cfg, search=False)
    home = (cfg.paths.output / "index.html").read_text(encoding="utf-8")
    bar = re.findall(r'data-filter="actor" data-value="([^"]+)"', home)
    assert "ana-verde" in bar and "bruno-azul" not in bar
    assert (cfg.paths.output / "actors" / "bruno-azul.html").exists()  # still in the actor index


def test_an_event_known_only_to_its_year_is_listed_under_the_year_not_a_month(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2011-05-20"}, site={"page_size": 12})
    treaty = event("treaty", "1969-01-14", "The two states signed a border treaty", "r8")
    render_site(EVENTS + [treaty], None, REPORTS, cfg, search=False)
    background = (cfg.paths.output / "background.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h3 class="month-h">(.*?)</h3>', background)
    assert sorted(headings) == ["1969", '<a href="months/1969-01.html">January 1969</a>'], headings


def test_an_earlier_happening_a_report_recalls_is_background_not_a_key_event(tmp_path: Path) -> None:
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2011-05-20"}, site={"key_events": 5})
    recalled = replace(event("earlier", "2008-05-12", "An earthquake struck the province", "r3"), importance=50.0)
    story = [replace(e, importance=5.0) for e in STORY]
    render_site(story + [recalled], None, REPORTS, cfg, search=False)
    out = cfg.paths.output
    key = (out / "key-events.html").read_text(encoding="utf-8")
    assert "An earthquake struck the province" not in key and "Protest number" in key
    assert "An earthquake struck the province" in (out / "background.html").read_text(encoding="utf-8")


def test_the_story_opens_on_what_prompted_the_first_reports_not_weeks_before(tmp_path: Path) -> None:
    # The first reports (16 Feb) came the day after the uprising that two of them date to 15 Feb;
    # one line dates a year-old wave to 20 Jan 2011, a weekday read the wrong way.
    uprising = [event(f"u{n}", "2011-02-15", f"Crowds stormed the governor's office {n}", f"r{n}") for n in range(2)]
    stray = event("stray", "2011-01-20", "A wave struck the coast", "r5")
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2011-05-20"}, site={"page_size": 200})
    render_site(EVENTS + uprising + [stray], None, REPORTS, cfg, search=False)
    out = cfg.paths.output
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "The story from 15 Feb 2011 to" in home
    assert "Events per week, Feb 2011 – May 2011" in home  # the stray line does not open the chart in January
    assert "Crowds stormed the governor" in home and "A wave struck the coast" not in home
    assert "A wave struck the coast" in (out / "background.html").read_text(encoding="utf-8")


def test_the_story_closes_on_the_last_happening_its_last_reports_tell_not_on_a_stray() -> None:
    # 200 reports from 1 Mar; the last two, of 2 Sep, fall to the trim but report that day's
    # resignation; a page of 2021 that landed in the pile reports an election of its own day.
    reports = [Article(f"a{n}", f"a{n}.md", "Report", "", date(2011, 3, 1) + timedelta(days=n // 2))
               for n in range(198)]
    reports += [Article(f"late{n}", f"late{n}.md", "Report", "", date(2011, 9, 2)) for n in range(2)]
    reports += [Article("stray", "stray.md", "Report", "", date(2021, 6, 1))]
    events = [event("resign", "2011-09-02", "The minister resigned", "late0"),
              event("vote", "2021-06-01", "Voters chose a new council", "stray")]
    focus = find_focus(events, reports)
    assert focus.end == date(2011, 9, 2)
    assert focus.label.endswith("to 02 Sep 2011")


def test_a_line_one_article_dates_before_the_day_several_tell_does_not_open_the_story() -> None:
    # Reports from 1 Mar; two date the earthquake to 27 Feb, one misdates a later line to 25 Feb.
    reports = [Article(f"a{n}", f"a{n}.md", "Report", "", date(2011, 3, 1) + timedelta(days=n)) for n in range(30)]
    quake = [event(f"q{n}", "2011-02-27", "The earthquake struck the coast", f"a{n}") for n in range(2)]
    stray = event("food", "2011-02-25", "Aid workers handed out food", "a3")
    assert find_focus(quake + [stray], reports).start == date(2011, 2, 27)
    # With no day several articles tell, the first report's "on Friday" still opens it.
    assert find_focus([stray], reports).start == date(2011, 2, 25)


def test_a_year_and_a_month_it_opens_with_are_each_headed_once_read_either_way(tmp_path: Path) -> None:
    treaty = event("treaty", "1969-01-14", "The two states signed a border treaty", "r8")
    talks = event("talks", "1969-01", "The two states held border talks", "r8")
    coup_year = event("unrest", "1969", "Unrest spread through the provinces", "r8")
    for order in ("oldest", "newest"):
        cfg = make_config(output=tmp_path / order, build={"build_date": "2011-05-20"},
                          site={"page_size": 12, "order": order})
        render_site(EVENTS + [treaty, talks, coup_year], None, REPORTS, cfg, search=False)
        background = (cfg.paths.output / "background.html").read_text(encoding="utf-8")
        headings = re.findall(r'<h3 class="month-h">(.*?)</h3>', background)
        assert len(headings) == len(set(headings)) == 2, (order, headings)


def test_a_long_storys_last_reports_close_it_and_a_decade_mostly_before_it_is_background(tmp_path: Path) -> None:
    # Reports every fortnight for ten years, then two a few months later that tell the leader's fall.
    reports = [Article(f"a{n}", f"a{n}.md", "Report", "", date(2000, 1, 3) + timedelta(days=14 * n))
               for n in range(260)]
    reports += [Article("late0", "late0.md", "Report", "", date(2010, 6, 1)),
                Article("late1", "late1.md", "Report", "", date(2010, 9, 1))]
    fall = event("fall", "2010-09-01", "The court removed the prime minister", "late1")
    nineties = event("nineties", "199X", "The party ruled the province", "a5")
    nineties = replace(nineties, precision="decade")
    year = event("year", "2000", "The party won the provincial vote", "a6")
    year = replace(year, precision="year")
    focus = find_focus([fall, nineties, year], reports)
    assert focus.label.endswith("to 01 Sep 2010")
    assert focus.place(nineties) == "background" and focus.place(year) == "focus"
    cfg = make_config(output=tmp_path / "out", build={"build_date": "2010-09-02"}, site={"page_size": 12})
    render_site([fall, nineties, year], None, reports, cfg, search=False)
    home = (cfg.paths.output / "index.html").read_text(encoding="utf-8")
    years = re.findall(r'data-filter="year" data-value="(\d{4})"', home)
    assert "1990" not in years and re.search(r"Events per \w+, Jan 2000 – Sep 2010", home), years
