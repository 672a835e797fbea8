"""Key days against the timelines news desks published (Date-F1, news-tls method), on two of
the smaller real collections of tls-dev: the ranking ``events.json`` implies must beat
ranking days by how many articles were published on them.

Cost: two builds from scratch, t17-mj (119 articles) and entities-nawaz_sharif (240), about
three minutes of one core (more on a loaded machine). ``TIMELINE_TLS_CACHE`` names an
extraction cache to share between runs, which brings it to well under a minute.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import SHARED

TLS_DEV = SHARED / "data" / "tls-dev"
COLLECTIONS = ("t17-mj", "entities-nawaz_sharif")
# Above the publication-count floor, per collection: t17-mj with room for about one gold day
# below what the ranking reaches (0.711 against 0.368, a day 0.026); entities-nawaz_sharif
# reaches 0.259 against 0.185 (a day 0.037), and holds the bar of 0.05 above it with no day to spare.
MARGIN = {"t17-mj": 0.31, "entities-nawaz_sharif": 0.05}


@pytest.mark.skipif(not (TLS_DEV / "t17-mj.gold.json").exists(), reason=f"dev data not available: {TLS_DEV}")
@pytest.mark.parametrize("name", COLLECTIONS)
def test_key_days_beat_the_publication_count_floor(name: str, tmp_path: Path) -> None:
    from evaluation.eval_timelines import load_events, score_collection
    from evaluation.tls import build, materialise

    cache = os.environ.get("TIMELINE_TLS_CACHE")
    folder = materialise(name, tmp_path / name, cache=Path(cache) if cache else None)
    build(folder)
    scores = score_collection(name, load_events(folder))
    f1 = sum(s.f1 for s in scores) / len(scores)
    floor = sum(s.floor for s in scores) / len(scores)
    assert f1 >= floor + MARGIN[name], f"{name}: Date-F1 {f1:.3f}, floor {floor:.3f}"
