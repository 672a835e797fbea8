"""The site as a reader and a browser get it: safe, complete, linked, deterministic, within budget."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from timeline.config import Config
from timeline.records import Actor, ActorRef, Article, DateEvidence, Event, Source
from timeline.render import render_site
from timeline.render.dates import date_label
from timeline.render.samples import sample_articles, sample_events

from conftest import BUILD_DATE, make_config


def make_cfg(tmp_path: Path, **site: object) -> Config:
    return make_config(output=tmp_path / "output", title="Crisis timeline", build={"build_date": BUILD_DATE}, site=site,
                       paths={"cache": tmp_path / "cache"})


def render(tmp_path: Path, events: list[Event], articles: list[Article] | None = None, registry: object = None,
           cfg: Config | None = None) -> Path:
    cfg = cfg or make_cfg(tmp_path)
    render_site(events, registry, articles or [], cfg, search=False)
    return cfg.paths.output


CALL = Event(
    id="call", date="2022-02-12", precision="day", status="occurred", title="Biden and Putin speak by phone",
    summary="An **hour-long** call.", type="diplomacy",
    actors=(ActorRef("Joe Biden", "person"), ActorRef("Vladimir Putin", "person")),
    sources=(Source("seed", "Biden warns Putin", "2022-02-12", "https://example.org/seed", "Example News",
                    "Biden and Putin spoke for an hour on Saturday."),),
    evidence=DateEvidence("weekday-past", "on Saturday", "2022-02-12"), importance=0.9, aliases=("old-call",),
)
VISIT = Event(
    id="visit", date="2022-02-14", precision="day", status="scheduled", title="Scholz to travel to Kyiv",
    summary="Olaf Scholz travels to Kyiv on Monday.", type="visit",
    actors=(ActorRef("Olaf Scholz", "person"), ActorRef("Kyiv", "place")),
    sources=(Source("seed", "Biden warns Putin", "2022-02-12", None, None, "Scholz travels on Monday."),),
)
HIDDEN = Event(id="hidden", date="2022-02-10", precision="day", status="occurred", title="A hidden event",
               summary="Never shown.", hidden=True)
HOSTILE = Event(
    id="../../evil id", date="2022-02", precision="month", status="occurred",
    title='<img src=x onerror="alert(1)"><b>bold</b>',
    summary=("Text <script>alert('s')</script> and [a link](javascript:alert(1)) and "
             '<a href="javascript:alert(2)" onclick="alert(3)">raw</a> <img src=x onerror=alert(4)> '
             "[ok](https://example.org/ok)"),
    type="<script>t</script>",
    actors=(ActorRef("<script>alert('actor')</script>", "person"), ActorRef("../../etc/passwd", "place")),
    sources=(Source("../../article", '"><script>alert(5)</script>', "2022-02-01", "javascript:alert(6)",
                    "<b>Outlet</b>", "</script><script>alert(7)</script>\x00\x07"),),
    evidence=DateEvidence("month", "</script>", "2022-02"),
)
EVENTS = [CALL, VISIT, HIDDEN, HOSTILE]
SEED = Article(id="seed", path="seed.txt", title="Biden warns Putin", text="...", published=date(2022, 2, 12))


class Page(HTMLParser):
    """Collects what a safety or link check needs from one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if dict(attrs).get("id"):
            self.ids.add(dict(attrs)["id"] or "")


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "pagefind" not in p.parts)


def test_every_page_is_inert_whatever_the_articles_contain(tmp_path: Path) -> None:
    out = render(tmp_path, EVENTS, [SEED])
    for file in html_files(out):
        for tag, attrs in parse(file).tags:
            assert tag not in ("img", "iframe", "object", "embed", "b"), f"{file}: <{tag}> from article text"
            assert not [a for a in attrs if a.startswith("on")], f"{file}: event handler on <{tag}>"
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:text", "vbscript:")), f"{file}: {name}={value}"
            if tag == "script":
                assert attrs.get("type") == "application/ld+json" or (attrs.get("src") or "").startswith(
                    ("assets/", "../assets/")), f"{file}: unexpected script {attrs}"
        text = file.read_text(encoding="utf-8")
        assert "alert(7)</script>" not in text.split('type="application/ld+json">', 1)[-1].split("</script>")[0]
    # Everything stays inside the output folder, whatever the ids and names.
    assert not (tmp_path / "etc").exists() and not (tmp_path / "article.html").exists()
    event_page = next(out.glob("events/evil-id-*.html"))
    text = event_page.read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=" in text  # the title is shown, as text
    assert 'href="https://example.org/ok"' in text  # a safe Markdown link survives


