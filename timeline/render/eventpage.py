"""An event's markup written out by the renderer, without Jinja: its page (``event.html`` within
``base.html``), its sources (``_source.html``) and its listing entries (``_event_item.html``,
``_event_line.html``).

There are as many event pages as events, and Jinja spent most of the render's
time on them and their entries (a context per template, a call per block, a
lookup per attribute). This writes the same characters directly. The
templates stay what the markup is: the renderer uses this only while the
project's own templates of it are the ones in use (a maintainer's folder
replaces none of them, see ``Renderer.writes_events``), and
``tests/test_render_eventpage.py`` holds the two byte for byte alike over
events of every shape; a change to one of these templates must be made here too.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from markupsafe import escape

from timeline.render.dates import month_label
from timeline.render.model import EventView
from timeline.render.reporting import Reporting


def _h(value: Any) -> str:
    """A value as Jinja's autoescape writes it (MarkupSafe's ``escape``): markup as it is, anything
    else escaped; text, by far the most, without making a ``Markup`` of it."""
    if type(value) is str:
        return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
                .replace("'", "&#39;"))
    return str(escape(value))


def event_html(site: dict[str, Any], csp: str, chrome: Callable[[str, str, str], str], *, root: str, path: str,
               ev: EventView, prev_ev: EventView | None, next_ev: EventView | None, why: dict[str, Any],
               reported: Reporting | None, linked: Sequence[EventView], is_background: bool, description: str,
               jsonld: str, type_slug: str, sources: Callable[[EventView, str], str]) -> str:
    """The page of ``ev`` as ``event.html`` renders it with the same context."""
    e = ev.event
    out = [f'<!DOCTYPE html>\n<html lang="{_h(site["language"])}">\n<head>\n<meta charset="utf-8">\n'
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           f'<meta http-equiv="Content-Security-Policy" content="{_h(csp)}">\n'
           f'<title>{_h(e.title)} · {_h(site["title"])}</title>\n'
           f'<meta name="description" content="{_h(description)}">\n<link rel="icon" href="data:,">\n'
           f'<link rel="stylesheet" href="{_h(root)}assets/style.css">\n'
           f'<meta property="og:type" content="article">\n<meta property="og:title" content="{_h(e.title)}">\n']
    if site["site_url"]:
        address = f'{_h(site["site_url"])}{_h(site["base_url"])}{_h(ev.url)}'
        out.append(f'<meta property="og:url" content="{address}">\n<link rel="canonical" href="{address}">\n')
    out.append(f'<script type="application/ld+json">{_h(jsonld)}</script>\n</head>\n<body>\n'
               f'<a class="skip" href="#main">Skip to content</a>\n{chrome("_header.html", root, path)}\n'
               '<main id="main">\n<article class="event-page">\n'
               f'<p class="crumbs"><a href="{_h(root)}months/{_h(ev.month)}.html">{_h(month_label(ev.month))}</a></p>\n'
               f'<h1>{_h(e.title)}</h1>\n<p class="meta">{_when(ev)}')
    if ev.scheduled:
        out.append(' <span class="badge">scheduled</span>')
    out.append(f' · <a href="{_h(root)}types/{_h(type_slug)}.html">{_h(e.type)}</a>')
    if e.place:
        out.append(f" · {_h(e.place)}")
    out.append("</p>\n")
    if ev.updates:
        out.append('<ul class="updates">' + "".join(f"<li>Updated on {_h(when)}: {_h(words)}.</li>"
                                                    for when, words in ev.updates) + "</ul>")
    out.append(f"{_h(ev.summary_html)}\n")
    if ev.actors:
        out.append('<h2>Actors</h2>\n<ul class="chips">' + "".join(
            f'<li><a href="{_h(root)}{_h(a.url)}">{_h(a.name)}</a></li>' for a in ev.actors) + "</ul>\n")
    out.append("<h2>Why this date</h2>\n")
    out.append(_why(why))
    if linked:
        if is_background:
            out.append("<h2>Background to</h2>\n<p>This event is dated before the period the timeline is about; "
                       f'it is in the <a href="{_h(root)}background.html">background</a>. Reports of these events '
                       "mention it:</p>\n")
        else:
            out.append("<h2>Background</h2>\n<p>Earlier events the reports of this one mention:</p>\n")
        out.append('<ul class="related">' + "".join(
            f'<li><a href="{_h(other.slug)}.html">{_h(other.event.title)}</a> <span class="date">{_h(other.label)}'
            "</span></li>" for other in linked) + "</ul>\n")
    if e.disputes:
        out.append("<h2>Where sources disagree</h2>\n<ul>" + "".join(f"<li>{_h(d)}</li>" for d in e.disputes)
                   + "</ul>\n")
    out.append("<h2>Reporting</h2>\n")
    if reported:
        happened = f'Happened <time datetime="{_h(ev.datetime)}">{_h(ev.label)}</time>. ' if ev.datetime else ""
        out.append(f'<p class="reporting">{happened}{_h(reported.sentence)}.</p>\n')
        if reported.span > 1:
            out.append(_h(reported.strip()))
    else:
        out.append('<p class="reporting">No source gives a publication date.</p>')
    out.append("<h2>Sources</h2>\n")
    if ev.sources:
        out.append(f'<ul class="sources">\n{_h(sources(ev, root))}</ul>')
    else:
        out.append("<p>Added by the maintainers, without a source article.</p>")
    out.append('</article>\n<nav class="pager" aria-label="Neighbouring events"><ul>\n')
    if prev_ev:
        out.append(f'<li><a href="{_h(prev_ev.slug)}.html" rel="prev">Earlier: {_h(prev_ev.event.title)}</a></li>')
    if next_ev:
        out.append(f'<li><a href="{_h(next_ev.slug)}.html" rel="next">Later: {_h(next_ev.event.title)}</a></li>')
    out.append(f'</ul></nav>\n</main>\n{chrome("_footer.html", root, path)}\n</body>\n</html>\n')
    return "".join(out)


def _when(ev: EventView) -> str:
    if ev.datetime:
        return f'<time datetime="{_h(ev.datetime)}">{_h(ev.label)}</time>'
    return f'<span class="date">{_h(ev.label)}</span>'


def _why(why: dict[str, Any]) -> str:
    """The "Why this date" paragraphs."""
    quote = f"<blockquote>{_h(why['quote'])}</blockquote>" if why["quote"] else ""
    if why["by_publication"]:
        published = f" ({_h(why['published'])})" if why["published"] else ""
        if why["explanation"] and why["rule"] != "publication-date":
            because = _h(why["explanation"])
        else:
            because = "the text gives no date of its own, and reports the happening as news of that day"
        return f"<p>Dated by the publication date of its source{published}: {because}.</p>\n{quote}"
    value = f" (read as <code>{_h(why['value'])}</code>)" if why["value"] else ""
    rule = f", by the rule <code>{_h(why['rule'])}</code>" if why["rule"] else ""
    explained = f'<p class="why-rule">Why: {_h(why["explanation"])}.</p>' if why["explanation"] else ""
    return (f"<p>The time expression <q>{_h(why['expression'])}</q>{value}{rule}, in the sentence:</p>\n"
            f"{quote}{explained}")


def sources_html(ev: EventView, root: str, full: bool) -> str:
    """The event's sources as list items, as ``_source.html`` renders them."""
    out = []
    for s in ev.sources:
        title = _h(s.title)
        cite = f'<a href="{_h(s.url)}" rel="nofollow noopener noreferrer">{title}</a>' if s.url else title
        out.append(f"<li><cite>{cite}</cite>")
        if s.outlet:
            out.append(f", {_h(s.outlet)}")
        if s.published_iso:
            out.append(f', <time datetime="{_h(s.published_iso)}">{_h(s.published_iso)}</time>')
        elif s.published:
            out.append(f", {_h(s.published)}")
        if full:
            out.append(f' · <a href="{_h(root)}sources/{_h(s.article_slug)}.html">events from this article</a>')
            if s.quote:
                out.append(f"<blockquote>{_h(s.quote)}</blockquote>")
        out.append("</li>\n")
    return "".join(out)


