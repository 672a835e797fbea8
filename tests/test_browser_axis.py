"""The time axis and the changes page in a real Chromium: zoom, pan, keyboard, marks that lead to
their pages, no request off the site, axe clean; what two builds changed, newest first.

The site is a synthetic timeline, rendered after two store changes (the second corrects a
date, adds an event, merges a duplicate and retracts one), served on 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
from test_browser import CHROMIUM, QuietHandler, browser, page, site  # noqa: F401 - the fixtures this module shares

from timeline.render import render_site
from timeline.render.samples import sample_articles, sample_events
from timeline.store.changes import ChangeLog, diff_store, record_changes

from conftest import BUILD_DATE, make_config, write_files

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium"),
]
pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")

FIRST = sample_events(600, days=400)
CORRECTED = FIRST[0].id


def second_store() -> list[Any]:
    """The store after the second build: a date corrected, a duplicate merged, one retracted, one added."""
    events = list(FIRST)
    events[0] = replace(events[0], date="2022-07-04", precision="day", aliases=(events[2].id,))
    del events[1:3]  # events[1] retracted, events[2] merged into events[0]
    return events + [replace(sample_events(1, seed=99)[0], id="newcomer", title="A newcomer event")]


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("axis")
    path = root / "changes.yaml"
    log = record_changes(path, ChangeLog(), diff_store([], FIRST, "2022-02-20"))
    events = second_store()
    log = record_changes(path, log, diff_store(FIRST, events, BUILD_DATE))
    cfg = make_config(output=root / "output", title="Axis timeline", build={"build_date": BUILD_DATE})
    render_site(events, None, sample_articles(400), cfg, search=False, changes=log)
    return cfg.paths.output


def status(tab: Any) -> str:
    return tab.text_content("#axis-status") or ""


def window(tab: Any) -> tuple[int, int]:
    return int(tab.get_attribute("#axis", "data-first")), int(tab.get_attribute("#axis", "data-last"))


def ready(tab: Any, url: str) -> None:
    tab.goto(url)
    for _ in range(100):  # the script reveals the controls once its data is in
        if tab.is_visible("#axis-controls"):
            return
        tab.wait_for_timeout(50)
    raise AssertionError("the axis script never started")


def settle(tab: Any) -> None:
    tab.wait_for_timeout(120)  # a redraw waits for the next frame


def test_zoom_and_pan_by_keyboard_buttons_wheel_and_drag(page: Any, site: str) -> None:  # noqa: F811
    ready(page, site + "axis.html")
    first, last = whole = window(page)
    assert last - first > 300 and "events" in status(page)
    page.focus("#axis-frame")
    page.keyboard.press("+")
    settle(page)
    zoomed = window(page)
    assert zoomed[1] - zoomed[0] < (last - first) * 0.6
    page.keyboard.press("ArrowRight")
    settle(page)
    panned = window(page)
    assert panned[0] > zoomed[0] and panned[1] - panned[0] == zoomed[1] - zoomed[0]
    page.click("button[data-axis=out]")
    settle(page)
    assert window(page)[1] - window(page)[0] > panned[1] - panned[0]
    box = page.locator("#axis-frame").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -400)  # zoom in around the pointer
    settle(page)
    before = window(page)
    assert before[1] - before[0] < whole[1] - whole[0]
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    settle(page)
    after = window(page)
    assert after[0] < before[0] and after[1] - after[0] == before[1] - before[0]  # dragged right: earlier days
    page.keyboard.press("Home")
    settle(page)
    assert window(page) == whole


def test_a_mark_of_a_narrow_window_leads_to_its_event_page(page: Any, site: str) -> None:  # noqa: F811
    ready(page, site + "axis.html")
    page.focus("#axis-frame")
    for _ in range(7):
        page.keyboard.press("+")
        settle(page)
    first, last = window(page)
    assert last - first + 1 <= 62
    for _ in range(50):
        if "each a link to its page" in status(page):
            break
        page.wait_for_timeout(50)
    marks = page.locator("#axis-frame svg a:has(rect.mark)")
    assert marks.count() > 0
    href = marks.first.get_attribute("href")
    assert re.fullmatch(r"events/[\w-]+\.html", href or "")
    marks.first.click()
    page.wait_for_url(re.compile(re.escape(href or "") + "$"))
    assert page.locator("h1").count() == 1


def test_without_the_script_every_view_is_a_page_of_links(page: Any, site: str, output: Path) -> None:  # noqa: F811
    html = (output / "axis.html").read_text(encoding="utf-8")
    years = re.findall(r'href="(axis/\d{4}(?:-\d\d)?\.html)"', html)
    assert years and all((output / y).is_file() for y in years)
    month = sorted((output / "axis").glob("????-??.html"))[3]
    text = month.read_text(encoding="utf-8")
    assert text.count('<rect class="mark"') > 5 and 'href="../events/' in text
    page.goto(site + "axis/" + month.name)
    assert page.locator("ol.axis-list li").count() == len(re.findall(r'<li><span class="date">', text))


def test_keyboard_reaches_the_drawing_and_its_focus_shows(page: Any, site: str) -> None:  # noqa: F811
    ready(page, site + "axis.html")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "axis-frame":
            break
    else:
        raise AssertionError("Tab never reached the drawing")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_changes_page_after_two_builds(page: Any, site: str) -> None:  # noqa: F811
    page.goto(site + "changes.html")
    builds = page.eval_on_selector_all("section.build h2 time", "els => els.map(e => e.getAttribute('datetime'))")
    assert builds == [BUILD_DATE, "2022-02-20"]  # newest first
    latest = page.locator("section.build").first
    assert "date corrected from" in latest.inner_text()
    assert latest.locator("ul.retracted li").count() == 1 and latest.locator("ul.merged li").count() == 1
    latest.locator("ul.added a", has_text="A newcomer event").click()
    page.wait_for_url(re.compile(r"events/newcomer\.html$"))
    page.goto(site + f"events/{CORRECTED}.html")
    assert "Updated on 1 Mar 2022: date corrected from" in page.inner_text(".updates")


@pytest.mark.parametrize("path", ["axis.html", "axis/2022-03.html", "axis/2022.html", "changes.html"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(page: Any, site: str, path: str, scheme: str) -> None:  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    if path.startswith("axis"):
        ready(page, site + path)
    else:
        page.goto(site + path)
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()


def test_two_fingers_zoom_and_one_pans(browser: Any, site: str) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 800, "height": 900}, has_touch=True)
    tab = context.new_page()
    ready(tab, site + "axis.html")
    whole = window(tab)
    box = tab.locator("#axis-frame").bounding_box()
    y = box["y"] + box["height"] / 2
    cdp = context.new_cdp_session(tab)

    def touch(kind: str, *xs: float) -> None:
        points = [{"x": x, "y": y, "id": n} for n, x in enumerate(xs)]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    middle = box["x"] + box["width"] / 2
    touch("touchStart", middle - 40, middle + 40)
    for spread in range(60, 300, 40):
        touch("touchMove", middle - spread, middle + spread)
    touch("touchEnd")
    settle(tab)
    zoomed = window(tab)
    assert zoomed[1] - zoomed[0] < (whole[1] - whole[0]) / 2
    touch("touchStart", middle)
    for step in range(1, 6):
        touch("touchMove", middle + step * 30)
    touch("touchEnd")
    settle(tab)
    panned = window(tab)
    assert panned[0] < zoomed[0] and panned[1] - panned[0] == zoomed[1] - zoomed[0]
    context.close()


NEWS = """---
title: {title}
published: 2022-03-{day:02d}
outlet: {outlet}
---

