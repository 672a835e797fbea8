"""Synthetic timelines for the site's tests and render benchmark.

Deterministic (a seeded generator) so two runs render the same site, and
shaped like the real store: day and month precision, a few scheduled events,
several sources per event, actors drawn with a skew so some are busy.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from timeline.records import ActorRef, Article, DateEvidence, Event, Source, stable_hash

ACTORS = (
    ("Joe Biden", "person"), ("Vladimir Putin", "person"), ("Olaf Scholz", "person"),
    ("Emmanuel Macron", "person"), ("Volodymyr Zelenskyy", "person"), ("Jake Sullivan", "person"),
    ("Russia", "country"), ("Ukraine", "country"), ("United States", "country"), ("Germany", "country"),
    ("NATO", "organisation"), ("KLM", "organisation"), ("Kyiv", "place"), ("Donbas", "place"),
    ("Demonstrators", "group"),
)
TYPES = ("diplomacy", "military", "statement", "sanctions", "visit", "evacuation")
VERBS = ("spoke with", "warned", "met", "called on", "announced measures against", "travelled to")


def sample_articles(count: int, start: date = date(2022, 1, 1)) -> list[Article]:
    return [
        Article(id=f"article-{n:05d}", path=f"article-{n:05d}.md", title=f"Report number {n}",
                text="", published=start + timedelta(days=n % 700), url=f"https://news.example.org/{n}",
                outlet="Example Wire")
        for n in range(count)
    ]


def sample_events(count: int, *, seed: int = 7, start: date = date(2022, 1, 1), days: int = 730,
                  extra_actors: int = 0) -> list[Event]:
    """``count`` events over ``days`` days from ``start``; ``extra_actors`` adds rarely seen names."""
    rng = random.Random(seed)
    pool = list(ACTORS) + [(f"Official {n}", "person") for n in range(extra_actors)]
    weights = [1.0 / (rank + 1) for rank in range(len(pool))]  # a few actors are in most events
    articles = max(1, count // 5)
    events = []
    for n in range(count):
        day = start + timedelta(days=rng.randrange(days))
        month_only = rng.random() < 0.1
        value = f"{day:%Y-%m}" if month_only else day.isoformat()
        chosen = {name: kind for name, kind in rng.choices(pool, weights=weights, k=rng.randint(1, 4))}
        names = list(chosen)
        first = names[0]
        other = names[1] if len(names) > 1 else "reporters"
        verb = rng.choice(VERBS)
        sources = tuple(
            Source(article=f"article-{(n + k * 7) % articles:05d}", title=f"Report number {(n + k * 7) % articles}",
                   published=(day + timedelta(days=1)).isoformat(),
                   url=f"https://news.example.org/{(n + k * 7) % articles}", outlet="Example Wire",
                   quote=f"{first} {verb} {other} on {day:%A}, officials said.")
            for k in range(rng.randint(1, 3))
        )
        events.append(Event(
            id=stable_hash("sample", n), date=value, precision="month" if month_only else "day",
            status="scheduled" if rng.random() < 0.05 else "occurred",
            title=f"{first} {verb} {other}", summary=f"{first} {verb} {other}, according to {len(sources)} report(s).",
            type=rng.choice(TYPES), actors=tuple(ActorRef(name, chosen[name]) for name in names),
            sources=sources,
            evidence=None if month_only else DateEvidence("weekday-past", f"on {day:%A}", value),
            importance=round(rng.random(), 3),
        ))
    return events
