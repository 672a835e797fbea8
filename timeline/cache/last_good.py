"""The last good version of each store file and of the registry, kept in the cache folder.

After a build has written the store, every store file and the registry read
without an error are copied here (only those that changed since the copy).
When one of them is broken later, ``timeline build --last-good`` builds with
its copy instead of stopping, so what the maintainer hid stays hidden and what
they curated stays curated while the broken file waits, untouched, for a fix.

Copies are kept per content folder (several may share one cache folder) under
``last-good/<digest of the content folder>/``, with the file's own relative
name: ``events/2022-02.yaml``, ``actors.yaml``. Like everything in the cache
they may be deleted at any time: the build then has nothing to fall back on and
says so.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
from pathlib import Path
from typing import Iterable

log = logging.getLogger("timeline")

FOLDER = "last-good"


class LastGood:
    """The kept copies of one content folder's store files, by their name relative to it."""

    def __init__(self, cache: Path, content: Path) -> None:
        self.content = content
        user = hashlib.sha256(str(content.resolve()).encode()).hexdigest()[:16]
        self.folder = cache / FOLDER / user

    def keep(self, paths: Iterable[Path]) -> None:
        """Copy each file (one read without an error) unless its copy is already the same."""
        for path in paths:
            copy = self.folder / self._name(path)
            try:
                source = path.stat()
                try:
                    kept = copy.stat()
                    if (kept.st_size, kept.st_mtime_ns) == (source.st_size, source.st_mtime_ns):
                        continue
                except FileNotFoundError:
                    pass
                copy.parent.mkdir(parents=True, exist_ok=True)
                aside = copy.with_name(f".{copy.name}.{os.getpid()}")
                shutil.copy2(path, aside)
                os.replace(aside, copy)
            except OSError as exc:  # a copy that cannot be kept costs a fallback, not the build
                log.warning("cache: cannot keep a copy of %s: %s", path, exc.strerror or exc)

    def recall(self, path: Path) -> str | None:
        """The text of the last good version of ``path``, or None when the cache holds none."""
        try:
            return (self.folder / self._name(path)).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def where(self, path: Path) -> Path:
        """Where the copy of ``path`` is kept."""
        return self.folder / self._name(path)

    def _name(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.content.resolve()).as_posix()
        except ValueError:
            return path.name
