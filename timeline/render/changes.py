"""What changed, as readers see it: ``changes.html``, ``changes.atom`` and the "updated on" lines of event pages.

The log itself is the store's (``timeline.store.changes``); this module only words
it. A correction is told in the reader's terms ("date corrected from 12 Feb 2022
to 13 Feb 2022"), an event that is gone is named by its date and title then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence
from xml.sax.saxutils import quoteattr

from timeline.config import Config
from timeline.render.dates import date_label
from timeline.render.feeds import absolute, feed_head, xml_text
from timeline.render.fingerprints import digest
from timeline.render.model import EventView, SiteModel
from timeline.render.parts import Part, Rendered
from timeline.render.templating import Renderer
from timeline.store.changes import ChangeLog, Noted

SHOWN_BUILDS = 100  # builds the changes page lists, newest first; the file keeps them all
SHOWN_PER_KIND = 200  # events named per kind and build; the rest are counted
HEADINGS = {"added": "Added", "changed": "Corrected", "merged": "Merged into another event",
            "retracted": "Retracted (no source supports them any more)", "hidden": "Hidden by the maintainers"}


def _value(name: str, value: str) -> str:
    if not value:
        return "none"
    return date_label(value) if name == "date" else value


def correction(name: str, old: str, new: str) -> str:
    """One changed field in words: "date corrected from 12 Feb 2022 to 13 Feb 2022"."""
    if name == "date":
        return f"date corrected from {_value(name, old)} to {_value(name, new)}"
    if name == "title":
        return f"title changed from “{old}” to “{new}”"
    return f"{name} changed from {_value(name, old)} to {_value(name, new)}"


def corrections(noted: Noted) -> list[str]:
    names = {name for name, _, _ in noted.fields}
    # A date's precision shows in the date itself: "February 2022" to "12 Feb 2022".
    return [correction(name, old, new) for name, old, new in noted.fields
            if not (name == "precision" and "date" in names)]


def event_updates(log: ChangeLog | None) -> dict[str, list[tuple[str, str]]]:
    """Event id → its updates as (build date, words), oldest first."""
    updates: dict[str, list[tuple[str, str]]] = {}
    for entry in log.entries if log else ():
        for noted in entry.changed:
            words = corrections(noted)
            if words:
                updates.setdefault(noted.id, []).append((entry.built, "; ".join(words)))
        for noted in entry.merged:
            if noted.into:
                updates.setdefault(noted.into, []).append(
                    (entry.built, f"merged with “{noted.title}” ({_value('date', noted.date)}), a report of the "
                                  "same happening"))
    return updates


@dataclass(frozen=True)
class Line:
    """An event named on the changes page: its date and title then, its page when it has one now."""

    date: str
    title: str
    url: str | None
    words: str = ""


@dataclass(frozen=True)
class Section:
    kind: str
    heading: str
    lines: tuple[Line, ...]
    more: int


@dataclass(frozen=True)
class BuildView:
    anchor: str
    built: str
    label: str
    created: int
    sections: tuple[Section, ...]

    @property
    def summary(self) -> str:
        if self.created:
            return f"started with {self.created} events"
        return ", ".join(f"{sum(1 for _ in s.lines) + s.more} {s.kind}" for s in self.sections)


def _line(noted: Noted, kind: str, pages: dict[str, str]) -> Line:
    target = noted.into if kind == "merged" else noted.id
    words = "; ".join(corrections(noted)) if kind == "changed" else ""
    if kind == "merged" and noted.into in pages:
        words = "now part of another event"
    return Line(_value("date", noted.date), noted.title, pages.get(target or ""), words)


def build_views(log: ChangeLog | None, model: SiteModel) -> list[BuildView]:
    """The newest builds of the log, newest first, with links to the events' pages as they are now."""
    pages = {ev.event.id: ev.url for ev in model.events}
    entries = list(enumerate(log.entries if log else ()))
    views = []
    for number, entry in sorted(entries, key=lambda item: (item[1].built, item[0]), reverse=True)[:SHOWN_BUILDS]:
        sections = []
        for kind, heading in HEADINGS.items():
            noted: Sequence[Noted] = getattr(entry, kind)
            if noted:
                lines = tuple(_line(n, kind, pages) for n in noted[:SHOWN_PER_KIND])
                sections.append(Section(kind, heading, lines, max(0, len(noted) - SHOWN_PER_KIND)))
        views.append(BuildView(f"build-{number + 1}", entry.built, _value("date", entry.built), entry.created,
                               tuple(sections)))
    return views


def changes_parts(r: Renderer, cfg: Config, model: SiteModel, log: ChangeLog | None) -> list[Part]:
    """The changes page and its feed."""
    views = build_views(log, model)
    shows = digest(views)

    def page() -> Rendered:
        return Rendered((r.page("changes.html", "changes.html", builds=views),))

    def feed() -> Rendered:
        text = changes_feed(cfg, views[: cfg.site.feed_size])
        return Rendered((("changes.atom", text.encode("utf-8")),))

    return [Part(digest("changes.html", shows), page), Part(digest("changes.atom", shows), feed)]


def changes_feed(cfg: Config, views: Sequence[BuildView]) -> str:
    """An Atom entry per build: what it added, corrected, merged, retracted or hid."""
    path = "changes.atom"
    lines = feed_head(cfg, path, f"{cfg.title}: changes", views[0].built if views else "1970-01-01", "changes.html")
    for view in views:
        link = absolute(cfg, f"changes.html#{view.anchor}", here=path)
        said = []
        for section in view.sections:
            for line in section.lines:
                said.append(f"{section.kind}: {line.date}: {line.title}" + (f" ({line.words})" if line.words else ""))
        lines += [
            "<entry>",
            f"<title>{xml_text(view.label)}: {xml_text(view.summary)}</title>",
            f"<id>{xml_text(link if cfg.site_url else 'urn:timeline:changes:' + view.anchor)}</id>",
            f"<updated>{view.built}T00:00:00Z</updated>",
            f'<link rel="alternate" type="text/html" href={quoteattr(link)}/>',
            f"<summary>{xml_text(chr(10).join(said) or view.summary)}</summary>",
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def attach_updates(events: Sequence[EventView], log: ChangeLog | None) -> None:
    """Give each event view the updates its page shows."""
    updates = event_updates(log)
    if not updates:
        return
    for ev in events:
        found = updates.get(ev.event.id)
        if found:
            ev.updates = tuple((date_label(built), words) for built, words in found)
