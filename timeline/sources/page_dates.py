"""Dates a saved page labels itself: when it was published, when it was updated.

htmldate is asked for the original date, but when a page gives only an
update in its markup (``article:modified_time`` and no published time) or
shows "Updated" before "Published", it returns the update: news sites stamp
updates days after the story. This module collects the page's own labelled
stamps so that ``html_pages`` can put a labelled publication date before a
date the page itself calls an update, and can tell a full date written on
the page from a day htmldate made up out of a year or a month alone.

Labels and key words are data (``page_date_labels``, ``page_date_keys`` in
``data/article_cleaning.yaml``); month names are the cleaning vocabulary's.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from timeline.sources.clean import raw_vocabulary, vocabulary

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# How far after its label a stamp's date may start ("Published 5:40 AM GMT+1, February 24, 2022").
LABEL_REACH = 40
# Script types that hold data, not code: JSON-LD and the JSON state of
# JavaScript sites (Next.js and the like), where "publishedAt" often lives.
DATA_SCRIPTS = "//script[contains(@type,'ld+json') or contains(@type,'application/json')]"
ISO_DAY = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")


@dataclass
class Stamps:
    """The page's labelled dates, each list in the order the page gives them."""

    published: list[date] = field(default_factory=list)
    updated: list[date] = field(default_factory=list)
    written: list[date] = field(default_factory=list)  # every full date of the visible text, in order


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, ...]]]:
    raw = raw_vocabulary()
    months = "|".join(sorted((re.escape(m) for m in vocabulary().months), key=len, reverse=True))
    day = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
    full = (rf"(?:{day.format('d1')}\.?\s+(?P<m1>{months})\.?,?\s+(?P<y1>(?:19|20)\d{{2}})"
            rf"|(?P<m2>{months})\.?\s+{day.format('d2')},?\s+(?P<y2>(?:19|20)\d{{2}})"
            rf"|(?P<y3>(?:19|20)\d{{2}})-(?P<n3>[01]\d)-(?P<d3>[0-3]\d)"
            rf"|(?P<d4>[0-3]?\d)\.(?P<n4>[01]?\d)\.(?P<y4>(?:19|20)\d{{2}}))(?!\d)")
    labels = {kind: tuple(words) for kind, words in raw["page_date_labels"].items()}
    every = sorted((w for words in labels.values() for w in words), key=len, reverse=True)
    label = rf"\b(?P<label>{'|'.join(re.escape(w) for w in every)})\b\s*:?"
    keys = {kind: tuple(words) for kind, words in raw["page_date_keys"].items()}
    kinds = {**labels, **{f"key-{k}": v for k, v in keys.items()}}
    return re.compile(full, re.IGNORECASE), re.compile(label, re.IGNORECASE), kinds


def full_date(match: re.Match[str]) -> date | None:
    g = match.groupdict()
    months = vocabulary().months
    try:
        if g["y1"]:
            return date(int(g["y1"]), months[g["m1"].lower()], int(g["d1"]))
        if g["y2"]:
            return date(int(g["y2"]), months[g["m2"].lower()], int(g["d2"]))
        if g["y3"]:
            return date(int(g["y3"]), int(g["n3"]), int(g["d3"]))
        return date(int(g["y4"]), int(g["n4"]), int(g["d4"]))
    except (ValueError, KeyError):
        return None  # "31 February", a month the vocabulary lacks


def first_full_date(text: str, start: int = 0, end: int | None = None) -> date | None:
    """The first full date (day, month and year) written in ``text[start:end]``."""
    found = _patterns()[0].search(text, start, len(text) if end is None else end)
    return full_date(found) if found is not None else None


def _kind_of_key(key: str) -> str | None:
    """'published' or 'updated' for a meta name, JSON key, itemprop or class value."""
    words = _patterns()[2]
    key = key.lower().replace("_", "").replace("-", "").replace(":", "")
    if any(w in key for w in words["key-updated"]):
        return "updated"
    if any(w in key for w in words["key-published"]):
        return "published"
    return None


def _iso(value: str) -> date | None:
    found = ISO_DAY.search(value or "")
    if not found:
        return None
    try:
        return date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def _add(stamps: Stamps, kind: str | None, day: date | None) -> None:
    if kind and day is not None:
        getattr(stamps, kind).append(day)


def _json_stamps(value: Any, stamps: Stamps) -> None:
    """Date keys anywhere in a JSON document (JSON-LD @graph, a site's page state)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and ("date" in key.lower() or key.lower().endswith(("at", "time"))):
                _add(stamps, _kind_of_key(key), _iso(item))
            _json_stamps(item, stamps)
    elif isinstance(value, list):
        for item in value:
            _json_stamps(item, stamps)


def _text_stamps(text: str, stamps: Stamps) -> None:
    full, label, words = _patterns()
    stamps.written.extend(d for m in full.finditer(text) if (d := full_date(m)) is not None)
    labels = list(label.finditer(text))
    for i, found in enumerate(labels):
        # A stamp's date comes before the next label: "Updated 2 days ago · Published 12 Feb 2022".
        end = min(found.end() + LABEL_REACH, labels[i + 1].start() if i + 1 < len(labels) else len(text))
        day = full.search(text, found.end(), end)
        if day is None:
            continue
        said = found["label"].lower()
        kind = "updated" if said in words["updated"] else "published"
        _add(stamps, kind, full_date(day))


def page_stamps(tree: "HtmlElement") -> Stamps:
    """The labelled dates of a page already stripped of its furniture."""
    stamps = Stamps()
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        _add(stamps, _kind_of_key(key), _iso(meta.get("content") or ""))
    for script in tree.xpath(DATA_SCRIPTS):
        try:
            _json_stamps(json.loads(script.text or ""), stamps)
        except ValueError:
            continue  # broken JSON in a page is common; its other dates still count
    for element in tree.xpath("//body//*[@datetime]"):
        key = " ".join(filter(None, (element.get("itemprop"), element.get("class"), element.get("id"))))
        _add(stamps, _kind_of_key(key), _iso(element.get("datetime") or ""))
    body = tree.find("body")
    if body is not None:
        texts = body.xpath(".//text()[not(ancestor::script) and not(ancestor::style)]")
        _text_stamps(" ".join(" ".join(str(t).split()) for t in texts), stamps)
    return stamps


def prefer_published(found: date | None, stamps: Stamps) -> date | None:
    """A labelled publication date instead of a date the page calls an update.

    With no publication label, an update gives way to an earlier date written
    on the page (a site that marks up only its update stamp still shows the
    day of the story), and a page htmldate found no date in takes the first
    full date written in its text, which furniture pruning leaves to the
    story's header.
    """
    if found is not None and found not in stamps.updated:
        return found
    labelled = [d for d in stamps.published if found is None or d <= found]
    if labelled:
        return labelled[0]
    written = [d for d in stamps.written if found is None or d < found]
    return written[0] if written else found


def written_in_full(day: date, stamps: Stamps) -> bool:
    """The page gives ``day`` with its day of the month, not only its month or year."""
    return day in stamps.written or day in stamps.published or day in stamps.updated
