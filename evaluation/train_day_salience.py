"""Train the day-salience model (``timeline/data/day_salience.yaml``) on the tls-dev collections.

Per collection, the days that its articles were published on or name by a date expression get
the features of ``timeline.merge.days``; a day is a positive example when a journalists' timeline of the
collection lists it. Only days inside a gold timeline's window are examples (the days Date-F1
looks at). Date-F1 ranks a collection's days against each other, so the model learns to order
them: a logistic regression on the differences between a listed day's features and an unlisted
day's of the same collection (scikit-learn; each collection weighs the same), scaled into a
probability by a second regression on its score. (A regression of listed against unlisted days
pooled over the collections learns what tells a day of a busy collection from one of a quiet
collection, such as how many articles a day has, which is no help in ranking one collection's
days.) The figures printed are Date-F1 of ranking days by the model alone, per collection and as
means per dataset: in sample, leave-one-collection-out (trained on the seven others: what to
expect on a collection never seen), leave-one-dataset-out (trained on the other dataset's
collections only: what to expect on a kind of collection never seen) and the publication-count
floor.

    python -m evaluation.train_day_salience [--folder /tmp/tls] [--cache DIR] [--jobs N] [--write]

``--write`` rewrites ``timeline/data/day_salience.yaml`` with the weights trained on all eight.
Articles are read and extracted as a build does (through the extraction cache ``--cache``).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Sequence

from evaluation.eval_timelines import date_f1, publication_days, ranked_days
from evaluation.tls import COLLECTIONS, gold, materialise
from timeline.merge.days import FEATURES, Model, features, log_odds, references, standing
from timeline.records import Article, Happening, Timex

OUT = Path(__file__).resolve().parent.parent / "timeline" / "data" / "day_salience.yaml"
STRENGTH = 0.1  # inverse regularisation strength of the pairwise regression (scikit-learn's C)
NEGATIVES = 30  # unlisted days drawn beside each listed day of a collection
NEIGHBOURS = 1  # a day with a better-scored day this close is its echo (timeline.merge.days.log_odds) ...
ECHO = 0.5  # ... and loses this much log-odds
# Event types that change the standing of the person a collection is about (elected, charged,
# acquitted, sworn in, sacked, dead): the days a desk lists on one person's timeline.
STANDING_TYPES = ("death", "legal", "politics", "sanction")


@dataclass(frozen=True)
class Collection:
    name: str
    rows: dict[str, list[float]]  # day → features
    examples: list[str]  # days inside a gold window
    gold: list[tuple[str, list[str]]]


def extract(folder: Path, jobs: int) -> tuple[list[Article], dict[str, tuple[Timex, ...]], list[Happening]]:
    """The collection's articles, their time expressions and happenings under the actors' canonical
    names, as a first build of ``folder`` finds them."""
    from timeline.cache import Memo
    from timeline.config import load_config
    from timeline.extract import extract_articles, extraction_settings
    from timeline.extract.actors.registry import Registry
    from timeline.records import Extraction
    from timeline.resolve import resolve_actors
    from timeline.sources import read_settings, read_sources
    from timeline.sources.files import Reading

    here = Path.cwd()
    os.chdir(folder)
    try:
        cfg = load_config(folder / "config.yaml")
        memo = Memo(cfg.paths.cache, enabled=True, user=str(cfg.paths.content.resolve()))
        reading = memo.step("read", Reading, "timeline.sources", read_settings(cfg))
        extracting = memo.step("extract", Extraction, "timeline.extract", extraction_settings(cfg))
        articles, _ = read_sources(cfg, jobs=jobs, each=reading)
        extractions = extract_articles(articles, cfg, jobs=jobs, each=extracting)
    finally:
        os.chdir(here)
    _, happenings = resolve_actors(Registry(), extractions)
    return list(articles), {e.article.id: e.timexes for e in extractions}, list(happenings)


def load(name: str, folder: Path, cache: Path | None, jobs: int) -> Collection:
    articles, timexes, happenings = extract(materialise(name, folder / name, cache=cache), jobs)
    published = {a.id: a.published.isoformat() if a.published else None for a in articles}
    rows = features(references(timexes), published, standing(happenings, STANDING_TYPES),
                    standing(happenings, None))
    timelines = gold(name)
    windows = [(min(days), max(days)) for _, days in timelines]
    return Collection(name, rows, [d for d in rows if any(a <= d <= b for a, b in windows)], timelines)


@dataclass(frozen=True)
class Fitted:
    coef: tuple[float, ...]
    intercept: float


def pairs(collection: Collection) -> tuple[list[list[float]], list[list[float]]]:
    """Per listed day of the collection, its features beside those of up to ``NEGATIVES`` days of
    the same gold windows no timeline lists (drawn with a fixed seed: the same pairs each run)."""
    listed = {d for _, days in collection.gold for d in days}
    positive = [d for d in collection.examples if d in listed]
    negative = [d for d in collection.examples if d not in listed]
    draw = random.Random(0)
    better, worse = [], []
    for day in positive:
        for other in draw.sample(negative, min(len(negative), NEGATIVES)):
            better.append(collection.rows[day])
            worse.append(collection.rows[other])
    return better, worse


def fit(collections: Sequence[Collection]) -> Fitted:
    """The weights that order each collection's listed days above its other days (a pairwise
    logistic regression on feature differences, each collection weighing the same however many
    pairs it has), then scaled, with an intercept, so that the score is a probability (a
    logistic regression on the score, balanced classes)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x, y, w = [], [], []
    for c in collections:
        better, worse = pairs(c)
        for a, b in zip(better, worse):
            diff = np.subtract(a, b)
            x += [diff, -diff]
            y += [1, 0]
            w += [1 / len(better)] * 2
    weights = np.array(w) * len(w) / sum(w)
    order = LogisticRegression(C=STRENGTH, max_iter=5000, fit_intercept=False)
    order.fit(np.array(x), y, sample_weight=weights)
    direction = order.coef_[0]
    rows = np.array([c.rows[d] for c in collections for d in c.examples])
    listed = np.array([any(d in days for _, days in c.gold) for c in collections for d in c.examples])
    scale = LogisticRegression(max_iter=5000, class_weight="balanced").fit((rows @ direction).reshape(-1, 1), listed)
    factor = float(scale.coef_[0][0])
    return Fitted(tuple(float(v) * factor for v in direction), float(scale.intercept_[0]))


