"""Article metadata: where it comes from, which source wins, what a valid value is.

Precedence, highest first (a value missing from one place falls through to
the next):

1. a sidecar ``NAME.yaml`` next to the article file ``NAME.ext``;
2. metadata inside the file itself: Markdown front matter, a saved page's own
   metadata (title, author, site, the date found by htmldate), a feed item's
   or a JSON record's fields;
3. the entry for the file in ``content/sources.yaml``;
4. a date at the start of the file name (``2022-02-12-biden-putin.txt``);
5. the date in the article's dateline ("WASHINGTON, Feb 12, 2022 (Reuters) -"),
   when nothing above gives one. A dateline a day from the date given above
   (a story the site filed the next day) is the day the story was written:
   its relative dates ("on Friday") are read from the dateline's day, and the
   given day is kept as the day it was filed (``Article.filed``, shown by
   ``check --explain``). When it disagrees by more than a day, the given date
   stays and a warning says so.

For feeds and JSON files holding many articles, a sidecar or index entry gives
defaults for every item (outlet, author, language, tags); each item's own
title, date and link win.

``content/sources.yaml`` maps a path relative to the content folder to its
metadata::

    2022-02-12-biden-putin-call.txt:
      published: 2022-02-12
      url: https://example.org/biden-putin
      outlet: The Meridian Desk

A list of mappings each with a ``path`` key is read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from timeline.records import Problem
from timeline.sources.clock import is_future

KEYS = ("title", "published", "url", "outlet", "author", "language", "tags")
# Other names scrapers and editors use for the same fields.
ALIASES = {"date": "published", "pubdate": "published", "published_at": "published", "source": "outlet",
           "site": "outlet", "sitename": "outlet", "publisher": "outlet", "lang": "language", "link": "url",
           "authors": "author", "byline": "author", "headline": "title", "keywords": "tags"}
# Keys that are fine to find and mean nothing to the reader.
IGNORED = {"id", "text", "html", "body", "content", "summary", "description", "section", "draft", "path", "file",
           "final_url"}
DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d", "%d.%m.%Y")
FILE_NAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?=\D|$)")


@dataclass
class Meta:
    """Validated metadata from one place, and where each value was read."""

    values: dict[str, Any] = field(default_factory=dict)
    where: dict[str, tuple[str, int | None]] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        return self.values.get(key)


def merge(*layers: Meta) -> Meta:
    """Layers from lowest to highest precedence; later ones win key by key."""
    out = Meta()
    for layer in layers:
        for key, value in layer.values.items():
            if value not in (None, "", ()):
                out.values[key] = value
                out.where[key] = layer.where.get(key, ("", None))
    return out


def parse_date(value: Any) -> date | None:
    """A date from YAML (date, datetime) or from the text forms news sites use."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for parse in (date.fromisoformat, lambda t: datetime.fromisoformat(t.replace("Z", "+00:00")).date()):
        try:
            return parse(text)
        except ValueError:
            pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    return None


def check(raw: dict[Any, Any], shown: str, line_of: dict[str, int] | None = None,
          today: date | None = None) -> tuple[Meta, list[Problem]]:
    """Validate a mapping of metadata; bad values are reported and left out."""
    line_of = line_of or {}
    meta, problems = Meta(), []
    for raw_key, value in raw.items():
        key = ALIASES.get(str(raw_key).lower(), str(raw_key).lower())
        line = line_of.get(str(raw_key))
        if key in IGNORED or value is None:
            continue
        if key not in KEYS:
            problems.append(Problem(shown, f"unknown metadata key {raw_key!r} ignored (known: {', '.join(KEYS)})",
                                    line, "warning"))
            continue
        if key == "published":
            day = parse_date(value)
            if day is None:
                problems.append(Problem(shown, f"{raw_key}: {value!r} is not a date; write it as YYYY-MM-DD", line))
                continue
            if is_future(day, today):
                problems.append(Problem(shown, f"{raw_key}: {day.isoformat()} lies in the future; "
                                        "correct the date", line))
                continue
            value = day
        elif key == "tags":
            value = tuple(str(t) for t in value) if isinstance(value, (list, tuple)) else (str(value),)
        elif key == "author" and isinstance(value, (list, tuple)):
            value = ", ".join(str(a) for a in value)
        elif isinstance(value, (dict, list)):
            problems.append(Problem(shown, f"{raw_key}: must be a single value, got {type(value).__name__}", line))
            continue
        else:
            value = str(value).strip()
            if key == "language":
                value = value.lower().split("-")[0].split("_")[0]
        meta.values[key] = value
        meta.where[key] = (shown, line)
    return meta, problems


