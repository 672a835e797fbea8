"""The one way the site reaches the disk: a staging folder swapped in whole.

Pages are written into a staging folder beside the output folder; only when
everything (search index included) is in place does the staging folder take
the output's name, so a reader or a web server never sees half a site.

Rebuilds are cheap because little is written. A page whose inputs are
unchanged (see ``depends``) and a file whose bytes equal the live site's are
hard-linked from the live site (see ``manifest``): a link is one directory
entry, a write allocates an inode and data. Files are never changed in place,
so a link shared by the live site and the staging folder can never let one
alter the other.

The swapped-out site is kept as the spare folder (``.output-spare``) and
becomes the next staging folder (see ``spare``): a file already there as the
live site's own (the same inode) is kept, so a rebuild links only what
changed since the last one, and no folder is made or removed (some file
systems spend milliseconds on each).
"""

from __future__ import annotations

import bisect
import json
import mmap
import multiprocessing
import os
import posixpath
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Sequence, TypeVar

from timeline.errors import TimelineError
from timeline.render.diskops import exchange, remove_leftovers, scan, write_new, write_parts
from timeline.render.manifest import MANIFEST, MANIFEST_FORMAT, Manifest, read_manifest
from timeline.render.spare import SpareFolder

__all__ = ["MANIFEST", "Manifest", "SiteWriter", "read_manifest", "relative_root"]
T = TypeVar("T")


