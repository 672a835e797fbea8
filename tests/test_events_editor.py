"""The editor-style check as a floor: hand-annotated wire news through the real
reading and extraction path (evaluation/eval_editor_events.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "evaluation" / "eval_editor_events.py"


def _evaluate():
    spec = importlib.util.spec_from_file_location("eval_editor_events", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module.evaluate()


@pytest.fixture(scope="module")
def result():
    return _evaluate()


def test_the_events_an_editor_lists_are_found_with_the_right_day(result) -> None:
    assert result.recall >= 0.95, "\n".join(result.lines)


def test_few_dated_events_have_a_date_wrong_for_what_they_report(result) -> None:
    assert result.spurious_share <= 0.05, "\n".join(result.lines)


def test_the_status_agrees_on_what_is_found(result) -> None:
    assert result.status_agrees == result.found, "\n".join(result.lines)
