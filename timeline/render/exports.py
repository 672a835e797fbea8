"""The timeline as data: ``events.json`` (documented schema), ``events.csv`` and TimelineJS3 JSON.

Each file holds one row per event (a line of JSON, a CSV record, a slide).
A row is made with its event's page and kept with it (see ``parts.Entries``),
so the files are put together from rows on every build and no row of an
unchanged event is made again.
"""

from __future__ import annotations

import csv
import html
import json
from typing import Any, Sequence

from timeline.config import Config
from timeline.records import Event
from timeline.render.model import EventView, SiteModel
from timeline.render.output import SiteWriter
from timeline.render.parts import Entries
from timeline.render.reporting import Reporting
from timeline.render.sanitize import plain_text, safe_url
from timeline.sources.urls import kept_url

SCHEMA_VERSION = 1  # bump when a field changes meaning; adding a field keeps the version
CSV_COLUMNS = ("id", "date", "precision", "status", "title", "summary", "type", "actors", "sources",
               "importance", "page")


def event_record(ev: EventView, reported: Reporting | None) -> dict[str, Any]:
    """One event of ``events.json``; keys in a fixed order so the file diffs cleanly. ``reported``
    is ``reporting(ev.event)``, which its page shows too."""
    e: Event = ev.event
    evidence = None
    if e.evidence is not None:
        evidence = {"rule": e.evidence.rule, "expression": e.evidence.expression, "value": e.evidence.value}
    first_reported, reports = reported.record() if reported else (None, {"count": 0, "outlets": 0, "span": 0})
    return {
        "id": e.id,
        "date": e.date,
        "precision": e.precision,
        "status": e.status,
        "title": e.title,
        "summary": e.summary,
        "type": e.type,
        "actors": [{"name": a.name, "kind": a.kind} for a in ev.actors],
        "sources": [
            {"article": s.article, "title": s.title, "url": kept_url(s.url), "published": s.published,
             "outlet": s.outlet, "quote": s.quote}
            for s in e.sources
        ],
        "importance": e.importance,
        "first_reported": first_reported,
        "reports": reports,
        "evidence": evidence,
        "place": e.place,
        "aliases": sorted(e.aliases),
        "page": ev.url,
    }


_encode = json.JSONEncoder(ensure_ascii=False).encode


def json_row(ev: EventView, reported: Reporting | None) -> str:
    return _encode(event_record(ev, reported))


# What makes a spreadsheet read a cell as a formula (OWASP, CSV injection), also after leading
# spaces and in the full-width forms some spreadsheets accept.
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _cell(value: str) -> str:
    # A leading quote keeps the cell text; the csv module quotes and doubles the quotes inside.
    return "'" + value if value.lstrip(" ")[:1] in _FORMULA else value


class _Text:
    """A file for ``csv.writer`` that keeps nothing: ``writerow`` returns the record's text."""

    def write(self, text: str) -> str:
        return text


_csv_record = csv.writer(_Text(), lineterminator="\n").writerow


def csv_row(ev: EventView) -> str:
    e = ev.event
    return _csv_record([
        _cell(e.id), _cell(e.date), _cell(e.precision), _cell(e.status), _cell(e.title),
        _cell(plain_text(e.summary)), _cell(e.type), _cell("; ".join(a.name for a in ev.actors)),
        _cell(" ".join(kept_url(s.url) or s.article for s in e.sources)), f"{e.importance:g}", _cell(ev.url),
    ])


def _tl_date(value: str) -> dict[str, str]:
    year, month, day = value.split("-")
    return {"year": year, "month": month, "day": day}


def slide(ev: EventView) -> str:
    """The event in TimelineJS3's format, "" when it has no day to be placed at. TimelineJS
    inserts ``text`` as HTML, so all text is escaped here."""
    if not ev.day:
        return ""
    start = _tl_date(ev.day)
    if ev.event.precision == "month":
        start.pop("day")
    elif ev.event.precision == "year":
        start.pop("day"), start.pop("month")
    links = "".join(
        f'<li><a href="{html.escape(url)}">{html.escape(s.outlet or s.title)}</a></li>'
        for s in ev.event.sources if (url := safe_url(s.url))
    )
    return _encode({
        "unique_id": ev.slug,
        "start_date": dict(start, display_date=ev.label),
        "text": {
            "headline": html.escape(ev.event.title),
            "text": f"<p>{html.escape(plain_text(ev.event.summary))}</p>" + (f"<ul>{links}</ul>" if links else ""),
        },
        "group": html.escape(ev.event.type or "other"),
    })


def _document(head: dict[str, Any], rows: list[str]) -> str:
    """``head`` with an ``events`` list of one row a line, so the file diffs line by line."""
    # Written by hand around the C encoder: json's indent= falls back to the slow Python encoder.
    return _encode(head)[:-1] + ', "events": [\n' + ",\n".join(rows) + ("\n]}\n" if rows else "]}\n")


def write_exports(writer: SiteWriter, cfg: Config, model: SiteModel, rows: Sequence[Entries]) -> None:
    """The three files, put together from the rows of the events' entries, in the events' order."""
    head = {"schema": SCHEMA_VERSION, "title": cfg.title, "built": model.build_date}
    writer.write("events.json", _document(head, [row.json for row in rows]).encode("utf-8"))
    writer.write("events.csv", (_csv_record(CSV_COLUMNS) + "".join(row.csv for row in rows)).encode("utf-8"))
    head = {"title": {"text": {"headline": html.escape(cfg.title), "text": html.escape(cfg.description)}}}
    writer.write("timelinejs.json", _document(head, [row.slide for row in rows if row.slide]).encode("utf-8"))