def item_html(ev: EventView, root: str, sources: Callable[[EventView, str, bool], str]) -> str:
    """The event in a full listing, as ``_event_item.html`` renders it."""
    slugs = " ".join(_h(a.slug) for a in ev.actors)
    when = f'<time datetime="{_h(ev.datetime)}">{_h(ev.label)}</time>' if ev.datetime else _h(ev.label)
    badge = ' <span class="badge">scheduled</span>' if ev.scheduled else ""
    out = [f'<li class="event" data-actors="{slugs}" data-type="{_h(ev.type_slug)}" data-month="{_h(ev.month)}">\n'
           f'<p class="meta">{when}{badge} · <a href="{_h(root)}types/{_h(ev.type_slug)}.html">{_h(ev.event.type)}</a>'
           f'</p>\n<h4 class="title"><a href="{_h(root)}{_h(ev.url)}">{_h(ev.event.title)}</a></h4>\n'
           f"{_h(ev.summary_html)}\n"]
    if ev.actors:
        out.append('<ul class="chips">' + "".join(f'<li><a href="{_h(root)}{_h(a.url)}">{_h(a.name)}</a></li>'
                                                  for a in ev.actors) + "</ul>")
    if ev.sources:
        count = len(ev.sources)
        out.append(f'<details><summary>{count} source{"s" if count != 1 else ""}</summary><ul class="sources">\n'
                   f"{_h(sources(ev, root, False))}</ul></details>\n")
    out.append("</li>\n")
    return "".join(out)


def line_html(ev: EventView, root: str) -> str:
    """The event in a compact listing, as ``_event_line.html`` renders it."""
    when = f'<time datetime="{_h(ev.datetime)}">{_h(ev.label)}</time>' if ev.datetime else _h(ev.label)
    badge = ' <span class="badge">scheduled</span>' if ev.scheduled else ""
    return (f'<li class="event" data-month="{_h(ev.month)}">{when}{badge}: '
            f'<a href="{_h(root)}{_h(ev.url)}">{_h(ev.event.title)}</a></li>\n')
