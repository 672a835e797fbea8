"""The compact page Pagefind indexes for an event, in place of the event's own page.

An event's page carries the whole site around it (navigation, sources, "Why
this date"), and Pagefind parses all of it to find the part it indexes; at
100,000 events that parsing was most of the indexing time and memory. What a
search matches and shows is only this: the title, the date, the type, the
place, the summary and the actors, as filters (actor, type, year), a sort
key (the day) and metadata (title, date). The record sits at the page's own path in the scratch
folder Pagefind reads, so a result links to the page.
"""

from __future__ import annotations

from markupsafe import escape

from timeline.render.model import EventView


def search_record(ev: EventView, language: str) -> str:
    """The HTML Pagefind reads for ``ev``: what its page shows of it that a search finds."""
    e = ev.event
    if ev.datetime:
        sort = f' data-pagefind-sort="date:{ev.day}" data-pagefind-meta="date:{escape(ev.label)}"' if ev.day else ""
        when = f'<time data-pagefind-filter="year:{ev.year}"{sort}>{escape(ev.label)}</time>'
    else:
        when = f"<span>{escape(ev.label)}</span>"
    place = f" · {escape(e.place)}" if e.place else ""
    actors = "".join(f'<li data-pagefind-filter="actor">{escape(a.name)}</li>' for a in ev.actors)
    return (f'<!doctype html><html lang="{escape(language)}"><body data-pagefind-body>'
            f'<h1 data-pagefind-meta="title">{escape(e.title)}</h1>'
            f'<p>{when} · <span data-pagefind-filter="type">{escape(e.type)}</span>{place}</p>'
            f"<p>{escape(e.summary)}</p><ul>{actors}</ul></body></html>\n")