def test_json_ld_cannot_close_its_script(tmp_path: Path) -> None:
    out = render(tmp_path, [HOSTILE])
    page = next(out.glob("events/*.html")).read_text(encoding="utf-8")
    data = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data
    assert json.loads(data)["@type"] == "Event"


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    events = sample_events(300) + EVENTS
    first = render(tmp_path / "a", events, sample_articles(60))
    second = render(tmp_path / "b", list(reversed(events)), sample_articles(60))
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_search_index_is_byte_identical_between_builds(tmp_path: Path) -> None:
    pytest.importorskip("pagefind", reason="the search index needs pagefind[bin]")
    events = sample_events(200, extra_actors=40) + EVENTS
    outputs = []
    for name in ("a", "b"):
        cfg = make_cfg(tmp_path / name)
        render_site(events, None, sample_articles(40), cfg, search=True)
        outputs.append(cfg.paths.output / "pagefind")
    first, second = outputs
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert any(p.suffix == ".pf_filter" for p in files), "Pagefind ran and wrote filters"
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_relative_links_resolve_and_never_leave_the_site(tmp_path: Path) -> None:
    out = render(tmp_path, sample_events(200) + EVENTS, sample_articles(40))
    for file in html_files(out):
        if file.name == "404.html":
            continue  # served at any depth, so it links from base_url
        for tag, attrs in parse(file).tags:
            for name in ("href", "src"):
                value = attrs.get(name)
                if not value or value.startswith("#") or value == "data:,":
                    continue
                parts = urlsplit(value)
                if parts.scheme:
                    assert tag == "a" and parts.scheme in ("http", "https"), f"{file}: {value}"
                    continue
                assert not value.startswith("/"), f"{file}: root-relative link {value}"
                target = (file.parent / parts.path).resolve()
                assert target.is_file() and out.resolve() in target.parents, f"{file}: broken link {value}"


LATER = Article(id="later", path="later.txt", title="Scholz in Kyiv", text="...", published=date(2022, 2, 15))


def test_home_lists_events_in_order_without_hidden_ones(tmp_path: Path) -> None:
    out = render(tmp_path, EVENTS, [SEED, LATER])
    home = (out / "index.html").read_text(encoding="utf-8")
    assert home.index("Scholz to travel to Kyiv") < home.index("Biden and Putin speak by phone")  # newest first
    assert "scheduled</span>" in home
    for file in out.rglob("*"):
        if file.is_file():
            assert "A hidden event" not in file.read_text(encoding="utf-8", errors="replace"), file
    assert (out / "events" / "old-call.html").read_text(encoding="utf-8").count('url=call.html') == 1


def test_a_plan_after_the_last_report_is_ahead_not_the_top_of_the_chronology(tmp_path: Path) -> None:
    out = render(tmp_path, EVENTS, [SEED])
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Scholz to travel to Kyiv" not in home and 'href="ahead.html">ahead</a>: 1 scheduled later' in home
    assert "Scholz to travel to Kyiv" in (out / "ahead.html").read_text(encoding="utf-8")


def test_oldest_first_when_configured(tmp_path: Path) -> None:
    out = render(tmp_path, EVENTS, [SEED, LATER], cfg=make_cfg(tmp_path, order="oldest"))
    home = (out / "index.html").read_text(encoding="utf-8")
    assert home.index("Biden and Putin speak by phone") < home.index("Scholz to travel to Kyiv")


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_a_days_events_open_on_the_most_important_in_either_order(tmp_path: Path, order: str) -> None:
    minor = replace(CALL, id="aside", title="Aides waited outside the press room", importance=0.1, aliases=())
    later = replace(CALL, id="next", date="2022-02-13", title="Ministers met again in Geneva", aliases=())
    out = render(tmp_path, [minor, CALL, later], [SEED, LATER], cfg=make_cfg(tmp_path, order=order))
    home = (out / "index.html").read_text(encoding="utf-8")
    assert home.index("Biden and Putin speak by phone") < home.index("Aides waited outside the press room")
    newest_on_top = home.index("Ministers met again in Geneva") < home.index("Biden and Putin speak by phone")
    assert newest_on_top == (order == "newest")


