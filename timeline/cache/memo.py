"""A content-addressed store of per-item results, on disk under the cache folder.

An entry is filed under a digest of its step's key (``keys.step_digest``: code,
library versions, data, settings) and of the item's fingerprint, so a change to
any of them is a miss, never a stale hit, and nothing lists which change
invalidates what. An entry file is ``MAGIC``, the first 16 bytes of the
SHA-256 of the body, then the body: the result encoded by msgspec's MessagePack
as the step's result type. A damaged, truncated or undecodable entry is a miss
and is computed again: a new entry is written in place, as one torn by a
killed build fails its checksum, and one that exists is replaced by a rename.
Entries are data, not pickles: a cache folder restored from CI storage can
only fail to load, never run code. The folder may be deleted at any time.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from pathlib import Path
from typing import Any, Callable, Generic, Iterable, Sequence, TypeVar

import msgspec

from timeline.cache.keys import step_digest

log = logging.getLogger("timeline")

MAGIC = b"TLM1"
CHECK_BYTES = 16
USERS = "users"  # per step, one file per content folder: the entries its last build used
KEPT_USERS = 8

T = TypeVar("T")
R = TypeVar("R")


class Memo:
    """The cache folder of one build: ``step`` gives a memoised runner for each per-item step.

    Several content folders may share one cache folder (``--content``): ``user`` names the
    one building, and pruning keeps what any of the last ``KEPT_USERS`` used."""

    def __init__(self, root: Path, *, enabled: bool = True, user: str = "") -> None:
        self.root = root
        self.enabled = enabled  # False (``--clean``): every lookup misses, results are still kept
        self.user = hashlib.sha256(user.encode()).hexdigest()[:16]
        self.steps: dict[str, MemoStep[Any]] = {}

    def step(self, name: str, result: type[R], module: str, settings: object = None) -> "MemoStep[R]":
        """A runner for the step ``name`` whose results are of type ``result`` and whose
        code is ``module`` and what it imports; ``settings`` are the configuration it reads."""
        runner = MemoStep(self.root / name, result, step_digest(module, settings), enabled=self.enabled)
        self.steps[name] = runner
        return runner

    def prune(self) -> None:
        """Remove the entries neither this build nor the last builds of other content
        folders used (older code, changed items)."""
        for runner in self.steps.values():
            runner.prune(self.user)


class MemoStep(Generic[R]):
    """One step's entries; called as a stage's ``each`` (see ``timeline.cache.Each``)."""

    def __init__(self, folder: Path, result: type[R], salt: str, *, enabled: bool = True) -> None:
        self.folder = folder
        self._root = str(folder) + os.sep  # paths as strings: a step may look up 100,000 entries
        self._made: set[str] = set()  # entry folders known to exist
        self.salt = salt
        self.enabled = enabled
        self.encoder = msgspec.msgpack.Encoder()
        self.decoder = msgspec.msgpack.Decoder(result)
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0
        self.damaged = 0

    def __call__(self, items: Sequence[T], fingerprint: Callable[[T], str],
                 compute: Callable[[list[T]], Iterable[R]], *, keep: Callable[[R], bool] | None = None,
                 fresh: Callable[[R], bool] | None = None) -> list[R]:
        """The result of each item, in order: kept ones where ``fresh`` allows, the others
        computed together (``compute`` gets them in order and yields their results in
        order) and filed as they arrive, where ``keep`` allows."""
        keys = [self.key(fingerprint(item)) for item in items]
        results: list[R | None] = [self.get(key) for key in keys]
        if fresh is not None:
            results = [r if r is None or fresh(r) else None for r in results]
        missing = [i for i, r in enumerate(results) if r is None]
        self.hits += len(items) - len(missing)
        self.misses += len(missing)
        done = 0
        for i, result in zip(missing, compute([items[i] for i in missing])):
            if keep is None or keep(result):
                self.put(keys[i], result)
            results[i] = result
            done += 1
        if done != len(missing):
            raise RuntimeError(f"{self.folder.name}: computed {done} results for {len(missing)} items")
        return [r for r in results if r is not None]

    def key(self, fingerprint: str) -> str:
        key = hashlib.sha256(f"{self.salt}\0{fingerprint}".encode()).hexdigest()[:40]
        self.used.add(key)
        return key

    def _path(self, key: str) -> str:
        return f"{self._root}{key[:2]}{os.sep}{key[2:]}"

    def get(self, key: str) -> R | None:
        if not self.enabled:
            return None
        try:
            data = _read(self._path(key))
        except OSError:
            return None
        body = data[len(MAGIC) + CHECK_BYTES:]
        if data[:len(MAGIC)] != MAGIC or data[len(MAGIC):len(MAGIC) + CHECK_BYTES] != _check(body):
            self.damaged += 1
            return None
        try:
            return self.decoder.decode(body)
        except (msgspec.DecodeError, ValueError, TypeError):
            self.damaged += 1
            return None

    def put(self, key: str, result: R) -> None:
        body = self.encoder.encode(result)
        path, folder = self._path(key), f"{self._root}{key[:2]}"
        try:
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            try:
                _write(path, os.O_EXCL, MAGIC + _check(body) + body)
            except FileExistsError:  # a damaged entry: replaced whole, never seen half written
                tmp = f"{folder}{os.sep}.{key[2:]}.{os.getpid()}"
                _write(tmp, os.O_TRUNC, MAGIC + _check(body) + body)
                os.replace(tmp, path)
        except OSError as exc:  # a cache that cannot be written costs time, not results
            log.warning("cache: cannot write %s: %s", path, exc.strerror or exc)

    def prune(self, user: str) -> None:
        """Remove what no recent user needs. Another build sharing the folder may be pruning
        too: a folder gone meanwhile is skipped, and when the users' lists cannot be read
        nothing is removed."""
        keep = self._users_keys(user)
        if keep is None:
            return
        try:
            subs = list(os.scandir(self.folder))
        except OSError:
            return
        for sub in subs:
            if sub.name == USERS:
                continue
            if not sub.is_dir(follow_symlinks=False) or len(sub.name) != 2:  # not an entry's folder
                _remove(Path(sub.path))
                continue
            try:
                entries = list(os.scandir(sub.path))
            except OSError:
                continue
            kept = False
            for entry in entries:
                if sub.name + entry.name in keep:
                    kept = True
                else:
                    _remove(Path(entry.path))
            if not kept:
                _remove(Path(sub.path))

    def _users_keys(self, user: str) -> set[str] | None:
        """The keys this build used, recorded as ``user``'s (the file is rewritten only when
        they changed), with those the other recent users recorded; older users are forgotten.
        None when the lists cannot be read."""
        folder = self.folder / USERS
        mine = "\n".join(sorted(self.used)) + "\n"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / user
            if not path.is_file() or path.read_text(encoding="ascii", errors="replace") != mine:
                path.write_text(mine, encoding="ascii")
            lists = sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return None
        keep = set(self.used)
        for n, other in enumerate(lists):
            if n >= KEPT_USERS:
                _remove(other)
                continue
            try:
                keep.update(other.read_text(encoding="ascii", errors="replace").split())
            except OSError:
                continue
        return keep


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _write(path: str, flag: int, data: bytes) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | flag | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
    finally:
        os.close(handle)


def _read(path: str) -> bytes:
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        parts, size = [], os.fstat(handle).st_size + 1
        while part := os.read(handle, size):
            parts.append(part)
        return b"".join(parts)
    finally:
        os.close(handle)


def _check(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()[:CHECK_BYTES]
