"""Merge 100,000 extracted happenings (20,000 happenings reported by 5 sources each, in
their own words), then save and load the store.

Targets: merge ≤ 15 s, store save and load ≤ 5 s each. Prints the merge, the
first save, a load, a re-merge into the full store, a save with nothing changed
and a merge with one article's happenings changed (every build merges the whole
collection). Wall and CPU seconds of this process; the work runs in it alone, no
worker processes.
Run: python benchmarks/bench_merge.py [happenings]
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
# How the outlets word one report: the first says it plainly, the others in their own way,
# so that clustering has to find them by their words (TF-IDF), not by one title.
WORDINGS = ("{a} {verb} {b} over issue {e}", "{b} was {verb} by {a} over issue {e}, officials said",
            "Issue {e}: {a} {verb} {b}", "{a} and {b} clashed over issue {e} and {a} {verb} {b}",
            "Reports say {a} {verb} {b} over issue {e}")


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
        verb = rng.choice(VERBS)
        for s in range(sources):
            title = WORDINGS[s % len(WORDINGS)].format(a=who[0].name, b=who[1].name, verb=verb, e=e)
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
    happenings, articles = synthetic(n // 5)
    result = _timed(f"merge {len(happenings):,} happenings", lambda: merge([], happenings, articles), 15)
    print(f"  -> {len(result.events):,} events for {n // 5:,} happenings told 5 times each")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "events"
        _timed("save (first write)", lambda: save_events(folder, list(result.events)), 5)
        size = sum(p.stat().st_size for p in folder.glob("*.yaml"))
        print(f"  -> {len(list(folder.glob('*.yaml')))} files, {size / 1e6:.1f} MB")
        loaded, problems = _timed("load (the store's reader + validation)", lambda: load_events(folder), 5)
        assert not problems and loaded == list(result.events), "the store must read back what was written"
        again = _timed("re-merge into the full store", lambda: merge(loaded, happenings, articles), 15)
        print(f"  -> {again.changed} changed")
        written = _timed("save unchanged store", lambda: save_events(folder, list(again.events)), 5)
        print(f"  -> {written} files written")
        edited = [replace(h, title=h.title + " again") if h.article_id == articles[len(articles) // 2].id else h
                  for h in happenings]
        changed = _timed("merge, one article changed", lambda: merge(loaded, edited, articles), 15)
        print(f"  -> {changed.changed} changed")


if __name__ == "__main__":
    main()
