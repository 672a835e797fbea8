"""What the newsworthiness gate costs against the time spaCy needs to parse the articles.

Usage: python benchmarks/bench_gate.py [COLLECTION] [--folder /tmp/gate/bench]

Materialises one tls-dev collection (default t17-mj), reads it as a build does, parses every
article once with the configured pipeline (timed), then times finding the happenings of the
parsed articles with the gate (``timeline/extract/events/gate.py``: the page's side of the
features, once per article, the features of every candidate and the model's score) and
without it (no features, every candidate kept). Prints both, their difference as a share of
the parse time, and how many happenings the gate dropped.
Timings are the best of three runs; on a loaded machine they are noisy.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.tls import materialise  # noqa: E402

REPEAT = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("collection", nargs="?", default="t17-mj")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/gate/bench"))
    args = parser.parse_args()
    import timeline.extract.events as events
    from timeline.config import load_config
    from timeline.extract.actors.mentions import find_mentions
    from timeline.extract.parallel import unused_components
    from timeline.extract.pipeline import load_pipeline
    from timeline.extract.temporal import find_timexes
    from timeline.sources import read_sources

    folder = materialise(args.collection, args.folder / args.collection)
    here = Path.cwd()
    os.chdir(folder)
    try:
        cfg = load_config(folder / "config.yaml")
        articles, _ = read_sources(cfg, jobs=1)
    finally:
        os.chdir(here)
    nlp = load_pipeline(cfg.nlp.pipeline)
    start = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16, disable=unused_components(nlp)))
    parse = time.perf_counter() - start
    inputs = [(doc, a, find_timexes(doc, a.published), find_mentions(doc, None)) for doc, a in zip(docs, articles)]

    def run() -> tuple[float, int]:
        best, count = float("inf"), 0
        for _ in range(REPEAT):
            start = time.perf_counter()
            count = sum(len(events.find_happenings(d, a, t, m, cfg.event_types)) for d, a, t, m in inputs)
            best = min(best, time.perf_counter() - start)
        return best, count

    gated, kept = run()
    with mock.patch.object(events, "features", lambda *a, **k: {}), \
            mock.patch.object(events, "page_of", lambda *a, **k: None), \
            mock.patch.object(events.gate, "keeps", lambda *a, **k: True):
        bare, everything = run()
    print(f"{args.collection}: {len(articles)} articles; parse {parse:.2f} s; happenings with the gate "
          f"{gated:.2f} s ({kept}), without {bare:.2f} s ({everything}); the gate costs "
          f"{gated - bare:.2f} s, {100 * (gated - bare) / parse:.1f} % of the parse time; "
          f"it dropped {everything - kept} of {everything} happenings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
