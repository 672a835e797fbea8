"""Files for other programs: Atom feeds, the iCalendar of scheduled events, sitemap, robots.txt.

Written in Python rather than templates because their syntax is not HTML:
XML needs control characters removed, iCalendar needs CRLF and line folding.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Sequence
from xml.sax.saxutils import escape, quoteattr

from timeline.config import Config
from timeline.extract.temporal.values import bounds
from timeline.render.fingerprints import digest
from timeline.render.model import EventView, SiteModel, file_id, pair_url
from timeline.render.output import SiteWriter
from timeline.render.parts import Part, Rendered
from timeline.render.sanitize import plain_text

SITEMAP_LIMIT = 50_000  # URLs per sitemap file, by the sitemaps protocol
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str | None) -> str:
    """Text as XML character data: escaped, without the characters XML forbids."""
    return escape(_XML_FORBIDDEN.sub("", text or ""))


_x = xml_text


def absolute(cfg: Config, site_path: str, *, here: str = "") -> str:
    """A link for a file other programs read: absolute with site_url, else relative to ``here``."""
    if cfg.site_url:
        return f"{cfg.site_url}{cfg.base_url}{site_path}"
    return "../" * here.count("/") + site_path


def newest(events: Sequence[EventView], count: int) -> list[EventView]:
    dated = [e for e in events if e.day]
    return sorted(dated, key=lambda e: (e.day, e.slug), reverse=True)[:count]


def feed_head(cfg: Config, path: str, title: str, updated: str | None, page: str) -> list[str]:
    """The lines of an Atom feed at ``path`` before its entries; ``page`` is the HTML page it follows."""
    feed_id = absolute(cfg, path) if cfg.site_url else f"urn:timeline:feed:{path}"
    return [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(cfg.language)}>',
        f"<title>{_x(title)}</title>",
        f"<id>{_x(feed_id)}</id>",
        f"<updated>{updated}T00:00:00Z</updated>",
        f'<link rel="self" href={quoteattr(absolute(cfg, path, here=path))}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(absolute(cfg, page, here=path))}/>',
        f"<author><name>{_x(cfg.title)}</name></author>",
    ]


def atom_feed(cfg: Config, model: SiteModel, path: str, title: str, entries: Sequence[EventView],
              page: str) -> str:
    lines = feed_head(cfg, path, title, model.build_date or (entries[0].day if entries else "1970-01-01"), page)
    for ev in entries:
        link = absolute(cfg, ev.url, here=path)
        lines += [
            "<entry>",
            f"<title>{_x(ev.label)}: {_x(ev.event.title)}</title>",
            f"<id>{_x(absolute(cfg, ev.url) if cfg.site_url else 'urn:timeline:event:' + ev.slug)}</id>",
            f"<updated>{ev.day}T00:00:00Z</updated>",
            f'<link rel="alternate" type="text/html" href={quoteattr(link)}/>',
            f"<category term={quoteattr(_XML_FORBIDDEN.sub('', ev.event.type or 'other'))}/>",
            f"<summary>{_x(plain_text(ev.event.summary))}</summary>",
            "</entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def feed_parts(cfg: Config, model: SiteModel) -> list[Part]:
    """An Atom feed of each actor's newest events, of each pair's, and the site's own."""
    def part(path: str, title: str, events: Sequence[EventView], page: str) -> Part:
        entries = newest(events, cfg.site.feed_size)
        return Part(digest(path, title, page, [ev.digest for ev in entries]),
                    lambda: Rendered(((path, atom_feed(cfg, model, path, title, entries, page).encode("utf-8")),)))

    return ([part("feed.atom", cfg.title, model.events, "index.html")]
            + [part(f"actors/{actor.slug}.atom", f"{cfg.title}: {actor.name}", actor.events, actor.url)
               for actor in (model.actors.values() if cfg.site.actor_feeds else ())]
            + [part(pair_feed(page), f"{cfg.title}: {first} and {second}", events, page)
               for (first, second), events in (model.pairs.items() if cfg.site.pair_pages else ())
               for page in [pair_url(model.actors[first], model.actors[second])]])


def pair_feed(page: str) -> str:
    """The feed beside a pair's page: ``pairs/a--b.html`` → ``pairs/a--b.atom``."""
    return page[: -len(".html")] + ".atom"


def write_last(writer: SiteWriter, cfg: Config, model: SiteModel) -> None:
    """The calendar, the sitemap (of every page written so far) and robots.txt: made on every build."""
    writer.write("scheduled.ics", icalendar(cfg, model).encode("utf-8"))
    write_sitemap(writer, cfg, model)
    robots = "User-agent: *\nAllow: /\n"
    if cfg.site_url:
        robots += f"Sitemap: {cfg.site_url}{cfg.base_url}sitemap.xml\n"
    writer.write("robots.txt", robots.encode("utf-8"))


def _ical_text(text: str) -> str:
    text = _XML_FORBIDDEN.sub("", text)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace(
        "\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 folding: lines of at most 75 octets, never splitting a UTF-8 character."""
    if len(line) <= 75 and len(line.encode("utf-8")) <= 75:
        return line
    out: list[str] = []
    chunk, size = "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > (75 if not out else 74):
            out.append(chunk)
            chunk, size = "", 0
        chunk += ch
        size += width
    out.append(chunk)
    return "\r\n ".join(out)


def icalendar(cfg: Config, model: SiteModel) -> str:
    stamp = (model.build_date or "1970-01-01").replace("-", "") + "T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//{_ical_text(cfg.title)}//timeline//EN",
             "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{_ical_text(cfg.title)}"]
    for ev in model.events:
        span = bounds(ev.event.date) if ev.scheduled else None
        if span is None:
            continue
        first, last = span
        lines += [
            "BEGIN:VEVENT",
            f"UID:{ev.slug}@timeline",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
            f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}",  # DTEND is exclusive
            f"SUMMARY:{_ical_text(ev.event.title)}",
            f"DESCRIPTION:{_ical_text(ev.label + ' — ' + plain_text(ev.event.summary))}",
        ]
        if cfg.site_url:
            lines.append(f"URL:{absolute(cfg, ev.url)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def write_sitemap(writer: SiteWriter, cfg: Config, model: SiteModel) -> None:
    redirects = {f"events/{file_id(a)}.html" for ev in model.events for a in ev.event.aliases}
    pages = sorted(p for p in writer.files if p.endswith(".html") and p != "404.html" and p not in redirects)
    base = f"{cfg.site_url}{cfg.base_url}"
    chunks = [pages[i:i + SITEMAP_LIMIT] for i in range(0, len(pages), SITEMAP_LIMIT)] or [[]]

    def urlset(paths: list[str]) -> bytes:
        body = "".join(f"<url><loc>{_x(base + p)}</loc></url>\n" for p in paths)
        return ('<?xml version="1.0" encoding="utf-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n').encode("utf-8")

    if len(chunks) == 1:
        writer.write("sitemap.xml", urlset(chunks[0]))
        return
    names = [f"sitemap-{n}.xml" for n in range(1, len(chunks) + 1)]
    for name, chunk in zip(names, chunks):
        writer.write(name, urlset(chunk))
    index = "".join(f"<sitemap><loc>{_x(base + n)}</loc></sitemap>\n" for n in names)
    writer.write("sitemap.xml", ('<?xml version="1.0" encoding="utf-8"?>\n'
                                 f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{index}'
                                 '</sitemapindex>\n').encode("utf-8"))
