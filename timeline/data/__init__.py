"""The project's vocabularies: YAML files in this folder, read once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: the gazetteer is large


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """The parsed content of ``timeline/data/<name>``; callers must not mutate it."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
