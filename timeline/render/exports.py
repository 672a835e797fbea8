"""The timeline as data: ``events.json`` (documented schema), ``events.csv`` and TimelineJS3 JSON."""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Any

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


def events_json(cfg: Config, model: SiteModel) -> str:
    """The whole store for machines: one event a line, so the file diffs line by line."""
    head = json.dumps({"schema": SCHEMA_VERSION, "title": cfg.title, "built": model.build_date},
                      ensure_ascii=False)
    # Written by hand around the C encoder: json's indent= falls back to the slow Python encoder.
    lines = [json.dumps(event_record(ev), ensure_ascii=False) for ev in model.events]
    body = ",\n".join(lines)
    return head[:-1] + ', "events": [\n' + body + ("\n" if lines else "") + "]}\n"


def _cell(value: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets; a quote keeps it text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def events_csv(model: SiteModel) -> str:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(CSV_COLUMNS)
    for ev in model.events:
        e = ev.event
        out.writerow([
            _cell(e.id), e.date, e.precision, e.status, _cell(e.title), _cell(plain_text(e.summary)),
            _cell(e.type), _cell("; ".join(a.name for a in ev.actors)),
            _cell(" ".join(s.url or s.article for s in e.sources)), f"{e.importance:g}", ev.url,
        ])
    return buffer.getvalue()


def _tl_date(value: str | None) -> dict[str, str] | None:
    if not value:
        return None
    year, month, day = value.split("-")
    return {"year": year, "month": month, "day": day}


def timelinejs(cfg: Config, model: SiteModel) -> str:
    """TimelineJS3's JSON format. TimelineJS inserts ``text`` as HTML, so all text is escaped here."""
    events = []
    for ev in model.events:
        if not ev.day:
            continue
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
        events.append({
            "unique_id": ev.slug,
            "start_date": dict(start, display_date=ev.label),
            "text": {
                "headline": html.escape(ev.event.title),
                "text": f"<p>{html.escape(plain_text(ev.event.summary))}</p>" + (f"<ul>{links}</ul>" if links else ""),
            },
            "group": html.escape(ev.event.type or "other"),
        })
    document = {
        "title": {"text": {"headline": html.escape(cfg.title), "text": html.escape(cfg.description)}},
        "events": events,
    }
    return json.dumps(document, ensure_ascii=False) + "\n"


def write_exports(writer: SiteWriter, cfg: Config, model: SiteModel) -> None:
    writer.write_text("events.json", events_json(cfg, model))
    writer.write_text("events.csv", events_csv(model))
    writer.write_text("timelinejs.json", timelinejs(cfg, model))
