"""The spare folder: the site the last build swapped out, made ready to stage the next one in.

After a swap the spare folder holds the old site. Most of its files are the
live site's own (hard links, the same inode): those stay, and a rebuild need
not link them again. The others, old versions of what the last build
changed, are removed by the next build in a thread, while it builds its
model: removing a file costs the file system milliseconds when the disk is
busy, and the build has nothing to wait for meanwhile.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from .diskops import scan
from .manifest import Manifest


class SpareFolder:
    """The spare folder beside ``output``, scanned and tidied in the background from construction on."""

    def __init__(self, output: Path, previous: Manifest | None) -> None:
        self.path = output.with_name(f".{output.name}-spare")
        self._live = previous.inodes if previous is not None else {}
        self._kept: dict[str, int] | None = None
        self._folders: set[str] = set()
        self._thread = threading.Thread(target=self._tidy, name="spare-folder", daemon=True)
        self._thread.start()

    def ready(self) -> tuple[dict[str, int], set[str]] | None:
        """Every file the folder keeps (the live site's own) by its inode, and every folder; None without one."""
        self._thread.join()
        return None if self._kept is None else (self._kept, self._folders)

    def _tidy(self) -> None:
        path = self.path
        if not path.is_dir() or path.is_symlink():
            return
        try:
            files, self._folders = scan(str(path))
            kept = {}
            for site_path, (_, inode) in files.items():
                if self._live.get(site_path) == inode:
                    kept[site_path] = inode
                else:
                    try:
                        os.unlink(os.path.join(path, site_path))
                    except FileNotFoundError:
                        pass
            self._kept = kept
        except OSError:
            shutil.rmtree(path, ignore_errors=True)
