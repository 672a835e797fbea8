"""Two builds at once: the second waits for the first or refuses with a message."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from timeline.errors import LockError
from timeline.store.lock import build_lock

HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from timeline.store.lock import build_lock
    with build_lock(Path(sys.argv[1])):
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def hold_in_child(content: Path, seconds: float) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(content), str(seconds)], stdout=subprocess.PIPE,
                             text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "locked"
    return child


def test_second_build_refuses_with_a_message_naming_the_holder(tmp_path: Path) -> None:
    child = hold_in_child(tmp_path, 30)
    try:
        with pytest.raises(LockError, match=rf"another build \(process {child.pid}\) is running on .*--wait"):
            with build_lock(tmp_path):
                pass
    finally:
        child.kill()
        child.wait()


def test_second_build_waits_for_the_first(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    child = hold_in_child(tmp_path, 1.0)
    start = time.monotonic()
    with build_lock(tmp_path, wait=30):
        waited = time.monotonic() - start
    child.wait()
    assert 0.3 < waited < 30
    assert "waiting for another build" in caplog.text


def test_lock_of_a_killed_build_is_released(tmp_path: Path) -> None:
    child = hold_in_child(tmp_path, 60)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with build_lock(tmp_path):  # no stale lock, no waiting
        pass


HOLD_WITH_A_WORKER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from timeline.store.lock import build_lock
    from timeline.extract.parallel import worker_init
    with build_lock(Path(sys.argv[1])):
        if os.fork() == 0:  # as a parsing process does, then outlives the build
            worker_init()
            print(os.getpid(), flush=True)
            time.sleep(60)
            os._exit(0)
        time.sleep(60)
""")


def test_lock_of_a_killed_build_is_released_though_its_worker_lives_on(tmp_path: Path) -> None:
    build = subprocess.Popen([sys.executable, "-c", HOLD_WITH_A_WORKER, str(tmp_path)], stdout=subprocess.PIPE,
                             text=True)
    assert build.stdout is not None
    worker = int(build.stdout.readline())
    try:
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        os.kill(worker, 0)  # still there
        with build_lock(tmp_path):  # and yet no stale lock
            pass
    finally:
        os.kill(worker, signal.SIGKILL)


def test_threads_do_not_interleave(tmp_path: Path) -> None:
    """flock is per open file, so even two builds in one process exclude each other."""
    inside: list[int] = []
    overlaps: list[bool] = []

    def work(n: int) -> None:
        with build_lock(tmp_path, wait=30):
            inside.append(n)
            overlaps.append(len(inside) > 1)
            time.sleep(0.05)
            inside.remove(n)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert overlaps == [False] * 4


def test_lock_file_is_hidden_from_the_article_reader(tmp_path: Path) -> None:
    with build_lock(tmp_path):
        pass
    assert [p.name for p in tmp_path.iterdir()] == [".timeline.lock"]


def test_taking_the_lock_writes_nothing(tmp_path: Path) -> None:
    """A build with nothing to do must change no file, the lock file included."""
    with build_lock(tmp_path):
        pass
    lock = tmp_path / ".timeline.lock"
    before = lock.stat().st_mtime_ns
    time.sleep(0.01)
    with build_lock(tmp_path):
        pass
    assert lock.stat().st_mtime_ns == before and lock.read_bytes() == b""
