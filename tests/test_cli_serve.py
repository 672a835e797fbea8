"""``serve``: local only, only the site folder, live reload after a rebuild, rebuild on changes."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Iterator

import pytest

from timeline.cli.server import LiveSite, make_server, watch, watched_files
from timeline.config import load_config


def eventually(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, LiveSite]]:
    out = tmp_path / "output"
    (out / "events").mkdir(parents=True)
    (out / "index.html").write_text("<!doctype html><html><body><p>home</p></body></html>")
    (out / "events" / "e1.html").write_text("<html><body>e1</body></html>")
    (out / "style.css").write_text("p{}")
    (tmp_path / "secret.txt").write_text("outside the site")
    site = LiveSite(out)
    server = make_server(site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}", site
    server.shutdown()
    server.server_close()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def test_binds_this_machine_only(served: tuple[str, LiveSite]) -> None:
    assert served[0].startswith("http://127.0.0.1:")


def test_pages_get_the_live_reload_script(served: tuple[str, LiveSite]) -> None:
    base, _ = served
    status, body = get(base + "/")
    assert status == 200 and body.index("livereload.js") < body.index("</body>")
    assert "livereload.js" in get(base + "/events/e1.html")[1]
    assert get(base + "/style.css")[1] == "p{}"  # other files untouched
    assert get(base + "/__timeline/livereload.js")[0] == 200


def test_generation_changes_after_a_rebuild(served: tuple[str, LiveSite]) -> None:
    base, site = served
    before = get(base + "/__timeline/generation")[1]
    site.rebuilt()
    assert get(base + "/__timeline/generation")[1] != before


@pytest.mark.parametrize("path", ["/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt",
                                  "/events/../../secret.txt", "/events/"])
def test_serves_nothing_outside_the_site_and_lists_no_folder(served: tuple[str, LiveSite], path: str) -> None:
    status, body = get(served[0] + path)
    assert "outside the site" not in body
    assert status == 404


def test_a_swapped_output_folder_is_served_at_once(served: tuple[str, LiveSite], tmp_path: Path) -> None:
    base, site = served
    fresh = tmp_path / "output.new"
    fresh.mkdir()
    (fresh / "index.html").write_text("<html><body>new site</body></html>")
    site.folder.rename(tmp_path / "output.old")
    fresh.rename(site.folder)
    assert "new site" in get(base + "/")[1]


def test_watch_rebuilds_on_article_config_and_template_changes_but_not_on_the_store(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("title: T\n")
    content = tmp_path / "content"
    (content / "events").mkdir(parents=True)
    (content / "a.md").write_text("one")
    templates = tmp_path / "templates"
    templates.mkdir()
    (tmp_path / "config.yaml").write_text(f"title: T\npaths:\n  templates: {templates}\n")
    cfg = load_config(tmp_path / "config.yaml")
    rebuilds: list[float] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(lambda: watched_files(cfg), lambda: rebuilds.append(1), stop, 0.05),
                              daemon=True)
    thread.start()
    try:
        time.sleep(0.2)
        for n, change in enumerate([
            lambda: (content / "a.md").write_text("two, longer"),
            lambda: (templates / "event.html").write_text("{{ x }}"),
            lambda: (tmp_path / "config.yaml").write_text(f"title: Other\npaths:\n  templates: {templates}\n"),
        ], start=1):
            change()
            assert eventually(lambda n=n: len(rebuilds) == n), f"change {n} did not rebuild"
        (content / "events" / "2022-02.yaml").write_text("[]\n")
        (content / "actors.yaml").write_text("[]\n")
        (content / ".timeline.lock").write_text("123")
        time.sleep(0.5)
        assert len(rebuilds) == 3
    finally:
        stop.set()
        thread.join()
