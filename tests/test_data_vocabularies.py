"""The vocabularies in ``timeline/data`` hold what they say: YAML reads a bare ``on``,
``no`` or ``yes`` as true or false, so a word list that holds one silently loses the word."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "timeline" / "data"


def _lists(value: Any, where: str) -> Iterator[tuple[str, list[Any]]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _lists(inner, f"{where}.{key}")
    elif isinstance(value, list):
        yield where, value
        for inner in value:
            yield from _lists(inner, where)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_no_word_list_holds_a_yes_or_no(path: Path) -> None:
    found = [(where, item) for where, items in _lists(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
             for item in items if isinstance(item, bool)]
    assert not found, f"{found}: quote the word ('on', 'no', 'yes', 'off') so it stays a word"
