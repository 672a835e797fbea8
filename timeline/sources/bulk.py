"""Bulk exports from scrapers: JSON Lines (one record a line) or JSON.

Each record is an object with ``title`` and ``text`` (plain text) or ``html``
(a page, read like a saved page), and optionally ``published``, ``url``,
``outlet``, ``author``, ``language``, ``tags`` and ``id`` (used in the
article id; otherwise the title is). A ``.json`` file holds a list of
records, an object with an ``articles`` list, or a single record.
"""

from __future__ import annotations

import json
from typing import Any

from timeline.records import Problem
from timeline.sources.draft import Draft
from timeline.sources.markup import blank_markup, close_blanks, text_of
from timeline.sources.meta import check


def read_bulk(text: str, shown: str) -> tuple[list[Draft], list[Problem]]:
    records: list[tuple[int | None, Any]] = []
    problems: list[Problem] = []
    if shown.lower().endswith(".jsonl"):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                problems.append(Problem(shown, f"line is not valid JSON ({exc.msg}); record skipped", number))
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            return [], [Problem(shown, f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno)]
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        records = [(None, r) for r in (data if isinstance(data, list) else [data])]
    if not records and not problems:
        return [], [Problem(shown, "empty file: no records; remove it or export again")]
    drafts: list[Draft] = []
    for number, (at, record) in enumerate(records, 1):
        where = "the record" if at else f"record {number}"
        if not isinstance(record, dict):
            problems.append(Problem(shown, f"{where} is not an object with title and text; skipped", at))
            continue
        draft, found = _record(record, shown, where, at)
        problems.extend(found)
        if draft is not None:
            drafts.append(draft)
    return drafts, problems


def _record(record: dict[str, Any], shown: str, where: str, line: int | None) -> tuple[Draft | None, list[Problem]]:
    title = str(record.get("title") or "").strip()
    text, html = record.get("text"), record.get("html")
    meta, problems = check(record, shown, {k: line for k in map(str, record)} if line else None)
    problems = [Problem(p.path, f"{where}: {p.message}", p.line, p.severity) for p in problems]
    item = str(record.get("id") or title or where)
    if isinstance(html, str) and html.strip() and not (isinstance(text, str) and text.strip()):
        from timeline.sources.html_pages import read_html

        drafts, found = read_html(html, f"{shown} ({where})")
        problems.extend(Problem(p.path, p.message, line, p.severity) for p in found)
        if not drafts:
            return None, problems
        page = drafts[0]
        for key, value in page.meta.values.items():
            meta.values.setdefault(key, value)
        return Draft(title=title or page.title, body=page.body, body_start=None, meta=meta, item=item,
                     line=line, cleaned=page.cleaned), problems
    if not isinstance(text, str) or not text.strip():
        return None, problems + [Problem(shown, f"empty article: {where} has no text or html; skipped", line)]
    if not title:
        return None, problems + [Problem(shown, f"{where} has no title; skipped", line)]
    meta.values.pop("title", None)
    return Draft(title=text_of(title), body=blank_markup(text), body_start=None, meta=meta, item=item, line=line,
                 line_filter=close_blanks), problems
