"""The spare folder: the site the last build swapped out, made ready to stage the next one in.

After a swap the spare folder holds the old site. Most of its files are the
live site's own (hard links, the same inode): those stay, and a rebuild need
not link them again. The others, old versions of what the last build
changed, are removed by the next build in a thread: removing a file costs
the file system milliseconds when the disk is busy, and the build has
plenty to compute meanwhile. Files of pages go first, before the first page
is staged; the old search bundles (a hundred files for each re-indexed
shard, in folders named by their content, which no page shares) go on
while the site renders, and only a step on those folders waits for them.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from timeline.render.diskops import scan
from timeline.render.manifest import Manifest

BUNDLES = "pagefind/"


class SpareFolder:
    """The spare folder beside ``output``, scanned and tidied in the background from construction on."""

    def __init__(self, output: Path, previous: Manifest | None) -> None:
        self.path = output.with_name(f".{output.name}-spare")
        self._live = previous.inodes if previous is not None else {}
        self._kept: dict[str, int] | None = None
        self._folders: set[str] = set()
        self._bundles: set[str] = set()  # the folders of bundles whose old files are being removed
        self._failed: list[str] = []
        self._scanned = threading.Event()
        self._thread = threading.Thread(target=self._tidy, name="spare-folder", daemon=True)
        self._thread.start()

    def ready(self) -> tuple[dict[str, int], set[str]] | None:
        """Every file the folder keeps (the live site's own) by its inode, and every folder; None without one.

        Waits until no old file of a page is left; old bundles may still be on their way out (see ``settle``).
        """
        self._scanned.wait()
        return None if self._kept is None else (self._kept, self._folders)

    def settle(self, prefix: str = "") -> None:
        """Wait until no old file under ``prefix`` (a site path's start; "" for all) is left."""
        if any(bundle.startswith(prefix) or prefix.startswith(bundle) for bundle in self._bundles):
            self._thread.join()
            failed, self._failed, self._bundles = self._failed, [], set()
            for path in failed:  # once more, in the build's own thread: an error now stops the build
                os.unlink(path)

    def _tidy(self) -> None:
        later: list[str] = []
        try:
            if self.path.is_dir() and not self.path.is_symlink():
                self._keep(later)
        finally:
            self._scanned.set()
        for path in later:
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
            except OSError:
                self._failed.append(path)

    def _keep(self, later: list[str]) -> None:
        try:
            files, self._folders = scan(str(self.path))
            kept = {}
            for site_path, (_, inode) in files.items():
                if self._live.get(site_path) == inode:
                    kept[site_path] = inode
                elif site_path.startswith(BUNDLES) and "/" in site_path[len(BUNDLES):]:
                    self._bundles.add(site_path[:site_path.index("/", len(BUNDLES)) + 1])
                    later.append(os.path.join(self.path, site_path))
                else:
                    try:
                        os.unlink(os.path.join(self.path, site_path))
                    except FileNotFoundError:
                        pass
            self._kept = kept
        except OSError:
            later.clear()
            self._bundles.clear()
            shutil.rmtree(self.path, ignore_errors=True)
