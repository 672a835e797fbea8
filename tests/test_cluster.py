"""Extraction on a Dask cluster gives the store and site of a local build, even when a worker dies."""

from __future__ import annotations

import os
import signal
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from timeline.build import build
from timeline.cli.main import main
from timeline.config import load_config

from conftest import make_config, write_files

distributed = pytest.importorskip("distributed")

PLACES = ["Kyiv", "Warsaw", "Berlin", "Vilnius", "Riga", "Brussels", "Geneva", "Ankara", "Helsinki", "Oslo"]
PEOPLE = ["Olaf Scholz", "Emmanuel Macron", "Antony Blinken", "Jens Stoltenberg", "Andrzej Duda"]


def articles(count: int) -> dict[str, str]:
    """``count`` short news articles of our own, each a few dated sentences."""
    files = {}
    for n in range(count):
        day = 1 + n % 27
        who, other = PEOPLE[n % len(PEOPLE)], PEOPLE[(n + 2) % len(PEOPLE)]
        place = PLACES[n % len(PLACES)]
        body = (f"{who} met {other} in {place} on Tuesday to discuss sanctions against Russia. "
                f"The two leaders agreed to send more aid to Ukraine, the government said on Wednesday. "
                f"{other} will travel to {PLACES[(n + 3) % len(PLACES)]} next week for talks with NATO allies. "
                f"On March {day}, 2022, protesters gathered outside the Russian embassy in {place}. ") * 3
        files[f"2022-03-{day:02d}-talks-{n}.md"] = (
            f"---\ntitle: \"{who} and {other} meet in {place}\"\npublished: 2022-03-{day:02d}\n"
            f"url: https://news.example/{n}\n---\n\n{body}\n")
    return files


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def built(root: Path, files: dict[str, str], **build_keys: object) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The store (events and registry) and the site of a clean build of ``files`` under ``root``."""
    content = write_files(root / "content", files)
    cfg = make_config(content=content, output=root / "output", paths={"cache": root / "cache"},
                      build={"build_date": "2022-04-01", **build_keys})
    summary = build(cfg, clean=True)
    assert not summary.failed, summary.problems
    store = {k: v for k, v in tree(content).items() if k.startswith("events/") or k == "actors.yaml"}
    return store, tree(root / "output")


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[str, object]]:
    """A Dask cluster of two worker processes, each with a nanny that restarts it should it die."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = distributed.Client(cluster)
    try:
        yield cluster.scheduler_address, client
    finally:
        client.close()
        cluster.close()


@pytest.fixture(scope="module")
def local_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    return built(tmp_path_factory.mktemp("local"), articles(12), jobs=2)


def test_a_build_on_two_dask_workers_is_byte_identical_to_the_local_build(
        tmp_path: Path, cluster: tuple[str, object], local_build: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    store, site = local_build
    assert any(k.startswith("events/") for k in store) and "index.html" in site
    on_cluster = built(tmp_path, articles(12), cluster=cluster[0])
    assert on_cluster[0] == store
    assert sorted(on_cluster[1]) == sorted(site)
    assert [k for k in site if on_cluster[1][k] != site[k]] == []


def test_killing_a_worker_mid_build_still_completes_the_build(
        tmp_path: Path, cluster: tuple[str, object], local_build: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    address, client = cluster
    killed: list[tuple[int, float]] = []
    stop = threading.Event()

    def kill_a_busy_worker() -> None:
        """SIGKILL the first worker seen running one of the build's batches."""
        while not stop.is_set():
            busy = [w for w, keys in client.processing().items()  # type: ignore[attr-defined]
                    if any("extract_batch" in str(k) for k in keys)]
            if busy:
                pid = client.run(os.getpid, workers=busy[:1])[busy[0]]  # type: ignore[attr-defined]
                os.kill(pid, signal.SIGKILL)
                killed.append((pid, time.monotonic()))
                return
            time.sleep(0.005)

    killer = threading.Thread(target=kill_a_busy_worker, daemon=True)
    killer.start()
    try:
        store, site = built(tmp_path, articles(12), cluster=address)
        finished = time.monotonic()
    finally:
        stop.set()
        killer.join()
    assert killed and killed[0][1] < finished, "no worker was killed while the build ran"
    assert (store, site) == local_build


def test_a_build_stopped_half_way_keeps_the_batches_that_finished(
        tmp_path: Path, cluster: tuple[str, object], monkeypatch: pytest.MonkeyPatch,
        local_build: tuple[dict[str, bytes], dict[str, bytes]]) -> None:
    from timeline.cache.memo import MemoStep

    put = MemoStep.put
    filed: list[str] = []

    def stop_after_the_fourth_article_filed(self: MemoStep, key: str, result: object) -> None:
        put(self, key, result)
        if "extract" in self.folder.parts:
            filed.append(key)
            if len(filed) == 4:
                raise KeyboardInterrupt  # the maintainer stops the build: later batches may be running

    content = write_files(tmp_path / "content", articles(12))
    cfg = make_config(content=content, output=tmp_path / "output", paths={"cache": tmp_path / "cache"},
                      build={"build_date": "2022-04-01", "cluster": cluster[0]})
    monkeypatch.setattr(MemoStep, "put", stop_after_the_fourth_article_filed)
    with pytest.raises(KeyboardInterrupt):
        build(cfg)
    monkeypatch.setattr(MemoStep, "put", put)
    kept = [p for p in (tmp_path / "cache" / "extract").rglob("*") if p.is_file() and p.parent.name != "users"]
    assert 0 < len(kept) < 12
    summary = build(cfg)
    assert (summary.articles_cached, summary.articles_parsed) == (len(kept), 12 - len(kept))
    store = {k: v for k, v in tree(content).items() if k.startswith("events/") or k == "actors.yaml"}
    assert (store, tree(tmp_path / "output")) == local_build


def test_an_unreachable_scheduler_is_one_line_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.extract import cluster as engine

    monkeypatch.setattr(engine, "CONNECT_SECONDS", 1)
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    content = write_files(tmp_path / "content", dict(list(articles(1).items())))
    status = main(["build", "--content", str(content), "--output", str(tmp_path / "out"),
                   "--cluster", f"tcp://127.0.0.1:{port}", "-q"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert len(err) == 1 and f"tcp://127.0.0.1:{port}" in err[0] and "cannot reach the Dask scheduler" in err[0]


@pytest.mark.parametrize("value, message", [
    ("local:0", "local:N needs a number of workers of 1 or more"),
    ("local:two", "local:N needs a number of workers"),
    (8786, "must be a Dask scheduler address"),
])
def test_a_bad_cluster_setting_names_its_key(tmp_path: Path, value: object, message: str) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(f"build:\n  cluster: {value}\n", encoding="utf-8")
    with pytest.raises(Exception, match=f"build.cluster: {message}"):
        load_config(config)


def test_the_default_stays_local() -> None:
    assert load_config(None).build.cluster is None


def test_tasks_are_small_enough_for_the_workers_to_end_together_and_coarse_at_scale() -> None:
    from timeline.extract.cluster import BATCH_MOST, batch_size

    assert batch_size(400, 2) * 2 * 16 >= 400 > batch_size(400, 2) * 2 * 15  # sixteen tasks a worker
    assert batch_size(12, 2) == 1
    assert batch_size(1_000_000, 80) == BATCH_MOST  # a real cluster: tens of seconds a task
    assert batch_size(0, 4) == 1
