"""The one way the site reaches the disk: a staging folder swapped in whole.

Pages are written into a fresh folder beside the output folder; only when
everything (search index included) is in place does the staging folder take
the output's name, so a reader or a web server never sees half a site.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from ..errors import TimelineError

_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


class SiteWriter:
    """Writes files by their site path (``events/abc.html``) into a staging folder."""

    def __init__(self, output: Path) -> None:
        self.output = output
        output.parent.mkdir(parents=True, exist_ok=True)
        # Beside the output, on the same file system, so the final rename is atomic.
        self.root = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
        self.pages = 0  # HTML documents written, the figure the build reports
        self.paths: list[str] = []  # every file written, for the sitemap and checks
        self._folders: set[Path] = set()  # made already: 100,000 pages share a few folders

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
        # Exactly the rendered characters (CRLF in iCalendar stays CRLF), as UTF-8, in
        # three system calls: a site has 100,000 files and a text-mode file object
        # spends as many again on buffering it does not need.
        data = text.encode("utf-8")
        handle = os.open(self._target(site_path), _WRITE_FLAGS, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view):]
        finally:
            os.close(handle)
        self.paths.append(site_path)
        if site_path.endswith(".html"):
            self.pages += 1

    def copy_file(self, site_path: str, source: Path) -> None:
        shutil.copyfile(source, self._target(site_path))
        self.paths.append(site_path)

    def commit(self) -> None:
        """Put the staged site in place of the output folder, then drop the old one."""
        old: Path | None = None
        if self.output.exists():
            old = self.output.with_name(f".{self.output.name}-old-{os.getpid()}")
            if old.exists():
                shutil.rmtree(old)
            os.replace(self.output, old)
        os.replace(self.root, self.output)
        # mkdtemp creates 0700 folders; a published site must be readable by the web server.
        os.chmod(self.output, 0o755)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def relative_root(site_path: str) -> str:
    """Prefix that leads from ``site_path`` back to the site root: ``""``, ``"../"``…"""
    depth = site_path.count("/")
    return "../" * depth
