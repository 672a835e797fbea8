"""The actors real scraped news gives: on tls-dev collections (the first articles
of each, built as a maintainer would), the 30 actors named by the most events
hold no bare generic noun, no outlet and no person split under two spellings or
a short and a full name (``evaluation/top_actors.py`` marks them)."""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path

import pytest

from conftest import SHARED

TLS_DEV = SHARED / "data" / "tls-dev"
# Collections whose stories turn on people with names spelt several ways, and a
# trial with many people of one family; the first articles of each keep it cheap.
CHECKED = ("entities-morgan_tsvangirai", "entities-jacob_zuma", "t17-mj")
ARTICLES = 80
# Extractions are kept between runs (content-addressed: a change of code is a miss).
CACHE = Path(tempfile.gettempdir()) / "timeline-tests-tls-cache"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not all((TLS_DEV / f"{n}.articles.jsonl.gz").exists() for n in CHECKED),
                                 reason=f"tls-dev collections not found in {TLS_DEV} (../shared is absent)")]


@pytest.mark.parametrize("name", CHECKED)
def test_top_actors_hold_no_generic_noun_outlet_or_split_spelling(name: str, tmp_path: Path) -> None:
    tls = importlib.import_module("evaluation.tls")
    top = importlib.import_module("evaluation.top_actors")
    folder = tls.materialise(name, tmp_path / name, limit=ARTICLES, cache=CACHE)
    tls.build(folder, "--jobs", "1")
    ranked = top.top_actors(folder / "content")
    assert len(ranked) == top.TOP
    wrong = [f"{r.name} ({r.mark} {r.beside}, {r.events} events)" for r in ranked if r.mark]
    assert not wrong, f"{name}: top actors that are no actors or split: {wrong}"
