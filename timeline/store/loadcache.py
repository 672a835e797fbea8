"""What the store remembers between reading and writing its files.

Two memories, both safe to lose:

- ``StoreCache``: in the build's cache folder, by a hash of each store file's
  bytes (and of the code that reads them), its validated events and whether
  the file is exactly what the writer gives (``canonical``), so that the next
  save need not write it out again to find that out. Decoding an entry costs
  a quarter of what ``reader.py`` needs for the file (a store of 3,000
  events: 0.045 s, 0.17 s), less still next to the general reader. A save
  keeps only ``canonical`` for the files it writes (keeping their events
  there too cost a save two seconds at 100,000 events); the next load reads
  such a file once and keeps its events.
  Entries are JSON, not pickle, for the reason ``timeline.cache.extractions`` gives: a
  cache folder can come back from CI storage, and loading JSON can only
  fail. An entry that does not decode is a miss and is written again.
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

from timeline.errors import StoreError
from timeline.records import DateEvidence, Event, Source
from timeline.store.reader import _actor_of, maker, named_maker
from timeline.store.yamlio import atomic_write_text

FORMAT = "store-cache-3"  # bump when the row layout below changes
_event, _source, _evidence = named_maker(Event), named_maker(Source), maker(DateEvidence)
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
    for name in ("events.py", "reader.py", "fingerprint.py", "schema.py", "fastyaml.py", "yamlio.py", "loadcache.py",
                 "writer.py", "../records.py", "../temporal/values.py"):
        try:
            digest.update((here / name).read_bytes())
        except OSError:
            digest.update(name.encode())
    return digest.digest()


def file_digest(raw: bytes) -> str:
    """What a store file's bytes give under the code that reads them: equal digests, equal events."""
    return hashlib.sha256(_code_version() + raw).hexdigest()


class StoreCache:
    """Validated events of store files, by the hash of their bytes."""

    def __init__(self, cache: Path) -> None:
        self.root = cache / "store"
        self.used: set[str] = set()

    def key(self, raw: bytes) -> str:
        return file_digest(raw)

    def get(self, digest: str) -> tuple[list[Event] | None, bool] | None:
        """(events, canonical), events None when only the second is kept; None for a miss."""
        self.used.add(digest)
        try:
            data = json.loads((self.root / f"{digest}.json").read_text(encoding="utf-8"))
            if data["events"] is None:
                return None, data["canonical"] is True
            articles = [tuple(a) for a in data["articles"]]
            return [_from_row(row, articles) for row in data["events"]], bool(data["canonical"])
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
            return None  # missing or corrupt: the file is read again

    def put(self, digest: str, events: list[Event] | None, *, canonical: bool) -> None:
        """Keep ``events`` of a file, or with None only whether it is ``canonical``."""
        self.used.add(digest)
        path = self.root / f"{digest}.json"
        try:
            if canonical or not path.exists():
                articles: dict[tuple[Any, ...], int] = {}
                rows = None if events is None else [_to_row(e, articles) for e in events]
                payload = {"canonical": canonical, "articles": list(articles), "events": rows}
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


# A row is an event's fields in a fixed order. What a source says about its
# article (id, title, date, address, outlet) is the same in every event the
# article reports, so it is kept once per entry in ``articles`` and a source
# row is [index of its article, quote, reported date]: a third of the text.


def _to_row(e: Event, articles: dict[tuple[Any, ...], int]) -> list[Any]:
    ev = e.evidence
    sources = []
    for s in e.sources:
        key = (s.article, s.title, s.published, s.url, s.outlet)
        k = articles.get(key)
        if k is None:
            k = articles[key] = len(articles)
        sources.append([k, s.quote, s.reported_date])
    return [e.id, e.date, e.precision, e.status, e.title, e.summary, e.type,
            [[a.name, a.kind] for a in e.actors], sources,
            None if ev is None else [ev.rule, ev.expression, ev.value, ev.mod], e.importance, list(e.aliases),
            list(e.curated), e.hidden, e.locked, list(e.disputes), e.place, e.type_rule, e.predicate]


def _from_row(r: list[Any], articles: list[tuple[Any, ...]]) -> Event:
    ev = r[9]
    return _event(
        id=r[0], date=r[1], precision=r[2], status=r[3], title=r[4], summary=r[5], type=r[6],
        actors=tuple([_actor_of(n, k) for n, k in r[7]]),
        # "for ... in (articles[k],)" names the five values of the source's article (a wrong count: ValueError)
        sources=tuple([_source(article=a, title=t, published=p, url=u, outlet=o, quote=quote, reported_date=reported)
                       for k, quote, reported in r[8] for a, t, p, u, o in (articles[k],)]),
        evidence=None if ev is None else _evidence(*ev), importance=float(r[10]), aliases=tuple(r[11]),
        curated=tuple(r[12]), hidden=bool(r[13]), locked=bool(r[14]), disputes=tuple(r[15]), place=r[16],
        type_rule=r[17], predicate=r[18])


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
