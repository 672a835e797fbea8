"""The HTML pages of the site, one function per kind of page.

Each page declares in ``deps`` what its template shows besides the events it
lists (those count by their digests, see ``depends``): a page whose
declaration is unchanged is linked from the live site, not rendered. So a
template that starts to show something more must be declared here too; the
tests compare a rebuilt site with a clean one to hold that.
"""

from __future__ import annotations

from typing import Any, Callable, Collection, Iterable

from timeline.config import Config
from timeline.data import load_data
from timeline.render.charts import Chart
from timeline.render.dates import month_label
from timeline.render.depends import digest
from timeline.render.model import ActorView, ArticleView, EventView, SiteModel, SourceView, file_id, pair_url
from timeline.render.sanitize import json_for_script, plain_text
from timeline.render.templating import Renderer, group_by_month

TOP_FILTER_ACTORS = 30  # actor links in the home filter bar; the actor index lists all
KIND_TITLES = {
    "country": "Countries and governments", "person": "People", "organisation": "Organisations",
    "group": "Groups", "place": "Places",
}


def ordered(events: list[EventView], cfg: Config) -> list[EventView]:
    return events[::-1] if cfg.site.order == "newest" else events


EVENT_BATCH = 500  # event pages per task: small enough to share out evenly, big enough to be cheap to hand out
EVENT_GROUP = 50  # event pages taken as a whole from the live site: an edit reaches one or two groups


def render_pages(r: Renderer, model: SiteModel, cfg: Config) -> None:
    for task in page_tasks(r, model, cfg):
        task()


def page_tasks(r: Renderer, model: SiteModel, cfg: Config, staged: Collection[int] = ()) -> list[Callable[[], None]]:
    """The pages as independent tasks, the costliest first so that parallel workers end together.

    Home, key events and months share one task: they list the same events in
    full, and one process renders each event's listing entry once for all three.
    ``staged`` are the indexes of events whose pages ``event_pages`` made already.
    """
    def chronology() -> None:
        home(r, model, cfg)
        key_events(r, model, cfg)
        archive(r, model)
        months = list(model.by_month)
        for i, (key, events) in enumerate(model.by_month.items()):
            prev_month = months[i - 1] if i else None
            next_month = months[i + 1] if i + 1 < len(months) else None
            r.listing("month.html", f"months/{key}.html", ordered(events, cfg), title=month_label(key),
                      prev_month=prev_month, next_month=next_month, deps=(key, prev_month, next_month))

    def types() -> None:
        for kind, events in model.by_type.items():
            chart = Chart((e.day for e in events), f"Events of type {kind}")
            r.listing("type.html", f"types/{model.type_slugs[kind]}.html", ordered(events, cfg), full=False,
                      kind=kind, chart=chart, deps=(kind, chart.inputs))

    def actors() -> None:
        actor_index(r, model)
        for actor in model.actors.values():
            actor_page(r, model, cfg, actor)

    def pairs() -> None:
        for (a, b), events in model.pairs.items():
            first, second = model.actors[a], model.actors[b]
            r.listing("pair.html", pair_url(first, second), ordered(events, cfg), full=False,
                      first=first, second=second, deps=(first.name, first.url, second.name, second.url))

    def sources(chunk: list[ArticleView]) -> Callable[[], None]:
        def run() -> None:
            for article in chunk:
                r.listing("source.html", article.page, ordered(article.events, cfg), full=False, article=article,
                          deps=(article.title, article.outlet, article.published, article.url))
        return run

    def events(start: int) -> Callable[[], None]:
        def run() -> None:
            end = min(start + EVENT_BATCH, len(model.events))
            for first in range(start, end, EVENT_GROUP):
                event_group(r, model, cfg, first, min(first + EVENT_GROUP, end), staged)
        return run

    def small() -> None:
        # The filters' values are written into the page: the script need not load them from every shard.
        options = search_options(model)
        r.page("search.html", "search.html", filters=filter_choices(model), options=options, deps=options)
        # GitHub Pages serves 404.html at any depth, so its links start from base_url, not "../".
        r.page("404.html", "404.html", root=cfg.base_url, deps=())

    articles = list(model.articles.values())
    return ([chronology, types, actors, pairs]
            + [sources(articles[i:i + EVENT_BATCH]) for i in range(0, len(articles), EVENT_BATCH)]
            + [events(i) for i in range(0, len(model.events), EVENT_BATCH)] + [small])


def event_group(r: Renderer, model: SiteModel, cfg: Config, first: int, end: int, staged: Collection[int]) -> None:
    """The pages of the events from ``first`` to ``end``, linked as a whole from the live site
    when none of those events and neither neighbour changed; ``staged`` ones are made already."""
    events = model.events
    paths = [path for ev in events[first:end] for path in (ev.url, *redirects(ev, model.event_slugs))]
    whole = digest("event.html", first == 0, end == len(events), paths,
                   [ev.digest for ev in events[max(0, first - 1):end + 1]])
    made = [i for i in range(first, end) if i in staged]
    if not made and r.writer.reuse_group(whole, lambda count: paths):
        return
    event_pages(r, model, cfg, [i for i in range(first, end) if i not in staged])
    r.writer.note_group(whole, len(paths))