class SiteWriter:
    """Writes files by their site path (``events/abc.html``) into a staging folder.

    ``previous`` is the live site's manifest: files of identical bytes are
    linked from it, and so are pages made from the same inputs within the same
    ``scope`` (see ``reuse``). Written by forked render workers too, so the
    counts that must add up across processes live in shared memory.
    """

    def __init__(self, output: Path, previous: Manifest | None = None, scope: str | None = None,
                 spare: SpareFolder | None = None) -> None:
        self.output = output
        self.previous = previous
        self._live = str(previous.root) if previous is not None else ""
        self._live_inodes = previous.inodes if previous is not None else {}
        self._live_paths: list[str] | None = None
        # Pages are taken on their inputs only within one scope, and only with one.
        self.scope = scope
        same = scope is not None and previous is not None and previous.scope == scope
        self._inputs_before = previous.inputs if same and previous else {}
        self._sizes_before = previous.sizes if same and previous else {}
        self._rows_before = previous.rows if same and previous else {}
        self._groups_before = previous.groups if same and previous else {}
        self.groups: dict[str, int] = {}  # digest of a listing's inputs → its pages, for the next build
        self.inputs: dict[str, str] = {}  # site path → digest of its inputs, for the next build
        self.sizes: dict[str, int] = {}  # event digest → listing entry bytes, for the next build
        self.rows: dict[str, list[str]] = {}  # export rows → digests of their events, for the next build
        output.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(output)
        self.spare = output.with_name(f".{output.name}-spare")
        self._spare = spare or SpareFolder(output, previous)
        self.root, self._kept, self._folders = _staging(output, self._spare)
        self._root = str(self.root)
        self.pages = 0  # HTML documents written, the figure the build reports
        self.files: dict[str, int] = {}  # every file staged, with its size: the manifest's list
        self.linked: set[str] = set()  # staged files that are the live site's own
        self._counts = multiprocessing.Array("q", 2)  # pages so far, files linked: all processes
        self._untold = [0, 0]  # pages and links of this process not yet added to those
        self.on_page: Callable[[int], None] | None = None  # told the pages so far, now and then

    @property
    def pages_so_far(self) -> int:
        self.tally()
        return int(self._counts[0])

    @property
    def reused(self) -> int:
        self.tally()
        return int(self._counts[1])

    def tally(self) -> None:
        """Add this process's pages and links to the counts all processes share, and tell ``on_page``."""
        pages, linked = self._untold
        if not (pages or linked):
            return
        self._untold = [0, 0]
        with self._counts.get_lock():
            self._counts[0] += pages
            self._counts[1] += linked
            done = self._counts[0]
        if self.on_page is not None:
            self.on_page(done)

    @property
    def paths(self) -> list[str]:
        return list(self.files)

    def _target(self, site_path: str) -> str:
        clean = posixpath.normpath(site_path)
        # Site paths are built from slugs, but a bug must never write outside the site.
        if clean.startswith(("/", "../")) or clean in ("", ".", ".."):
            raise TimelineError(f"refusing to write outside the site: {site_path!r}")
        target = self._root + os.sep + clean
        folder = target.rpartition(os.sep)[0]
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)
        return target

    def write_text(self, site_path: str, text: str) -> None:
        # Exactly the rendered characters (CRLF in iCalendar stays CRLF), as UTF-8.
        self.write_bytes(site_path, text.encode("utf-8"))

    def reuse(self, site_path: str, inputs: str) -> bool:
        """Note what ``site_path`` is made from; link the live site's file if it was made from the same.

        False: the caller renders and writes the file (still linked if its bytes come out equal).
        """
        if self.scope is None:
            return False
        self.inputs[site_path] = inputs
        size = self.previous.files.get(site_path) if self.previous is not None else None
        if size is None or self._inputs_before.get(site_path) != inputs or not self._link_live(site_path):
            return False
        self._written(site_path, size, True)
        return True

    def reuse_group(self, inputs: str, paths: Callable[[int], list[str]], entries: Sequence[str] = ()) -> bool:
        """Link all pages of a listing whose inputs as a whole are those of the live site's; False if not done.

        ``paths`` names the pages of a listing of so many pages, ``entries``
        are the digests of the events whose listing entry sizes it measured.
        """
        count = self._groups_before.get(inputs)
        if count is None or self.previous is None:
            return False
        names, before, files = paths(count), self._inputs_before, self.previous.files
        sizes = {key: self.sizes.get(key) or self._sizes_before.get(key) for key in entries}
        if (len(names) != count or not all(p in before and p in files for p in names) or None in sizes.values()
                or not all(self._link_live(p) for p in names)):
            return False
        self.groups[inputs] = count
        self.sizes.update(sizes)  # type: ignore[arg-type]
        for site_path in names:
            self.inputs[site_path] = before[site_path]
            self._written(site_path, files[site_path], True)
        return True

    def note_group(self, inputs: str, count: int) -> None:
        if self.scope is not None:
            self.groups[inputs] = count

    def _link_live(self, site_path: str) -> bool:
        """Stage the live site's own file at ``site_path``; False when that cannot be done."""
        if self._kept.get(site_path) != self._live_inodes.get(site_path, -1):
            target = self._target(site_path)
            source = os.path.join(self._live, site_path)
            try:
                try:
                    os.link(source, target)
                except FileExistsError:
                    os.unlink(target)
                    os.link(source, target)
            except OSError:
                return False  # gone meanwhile, or a file system without links: write it
        self.linked.add(site_path)
        return True

    def size_of(self, key: str) -> int | None:
        """A listing entry's size noted in this build or, within the same scope, by the live site."""
        if self.scope is None:
            return None
        size = self.sizes.get(key)
        if size is None:
            size = self._sizes_before.get(key)
            if size is not None:
                self.sizes[key] = size
        return size

    def note_size(self, key: str, size: int) -> None:
        if self.scope is not None:
            self.sizes[key] = size

    def rows_before(self, name: str) -> list[str]:
        """What the live site's manifest says its export rows ``name`` show, within the same scope."""
        return self._rows_before.get(name, [])

    def read_live(self, site_path: str, read: Callable[[mmap.mmap], T]) -> T | None:
        """What ``read`` makes of the live site's file, mapped into memory, when it is as that site wrote it."""
        if self.previous is None or site_path not in self.previous.files:
            return None
        try:
            with open(os.path.join(self._live, site_path), "rb") as handle:
                with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
                    return read(data)
        except (OSError, ValueError):  # gone, or empty: nothing to map
            return None

    def write_parts(self, site_path: str, parts: list[bytes | tuple[int, int]]) -> None:
        """Write a file made of bytes and of ranges (start, end) of the live site's file at ``site_path``.

        The ranges are copied by the file system. A file that comes out as the live one is linked.
        """
        size = sum(len(p) if isinstance(p, bytes) else p[1] - p[0] for p in parts)
        same = self._same_parts(site_path, parts, size)
        linked = same and self._link_live(site_path)
        if not linked:
            self._kept.pop(site_path, None)
            self.linked.discard(site_path)
            write_parts(self._target(site_path), parts, os.path.join(self._live, site_path))
        self._written(site_path, size, linked)

    def _same_parts(self, site_path: str, parts: list[bytes | tuple[int, int]], size: int) -> bool:
        previous = self.previous
        if previous is None or previous.files.get(site_path) != size:
            return False
        at = 0
        try:
            with open(os.path.join(self._live, site_path), "rb") as handle:
                for part in parts:
                    if isinstance(part, bytes):
                        if os.pread(handle.fileno(), len(part), at) != part:
                            return False
                        at += len(part)
                    elif part[0] != at:  # a range of the live file is itself only in its own place
                        return False
                    else:
                        at = part[1]
        except OSError:
            return False
        return True

    def write_bytes(self, site_path: str, data: bytes) -> None:
        linked = self._same_as_live(site_path, data) and self._link_live(site_path)
        if not linked:
            self._kept.pop(site_path, None)
            self.linked.discard(site_path)
            write_new(self._target(site_path), data)
        self._written(site_path, len(data), linked)

    def _same_as_live(self, site_path: str, data: bytes) -> bool:
        previous = self.previous
        if previous is None or previous.files.get(site_path) != len(data):
            return False
        try:
            # Comparing costs one read of a file the page cache holds; cheaper than
            # writing it, and exact where a stored hash would trust the disk.
            with open(os.path.join(self._live, site_path), "rb") as handle:
                return handle.read() == data
        except OSError:
            return False

    def _written(self, site_path: str, size: int, linked: bool) -> None:
        self.files[site_path] = size
        page = site_path.endswith(".html")
        self.pages += page
        self._untold[0] += page
        self._untold[1] += linked
        if self._untold[0] >= 50:  # the shared counts take a lock: told in batches
            self.tally()

    def copy_file(self, site_path: str, source: Path) -> None:
        self.write_bytes(site_path, source.read_bytes())

    def carry_over(self, prefix: str) -> bool:
        """Link every file of the live site under ``prefix`` (``pagefind/x/``) into the staging folder."""
        previous = self.previous
        if previous is None or not previous.intact_under(prefix):
            return False
        self._spare.settle(prefix)
        if self._live_paths is None:
            self._live_paths = sorted(previous.files)  # searched by prefix, once per shard
        start = bisect.bisect_left(self._live_paths, prefix)
        end = bisect.bisect_left(self._live_paths, prefix + "\U0010ffff", start)
        found = {p: previous.files[p] for p in self._live_paths[start:end]}
        if not all(self._link_live(site_path) for site_path in found):
            self.discard(prefix)
            return False
        self.files.update(found)
        return True

    def discard(self, prefix: str) -> None:
        """Remove everything staged under ``prefix`` (``pagefind/``), folders too."""
        self._spare.settle(prefix)
        self.clear(prefix)
        folder = os.path.join(self._root, prefix.rstrip("/"))
        shutil.rmtree(folder, ignore_errors=True)
        self._folders = {f for f in self._folders if f != folder and not f.startswith(folder + os.sep)}

    def clear(self, prefix: str) -> None:
        """Remove the files staged under ``prefix``, keeping its folders for the next writer."""
        self._spare.settle(prefix)
        for book in (self.files, self._kept):
            for site_path in [p for p in book if p.startswith(prefix)]:
                del book[site_path]
                try:
                    os.unlink(os.path.join(self._root, site_path))
                except FileNotFoundError:
                    pass
        self.linked = {p for p in self.linked if not p.startswith(prefix)}

    def adopt(self, prefix: str) -> None:
        """Note the files another program wrote under ``prefix`` (Pagefind's bundles)."""
        self._spare.settle(prefix)
        found = scan(os.path.join(self._root, prefix), sizes=True)[0]
        self.files.update({prefix + path: size for path, (size, _) in found.items()})

    def same_as_previous(self, site_paths: list[str]) -> bool:
        """Whether these staged files are the live site's own (linked from it, not written)."""
        return all(p in self.linked for p in site_paths)

    def commit(self, digest: str, search: str | None, shards: list[str]) -> None:
        """Write the manifest, then put the staged site in place of the output folder.

        The site it replaces becomes the spare folder.
        """
        self._spare.settle()
        self._clear_stale()
        manifest = {"format": MANIFEST_FORMAT, "digest": digest, "search": search, "shards": shards,
                    "pages": self.pages, "scope": self.scope, "files": dict(sorted(self.files.items())),
                    "inputs": dict(sorted(self.inputs.items())), "sizes": dict(sorted(self.sizes.items())),
                    "rows": self.rows, "groups": dict(sorted(self.groups.items()))}
        write_new(os.path.join(self._root, MANIFEST), json.dumps(manifest, separators=(",", ":")).encode("utf-8"))
        # mkdtemp creates 0700 folders; a published site must be readable by the web server.
        os.chmod(self.root, 0o755)
        if not self.output.exists():
            os.replace(self.root, self.output)
            return
        if exchange(self.root, self.output):
            # One step: at no moment is there no site. The old one is now in the staging path.
            old = self.root
        else:
            old = self.output.with_name(f".{self.output.name}-old-{os.getpid()}")
            if old.exists():
                shutil.rmtree(old)
            os.replace(self.output, old)
            os.replace(self.root, self.output)
        if old != self.spare:
            shutil.rmtree(self.spare, ignore_errors=True)
            os.replace(old, self.spare)
        # What the new site does not share is removed by the next build (see ``spare``).

    def _clear_stale(self) -> None:
        """Remove what the staging folder held before this build and the new site does not have."""
        for site_path in self._kept:
            if site_path not in self.files:
                os.unlink(os.path.join(self._root, site_path))
        needed = {""}
        for folder in {site_path.rpartition("/")[0] for site_path in self.files}:
            while folder not in needed:
                needed.add(folder)
                folder = folder.rpartition("/")[0]
        keep = {os.path.join(self._root, folder) if folder else self._root for folder in needed}
        for folder in sorted(self._folders - keep, key=len, reverse=True):
            try:
                os.rmdir(folder)
            except OSError:
                pass

    def abandon(self) -> None:
        # A spare folder stays one: what it holds is checked again before any of it is kept.
        if self.root != self.spare:
            shutil.rmtree(self.root, ignore_errors=True)


def _staging(output: Path, spare: SpareFolder | None) -> tuple[Path, dict[str, int], set[str]]:
    """The folder to stage the site in: the spare folder when there is one, else a new one.

    Returns it with the inode of every file it keeps and its folders.
    """
    found = spare.ready() if spare is not None else None
    if spare is not None and found is not None:
        return spare.path, *found
    # Beside the output, on the same file system, so the final rename is atomic
    # and files can be linked; the pid lets a later build remove it if we die.
    root = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-{os.getpid()}-", dir=output.parent))
    return root, {}, {str(root)}


def relative_root(site_path: str) -> str:
    """Prefix that leads from ``site_path`` back to the site root: ``""``, ``"../"``…"""
    depth = site_path.count("/")
    return "../" * depth

