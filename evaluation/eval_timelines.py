"""Key days against the timelines news desks published: Date-F1 on the tls-dev collections.

Each collection of ``../shared/data/tls-dev`` is materialised as a content folder and built
(``evaluation/tls.py``). The ranking scored is the one the built site's ``output/events.json``
implies: days ordered by the summed ``importance`` of their day-precision events. Per gold
timeline, the top l days inside the gold window (its first to last date, l = its length) are
compared with the gold days (news-tls Date-F1), beside the floor of ranking days by how many
articles were published on them. When fewer than l days inside the window hold a day-precision
event, the line says so: every such day is then chosen whatever the ranking, and only events on
more days (extraction, dating) can raise the figure. Also printed per collection: events per article, the share
of key events with at least two independent sources, and the key events (as the site's key
events page chooses them, ``timeline.merge.selection``) for reading by hand.

    python -m evaluation.eval_timelines [NAME ...] [--folder /tmp/tls] [--cache DIR] [--limit N]
        [--top 100] [--no-build]

Each build starts from an empty store and registry (``content/events/``, ``content/actors.yaml``),
as a maintainer's first build of the collection does: a store left by an earlier build, with
earlier code, would carry that code's events into the figures. The extraction cache is kept.
``--no-build`` scores folders built before (``FOLDER/NAME/output/events.json``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any, Iterable, Sequence

from evaluation.tls import COLLECTIONS, articles, build, gold, materialise
from timeline.merge.selection import key_events
from timeline.records import Event
from timeline.render.focus import in_focus
from timeline.store.events import load_events as load_store


@dataclass(frozen=True)
class Score:
    collection: str
    timeline: str
    f1: float
    floor: float
    ranked: int = 0  # days the ranking holds inside the gold window: below l, no ranking of them scores more
    length: int = 0  # l, the gold timeline's length


def date_f1(ranked: Sequence[str], gold_days: Sequence[str]) -> float:
    """news-tls Date-F1: the top l ranked days inside the gold window against the gold days."""
    if not gold_days:
        return 0.0
    first, last = min(gold_days), max(gold_days)
    chosen = [d for d in ranked if first <= d <= last][: len(gold_days)]
    hits = len(set(chosen) & set(gold_days))
    if not hits:
        return 0.0
    precision, recall = hits / len(chosen), hits / len(gold_days)
    return 2 * precision * recall / (precision + recall)


def ranked_days(day_scores: dict[str, float]) -> list[str]:
    """Days best first; ties go to the earlier day, so the order is deterministic."""
    return sorted(day_scores, key=lambda d: (-day_scores[d], d))


def event_days(events: Iterable[dict[str, Any]]) -> dict[str, float]:
    """Per day, the summed importance of its day-precision events (what events.json implies)."""
    out: dict[str, float] = defaultdict(float)
    for e in events:
        if e.get("precision") == "day" and e.get("importance"):
            out[str(e["date"])[:10]] += float(e["importance"])
    return dict(out)


def publication_days(name: str) -> dict[str, float]:
    """The floor: per day, how many of the collection's articles were published on it."""
    return {d: float(n) for d, n in Counter(str(a["published"])[:10] for a in articles(name)).items()}


def load_events(folder: Path) -> list[dict[str, Any]]:
    data = json.loads((folder / "output" / "events.json").read_text(encoding="utf-8"))
    return list(data["events"] if isinstance(data, dict) else data)


def independent(event: Event) -> int:
    return len({s.outlet or s.article for s in event.sources})


def score_collection(name: str, events: list[dict[str, Any]]) -> list[Score]:
    ranked = ranked_days(event_days(events))
    floor = ranked_days(publication_days(name))
    return [Score(name, timeline, date_f1(ranked, days), date_f1(floor, days),
                  sum(1 for d in ranked if min(days) <= d <= max(days)), len(days)) for timeline, days in gold(name)]


def report(name: str, events: list[Event], top: int, key: int) -> None:
    """Events per article, the key events (as the site chooses them, from the store's events)
    with two independent sources or more, and the first ``top`` of the key-events selection
    for reading by hand."""
    count = len(articles(name))
    chosen = key_events(in_focus(events), max(key, top))
    shared = sum(independent(e) >= 2 for e in chosen[:key])
    print(f"  {len(events)} events, {len(events) / max(count, 1):.1f} per article; "
          f"{shared}/{min(key, len(chosen))} key events with >= 2 independent sources")
    for i, e in enumerate(chosen[:top], 1):
        print(f"    {i:3d} {e.importance:6.1f} {e.date:10s} [{independent(e):2d}] {e.title[:90]}")


def clear_store(folder: Path) -> None:
    """Remove what an earlier build left in ``folder``'s content: the store, the registry and
    the change log (the articles stay)."""
    content = folder / "content"
    shutil.rmtree(content / "events", ignore_errors=True)
    for name in ("actors.yaml", "changes.yaml"):
        (content / name).unlink(missing_ok=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", default=COLLECTIONS)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/tls"))
    parser.add_argument("--cache", type=Path, default=None, help="one extraction cache for every collection")
    parser.add_argument("--limit", type=int, default=None, help="build only the first N articles of each")
    parser.add_argument("--top", type=int, default=0, help="print the N most important events of each")
    parser.add_argument("--key", type=int, default=20, help="how many events count as key events")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--jobs", default=None)
    args = parser.parse_args(argv)
    if not COLLECTIONS:
        print("no tls-dev collections found (../shared/data/tls-dev is absent)")
        return 2
    scores: list[Score] = []
    for name in args.names:
        folder = args.folder / name
        if not args.no_build:
            materialise(name, folder, limit=args.limit, cache=args.cache)
            clear_store(folder)
            started = time.time()
            done = build(folder, *(["--jobs", args.jobs] if args.jobs else []))
            if (folder / "output" / "events.json").stat().st_mtime < started - 1 and "Traceback" in done.stderr:
                print(f"{name}: the build failed, events.json is an earlier build's:\n{done.stderr[-2000:]}")
                return 1
        events = load_events(folder)
        got = score_collection(name, events)
        scores += got
        for s in got:
            short = f"  only {s.ranked} days with events in the window of l = {s.length}" if s.ranked < s.length else ""
            print(f"{name:28s} {s.timeline[:24]:24s} Date-F1 {s.f1:.3f}  floor {s.floor:.3f}  "
                  f"({s.f1 - s.floor:+.3f}){short}", flush=True)
        stored, _ = load_store(folder / "content" / "events")
        report(name, [e for e in stored if not e.hidden], args.top, args.key)
    print()
    for dataset in sorted({s.collection.split("-")[0] for s in scores}):
        part = [s for s in scores if s.collection.startswith(dataset + "-")]
        print(f"{dataset:12s} mean Date-F1 {mean(s.f1 for s in part):.3f}  floor {mean(s.floor for s in part):.3f}"
              f"  over {len(part)} timelines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
