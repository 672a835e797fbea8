"""What the newsworthiness gate keeps of the labelled candidates, and how well it ranks them.

``evaluation/train_newsworthy.py`` scores every labelled candidate with a model fitted on all
of them (in sample) and with one fitted without the candidate's collection (left out); the
tables here say, for those scores, what a threshold keeps (the share of the candidates, the
real / marginal / not shares among them, the share of the real events kept) and how well the
scores rank the real events (ROC AUC), over all and within each collection.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from timeline.extract.events.gate import PUBLICATION_ONLY, Model


@dataclass(frozen=True)
class Example:
    collection: str
    real: str
    features: dict[str, float]
    file: str = ""  # the label file
    id: str = ""  # the labelled event's id

    @property
    def key(self) -> tuple[str, str]:
        return self.collection, self.id


def shares(kept: list[Example]) -> str:
    counts = Counter(e.real for e in kept)
    whole = max(len(kept), 1)
    return " / ".join(f"{100 * counts[k] / whole:5.1f}" for k in ("yes", "marginal", "no"))


def table(data: list[Example], inside: list[float], unseen: list[float], thresholds: list[float]) -> list[str]:
    yes = sum(e.real == "yes" for e in data)
    lines = [f"{len(data)} labelled candidates; real / marginal / not: {shares(data)} %",
             "threshold | in sample: kept, real/marg/not %, real kept | left out: kept, real/marg/not %, real kept"]
    for t in thresholds:
        parts = []
        for scores in (inside, unseen):
            kept = [e for e, s in zip(data, scores) if s >= t]
            real = sum(e.real == "yes" for e in kept)
            parts.append(f"{100 * len(kept) / len(data):5.1f} %, {shares(kept)}, {100 * real / max(yes, 1):5.1f} %")
        lines.append(f"{t:6.2f} | " + " | ".join(parts))
    return lines


def ranking(data: list[Example], inside: list[float], unseen: list[float]) -> str:
    """How well the log-odds rank the real events above the others (ROC AUC), over all and, scored
    left out, within each collection."""
    from sklearn.metrics import roc_auc_score

    truth = [e.real == "yes" for e in data]
    each = []
    for name in sorted({e.collection for e in data}):
        mine = [i for i, e in enumerate(data) if e.collection == name]
        if len({truth[i] for i in mine}) == 2:  # a collection with one kind of label ranks nothing
            each.append(f"{name} {roc_auc_score([truth[i] for i in mine], [unseen[i] for i in mine]):.3f}")
    return (f"ROC AUC of real events: in sample {roc_auc_score(truth, inside):.3f}, "
            f"left out {roc_auc_score(truth, unseen):.3f} ({', '.join(each)})")

def real_kept(data: list[Example], scores: list[float], model: Model) -> float:
    """The share of the real events that ``model``'s thresholds keep, at ``scores``."""
    real = [s >= model.threshold_for(e.features) for e, s in zip(data, scores) if e.real == "yes"]
    return sum(real) / max(len(real), 1)


def kept_shares(data: list[Example], inside: list[float], unseen: list[float], model: Model) -> list[str]:
    """What the model keeps at its thresholds, in sample and left out, and the share of the
    candidates dated only by publication among what it drops."""
    yes = sum(e.real == "yes" for e in data)
    lines = []
    for what, scores in (("in sample", inside), ("left out", unseen)):
        kept = [e for e, s in zip(data, scores) if s >= model.threshold_for(e.features)]
        real = sum(e.real == "yes" for e in kept)
        dropped = [e for e, s in zip(data, scores) if s < model.threshold_for(e.features)]
        by_day = sum(bool(e.features.get(PUBLICATION_ONLY)) for e in dropped)
        lines.append(f"at the chosen thresholds, {what}: kept {100 * len(kept) / len(data):5.1f} %, "
                     f"real / marginal / not {shares(kept)} %, real events kept {100 * real / max(yes, 1):5.1f} %, "
                     f"{by_day} of the {len(dropped)} dropped dated only by publication")
    return lines


def held_out(data: list[Example], model: Model, what: str) -> list[str]:
    """What ``model`` keeps of labels it was not trained on and whose thresholds were not sought on
    them (a fresh sample drawn from the build the labels judged, all of which that build kept)."""
    from sklearn.metrics import roc_auc_score

    if not data:
        return []
    scores = [model.log_odds(e.features) for e in data]
    truth = [e.real == "yes" for e in data]
    kept = [e for e, s in zip(data, scores) if s >= model.threshold_for(e.features)]
    real = sum(e.real == "yes" for e in kept)
    auc = f"{roc_auc_score(truth, scores):.3f}" if len(set(truth)) == 2 else "-"
    return [f"held out ({what}): {len(data)} labelled candidates, real / marginal / not {shares(data)} %; "
            f"ROC AUC {auc}; kept {len(kept)}, real / marginal / not {shares(kept)} %, "
            f"real events kept {real} of {sum(truth)}"]
