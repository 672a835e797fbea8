"""What the whole collection says about its happenings, beyond each event's own sources.

Three readings of the collection, each worked out once per build in time linear in its size:

- **Furniture.** A sentence repeated word for word by articles published over many days
  (an outlet's promotional blurb, its standard background paragraph, a line crediting
  reporters) is part of the page, not a happening reported many times. Wire copy repeated
  by several outlets on one or two days is news and is not furniture: what tells them apart
  is the spread of the publication days (``furniture_days``) over at least
  ``furniture_articles`` articles.
- **Day salience.** A day matters when many articles were published on it and when later
  articles refer back to it ("on March 17 the Security Council …"): ``days`` weighs what
  the articles say about each day with a model trained on journalists' timelines.
- **Off the subject.** An article about football that landed in a war's pile is far from
  the collection's vocabulary: its TF-IDF vector (scikit-learn) has a cosine with the
  collection's centroid below ``off_topic_share`` of the median article's. A ``topic``
  (words the maintainer sets) replaces the centroid when given.

The weights and thresholds are data, in ``data/importance.yaml``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from statistics import median
from typing import Iterable, Mapping, Sequence

from timeline.data import load_data
from timeline.merge.days import features as day_features
from timeline.merge.days import happening_references, model, references, standing
from timeline.merge.days import salience as day_model
from timeline.records import Article, Happening, Timex

_SPACE = re.compile(r"\s+")


def settings() -> dict[str, float]:
    data = load_data("importance.yaml") or {}
    return {str(k): float(v) for k, v in data.items() if isinstance(v, (int, float))}


@dataclass(frozen=True)
class Collection:
    """The collection-wide readings the importance of an event adds to its own evidence."""

    furniture: frozenset[tuple[str, int]] = frozenset()  # (article, sentence) that are page furniture
    days: dict[str, float] = field(default_factory=dict)  # ISO day → its salience
    off_topic: frozenset[str] = frozenset()  # articles off the collection's subject


def sentence_key(text: str) -> str:
    return _SPACE.sub(" ", text.strip().lower())


def furniture(happenings: Iterable[Happening], published: dict[str, str | None],
              articles: int, days: int) -> frozenset[tuple[str, int]]:
    """The (article, sentence) of happenings whose sentence appears verbatim in at least
    ``articles`` articles published over more than ``days`` days."""
    where: dict[str, dict[str, int]] = defaultdict(dict)  # sentence → article → sentence index
    for h in happenings:
        where[sentence_key(h.sentence)].setdefault(h.article_id, h.sentence_index)
    out: set[tuple[str, int]] = set()
    for found in where.values():
        if len(found) < articles:
            continue
        when = sorted(d for a in found if (d := published.get(a)))
        if len(when) < 2 or (date.fromisoformat(when[-1]) - date.fromisoformat(when[0])).days <= days:
            continue
        out.update(found.items())
    return frozenset(out)


def day_salience(happenings: Iterable[Happening], published: dict[str, str | None],
                 timexes: Mapping[str, Sequence[Timex]] | None = None) -> dict[str, float]:
    """Per day, the probability that a news desk puts it on the story's timeline (``days``),
    from the articles' time expressions (else from the happenings dated by one)."""
    happenings = list(happenings)
    refs = references(timexes) if timexes is not None else happening_references(happenings)
    return day_model(day_features(refs, published, standing(happenings, model().standing_types),
                                  standing(happenings, None)))


def off_topic(articles: list[Article], share: float, topic: str | None = None) -> frozenset[str]:
    """Articles whose TF-IDF cosine with the collection's centroid (or with ``topic``) is
    below ``share`` times the median article's. Fewer than five articles are all on topic."""
    if len(articles) < 5 or share <= 0:
        return frozenset()
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{a.title}\n{a.text}" for a in articles]
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2, max_df=0.9)
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no term in two articles: nothing to compare with
        return frozenset()
    if topic:
        centre = vectorizer.transform([topic]).toarray()[0]
    else:
        centre = matrix.mean(axis=0).A1
    norm = float((centre ** 2).sum()) ** 0.5
    if norm == 0:
        return frozenset()
    similarity = (matrix @ (centre / norm)).tolist()
    # Against a topic, the articles that share none of its words are off it, however many.
    near = [s for s in similarity if s > 0] if topic else similarity
    typical = median(near) if near else 0.0
    if typical <= 0:
        return frozenset()
    return frozenset(a.id for a, s in zip(articles, similarity) if s < share * typical)


def written_days(articles: list[Article], published: dict[str, str | None]) -> dict[str, str | None]:
    """Per article, the day its story was written, which day salience counts it on: the day its
    file gives when it was written for the next day's paper (``Article.filed`` before the day its
    relative dates are read from, ``sources.print_day``), else its publication day."""
    out = dict(published)
    for a in articles:
        if a.written is not None:
            out[a.id] = a.written.isoformat()
    return out


def read_collection(happenings: list[Happening], articles: list[Article], published: dict[str, str | None],
                    topic: str | None = None, timexes: Mapping[str, Sequence[Timex]] | None = None) -> Collection:
    w = settings()
    return Collection(
        furniture=furniture(happenings, published, int(w.get("furniture_articles", 3)),
                            int(w.get("furniture_days", 7))),
        days=day_salience(happenings, written_days(articles, published), timexes),
        off_topic=off_topic(articles, w.get("off_topic_share", 0.0), topic),
    )
