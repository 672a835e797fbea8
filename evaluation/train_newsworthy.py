"""Train the newsworthiness gate (``timeline/data/newsworthy_model.yaml``) on an editor's labels.

Every label file of ``evaluation/real_news/`` holds events of tls-dev builds labelled with the
rubric of its README; ``real`` is ``yes`` when a desk would list the event. The articles those
events came from are read and extracted with this checkout (the gate keeping every candidate),
each candidate's features recorded (``timeline/extract/events/gate_features.py``), and each
label matched to a candidate of its articles: by the words and date its id was made of, else by
those words alone, else by the most similar title of that date. A logistic regression
(scikit-learn) is fitted for ``real == yes``. It prints, for a range of thresholds, the share of
the matched candidates the gate keeps and the real / marginal / not shares among them, both in
sample and cross-validated by collection (trained on the others, scored on the one left out), and
the editor-events recall (``evaluation/eval_editor_events.py``) with the gate on. The threshold
written is the highest whose editor-events recall stays at the floor and at which the gate, scored
left out, keeps 95 % of the labelled real events; then, that one kept for the
candidates the text dates, the highest for the candidates dated only by publication (most of the
background restated and colour, few of the editor's events) at which the recall still holds and
the gate, scored left out, still keeps 95 % of the labelled real events: the editor's events are
mostly dated by the text, so their recall alone would let the threshold climb until it drops the
undated news of the day a wire report's body tells (one real event in six at 85 %), for a gain of
a few points of the real share among what is kept.

    python -m evaluation.train_newsworthy [--folder /tmp/gate/tls] [--rows DIR] [--write]
        [--one-threshold] [--without PREFIX ...] [--threshold T] [--hold-out FILE ...]
        [--words [--least N] [--word-scale S]] [--rank-only]

``--hold-out labels-final7.jsonl`` keeps a label file (a fresh sample) out of training and out of
the thresholds, and scores the model on it at the end: the ROC AUC and what it keeps of those
labels, beside the shipped model. ``--words`` weighs the words of each candidate's sentence too
(``timeline/extract/events/gate_words.py``: lemmas, pairs of words, the verb and its tense, its
auxiliaries, its subject's head), those seen in at least ``--least`` training candidates, scaled
while fitting by ``--word-scale``. ``--rank-only`` prints the ranking and the held-out figures
at the threshold that keeps 95 % of the real events left out, without the editor-events recall.

``--rows DIR`` keeps each collection's candidates (their features) in DIR and reads them from
there on the next run (delete its ``*.json`` after changing the features or the extraction; the
parses kept in ``DIR/parses`` stay good until the articles or the pipeline change). ``--write`` rewrites the model file.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # run from a checkout

from evaluation.newsworthy_scores import Example, held_out, kept_shares, ranking, real_kept, table  # noqa: E402
from evaluation.tls import COLLECTIONS, materialise  # noqa: E402
from timeline.extract.events.gate import Model, load_model  # noqa: E402
from timeline.extract.events.gate_words import PREFIX  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "evaluation" / "real_news"
OUT = ROOT / "timeline" / "data" / "newsworthy_model.yaml"
STRENGTH = 0.5  # inverse regularisation strength of the regression (scikit-learn's C)
FLOOR = 0.95  # the editor-events recall the gate must keep
REAL_FLOOR = 0.95  # the share of the labelled real events the gate must keep, scored left out
STEP = 0.05  # the steps in which the threshold of candidates dated only by publication is sought
SIMILAR = 80  # the least title similarity (rapidfuzz ratio) of a match by wording
OTHER_DAY = 10  # what a match by wording loses when the dates differ (merging may move a date)
ID_WORDS = 7  # the title words an event's id holds (timeline/merge/reconcile.py)
LEXICAL = PREFIX  # the names of the words' features (timeline/extract/events/gate_words.py)
LEAST_WORDS = 8  # the candidates a word must be seen in to get a weight
WORD_SCALE = 0.5  # what a word's feature is worth while the model is fitted (see fit)


@dataclass(frozen=True)
class Label:
    collection: str
    id: str
    date: str
    articles: tuple[str, ...]
    real: str  # yes, marginal, no
    file: str  # the label file it was read from

    @property
    def words(self) -> str:
        """The title words of the id: between the date and the digest."""
        rest = self.id[len(self.date) + 1:] if self.id.lower().startswith(self.date.lower() + "-") else self.id
        return rest.rsplit("-", 1)[0]


def labels() -> list[Label]:
    """Every labelled event, the latest file's label kept when one was labelled twice."""
    found: dict[tuple[str, str], Label] = {}
    for path in sorted(LABELS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            real = str((row.get("label") or {}).get("real", ""))
            if real not in ("yes", "marginal", "no"):
                continue
            label = Label(row["collection"], row["id"], str(row["date"]), tuple(row.get("articles") or ()), real,
                          path.name)
            found[(label.collection, label.id)] = label
    return sorted(found.values(), key=lambda x: (x.collection, x.id))


def title_words(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower())[:ID_WORDS])


