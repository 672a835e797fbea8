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
  a month or coarser rank below what happened on a known day;
- ``span`` × log2(1 + days between its first and last report): a happening the
  collection keeps reporting matters more than one told once;
- ``type_weights`` of its event type: what changes who holds office, who is charged or
  convicted, who dies, outranks what was said about it (a desk lists the verdict, not the
  reactions), and picks the day's headline among events told about as widely.

Per day, only the ``day_events`` best events keep their score; the others are
scaled by ``day_rest``; the day's headline adds ``day`` × the salience of its day across the
collection (``days``: how the articles refer to it) (``by_day``). The headline is what the
day's reports agree on: the best by its own score plus ``day_reports`` × log2(1 + the articles
telling it), so that the happening most of the day's articles tell leads a line of colour one
article scored well with.
Page furniture (a sentence repeated verbatim
over many days) and events only articles off the collection's subject report
score 0: they stay in the store, last in the ranking.

The prominence level moves only when an actor's count crosses a threshold, and
a day's salience with the articles about that day and those published within three
days of it (and, seldom, with its weekday's share of the days the collection names, a
tenth at a time), so adding or removing one article rewrites the importance of the
events it reports, of those on the days it refers to and of the days around its
publication, seldom any other. The score is rounded to one decimal:
only the order matters, and finer digits would be noise in the store's diffs.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz, process

from timeline.data import load_data
from timeline.merge.salience import Collection
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
    span: int = 0  # days between its first and last report
    kind: str = "other"  # its event type
    furniture: bool = False  # every sentence reporting it is page furniture
    off_topic: bool = False  # only articles off the collection's subject report it


def _data() -> dict[str, object]:
    return load_data("importance.yaml") or {}


def weights() -> dict[str, float]:
    return {str(k): float(v) for k, v in _data().items() if isinstance(v, (int, float))}


@lru_cache(maxsize=1)
def type_weights() -> dict[str, float]:
    given = _data().get("type_weights")
    return {str(k): float(v) for k, v in given.items()} if isinstance(given, dict) else {}


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
    score += w.get("span", 0) * math.log2(1 + s.span)
    score += type_weights().get(s.kind, 0.0)
    if s.furniture or s.off_topic:
        return 0.0
    return round(max(score, 0.0), 1)


def scores(events: list[Event], clusters: list[list[Happening]], articles: dict[str, Article],
           collection: Collection | None = None) -> list[float]:
    """The importance of each proposed event, from its cluster of happenings and what
    the whole ``collection`` says."""
    actor_events = Counter(a.name for e in events for a in e.actors)
    levels = {name: level(n) for name, n in actor_events.items()}
    headlines = headline_flags(clusters, articles)
    whole = collection or Collection()
    own = [score(e, group, levels, headline, whole) for e, group, headline in zip(events, clusters, headlines)]
    w = weights()
    return by_day(events, own, int(w.get("day_events", 0)), w.get("day_rest", 1.0), whole.days, w.get("day", 0.0),
                  w.get("day_reports", 0.0))


def by_day(events: list[Event], own: list[float], keep: int, rest: float,
           days: dict[str, float] | None = None, weight: float = 0.0, agree: float = 0.0) -> list[float]:
    """A day is as important as its few best-reported happenings, not as the pile of
    minor ones told beside them: per day, the ``keep`` best events keep their score and
    the others are scaled by ``rest`` (they still break ties between days by how much
    happened, and keep their order within the day). ``keep`` 0 leaves every score.

    The day's own salience across the collection (``days``, × ``weight``) goes to its
    headline, once: a day told through many events is not counted many times. The headline is
    what the day's reports agree on: the happening the most articles tell (``headline``), the
    best scored among equals, not a line of colour one article scored well with."""
    by: dict[str, list[int]] = {}
    for i, e in enumerate(events):
        if e.precision in FINE_PRECISIONS and own[i] > 0:
            by.setdefault(e.date[:10], []).append(i)
    out = list(own)
    for day, members in by.items():
        members.sort(key=lambda i: (-own[i], events[i].title, i))
        first = headline(events, own, members, agree)
        members.remove(first)
        members.insert(0, first)
        if days and weight:
            out[members[0]] = round(own[members[0]] + weight * days.get(day, 0.0), 1)
        if keep <= 0 or rest >= 1:
            continue
        for i in members[keep:]:
            out[i] = max(round(own[i] * rest, 2), 0.01)
    return out


def reporting(e: Event) -> int:
    """How many articles tell an event."""
    return len({s.article for s in e.sources})


def headline(events: list[Event], own: list[float], members: list[int], agree: float) -> int:
    """Of a day's events (``members``, best scored first), the day's headline: the best by its own
    score plus ``agree`` × log2(1 + the articles that tell it), so that what the day's reports
    agree on leads a line one article scored well with. The first among equals."""
    best, top = members[0], -math.inf
    for i in members:
        value = own[i] + agree * math.log2(1 + reporting(events[i]))
        if value > top:
            best, top = i, value
    return best


def score(e: Event, group: list[Happening], levels: dict[str, int], headline: bool,
          collection: Collection | None = None) -> float:
    """The importance of one proposed event, given its actors' prominence ``levels``."""
    whole = collection or Collection()
    outlets = {(s.outlet or s.article) for s in e.sources}
    fine = e.precision in FINE_PRECISIONS
    when = sorted(s.published for s in e.sources if s.published)
    span = (date.fromisoformat(when[-1]) - date.fromisoformat(when[0])).days if len(when) > 1 else 0
    return importance(Signals(
        outlets=len(outlets), mentions=len(group), sources=len(e.sources), headline=headline,
        lead=any(h.sentence_index < LEAD_SENTENCES for h in group),
        actor_level=max((levels[a.name] for a in e.actors), default=0),
        scheduled=e.status == "scheduled", coarse=not fine,
        span=span, kind=e.type,
        furniture=bool(whole.furniture) and all((h.article_id, h.sentence_index) in whole.furniture for h in group),
        off_topic=bool(whole.off_topic) and all(s.article in whole.off_topic for s in e.sources),
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
