"""A plan and its taking place: one event reported at two moments.

An article of the 13th says "Scholz is due in Kyiv on Monday"; one of the
14th says "Scholz met Zelensky in Kyiv on Monday". Clustering keeps them apart
(their words differ), yet a reader wants one event: it took place, and it was
announced before. A cluster that only reports a plan joins a cluster that
reports a happening when

- the happening's date is the one planned, or a day either side (then the
  event says it took place on another day than planned),
- they share a person or an organisation (countries are too broad to tell),
- their predicates are of one class of ``predicate_classes`` in
  ``data/event_types.yaml`` (travel, visit and meet are one class),
- and they do not name two different places.

Only plan clusters look for a partner, through an index of the happenings by
day and actor, so the work stays proportional to the number of plans.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from timeline.data import load_data
from timeline.records import Happening

PARTY_KINDS = frozenset({"person", "organisation"})


@lru_cache(maxsize=1)
def predicate_classes() -> dict[str, frozenset[str]]:
    """Per word, the classes it belongs to ("hold" is a visit and a call)."""
    return _classes()[0]


@lru_cache(maxsize=1)
def _classes() -> tuple[dict[str, frozenset[str]], dict[str, tuple[tuple[frozenset[str], str], ...]]]:
    """The classes of single words, and per verb the phrases it heads ("find guilty": the
    verb, then the words its title must hold too) with their class."""
    data = load_data("event_types.yaml") or {}
    out: dict[str, set[str]] = {}
    phrases: dict[str, list[tuple[frozenset[str], str]]] = {}
    for name, words in (data.get("predicate_classes") or {}).items():
        for word in words:
            verb, *rest = str(word).lower().split()
            if rest:
                phrases.setdefault(verb, []).append((frozenset(rest), str(name)))
            else:
                out.setdefault(verb, set()).add(str(name))
    return {w: frozenset(c) for w, c in out.items()}, {v: tuple(p) for v, p in phrases.items()}


@lru_cache(maxsize=1)
def light_predicates() -> frozenset[str]:
    """Verbs that belong to a class only through what they act on (``light_predicates``)."""
    data = load_data("event_types.yaml") or {}
    return frozenset(str(w).lower() for w in data.get("light_predicates") or [])


def one_class(a: Happening, b: Happening) -> bool:
    """Whether two happenings' verbs are of one class by themselves, not through a light verb."""
    light = light_predicates()
    return a.predicate.lower() not in light and b.predicate.lower() not in light and bool(classes_of(a) & classes_of(b))


def classes_of(h: Happening) -> frozenset[str]:
    return _classes_of(h.predicate, h.title, h.status)


@lru_cache(maxsize=1 << 16)
def _classes_of(verb: str, title: str, status: str) -> frozenset[str]:
    table, phrases = _classes()
    predicate = verb.lower()
    found = table.get(predicate, frozenset())
    headed = phrases.get(predicate)
    if headed:
        words = set(re.findall(r"[a-z]+", title.lower()))
        found |= {name for rest, name in headed if rest <= words}
    if status == "scheduled" and not found:
        # "Scholz is due in Kyiv": the copula says nothing, the title's words do
        for word in re.findall(r"[a-z]+", title.lower()):
            found |= table.get(word, frozenset())
    return found


def _parties(h: Happening) -> frozenset[str]:
    return frozenset(a.name for a in h.actors if a.kind in PARTY_KINDS)


Buckets = Callable[[str], tuple[tuple[object, ...], tuple[object, ...]]]


def fold_plans(clusters: list[list[Happening]], buckets: Buckets,
               compatible: Callable[[str, str], bool]) -> list[list[Happening]]:
    """``clusters`` with every plan-only cluster that a reported happening fulfils
    folded into that happening's cluster. ``buckets`` gives the keys a date is
    filed under and the keys it looks in (a day either side), ``compatible``
    whether two dates may be one happening's."""
    plans = [i for i, c in enumerate(clusters) if all(h.status == "scheduled" for h in c)]
    if not plans:
        return clusters
    wanted = {(day, name) for i in plans for day in buckets(clusters[i][0].date)[1]
              for name in _parties(clusters[i][0])}
    index: dict[tuple[object, str], list[int]] = {}
    for i, group in enumerate(clusters):
        head = group[0]
        if head.status != "occurred":
            continue
        for day in buckets(head.date)[0]:
            for name in _parties(head):
                if (day, name) in wanted:
                    index.setdefault((day, name), []).append(i)
    into: dict[int, int] = {}
    for i in plans:
        plan = clusters[i][0]
        candidates = {j for day in buckets(plan.date)[1] for name in _parties(plan) for j in index.get((day, name), ())
                      if compatible(plan.date, clusters[j][0].date)}
        # the best fit; on a tie the earliest cluster, so that the result does not depend on set order
        best = max(sorted(candidates), key=lambda j: _fit(plan, clusters[j][0]), default=None)
        if best is not None and _fit(plan, clusters[best][0])[0] > 0:
            into[i] = best
    if not into:
        return clusters
    out: list[list[Happening]] = []
    for i, group in enumerate(clusters):
        if i in into:
            continue
        extra = [h for j, target in into.items() if target == i for h in clusters[j]]
        out.append(group + extra if extra else group)
    return out


def _fit(plan: Happening, done: Happening) -> tuple[int, int, bool]:
    """How well a reported happening fulfils a plan; (0, …) when it does not."""
    planned, reported = _parties(plan), _parties(done)
    shared = len(planned & reported)
    # Every party of the plan must take part: "Biden and Macron are to speak" is
    # not fulfilled by "Putin spoke to Macron", though Macron is in both.
    if not shared or not planned <= reported or not classes_of(plan) & classes_of(done) or \
            plan.article_id == done.article_id and plan.sentence_index == done.sentence_index:
        return (0, 0, False)
    if plan.place and done.place and plan.place != done.place:
        return (0, 0, False)
    return (1, shared, plan.date == done.date)


def plan_disputes(group: list[Happening], published: dict[str, str | None]) -> tuple[str | None, list[str]]:
    """For a cluster holding a plan and its taking place: the date it took place
    (what the reports of it say most often) and the note that tells both."""
    done = [h for h in group if h.status == "occurred"]
    planned = [h for h in group if h.status == "scheduled"]
    if not done or not planned:
        return None, []
    dates: dict[str, int] = {}
    for h in done:
        dates[h.date] = dates.get(h.date, 0) + 1
    took = max(sorted(dates), key=lambda d: dates[d])
    notes = []
    for h in sorted(planned, key=lambda h: (published.get(h.article_id) or "", h.article_id)):
        when = published.get(h.article_id) or "before"
        if h.date == took:
            notes.append(f"announced {when} ({h.article_id}), took place {took}")
        else:
            notes.append(f"announced {when} ({h.article_id}) for {h.date}, took place {took}: on another date "
                         f"than planned")
    return took, notes
