"""Events off the story: another item on the page, a line that names nothing of the story.

A scraped page runs other stories into the one it was kept for (a news-in-brief from
another city, a TV-ratings item, a business digest), and a collection's articles hold
lines that name nothing the collection is about. An article far from the collection is
caught whole by ``salience.off_topic``; an item inside a page on the story is not. Here
each event is compared with the whole collection by its own words: its title, the
sentences its sources quote and its actors' names, as a TF-IDF vector (scikit-learn,
fitted on the collection's articles) against the collection's centroid. An event that
few articles report and whose cosine is below ``share`` of the median event's is off the
story: the site lists it for review, off the main timeline and out of the key events; it
stays in the store. A maintainer's curated event is never moved. The thresholds are data,
in ``data/off_story.yaml``.

A page made of items (a news-in-brief column, a running order: ``page_items``) is judged
item by item, each as a whole, by the names it holds: an item whose capitalised words are far
from the collection's (another country's cabinet, another city's fire) is off the story,
though one of its sentences names one of the collection's actors in passing, and so is every
event that only such items tell. The page's nearest item is always on the story.

A happening inside the period the collection reports on that no article of its time tells is
background restated: only articles published long after it (``retold_days`` after its last
day) retell it ("she was sacked as deputy minister in 2005" in a profile of 2008). A
historian keeps it, with the later reports as its only sources, but it is not the story as it
was reported: the site lists it for review, off the main timeline, and the store keeps it.
So is a happening the reports date by its year alone ("the economy shrank by 1.8 per cent in
2008", "the two men were deported in 1976"): what a desk lists, it can place within the year;
and a plan or forecast placed only within a year ("will step down next year", "incomes will
double by 2020"). What happened before the collection's first report is the site's Background,
and what is planned after its last report is Ahead, not this; a plan is never retold, nor a line
of a chronology a later page gives (its desk chose it as a step of the story).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from statistics import median
from typing import TYPE_CHECKING, Any, Sequence

from timeline.data import load_data
from timeline.extract.temporal.values import bounds
from timeline.merge.page_items import items
from timeline.records import Article, Event

if TYPE_CHECKING:
    from numpy import ndarray

NAME = re.compile(r"\b[A-Z][A-Za-z'-]+")


def off_story(events: Sequence[Event], articles: Sequence[Article]) -> frozenset[str]:
    """The ids of the events of ``events`` whose words are far from what ``articles`` are about."""
    settings = load_data("off_story.yaml") or {}
    retold = settings.get("retold_days")
    coarse = frozenset(str(p) for p in settings.get("coarse_precisions") or ())
    kept = frozenset(str(r) for r in settings.get("retold_kept_rules") or ())
    return _far(events, articles, settings) | restated(events, articles, None if retold is None else int(retold),
                                                        coarse, kept, int(settings.get("retold_articles") or 0))


def restated(events: Sequence[Event], articles: Sequence[Article], days: int | None,
             coarse: frozenset[str] = frozenset(), kept: frozenset[str] = frozenset(),
             retellings: int = 0) -> frozenset[str]:
    """The ids of the events of ``events`` dated inside the period ``articles`` report on that are
    background restated: only articles published more than ``days`` after the event's last day
    tell it (None: no such test; never a plan), or the reports date it by nothing finer than one
    of the precisions ``coarse`` ("in 2006", "in the 1990s", "next year"). An event dated by one
    of the rules ``kept`` (a line of a chronology the page gives), or one that ``retellings``
    articles or more tell (when it is more than 0), is never retold."""
    published = {a.id: a.published for a in articles if isinstance(a.published, date)}
    if not published:
        return frozenset()
    first, last = min(published.values()), max(published.values())
    late = timedelta(days=days) if days is not None else None
    out = set()
    for event in events:
        span = bounds(event.date)
        if event.curated or span is None or span[1] < first or span[0] > last or not event.sources:
            continue
        if event.precision in coarse:
            out.add(event.id)  # a plan placed only within a year ("will step down next year") too
            continue
        told = {s.article: published.get(s.article) for s in event.sources}
        if late is not None and not 0 < retellings <= len(told) and \
                _retold(event, span[1], list(told.values()), late, kept):
            out.add(event.id)
    return frozenset(out)


def _retold(event: Event, end: date, told: list[date | None], late: timedelta, kept: frozenset[str]) -> bool:
    """Whether every report of ``event`` (``told``: their days) came ``late`` after its last day ``end``."""
    if event.status == "scheduled" or (event.evidence is not None and event.evidence.rule in kept):
        return False
    return all(day is not None and day - end > late for day in told)


def _far(events: Sequence[Event], articles: Sequence[Article], settings: dict[str, Any]) -> frozenset[str]:
    """The events one article tells in words far from the collection's, and those only
    off-story items of pages made of items tell."""
    share = float(settings.get("share", 0.0))
    most = int(settings.get("sources", 1))
    if share <= 0 or len(articles) < int(settings.get("least_articles", 5)) or not events:
        return frozenset()
    from sklearn.feature_extraction.text import TfidfVectorizer

    # Every word counts, however many articles hold it: the story's own names are in most.
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2)
    try:
        matrix = vectorizer.fit_transform([f"{a.title}\n{a.text}" for a in articles])
    except ValueError:  # no word in two articles: nothing to compare with
        return frozenset()
    centre = matrix.mean(axis=0).A1
    norm = float((centre ** 2).sum()) ** 0.5
    if norm == 0:
        return frozenset()
    words = vectorizer.transform([_words_of(e) for e in events])
    similarity = (words @ (centre / norm)).tolist()
    typical = median(similarity)
    far = frozenset(e.id for e, s in zip(events, similarity)
                    if typical > 0 and s < share * typical and len(e.sources) <= most and not e.curated)
    return far | _off_items(events, articles, float(settings.get("item_share", 0.0)))


def _off_items(events: Sequence[Event], articles: Sequence[Article], share: float) -> frozenset[str]:
    """The events that only off-story items of pages made of items tell."""
    pages = {a.id: spans for a in articles if (spans := items(a.text))}
    if share <= 0 or not pages:
        return frozenset()
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

    def names(text: str) -> list[str]:
        return [w for w in NAME.findall(text) if w.lower() not in ENGLISH_STOP_WORDS]

    vectorizer = TfidfVectorizer(analyzer=names, sublinear_tf=True, min_df=2)
    try:
        matrix = vectorizer.fit_transform([f"{a.title}\n{a.text}" for a in articles])
    except ValueError:
        return frozenset()
    centre = _unit(matrix.mean(axis=0).A1)
    typical = median((matrix @ centre).tolist()) if centre is not None else 0.0
    if centre is None or typical <= 0:
        return frozenset()
    by_id = {a.id: a for a in articles}
    off: dict[str, list[tuple[int, int]]] = {}
    for aid, spans in pages.items():
        text = by_id[aid].text
        near = (vectorizer.transform([text[s:e] for s, e in spans]) @ centre).tolist()
        best = max(near)
        off[aid] = [span for span, n in zip(spans, near) if n < share * typical and n < best]
    return frozenset(e.id for e in events if not e.curated and e.sources and all(
        _inside(by_id[s.article].text, s.quote, off.get(s.article, ())) for s in e.sources if s.article in by_id)
        and all(s.article in by_id for s in e.sources))


def _unit(vector: "ndarray") -> "ndarray | None":
    norm = float((vector ** 2).sum()) ** 0.5
    return vector / norm if norm else None


def _inside(text: str, quote: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``quote`` is told in ``text`` inside one of ``spans``."""
    if not spans or not quote:
        return False
    at = text.find(quote)
    if at < 0:
        at = text.find(quote[:60])
    return at >= 0 and any(s <= at < e for s, e in spans)


def _words_of(event: Event) -> str:
    return "\n".join([event.title, *(s.quote for s in event.sources), *(a.name for a in event.actors)])
