"""The one way the site reaches the disk: files compared with the live site, a new site swapped in whole.

Every file the render makes is compared with the live site's file of the same
path. When all are equal and the live site has no other file, nothing is
written at all. Otherwise the files that differ are written into a staging
folder beside the output folder, the others are hard-linked into it from the
live site (a link is one directory entry, a write an inode and data), and the
staging folder takes the output's place in one step: a reader or a web server
never sees half a site, and a build killed at any moment leaves the previous
site complete. Files are never changed in place, so a file the two sites share
can never let one alter the other.

The staging folder is the spare folder, ``.output-spare``: the site the last
swap replaced, whose files are mostly the live site's own (the same inodes).
Those are kept as they are, so a rebuild links and removes only what changed
since the build before, instead of linking every file and removing a whole
site. Whatever else the spare folder holds is removed before it goes live.

The spare folder lives inside the cache folder (``site/<output name>-<digest of
its path>/``), where a maintainer expects what a build keeps, rather than
beside the output. The swap is a rename, which only works within one file
system: when the cache folder is on another one (or the build may not write
there), the spare folder is kept beside the output as ``.<output>-spare``.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import os
import posixpath
import re
import shutil
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import TimelineError

# O_EXCL: a staged path is always new; were it a link to the live site, truncating it would change that site.
_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)
_RENAME_EXCHANGE = 2  # renameat2 flag (Linux): swap two paths in one step
_AT_FDCWD = -100


@dataclass(frozen=True)
class SitePages:
    """The HTML pages of a render: written (new or changed), and the same as the live site's."""

    written: int = 0
    unchanged: int = 0


class SiteWriter:
    """Takes the site's files by their site path (``events/abc.html``); ``commit`` puts them live."""

    def __init__(self, output: Path, cache: Path | None = None) -> None:
        self.output = output
        output.parent.mkdir(parents=True, exist_ok=True)
        self.staging = staging_folder(output, cache)  # the spare folder's and scratch folders' parent
        self.spare = self.staging / f".{output.name}-spare"
        remove_leftovers(output, self.staging)
        self._live = f"{output}/"
        self._spare = f"{self.spare}/"
        self.live = scan(output)[0]  # the live site's regular files, by their inode
        self.files: dict[str, None] = {}  # every file of the new site, in the order made
        self.staged: set[str] = set()  # the files that differ from the live site's, written into the spare folder
        self._kept: dict[str, int] | None = None  # the spare folder's files by their inode, once it is staged in
        self._folders: set[str] = set()
        self._umask = current_umask()

    @property
    def pages(self) -> int:
        """HTML pages written: new, or changed since the live site."""
        return sum(1 for site_path in self.staged if site_path.endswith(".html"))

    @property
    def pages_made(self) -> int:
        """HTML pages of the new site, written or the same as the live site's."""
        return sum(1 for site_path in self.files if site_path.endswith(".html"))

    def write(self, site_path: str, data: bytes | bytearray) -> None:
        clean = posixpath.normpath(site_path)
        # Site paths are built from slugs, but a bug must never write outside the site.
        if clean != site_path or clean.startswith(("/", "../")) or clean in (".", ".."):
            raise TimelineError(f"refusing to write outside the site: {site_path!r}")
        self.files[site_path] = None
        if site_path in self.live and _same(self._live + site_path, data):
            if site_path in self.staged:  # made twice, the second time as the live one
                os.unlink(self._spare + site_path)
                self.staged.discard(site_path)
            return
        target = self._target(site_path)
        try:
            handle = os.open(target, _WRITE_FLAGS, 0o666)
        except FileExistsError:  # an old file of the spare folder, or made twice in one build
            if os.path.isdir(target) and not os.path.islink(target):
                shutil.rmtree(target)  # a folder someone put in the spare folder
            else:
                os.unlink(target)
            handle = os.open(target, _WRITE_FLAGS, 0o666)
        try:
            if site_path in self.live:  # a file the maintainer or a deploy script gave another mode keeps it
                mode = stat.S_IMODE(os.stat(self._live + site_path).st_mode)
                if mode != 0o666 & ~self._umask:
                    os.fchmod(handle, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view):]
        except OSError as exc:  # a full disk: the file it concerns; the live site is not touched
            raise OSError(exc.errno, exc.strerror or str(exc), target) from exc
        finally:
            os.close(handle)
        self.staged.add(site_path)

    def current(self, site_path: str) -> str:
        """The file that holds ``site_path`` as this build made it: staged, or the live site's own."""
        return (self._spare if site_path in self.staged else self._live) + site_path

    def _ready(self) -> dict[str, int]:
        """The spare folder's files by their inode, scanned (or the folder made) the first time."""
        if self._kept is None:
            if self.spare.is_symlink() or self.spare.exists() and not self.spare.is_dir():
                self.spare.unlink()
            self.spare.mkdir(exist_ok=True)
            mode = stat.S_IMODE(os.stat(self.spare).st_mode)
            if mode & 0o700 != 0o700:  # a read-only site's old folder: ours to stage in again
                os.chmod(self.spare, mode | 0o700)
            self._kept, self._folders = scan(self.spare, tidy=True)
        return self._kept

    def _target(self, site_path: str) -> str:
        """Where to stage ``site_path``, in a folder that exists; the spare folder's file there is dropped."""
        self._ready().pop(site_path, None)
        folder = site_path.rpartition("/")[0]
        if folder not in self._folders:
            os.makedirs(self._spare + folder, exist_ok=True)
            while folder not in self._folders:
                self._folders.add(folder)
                folder = folder.rpartition("/")[0]
        return self._spare + site_path

    def commit(self) -> bool:
        """Put the new site in place of the live one; False when they are the same already."""
        if not self.staged and self.files.keys() == self.live.keys():
            return False
        kept = self._ready()
        for site_path in self.files:
            if site_path not in self.staged and kept.get(site_path) != self.live[site_path]:
                stale = site_path in kept
                target = self._target(site_path)
                if stale:
                    os.unlink(target)
                try:
                    os.link(self._live + site_path, target)
                except OSError:  # a file system without links
                    shutil.copyfile(self._live + site_path, target)
        for site_path in kept.keys() - self.files.keys():
            os.unlink(self._spare + site_path)
        needed = {""}
        for site_path in self.files:
            folder = site_path.rpartition("/")[0]
            while folder not in needed:
                needed.add(folder)
                folder = folder.rpartition("/")[0]
        for folder in sorted(self._folders - needed, key=len, reverse=True):
            try:
                os.rmdir(self._spare + folder)
            except OSError:
                pass
        try:  # the output folder keeps its mode; a new one gets the umask's
            mode = stat.S_IMODE(os.stat(self.output).st_mode)
        except FileNotFoundError:
            mode = 0o777 & ~self._umask
        os.chmod(self.spare, mode)
        if not self.output.exists():
            os.replace(self.spare, self.output)
        elif not _exchange(self.spare, self.output):  # in one step, where the system offers it
            old = self.staging / f".{self.output.name}-old-{os.getpid()}"
            os.replace(self.output, old)
            os.replace(self.spare, self.output)
            os.replace(old, self.spare)
        self._kept = None  # the spare folder is now the old site
        return True