def parsed(nlp: Any, articles: list[Any], saved: Path | None) -> list[Any]:
    """The parse of each article, kept in ``saved`` (a DocBin) for the next run: a change of the
    features or of the extraction needs no new parse, only one of the text or the pipeline."""
    from spacy.tokens import DocBin

    texts = [a.text for a in articles]
    if saved is not None and saved.exists():
        docs = list(DocBin(store_user_data=True).from_disk(saved).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts))
    if saved is not None:
        saved.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=True, docs=docs).to_disk(saved)
    return docs


def candidates(name: str, wanted: set[str], folder: Path,
               parses: Path | None = None) -> list[tuple[str, int, str, str, dict[str, float]]]:
    """The rows of every candidate of the collection's articles in ``wanted``."""
    from timeline.config import load_config
    from timeline.extract import extract
    from timeline.extract.events import gate
    from timeline.extract.pipeline import load_pipeline
    from timeline.sources import read_sources

    here = Path.cwd()
    materialise(name, folder / name)
    os.chdir(folder / name)
    try:
        cfg = load_config(folder / name / "config.yaml")
        articles, _ = read_sources(cfg, jobs=1)
    finally:
        os.chdir(here)
    nlp = load_pipeline(cfg.nlp.pipeline)
    chosen = [a for a in articles if a.id in wanted]
    with gate.recording() as rows:
        for article, doc in zip(chosen, parsed(nlp, chosen, parses / f"{name}.spacy" if parses else None)):
            extract(article, doc, cfg)
    print(f"{name}: {len(chosen)} of {len(wanted)} labelled articles read, {len(rows)} candidates", file=sys.stderr)
    return list(rows)


def match(label: Label, rows: list[tuple[str, int, str, str, dict[str, float]]]) -> int | None:
    """The index in ``rows`` of the candidate ``label`` was drawn as, if it is still made."""
    from rapidfuzz import fuzz

    mine = [i for i, r in enumerate(rows) if r[0] in label.articles]
    for exact in (lambda r: title_words(r[2]) == label.words and r[3] == label.date,
                  lambda r: title_words(r[2]) == label.words):
        hit = next((i for i in mine if exact(rows[i])), None)
        if hit is not None:
            return hit
    scored = [(fuzz.ratio(title_words(rows[i][2]), label.words) - (rows[i][3] != label.date) * OTHER_DAY, i)
              for i in mine]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= SIMILAR else None


def examples(folder: Path, kept: Path | None) -> list[Example]:
    """Every label matched to a candidate of this checkout's extraction."""
    by_collection: dict[str, list[Label]] = defaultdict(list)
    for label in labels():
        by_collection[label.collection].append(label)
    out: list[Example] = []
    for name in sorted(by_collection):
        if name not in COLLECTIONS:
            continue
        saved = kept / f"{name}.json" if kept is not None else None
        if saved is not None and saved.exists():
            rows = [(a, i, t, d, f) for a, i, t, d, f in json.loads(saved.read_text(encoding="utf-8"))]
        else:
            rows = candidates(name, {a for x in by_collection[name] for a in x.articles}, folder,
                              kept / "parses" if kept is not None else None)
            if saved is not None:
                saved.parent.mkdir(parents=True, exist_ok=True)
                saved.write_text(json.dumps(rows), encoding="utf-8")
        taken: set[int] = set()
        for label in by_collection[name]:
            hit = match(label, rows)
            if hit is None or hit in taken:
                continue
            taken.add(hit)
            out.append(Example(name, label.real, rows[hit][4], label.file, label.id))
        print(f"{name}: {len(taken)} of {len(by_collection[name])} labels matched", file=sys.stderr)
    return out


