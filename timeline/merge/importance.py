"""How much an event matters, for the "key events" view.

The score adds up, with the weights of ``data/importance.yaml``:

- ``sources`` × log2(1 + independent sources): outlets count once however
  many of their articles report it (an article without outlet counts alone);
- ``mentions`` × log2(1 + sentences beyond one per source): an event an
  article comes back to is central to it;
- ``headline`` when an article's headline is about it (its title shares most
  words with the headline), ``lead`` when it is in an article's first two
  sentences: editors put the news there;
- ``actors`` × the prominence level of its best-known actor: how many of the
  ``actor_levels`` thresholds the actor's event count across the store reaches
  (a call between presidents outranks one between mayors);
- ``scheduled`` and ``coarse_date`` (negative): plans and background dated to
  a month or coarser rank below what happened on a known day.

Everything but the prominence level is the event's own (its sources, sentences
and their positions), and the level moves only when an actor's count crosses a
threshold, so adding or removing one article rewrites the importance of the
events it reports and seldom any other. The score is rounded to one decimal:
only the order matters, and finer digits would be noise in the store's diffs.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from timeline.data import load_data
from timeline.records import Article, Event, Happening

LEAD_SENTENCES = 2
FINE_PRECISIONS = ("time", "day")  # dated to a day: news rather than background
HEADLINE_MATCH = 60  # token_set_ratio between a title and an article headline that makes it the headline's story


@dataclass(frozen=True)
class Signals:
    """What the score is computed from, gathered by the merge."""

    outlets: int  # independent sources
    mentions: int  # sentences reporting it, all articles together
    sources: int  # articles reporting it
    headline: bool
    lead: bool
    actor_level: int  # prominence level of its most prominent actor (``actor_levels``)
    scheduled: bool
    coarse: bool


def _data() -> dict[str, object]:
    return load_data("importance.yaml") or {}


def weights() -> dict[str, float]:
    return {str(k): float(v) for k, v in _data().items() if isinstance(v, (int, float))}


@lru_cache(maxsize=1)
def actor_levels() -> tuple[int, ...]:
    levels = _data().get("actor_levels")
    return tuple(sorted(int(n) for n in levels)) if isinstance(levels, list) else ()


def level(events: int) -> int:
    """How many prominence thresholds an actor with ``events`` events reaches."""
    return sum(events >= n for n in actor_levels())


def importance(s: Signals) -> float:
    w = weights()
    score = w.get("sources", 0) * math.log2(1 + s.outlets)
    score += w.get("mentions", 0) * math.log2(1 + max(0, s.mentions - s.sources))
    score += w.get("headline", 0) * s.headline + w.get("lead", 0) * s.lead
    score += w.get("actors", 0) * s.actor_level
    score += w.get("scheduled", 0) * s.scheduled + w.get("coarse_date", 0) * s.coarse
    return round(max(score, 0.0), 1)


def scores(events: list[Event], clusters: list[list[Happening]], articles: dict[str, Article]) -> list[float]:
    """The importance of each proposed event, from its cluster of happenings."""
    actor_events = Counter(a.name for e in events for a in e.actors)
    levels = {name: level(n) for name, n in actor_events.items()}
    headlines = headline_flags(clusters, articles)
    return [score(e, group, levels, headline) for e, group, headline in zip(events, clusters, headlines)]


def score(e: Event, group: list[Happening], levels: dict[str, int], headline: bool) -> float:
    """The importance of one proposed event, given its actors' prominence ``levels``."""
    outlets = {(s.outlet or s.article) for s in e.sources}
    return importance(Signals(
        outlets=len(outlets), mentions=len(group), sources=len(e.sources), headline=headline,
        lead=any(h.sentence_index < LEAD_SENTENCES for h in group),
        actor_level=max((levels[a.name] for a in e.actors), default=0),
        scheduled=e.status == "scheduled", coarse=e.precision not in FINE_PRECISIONS,
    ))


def headline_flag(group: list[Happening], articles: dict[str, Article]) -> bool:
    """``headline_flags`` of one cluster, one comparison at a time: for a few
    clusters this costs less than handing them to rapidfuzz at once (whose
    first call imports numpy). The scores are the same, and so is the cutoff."""
    for h in group:
        article = articles.get(h.article_id)
        if article is not None and h.sentence_index < 3 and fuzz.token_set_ratio(
                h.title.lower(), article.title.lower(), processor=None, score_cutoff=HEADLINE_MATCH) >= HEADLINE_MATCH:
            return True
    return False


def headline_flags(clusters: list[list[Happening]], articles: dict[str, Article]) -> list[bool]:
    """Per cluster, whether one of its first three sentences tells its article's
    headline story. All pairs go to rapidfuzz in one call, so Python does not
    loop over comparisons."""
    owners: list[int] = []
    titles: list[str] = []
    headlines: list[str] = []
    for i, group in enumerate(clusters):
        for h in group:
            article = articles.get(h.article_id)
            if article is not None and h.sentence_index < 3:
                owners.append(i)
                titles.append(h.title.lower())  # lower-cased once per string, not per comparison
                headlines.append(article.title.lower())
    found = [False] * len(clusters)
    if owners:
        scores = process.cpdist(titles, headlines, scorer=fuzz.token_set_ratio, processor=None,
                                score_cutoff=HEADLINE_MATCH, workers=1)
        for i, score in zip(owners, scores.tolist()):
            if score >= HEADLINE_MATCH:  # below the cutoff rapidfuzz gives 0
                found[i] = True
    return found
