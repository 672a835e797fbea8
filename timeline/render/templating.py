"""Jinja2 set-up and the listing helpers every page shares.

A maintainer's template folder (``paths.templates``) comes first in the
loader, like MkDocs' ``custom_dir``: a file there replaces the project's
file of the same name, everything else falls through to ``site_templates/``.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import jinja2
import jinja2.bccache
from markupsafe import Markup, escape

from timeline.config import Config
from timeline.render.dates import date_label, month_label
from timeline.render.entrystore import EntryStore
from timeline.render.eventpage import event_html, item_html, line_html, sources_html
from timeline.render.fingerprints import digest
from timeline.render.model import EventView
from timeline.render.output import relative_root

PROJECT_TEMPLATES = Path(__file__).resolve().parents[2] / "site_templates"
# Bytes of event markup a listing page may carry: the home page budget is
# 200 KB, and header, filters and chart take the rest.
LISTING_BYTES = 150_000
# What ``eventpage`` writes out.
EVENT_TEMPLATES = ("event.html", "base.html", "_source.html", "_event_item.html", "_event_line.html")
NAV_PAGES = frozenset({"index.html", "key-events.html", "axis.html", "actors.html", "archive.html", "search.html"})
ROOT_TOKEN = "\x00root\x00"

# The same policy on every page: nothing but this site, WebAssembly for
# Pagefind's search, no inline script or style.
CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'")


def template_dirs(cfg: Config) -> list[Path]:
    dirs = [cfg.paths.templates] if cfg.paths.templates and cfg.paths.templates.is_dir() else []
    return dirs + [PROJECT_TEMPLATES]


class TemplateCode(jinja2.FileSystemBytecodeCache):
    """Compiled templates under the cache folder: compiling them all again costs a rebuild tens of ms.

    Jinja checks an entry against its template's source; the folder's name
    adds this module (the environment's options) and Jinja's version, which decide
    how a source compiles. A damaged or unreadable entry is compiled again, one
    that cannot be written is left out.
    """

    def __init__(self, cache: Path) -> None:
        key = digest(Path(__file__).read_text(encoding="utf-8"), jinja2.__version__)
        folder = cache / "templates" / key
        try:
            if not folder.is_dir():
                for old in (cache / "templates").glob("*"):
                    shutil.rmtree(old, ignore_errors=True)  # compiled by other code: never read again
                folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        super().__init__(str(folder))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - whatever a damaged file raises, the template compiles again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def make_environment(cfg: Config) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in template_dirs(cfg)])
    env = jinja2.Environment(
        loader=loader,
        bytecode_cache=TemplateCode(cfg.paths.cache) if cfg.paths.cache else None,
        autoescape=True,  # every template, HTML and XML alike: article text is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # A build reads each template once; without this, every page stats the
        # files it extends and includes to see whether they changed meanwhile.
        auto_reload=False,
    )
    env.globals["month_label"] = month_label
    # Written as it is: no character of it needs escaping in a double-quoted attribute, and its
    # fourteen quotes as entities would cost every page 56 bytes.
    env.globals["csp"] = Markup(CSP)
    return env


@dataclass(frozen=True)
class MonthGroup:
    key: str
    label: str
    events: Sequence[EventView]
    linked: bool = True  # the heading links to the month's page


@dataclass(frozen=True)
class YearGroup:
    year: str
    months: Sequence[MonthGroup]


# Dates no month holds: "2009", "Summer 1999" are headed by themselves, not by the month they start in.
WIDER_THAN_A_MONTH = frozenset({"quarter", "season", "half", "year", "decade", "century"})


def _heading(ev: EventView) -> tuple[str, str, bool]:
    """The heading an event is listed under: its key, its words, whether it links to a month page."""
    if ev.event.precision in WIDER_THAN_A_MONTH and ev.month != "undated":
        return ev.month, date_label(ev.event.date), False
    return ev.month, month_label(ev.month), True


def group_by_month(events: Sequence[EventView]) -> list[YearGroup]:
    """Events in their given order, under year and month headings (or the year or season
    itself, for events dated no closer than that)."""
    years: list[YearGroup] = []
    month_events: list[EventView] = []
    months: list[MonthGroup] = []
    current_year: str | None = None
    current: tuple[str, str, bool] | None = None
    for ev in list(events) + [None]:  # type: ignore[list-item]
        heading = _heading(ev) if ev is not None else None
        if heading != current and month_events and current is not None:
            months.append(MonthGroup(current[0], current[1], month_events, current[2]))
            month_events = []
        key = ev.month if ev is not None else None
        year = key[:4] if key and key != "undated" else key
        if year != current_year and months:
            years.append(YearGroup(current_year or "", months))
            months = []
        if ev is not None:
            month_events.append(ev)
        current, current_year = heading, year
    return years


def paginate(events: Sequence[EventView], max_count: int, max_bytes: int = LISTING_BYTES,
             size: Callable[[EventView], int] = lambda ev: 0) -> list[list[EventView]]:
    """Split a listing at month boundaries where possible, within both limits per page."""
    return list(pages_of(events, max_count, max_bytes, size))


def pages_of(events: Sequence[EventView], max_count: int, max_bytes: int = LISTING_BYTES,
             size: Callable[[EventView], int] = lambda ev: 0) -> Iterator[list[EventView]]:
    """The pages ``paginate`` makes, one by one: the first pages of a long listing are known
    without cutting the rest."""
    made = False
    page: list[EventView] = []
    weight = 0
    i = 0
    while i < len(events):
        j = i
        month_weight = 0
        while j < len(events) and events[j].month == events[i].month:
            month_weight += size(events[j])
            j += 1
        month = list(events[i:j])
        if page and (len(page) + len(month) > max_count or weight + month_weight > max_bytes):
            yield page
            made, page, weight = True, [], 0
        for ev in month:  # a month too big for one page continues on the next
            if page and (len(page) >= max_count or weight + size(ev) > max_bytes):
                yield page
                made, page, weight = True, [], 0
            page.append(ev)
            weight += size(ev)
        i = j
    if page or not made:
        yield page


def page_names(base: str, count: int) -> list[str]:
    """``actors/x.html``, ``actors/x.p2.html``…: dots never occur in slugs, so no clash."""
    stem = base[: -len(".html")]
    return [base] + [f"{stem}.p{n}.html" for n in range(2, count + 1)]


class Renderer:
    """Renders templates into files, with the per-page context every layout needs."""

    def __init__(self, env: jinja2.Environment, site: dict[str, Any]) -> None:
        self.env = env
        self.site = site
        self.entries = EntryStore()  # each event's listing entries, see ``make_entries``
        self._cache: dict[str, jinja2.Template] = {}
        self._chrome: dict[tuple[str, str, str], Markup] = {}
        self._sources: tuple[EventView | None, bool, str] = (None, True, "")
        env.globals.update(event_item=self.item, event_line=self.line, chrome=self.chrome,
                           event_sources=self.sources, listing_html=self.listing_html)
        # An event's markup is written out by ``eventpage`` while the project's own templates of it are used.
        self.writes_events = all(self._own(name) for name in EVENT_TEMPLATES)

    def _own(self, name: str) -> bool:
        """Whether the template ``name`` in use is the project's own, not a maintainer's."""
        filename = self._template(name).filename
        return filename is not None and Path(filename).resolve().parent == PROJECT_TEMPLATES

    def event_page(self, path: str, **context: Any) -> tuple[str, bytes]:
        """An event's page (``event.html``) as the file ``path``: its site path and bytes."""
        if not self.writes_events:
            return self.page("event.html", path, **context)
        html = event_html(self.site, Markup(CSP), self.chrome, root=relative_root(path), path=path,
                          sources=self.sources, **context)
        return path, html.encode("utf-8")

    def chrome(self, template: str, root: str, path: str) -> Markup:
        """Header or footer: the same on all pages at one depth, except where the nav marks the page."""
        key = (template, root, path if path in NAV_PAGES else "")
        found = self._chrome.get(key)
        if found is None:
            html = self._template(template).render(site=self.site, root=root, path=key[2])
            found = self._chrome[key] = Markup(html)
        return found

    def make_entries(self, ev: EventView) -> tuple[str, str]:
        """The event as listings show it: in full (home and month pages) and as one line (the others).

        An event is listed on many pages at two depths; rendering it once with
        a stand-in for the way to the root, and substituting per page, halves
        the cost of the biggest part of the build. The stand-in only ever
        becomes "" or "../", so text that happens to contain it stays inert.
        The entries are made with the event's page and kept with it (see
        ``pages.event_part``); listings find them in ``entries``.
        """
        if self.writes_events:
            return item_html(ev, ROOT_TOKEN, self.sources), line_html(ev, ROOT_TOKEN)
        return (self._template("_event_item.html").render(ev=ev, root=ROOT_TOKEN),
                self._template("_event_line.html").render(ev=ev, root=ROOT_TOKEN))

    def sources(self, ev: EventView, root: str, full: bool = True) -> Markup:
        """The event's sources as list items (``_source.html``), rendered once with the stand-in for
        the way to the root. Its page shows them in ``full``: with their quotes and a link to the
        events of each source article. A listing shows only who reported it, where and when: a
        month page listing every event would otherwise carry each quote and link again."""
        if self._sources[0] is not ev or self._sources[1] != full:
            html = (sources_html(ev, ROOT_TOKEN, full) if self.writes_events
                    else self._template("_source.html").render(ev=ev, root=ROOT_TOKEN, full=full))
            self._sources = (ev, full, html)
        return Markup(self._sources[2].replace(ROOT_TOKEN, root))

    def listing_html(self, groups: Sequence["YearGroup"], root: str, full: bool = True) -> Markup:
        """Events under year and month headings, each by its entry (``_macros.html``'s ``listing``):
        a listing page is mostly its events, so this is written out here rather than looped in a template."""
        if not groups:
            return Markup("<p>No events yet.</p>\n")
        slot, kind, prefix = (0, "events", escape(root)) if full else (1, "events lines", escape(root))
        entries = self.entries
        out: list[str] = []
        for year in groups:
            out.append(f'<section class="year">\n<h2 class="year-h">{escape(year.year)}</h2>\n')
            for month in year.months:
                heading = (f'<a href="{prefix}months/{escape(month.key)}.html">{escape(month.label)}</a>'
                           if month.linked else escape(month.label))
                out.append(f'<section class="month">\n<h3 class="month-h">{heading}</h3>\n<ol class="{kind}">\n')
                out.append(entries.joined((ev.slug for ev in month.events), slot).replace(ROOT_TOKEN, root))
                out.append("</ol>\n</section>\n")
            out.append("</section>\n")
        return Markup("".join(out))

    def item(self, ev: EventView, root: str) -> Markup:
        return Markup(self.entries.entry(ev.slug, 0).replace(ROOT_TOKEN, root))

    def line(self, ev: EventView, root: str) -> Markup:
        return Markup(self.entries.entry(ev.slug, 1).replace(ROOT_TOKEN, root))

    def item_size(self, ev: EventView) -> int:
        """Characters of the event's full listing entry, the measure pagination cuts by."""
        return self.entries.item_length(ev.slug) + 16

    def _template(self, name: str) -> jinja2.Template:
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = self.env.get_template(name)
        return found

    def page(self, template: str, path: str, *, root: str | None = None, **context: Any) -> tuple[str, bytes]:
        """``template`` rendered as the file ``path``: its site path and bytes."""
        prefix = relative_root(path) if root is None else root
        html = self._template(template).render(site=self.site, root=prefix, path=path, **context)
        # Exactly the rendered characters, as UTF-8.
        return path, html.encode("utf-8")

    def listing(self, base: str, events: Sequence[EventView], *, full: bool = True) -> list[Listed]:
        """A listing cut into pages, each with links to the others.

        ``full`` listings show whole events and are cut by size too; compact
        ones (one line an event) only by count.
        """
        if full:
            chunks = paginate(events, self.site["page_size"], LISTING_BYTES, self.item_size)
        elif len(events) <= self.site["page_size"]:
            chunks = [list(events)]  # most actors, pairs and sources: one page, whatever their months
        else:
            chunks = paginate(events, self.site["page_size"], 10**12)
        if len(chunks) == 1:  # most listings: no pager to show
            return [Listed(base, chunks[0], {"index": 1, "count": 1, "prev": None, "next": None, "pages": []})]
        names = page_names(base, len(chunks))
        labels = _numbered([_chunk_label(chunk) for chunk in chunks])
        pages = []
        for index, (chunk, name) in enumerate(zip(chunks, names)):
            # A window of neighbours plus both ends keeps the pager short on 500-page timelines.
            window = sorted({0, len(names) - 1, *range(max(0, index - 3), min(len(names), index + 4))})
            pager = {
                "index": index + 1, "count": len(names),
                "prev": names[index - 1].rsplit("/", 1)[-1] if index else None,
                "next": names[index + 1].rsplit("/", 1)[-1] if index + 1 < len(names) else None,
                "pages": [(n + 1, names[n].rsplit("/", 1)[-1], labels[n]) for n in window],
            }
            pages.append(Listed(name, chunk, pager))
        return pages


@dataclass(frozen=True)
class Listed:
    """A page of a listing: its path, its events and its pager."""

    path: str
    events: Sequence[EventView]
    pager: dict[str, Any]


def _chunk_label(chunk: Sequence[EventView]) -> str:
    """The months a page holds, earlier first whatever the listing's order."""
    if not chunk:
        return ""
    ends = sorted((chunk[0].month, chunk[-1].month))
    first, last = month_label(ends[0]), month_label(ends[1])
    return first if first == last else f"{first} – {last}"


def _numbered(labels: list[str]) -> list[str]:
    """Labels that repeat (a busy month over several pages) get their part: "October 2011 (2 of 3)"."""
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        if counts[label] > 1:
            seen[label] = seen.get(label, 0) + 1
            label = f"{label} ({seen[label]} of {counts[label]})"
        out.append(label)
    return out