def test_event_page_explains_its_date_and_carries_metadata(tmp_path: Path) -> None:
    out = render(tmp_path, EVENTS, [SEED])
    page = (out / "events" / "call.html").read_text(encoding="utf-8")
    assert "<q>on Saturday</q>" in page and "weekday-past" in page
    assert "Biden and Putin spoke for an hour on Saturday." in page
    assert '<meta property="og:title" content="Biden and Putin speak by phone">' in page
    assert '<time datetime="2022-02-12"' in page
    undated = (out / "events" / "visit.html").read_text(encoding="utf-8")
    assert "Dated by the publication date" in undated


@pytest.mark.parametrize("value, mod, label", [
    ("2022-02-12", None, "12 Feb 2022"),
    ("2022-02", None, "February 2022"),
    ("2022", None, "2022"),
    ("2022-03", "APPROX EARLY", "c. early March 2022"),
    ("2022-03", "MID", "mid-March 2022"),
    ("2022-W06", None, "week of 7 Feb 2022"),
    ("2022-Q1", None, "Q1 2022"),
    ("2022-WI", None, "winter 2022"),
    ("198X", None, "1980s"),
    ("20XX", None, "21st century"),
    ("FUTURE_REF", None, "in the future"),
])
def test_dates_are_written_at_their_precision(value: str, mod: str | None, label: str) -> None:
    assert date_label(value, mod) == label


def test_home_page_stays_within_budget_and_paginates(tmp_path: Path) -> None:
    events = [replace(e, summary=e.summary + " " + "Long reporting. " * 40) for e in sample_events(3000, days=690)]
    out = render(tmp_path, events, sample_articles(700),  # reports over the whole period: all in focus
                 cfg=make_cfg(tmp_path, home_pages=0))
    pages = sorted(out.glob("index*.html"))
    assert len(pages) > 5
    for page in pages:
        assert page.stat().st_size <= 200_000, page
    listed = sum(p.read_text(encoding="utf-8").count('<li class="event"') for p in pages)
    assert listed == 3000  # every event on exactly one home page
    own = sum((out / "assets" / name).stat().st_size for name in ("style.css", "filter.js"))  # what home loads
    assert own <= 30_000
    assert (out / "assets" / "axis.js").stat().st_size <= 30_000  # the time axis's own script


def test_a_long_home_listing_ends_at_the_month_pages(tmp_path: Path) -> None:
    events = [replace(e, summary=e.summary + " " + "Long reporting. " * 40) for e in sample_events(3000, days=690)]
    out = render(tmp_path, events, sample_articles(700), cfg=make_cfg(tmp_path, home_pages=4))
    pages = [out / "index.html"] + [out / f"index.p{n}.html" for n in range(2, 5)]
    assert sorted(out.glob("index*.html")) == sorted(pages)
    texts = [p.read_text(encoding="utf-8") for p in pages]
    listed = sum(text.count('<li class="event"') for text in texts)
    assert 100 < listed < 3000
    assert all("earlier events are listed by month" not in text for text in texts[:-1])
    more = re.search(r'(\d+) earlier events are listed by month, from <a href="months/(\d{4}-\d\d)\.html">', texts[-1])
    assert more and listed + int(more[1]) == 3000
    # The month linked holds the newest event the home listing leaves out, and no month page is
    # left out: the month pages list every event once.
    last_shown = re.findall(r'<a href="months/(\d{4}-\d\d)\.html">', texts[-1].split('<div id="listing">')[1])
    assert more[2] <= last_shown[-1]
    assert (out / "months" / f"{more[2]}.html").is_file()
    month_pages = list((out / "months").glob("*.html"))
    assert sum(p.read_text(encoding="utf-8").count('<li class="event"') for p in month_pages) == 3000


def test_actor_pages_index_and_pairs(tmp_path: Path) -> None:
    registry = [Actor("Joe Biden", "person", country="United States",
                      roles=()), Actor("Kyiv", "place", hidden=True)]
    out = render(tmp_path, EVENTS, [SEED], registry=registry)
    index = (out / "actors.html").read_text(encoding="utf-8")
    assert "People" in index and "Joe Biden" in index and "Kyiv" not in index
    biden = (out / "actors" / "joe-biden.html").read_text(encoding="utf-8")
    assert "United States" in biden and "<svg" in biden
    assert "pairs/joe-biden--vladimir-putin.html" in biden
    assert (out / "pairs" / "joe-biden--vladimir-putin.html").is_file()
    ET.parse(out / "actors" / "joe-biden.atom")


