"""The site's account of itself: ``.site-manifest.json``, written last into every site.

It holds the digest of everything the site's rendering read, every file with
its size, the digest of the inputs each page was made from (see
``depends``) and of each listing's as a whole, the size of each event's
listing entry, the events of the export files' rows and the search index's shards. Read back, every listed file is checked against the disk: only files
found as they were written are linked into the next site.
"""

from __future__ import annotations

import json
import os
import posixpath
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

MANIFEST = ".site-manifest.json"
MANIFEST_FORMAT = 3


@dataclass
class Manifest:
    """What the live site says about itself, checked against the disk."""

    root: Path
    digest: str = ""
    search: str | None = None  # settings the pagefind/ folder was made with, None without one
    pages: int = 0
    files: dict[str, int] = field(default_factory=dict)  # site path → size, only files found intact
    damaged: set[str] = field(default_factory=set)  # listed, but missing or changed since
    inodes: dict[str, int] = field(default_factory=dict)  # site path → inode, of the files found intact
    scope: str | None = None  # the inputs all pages shared (depends.page_scope)
    inputs: dict[str, str] = field(default_factory=dict)  # site path → digest of what it was made from
    sizes: dict[str, int] = field(default_factory=dict)  # event digest → bytes of its listing entry
    shards: list[str] = field(default_factory=list)  # search index bundles under pagefind/
    rows: dict[str, list[str]] = field(default_factory=dict)  # event digests of the export files' rows
    groups: dict[str, int] = field(default_factory=dict)  # digest of a listing's inputs → its number of pages

    @property
    def intact(self) -> bool:
        return not self.damaged

    def intact_under(self, prefix: str) -> bool:
        return not any(p.startswith(prefix) for p in self.damaged)


def read_manifest(output: Path) -> Manifest | None:
    """The live site's manifest with every listed file checked; None when there is none to trust.

    A file counts as intact when it has its listed size and is not newer than
    the manifest, which is written after every file of its site.
    """
    path = output / MANIFEST
    try:
        stamp = path.stat().st_mtime_ns
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != MANIFEST_FORMAT:
            return None
        listed = {str(k): int(v) for k, v in data["files"].items()}
        # The manifest is a file anyone with the folder can edit: a listed path that
        # leaves the site must never become a file linked into the next one.
        if any(not _inside(p) for p in listed):
            return None
        found = Manifest(output, str(data["digest"]), data.get("search"), int(data["pages"]),
                         scope=data.get("scope"), shards=[str(name) for name in data["shards"]],
                         inputs={str(k): str(v) for k, v in data["inputs"].items()},
                         sizes={str(k): int(v) for k, v in data["sizes"].items()},
                         rows={str(k): [str(d) for d in v] for k, v in data["rows"].items()},
                         groups={str(k): int(v) for k, v in data["groups"].items()})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no manifest, or one this code cannot read: render everything
    try:
        with _folder(output) as (root, folder):
            for site_path, size in listed.items():
                try:
                    info = os.stat(root + site_path, dir_fd=folder)
                except OSError:
                    found.damaged.add(site_path)
                    continue
                if info.st_size == size and info.st_mtime_ns <= stamp:
                    found.files[site_path] = size
                    found.inodes[site_path] = info.st_ino
                else:
                    found.damaged.add(site_path)
    except OSError:
        return None
    return found


@contextmanager
def _folder(output: Path) -> Iterator[tuple[str, int | None]]:
    """What to prefix a site path with and the folder to stat it in: relative to an open
    folder where the system offers it, which saves the kernel walking the whole path every time."""
    if os.stat not in os.supports_dir_fd:
        yield str(output) + os.sep, None
        return
    folder = os.open(output, os.O_RDONLY)
    try:
        yield "", folder
    finally:
        os.close(folder)


def _inside(site_path: str) -> bool:
    clean = posixpath.normpath(site_path)
    return clean == site_path and not clean.startswith(("/", "../")) and clean not in (".", "..")
