"""Merge 100,000 events reported by 5 sources each, then save and load the store.

Targets (issue 5): merge ≤ 10 s, store save and load ≤ 5 s each.
Run: python benchmarks/bench_merge.py [events]
"""

from __future__ import annotations

import random
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # run from a checkout

from timeline.merge import merge  # noqa: E402
from timeline.records import ActorRef, Article, DateEvidence, Happening
from timeline.store.events import load_events, save_events

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


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    happenings, articles = synthetic(n)
    start = time.perf_counter()
    result = merge([], happenings, articles)
    merged = time.perf_counter() - start
    print(f"merge: {len(happenings):,} happenings -> {len(result.events):,} events in {merged:.2f} s (target 10 s)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        save_events(folder, list(result.events))
        saved = time.perf_counter() - start
        start = time.perf_counter()
        loaded, problems = load_events(folder)
        load = time.perf_counter() - start
    print(f"store: save {saved:.2f} s, load {load:.2f} s of {len(loaded):,} events (target 5 s each)")
    start = time.perf_counter()
    again = merge(loaded, happenings, articles)
    print(f"rebuild merge into the full store: {time.perf_counter() - start:.2f} s, {again.changed} changed")


if __name__ == "__main__":
    main()
