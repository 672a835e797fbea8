"""Jinja2 set-up and the listing helpers every page shares.

A maintainer's template folder (``paths.templates``) comes first in the
loader, like MkDocs' ``custom_dir``: a file there replaces the project's
file of the same name, everything else falls through to ``site_templates/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import jinja2

from ..config import Config
from .dates import month_label
from .model import EventView
from .output import SiteWriter, relative_root

PROJECT_TEMPLATES = Path(__file__).resolve().parents[2] / "site_templates"
# Bytes of event markup a listing page may carry: the home page budget is
# 200 KB, and header, filters and chart take the rest.
LISTING_BYTES = 140_000

# The same policy on every page: nothing but this site, WebAssembly for
# Pagefind's search, no inline script or style.
CSP = ("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'")


def template_dirs(cfg: Config) -> list[Path]:
    dirs = [cfg.paths.templates] if cfg.paths.templates and cfg.paths.templates.is_dir() else []
    return dirs + [PROJECT_TEMPLATES]


def make_environment(cfg: Config) -> jinja2.Environment:
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in template_dirs(cfg)])
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,  # every template, HTML and XML alike: article text is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["month_label"] = month_label
    env.globals["csp"] = CSP
    return env


@dataclass(frozen=True)
class MonthGroup:
    key: str
    label: str
    events: Sequence[EventView]


@dataclass(frozen=True)
class YearGroup:
    year: str
    months: Sequence[MonthGroup]


def group_by_month(events: Sequence[EventView]) -> list[YearGroup]:
    """Events in their given order, under year and month headings."""
    years: list[YearGroup] = []
    month_events: list[EventView] = []
    months: list[MonthGroup] = []
    current_year = current_month = None
    for ev in list(events) + [None]:  # type: ignore[list-item]
        key = ev.month if ev is not None else None
        if key != current_month and month_events:
            months.append(MonthGroup(current_month, month_label(current_month), month_events))  # type: ignore[arg-type]
            month_events = []
        year = key[:4] if key and key != "undated" else key
        if year != current_year and months:
            years.append(YearGroup(current_year or "", months))  # type: ignore[arg-type]
            months = []
        if ev is not None:
            month_events.append(ev)
        current_month, current_year = key, year
    return years


def paginate(events: Sequence[EventView], max_count: int, max_bytes: int = LISTING_BYTES) -> list[list[EventView]]:
    """Split a listing at month boundaries where possible, within both limits per page."""
    pages: list[list[EventView]] = []
    page: list[EventView] = []
    weight = 0
    i = 0
    while i < len(events):
        j = i
        month_weight = 0
        while j < len(events) and events[j].month == events[i].month:
            month_weight += events[j].weight
            j += 1
        month = list(events[i:j])
        if page and (len(page) + len(month) > max_count or weight + month_weight > max_bytes):
            pages.append(page)
            page, weight = [], 0
        for ev in month:  # a month too big for one page continues on the next
            if page and (len(page) >= max_count or weight + ev.weight > max_bytes):
                pages.append(page)
                page, weight = [], 0
            page.append(ev)
            weight += ev.weight
        i = j
    if page or not pages:
        pages.append(page)
    return pages


def page_names(base: str, count: int) -> list[str]:
    """``actors/x.html``, ``actors/x.p2.html``…: dots never occur in slugs, so no clash."""
    stem = base[: -len(".html")]
    return [base] + [f"{stem}.p{n}.html" for n in range(2, count + 1)]


class Renderer:
    """Renders templates into the writer with the per-page context every layout needs."""

    def __init__(self, env: jinja2.Environment, writer: SiteWriter, site: dict[str, Any]) -> None:
        self.env = env
        self.writer = writer
        self.site = site
        self._cache: dict[str, jinja2.Template] = {}

    def page(self, template: str, path: str, *, root: str | None = None, **context: Any) -> None:
        tpl = self._cache.get(template) or self._cache.setdefault(template, self.env.get_template(template))
        prefix = relative_root(path) if root is None else root
        html = tpl.render(site=self.site, root=prefix, path=path, **context)
        self.writer.write_text(path, html)

    def listing(self, template: str, base: str, events: Sequence[EventView], **context: Any) -> list[str]:
        """A listing split into pages, each with links to the others; returns the page paths."""
        chunks = paginate(events, self.site["page_size"])
        names = page_names(base, len(chunks))
        labels = [_chunk_label(chunk) for chunk in chunks]
        for index, (chunk, name) in enumerate(zip(chunks, names)):
            # A window of neighbours plus both ends keeps the pager short on 500-page timelines.
            shown = sorted({0, len(names) - 1, *range(max(0, index - 3), min(len(names), index + 4))})
            pager = {
                "index": index + 1, "count": len(names),
                "prev": names[index - 1].rsplit("/", 1)[-1] if index else None,
                "next": names[index + 1].rsplit("/", 1)[-1] if index + 1 < len(names) else None,
                "pages": [(n + 1, names[n].rsplit("/", 1)[-1], labels[n]) for n in shown],
            }
            self.page(template, name, groups=group_by_month(chunk), pager=pager, **context)
        return names


def _chunk_label(chunk: Sequence[EventView]) -> str:
    if not chunk:
        return ""
    first, last = month_label(chunk[0].month), month_label(chunk[-1].month)
    return first if first == last else f"{first} – {last}"
