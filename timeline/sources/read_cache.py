"""What reading each article file gave, kept between builds, so a rebuild reads only what changed.

An entry holds the articles and problems of one file, filed under
``<cache>/read/<environment>/<content folder>/`` by the file's path. The
environment names everything besides the file that decides what reading it
gives: the code of this package and the vocabulary it reads, the versions of
the libraries it calls, the configuration keys it reads, the shape of the
records. The entry's key names the rest: the file's path (and how messages
show it), its size, modification and change times and inode, the bytes of
its sidecar ``NAME.yaml``, its entry in ``content/sources.yaml``.

A file changed within ``RACY_SECONDS`` of being read may change again
without its times showing it (they tick coarsely on many file systems), so
its entry also holds a hash of the bytes read, checked on every use until the
file is read again. A reading that depends on today's date (a date still to
come, see ``clock``) holds until that day. Failures that need not recur (an
unreadable file, a reader that crashed) are never kept.

An entry file is a header line (format, key, checksum, digest, due day) and
a body: the articles and problems as arrays of field values. JSON rather
than pickle for the reason ``timeline.cache.extractions`` gives; a damaged or stale
entry is a miss, never an error. The folder may be deleted at any time.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import shutil
import stat as stat_module
import struct
import sys
import time
import unicodedata
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from timeline.cache.extractions import _package_version, _schema, code_fingerprint
from timeline.records import Article, Problem, stable_hash
from timeline.store.reader import maker
from timeline.store.yamlio import atomic_write_text
from timeline.sources import clock
from timeline.sources.files import SourceFile
from timeline.sources.meta import Meta

log = logging.getLogger("timeline")

FORMAT = 1  # bump when the entry layout below changes
# The code and data reading depends on, relative to the timeline package.
READ_CODE = ("sources", "casefold.py", "line_patterns.py", "data/__init__.py", "data/article_cleaning.yaml")
# Libraries whose answers become articles: YAML, text repair, language,
# page extraction and its dates, feeds.
READ_LIBRARIES = ("pyyaml", "ftfy", "langdetect", "trafilatura", "htmldate", "justext", "dateparser", "lxml",
                  "feedparser")
# How long after a change a file's times may not yet show a second change.
RACY_SECONDS = 2
SIDECAR_SUFFIXES = (".yaml", ".yml")  # as ``meta.sidecar`` looks for them
# Content folders whose readings are kept, the most recently read: a project
# has one, a test run many.
KEPT_CONTENT_FOLDERS = 8


@dataclass(frozen=True)
class Reading:
    """What reading one file gave, and how long it holds."""

    articles: tuple[Article, ...] = ()
    problems: tuple[Problem, ...] = ()
    text_keys: tuple[str, ...] = ()  # one per article: its words' hash, for finding duplicates
    digest: str | None = None  # hash of the bytes read, None when none were
    due: date | None = None  # the first day the file could read differently
    lasting: bool = True  # False for a failure that need not recur: never kept


@dataclass(frozen=True)
class FileKey:
    """The state of a file and of what reading it looks at besides the file."""

    key: str
    changed_ns: int  # the later of the file's modification and change times


def file_digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


class ReadCache:
    """Readings of the files of one content folder, for one environment."""

    def __init__(self, root: Path, environment: str, content: Path, *, enabled: bool = True) -> None:
        self.root = root / "read"
        self.environment = environment
        self.folder = self.root / environment / stable_hash(str(content.resolve()), length=16)
        self.enabled = enabled
        self.started_ns = time.time_ns()
        self.hits = 0
        self.misses = 0
        self._unwritable = False
        self._names: dict[str, str] = {}  # entry file name by relative path
        self._listings: dict[Path, frozenset[str]] = {}  # names in each folder of the content folder

    def key(self, source: SourceFile, index_entry: Meta) -> FileKey | None:
        """The key of ``source`` as it is now; None when it cannot be told (nothing is then kept)."""
        try:
            stat = os.stat(source.path)
            sidecars = [self._sidecar_digest(source.path.with_suffix(suffix)) for suffix in SIDECAR_SUFFIXES]
        except OSError:
            return None
        key = stable_hash(source.rel, source.shown, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns,
                          stat.st_ino, sidecars, index_entry.values, index_entry.where, length=32)
        return FileKey(key, max(stat.st_mtime_ns, stat.st_ctime_ns))

    def _sidecar_digest(self, path: Path) -> str | None:
        """Hash of a sidecar's bytes; None when there is no such file (``meta.sidecar`` then skips it)."""
        names = self._listings.get(path.parent)
        if names is None:  # one listing per folder, not a failed open per article
            names = self._listings[path.parent] = frozenset(os.listdir(path.parent))
        if path.name not in names or not stat_module.S_ISREG(os.stat(path).st_mode):
            return None
        return file_digest(path.read_bytes())

    def _entry(self, source: SourceFile) -> Path:
        name = self._names.get(source.rel)
        if name is None:
            name = self._names[source.rel] = f"{stable_hash(source.rel, length=32)}.json"
        return self.folder / name

    def kept(self, sources: list[SourceFile], keys: dict[str, FileKey | None]) -> dict[str, Reading]:
        """The kept reading of each of ``sources`` that has one, by relative path."""
        found = {s.rel: self.get(s, keys[s.rel]) for s in sources}
        return {rel: reading for rel, reading in found.items() if reading is not None}

    def get(self, source: SourceFile, key: FileKey | None) -> Reading | None:
        """The kept reading of ``source``, or None (no entry, another key, due, damaged)."""
        reading = self._load(source, key) if self.enabled and key is not None else None
        if reading is None:
            self.misses += 1
        else:
            self.hits += 1
        return reading

    def _load(self, source: SourceFile, key: FileKey) -> Reading | None:
        try:
            raw = self._entry(source).read_bytes()
        except OSError:
            return None
        try:
            head, _, body = raw.partition(b"\n")
            header = json.loads(head)
            if header["format"] != FORMAT or header["key"] != key.key:
                return None  # the file or what reading it looks at changed
            due = date.fromisoformat(header["due"]) if header["due"] else None
            if due is not None and clock.today() >= due:
                return None
            if header["sha1"] != hashlib.sha1(body).hexdigest():
                raise ValueError("checksum mismatch")
            if header["racy"] and file_digest(source.path.read_bytes()) != header["digest"]:
                return None  # changed again within the tick of its times
            articles, problems, text_keys = json.loads(body)
            reading = Reading(tuple(_article(row) for row in articles), tuple(_problem(row) for row in problems),
                              tuple(text_keys), header["digest"], due)
            if len(reading.text_keys) != len(reading.articles) or not all(type(k) is str for k in text_keys):
                raise ValueError("one text key per article expected")
        except (OSError, ValueError, TypeError, KeyError, struct.error) as exc:
            # json's errors are ValueErrors; a damaged entry is read again and written anew.
            log.debug("read cache: reading %s again (%s: %s)", source.shown, type(exc).__name__, exc)
            return None
        if header["racy"] and not self._racy(key):
            self.put(source, key, reading)  # old enough now: no more checks of its bytes
        return reading

    def _racy(self, key: FileKey) -> bool:
        return key.changed_ns + RACY_SECONDS * 1_000_000_000 > self.started_ns

    def put(self, source: SourceFile, key: FileKey | None, reading: Reading) -> None:
        """Keep ``reading`` of ``source``; a cache that cannot be written only costs time."""
        racy = key is not None and self._racy(key)
        if key is None or not reading.lasting or (racy and reading.digest is None) or self._unwritable:
            return
        body = json.dumps([[_article_row(a) for a in reading.articles], [_problem_row(p) for p in reading.problems],
                           list(reading.text_keys)], separators=(",", ":"))
        header = json.dumps({"format": FORMAT, "key": key.key, "sha1": hashlib.sha1(body.encode()).hexdigest(),
                             "racy": racy, "digest": reading.digest,
                             "due": reading.due.isoformat() if reading.due else None})
        try:
            atomic_write_text(self._entry(source), f"{header}\n{body}", sync=False)
        except OSError as exc:
            self._unwritable = True
            log.warning("read cache: cannot write %s: %s", self.folder, exc.strerror or exc)

    def prune(self, sources: list[SourceFile]) -> None:
        """Remove entries of files no longer in the content folder, of content folders not read
        for long, and of other environments."""
        keep = {self._entry(source).name for source in sources if source.format is not None}
        try:
            for name in os.listdir(self.folder):
                if name not in keep and not name.startswith("."):  # not another writer's temporary file
                    (self.folder / name).unlink(missing_ok=True)
            os.utime(self.folder)  # read now: the content folders are kept by when they were last read
        except OSError:
            pass
        _remove_all_but(self.root, {self.environment})
        try:
            folders = sorted(self.folder.parent.iterdir(), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        except OSError:
            return
        _remove_all_but(self.folder.parent, {p.name for p in folders[:KEPT_CONTENT_FOLDERS]} | {self.folder.name})


def _remove_all_but(folder: Path, keep: set[str]) -> None:
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name not in keep:
            shutil.rmtree(folder / name, ignore_errors=True)


def environment_key(settings: object) -> str:
    """Hash of everything besides the files that decides what reading them gives."""
    return stable_hash(
        FORMAT, code_fingerprint(READ_CODE), [_package_version(name) for name in READ_LIBRARIES],
        sys.version_info[:3], unicodedata.unidata_version, settings, _schema(Article), _schema(Problem),
        length=16,
    )


# --- records as arrays --------------------------------------------------------
# An article is the array of its field values in field order (the schema hash
# in the environment keeps an older order from being read), with its date as
# ISO text and its offsets packed: the offsets are most of an article's
# numbers, and unpacked from bytes they cost a tenth of a JSON array of them.

ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
_PUBLISHED, _TAGS, _OFFSETS = (ARTICLE_FIELDS.index(name) for name in ("published", "tags", "offsets"))
_make_article = maker(Article)
_make_problem = maker(Problem)


def _article_row(article: Article) -> list[Any]:
    row = [getattr(article, name) for name in ARTICLE_FIELDS]
    row[_PUBLISHED] = article.published.isoformat() if article.published else None
    row[_TAGS] = list(article.tags)
    row[_OFFSETS] = _pack(article.offsets)
    return row


def _article(row: list[Any]) -> Article:
    if type(row) is not list or len(row) != len(ARTICLE_FIELDS):
        raise ValueError("not an article row")
    row[_PUBLISHED] = date.fromisoformat(row[_PUBLISHED]) if row[_PUBLISHED] is not None else None
    row[_TAGS] = tuple(row[_TAGS])
    row[_OFFSETS] = _unpack(row[_OFFSETS])
    return _make_article(*row)  # type: ignore[no-any-return]


def _problem_row(problem: Problem) -> list[Any]:
    return [problem.path, problem.message, problem.line, problem.severity]


def _problem(row: list[Any]) -> Problem:
    if type(row) is not list or len(row) != 4:
        raise ValueError("not a problem row")
    return _make_problem(*row)  # type: ignore[no-any-return]


def _pack(offsets: tuple[tuple[int, int], ...]) -> str:
    """Pairs as little-endian 32-bit integers ('i'), 64-bit ('q') for offsets past 2 GB."""
    flat = [n for pair in offsets for n in pair]
    try:
        return "i" + base64.b64encode(struct.pack(f"<{len(flat)}i", *flat)).decode("ascii")
    except struct.error:
        return "q" + base64.b64encode(struct.pack(f"<{len(flat)}q", *flat)).decode("ascii")


def _unpack(packed: str) -> tuple[tuple[int, int], ...]:
    size = packed[:1]
    if size not in ("i", "q"):
        raise ValueError("offsets of an unknown size")
    return tuple(struct.iter_unpack(f"<{size}{size}", base64.b64decode(packed[1:], validate=True)))
