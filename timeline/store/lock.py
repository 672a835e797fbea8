"""One build at a time per content folder, so the store is never written by two.

The lock is an ``flock`` on a file in the content folder: the kernel drops it
when the holder exits, even on SIGKILL, so a killed build never leaves a stale
lock behind. The file is created once and never written, so that a build with
nothing to do changes no file; the holder's pid, for the message a second
build prints, comes from the kernel's table of locks where there is one.
"""

from __future__ import annotations

import errno
import logging
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from timeline.errors import LockError

log = logging.getLogger("timeline")

LOCK_NAME = ".timeline.lock"  # a dot file: never read as an article
POLL_SECONDS = 0.2

_HELD: set[int] = set()  # descriptors of the locks this process holds


@contextmanager
def build_lock(content: Path, *, wait: float = 0.0) -> Iterator[None]:
    """Hold the build lock of ``content`` for the duration of the block.

    Waits up to ``wait`` seconds for a running build to finish, then raises
    LockError with a message that says which process holds it.
    """
    import fcntl

    content.mkdir(parents=True, exist_ok=True)
    path = content / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + max(0.0, wait)
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
            holder = _holder(fd)
            if time.monotonic() >= deadline:
                raise LockError(
                    f"another build{holder} is running on {content}; wait for it to finish, "
                    "or pass --wait SECONDS to wait for it"
                )
            if not told:
                log.warning("waiting for another build%s on %s…", holder, content)
                told = True
            time.sleep(POLL_SECONDS)
        _HELD.add(fd)
        yield
    finally:
        # Closing the descriptor releases the lock; the file stays, so that no
        # second build can lock a file about to be removed.
        _HELD.discard(fd)
        os.close(fd)


def leave_locks() -> None:
    """In a forked child (every one: see ``os.register_at_fork`` below): close the lock
    descriptors it inherited, so that the lock goes with the build that took it. A
    worker that outlives a killed build would otherwise hold it until it ends.
    Closing a copy never unlocks: the lock lasts while any descriptor of it is open."""
    for fd in list(_HELD):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


def _holder(fd: int) -> str:
    """`` (process N)`` for the process holding the lock on ``fd``'s file, if the system says."""
    try:
        inode = os.fstat(fd).st_ino
        with open("/proc/locks", encoding="ascii", errors="replace") as table:
            for line in table:
                # "1: FLOCK  ADVISORY  WRITE 4242 08:01:2156225 0 EOF"
                fields = line.split()
                if len(fields) > 5 and fields[1] == "FLOCK" and fields[5].rsplit(":", 1)[-1] == str(inode):
                    return f" (process {fields[4]})"
    except OSError:
        pass
    return ""


os.register_at_fork(after_in_child=leave_locks)
