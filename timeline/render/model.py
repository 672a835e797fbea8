"""What the pages show, computed once: events in order, actors, pairs, types, months, articles.

Templates receive these views and never compute; every page of the site
reads the same views, so an event looks the same on the home page, its
month, its actor pages and its permalink.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Sequence

from markupsafe import Markup

from timeline.records import Actor, Article, Event, stable_hash
from timeline.render.dates import date_label, datetime_attr, iso_day, month_key, reading_order
from timeline.render.sanitize import render_markdown, safe_url

_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
TOP_CO_ACTORS = 10  # co-actors shown (and pair pages made) per actor


def slugify(text: str, *, limit: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens; never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return slug or "x-" + stable_hash(text, length=8)


def _actor_slugger() -> Any:
    # The actors stage owns slugs for actor names; fall back to ours until it offers one.
    try:
        from timeline.extract.actors import actor_slug  # type: ignore[attr-defined]
    except ImportError:
        return slugify
    return actor_slug


def file_id(raw: str) -> str:
    """An id as a file name: kept when already safe, else a slug plus a hash of the original."""
    if _SAFE_ID.fullmatch(raw):
        return raw
    return f"{slugify(raw, limit=40)}-{stable_hash(raw, length=8)}"


class SlugBook:
    """Hands out unique slugs: two names that slugify alike get a hash suffix each time."""

    def __init__(self, make: Any = slugify) -> None:
        self._make = make
        self._taken: dict[str, str] = {}
        self.given: dict[str, str] = {}  # name → its slug

    def __call__(self, name: str) -> str:
        if name in self.given:
            return self.given[name]
        slug = str(self._make(name)) or slugify(name)
        slug = slugify(slug) if not _SAFE_ID.fullmatch(slug) else slug
        if self._taken.get(slug, name) != name:
            slug = f"{slug}-{stable_hash(name, length=6)}"
        self._taken[slug] = name
        self.given[name] = slug
        return slug


@dataclass(slots=True)
class ActorView:
    name: str
    kind: str
    slug: str
    record: Actor | None = None
    events: list["EventView"] = field(default_factory=list)
    co_actors: list[tuple["ActorView", int]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"actors/{self.slug}.html"

    @property
    def role(self) -> str | None:
        roles = self.record.roles if self.record else ()
        # The latest title seen is the one a reader expects first.
        return max(roles, key=lambda r: (r.seen, r.title)).title if roles else None


@dataclass(slots=True)
class SourceView:
    article_slug: str
    title: str
    url: str | None
    outlet: str | None
    published: str | None
    quote: str

    @property
    def published_iso(self) -> str | None:
        """The published date when it is a valid ``<time datetime>`` value."""
        return self.published if self.published and _ISO_DAY.fullmatch(self.published) else None


@dataclass(slots=True)
class EventView:
    event: Event
    slug: str
    label: str
    datetime: str | None
    day: str | None
    month: str
    actors: list[ActorView]
    article_slugs: tuple[str, ...]  # of its sources, in their order
    type_slug: str
    digest: str = ""  # everything a page can show of it, see fingerprints.stamp_views
    updates: tuple[tuple[str, str], ...] = ()  # (build date, words), see render.changes
    _summary_html: Markup | None = None
    _sources: list[SourceView] | None = None

    @property
    def sources(self) -> list[SourceView]:
        """The sources as pages show them, made when a page first shows them: a rebuild shows few events."""
        if self._sources is None:
            self._sources = [SourceView(slug, s.title, safe_url(s.url), s.outlet, s.published, s.quote)
                             for s, slug in zip(self.event.sources, self.article_slugs)]
        return self._sources

    @property
    def summary_html(self) -> Markup:
        """The summary as HTML, made when a page first shows it: a rebuild shows few events."""
        if self._summary_html is None:
            self._summary_html = render_markdown(self.event.summary)
        return self._summary_html

    def forget(self) -> None:
        """Drop what its page and entries were made from, once they are made: no other page needs it."""
        self._summary_html = self._sources = None

    @property
    def url(self) -> str:
        return f"events/{self.slug}.html"

    @property
    def year(self) -> str:
        return self.month[:4] if self.month != "undated" else "undated"

    @property
    def scheduled(self) -> bool:
        return self.event.status == "scheduled"


@dataclass(slots=True)
class ArticleView:
    slug: str
    title: str
    url: str | None
    outlet: str | None
    published: str | None
    events: list[EventView] = field(default_factory=list)

    @property
    def page(self) -> str:
        return f"sources/{self.slug}.html"


@dataclass
class SiteModel:
    events: list[EventView]  # chronological, oldest first
    actors: dict[str, ActorView]
    by_month: dict[str, list[EventView]]
    by_type: dict[str, list[EventView]]
    articles: dict[str, ArticleView]
    pairs: dict[tuple[str, str], list[EventView]]
    build_date: str | None
    type_slugs: dict[str, str]
    event_slugs: frozenset[str] = frozenset()  # of every event shown, each with a page


def registry_actors(registry: Any) -> dict[str, Actor]:
    """Actors of the registry by name, whatever shape the registry object has today."""
    if registry is None:
        return {}
    items: Iterable[Any]
    if isinstance(registry, dict):
        items = registry.values()
    elif hasattr(registry, "actors"):
        items = registry.actors.values() if isinstance(registry.actors, dict) else registry.actors
    else:
        try:
            items = iter(registry)
        except TypeError:
            return {}
    return {a.name: a for a in items if isinstance(a, Actor)}


def build_model(events: Sequence[Event], registry: Any, articles: Sequence[Article],
                build_date: str | None) -> SiteModel:
    known = registry_actors(registry)
    lookup = getattr(registry, "lookup", None)

    def record_of(name: str) -> Actor | None:
        # The registry's own lookup also knows aliases; an exact name is the fallback.
        found = lookup(name) if callable(lookup) else None
        return found if isinstance(found, Actor) else known.get(name)

    records = {ref.name: record_of(ref.name) for e in events if not e.hidden for ref in e.actors}
    hidden_names = {name for name, actor in records.items() if actor is not None and actor.hidden}
    actor_slug, article_slug, type_slug = SlugBook(_actor_slugger()), SlugBook(file_id), SlugBook()
    article_slugs = article_slug.given  # looked up first: an article is a source of many events
    event_slugs = SlugBook(file_id)
    actors: dict[str, ActorView] = {}
    article_records = {a.id: a for a in articles}
    views: dict[str, ArticleView] = {}

    # Events share dates: each distinct value is parsed once.
    order = {value: reading_order(value) for value in {e.date for e in events}}
    # A day's events open on its most important: the verdict before the fans outside the court.
    visible = sorted((e for e in events if not e.hidden), key=lambda e: (order[e.date], -e.importance, e.id))
    shown: dict[tuple[str, str | None], tuple[str, str | None, str | None, str]] = {}
    out: list[EventView] = []
    for event in visible:
        when = (event.date, _mod(event))
        facts = shown.get(when)
        if facts is None:
            facts = shown[when] = (date_label(*when), datetime_attr(event.date), iso_day(event.date),
                                   month_key(event.date))
        chips: list[ActorView] = []
        for ref in event.actors:
            if ref.name in hidden_names or any(c.name == ref.name for c in chips):
                continue
            view = actors.get(ref.name)
            if view is None:
                record = records[ref.name]
                view = ActorView(ref.name, record.kind if record else ref.kind, actor_slug(ref.name), record)
                actors[ref.name] = view
            chips.append(view)
        slugs = tuple([article_slugs.get(s.article) or article_slug(s.article) for s in event.sources])
        ev = EventView(event, event_slugs(event.id), *facts, chips, slugs, type_slug(event.type or "other"))
        out.append(ev)
        for actor in chips:
            actor.events.append(ev)
        for source, slug in zip(event.sources, slugs):
            article = views.get(slug)
            if article is None:
                read = article_records.get(source.article)
                article = views[slug] = ArticleView(
                    slug, read.title if read else source.title,
                    safe_url(read.url if read else source.url), read.outlet if read else source.outlet,
                    read.published.isoformat() if read and read.published else source.published)
            if not article.events or article.events[-1] is not ev:
                article.events.append(ev)

    by_month: dict[str, list[EventView]] = defaultdict(list)
    by_type: dict[str, list[EventView]] = defaultdict(list)
    for ev in out:
        by_month[ev.month].append(ev)
        by_type[ev.event.type or "other"].append(ev)
    pairs = _pairs(out, actors)
    return SiteModel(
        events=out, actors=dict(sorted(actors.items())), by_month=dict(by_month),
        by_type=dict(sorted(by_type.items())), articles=dict(sorted(views.items())), pairs=pairs,
        build_date=build_date or _newest_date(articles, out),
        type_slugs={t: type_slug(t) for t in sorted(by_type)}, event_slugs=frozenset(ev.slug for ev in out),
    )


def newest_first(events: Sequence[EventView]) -> list[EventView]:
    """``events`` (in reading order) from the newest date back, each date's events still
    opening on the most important."""
    runs: list[list[EventView]] = []
    for ev in events:
        if runs and runs[-1][0].event.date == ev.event.date:
            runs[-1].append(ev)
        else:
            runs.append([ev])
    return [ev for run in reversed(runs) for ev in run]


def _mod(event: Event) -> str | None:
    # The modifier ("early", "c.") travels with the date evidence when the temporal stage knows it.
    return getattr(event, "mod", None) or getattr(event.evidence, "mod", None)


def _pairs(events: list[EventView], actors: dict[str, ActorView]) -> dict[tuple[str, str], list[EventView]]:
    """Co-actor counts for every actor, and the shared events of each linked pair."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for ev in events:
        names = [a.name for a in ev.actors]
        for a in names:
            for b in names:
                if a != b:
                    counts[a][b] += 1
    linked: set[tuple[str, str]] = set()
    for name, counter in counts.items():
        top = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_CO_ACTORS]
        actors[name].co_actors = [(actors[other], n) for other, n in top]
        linked.update(tuple(sorted((name, other))) for other, _ in top)  # type: ignore[misc]
    pairs: dict[tuple[str, str], list[EventView]] = {pair: [] for pair in sorted(linked)}
    for ev in events:
        names = sorted(a.name for a in ev.actors)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if (a, b) in pairs:
                    pairs[(a, b)].append(ev)
    return pairs


def pair_url(a: ActorView, b: ActorView) -> str:
    first, second = sorted((a, b), key=lambda v: v.name)
    return f"pairs/{first.slug}--{second.slug}.html"


def _newest_date(articles: Sequence[Article], events: list[EventView]) -> str | None:
    """The site's date when config gives none: the newest article, else the newest past event."""
    published = [a.published for a in articles if isinstance(a.published, date)]
    if published:
        return max(published).isoformat()
    days = [ev.day for ev in events if ev.day and not ev.scheduled]
    return max(days) if days else None
