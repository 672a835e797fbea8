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
"""

from __future__ import annotations

from statistics import median
from typing import Sequence

from timeline.data import load_data
from timeline.records import Article, Event


def off_story(events: Sequence[Event], articles: Sequence[Article]) -> frozenset[str]:
    """The ids of the events of ``events`` whose words are far from what ``articles`` are about."""
    settings = load_data("off_story.yaml") or {}
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
    if typical <= 0:
        return frozenset()
    return frozenset(e.id for e, s in zip(events, similarity)
                     if s < share * typical and len(e.sources) <= most and not e.curated)


def _words_of(event: Event) -> str:
    return "\n".join([event.title, *(s.quote for s in event.sources), *(a.name for a in event.actors)])
