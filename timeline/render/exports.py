"""The timeline as data: ``events.json`` (documented schema), ``events.csv`` and TimelineJS3 JSON.

Each file holds one row per event (a line of JSON, a CSV record), and a row
shows nothing its event's digest does not cover (see ``depends``). So a
rebuild takes the rows of unchanged events from the live site's files, which
the manifest says are the rows of which digests, and makes only the others.
"""

from __future__ import annotations

import csv
import html
import json
from typing import Any, Callable, Mapping, Sequence

from ..config import Config
from ..records import Event
from .model import EventView, SiteModel
from .output import SiteWriter
from .sanitize import plain_text, safe_url

SCHEMA_VERSION = 1  # bump when a field changes meaning; adding a field keeps the version
CSV_COLUMNS = ("id", "date", "precision", "status", "title", "summary", "type", "actors", "sources",
               "importance", "page")


def event_record(ev: EventView) -> dict[str, Any]:
    """One event of ``events.json``; keys in a fixed order so the file diffs cleanly."""
    e: Event = ev.event
    evidence = None
    if e.evidence is not None:
        evidence = {"rule": e.evidence.rule, "expression": e.evidence.expression, "value": e.evidence.value}
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
            {"article": s.article, "title": s.title, "url": s.url, "published": s.published,
             "outlet": s.outlet, "quote": s.quote}
            for s in e.sources
        ],
        "importance": e.importance,
        "evidence": evidence,
        "place": e.place,
        "aliases": sorted(e.aliases),
        "page": ev.url,
    }


_encode = json.JSONEncoder(ensure_ascii=False).encode


def _document(head: dict[str, Any], rows: Sequence[str]) -> str:
    """``head`` with an ``events`` list of one row a line, so the file diffs line by line."""
    # Written by hand around the C encoder: json's indent= falls back to the slow Python encoder.
    return _encode(head)[:-1] + ', "events": [\n' + ",\n".join(rows) + ("\n" if rows else "") + "]}\n"


def _document_rows(text: str) -> list[str]:
    lines = text.split("\n")[1:-2]  # the head line, then rows; the closing line and the end
    return [line[:-1] if line.endswith(",") else line for line in lines]


def _rows(events: Sequence[EventView], old: Mapping[str, str], make: Callable[[EventView], str]) -> list[str]:
    return [old.get(ev.digest) or make(ev) for ev in events]


def events_json(cfg: Config, model: SiteModel, old: Mapping[str, str] | None = None) -> str:
    """The whole store for machines; ``old`` maps event digests to rows already made."""
    head = {"schema": SCHEMA_VERSION, "title": cfg.title, "built": model.build_date}
    return _document(head, _rows(model.events, old or {}, lambda ev: _encode(event_record(ev))))


def _cell(value: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets; a quote keeps it text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class _Text:
    """A file for ``csv.writer`` that keeps nothing: ``writerow`` returns the record's text."""

    def write(self, text: str) -> str:
        return text


_csv_record = csv.writer(_Text(), lineterminator="\n").writerow


def events_csv(model: SiteModel, old: Mapping[str, str] | None = None) -> str:
    def row(ev: EventView) -> str:
        e = ev.event
        return _csv_record([
            _cell(e.id), e.date, e.precision, e.status, _cell(e.title), _cell(plain_text(e.summary)),
            _cell(e.type), _cell("; ".join(a.name for a in ev.actors)),
            _cell(" ".join(s.url or s.article for s in e.sources)), f"{e.importance:g}", ev.url,
        ])

    return _csv_record(CSV_COLUMNS) + "".join(_rows(model.events, old or {}, row))


def _csv_rows(text: str) -> list[str]:
    """The records of a CSV file as written, header left out; a quoted field may hold line breaks."""
    lines = [line + "\n" for line in text.split("\n")[:-1]]
    reader = csv.reader(lines)
    rows, start = [], 0
    for _ in reader:
        rows.append("".join(lines[start:reader.line_num]))
        start = reader.line_num
    return rows[1:]


def _tl_date(value: str | None) -> dict[str, str] | None:
    if not value:
        return None
    year, month, day = value.split("-")
    return {"year": year, "month": month, "day": day}


def _slide(ev: EventView) -> str:
    start = _tl_date(ev.day)
    assert start is not None
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


def timelinejs(cfg: Config, model: SiteModel, old: Mapping[str, str] | None = None) -> str:
    """TimelineJS3's JSON format. TimelineJS inserts ``text`` as HTML, so all text is escaped here."""
    head = {"title": {"text": {"headline": html.escape(cfg.title), "text": html.escape(cfg.description)}}}
    return _document(head, _rows(timeline_events(model), old or {}, _slide))


def timeline_events(model: SiteModel) -> list[EventView]:
    """The events TimelineJS can place: those with a day."""
    return [ev for ev in model.events if ev.day]


# Each file: the rows it holds (see ``export_rows``) and how to cut the live site's copy into them.
EXPORTS: dict[str, tuple[str, Callable[[str], list[str]]]] = {
    "events.json": ("events", _document_rows), "events.csv": ("events", _csv_rows),
    "timelinejs.json": ("timeline", _document_rows),
}


def export_rows(model: SiteModel) -> dict[str, list[str]]:
    """The digests of the events the rows of the export files show, in their order: for the manifest."""
    return {"events": [ev.digest for ev in model.events], "timeline": [ev.digest for ev in timeline_events(model)]}


def _live_rows(writer: SiteWriter, path: str) -> dict[str, str]:
    """The rows of the live site's ``path`` by the digest of their events; empty when not to be trusted."""
    rows, cut = EXPORTS[path]
    digests = writer.rows_before(rows)
    text = writer.live_text(path) if digests else None
    if text is None:
        return {}
    try:
        found = cut(text)
    except (ValueError, csv.Error):
        return {}
    return dict(zip(digests, found)) if len(found) == len(digests) else {}


def export_tasks(writer: SiteWriter, cfg: Config, model: SiteModel) -> list[Callable[[], None]]:
    """The export files as render tasks, one a file: each takes as long as many pages."""
    def task(path: str, make: Callable[[Mapping[str, str]], str]) -> Callable[[], None]:
        return lambda: writer.write_text(path, make(_live_rows(writer, path)))

    return [task("events.json", lambda old: events_json(cfg, model, old)),
            task("events.csv", lambda old: events_csv(model, old)),
            task("timelinejs.json", lambda old: timelinejs(cfg, model, old))]
