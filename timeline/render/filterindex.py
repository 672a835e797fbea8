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
from typing import Any, Sequence

from timeline.render.depends import digest
from timeline.render.model import EventView, SiteModel
from timeline.render.output import SiteWriter

CHUNK = 200  # events a chunk holds: about 20 KB, a page of results


def _entry(ev: EventView) -> list[Any]:
    # Positional, not keyed: a chunk is fetched whole and the keys would double it.
    return [ev.slug, ev.month, ev.datetime or "", ev.label, ev.event.title, ev.type_slug, int(ev.scheduled)]


def _dump(data: Any) -> str:
    # ensure_ascii keeps U+2028 and friends escaped; the files are read by fetch().json() anyway.
    return json.dumps(data, separators=(",", ":")) + "\n"


def write_list(writer: SiteWriter, base: str, events: Sequence[EventView]) -> None:
    """``base.json`` and its chunks ``base.1.json``… for events already in display order.

    A chunk of the same events as the live site's is linked from it: an entry
    shows nothing its event's digest does not cover.
    """
    digests = [ev.digest for ev in events]
    whole = digest(base, digests)  # the head and every chunk follow from the events
    if writer.reuse_group(whole, lambda count: [f"{base}.json"] + [f"{base}.{n}.json" for n in range(1, count)]):
        return
    chunks = [events[i:i + CHUNK] for i in range(0, len(events), CHUNK)]
    head = {"count": len(events), "chunks": [[chunk[0].month, chunk[-1].month] for chunk in chunks]}
    if not writer.reuse(f"{base}.json", digest(head["count"], head["chunks"])):
        writer.write_text(f"{base}.json", _dump(head))
    for number, chunk in enumerate(chunks, start=1):
        path = f"{base}.{number}.json"
        if not writer.reuse(path, digest(digests[(number - 1) * CHUNK:number * CHUNK])):
            writer.write_text(path, _dump([_entry(ev) for ev in chunk]))
    writer.note_group(whole, 1 + len(chunks))


def write_filter_indexes(writer: SiteWriter, model: SiteModel, newest_first: bool) -> None:
    def ordered(events: list[EventView]) -> list[EventView]:
        return events[::-1] if newest_first else events

    write_list(writer, "filters/all", ordered(model.events))
    for actor in model.actors.values():
        write_list(writer, f"filters/actor/{actor.slug}", ordered(actor.events))
    for kind, events in model.by_type.items():
        write_list(writer, f"filters/type/{model.type_slugs[kind]}", ordered(events))