{body}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two real builds served: the second corrects a date, retracts an event and adds one."""
    from timeline.build import build

    root = tmp_path_factory.mktemp("built")
    content = root / "content"
    write_files(content, {
        "talks.md": NEWS.format(title="Talks in Geneva", day=2, outlet="Example Wire",
                                body="Foreign ministers of France and Germany met in Geneva on Tuesday."),
        "strike.md": NEWS.format(title="Port strike", day=3, outlet="Harbour Daily",
                                 body="Dockworkers in Marseille went on strike on Wednesday over pay."),
    })
    cfg = make_config(content=content, output=root / "output", paths={"cache": root / "cache"},
                      build={"build_date": "2022-03-04", "jobs": 1})
    build(cfg)
    (content / "strike.md").unlink()
    talks = content / "talks.md"
    talks.write_text(talks.read_text(encoding="utf-8").replace("on Tuesday", "on Monday"), encoding="utf-8")
    write_files(content, {"vote.md": NEWS.format(title="Budget vote", day=5, outlet="Example Wire",
                                                 body="The French parliament approved the budget on Friday.")})
    build(replace(cfg, build=replace(cfg.build, build_date="2022-03-06")))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(QuietHandler, directory=str(cfg.paths.output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_changes_page_after_two_real_builds(browser: Any, built: str) -> None:  # noqa: F811
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": 1024, "height": 800})
    tab = context.new_page()
    host = urlsplit(built).netloc
    problems: list[str] = []
    tab.on("request", lambda r: problems.append(r.url) if urlsplit(r.url).netloc != host else None)
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.goto(built + "changes.html")
    builds = tab.eval_on_selector_all("section.build h2 time", "els => els.map(e => e.getAttribute('datetime'))")
    assert builds == ["2022-03-06", "2022-03-04"]
    latest = tab.locator("section.build").first
    assert "date corrected from 1 Mar 2022 to 28 Feb 2022" in latest.locator("ul.changed").inner_text()
    assert "strike" in latest.locator("ul.retracted").inner_text().lower()
    assert latest.locator("ul.added li").count() >= 1
    latest.locator("ul.changed a").first.click()
    tab.wait_for_url(re.compile(r"events/[\w-]+\.html$"))
    assert "Updated on 6 Mar 2022: date corrected from 1 Mar 2022 to 28 Feb 2022." in tab.inner_text(".updates")
    tab.goto(built + "changes.html")
    results = Axe().run(tab)
    assert [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")] == []
    context.close()
    assert problems == []
