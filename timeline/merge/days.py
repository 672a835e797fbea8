"""Which days of a collection matter: day salience from what the whole collection says.

Timeline-summarisation methods find the strongest signal of an important day in how the
articles refer to it: how many distinct articles date something to it by a time expression
("on March 17 the Security Council …"), how many do so days or weeks later, beside how many
articles were published on it and the day after. Per day, ``features`` counts them (each
on a log scale), and ``salience`` weighs them with a logistic model whose weights are
data (``data/day_salience.yaml``, written by ``evaluation/train_day_salience.py`` from the
dev collections and the days their journalists' timelines chose). The salience is the
model's probability that a news desk would put the day on its timeline, between 0 and 1.

Everything is counted in one pass over the happenings, in time linear in their number.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

from timeline.data import load_data
from timeline.records import Happening

PUBLICATION = "publication-date"  # the evidence rule of a happening dated by its article's day
FINE = ("day", "time")
LEAD = 2  # sentences that make an article's lead
LATER = 7  # days after which a reference counts as looking back from far

# The features, in the order of the weights in data/day_salience.yaml.
FEATURES = (
    "published",       # articles published on the day
    "published_next",  # articles published the day after (news of the day is reported the next)
    "referred",        # articles that date a happening to the day by a time expression
    "referred_later",  # ... published after the day
    "referred_long",   # ... published more than LATER days after it
    "referred_lead",   # ... in their first LEAD sentences
    "happenings",      # happenings dated to the day, however
    "span",            # days between the first and the last article dating a happening to it
    "sentences",       # sentences that date a happening to the day by a time expression
    "referred_other",  # articles published on another day (before or after) that date a happening to it
)


def _log(n: float) -> float:
    return math.log2(1 + n)


def features(happenings: Iterable[Happening], published: dict[str, str | None]) -> dict[str, list[float]]:
    """Per day (published on, or referred to at day precision): the ``FEATURES``, each
    log2(1 + count). A day's features depend only on the articles about it and the day
    before, so that an article added to the collection moves only the days it speaks of."""
    issued: dict[str, int] = defaultdict(int)
    for day in published.values():
        if day:
            issued[day] += 1
    referred: dict[str, set[str]] = defaultdict(set)
    later: dict[str, set[str]] = defaultdict(set)
    long: dict[str, set[str]] = defaultdict(set)
    lead: dict[str, set[str]] = defaultdict(set)
    told: dict[str, int] = defaultdict(int)
    when: dict[str, list[str]] = defaultdict(list)
    sentences: dict[str, int] = defaultdict(int)
    other: dict[str, set[str]] = defaultdict(set)
    for h in happenings:
        if h.precision not in FINE:
            continue
        day = h.date[:10]
        told[day] += 1
        if h.evidence.rule == PUBLICATION:
            continue
        referred[day].add(h.article_id)
        sentences[day] += 1
        if h.sentence_index < LEAD:
            lead[day].add(h.article_id)
        on = published.get(h.article_id)
        if not on:
            continue
        when[day].append(on)
        if on != day:
            other[day].add(h.article_id)
        if on > day:
            later[day].add(h.article_id)
            if on > _shift(day, LATER):
                long[day].add(h.article_id)
    days = sorted(set(issued) | set(referred))
    rows: dict[str, list[float]] = {}
    for day in days:
        dates = when.get(day)
        span = (date.fromisoformat(max(dates)) - date.fromisoformat(min(dates))).days if dates else 0
        rows[day] = [_log(issued.get(day, 0)), _log(issued.get(_shift(day, 1), 0)),
                     _log(len(referred.get(day, ()))), _log(len(later.get(day, ()))),
                     _log(len(long.get(day, ()))), _log(len(lead.get(day, ()))),
                     _log(told.get(day, 0)), _log(span), _log(sentences.get(day, 0)),
                     _log(len(other.get(day, ())))]
    return rows


def _shift(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


@dataclass(frozen=True)
class Model:
    """The logistic model of ``data/day_salience.yaml``."""

    weights: tuple[float, ...]  # one per feature of ``FEATURES``
    intercept: float = 0.0
    neighbours: int = 0  # days either side whose better score marks a day as its echo ...
    echo: float = 0.0  # ... and what such an echo loses, in log-odds


@lru_cache(maxsize=1)
def model() -> Model:
    data = load_data("day_salience.yaml") or {}
    weights = data.get("weights") or {}
    return Model(tuple(float(weights.get(name, 0.0)) for name in FEATURES), float(data.get("intercept", 0.0)),
                 int(data.get("neighbours", 0)), float(data.get("echo", 0.0)))


def log_odds(rows: dict[str, list[float]], m: Model) -> dict[str, float]:
    """Per day, the model's log-odds. A happening is reported over the days around it, and a
    timeline lists it once: a day with a better-scored day within ``neighbours`` days is
    its echo and loses ``echo``."""
    z = {day: m.intercept + sum(w * x for w, x in zip(m.weights, row)) for day, row in rows.items()}
    if m.neighbours <= 0 or m.echo == 0:
        return z
    out = {}
    for day, score in z.items():
        near = (z.get(_shift(day, k)) for k in range(-m.neighbours, m.neighbours + 1) if k)
        out[day] = score - m.echo if any(other is not None and other > score for other in near) else score
    return out


def salience(rows: dict[str, list[float]], m: Model | None = None) -> dict[str, float]:
    """Per day, the model's probability that the day belongs on the story's timeline,
    rounded to two decimals (the store must not move over digits no reader sees)."""
    z = log_odds(rows, m or model())
    return {day: round(1 / (1 + math.exp(-max(min(v, 30.0), -30.0))), 2) for day, v in z.items()}
