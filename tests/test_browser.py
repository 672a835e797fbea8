"""The built site in a real Chromium: order, filters, search, permalinks, keyboard, axe, no stray requests.

Uses Debian's Chromium (/usr/bin/chromium) through Playwright; nothing downloads
a browser. The site is a synthetic timeline rendered with its Pagefind index
and served by http.server on 127.0.0.1.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import re
import threading
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest

from timeline.records import ActorRef, Article, DateEvidence, Event, Source
from timeline.render import render_site, shards
from timeline.render.samples import sample_articles, sample_events

from conftest import BUILD_DATE, make_config

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests need Debian's chromium at /usr/bin/chromium "
                       "(apt-get install chromium); .ci/run installs it"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")

HOSTILE = Event(
    id="hostile", date="2022-02-20", precision="day", status="occurred",
    title='<img src=x onerror="window.__pwned=1">Hostile <script>window.__pwned=2</script>',
    summary='[click](javascript:window.__pwned=3) <svg onload="window.__pwned=4"></svg>',
    actors=(ActorRef("Joe Biden", "person"),),
    sources=(Source("hostile", "<script>window.__pwned=5</script>", "2022-02-20", "javascript:window.__pwned=6",
                    None, '"><img src=x onerror=window.__pwned=7>'),),
    evidence=DateEvidence("publication-date"),
)


# Paginated at 12 a page, so a filter has matches beyond the page on screen.
EVENTS = sample_events(30, days=40) + [HOSTILE]


def matching(actor: str = "", kind: str = "", months: tuple[str, str] = ("", "")) -> int:
    """How many events of the whole timeline a filter should find."""
    return sum(1 for e in EVENTS
               if (not actor or any(a.name == actor for a in e.actors)) and (not kind or e.type == kind)
               and (not months[0] or e.date[:7] >= months[0]) and (not months[1] or e.date[:7] <= months[1]))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    cfg = make_config(output=root / "output", title="Test timeline", build={"build_date": BUILD_DATE},
                      site={"page_size": 12})
    events = EVENTS
    articles = sample_articles(6) + [Article("hostile", "h.md", "Hostile", "", None)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shards, "SHARD_EVENTS", 8)  # several index shards: a search must merge them all
        render_site(events, None, articles, cfg, search=True)
    names = json.loads((cfg.paths.output / "pagefind" / "shards.json").read_text())
    assert len(names) >= 3, "the build ran Pagefind, one bundle per shard"
    assert all((cfg.paths.output / "pagefind" / name / "pagefind.js").is_file() for name in names)
    return cfg.paths.output


@pytest.fixture(scope="module")
def site(output: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(output))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, site: str) -> Iterator[Any]:
    """A page that records console errors, failed requests and requests to any other host."""
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    tab = context.new_page()
    problems: list[str] = []
    host = urlsplit(site).netloc
    tab.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    tab.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    tab.on("request", lambda r: problems.append(f"off-site: {r.url}")
           if urlsplit(r.url).netloc != host and not r.url.startswith("data:") else None)
    yield tab
    assert tab.evaluate("window.__pwned") is None, "article text ran as script"
    context.close()
    assert problems == []


def visible_events(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "li.event:not([hidden])",
        "els => els.map(e => ({actors: e.dataset.actors, when: e.querySelector('time') ?"
        " e.querySelector('time').getAttribute('datetime') : ''}))")


def test_home_lists_events_newest_first(page: Any, site: str) -> None:
    page.goto(site + "index.html")
    events = visible_events(page)
    assert len(events) >= 5
    starts = [e["when"] for e in events if e["when"]]
    assert starts == sorted(starts, reverse=True)


def filter_results(page: Any) -> list[str]:
    """Links of the filtered events, once the script has listed them."""
    # Polled from here: a page function would be eval'd, which the site's CSP forbids.
    for _ in range(100):
        if "…" not in (page.text_content("#filter-status") or ""):
            break
        page.wait_for_timeout(100)
    return page.eval_on_selector_all("#filter-results li.event a", "els => els.map(a => a.getAttribute('href'))")


def test_actor_filter_covers_the_whole_timeline_and_lives_in_the_url(page: Any, site: str) -> None:
    page.goto(site + "index.html")
    on_page = len(visible_events(page))
    page.click('a[data-filter="actor"][data-value="olaf-scholz"]')
    assert "actor=olaf-scholz" in page.url
    links = filter_results(page)
    assert len(links) == matching(actor="Olaf Scholz") > 0
    assert page.is_hidden("#listing")
    for href in links[:3]:  # every match really is theirs
        chips = page.context.new_page()
        chips.goto(site + href)
        assert "Olaf Scholz" in chips.eval_on_selector_all("main .chips a", "els => els.map(a => a.textContent)")
        chips.close()
    # The filter survives a reload: it lives in the URL.
    page.reload()
    assert len(filter_results(page)) == len(links)
    page.click("#filter-clear")
    assert "actor=" not in page.url and page.is_hidden("#filter-results") and len(visible_events(page)) == on_page


def test_type_and_date_filters_combine_beyond_the_page(page: Any, site: str) -> None:
    page.goto(site + "index.html?actor=joe-biden&type=diplomacy")
    assert len(filter_results(page)) == matching(actor="Joe Biden", kind="diplomacy")
    page.goto(site + "index.html?from=2022-01&to=2022-01")
    january = filter_results(page)
    assert len(january) == matching(months=("2022-01", "2022-01")) > 12  # more than one page holds
    page.select_option("#to", "2022-02")
    page.click("#range button[type=submit]")
    assert "to=2022-02" in page.url
    assert len(filter_results(page)) == matching(months=("2022-01", "2022-02"))


def test_search_for_an_actor_returns_their_events(page: Any, site: str) -> None:
    page.goto(site + "search.html?q=Scholz")
    page.wait_for_selector("#results li a", timeout=15_000)
    links = page.eval_on_selector_all("#results li h2 a", "els => els.map(a => a.href)")
    assert links
    for href in links[:5]:
        page.goto(href)
        chips = page.eval_on_selector_all("main .chips a", "els => els.map(a => a.textContent)")
        assert "Olaf Scholz" in chips


def search_results(page: Any, url: str) -> tuple[int, list[Event]]:
    """The count the search page reports and the events it lists, in its order."""
    page.goto(url)
    page.wait_for_selector("#results li a", timeout=15_000)
    status = page.text_content("#search-status") or ""
    hrefs = page.eval_on_selector_all("#results li h2 a", "els => els.map(a => a.getAttribute('href'))")
    by_page = {f"/events/{e.id}.html": e for e in EVENTS}
    return int(re.match(r"\d+", status).group()), [by_page[h] for h in hrefs]


def shard_of(output: Path) -> dict[str, str]:
    """Which index shard holds each event page, read from the bundles' fragments."""
    found = {}
    for name in json.loads((output / "pagefind" / "shards.json").read_text()):
        for fragment in (output / "pagefind" / name / "fragment").iterdir():
            found[json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])["url"]] = name
    return found


