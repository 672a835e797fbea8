"""What reading ``content/actors.yaml`` gave, kept in the build's cache folder.

The registry is read on every build, and libyaml with line numbers takes a
quarter of the resolve stage on a registry of a thousand actors. An entry
holds the actors and the problems the reader found, filed under a hash of
the file's bytes and of the code that reads them: a maintainer's edit
changes the bytes, so it is always read. JSON rather than pickle for the
reason ``timeline.cache.extractions`` gives; an entry that does not decode is a miss.
Only the entry of the file as last read is kept.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from timeline.records import Actor, Problem, Role
from timeline.store.reader import maker
from timeline.store.yamlio import atomic_write_text

FORMAT = "registry-cache-1"  # bump when the entry layout below changes
FOLDER = "registry"
# The code whose change changes what a file reads as, relative to ``timeline/``.
READER_CODE = ("store/registry.py", "store/registrycache.py", "store/yamlio.py", "actors/names.py",
               "actors/registry.py", "records.py")

_actor, _role = maker(Actor), maker(Role)


def actor_row(actor: Actor) -> list[Any]:
    """An actor's fields in a fixed order, for JSON."""
    return [actor.name, actor.kind, list(actor.aliases), [[r.title, r.seen] for r in actor.roles], actor.country,
            actor.wikidata, actor.description, actor.auto, actor.hidden]


def actor_from_row(row: list[Any]) -> Actor:
    name, kind, aliases, roles, country, wikidata, description, auto, hidden = row
    if not (isinstance(name, str) and isinstance(kind, str) and isinstance(aliases, list) and isinstance(roles, list)
            and all(x is None or isinstance(x, str) for x in (country, wikidata, description))
            and isinstance(auto, bool) and isinstance(hidden, bool)):
        raise ValueError("not an actor row")
    return _actor(name, kind, tuple(map(str, aliases)), tuple([_role(str(t), str(s)) for t, s in roles]),
                  country, wikidata, description, auto, hidden)


@lru_cache(maxsize=1)
def _code_version() -> bytes:
    from timeline.cache.extractions import code_fingerprint

    return f"{FORMAT}\0{code_fingerprint(READER_CODE)}\0{yaml.__version__}\0".encode()


def _line(value: Any) -> int | None:
    if value is not None and type(value) is not int:
        raise ValueError("not a line number")
    return value


class RegistryCache:
    """Actors and problems of registry files, by the hash of their bytes."""

    def __init__(self, cache: Path) -> None:
        self.folder = Path(cache) / FOLDER

    def key(self, raw: bytes) -> str:
        return hashlib.sha256(_code_version() + raw).hexdigest()

    def get(self, key: str, path: str) -> tuple[list[Actor], list[Problem]] | None:
        """What the file with hash ``key`` read as, its problems naming ``path``; None for a miss."""
        try:
            data = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            actors = [actor_from_row(row) for row in data["actors"]]
            problems = [Problem(path, str(message), _line(line), str(severity))
                        for message, line, severity in data["problems"]]
            return actors, problems
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None  # missing or damaged: the file is read again

    def put(self, key: str, actors: list[Actor], problems: list[Problem]) -> None:
        payload = {"actors": [actor_row(a) for a in actors],
                   "problems": [[p.message, p.line, p.severity] for p in problems]}
        try:
            atomic_write_text(self.folder / f"{key}.json",
                              json.dumps(payload, ensure_ascii=False, separators=(",", ":")), sync=False)
            for old in self.folder.glob("*.json"):
                if old.stem != key:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be written only costs time
