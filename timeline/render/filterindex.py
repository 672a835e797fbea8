"""Filter indexes: what the home page's script loads to filter the whole timeline, not one page.

The home page carries one page of events; filtering only those would hide
the rest of the timeline. For every actor, every type and the timeline as a
whole there is a list of its events in the site's order, cut into chunks of
``CHUNK`` events, and a small head file naming the chunks with the months
each spans. The script reads the head, then only the chunks it needs: the
newest ones first, and none outside a chosen date range. An entry holds
what a one-line listing shows, so a filter never fetches event pages.

    filters/actor/<slug>.json     {"count": N, "chunks": [["2024-03", "2024-01"], ...]}
    filters/actor/<slug>.1.json   [[slug, month, datetime, label, title, type, scheduled], ...]
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from timeline.render.fingerprints import digest
from timeline.render.model import EventView, SiteModel, newest_first
from timeline.render.parts import Part, Rendered

CHUNK = 200  # events a chunk holds: about 20 KB, a page of results


def _entry(ev: EventView) -> list[Any]:
    # Positional, not keyed: a chunk is fetched whole and the keys would double it.
    return [ev.slug, ev.month, ev.datetime or "", ev.label, ev.event.title, ev.type_slug, int(ev.scheduled)]


def _dump(data: Any) -> str:
    # ensure_ascii keeps U+2028 and friends escaped; the files are read by fetch().json() anyway.
    return json.dumps(data, separators=(",", ":")) + "\n"


def filter_parts(model: SiteModel, newest: bool, focus: list[EventView] | None = None) -> list[Part]:
    """A part per file of every list: the whole timeline, each actor, each type; of the events
    in ``focus`` only when given (the home page filters the story, not its background). An entry
    shows nothing its event's digest does not cover, so a chunk is made from its events' digests."""
    inside = {id(ev) for ev in focus} if focus is not None and len(focus) < len(model.events) else None
    parts = []
    lists = ([("filters/all", model.events)] + [(f"filters/actor/{a.slug}", a.events) for a in model.actors.values()]
             + [(f"filters/type/{model.type_slugs[kind]}", events) for kind, events in model.by_type.items()])
    for base, events in lists:
        if inside is not None:
            events = [ev for ev in events if id(ev) in inside]
        events = newest_first(events) if newest else events
        chunks = [events[i:i + CHUNK] for i in range(0, len(events), CHUNK)]
        head = {"count": len(events), "chunks": [[chunk[0].month, chunk[-1].month] for chunk in chunks]}
        parts.append(Part(digest(base, head), partial(_file, f"{base}.json", head)))
        for number, chunk in enumerate(chunks, start=1):
            parts.append(Part(digest(base, number, [ev.digest for ev in chunk]),
                              partial(_chunk, f"{base}.{number}.json", chunk)))
    return parts


def _file(path: str, data: Any) -> Rendered:
    return Rendered(((path, _dump(data).encode("utf-8")),))


def _chunk(path: str, events: list[EventView]) -> Rendered:
    return _file(path, [_entry(ev) for ev in events])
