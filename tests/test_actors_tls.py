"""The actors real scraped news gives: on tls-dev collections (the first articles
of each, built as a maintainer would), the 30 actors named by the most events
hold no bare generic noun, no outlet and no person split under two spellings or
a short and a full name (``evaluation/top_actors.py`` marks them)."""

from __future__ import annotations

import importlib
import importlib.util
import tempfile
from pathlib import Path

import pytest

from conftest import SHARED

TLS_DEV = SHARED / "data" / "tls-dev"
# Collections whose stories turn on people with names spelt several ways, and a
# trial with many people of one family; the first articles of each keep it cheap.
CHECKED = ("entities-morgan_tsvangirai", "entities-jacob_zuma", "t17-mj")
ARTICLES = 80
# Articles of the mixed pile, and the fewest words of each.
PILE, PILE_WORDS = 200, 1000
BENCH_BUILD = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_build.py"
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



def _store(content: Path) -> dict[str, str]:
    return {str(p.relative_to(content)): p.read_text(encoding="utf-8")
            for p in sorted(content.rglob("*.yaml")) if p.name != "changes.yaml"}


def test_building_a_mixed_pile_again_with_nothing_changed_changes_no_actor_or_event(tmp_path: Path) -> None:
    """Articles of every dev collection in one pile (the build benchmark's corpus): enough
    people named several ways (a bare surname far more often than the full name) that a
    registry which merged its spellings in one pass only found more to merge on the next build."""
    tls = importlib.import_module("evaluation.tls")
    spec = importlib.util.spec_from_file_location("bench_build", BENCH_BUILD)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    bench.make_tls_corpus(tmp_path, PILE, PILE_WORDS)
    (tmp_path / "config.yaml").write_text(f"title: pile\npaths:\n  content: content\n  output: output\n"
                                          f"  cache: {CACHE}\n", encoding="utf-8")
    tls.build(tmp_path, "--jobs", "2")
    first = _store(tmp_path / "content")
    tls.build(tmp_path, "--jobs", "2")
    again = _store(tmp_path / "content")
    changed = sorted(path for path in first.keys() | again.keys() if first.get(path) != again.get(path))
    assert not changed, f"a second build of the same articles rewrote {changed}"