def scan(root: Path, *, tidy: bool = False) -> tuple[dict[str, int], set[str]]:
    """The regular files under ``root`` by their site path, with their inode, and its folders
    by theirs ("" for ``root``). A link or a device is no file of ours: ``tidy`` removes them."""
    files: dict[str, int] = {}
    folders = {""}
    pending = [""]
    while pending:
        prefix = pending.pop()
        try:
            entries = list(os.scandir(os.path.join(root, prefix)))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                folders.add(prefix + entry.name)
                pending.append(prefix + entry.name + "/")
            elif entry.is_file(follow_symlinks=False):
                files[prefix + entry.name] = entry.inode()
            elif tidy:
                os.unlink(entry.path)
    return files, folders


def _same(path: str, data: bytes | bytearray) -> bool:
    """Whether the file at ``path`` holds exactly ``data``: one read of a file the page cache
    holds costs less than writing it, and is exact where a stored hash would trust the disk."""
    try:
        handle = os.open(path, _READ_FLAGS)
    except OSError:
        return False
    try:
        return os.read(handle, len(data) + 1) == data
    except OSError:
        return False
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


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux), since
    ``os.umask`` can only be read by setting it, which another thread could see."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def staging_folder(output: Path, cache: Path | None) -> Path:
    """Where the spare folder goes: inside ``cache`` when a folder there can be renamed to the
    output's side (the same file system, writable), else beside the output."""
    if cache is None:
        return output.parent
    name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:12]
    folder = cache / "site" / f"{output.name}-{name}"
    probe = folder / f".probe-{os.getpid()}"
    beside = output.parent / f".{output.name}-probe-{os.getpid()}"
    try:
        probe.mkdir(parents=True, exist_ok=True)
        os.rename(probe, beside)  # EXDEV across file systems, or bind mounts of one
        os.rmdir(beside)
        return folder
    except OSError:
        for made in (probe, beside):
            try:
                made.rmdir()
            except OSError:
                pass
        return output.parent


def remove_leftovers(output: Path, staging: Path | None = None) -> None:
    """Staging and old folders of builds that died (SIGKILL) before cleaning up after themselves."""
    pattern = re.compile(rf"\.{re.escape(output.name)}-(?:new|old|probe)-(\d+)(?:-.*)?")
    siblings: list[Path] = []
    for folder in {output.parent, staging or output.parent}:
        try:
            siblings.extend(folder.iterdir())
        except OSError:
            continue
    for sibling in sorted(siblings):
        found = pattern.fullmatch(sibling.name)
        if found and int(found.group(1)) != os.getpid() and not alive(int(found.group(1))):
            shutil.rmtree(sibling, ignore_errors=True)


def alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a folder it named after itself may still be in use)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError as exc:
        return exc.errno == errno.EPERM  # someone else's process: leave its folder alone
    return True


def relative_root(site_path: str) -> str:
    """Prefix that leads from ``site_path`` back to the site root: ``""``, ``"../"``…"""
    return "../" * site_path.count("/")
