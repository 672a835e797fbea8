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
import tempfile
from pathlib import Path
from typing import Any

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


# Compact: no space after "," and ":" (a tenth of the file at 100,000 events); one row a line.
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


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


class Exports:
    """The three files, put together from the rows of the events' entries as they come, in the
    events' order. Rows wait in temporary files, not in memory: at 100,000 events they are
    170 MB, and each file is read back whole only when it is written into the site."""

    def __init__(self, writer: SiteWriter, cfg: Config, model: SiteModel) -> None:
        self.writer = writer
        head = {"schema": SCHEMA_VERSION, "title": cfg.title, "built": model.build_date}
        slides = {"title": {"text": {"headline": html.escape(cfg.title), "text": html.escape(cfg.description)}}}
        self._files = {
            "events.json": _Spool(writer.staging, _encode(head)[:-1] + ',"events":[\n', ",\n"),
            "events.csv": _Spool(writer.staging, _csv_record(CSV_COLUMNS), ""),
            "timelinejs.json": _Spool(writer.staging, _encode(slides)[:-1] + ',"events":[\n', ",\n"),
        }

    def add(self, row: Entries) -> None:
        self._files["events.json"].add(row.json)
        self._files["events.csv"].add(row.csv)
        if row.slide:
            self._files["timelinejs.json"].add(row.slide)

    def write(self) -> None:
        """Each file into the site; a JSON document ends its ``events`` list (``_Spool.data``)."""
        for name, spool in self._files.items():
            self.writer.write(name, spool.data("" if name.endswith(".csv") else "\n]}\n" if spool.rows else "]}\n"))

    def close(self) -> None:
        for spool in self._files.values():
            spool.file.close()


class _Spool:
    """A file's rows, encoded into a temporary file as they come; one a line, so the file diffs line
    by line (the JSON documents written by hand around the C encoder: ``indent=`` would fall back to
    the slow Python one)."""

    def __init__(self, folder: Path, head: str, separator: str) -> None:
        self.file = tempfile.TemporaryFile(dir=folder if folder.is_dir() else None)
        self.head, self.separator, self.rows = head.encode("utf-8"), separator.encode("utf-8"), 0

    def add(self, row: str) -> None:
        if self.rows and self.separator:
            self.file.write(self.separator)
        self.file.write(row.encode("utf-8"))
        self.rows += 1

    def data(self, tail: str) -> bytearray:
        """The whole file: head, rows and ``tail``, read into one buffer."""
        end = tail.encode("utf-8")
        size = self.file.tell()
        data = bytearray(len(self.head) + size + len(end))
        data[:len(self.head)] = self.head
        self.file.seek(0)
        view = memoryview(data)[len(self.head):len(self.head) + size]
        while view:
            view = view[self.file.readinto(view):]
        data[len(data) - len(end):] = end
        return data
