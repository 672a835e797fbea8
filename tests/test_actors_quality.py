"""The actor quality bar on the MEANTIME dev set (≥ 90% of named entities found)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT, SHARED

DATA = SHARED / "data" / "meantime-dev.jsonl"
SCRIPT = ROOT / "evaluation" / "eval_actors.py"

pytestmark = pytest.mark.slow


@pytest.mark.skipif(not DATA.exists(), reason=f"dev set not found at {DATA} (../shared is absent)")
def test_found_share_meets_the_bar():
    spec = importlib.util.spec_from_file_location("eval_actors", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_actors", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    report = module.evaluate(DATA, timing=False)
    assert report.entities > 300
    assert report.found_share >= 0.90, f"found {report.found_share:.1%} of named entities, bar is 90%"
