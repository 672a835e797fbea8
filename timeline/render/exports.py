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
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from timeline.config import Config
from timeline.records import Event
from timeline.render.model import EventView, SiteModel
from timeline.render.output import SiteWriter
from timeline.render.sanitize import plain_text, safe_url

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


@dataclass(frozen=True)
class Export:
    """One export file: its rows, one an event, and what comes before, between and after them."""

    head: str
    sep: str
    tail: str
    events: Sequence[EventView]
    row: Callable[[EventView], str]
    cut: Callable[[Any], list[tuple[int, int]]]  # the rows of the file as written (bytes or a map), as ranges

    def text(self) -> str:
        rows = [self.row(ev) for ev in self.events]
        return self.head + self.sep.join(rows) + (self.tail if rows else self.tail.lstrip("\n"))


def _document(head: dict[str, Any], events: Sequence[EventView], row: Callable[[EventView], str]) -> Export:
    """``head`` with an ``events`` list of one row a line, so the file diffs line by line."""
    # Written by hand around the C encoder: json's indent= falls back to the slow Python encoder.
    return Export(_encode(head)[:-1] + ', "events": [\n', ",\n", "\n]}\n", events, row, _document_rows)


def _document_rows(data: Any) -> list[tuple[int, int]]:
    """The rows of a document as written: the lines between the head line and the closing one."""
    ranges = []
    at = data.find(b"\n") + 1
    end = data.rfind(b"\n", 0, len(data) - 1)  # the closing line's start
    if not 0 < at <= end + 1:
        raise ValueError("not a document of rows")
    while at < end:  # found, not split: the lines are never copied
        stop = data.find(b"\n", at)
        ranges.append((at, stop - (data[stop - 1] == 44)))  # 44: the comma after all rows but the last
        at = stop + 1
    return ranges


def events_json(cfg: Config, model: SiteModel) -> Export:
    """The whole store for machines."""
    head = {"schema": SCHEMA_VERSION, "title": cfg.title, "built": model.build_date}
    return _document(head, model.events, lambda ev: _encode(event_record(ev)))


def _cell(value: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets; a quote keeps it text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class _Text:
    """A file for ``csv.writer`` that keeps nothing: ``writerow`` returns the record's text."""

    def write(self, text: str) -> str:
        return text


_csv_record = csv.writer(_Text(), lineterminator="\n").writerow


def events_csv(model: SiteModel) -> Export:
    def row(ev: EventView) -> str:
        e = ev.event
        return _csv_record([
            _cell(e.id), e.date, e.precision, e.status, _cell(e.title), _cell(plain_text(e.summary)),
            _cell(e.type), _cell("; ".join(a.name for a in ev.actors)),
            _cell(" ".join(s.url or s.article for s in e.sources)), f"{e.importance:g}", ev.url,
        ])

    return Export(_csv_record(CSV_COLUMNS), "", "", model.events, row, _csv_rows)


def _csv_rows(data: Any) -> list[tuple[int, int]]:
    """The records of a CSV file as written, header left out.

    A quoted field may hold line breaks: a line with an odd number of quotes
    (quotes inside a field are doubled) goes on to the next, so the csv module cuts such a file.
    """
    lines = data[:].split(b"\n")[:-1]
    if not any(line.count(b'"') % 2 for line in lines):
        sizes = [len(line) + 1 for line in lines]
    else:
        found = [line + "\n" for line in data[:].decode("utf-8").split("\n")[:-1]]
        reader = csv.reader(found)
        sizes, start = [], 0
        for _ in reader:
            sizes.append(len("".join(found[start:reader.line_num]).encode("utf-8")))
            start = reader.line_num
    ranges, at = [], 0
    for size in sizes:
        ranges.append((at, at + size))
        at += size
    return ranges[1:]


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


def timelinejs(cfg: Config, model: SiteModel) -> Export:
    """TimelineJS3's JSON format. TimelineJS inserts ``text`` as HTML, so all text is escaped here."""
    head = {"title": {"text": {"headline": html.escape(cfg.title), "text": html.escape(cfg.description)}}}
    return _document(head, timeline_events(model), _slide)


def timeline_events(model: SiteModel) -> list[EventView]:
    """The events TimelineJS can place: those with a day."""
    return [ev for ev in model.events if ev.day]


def export_rows(model: SiteModel) -> dict[str, list[str]]:
    """The digests of the events the rows of the export files show, in their order: for the manifest."""
    return {"events": [ev.digest for ev in model.events], "timeline": [ev.digest for ev in timeline_events(model)]}


def write_export(writer: SiteWriter, path: str, export: Export, rows: str) -> None:
    """Write an export file, the rows of unchanged events copied from the live site's file.

    ``rows`` names the list of the manifest's ``rows`` that says which events
    the live file's rows show. What is copied is named as byte ranges of the
    live file, never read into this process: the file system copies them.
    """
    digests = writer.rows_before(rows)
    ranges = writer.read_live(path, _cutter(export)) if digests else None
    if ranges is None or len(ranges) != len(digests):
        writer.write_text(path, export.text())
        return
    old = dict(zip(digests, ranges))
    parts: list[bytes | tuple[int, int]] = [export.head.encode("utf-8")]
    sep = export.sep.encode("utf-8")
    for index, ev in enumerate(export.events):
        found = old.get(ev.digest)
        last = parts[-1]
        if index and found is not None and isinstance(last, tuple) and last[1] + len(sep) == found[0]:
            parts[-1] = (last[0], found[1])  # the next row of the live file, and what separates them there
            continue
        if index:
            parts.append(sep)
        parts.append(found if found is not None else export.row(ev).encode("utf-8"))
    parts.append((export.tail if export.events else export.tail.lstrip("\n")).encode("utf-8"))
    try:
        writer.write_parts(path, [part for part in parts if part])
    except OSError:  # the live file changed under us: make it whole
        writer.write_text(path, export.text())


def _cutter(export: Export) -> Callable[[Any], list[tuple[int, int]] | None]:
    def cut(live: Any) -> list[tuple[int, int]] | None:
        try:
            return export.cut(live)
        except (ValueError, csv.Error):
            return None
    return cut


def export_tasks(writer: SiteWriter, cfg: Config, model: SiteModel) -> list[Callable[[], None]]:
    """The export files as render tasks, one a file: each takes as long as many pages."""
    def task(path: str, make: Callable[[], Export], rows: str) -> Callable[[], None]:
        return lambda: write_export(writer, path, make(), rows)

    return [task("events.json", lambda: events_json(cfg, model), "events"),
            task("events.csv", lambda: events_csv(model), "events"),
            task("timelinejs.json", lambda: timelinejs(cfg, model), "timeline")]