def redirects(ev: EventView, live: Collection[str]) -> list[str]:
    """The pages that send an event's old addresses to it: an old id never shadows a live event's page."""
    if not ev.event.aliases:
        return []
    return [f"events/{old}.html" for old in (file_id(alias) for alias in sorted(set(ev.event.aliases)))
            if old not in live]


def event_pages(r: Renderer, model: SiteModel, cfg: Config, indexes: Iterable[int]) -> None:
    """The pages of the events at ``indexes`` in ``model.events``, with their old addresses."""
    for index in indexes:
        event_page(r, model, cfg, model.events[index], index, model.event_slugs)


def search_options(model: SiteModel) -> dict[str, list[str]]:
    """The values of each search filter, as event pages give them to Pagefind (see event.html)."""
    return {
        "actor": sorted(model.actors),
        "type": sorted({str(ev.event.type) for ev in model.events}),
        "year": sorted({ev.year for ev in model.events if ev.datetime}),
    }


def filter_choices(model: SiteModel) -> dict[str, Any]:
    top = sorted(model.actors.values(), key=lambda a: (-len(a.events), a.name))[:TOP_FILTER_ACTORS]
    return {
        "actors": sorted(top, key=lambda a: a.name),
        "more_actors": len(model.actors) > len(top),
        "types": [(kind, model.type_slugs[kind], len(events)) for kind, events in model.by_type.items()],
        "months": [(key, month_label(key), len(evs)) for key, evs in model.by_month.items() if key != "undated"],
        "years": sorted({key[:4] for key in model.by_month if key != "undated"}),
    }


def home(r: Renderer, model: SiteModel, cfg: Config) -> None:
    filters = filter_choices(model)
    chart = Chart((e.day for e in model.events), "All events")
    # Only the first page shows the chart and the count: both change with every new event.
    shown = ([(a.url, a.slug, a.name) for a in filters["actors"]], filters["more_actors"],
             [(kind, slug) for kind, slug, _ in filters["types"]], filters["years"],
             [(key, label) for key, label, _ in filters["months"]])
    r.listing("index.html", "index.html", ordered(model.events, cfg), filters=filters, total=len(model.events),
              chart=chart, deps=shown, first_only=(len(model.events), chart.inputs))


def key_events(r: Renderer, model: SiteModel, cfg: Config) -> None:
    ranked = sorted(model.events, key=lambda e: (-e.event.importance, e.day or "", e.slug))
    chosen = {id(e) for e in ranked[: cfg.site.key_events]}
    events = ordered([e for e in model.events if id(e) in chosen], cfg)
    r.page("key_events.html", "key-events.html", groups=group_by_month(events), deps=[e.digest for e in events])


def archive(r: Renderer, model: SiteModel) -> None:
    years: dict[str, list[tuple[str, str, int]]] = {}
    for key, events in model.by_month.items():
        years.setdefault(key[:4] if key != "undated" else "Undated", []).append(
            (key, month_label(key), len(events)))
    types = [(kind, model.type_slugs[kind], len(events)) for kind, events in model.by_type.items()]
    r.page("archive.html", "archive.html", years=years, types=types, deps=(years, types))


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
               live: Collection[str]) -> None:
    events = model.events
    prev_ev = events[index - 1] if index else None
    next_ev = events[index + 1] if index + 1 < len(events) else None
    for path in redirects(ev, live):
        r.page("redirect.html", path, target=ev, deps=(ev.slug, ev.event.title))
    # The rest of the page follows from the event: its digest stands for all of it.
    shown = (ev.digest, prev_ev and (prev_ev.slug, prev_ev.event.title),
             next_ev and (next_ev.slug, next_ev.event.title))
    if r.reused("event.html", ev.url, shown):
        return
    description = plain_text(ev.event.summary)[:300]
    r.page("event.html", ev.url, ev=ev, prev_ev=prev_ev, next_ev=next_ev, why=why_this_date(ev),
           description=description, jsonld=json_for_script(event_jsonld(ev, cfg, description)),
           type_slug=model.type_slugs[ev.event.type or "other"])


def event_jsonld(ev: EventView, cfg: Config, description: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": ev.event.title,
        "description": description,
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


def actor_index(r: Renderer, model: SiteModel) -> None:
    kinds: dict[str, list[ActorView]] = {}
    for actor in model.actors.values():
        kinds.setdefault(actor.kind, []).append(actor)
    order = list(KIND_TITLES) + sorted(k for k in kinds if k not in KIND_TITLES)
    sections = [(KIND_TITLES.get(k, k.capitalize()), k, kinds[k]) for k in order if k in kinds]
    shown = [(title, kind, [(a.url, a.name, len(a.events)) for a in actors]) for title, kind, actors in sections]
    r.page("actors.html", "actors.html", sections=sections, deps=shown)


def actor_page(r: Renderer, model: SiteModel, cfg: Config, actor: ActorView) -> None:
    co = [(other, n, pair_url(actor, other)) for other, n in actor.co_actors]
    chart = Chart((e.day for e in actor.events), f"Events of {actor.name}")
    shown = (actor.name, actor.kind, actor.slug, actor.record, len(actor.events),
             [(other.url, other.name, n, pair) for other, n, pair in co], chart.inputs)
    r.listing("actor.html", actor.url, ordered(actor.events, cfg), full=False, actor=actor, co_actors=co,
              chart=chart, deps=shown)
