"""What the store remembers between reading and writing its files.

Two memories, both safe to lose:

- ``StoreCache``: in the build's cache folder, each store file's validated
  events filed under a hash of the file's bytes (and of the code that reads
  them), so a rebuild does not parse and validate a month nobody touched.
  Entries are JSON, not pickle, for the reason ``timeline.cache`` gives: a
  cache folder can come back from CI storage, and loading JSON can only fail.
  An entry that does not decode is a miss and is written again.
- ``remember``/``unchanged``: within one process, the events a file held when
  it was read, so that saving the same events does not write the file out
  again. Only a file known to be in the writer's exact layout qualifies;
  any other file is rewritten once into that layout.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..records import ActorRef, DateEvidence, Event, Source
from .yamlio import atomic_write_text

FORMAT = "store-cache-1"  # bump when the row layout below changes
MAX_BYTES = 50_000_000


def read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    try:
        stat = path.stat()
        if stat.st_size > MAX_BYTES:
            raise StoreError(f"file is larger than {MAX_BYTES} bytes", str(path))
        return path.read_bytes(), stat
    except OSError as exc:
        raise StoreError(f"cannot read: {exc.strerror}", str(path)) from None


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 text with universal newlines, as ``Path.read_text`` would give it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StoreError(f"not UTF-8 text ({exc.reason})", str(path)) from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


@lru_cache(maxsize=1)
def _code_version() -> bytes:
    """Hash of the code that turns bytes into events: a change to it makes every entry stale."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(FORMAT.encode())
    # values.py: validation fills in a missing precision from the date.
    for name in ("events.py", "fastyaml.py", "yamlio.py", "loadcache.py", "../records.py", "../temporal/values.py"):
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.digest()


class StoreCache:
    """Validated events of store files, by the hash of their bytes."""

    def __init__(self, cache: Path) -> None:
        self.root = cache / "store"
        self.used: set[str] = set()

    def key(self, raw: bytes) -> str:
        return hashlib.sha256(_code_version() + raw).hexdigest()

    def get(self, digest: str) -> tuple[list[Event], bool] | None:
        self.used.add(digest)
        try:
            data = json.loads((self.root / f"{digest}.json").read_text(encoding="utf-8"))
            return [_from_row(row) for row in data["events"]], bool(data["canonical"])
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None  # missing or corrupt: the file is read again

    def put(self, digest: str, events: list[Event], *, canonical: bool) -> None:
        self.used.add(digest)
        path = self.root / f"{digest}.json"
        try:
            if canonical or not path.exists():
                payload = {"canonical": canonical, "events": [_to_row(e) for e in events]}
                atomic_write_text(path, json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
                                  sync=False)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Drop entries of files that no longer exist in this form."""
        try:
            for path in self.root.glob("*.json"):
                if path.stem not in self.used:
                    path.unlink(missing_ok=True)
        except OSError:
            pass


def _to_row(e: Event) -> list[Any]:
    ev = e.evidence
    return [e.id, e.date, e.precision, e.status, e.title, e.summary, e.type,
            [[a.name, a.kind] for a in e.actors],
            [[s.article, s.title, s.published, s.url, s.outlet, s.quote, s.reported_date] for s in e.sources],
            None if ev is None else [ev.rule, ev.expression, ev.value], e.importance, list(e.aliases),
            list(e.curated), e.hidden, e.locked, list(e.disputes), e.place, e.type_rule, e.predicate]


def _from_row(r: list[Any]) -> Event:
    ev = r[9]
    return Event(
        id=r[0], date=r[1], precision=r[2], status=r[3], title=r[4], summary=r[5], type=r[6],
        actors=tuple(ActorRef(n, k) for n, k in r[7]), sources=tuple(Source(*s) for s in r[8]),
        evidence=None if ev is None else DateEvidence(*ev), importance=float(r[10]), aliases=tuple(r[11]),
        curated=tuple(r[12]), hidden=bool(r[13]), locked=bool(r[14]), disputes=tuple(r[15]), place=r[16],
        type_rule=r[17], predicate=r[18],
    )


@dataclass(frozen=True)
class _Read:
    stamp: tuple[int, int, int]
    events: list[Event]
    canonical: bool  # the file is exactly what writing ``events`` gives


_READ: dict[str, _Read] = {}


def _stamp(stat: os.stat_result) -> tuple[int, int, int]:
    return stat.st_size, stat.st_mtime_ns, stat.st_ino


def remember(path: Path, stat: os.stat_result, events: list[Event], canonical: bool) -> None:
    _READ[str(path.absolute())] = _Read(_stamp(stat), list(events), canonical)


def unchanged(path: Path, events: list[Event]) -> bool:
    """Whether ``path`` already holds exactly ``events`` in the writer's layout."""
    read = _READ.get(str(path.absolute()))
    if read is None or not read.canonical or read.events != events:
        return False
    try:
        return _stamp(path.stat()) == read.stamp
    except OSError:
        return False
