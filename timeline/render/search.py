"""Pagefind, run over a compact record of each event before the site goes live (``shards``
decides which events, ``searchrecords`` what their records hold).

A record carries ``data-pagefind-body``, so results are events, and its
actors, type and year are Pagefind filters; the event pages themselves carry
no Pagefind markup. Pagefind reads only ``events/*.html`` (``--glob``). The executable is
run directly: through ``python -m pagefind`` it starts ten times slower. A
missing Pagefind leaves a site without search, not a failed build: the pages
still work.

Pagefind (1.5) writes each filter's values in hash-map order, which changes
from run to run (its issue #638: fragments were made stable, "filter/metadata
indexes" not). ``stabilise`` puts the values in order and renames the files by
their new content, so two builds of one store are byte-identical, index included.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib
import json
import logging
import os
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

log = logging.getLogger("timeline")
MAGIC = b"pagefind_dcd"  # what starts every decompressed index file
# What the search page loads from a bundle, besides *.pf_meta, wasm.* and the index folders;
# Pagefind's own user interfaces are left out.
RUNTIME = frozenset({"pagefind.js", "pagefind-worker.js", "pagefind-entry.json"})
NOT_INSTALLED = "search index not built: Pagefind is not installed (pip install 'pagefind[bin]')"


@lru_cache(maxsize=1)
def pagefind_version() -> str:
    """The installed Pagefind's version: a different one may index the same pages differently."""
    from importlib import metadata

    for name in ("pagefind", "pagefind-bin"):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "none"


@lru_cache(maxsize=1)
def pagefind_binary() -> str | None:
    """The Pagefind executable: where ``PAGEFIND_BINARY_PATH`` says, from its Python wheel, or on PATH."""
    named = os.environ.get("PAGEFIND_BINARY_PATH")
    if named:
        return named
    for module in ("pagefind_bin_extended", "pagefind_bin"):
        try:
            return str(importlib.import_module(module).get_executable())
        except (ImportError, OSError, AttributeError):
            continue
    return shutil.which("pagefind_extended") or shutil.which("pagefind")


@dataclass
class Indexing:
    """A Pagefind run under way: the process, the file its messages go to, the bundle it writes."""

    process: subprocess.Popen[bytes]
    said: IO[bytes]
    bundle: Path


def start_pagefind(site: Path, *, language: str, bundle: Path, pattern: str = "events/*.html") -> Indexing | None:
    """Start indexing the pages of ``site`` that ``pattern`` matches into ``bundle``.

    None, with a warning, when Pagefind cannot be run.
    """
    binary = pagefind_binary()
    if binary is None:
        log.warning(NOT_INSTALLED)
        return None
    command = [binary, "--site", str(site), "--output-path", str(bundle), "--glob", pattern,
               "--force-language", language, "--quiet"]
    # Its messages go to a file, not a pipe: nobody reads them while it runs.
    said = tempfile.TemporaryFile()
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=said, stderr=subprocess.STDOUT)
    except OSError as exc:
        said.close()
        log.warning("search index not built: %s", exc)
        return None
    return Indexing(process, said, bundle)


def finish_pagefind(run: Indexing | None) -> bool:
    """Wait for a run ``start_pagefind`` began, then make its bundle deterministic and lean."""
    if run is None:
        return False
    with run.said:
        try:
            run.process.wait(timeout=3600)
        except subprocess.TimeoutExpired:
            run.process.kill()
            run.process.wait()
            log.warning("search index not built: Pagefind ran for an hour")
            return False
        if run.process.returncode != 0:
            run.said.seek(0)
            message = run.said.read().decode("utf-8", "replace").strip()[-500:]
            log.warning("search index not built: pagefind said %s", message or f"status {run.process.returncode}")
            return False
    for item in run.bundle.iterdir():
        if item.is_file() and not (item.name in RUNTIME or item.suffix == ".pf_meta" or item.name.startswith("wasm.")):
            item.unlink()
    try:
        stabilise(run.bundle)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        # The index works as Pagefind wrote it; only its bytes vary between builds.
        log.warning("search index left as Pagefind wrote it (%s): builds may differ in pagefind/", exc)
    return True


def stop_pagefind(run: Indexing | None) -> None:
    """End a run nobody will wait for (the build failed)."""
    if run is not None:
        run.process.kill()
        run.process.wait()
        run.said.close()


def run_pagefind(site: Path, *, language: str, bundle: Path | None = None) -> bool:
    """Index ``site`` into ``bundle`` (default ``site/pagefind/``); False, with a warning, when it cannot."""
    return finish_pagefind(start_pagefind(site, language=language, bundle=bundle or site / "pagefind"))


def _decode(data: bytes, at: int) -> tuple[Any, int]:
    """One CBOR item (the subset Pagefind writes: integers, strings, arrays, maps)."""
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info < 24:
        n = info
    elif info <= 27:
        width = 1 << (info - 24)
        n = int.from_bytes(data[at:at + width], "big")
        at += width
    else:
        raise ValueError(f"CBOR item {head:#x} not expected in a Pagefind index")
    if major == 0:
        return n, at
    if major in (2, 3):
        raw = data[at:at + n]
        return (raw if major == 2 else raw.decode("utf-8")), at + n
    if major in (4, 5):
        items = []
        for _ in range(n * (2 if major == 5 else 1)):
            item, at = _decode(data, at)
            items.append(item)
        return (items if major == 4 else dict(zip(items[::2], items[1::2]))), at
    raise ValueError(f"CBOR major type {major} not expected in a Pagefind index")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, n)
    raise ValueError("integer too large")


def _encode(item: Any) -> bytes:
    if isinstance(item, bool) or item is None:
        raise ValueError("CBOR simple values not expected in a Pagefind index")
    if isinstance(item, int):
        return _head(0, item)
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(_encode(x) for x in item)
    if isinstance(item, dict):
        return _head(5, len(item)) + b"".join(_encode(k) + _encode(v) for k, v in item.items())
    raise ValueError(f"cannot encode {type(item).__name__}")


def _read(path: Path) -> Any:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        raise ValueError(f"{path.name} is not a Pagefind index file")
    item, end = _decode(data, len(MAGIC))
    # Only rewrite what this codec reproduces exactly; anything else is a format it does not know.
    if end != len(data) or _encode(item) != data[len(MAGIC):]:
        raise ValueError(f"{path.name} does not read back byte for byte")
    return item


def _write(folder: Path, prefix: str, digits: int, suffix: str, item: Any) -> str:
    """Write ``item`` under a name made from its content; returns the name without the suffix."""
    data = MAGIC + _encode(item)
    name = f"{prefix}{hashlib.sha256(data).hexdigest()[:digits]}"
    # mtime=0: gzip would otherwise stamp the clock into every file.
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return name


def stabilise(bundle: Path) -> None:
    """Sort every filter's values and rename the filter and metadata files to match."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = meta[3]  # [[filter name, file hash], ...]
        for pair in filters:
            old = bundle / "filter" / f"{pair[1]}.pf_filter"
            name, values = _read(old)
            values.sort(key=lambda value: value[0])
            old.unlink()
            pair[1] = _write(bundle / "filter", f"{language}_", 7, ".pf_filter", [name, values])
        filters.sort(key=lambda pair: pair[0])
        meta_path.unlink()
        info["hash"] = _write(bundle, f"pagefind.{language}_", 10, ".pf_meta", meta)[len("pagefind."):]
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
