"""Safe YAML reading with line numbers, deterministic dumping and atomic writes."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from pathlib import Path
from typing import Any

import yaml

from timeline.errors import StoreError

# Aliases let a few lines expand into gigabytes ("billion laughs"); a store
# written by the project never uses them, so a file that does is refused.
MAX_ALIAS_EVENTS = 0


class _LineLoader(yaml.SafeLoader):
    """Safe loader that records the line of every mapping it builds."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {
        k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)
    }
    return mapping


class LineDict(dict):  # type: ignore[type-arg]
    """A dict that knows the line it started on and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_CLineLoader: type | None = None
if hasattr(yaml, "CSafeLoader"):
    class _CLineSafeLoader(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        """The same through libyaml, whose marks carry the same lines."""

    _CLineSafeLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _CLineLoader = _CLineSafeLoader


def read_text(path: Path, max_bytes: int = 50_000_000) -> str:
    """The text of a store file, as UTF-8 with universal newlines; StoreError naming the file otherwise."""
    try:
        if path.stat().st_size > max_bytes:
            raise StoreError(f"file is larger than {max_bytes} bytes", str(path))
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise StoreError(f"not UTF-8 text ({exc.reason})", str(path)) from None
    except OSError as exc:
        raise StoreError(f"cannot read: {exc.strerror}", str(path)) from None
    return text


def load_yaml(path: Path, *, max_bytes: int = 50_000_000) -> Any:
    """Load one YAML file safely; mappings come back as ``LineDict``.

    Raises StoreError naming the file and line for anything wrong.
    """
    text = read_text(path, max_bytes)
    return parse_yaml(text, str(path))


_ALIAS_HINT = re.compile(r"(^|[\s\[{,:-])[&*][^\s,\]}]+", re.MULTILINE)


def load_yaml_fast(path: Path, *, max_bytes: int = 50_000_000, text: str | None = None, lines: bool = False) -> Any:
    """Like ``load_yaml`` but with libyaml and plain dicts: ten times faster, no
    line numbers. Callers that find something wrong call ``load_yaml`` again
    to name the line. ``text``: the file's content when the caller has read it.
    ``lines``: mappings are ``LineDict`` as ``load_yaml`` gives them, for a file
    whose every read names the lines of what is wrong in it."""
    if text is None:
        text = read_text(path, max_bytes)
    if "\x00" in text or _ALIAS_HINT.search(text) or _CLineLoader is None:
        return parse_yaml(text, str(path))  # the careful path gives the message
    try:
        return yaml.load(text, Loader=_CLineLoader if lines else yaml.CSafeLoader)  # noqa: S506 - C safe loaders
    except (yaml.YAMLError, RecursionError):
        return parse_yaml(text, str(path))


def parse_yaml(text: str, name: str) -> Any:
    if "\x00" in text:
        raise StoreError("contains NUL bytes; restore it from version control", name)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else None
                raise StoreError("YAML aliases (*name) are not allowed here; write the value out", name, line)
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise StoreError(f"not valid YAML: {exc.problem or exc.context}; fix the file or restore it",
                         name, line) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise StoreError(f"not valid YAML: {exc.__class__.__name__}", name) from None


def atomic_write_text(path: Path, text: str, *, sync: bool = True) -> bool:
    """Write ``text`` to ``path`` via a temporary file and a rename.

    Returns False (and writes nothing) when the file already holds ``text``,
    so a rebuild without changes touches no file. ``sync=False`` skips the
    fsync, for caches: a torn cache file is only a miss.
    """
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _aside(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a read-only folder: the file it concerns, the old one kept
        Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _aside(path: Path) -> tuple[int, str]:
    """A new file beside ``path`` to write it in: with the mode of the file it replaces, or, for
    a new file, the mode the umask gives (``mkstemp`` would make it 0600, unreadable to a web
    server or a second user once renamed into place)."""
    try:
        mode: int | None = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = None
    for _ in range(100):
        tmp = os.path.join(path.parent, f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        if mode is not None:
            try:
                os.fchmod(fd, mode)
            except OSError:  # someone else's file in a shared folder: the umask's mode then
                pass
        return fd, tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))
