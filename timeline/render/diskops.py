"""File-system steps of the site writer: a file written only as a new one,
two folders swapped in one step, and the leftovers of builds that died."""

from __future__ import annotations

import ctypes
import errno
import os
import re
import shutil
import sys
from pathlib import Path

# O_EXCL: a staged path is always new; if it exists it may be a hard link to the
# live site, and truncating it would change the live site's file.
_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_RENAME_EXCHANGE = 2  # renameat2 flag (Linux): swap two paths in one step
_AT_FDCWD = -100


def write_new(target: str, data: bytes) -> None:
    # Three system calls: a site has 100,000 files and a buffered file object
    # spends as many again on buffering it does not need.
    handle = _create(target)
    try:
        _write_all(handle, data)
    finally:
        os.close(handle)


def _create(target: str) -> int:
    try:
        return os.open(target, _WRITE_FLAGS, 0o666)
    except FileExistsError:
        os.unlink(target)  # written twice in one build: replace, never truncate a link
        return os.open(target, _WRITE_FLAGS, 0o666)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def write_parts(target: str, parts: list[bytes | tuple[int, int]], source: str) -> None:
    """Write a new file of ``parts``: bytes, and ranges (start, end) of the file ``source``.

    The ranges are copied inside the kernel (``copy_file_range``): megabytes of
    an export file that did not change never pass through this process.
    """
    handle = _create(target)
    try:
        with open(source, "rb") as origin:
            for part in parts:
                if isinstance(part, bytes):
                    _write_all(handle, part)
                else:
                    _copy_range(origin.fileno(), handle, *part)
    finally:
        os.close(handle)


def _copy_range(source: int, target: int, start: int, end: int) -> None:
    while start < end:
        try:
            done = os.copy_file_range(source, target, end - start, start)
        except (AttributeError, OSError):  # not on this system or between these file systems
            done = 0
        if done <= 0:
            data = os.pread(source, end - start, start)
            if not data:
                raise OSError(f"{end - start} bytes missing at {start} of the file copied from")
            _write_all(target, data)
            done = len(data)
        start += done


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux renameat2); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False  # a C library older than glibc 2.28
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    done = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return done == 0  # EINVAL on file systems without it: fall back to two renames


def remove_leftovers(output: Path) -> None:
    """Staging and old folders of builds that died (SIGKILL) before cleaning up after themselves."""
    pattern = re.compile(rf"\.{re.escape(output.name)}-(?:new|old)-(\d+)(?:-.*)?")
    try:
        siblings = list(output.parent.iterdir())
    except OSError:
        return
    for sibling in siblings:
        found = pattern.fullmatch(sibling.name)
        if found and int(found.group(1)) != os.getpid() and not _alive(int(found.group(1))):
            shutil.rmtree(sibling, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError as exc:
        return exc.errno == errno.EPERM  # someone else's process: leave its folder alone
    return True


def scan(root: str, *, sizes: bool = False) -> tuple[dict[str, tuple[int, int]], set[str]]:
    """Every file under ``root`` by its path there, with its size (0 unless ``sizes``) and inode; every folder.

    Sizes cost a ``stat`` each; inodes come with the folder listing.
    """
    files: dict[str, tuple[int, int]] = {}
    folders = {root}
    pending = [("", root)]
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.add(entry.path)
                    pending.append((prefix + entry.name + "/", entry.path))
                else:
                    size = entry.stat(follow_symlinks=False).st_size if sizes else 0
                    files[prefix + entry.name] = (size, entry.inode())
    return files, folders
