"""The one way the site reaches the disk: a staging folder swapped in whole.

Pages are written into a fresh folder beside the output folder; only when
everything (search index included) is in place does the staging folder take
the output's name, so a reader or a web server never sees half a site.

Rebuilds are cheap because of two things kept here. The site carries a
manifest (``.site-manifest.json``): the digest of everything its rendering
read, and every file with its size. A page whose bytes equal the live site's
file is hard-linked into the staging folder instead of written: a link is one
directory entry, a write allocates an inode and data that the removal of the
old site then frees again. Files are never changed in place, so a link shared
by the live site and the staging folder can never let one alter the other.
"""

from __future__ import annotations

import ctypes
import errno
import json
import multiprocessing
import os
import posixpath
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable

from ..errors import TimelineError

MANIFEST = ".site-manifest.json"
MANIFEST_FORMAT = 1
# O_EXCL: a staged path is always new; if it exists it may be a hard link to the
# live site, and truncating it would change the live site's file.
_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_RENAME_EXCHANGE = 2  # renameat2 flag (Linux): swap two paths in one step
_AT_FDCWD = -100


@dataclass
class Manifest:
    """What the live site says about itself, checked against the disk."""

    root: Path
    digest: str = ""
    search: str | None = None  # settings the pagefind/ folder was made with, None without one
    pages: int = 0
    files: dict[str, int] = field(default_factory=dict)  # site path → size, only files found intact
    damaged: set[str] = field(default_factory=set)  # listed, but missing or changed since

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
        found = Manifest(output, str(data["digest"]), data.get("search"), int(data["pages"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no manifest, or one this code cannot read: render everything
    for site_path, size in listed.items():
        try:
            info = os.stat(output / site_path)
        except OSError:
            found.damaged.add(site_path)
            continue
        if info.st_size == size and info.st_mtime_ns <= stamp:
            found.files[site_path] = size
        else:
            found.damaged.add(site_path)
    return found


def _inside(site_path: str) -> bool:
    clean = posixpath.normpath(site_path)
    return clean == site_path and not clean.startswith(("/", "../")) and clean not in (".", "..")


class SiteWriter:
    """Writes files by their site path (``events/abc.html``) into a staging folder.

    ``previous`` is the live site's manifest: files of identical bytes are
    linked from it. Written by forked render workers too, so the counts that
    must add up across processes live in shared memory.
    """

    def __init__(self, output: Path, previous: Manifest | None = None) -> None:
        self.output = output
        self.previous = previous
        output.parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(output)
        # Beside the output, on the same file system, so the final rename is atomic
        # and files can be linked; the pid lets a later build remove it if we die.
        self.root = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-{os.getpid()}-", dir=output.parent))
        self.pages = 0  # HTML documents written, the figure the build reports
        self.paths: list[str] = []  # every file written, for the sitemap and checks
        self._folders: set[Path] = set()  # made already: 100,000 pages share a few folders
        self._counts = multiprocessing.Array("q", 2)  # pages so far, files linked: all processes
        self.on_page: Callable[[int], None] | None = None  # told the pages so far, after each page

    @property
    def pages_so_far(self) -> int:
        return int(self._counts[0])

    @property
    def reused(self) -> int:
        return int(self._counts[1])

    def _target(self, site_path: str) -> Path:
        clean = PurePosixPath(posixpath.normpath(site_path))
        # Site paths are built from slugs, but a bug must never write outside the site.
        if clean.is_absolute() or clean.parts[:1] == ("..",) or str(clean) in ("", "."):
            raise TimelineError(f"refusing to write outside the site: {site_path!r}")
        target = self.root.joinpath(*clean.parts)
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        return target

    def write_text(self, site_path: str, text: str) -> None:
        # Exactly the rendered characters (CRLF in iCalendar stays CRLF), as UTF-8.
        self.write_bytes(site_path, text.encode("utf-8"))

    def write_bytes(self, site_path: str, data: bytes) -> None:
        target = self._target(site_path)
        linked = self._link_if_same(site_path, target, data)
        if not linked:
            _write_new(target, data)
        self.paths.append(site_path)
        if site_path.endswith(".html"):
            self.pages += 1
        if linked or site_path.endswith(".html"):
            with self._counts.get_lock():
                self._counts[0] += site_path.endswith(".html")
                self._counts[1] += linked
                done = self._counts[0]
            if self.on_page is not None and site_path.endswith(".html"):
                self.on_page(done)

    def _link_if_same(self, site_path: str, target: Path, data: bytes) -> bool:
        previous = self.previous
        if previous is None or previous.files.get(site_path) != len(data):
            return False
        old = previous.root / site_path
        try:
            # Comparing costs one read of a file the page cache holds; cheaper than
            # writing it, and exact where a stored hash would trust the disk.
            with open(old, "rb") as handle:
                if handle.read() != data:
                    return False
            os.link(old, target)
        except OSError:
            return False  # gone meanwhile, or a file system without links: write it
        return True

    def copy_file(self, site_path: str, source: Path) -> None:
        self.write_bytes(site_path, source.read_bytes())

    def carry_over(self, prefix: str) -> bool:
        """Link every file of the live site under ``prefix`` (``pagefind/``) into the staging folder."""
        previous = self.previous
        if previous is None or not previous.intact_under(prefix):
            return False
        try:
            for site_path in sorted(p for p in previous.files if p.startswith(prefix)):
                os.link(previous.root / site_path, self._target(site_path))
        except OSError:
            shutil.rmtree(self.root / prefix.rstrip("/"), ignore_errors=True)
            return False
        return True

    def same_as_previous(self, prefix: str) -> bool:
        """Whether the staged files under ``prefix`` are exactly the live site's (same set, same inodes)."""
        previous = self.previous
        if previous is None or not previous.intact_under(prefix):
            return False
        staged = {p for p in self.paths if p.startswith(prefix)}
        if staged != {p for p in previous.files if p.startswith(prefix)}:
            return False
        try:
            return all(os.stat(self.root / p).st_ino == os.stat(previous.root / p).st_ino for p in staged)
        except OSError:
            return False

    def commit(self, digest: str, search: str | None) -> None:
        """Write the manifest, then put the staged site in place of the output folder."""
        files: dict[str, int] = {}
        for folder, _, names in os.walk(self.root):
            for name in names:
                full = os.path.join(folder, name)
                files[PurePosixPath(Path(full).relative_to(self.root)).as_posix()] = os.stat(full).st_size
        manifest = {"format": MANIFEST_FORMAT, "digest": digest, "search": search, "pages": self.pages,
                    "files": dict(sorted(files.items()))}
        _write_new(self.root / MANIFEST, json.dumps(manifest, separators=(",", ":")).encode("utf-8"))
        # mkdtemp creates 0700 folders; a published site must be readable by the web server.
        os.chmod(self.root, 0o755)
        if self.output.exists() and _exchange(self.root, self.output):
            # One step: at no moment is there no site. The old one is now in the staging path.
            shutil.rmtree(self.root, ignore_errors=True)
            return
        old: Path | None = None
        if self.output.exists():
            old = self.output.with_name(f".{self.output.name}-old-{os.getpid()}")
            if old.exists():
                shutil.rmtree(old)
            os.replace(self.output, old)
        os.replace(self.root, self.output)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _write_new(target: Path, data: bytes) -> None:
    # Three system calls: a site has 100,000 files and a buffered file object
    # spends as many again on buffering it does not need.
    try:
        handle = os.open(target, _WRITE_FLAGS, 0o666)
    except FileExistsError:
        os.unlink(target)  # written twice in one build: replace, never truncate a link
        handle = os.open(target, _WRITE_FLAGS, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view):]
    finally:
        os.close(handle)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux renameat2); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False  # a C library older than glibc 2.28
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    done = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return done == 0  # EINVAL on file systems without it: fall back to two renames


def _remove_leftovers(output: Path) -> None:
    """Staging and old folders of builds that died (SIGKILL) before cleaning up after themselves."""
    pattern = re.compile(rf"\.{re.escape(output.name)}-(?:new|old)-(\d+)(?:-.*)?")
    try:
        siblings = list(output.parent.iterdir())
    except OSError:
        return
    for sibling in siblings:
        found = pattern.fullmatch(sibling.name)
        if found and int(found.group(1)) != os.getpid() and not _alive(int(found.group(1))):
            shutil.rmtree(sibling, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError as exc:
        return exc.errno == errno.EPERM  # someone else's process: leave its folder alone
    return True


def relative_root(site_path: str) -> str:
    """Prefix that leads from ``site_path`` back to the site root: ``""``, ``"../"``…"""
    depth = site_path.count("/")
    return "../" * depth

