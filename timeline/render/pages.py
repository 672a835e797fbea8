"""The HTML pages of the site as parts (see ``parts``), one function per kind of page.

Each part declares in its inputs what its pages show besides the scope (see
``fingerprints``): the digests of the events it lists, and what else its
template shows. A part whose inputs are unchanged is taken from the cache, not
rendered, so a template that starts to show something more must be declared
here too; the tests compare a rebuilt site with a clean one to hold that.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from itertools import islice
from typing import Any, Collection, Sequence

from timeline.config import Config
from timeline.data import load_data
from timeline.merge import selection
from timeline.render.charts import Chart
from timeline.render.dates import month_label
from timeline.render.exports import csv_row, json_row, slide
from timeline.render.fingerprints import digest
from timeline.render.focus import Focus
from timeline.render.model import ActorView, EventView, SiteModel, SourceView, file_id, newest_first, pair_url
from timeline.render.parts import Entries, Part, Rendered
from timeline.render.reporting import Reporting, reporting
from timeline.render.sanitize import json_for_script, plain_text
from timeline.render.templating import LISTING_BYTES, Listed, Renderer, group_by_month, pages_of

KEY_PER_MONTH = 3  # events per month under the key events
TOP_FILTER_ACTORS = 30  # actor links in the home filter bar; the actor index lists all
FILTER_ARTICLES = 2  # ... each named in the story's events by at least this many articles
KIND_TITLES = {
    "country": "Countries and governments", "person": "People", "organisation": "Organisations",
    "group": "Groups", "place": "Places",
}


def ordered(events: list[EventView], cfg: Config) -> list[EventView]:
    return newest_first(events) if cfg.site.order == "newest" else events


def page_part(r: Renderer, template: str, path: str, shows: Any, **context: Any) -> Part:
    """One page; ``shows`` is all of ``context`` it shows."""
    return Part(digest(template, path, shows), lambda: Rendered((r.page(template, path, **context),)))


def listing_parts(r: Renderer, template: str, base: str, events: Sequence[EventView], shows: Any, *,
                  full: bool = True, first_only: Any = None, **context: Any) -> list[Part]:
    """A part per page of a listing; ``shows`` is what every page shows of ``context`` besides
    its events and pager, ``first_only`` what only the first page shows."""
    shown = digest(template, full, shows)
    parts = []
    for listed in r.listing(base, events, full=full):
        inputs = digest(shown, listed.path, listed.pager, first_only if listed.pager["index"] == 1 else None,
                        [ev.digest for ev in listed.events])
        parts.append(Part(inputs, partial(listing_page, r, template, listed, context)))
    return parts


def listing_page(r: Renderer, template: str, listed: Listed, context: dict[str, Any]) -> Rendered:
    page = r.page(template, listed.path, groups=group_by_month(listed.events), pager=listed.pager, **context)
    return Rendered((page,))


RELATED_LINKS = 8  # background events an event page links to, and events a background page names


def related(model: SiteModel, places: dict[str, list[EventView]]) -> dict[int, list[EventView]]:
    """For each event in focus, the background events its reports mention (an event of the same
    source article); for each background event, the events in focus whose reports mention it."""
    background = {id(ev) for ev in places["background"]}
    links: dict[int, list[EventView]] = {}
    if not background:
        return links
    for article in model.articles.values():
        earlier = [ev for ev in article.events if id(ev) in background]
        if not earlier:
            continue
        now = [ev for ev in article.events if id(ev) not in background]
        for ev in now:
            found = links.setdefault(id(ev), [])
            found += [b for b in earlier if b not in found][: RELATED_LINKS - len(found)]
        for b in earlier:
            found = links.setdefault(id(b), [])
            found += [ev for ev in now if ev not in found][: RELATED_LINKS - len(found)]
    return links


def event_parts(r: Renderer, model: SiteModel, cfg: Config,
                places: dict[str, list[EventView]] | None = None) -> list[Part]:
    """A part per event, in ``model.events`` order: its page, the pages of its old addresses, and
    its entries, which its listings and the exports show."""
    events = model.events
    links = related(model, places) if places else {}
    background = {id(ev) for ev in places["background"]} if places else set()
    parts = []
    for index, ev in enumerate(events):
        prev_ev = events[index - 1] if index else None
        next_ev = events[index + 1] if index + 1 < len(events) else None
        linked = links.get(id(ev), [])
        # The rest of the page follows from the event: its digest stands for all of it.
        shows = (ev.digest, prev_ev and (prev_ev.slug, prev_ev.event.title),
                 next_ev and (next_ev.slug, next_ev.event.title), redirects(ev, model.event_slugs),
                 id(ev) in background, [(other.slug, other.event.title, other.label) for other in linked])
        parts.append(Part(digest("event.html", shows),
                          partial(event_part, r, model, cfg, index, linked, id(ev) in background)))
    return parts


def event_part(r: Renderer, model: SiteModel, cfg: Config, index: int, linked: list[EventView] | None = None,
               is_background: bool = False) -> Rendered:
    ev = model.events[index]
    files = [r.page("redirect.html", path, target=ev) for path in redirects(ev, model.event_slugs)]
    reported = reporting(ev.event)
    files.append(event_page(r, model, cfg, ev, index, linked or [], is_background, reported))
    item, line = r.make_entries(ev)
    entries = Entries(item, line, json_row(ev, reported), csv_row(ev), slide(ev))
    ev.forget()
    return Rendered(tuple(files), (entries,))


def page_parts(r: Renderer, model: SiteModel, cfg: Config, places: dict[str, list[EventView]],
               focus: Focus) -> list[Part]:
    """Every other page: listings, indexes, search and 404."""
    parts = home(r, model, cfg, places, focus) + [key_events(r, model, cfg, places["focus"]), archive(r, model),
                                                  actor_index(r, model)]
    for place, title in (("background", "Background"), ("ahead", "Ahead"), ("review", "For review")):
        if place == "review" and not places[place]:
            continue  # a page for review only when something is off the subject
        parts += listing_parts(r, f"{place}.html", f"{place}.html", ordered(places[place], cfg),
                               (focus.label, title), full=False, focus=focus)
    months = list(model.by_month)
    for i, (key, events) in enumerate(model.by_month.items()):
        prev_month = months[i - 1] if i else None
        next_month = months[i + 1] if i + 1 < len(months) else None
        parts += listing_parts(r, "month.html", f"months/{key}.html", ordered(events, cfg),
                               (key, prev_month, next_month), title=month_label(key),
                               prev_month=prev_month, next_month=next_month)
    for kind, events in model.by_type.items():
        chart = Chart((e.day for e in events), f"Events of type {kind}")
        parts += listing_parts(r, "type.html", f"types/{model.type_slugs[kind]}.html", ordered(events, cfg),
                               (kind, chart.inputs), full=False, kind=kind, chart=chart)
    for actor in model.actors.values():
        parts += actor_page(r, model, cfg, actor)
    for (a, b), events in (model.pairs.items() if cfg.site.pair_pages else ()):
        first, second = model.actors[a], model.actors[b]
        page = pair_url(first, second)
        feed = page.rsplit("/", 1)[-1][: -len(".html")] + ".atom"
        parts += listing_parts(r, "pair.html", page, ordered(events, cfg),
                               (first.name, first.url, second.name, second.url, feed), full=False,
                               first=first, second=second, feed=feed)
    for article in model.articles.values():
        parts += listing_parts(r, "source.html", article.page, ordered(article.events, cfg),
                               (article.title, article.outlet, article.published, article.url), full=False,
                               article=article)
    # The filters' values are written into the page: the script need not load them from every shard.
    options = search_options(model)
    parts.append(page_part(r, "search.html", "search.html", options, options=options))
    # GitHub Pages serves 404.html at any depth, so its links start from base_url, not "../".
    parts.append(page_part(r, "404.html", "404.html", (), root=cfg.base_url))
    return parts


def redirects(ev: EventView, live: Collection[str]) -> list[str]:
    """The pages that send an event's old addresses to it: an old id never shadows a live event's page."""
    if not ev.event.aliases:
        return []
    return [f"events/{old}.html" for old in (file_id(alias) for alias in sorted(set(ev.event.aliases)))
            if old not in live]


def search_options(model: SiteModel) -> dict[str, list[str]]:
    """The values of each search filter, as event pages give them to Pagefind (see event.html)."""
    return {
        "actor": sorted(model.actors),
        "type": sorted({str(ev.event.type) for ev in model.events}),
        "year": sorted({ev.year for ev in model.events if ev.datetime}),
    }


def filter_actors(model: SiteModel, events: list[EventView]) -> list[ActorView]:
    """The actors of the filter bar: those the most articles report in ``events`` (the story's),
    each in at least ``FILTER_ARTICLES``. A name one article drops in passing (a footballer on a
    sports page, a speaker at another story's conference) stays in the actor index, off the bar."""
    articles: dict[str, set[str]] = {}
    for ev in events:
        for a in ev.event.actors:
            articles.setdefault(a.name, set()).update(s.article for s in ev.event.sources)
    kept = [a for a in model.actors.values() if len(articles.get(a.name, ())) >= FILTER_ARTICLES]
    return sorted(kept, key=lambda a: (-len(articles[a.name]), a.name))[:TOP_FILTER_ACTORS]


def filter_choices(model: SiteModel, events: list[EventView]) -> dict[str, Any]:
    """The home page's filters, over ``events`` (those in focus): no stray date stretches the years."""
    top = filter_actors(model, events)
    months = Counter(ev.month for ev in events if ev.month != "undated")
    return {
        "actors": sorted(top, key=lambda a: a.name),
        "more_actors": len(model.actors) > len(top),
        "types": [(kind, model.type_slugs[kind], len(events)) for kind, events in model.by_type.items()],
        "months": [(key, month_label(key), months[key]) for key in sorted(months)],
        "years": sorted({key[:4] for key in months}),
    }


def home(r: Renderer, model: SiteModel, cfg: Config, places: dict[str, list[EventView]], focus: Focus) -> list[Part]:
    events = places["focus"]
    filters = filter_choices(model, events)
    chart = Chart((focus.opening(e.day) for e in events), "Events of the story")
    aside = {place: len(places[place]) for place in ("background", "ahead", "review")}
    # Only the first page shows the chart and the count: both change with every new event.
    shows = ([(a.url, a.slug, a.name) for a in filters["actors"]], filters["more_actors"],
             [(kind, slug) for kind, slug, _ in filters["types"]], filters["years"],
             [(key, label) for key, label, _ in filters["months"]])
    listed, rest = home_events(r, ordered(events, cfg), cfg.site.home_pages, cfg.site.order == "newest")
    return listing_parts(r, "index.html", "index.html", listed, (shows, rest),
                         first_only=(len(events), chart.inputs, aside, focus.label), filters=filters,
                         total=len(events), chart=chart, aside=aside, focus=focus, rest=rest)


def home_events(r: Renderer, events: list[EventView], pages: int,
                newest: bool) -> tuple[list[EventView], dict[str, Any] | None]:
    """The events of the home listing's first ``pages`` pages (all with 0), and where the others
    are: the month of the first one left out, whose page and those beyond it list them. A large
    timeline's home listing would otherwise repeat its month pages."""
    if not pages or len(events) <= pages * r.site["page_size"]:  # fewer events than the pages can hold
        return events, None
    chunks = list(islice(pages_of(events, r.site["page_size"], LISTING_BYTES, r.item_size), pages + 1))
    if len(chunks) <= pages:
        return events, None
    shown = sum(len(chunk) for chunk in chunks[:pages])
    key = events[shown].month
    return list(events[:shown]), {"key": key, "label": month_label(key), "count": len(events) - shown,
                                  "earlier": newest}


def key_events(r: Renderer, model: SiteModel, cfg: Config, story: list[EventView]) -> Part:
    """The key events (``timeline.merge.selection``: no repeats, spread over the story),
    then the best few of each month (in the site's order, months and the events of each), chosen
    among the ``story``'s events (those in the focus: an earlier earthquake a report recalls is
    background, not a key event of this one)."""
    views = {id(e.event): e for e in story}
    chosen = {id(e) for e in selection.key_events([e.event for e in story], cfg.site.key_events)}
    events = ordered([e for e in story if id(e.event) in chosen], cfg)
    newest = cfg.site.order == "newest"
    months = [(month_label(key), [views[id(e)] for e in best])
              for key, best in selection.per_month([e.event for e in story], KEY_PER_MONTH).items()]
    months = [(label, newest_first(best) if newest else best) for label, best in months]
    months = months[::-1] if newest else months
    return page_part(r, "key_events.html", "key-events.html",
                     ([e.digest for e in events], [(label, [e.digest for e in best]) for label, best in months]),
                     groups=group_by_month(events), months=months)


def archive(r: Renderer, model: SiteModel) -> Part:
    years: dict[str, list[tuple[str, str, int]]] = {}
    for key, events in model.by_month.items():
        years.setdefault(key[:4] if key != "undated" else "Undated", []).append(
            (key, month_label(key), len(events)))
    types = [(kind, model.type_slugs[kind], len(events)) for kind, events in model.by_type.items()]
    return page_part(r, "archive.html", "archive.html", (years, types), years=years, types=types)


def dating_source(ev: EventView) -> SourceView | None:
    """The source whose sentence dated the event, as best the store tells.

    Merged events carry several sources; the first is not always the one the
    date came from. Best is a source that gives the event's own date and whose
    quote holds the time expression; then either of the two; then any quote.
    """
    evidence = ev.event.evidence
    expression = (evidence.expression or "").casefold() if evidence else ""
    best: SourceView | None = None
    best_rank = 0
    for record, view in zip(ev.event.sources, ev.sources):
        holds = bool(expression) and expression in view.quote.casefold()
        rank = 2 * holds + (record.reported_date == ev.event.date) + bool(view.quote)
        if rank > best_rank:  # strictly better: ties keep the earlier source
            best, best_rank = view, rank
    return best


def explain_rule(rule: str | None) -> str | None:
    """The plain-words meaning of a dating rule: the longest known key that starts it."""
    if not rule:
        return None
    known = load_data("date_rules.yaml") or {}
    for end in range(len(rule), 0, -1):
        if (end == len(rule) or rule[end] == "-") and rule[:end] in known:
            return known[rule[:end]]
    return None


def why_this_date(ev: EventView) -> dict[str, Any]:
    """The evidence for an event's date, in the words the event page shows."""
    evidence = ev.event.evidence
    source = dating_source(ev)
    quote = source.quote if source else ""
    published = source.published if source and source.published else next(
        (s.published for s in ev.sources if s.published), None)
    if evidence is None or evidence.expression is None or evidence.rule == "publication-date":
        return {"by_publication": True, "published": published, "quote": quote,
                "rule": evidence.rule if evidence else None,
                "explanation": explain_rule(evidence.rule if evidence else "publication-date")}
    return {"by_publication": False, "quote": quote, "expression": evidence.expression,
            "value": evidence.value, "rule": evidence.rule, "explanation": explain_rule(evidence.rule)}


def event_page(r: Renderer, model: SiteModel, cfg: Config, ev: EventView, index: int,
               linked: list[EventView] | None = None, is_background: bool = False,
               reported: Reporting | None = None) -> tuple[str, bytes]:
    events = model.events
    prev_ev = events[index - 1] if index else None
    next_ev = events[index + 1] if index + 1 < len(events) else None
    description = plain_text(ev.event.summary)[:300]
    return r.event_page(ev.url, ev=ev, prev_ev=prev_ev, next_ev=next_ev, why=why_this_date(ev),
                  reported=reported, linked=linked or [], is_background=is_background,
                  description=description, jsonld=json_for_script(event_jsonld(ev, cfg)),
                  type_slug=model.type_slugs[ev.event.type or "other"])


def event_jsonld(ev: EventView, cfg: Config) -> dict[str, Any]:
    # No description: the page's description meta tag carries it, once.
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": ev.event.title,
        "eventStatus": "https://schema.org/EventScheduled",
        "performer": [
            {"@type": "Person" if a.kind == "person" else "Organization", "name": a.name}
            for a in ev.actors if a.kind in ("person", "organisation", "country", "group")
        ],
    }
    if ev.datetime:
        data["startDate"] = ev.datetime
    if ev.event.place:
        data["location"] = {"@type": "Place", "name": ev.event.place}
    if cfg.site_url:
        data["url"] = f"{cfg.site_url}{cfg.base_url}{ev.url}"
    return data


def actor_index(r: Renderer, model: SiteModel) -> Part:
    kinds: dict[str, list[ActorView]] = {}
    for actor in model.actors.values():
        kinds.setdefault(actor.kind, []).append(actor)
    order = list(KIND_TITLES) + sorted(k for k in kinds if k not in KIND_TITLES)
    sections = [(KIND_TITLES.get(k, k.capitalize()), k, kinds[k]) for k in order if k in kinds]
    shows = [(title, kind, [(a.url, a.name, len(a.events)) for a in actors]) for title, kind, actors in sections]
    return page_part(r, "actors.html", "actors.html", shows, sections=sections)


def actor_page(r: Renderer, model: SiteModel, cfg: Config, actor: ActorView) -> list[Part]:
    co = [(other, n, pair_url(actor, other) if cfg.site.pair_pages else None) for other, n in actor.co_actors]
    chart = Chart((e.day for e in actor.events), f"Events of {actor.name}")
    shows = (actor.name, actor.kind, actor.slug, actor.record, len(actor.events),
             [(other.url, other.name, n, pair) for other, n, pair in co], chart.inputs)
    return listing_parts(r, "actor.html", actor.url, ordered(actor.events, cfg), (shows, cfg.site.actor_feeds),
                         full=False, actor=actor, co_actors=co, chart=chart, feed=cfg.site.actor_feeds)