def test_exports_follow_the_documented_schema(tmp_path: Path) -> None:
    out = render(tmp_path, EVENTS, [SEED])
    data = json.loads((out / "events.json").read_text(encoding="utf-8"))
    assert data["schema"] == 1 and [e["id"] for e in data["events"]] == ["../../evil id", "call", "visit"]
    call = data["events"][1]
    assert set(call) >= {"id", "date", "precision", "status", "title", "summary", "type", "actors", "sources",
                         "importance", "evidence"}
    assert call["actors"][0] == {"name": "Joe Biden", "kind": "person"}
    assert set(call["sources"][0]) == {"article", "title", "url", "published", "outlet", "quote"}
    rows = list(csv.DictReader((out / "events.csv").open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["../../evil id", "call", "visit"]
    tl = json.loads((out / "timelinejs.json").read_text(encoding="utf-8"))
    assert all("<" not in e["text"]["headline"] for e in tl["events"])
    ical = (out / "scheduled.ics").read_bytes()
    assert ical.count(b"BEGIN:VEVENT") == 1 and b"SUMMARY:Scholz to travel to Kyiv" in ical
    assert all(len(line) <= 75 for line in ical.split(b"\r\n"))
    for feed in ("feed.atom", "sitemap.xml"):
        ET.parse(out / feed)
    assert (out / "robots.txt").is_file() and (out / "404.html").is_file()


def test_output_is_swapped_whole_and_a_failed_render_keeps_the_old_site(tmp_path: Path, monkeypatch) -> None:
    cfg = make_cfg(tmp_path)
    render(tmp_path, [CALL], cfg=cfg)
    (cfg.paths.output / "stale.txt").write_text("from an old build")
    render(tmp_path, [CALL, VISIT], cfg=cfg)
    assert not (cfg.paths.output / "stale.txt").exists()
    import timeline.render as render_module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(render_module, "write_last", broken)
    with pytest.raises(RuntimeError):
        render(tmp_path, [CALL], cfg=cfg)
    assert (cfg.paths.output / "events" / "visit.html").is_file()  # the previous site, untouched
    # No staging folder left behind; the spare folder, in the cache folder, is the next build's staging folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "output"]
    [staging] = (tmp_path / "cache" / "site").iterdir()
    assert [p.name for p in staging.iterdir()] == [".output-spare"]


def test_maintainer_templates_override_the_project_ones(tmp_path: Path) -> None:
    custom = tmp_path / "custom"
    custom.mkdir()
    (custom / "_footer.html").write_text("<footer><p>Maintained by the desk.</p></footer>\n")
    cfg = make_cfg(tmp_path)
    cfg = replace(cfg, paths=replace(cfg.paths, templates=custom))
    out = render(tmp_path, [CALL], cfg=cfg)
    assert "Maintained by the desk." in (out / "index.html").read_text(encoding="utf-8")
    assert "Maintained by the desk." in (out / "events" / "call.html").read_text(encoding="utf-8")


def test_pages_carry_csp_lang_and_skip_link(tmp_path: Path) -> None:
    out = render(tmp_path, EVENTS, [SEED])
    for file in html_files(out):
        text = file.read_text(encoding="utf-8")
        assert '<html lang="en">' in text, file
        assert 'http-equiv="Content-Security-Policy"' in text, file
        if file.parent.name != "events" or "url=" not in text:
            assert re.search(r'<a class="skip" href="#main">', text) or "refresh" in text, file


def test_event_page_words_the_modifier_and_quotes_the_source_that_dated_it(tmp_path: Path) -> None:
    early = Event(
        id="early", date="2022-03", precision="month", status="occurred", title="Talks resume",
        summary="Talks resume.", type="diplomacy", actors=(ActorRef("Olaf Scholz", "person"),),
        sources=(
            Source("first", "Talks may resume", "2022-02-20", None, None, "Talks could resume soon, aides said.",
                   reported_date="2022-02"),
            Source("second", "Talks resume", "2022-03-20", None, None, "Talks resumed in early March, around the 5th.",
                   reported_date="2022-03"),
        ),
        evidence=DateEvidence("month-name", "early March", "2022-03", mod="APPROX EARLY"),
    )
    out = render(tmp_path, [early])
    page = (out / "events" / "early.html").read_text(encoding="utf-8")
    assert "c. early March 2022" in page
    assert "c. early March 2022" in (out / "index.html").read_text(encoding="utf-8")
    why = page[page.index("Why this date"):page.index("<h2>Sources</h2>")]
    assert "Talks resumed in early March" in why and "could resume soon" not in why
