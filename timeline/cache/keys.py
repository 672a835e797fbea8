"""What besides an item decides a step's result, as one digest: the step's code, the
versions of the libraries that code imports, the project's data files that code names
and the settings the step reads. Worked out from the source itself, so no list of files
to keep in step.

The code of a step is the module that defines its function and every module of the
package it imports, directly or not. Imports inside the package are absolute
(``from timeline.x import y``; ruff's TID252 keeps it so), which lets a line-based
reading find them without compiling anything. A data file belongs to a step when that
code names it in quotes (``load_data("event_types.yaml")``): new weights for ranking
events leave every article's extraction in the cache.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import msgspec

PACKAGE = Path(__file__).resolve().parents[1]
DATA = PACKAGE / "data"
_IMPORT = re.compile(r"^\s*(?:from\s+([\w.]+)\s+import\s+(\([^)]*\)|[^\n]+)|import\s+([\w., ]+))", re.MULTILINE)


def step_digest(module: str, settings: object = None) -> str:
    """Digest of the code of ``module`` and of everything it imports, the versions of the
    third-party libraries among those imports, the data files that code names, and ``settings``."""
    modules, libraries = _closure(module)
    whole = hashlib.sha256()
    sources = {name: _module_file(name).read_bytes() for name in sorted(modules)}
    for name, source in sources.items():
        whole.update(name.encode() + b"\0" + source + b"\0")
    for path in data_files(sources.values()):
        whole.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    versions = sorted((name, library_version(name)) for name in libraries)
    context = (versions, sys.version_info[:3], unicodedata.unidata_version, settings)
    whole.update(msgspec.json.encode(context, order="sorted"))
    return whole.hexdigest()


def data_files(sources: Iterable[bytes]) -> list[Path]:
    """The files of ``timeline/data`` that any of ``sources`` names in quotes."""
    text = b"\0".join(sources)
    return [path for path in sorted(DATA.glob("*.*")) if path.suffix in (".yaml", ".json", ".txt")
            and any(f"{quote}{path.name}{quote}".encode() in text for quote in "\"'")]


def library_version(name: str) -> str:
    """The installed version of a distribution or of the one providing an importable name."""
    for dist in _distributions().get(name, [name]):
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
    try:
        return importlib.metadata.version(name.replace("_", "-"))
    except importlib.metadata.PackageNotFoundError:
        return "none"


@lru_cache(maxsize=1)
def _distributions() -> dict[str, list[str]]:
    return dict(importlib.metadata.packages_distributions())


def _module_file(name: str) -> Path:
    base = PACKAGE.parent.joinpath(*name.split("."))
    return base / "__init__.py" if base.is_dir() else base.with_suffix(".py")


def _closure(module: str) -> tuple[set[str], set[str]]:
    """The package's modules ``module`` needs (itself and its parent packages included),
    and the top-level names of the other libraries they import."""
    seen: set[str] = set()
    libraries: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen or not _module_file(name).is_file():
            continue
        seen.add(name)
        parent = name.rpartition(".")[0]
        if parent:
            todo.append(parent)
        for imported in _imports(_module_file(name).read_text(encoding="utf-8")):
            top = imported.split(".")[0]
            if top == PACKAGE.name:
                todo.append(imported)
            elif top not in sys.stdlib_module_names and top != "__future__":
                libraries.add(top)
    return seen, libraries


def _imports(source: str) -> list[str]:
    found: list[str] = []
    for match in _IMPORT.finditer(source):
        base, names, plain = match.groups()
        if plain:
            found.extend(part.split(" as ")[0].strip() for part in plain.split(","))
        else:
            found.append(base)
            # ``from timeline.x import y`` may import the module ``timeline.x.y``
            for part in re.sub(r"#[^\n]*", "", names).strip("() \n").split(","):
                word = part.split(" as ")[0].strip()
                if word.isidentifier():
                    found.append(f"{base}.{word}")
    return found
