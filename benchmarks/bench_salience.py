"""What reading the whole collection costs beside a full build of a real tls-dev collection.

Builds the collection from scratch (``--clean``, one process per stage's jobs as configured),
then times on its happenings, in this process: the collection-wide readings of the importance
(``timeline.merge.salience``: furniture, day salience, articles off the subject) and the
TF-IDF lexicon clustering fits (``timeline.merge.stories``). Target: the readings add at most
5 % to the full build. Wall and CPU seconds; on a shared machine the CPU figure is the honest one.

Run: python benchmarks/bench_salience.py [NAME] [FOLDER]   (default entities-morgan_tsvangirai, the largest)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # run from a checkout

from evaluation.tls import COLLECTIONS, materialise  # noqa: E402
from timeline.build import build  # noqa: E402
from timeline.cache import Memo  # noqa: E402
from timeline.config import load_config  # noqa: E402
from timeline.extract import extract_articles, extraction_settings  # noqa: E402
from timeline.merge.clusters import in_order  # noqa: E402
from timeline.merge.proposals import published_dates  # noqa: E402
from timeline.merge.salience import read_collection  # noqa: E402
from timeline.merge.stories import Lexicon  # noqa: E402
from timeline.records import Extraction  # noqa: E402
from timeline.resolve import resolve_actors  # noqa: E402
from timeline.sources import read_settings, read_sources  # noqa: E402
from timeline.sources.files import Reading  # noqa: E402
from timeline.store.registry import load_registry  # noqa: E402


def timed(work):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> int:
    name = sys.argv[1] if len(sys.argv) > 1 else "entities-morgan_tsvangirai"
    if name not in COLLECTIONS:
        print(f"no collection {name!r} (tls-dev absent or unknown name)")
        return 2
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/tls-bench") / name
    materialise(name, folder)
    os.chdir(folder)
    cfg = load_config(folder / "config.yaml")
    summary, wall, cpu = timed(lambda: build(cfg, clean=True))
    print(f"full build of {name} ({summary.articles_read} articles): {wall:.1f} s wall, {cpu:.1f} s CPU "
          f"of this process; stages " + ", ".join(f"{s} {t:.1f}" for s, t in summary.stage_seconds))
    memo = Memo(cfg.paths.cache, user=str(cfg.paths.content.resolve()))
    reading = memo.step("read", Reading, "timeline.sources", read_settings(cfg))
    extracting = memo.step("extract", Extraction, "timeline.extract", extraction_settings(cfg))
    articles, _ = read_sources(cfg, each=reading)
    extractions = extract_articles(articles, cfg, each=extracting)
    registry, _ = load_registry(cfg.paths.registry)
    _, happenings = resolve_actors(registry, extractions)
    published = published_dates({a.id: a for a in articles})
    timexes = {e.article.id: e.timexes for e in extractions}
    _, s_wall, s_cpu = timed(lambda: read_collection(happenings, articles, published, timexes=timexes))
    _, l_wall, l_cpu = timed(lambda: Lexicon(in_order(happenings)))
    print(f"collection readings ({len(happenings):,} happenings): {s_wall:.2f} s wall, {s_cpu:.2f} s CPU "
          f"= {100 * s_wall / wall:.1f} % of the full build's wall time (target 5 %)")
    print(f"TF-IDF lexicon for clustering: {l_wall:.2f} s wall, {l_cpu:.2f} s CPU "
          f"= {100 * l_wall / wall:.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