def names_of(data: Sequence[Example], without: Sequence[str] = (), least: int = LEAST_WORDS) -> list[str]:
    """The features the model weighs: every feature of the gate's own, and the words
    (``gate_words.py``) at least ``least`` of ``data``'s candidates hold: a word seen fewer
    times says more of those few sentences than of news it has not seen."""
    counts = Counter(name for e in data for name in e.features)
    return sorted(n for n, c in counts.items() if n != "bias" and not n.startswith(tuple(without))
                  and (not n.startswith(LEXICAL) or c >= least))


def fit(data: Sequence[Example], names: list[str], scale: float = WORD_SCALE) -> Model:
    """A logistic regression over ``names``; the words' features are scaled by ``scale`` while it
    is fitted (a stronger pull towards 0 for the many words than for the gate's own cues) and
    their weights by as much, so that the model reads each word as 1."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    column = {n: i for i, n in enumerate(names)}
    factor = [scale if n.startswith(LEXICAL) else 1.0 for n in names]
    cells = [(r, column[n], v * factor[column[n]]) for r, e in enumerate(data)
             for n, v in e.features.items() if n in column and v]
    x = csr_matrix(([c[2] for c in cells], ([c[0] for c in cells], [c[1] for c in cells])),
                   shape=(len(data), len(names)))
    y = np.array([e.real == "yes" for e in data])
    fitted = LogisticRegression(C=STRENGTH, max_iter=5000).fit(x, y)
    weights = {n: round(float(w) * f, 3) for n, w, f in zip(names, fitted.coef_[0].tolist(), factor)
               if abs(w * f) >= 0.0005}
    return Model(round(float(fitted.intercept_[0]), 3), float("-inf"), weights)


def editor_recall(model: Model) -> float:
    import importlib.util

    from timeline.extract.events import gate

    spec = importlib.util.spec_from_file_location("eval_editor_events", ROOT / "evaluation" / "eval_editor_events.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    with gate.recording(model):
        return float(module.evaluate().recall)


def choose(model: Model, thresholds: list[float], floor: float | None = None) -> tuple[float, list[str]]:
    """The highest threshold at which the editor-events recall stays at the floor (recall falls
    as the threshold rises: a bisection over ``thresholds``, in ascending order). With ``floor``
    the threshold sought is the one of the candidates dated only by publication, the others kept
    at ``floor``."""
    lines: list[str] = []
    lo, hi = -1, len(thresholds)  # thresholds[lo] keeps the floor (-1: none tried); thresholds[hi] does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        tried = Model(model.intercept, thresholds[mid], model.weights) if floor is None else \
            Model(model.intercept, floor, model.weights, thresholds[mid])
        recall = editor_recall(tried)
        which = "" if floor is None else " for candidates dated only by publication"
        lines.append(f"editor-events recall at {thresholds[mid]:.2f}{which}: {recall:.3f}")
        print(lines[-1], file=sys.stderr)
        if recall >= FLOOR:
            lo = mid
        else:
            hi = mid
    fallback = float("-inf") if floor is None else floor
    return (thresholds[lo] if lo >= 0 else fallback), lines


def write(model: Model, lines: list[str]) -> None:
    weights = "\n".join(f"  {name}: {w}" for name, w in sorted(model.weights.items()))
    comments = "\n".join(f"#   {line}" for line in lines)
    publication = "" if model.publication_threshold is None else \
        f"publication_threshold: {model.publication_threshold:.3f}  # candidates dated only by publication\n"
    OUT.write_text(
        "# The newsworthiness gate (timeline/extract/events/gate.py): a logistic regression over the\n"
        "# features of timeline/extract/events/gate_features.py for \"a desk would list it\", fitted on\n"
        "# the labels of evaluation/real_news/. A candidate whose log-odds (intercept + the weighted sum)\n"
        "# fall below the threshold is dropped (a candidate dated only by its article's day: below the\n"
        "# publication threshold, when there is one). Written by `python -m evaluation.train_newsworthy --write`;\n"
        "# do not edit by hand. When it was trained:\n"
        f"{comments}\n"
        f"intercept: {model.intercept}\nthreshold: {model.threshold:.3f}\n{publication}weights:\n{weights}\n",
        encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--folder", type=Path, default=Path("/tmp/gate/tls"))
    parser.add_argument("--rows", type=Path, default=None, help="keep the candidates' features in this folder")
    parser.add_argument("--without", nargs="*", default=[], metavar="PREFIX",
                        help="leave out the features whose names start so (to weigh what they add)")
    parser.add_argument("--one-threshold", action="store_true",
                        help="no threshold of their own for candidates dated only by publication")
    parser.add_argument("--threshold", type=float, default=None,
                        help="the threshold of the candidates the text dates, set rather than sought (at most as "
                             "high as the editor-events recall allows)")
    parser.add_argument("--hold-out", nargs="*", default=[], metavar="FILE",
                        help="label files of evaluation/real_news/ kept out of training and of the thresholds, "
                             "scored at the end (an event they label is left out of training too)")
    parser.add_argument("--words", action="store_true", help="weigh the words of the sentence too")
    parser.add_argument("--least", type=int, default=LEAST_WORDS, help="the candidates a word must be seen in")
    parser.add_argument("--word-scale", type=float, default=WORD_SCALE, help="a word's feature while fitting")
    parser.add_argument("--rank-only", action="store_true", help="the ranking and the held-out figures only: "
                        "the thresholds kept at 95 %% of the real events left out, no editor-events recall")
    parser.add_argument("--write", action="store_true", help=f"rewrite {OUT.name}")
    args = parser.parse_args(argv)
    if len(COLLECTIONS) < 2:
        print("the tls-dev collections are absent (../shared/data/tls-dev)")
        return 2
    everything = examples(args.folder, args.rows)
    held = [e for e in everything if e.file in args.hold_out]
    data = [e for e in everything if e.file not in args.hold_out and e.key not in {h.key for h in held}]

    def fitted(on: list[Example]) -> Model:
        without = args.without if args.words else [*args.without, LEXICAL]
        return fit(on, names_of(on, without, args.least), args.word_scale)

    full = fitted(data)
    inside = [full.log_odds(e.features) for e in data]
    unseen = [0.0] * len(data)
    for left in sorted({e.collection for e in data}):
        model = fitted([e for e in data if e.collection != left])
        for i, e in enumerate(data):
            if e.collection == left:
                unseen[i] = model.log_odds(e.features)
    thresholds = [round(-3.0 + 0.25 * i, 2) for i in range(17)]
    lines = [f"{len(full.weights)} weights ({sum(n.startswith(LEXICAL) for n in full.weights)} of words)"]
    lines += table(data, inside, unseen, thresholds) + [ranking(data, inside, unseen)]
    # the threshold keeps, scored left out, the share of the real events the floor asks for
    def enough(t: float) -> bool:
        return real_kept(data, unseen, Model(full.intercept, t, full.weights)) >= REAL_FLOOR

    thresholds = [t for t in thresholds if enough(t)]
    if args.rank_only:
        threshold = max(t / 20 for t in range(-80, 41) if enough(t / 20))
        chosen = Model(full.intercept, threshold, full.weights)
        lines += kept_shares(data, inside, unseen, chosen) + held_out(held, chosen, f"at {threshold:.2f}")
        lines += held_out(held, load_model(), "the shipped model")
        print("\n".join(lines))
        print("weights:", json.dumps(dict(sorted(full.weights.items(), key=lambda kv: -abs(kv[1]))[:80])))
        return 0
    threshold, recalls = choose(full, thresholds)
    lines += recalls + [f"threshold chosen: {threshold:.2f} (editor-events recall >= {FLOOR})"]
    if args.threshold is not None and args.threshold < threshold:
        # the recall allows a higher one; a lower one keeps the undated news of an article's second
        # sentence that its features score low (a firm the gazetteer does not know, no headline)
        threshold = args.threshold
        lines.append(f"threshold set: {threshold:.2f}")
    chosen = Model(full.intercept, threshold, full.weights)
    if not args.one_threshold:
        higher = [t for t in (round(threshold + STEP * i, 2) for i in range(1, 41))
                  if real_kept(data, unseen, Model(full.intercept, threshold, full.weights, t)) >= REAL_FLOOR]
        publication, recalls = choose(full, higher, floor=threshold)
        lines += recalls + [f"threshold chosen for candidates dated only by publication: {publication:.2f}"]
        chosen = Model(full.intercept, threshold, full.weights, publication)
    lines += kept_shares(data, inside, unseen, chosen) + held_out(held, chosen, ", ".join(args.hold_out))
    print("\n".join(lines))
    print("weights:", json.dumps(dict(sorted(full.weights.items(), key=lambda kv: -abs(kv[1])))))
    if args.write:
        write(chosen, lines)
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
