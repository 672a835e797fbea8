"""Which days of a collection matter: day salience from what the whole collection says.

Timeline-summarisation methods find the strongest signal of an important day in how the
articles refer to it by a date expression ("on March 17 the Security Council …"): how many
distinct articles do, how many do so after the day, how often, and in their lead, beside how
many articles were published on it. Per day, ``features`` counts them, each on a log scale,
beside how often the collection's happenings fall on the day's weekday (a story of markets
happens on trading days, a war's on any day: the days the articles name tell which) and how
many articles tell its protagonist acting on the day in a way that changes their standing (the
actor named in most articles, first actor of a happening of one of the ``standing_types``: elected,
charged, sworn in, sacked; a collection about one person over years lists these days), beside how
many tell the protagonist first actor of any happening on the day (a day they only spoke or met
someone is seldom one a desk lists: trained on the dev collections, this count weighs against
the day once its changes of standing are counted), the burst of publication the day set off
(the articles published on it and the next against the days around), and how many of its own
articles name the day before (a happening's reports of the next day tell it again, "the doctor
was found guilty on Monday": their day is the happening's echo, and weighs less than its
articles alone would make it);
``salience`` weighs them with a logistic model whose weights are data
(``data/day_salience.yaml``, written by ``evaluation/train_day_salience.py`` from the dev
collections and the days their journalists' timelines chose). The salience is the model's
probability that a news desk puts the day on its timeline, between 0 and 1.

A day's counts depend only on the articles about it and those published within three days of
it, so an article added to the collection moves the days it speaks of, the days around its
publication (their burst's baseline), and the weekday profile by a hair (one day among the
hundreds a collection names). Everything is counted in one pass over the references, in time linear in
their number.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from timeline.data import load_data
from timeline.records import Happening, Timex

PUBLICATION = "publication-date"  # the evidence rule of a happening dated by its article's day
LEAD_CHARS = 400  # an expression this close to an article's start is in its lead
WEEKDAY_PRIOR = 20  # days of each weekday a collection is taken to name before it names any

# The features, in the order of the weights in data/day_salience.yaml.
FEATURES = (
    "published",       # articles published on the day
    "referred",        # articles with a date expression naming the day
    "referred_later",  # ... published after the day
    "mentions",        # date expressions naming the day, all articles together
    "referred_lead",   # articles naming the day in their lead
    "protagonist",     # articles telling the protagonist's change of standing on the day
    "weekday",         # log2 of 7 × the share of the days the articles name that fall on its weekday
    "protagonist_any",  # articles telling the protagonist first actor of any happening on the day
    "burst",           # log2 of the articles published on the day and the next over those of the days around
    "told_back",       # articles published on the day that name the day before (the day is its eve's echo)
)
BURST_AROUND = (2, 3)  # the days this far either side are the baseline a burst of publication stands out from


@dataclass(frozen=True)
class Reference:
    """An article naming a day by a date expression."""

    article: str
    day: str  # ISO day
    lead: bool  # in the article's lead


def references(timexes: Mapping[str, Sequence[Timex]]) -> list[Reference]:
    """The references to a day among each article's time expressions (values at a day's
    precision or finer: ``2009-06-25``, ``2009-06-25TEV``)."""
    out = []
    for article in sorted(timexes):
        for t in timexes[article]:
            if t.value and len(t.value) >= 10 and t.value[4] == "-" and t.value[7] == "-" and t.value[:4].isdigit():
                out.append(Reference(article, t.value[:10], t.start < LEAD_CHARS))
    return out


def happening_references(happenings: Iterable[Happening]) -> list[Reference]:
    """References read from happenings dated to a day by an expression, when the articles'
    time expressions are not at hand (a merge given happenings only)."""
    return [Reference(h.article_id, h.date[:10], h.sentence_index < 2) for h in happenings
            if h.precision in ("day", "time") and h.evidence.rule != PUBLICATION]


def _log(n: float) -> float:
    return math.log2(1 + n)


def weekdays(days: Iterable[str]) -> list[float]:
    """Per weekday (Monday first), log2 of 7 × its share of ``days``, rounded to a tenth. Each
    weekday counts ``WEEKDAY_PRIOR`` times more than it is named, so that a collection naming
    few days has a flat profile, and one article more seldom moves it: the profile steers the
    ranking only when hundreds of days named lean one way."""
    counts = [WEEKDAY_PRIOR] * 7
    for day in days:
        try:
            counts[date.fromisoformat(day).weekday()] += 1
        except ValueError:
            continue
    total = sum(counts)
    return [round(math.log2(7 * n / total), 1) for n in counts]


def _weekday(day: str, profile: Sequence[float]) -> float:
    try:
        return profile[date.fromisoformat(day).weekday()]
    except ValueError:
        return 0.0


def protagonist(happenings: Iterable[Happening]) -> str | None:
    """The actor named in most articles (ties to the first name in order): whom the collection is about."""
    seen: dict[str, set[str]] = defaultdict(set)
    for h in happenings:
        for a in h.actors:
            seen[a.name].add(h.article_id)
    return min(seen, key=lambda name: (-len(seen[name]), name)) if seen else None


def standing(happenings: Iterable[Happening], types: Iterable[str] | None) -> dict[str, set[str]]:
    """Per day, the articles telling the protagonist, as the first actor of a happening dated to
    the day, in a happening of one of ``types`` (a change of their standing; None: of any type)."""
    happenings = list(happenings)
    who = protagonist(happenings)
    kinds = frozenset(types) if types is not None else None
    out: dict[str, set[str]] = defaultdict(set)
    for h in happenings:
        if (h.precision in ("day", "time") and (kinds is None or h.type in kinds) and h.actors
                and h.actors[0].name == who):
            out[h.date[:10]].add(h.article_id)
    return dict(out)


def features(refs: Iterable[Reference], published: Mapping[str, str | None],
             acts: Mapping[str, set[str]] | None = None,
             doings: Mapping[str, set[str]] | None = None) -> dict[str, list[float]]:
    """Per day (published on, or named by a reference): the ``FEATURES``, the counts each
    log2(1 + count); ``acts`` are the articles per day telling the protagonist's change of
    standing, ``doings`` those telling the protagonist first actor of any happening
    (``standing`` with and without types)."""
    acts = acts or {}
    doings = doings or {}
    issued: dict[str, int] = defaultdict(int)
    for day in published.values():
        if day:
            issued[day] += 1
    referred: dict[str, set[str]] = defaultdict(set)
    later: dict[str, set[str]] = defaultdict(set)
    lead: dict[str, set[str]] = defaultdict(set)
    mentions: dict[str, int] = defaultdict(int)
    back: dict[str, set[str]] = defaultdict(set)  # day → its articles naming the day before
    for r in refs:
        referred[r.day].add(r.article)
        mentions[r.day] += 1
        if r.lead:
            lead[r.day].add(r.article)
        on = published.get(r.article)
        if on and on > r.day:
            later[r.day].add(r.article)
            if on == _shift(r.day, 1):
                back[on].add(r.article)
    profile = weekdays(referred)
    return {day: [_log(issued.get(day, 0)), _log(len(referred.get(day, ()))), _log(len(later.get(day, ()))),
                  _log(mentions.get(day, 0)), _log(len(lead.get(day, ()))), _log(len(acts.get(day, ()))),
                  _weekday(day, profile), _log(len(doings.get(day, ()))), burst(day, issued),
                  _log(len(back.get(day, ())))]
            for day in sorted(set(issued) | set(referred) | set(acts) | set(doings))}


def burst(day: str, issued: Mapping[str, int]) -> float:
    """How far the articles published on ``day`` and the next stand out from the days around:
    log2(1 + their count) - log2(1 + twice the mean count of the days ``BURST_AROUND`` either side).
    A desk's day sets off a burst of reports, whatever the collection's usual pace: a day of one
    article in a collection of one a month stands out, a day of five in a week of five a day does
    not. 0 for a day that is no calendar day."""
    if _shift(day, 1) == day:  # no calendar day
        return 0.0
    around = [issued.get(_shift(day, sign * k), 0) for k in BURST_AROUND for sign in (-1, 1)]
    return _log(issued.get(day, 0) + issued.get(_shift(day, 1), 0)) - _log(2 * sum(around) / len(around))


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
    standing_types: tuple[str, ...] = ()  # event types that change the protagonist's standing


@lru_cache(maxsize=1)
def model() -> Model:
    data = load_data("day_salience.yaml") or {}
    weights = data.get("weights") or {}
    return Model(tuple(float(weights.get(name, 0.0)) for name in FEATURES), float(data.get("intercept", 0.0)),
                 int(data.get("neighbours", 0)), float(data.get("echo", 0.0)),
                 tuple(str(t) for t in data.get("standing_types") or ()))


def log_odds(rows: Mapping[str, Sequence[float]], m: Model) -> dict[str, float]:
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


def salience(rows: Mapping[str, Sequence[float]], m: Model | None = None) -> dict[str, float]:
    """Per day, the model's probability that the day belongs on the story's timeline,
    rounded to two decimals (the store must not move over digits no reader sees)."""
    z = log_odds(rows, m or model())
    return {day: round(1 / (1 + math.exp(-max(min(v, 30.0), -30.0))), 2) for day, v in z.items()}
