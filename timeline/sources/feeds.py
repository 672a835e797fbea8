"""RSS and Atom feeds: every item is an article, with its own date and link.

The item's full content is used when the feed carries it, else its summary.
The feed's title is the outlet unless a sidecar or the index names one.
"""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from typing import Any

from timeline.records import Problem
from timeline.sources.draft import Draft
from timeline.sources.meta import Meta

_BREAK = re.compile(r"(?i)<\s*(br|/p|/div|/li|/h\d)\s*/?\s*>")
_TAG = re.compile(r"<[^>]+>")


def html_to_text(fragment: str) -> str:
    """Text of a short HTML fragment, paragraphs separated by blank lines."""
    text = _BREAK.sub("\n\n", fragment)
    text = unescape(_TAG.sub("", text))
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()


def _line_of(text: str, needle: str) -> int | None:
    found = text.find(needle) if needle else -1
    return text.count("\n", 0, found) + 1 if found >= 0 else None


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None


def read_feed(text: str, shown: str) -> tuple[list[Draft], list[Problem]]:
    import feedparser

    feed = feedparser.parse(text)
    problems: list[Problem] = []
    if feed.bozo:
        exc = feed.get("bozo_exception")
        line = exc.getLineNumber() if hasattr(exc, "getLineNumber") else None
        if line is not None:  # feedparser may count a line it added itself
            line = max(1, min(line, text.count("\n") + 1))
        if not feed.entries:
            return [], [Problem(shown, f"feed does not parse: {exc}; check the XML", line)]
        problems.append(Problem(shown, f"feed is malformed ({exc}); read what could be read", line, "warning"))
    if not feed.entries:
        return [], problems + [Problem(shown, "empty feed: no items; remove the file or save the feed again")]
    outlet = feed.feed.get("title") or None
    language = (feed.feed.get("language") or "").split("-")[0].lower() or None
    drafts: list[Draft] = []
    for number, entry in enumerate(feed.entries, 1):
        title = (entry.get("title") or "").strip()
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        body = html_to_text(html or "")
        line = _line_of(text, entry.get("link") or title)
        item = title or f"item-{number}"
        if not title and not body:
            problems.append(Problem(shown, f"item {number} has neither a title nor text; skipped", line))
            continue
        values: dict[str, Any] = {"url": entry.get("link"), "published": _entry_date(entry), "outlet": outlet,
                                  "author": entry.get("author"), "language": language,
                                  "tags": tuple(t.get("term") for t in entry.get("tags", []) if t.get("term"))}
        values = {k: v for k, v in values.items() if v}
        meta = Meta(values, {k: (shown, line) for k in values})
        drafts.append(Draft(title=title or body[:80], body=body, body_start=None, meta=meta, item=item, line=line))
    return drafts, problems
