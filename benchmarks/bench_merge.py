"""Merge 100,000 events reported by 5 sources each, then save and load the store.

Targets: merge ≤ 10 s, store save and load ≤ 5 s each. Prints the merge, the
first save, a load, a re-merge into the full store, a save with nothing changed
and a merge with one article's happenings changed (every build merges the whole
collection). Wall and CPU seconds of this process; the work runs in it alone, no
worker processes.
Run: python benchmarks/bench_merge.py [events]
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # run from a checkout

from timeline.merge import merge  # noqa: E402
from timeline.records import ActorRef, Article, DateEvidence, Happening  # noqa: E402
from timeline.store.events import load_events, save_events  # noqa: E402

VERBS = ("met", "called", "warned", "sanctioned", "visited", "attacked", "expelled", "praised")


def synthetic(events: int, sources: int = 5) -> tuple[list[Happening], list[Article]]:
    rng = random.Random(7)
    actors = [ActorRef(f"Actor {i}", "person") for i in range(5000)]
    articles = [Article(id=f"art-{i}", path=f"art-{i}.md", title=f"Article {i}", text="",
                        published=date(2020, 1, 1) + timedelta(days=i % 1500), outlet=f"outlet-{i % 50}")
                for i in range(events)]
    out = []
    for e in range(events):
        day = (date(2020, 1, 1) + timedelta(days=rng.randrange(1500))).isoformat()
        who = tuple(rng.sample(actors, 2))
        title = f"{who[0].name} {rng.choice(VERBS)} {who[1].name} over issue {e}"
        for s in range(sources):
            art = articles[(e * sources + s) % events]
            out.append(Happening(article_id=art.id, sentence_index=s, sentence=title + ".", predicate="meet",
                                 date=day, precision="day", status="occurred",
                                 evidence=DateEvidence("publication-date", None, day), title=title,
                                 summary=title + ".", type="diplomacy", actors=who))
    return out, articles


def _timed(label: str, work, target: float | None = None):  # type: ignore[no-untyped-def]
    """Run ``work`` and print wall and CPU seconds: on a shared machine the CPU figure is the honest one."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    bar = f" (target {target:g} s)" if target else ""
    print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s CPU{bar}")
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    happenings, articles = synthetic(n)
    result = _timed(f"merge {len(happenings):,} happenings", lambda: merge([], happenings, articles), 10)
    print(f"  -> {len(result.events):,} events")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "events"
        _timed("save (first write)", lambda: save_events(folder, list(result.events)), 5)
        size = sum(p.stat().st_size for p in folder.glob("*.yaml"))
        print(f"  -> {len(list(folder.glob('*.yaml')))} files, {size / 1e6:.1f} MB")
        loaded, problems = _timed("load (the store's reader + validation)", lambda: load_events(folder), 5)
        assert not problems and loaded == list(result.events), "the store must read back what was written"
        again = _timed("re-merge into the full store", lambda: merge(loaded, happenings, articles), 10)
        print(f"  -> {again.changed} changed")
        written = _timed("save unchanged store", lambda: save_events(folder, list(again.events)), 5)
        print(f"  -> {written} files written")
        edited = [replace(h, title=h.title + " again") if h.article_id == articles[n // 2].id else h
                  for h in happenings]
        changed = _timed("merge, one article changed", lambda: merge(loaded, edited, articles), 10)
        print(f"  -> {changed.changed} changed")


if __name__ == "__main__":
    main()