def test_search_merges_every_shard(page: Any, site: str, output: Path) -> None:
    filters: list[str] = []
    page.on("request", lambda r: filters.append(r.url) if r.url.endswith(".pf_filter") else None)
    count, found = search_results(page, site + "search.html?q=Scholz")
    assert filters == [], "the page lists the filters' values: no shard's filter files are loaded for them"
    mentions = [e for e in EVENTS if "Scholz" in e.title + e.summary + repr(e.actors) + repr(e.sources)]
    assert count == len(found) == len(mentions)
    assert set(found) == set(mentions)
    shard = shard_of(output)
    assert len({shard[f"/events/{e.id}.html"] for e in found}) >= 2, "results come from several shards"


def test_filtered_results_are_newest_first_across_shards(page: Any, site: str) -> None:
    count, found = search_results(page, site + "search.html?year=2022")
    assert count == len(found) == len(EVENTS)
    # Events known only to the month have no day to sort by: Pagefind lists them last.
    days = [e.date for e in found if e.precision == "day"]
    assert days == sorted(days, reverse=True)
    count, found = search_results(page, site + "search.html?actor=Joe+Biden")
    assert count == len(found) == matching(actor="Joe Biden")
    days = [e.date for e in found if e.precision == "day"]
    assert days == sorted(days, reverse=True)


def test_event_permalink_opens(page: Any, site: str) -> None:
    page.goto(site + "events/hostile.html")
    assert "Hostile" in page.inner_text("h1")
    assert page.locator("h2", has_text="Why this date").count() == 1


def test_keyboard_reaches_every_control(page: Any, site: str) -> None:
    page.goto(site + "index.html")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = false)")
    controls = page.eval_on_selector_all(
        "a[href], button, select, input, summary",
        "els => els.filter(e => e.offsetParent !== null && !e.closest('details:not([open]) > ul'))"
        ".map(e => e.outerHTML.slice(0, 120))")
    wanted = set(controls)
    reached: set[str] = set()
    for _ in range(len(controls) + 10):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement.outerHTML.slice(0, 120)"))
    assert wanted <= reached, sorted(wanted - reached)[:5]


@pytest.mark.parametrize("path", ["index.html", "events/hostile.html", "actors/joe-biden.html", "actors.html",
                                  "search.html?q=Biden", "key-events.html", "archive.html"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation(page: Any, site: str, path: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.emulate_media(color_scheme=scheme)
    page.goto(site + path)
    if "search" in path:
        page.wait_for_selector("#results li", timeout=15_000)
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()


def test_narrow_screen_has_no_horizontal_scroll(browser: Any, site: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    for path in ("index.html", "events/hostile.html", "actors.html"):
        tab.goto(site + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 360, path
    context.close()
