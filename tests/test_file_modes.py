"""What the build rewrites keeps its mode (a web server or a second user can still read it); what it
creates follows the umask."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import Iterator

import pytest

from timeline.extract.actors.registry import Registry
from timeline.records import Actor, Event
from timeline.render import render_site
from timeline.store.events import save_events
from timeline.store.registry import save_registry

from conftest import BUILD_DATE, make_config

EVENTS = [Event(id=f"2022-02-{day:02d}-talks", date=f"2022-02-{day:02d}", precision="day", status="occurred",
                title=f"Talks on day {day}", summary="Talks went on.", type="diplomacy") for day in range(10, 14)]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o002)
    try:
        yield
    finally:
        os.umask(old)


def test_store_and_registry_keep_their_mode_and_new_files_follow_the_umask(tmp_path: Path, umask: None) -> None:
    store, registry = tmp_path / "events", tmp_path / "actors.yaml"
    save_events(store, EVENTS)
    save_registry(registry, Registry((Actor("Olaf Scholz", "person"),)))
    assert mode(store / "2022-02.yaml") == 0o664 and mode(registry) == 0o664  # 0666 less the umask
    (store / "2022-02.yaml").chmod(0o644)
    registry.chmod(0o640)
    os.umask(0o077)
    save_events(store, [replace(EVENTS[0], title="Talks, revised")] + EVENTS[1:])
    save_registry(registry, Registry((Actor("Olaf Scholz", "person"), Actor("Kyiv", "place"))))
    assert "Talks, revised" in (store / "2022-02.yaml").read_text(encoding="utf-8")
    assert mode(store / "2022-02.yaml") == 0o644 and mode(registry) == 0o640
    save_events(store, EVENTS + [replace(EVENTS[0], id="2022-03-01-talks", date="2022-03-01")])
    assert mode(store / "2022-03.yaml") == 0o600  # a new file: the umask of now


def test_the_site_keeps_its_modes(tmp_path: Path, umask: None) -> None:
    cfg = make_config(output=tmp_path / "output", build={"build_date": BUILD_DATE},
                      paths={"cache": tmp_path / "cache"})
    render_site(EVENTS, None, [], cfg, search=False)
    output = cfg.paths.output
    assert mode(output) == 0o775 and mode(output / "index.html") == 0o664
    output.chmod(0o750)
    (output / "index.html").chmod(0o644)
    page = next((output / "events").glob("*.html"))
    page.chmod(0o640)
    render_site([replace(e, title=e.title + " (revised)") for e in EVENTS], None, [], cfg, search=False)
    assert "(revised)" in (output / "index.html").read_text(encoding="utf-8")  # rewritten, not left alone
    assert mode(output) == 0o750 and mode(output / "index.html") == 0o644 and mode(page) == 0o640