def key_lines(text: str, first_line: int = 1) -> dict[str, int]:
    """Line of each top-level key in a YAML mapping, so messages point at it."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), first_line):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


def load_yaml(text: str, shown: str, first_line: int = 1) -> tuple[Any, list[Problem]]:
    """Parse YAML, turning a syntax error into a Problem with its line."""
    try:
        return yaml.safe_load(text), []
    except yaml.MarkedYAMLError as exc:
        line = first_line + exc.problem_mark.line if exc.problem_mark else None
        return None, [Problem(shown, f"not valid YAML: {exc.problem}; fix it or remove the file", line)]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, f"not valid YAML: {exc}", first_line)]


def read_mapping_file(path: Path, shown: str) -> tuple[dict[Any, Any] | None, str, list[Problem]]:
    """A YAML file that must hold a mapping (sidecar), with its text for key lines."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, "", [Problem(shown, f"cannot read: {exc}")]
    data, problems = load_yaml(text, shown)
    if problems:
        return None, text, problems
    if data is None:
        return {}, text, []
    if not isinstance(data, dict):
        return None, text, [Problem(shown, "must be a mapping of metadata keys (published: 2022-02-12, ...)", 1)]
    return data, text, []


def sidecar(article: Path, shown_article: str) -> tuple[Meta, list[Problem]]:
    """Metadata from ``NAME.yaml`` (or ``NAME.yml``) beside ``NAME.ext``."""
    for suffix in (".yaml", ".yml"):
        path = article.with_suffix(suffix)
        if path.is_file():
            shown = str(Path(shown_article).with_suffix(suffix).as_posix())
            data, text, problems = read_mapping_file(path, shown)
            if data is None:
                return Meta(), problems
            meta, more = check(data, shown, key_lines(text))
            return meta, problems + more
    return Meta(), []


def file_name_date(name: str) -> Meta:
    match = FILE_NAME_DATE.match(name)
    if not match:
        return Meta()
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return Meta()
    if is_future(day):
        return Meta()
    return Meta({"published": day}, {"published": (name, None)})


@dataclass
class SourcesIndex:
    """``content/sources.yaml``: metadata for files, keyed by content-relative path."""

    entries: dict[str, Meta] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, rel: str) -> Meta:
        return self.entries.get(rel, Meta())


def load_index(path: Path, shown: str) -> SourcesIndex:
    index = SourcesIndex()
    if not path.is_file():
        return index
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        index.problems.append(Problem(shown, f"cannot read: {exc}"))
        return index
    data, problems = load_yaml(text, shown)
    index.problems.extend(problems)
    if data is None:
        return index
    items: list[tuple[str, Any, int | None]]
    if isinstance(data, dict):
        lines = {k: n for k, n in _entry_lines(text).items()}
        items = [(str(k), v, lines.get(str(k))) for k, v in data.items()]
    elif isinstance(data, list):
        items = [(str(v.get("path") or v.get("file") or ""), v, None) for v in data if isinstance(v, dict)]
    else:
        index.problems.append(Problem(shown, "must map article paths to their metadata", 1))
        return index
    for rel, value, line in items:
        if not rel or not isinstance(value, dict):
            index.problems.append(Problem(shown, f"entry {rel!r} must be a mapping of metadata keys", line))
            continue
        meta, more = check(value, shown, {k: line for k in map(str, value)} if line else None)
        index.entries[rel.strip("/")] = meta
        index.problems.extend(more)
    return index


def _entry_lines(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r"""^["']?([^\s:"'#\[{-][^:"']*)["']?\s*:(\s|$)""", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines
