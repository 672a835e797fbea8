"""Finding article files in the content folder and reading their bytes honestly."""

from __future__ import annotations

import hashlib
import os
from codecs import BOM_UTF16_BE, BOM_UTF16_LE
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline.records import Article, Problem
from timeline.sources.encodings import utf16_without_mark

# Suffix -> reader name; the readers live in modules of this package.
FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".jsonl": "bulk",
    ".json": "bulk",
}

# Places in the content folder that belong to the store, never to articles.
RESERVED_DIRS = ("events",)
# Sidecars, the sources index, the actor registry: metadata, not articles.
METADATA_SUFFIXES = (".yaml", ".yml")
# How much of a file is looked at to decide it is binary.
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class SourceFile:
    path: Path  # absolute
    rel: str  # relative to the content folder, POSIX separators
    shown: str  # how messages name it: relative to the working folder when inside it

    @property
    def format(self) -> str | None:
        return FORMATS.get(self.path.suffix.lower())


@dataclass(frozen=True)
class Reading:
    """What reading one file gave, and how long it holds."""

    articles: tuple[Article, ...] = ()
    problems: tuple[Problem, ...] = ()
    text_keys: tuple[str, ...] = ()  # one per article: its words' hash, for finding duplicates
    due: date | None = None  # the first day the file could read differently
    lasting: bool = True  # False for a failure that need not recur: never kept


def file_fingerprint(source: SourceFile, beside: object) -> str:
    """Digest of everything reading ``source`` looks at: its bytes, its sidecar's, and
    ``beside`` (its entry of the sources index); unreadable files get a digest of their own."""
    whole = hashlib.sha256(f"{source.rel}\0{source.shown}\0{beside!r}\0".encode())
    for path in (source.path, *(source.path.with_suffix(s) for s in METADATA_SUFFIXES)):
        try:
            whole.update(path.read_bytes() if path.is_file() else b"-")
        except OSError as exc:
            whole.update(f"unreadable {exc.errno}".encode())
        whole.update(b"\0")
    return whole.hexdigest()


def shown_path(path: Path) -> str:
    """The path as a user can open it from where they ran the command."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def walk_content(content: Path) -> list[SourceFile]:
    """Every candidate article file below ``content``, in a stable order."""
    found: list[SourceFile] = []
    if not content.is_dir():
        return found
    # Resolving every file's path for ``shown_path`` cost most of the walk. The
    # folders below ``content`` are real ones (os.walk does not follow links),
    # so a file's shown path is its folder's and its name, unless it is a link.
    real, cwd = content.resolve(), Path.cwd().resolve()
    shown_folder = real.relative_to(cwd).as_posix() if real.is_relative_to(cwd) else None
    # Run from inside the folder, some files are below the working folder and some not.
    each_alone = shown_folder is None and cwd.is_relative_to(real)
    for folder, dirs, files in os.walk(content):
        here = Path(folder)
        top = here == content
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (top and d in RESERVED_DIRS))
        for name in sorted(files):
            if name.startswith(".") or name.lower().endswith(METADATA_SUFFIXES):
                continue
            path = here / name
            rel = path.relative_to(content).as_posix()
            if each_alone or os.path.islink(path):
                shown = shown_path(path)
            elif shown_folder is None:
                # outside the working folder: shown as given
                shown = path.as_posix()
            else:
                shown = rel if shown_folder == "." else f"{shown_folder}/{rel}"
            found.append(SourceFile(path, rel, shown))
    found.sort(key=lambda f: f.rel)
    return found


def read_bytes(source: SourceFile, max_bytes: int) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or None and the reason they are no article.

    An OSError is the caller's: a file that cannot be read now may be
    readable on the next try, which the caller must not forget.
    """
    size = source.path.stat().st_size
    if max_bytes and size > max_bytes:
        return None, [Problem(source.shown, f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                              "(build.max_file_bytes in config.yaml); skipped")]
    data = source.path.read_bytes()
    if b"\x00" in data[:SNIFF_BYTES] and not data.startswith((BOM_UTF16_LE, BOM_UTF16_BE)) \
            and not utf16_without_mark(data):
        return None, [Problem(source.shown, "binary file, not an article (it holds NUL bytes); skipped")]
    return data, []


def line_at(text: str, offset: int) -> int:
    """1-based line number of character ``offset`` of ``text``."""
    return text.count("\n", 0, max(offset, 0)) + 1
