"""The local server of ``timeline serve``: the site folder over HTTP, a page
script that reloads after each rebuild, and the watch for changed inputs."""

from __future__ import annotations

import logging
import os
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from timeline.config import Config

log = logging.getLogger("timeline")

LIVE_PREFIX = "/__timeline/"  # never a path of the generated site
POLL_SECONDS = 0.5
# A short script from our own origin, so that a strict Content-Security-Policy
# ('self') on the site's pages still lets it run.
LIVE_SCRIPT = b"""(function () {
  var seen = null;
  function poll() {
    fetch("/__timeline/generation", {cache: "no-store"}).then(function (r) { return r.text(); })
      .then(function (g) { if (seen !== null && g !== seen) { location.reload(); } seen = g; })
      .catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"""
SCRIPT_TAG = b'<script src="/__timeline/livereload.js"></script>'


class LiveSite:
    """The served folder and a counter the open pages poll to know a rebuild happened."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.generation = 0

    def rebuilt(self) -> None:
        self.generation += 1


class _Handler(SimpleHTTPRequestHandler):
    site: LiveSite

    def do_GET(self) -> None:  # noqa: N802 - name fixed by http.server
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == LIVE_PREFIX + "generation":
            return self._send(str(self.site.generation).encode(), "text/plain")
        if path == LIVE_PREFIX + "livereload.js":
            return self._send(LIVE_SCRIPT, "text/javascript")
        file = Path(self.translate_path(self.path))
        if file.is_dir() and self.path.endswith("/"):
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            return self._send(_with_live_script(file.read_bytes()), "text/html; charset=utf-8")
        return super().do_GET()

    def list_directory(self, path: str | os.PathLike[str]) -> None:  # type: ignore[override]
        self.send_error(HTTPStatus.NOT_FOUND, "No index here")
        return None

    def end_headers(self) -> None:
        # Every response fresh: a rebuilt page must never come from the browser's cache.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature fixed by http.server
        log.debug("serve: " + format, *args)


def _with_live_script(html: bytes) -> bytes:
    at = html.rfind(b"</body>")
    return html[:at] + SCRIPT_TAG + html[at:] if at >= 0 else html + SCRIPT_TAG


def make_server(site: LiveSite, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """An HTTP server for ``site.folder`` only (the handler is bound to that directory)."""
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer((host, port), partial(handler, directory=str(site.folder)))
    server.daemon_threads = True
    return server


def watched_files(cfg: "Config") -> dict[str, tuple[int, int]]:
    """Modification time and size of everything a rebuild depends on, except the store
    the build itself writes (else every build would trigger the next)."""
    roots = [cfg.paths.content, _site_templates(), cfg.paths.templates]
    skip = {cfg.paths.store.resolve(), cfg.paths.registry.resolve(), cfg.paths.output.resolve()}
    seen: dict[str, tuple[int, int]] = {}
    if cfg.source:
        _stat_into(seen, cfg.source)
    for root in roots:
        if root is None or not root.is_dir():
            continue
        for folder, dirs, files in os.walk(root):
            here = Path(folder)
            dirs[:] = [d for d in dirs if not d.startswith(".") and (here / d).resolve() not in skip]
            for name in files:
                if not name.startswith(".") and (here / name).resolve() not in skip:
                    _stat_into(seen, here / name)
    return seen


def _stat_into(seen: dict[str, tuple[int, int]], path: Path) -> None:
    try:
        st = path.stat()
    except OSError:
        return
    seen[str(path)] = (st.st_mtime_ns, st.st_size)


def _site_templates() -> Path | None:
    folder = Path(__file__).resolve().parents[2] / "site_templates"
    return folder if folder.is_dir() else None


def watch(snapshot: Callable[[], dict[str, tuple[int, int]]], on_change: Callable[[], None],
          stop: threading.Event, interval: float = POLL_SECONDS) -> None:
    """Call ``on_change`` once the files have changed and then stayed still for one poll
    (an editor saving several files, or a file still being written, gives one rebuild)."""
    last = snapshot()
    while not stop.wait(interval):
        current = snapshot()
        if current == last:
            continue
        while not stop.wait(interval):
            settled = snapshot()
            if settled == current:
                break
            current = settled
        last = current
        on_change()