def as_model(fitted: Fitted) -> Model:
    return Model(fitted.coef, fitted.intercept, NEIGHBOURS, ECHO, STANDING_TYPES)


def f1(collection: Collection, model: Fitted) -> float:
    score = log_odds(collection.rows, as_model(model))
    return mean(date_f1(ranked_days(score), gold_days) for _, gold_days in collection.gold)


def floor(collection: Collection) -> float:
    counts = publication_days(collection.name)
    return mean(date_f1(ranked_days(counts), gold_days) for _, gold_days in collection.gold)


def _dataset(collection: Collection) -> str:
    return collection.name.split("-")[0]


def dataset_means(collections: Sequence[Collection], figures: dict[str, float]) -> str:
    """Means per dataset over the gold timelines (a collection counts once per timeline)."""
    out = []
    for dataset in sorted({_dataset(c) for c in collections}):
        values = [figures[c.name] for c in collections if c.name.startswith(dataset + "-") for _ in c.gold]
        out.append(f"{dataset} {mean(values):.3f}")
    return "  ".join(out)


def write(model: Fitted, lines: list[str]) -> None:
    weights = "\n".join(f"  {name}: {w:.3f}" for name, w in zip(FEATURES, model.coef))
    comments = "\n".join(f"#   {line}" for line in lines)
    OUT.write_text(
        "# Day salience (timeline/merge/days.py): a logistic model over the day features, the\n"
        "# counts of the articles about the day, each log2(1 + count), its weekday's share of the\n"
        "# days the collection names, the burst of publication it set off and how many of its articles\n"
        "# name the day before (an echo of that day's happening); trained to order each\n"
        "# collection's days (pairwise), then scaled into a probability. standing_types are the event\n"
        "# types that change the standing of the collection's protagonist (the protagonist feature). Written by\n"
        "# `python -m evaluation.train_day_salience --write` from the tls-dev collections; do not\n"
        "# edit by hand. Date-F1 of ranking days by this model alone when it was trained:\n"
        f"{comments}\n"
        f"intercept: {model.intercept:.3f}\nneighbours: {NEIGHBOURS}\necho: {ECHO}\n"
        f"standing_types: [{', '.join(STANDING_TYPES)}]\n"
        f"weights:\n{weights}\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/tls"))
    parser.add_argument("--cache", type=Path, default=None, help="one extraction cache for every collection")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--write", action="store_true", help=f"rewrite {OUT.name} with the weights")
    args = parser.parse_args(argv)
    if len(COLLECTIONS) < 2:
        print("the tls-dev collections are absent (../shared/data/tls-dev)")
        return 2
    collections = [load(name, args.folder, args.cache, args.jobs) for name in COLLECTIONS]
    full = fit(collections)
    inside = {c.name: f1(c, full) for c in collections}
    unseen = {c.name: f1(c, fit([o for o in collections if o is not c])) for c in collections}
    other = {c.name: f1(c, fit(kind)) if (kind := [o for o in collections if _dataset(o) != _dataset(c)]) else 0.0
             for c in collections}
    floors = {c.name: floor(c) for c in collections}
    lines = [f"{c.name:28s} in sample {inside[c.name]:.3f}  left out {unseen[c.name]:.3f}  "
             f"dataset left out {other[c.name]:.3f}  floor {floors[c.name]:.3f}" for c in collections]
    lines += [f"in sample:        {dataset_means(collections, inside)}",
              f"left out:         {dataset_means(collections, unseen)}",
              f"dataset left out: {dataset_means(collections, other)}",
              f"floor:            {dataset_means(collections, floors)}"]
    print("\n".join(lines))
    print("weights:", dict(zip(FEATURES, (round(w, 3) for w in full.coef))), "intercept", round(full.intercept, 3))
    if args.write:
        write(full, lines)
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
