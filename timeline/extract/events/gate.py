"""The newsworthiness gate: whether a desk would list a candidate happening.

The rule modules (newsworthy.py, topic.py, discourse.py, opinion.py) each cut one
kind of candidate that is no news. What they let through still mixes the news of
the day with background restated, colour of a report, analysis and forecasts,
which no one cue tells apart. The gate weighs all the cues at once: a logistic
model over the features of ``gate_features.py``, its weights and threshold data
in ``newsworthy_model.yaml``, written by ``evaluation/train_newsworthy.py`` from an
editor's labels. A candidate whose log-odds fall below the threshold is dropped.
A candidate the text does not date, dated only by the day its article was
published, has a threshold of its own past the article's opening sentences: most
background restated and colour of a report is dated so, and few of the happenings
a desk lists. The opening sentences are the lede, which tells the day's news undated
("The council renamed the square."): there the stricter threshold would cost real
events and spare almost no others (in the labels, three in four undated candidates
of the first sentence are real events, one in three past the second). The model is
data: the same article always gives the same events.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from timeline.data import load_data
from timeline.extract.events.gate_words import PREFIX

PUBLICATION_ONLY = "dated_publication"  # the feature of a candidate dated only by its article's day
OPENING = "opening"  # the feature of a candidate of the article's opening sentences (gate_features.py)


@dataclass(frozen=True)
class Model:
    intercept: float
    threshold: float  # log-odds below which a candidate is dropped
    weights: dict[str, float]
    publication_threshold: float | None = None  # for a candidate dated only by publication (None: the same)

    def log_odds(self, features: dict[str, float]) -> float:
        return self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())

    def threshold_for(self, features: dict[str, float]) -> float:
        if self.publication_threshold is not None and features.get(PUBLICATION_ONLY) and not features.get(OPENING):
            return self.publication_threshold
        return self.threshold

    def keeps(self, features: dict[str, float]) -> bool:
        return self.log_odds(features) >= self.threshold_for(features)

    @property
    def reads_words(self) -> bool:
        """Whether any word of a sentence has a weight (``gate_words.py``)."""
        return any(name.startswith(PREFIX) for name in self.weights)


@lru_cache(maxsize=1)
def load_model() -> Model:
    data = load_data("newsworthy_model.yaml") or {}
    weights = {str(k): float(v) for k, v in (data.get("weights") or {}).items()}
    # No model file, or an empty one: the gate lets everything through.
    threshold = float(data["threshold"]) if weights and "threshold" in data else float("-inf")
    own = data.get("publication_threshold")
    publication = float(own) if weights and own is not None else None
    return Model(float(data.get("intercept") or 0.0), threshold, weights, publication)


Row = tuple[str, int, str, str, dict[str, float]]  # article id, sentence, title, date, features


@dataclass
class _Recorder:
    """While training: every candidate's features, and the model to try (None: keep all)."""

    rows: list[Row]
    model: Model | None


_recorders: list[_Recorder] = []


@contextmanager
def recording(model: Model | None = None) -> Iterator[list[Row]]:
    """Collect the row of every candidate that reaches the gate, in this process. With
    ``model`` the gate drops what it scores below its threshold; without, it keeps every
    candidate (the labels are matched to them all)."""
    recorder = _Recorder([], model)
    _recorders.append(recorder)
    try:
        yield recorder.rows
    finally:
        _recorders.remove(recorder)


def wants_words() -> bool:
    """Whether the words of a candidate's sentence are to be read as features: while the
    candidates are recorded (training weighs them all), or when the model weighs any."""
    return bool(_recorders) or load_model().reads_words


def keeps(article_id: str, index: int, title: str, when: str, features: dict[str, float]) -> bool:
    """Whether the candidate with ``features`` is one a desk would list."""
    if _recorders:
        recorder = _recorders[-1]
        recorder.rows.append((article_id, index, title, when, features))
        return recorder.model is None or recorder.model.keeps(features)
    return load_model().keeps(features)
