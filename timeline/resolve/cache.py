"""The last build's resolution, kept in the build's cache folder.

Kept for one registry (the one the build wrote, which the next build reads
unless a maintainer edited it), by article: whether adding the article's
actors left that registry as it was, the happenings whose actors it renames,
and, in a file of their own read only when the registry changed, the tokens
of ``resolve_reads`` each of those answers depends on. An article is known by
a hash of what extraction reads from it, in a folder named for the code and
the extraction environment: the same key means the same mentions and
happenings. Its mentions have a hash of their own too: an article edited
where it names no new actor brings the actors it brought before.

Every file starts with a header naming its registry (a hash of its actors);
entries of a rebuild that adds articles are appended as JSON lines. A line
that does not decode, or fails its checksum, is skipped and its article
resolved again; a file of another registry or format is not read. JSON
rather than pickle for the reason ``timeline.cache.extractions`` gives.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from timeline.extract.actors.registry import Registry
from timeline.records import ActorRef, Extraction
from timeline.resolve.reads import RegistryView
from timeline.store.reader import maker
from timeline.store.registrycache import actor_from_row, actor_row
from timeline.store.yamlio import atomic_write_text

FORMAT = "resolve-cache-2"  # bump when a file's layout below changes
FOLDER = "resolve"
# The code whose change changes a resolution, relative to ``timeline/``; the
# extraction environment covers the code and data that make the mentions.
RESOLVE_CODE = ("resolve.py", "resolve_reads.py", "resolve_cache.py", "actors/registry.py", "actors/names.py",
                "records.py", "store/registrycache.py")

Renamed = tuple[tuple[int, tuple[ActorRef, ...]], ...]  # (happening's index, its actors under registry names)
_ref = maker(ActorRef)
_KEY = re.compile(r"[0-9a-f]{32}")  # what ``article_key`` gives


@dataclass(frozen=True)
class Resolved:
    """What resolving one article against a registry gave."""

    mentions: str  # ``mentions_key`` of the article: what adding its actors depends on
    unchanging: bool  # adding its actors leaves the registry as it is
    renamed: Renamed
    reads: tuple[str, ...] | None = None  # what adding its actors reads (of an unchanging article)
    lookups: tuple[str, ...] = ()  # what naming its happenings' actors reads


@dataclass(frozen=True)
class Saved:
    """The entries kept for one registry."""

    registry: str  # hash of the registry's actors
    merge_stable: bool  # whether rebuilding the registry merges none of its actors
    entries: dict[str, Resolved]  # by article key, without reads and lookups
    lines: int  # entry lines in the file, to know when appended ones outnumber the articles
    # By ``mentions_key``, an article whose actors change nothing: an article edited
    # where it names no actor has the same mentions, and adding them is known.
    twins: dict[str, str] = field(default_factory=dict)


def registry_hash(registry: Registry) -> str:
    """A hash of the registry's actors, which decide all its answers."""
    rows = json.dumps([actor_row(a) for a in registry.actors], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(rows.encode("utf-8")).hexdigest()[:32]


def mentions_key(extraction: Extraction) -> str:
    """A hash of what ``actors_from_mentions`` reads of the article's mentions (not where they are)."""
    rows = [(m.text, m.name, m.kind, m.role, m.seen, m.country) for m in extraction.mentions]
    return hashlib.blake2b(_dumps(rows).encode("utf-8"), digest_size=16).hexdigest()


def article_key(extraction: Extraction) -> str:
    """A hash of what extraction reads from the article (as its fingerprint);
    "" for a failed extraction, whose result is never kept."""
    if extraction.errors:
        return ""
    a = extraction.article
    digest = hashlib.blake2b(digest_size=16)
    for part in (a.title, a.text, str(a.published), a.language):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


@lru_cache(maxsize=None)
def _folder_name(environment: str) -> str:
    from timeline.cache.extractions import code_fingerprint

    return hashlib.sha256(f"{FORMAT}\0{code_fingerprint(RESOLVE_CODE)}\0{environment}".encode()).hexdigest()[:16]


class ResolveCache:
    """The files of one code version and extraction environment."""

    def __init__(self, cache: Path, environment: str) -> None:
        self.root = Path(cache) / FOLDER
        self.folder = self.root / _folder_name(environment)

    def _path(self, registry: str, kind: str) -> Path:
        return self.folder / f"{registry}.{kind}"

    def saved(self, registry: str) -> Saved | None:
        """The entries for ``registry``, else those of the registry last written; None when there are none."""
        found = self._entries(registry)
        if found is None:
            try:
                latest = (self.folder / "latest").read_text(encoding="utf-8").strip()
            except (OSError, UnicodeDecodeError):
                return None
            found = self._entries(latest) if latest != registry and latest.isalnum() else None
        return found

    def _entries(self, registry: str) -> Saved | None:
        head, lines = self._read_lines(self._path(registry, "jsonl"), registry)
        if head is None:
            return None
        entries = {}
        for line in lines:
            if isinstance(line, list) and len(line) == 4 and _is_key(line[0]) and _is_key(line[1]) \
                    and isinstance(line[2], bool):
                try:
                    entries[line[0]] = Resolved(line[1], line[2], _renamed_from(line[3]))
                except (ValueError, TypeError):
                    continue
        twins = {e.mentions: k for k, e in entries.items() if e.unchanging}
        return Saved(registry, head.get("merge_stable") is True, entries, len(lines), twins)

    def reads(self, registry: str) -> SavedReads:
        """What the articles of the entries for ``registry`` read."""
        lines: dict[str, str] = {}
        try:
            text = self._path(registry, "reads.jsonl").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return SavedReads(lines)
        rows = text.split("\n")
        if _header(rows[0], registry) is None:
            return SavedReads(lines)
        for row in rows[1:]:
            check, _, body = row.partition(" ")
            # A line torn by a killed build, or glued to the next one, fails its checksum.
            if body.startswith('["') and body[34:36] == '",' and _is_key(body[2:34]) and check == _checksum(body):
                lines[body[2:34]] = body
        return SavedReads(lines)

    def view(self, registry: str) -> RegistryView | None:
        """The registry the entries of ``registry`` were made against, by name."""
        try:
            data = json.loads(self._path(registry, "registry.json").read_text(encoding="utf-8"))
            if data["format"] != FORMAT or data["registry"] != registry:
                return None
            actors = {a.name: a for a in map(actor_from_row, data["actors"])}
            index, people = data["index"], data["people"]
            for lookup in (index, people):
                if not (isinstance(lookup, dict) and all(isinstance(v, str) and v in actors for v in lookup.values())):
                    return None
            return RegistryView(actors, index, people)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def _read_lines(self, path: Path, registry: str) -> tuple[dict[str, Any] | None, list[Any]]:
        try:
            rows = path.read_text(encoding="utf-8").split("\n")
        except (OSError, UnicodeDecodeError):
            return None, []
        head = _header(rows[0], registry)
        if head is None:
            return None, []
        body = [row for row in rows[1:] if row]
        try:
            return head, json.loads("[" + ",".join(body) + "]")
        except ValueError:  # a line torn by a killed build: keep the others
            return head, [_loads(row) for row in body]

    def append(self, registry: str, entries: dict[str, Resolved]) -> None:
        """Add entries made against ``registry``, whose files exist."""
        if entries:
            self._save(registry, entries, {}, append=True)

    def write(self, registry: str, view: RegistryView, merge_stable: bool, entries: dict[str, Resolved],
              reads_lines: dict[str, str]) -> None:
        """Keep ``entries`` made against the registry ``view`` shows, in place of any
        others; ``reads_lines``: lines of ``SavedReads`` still true of that registry,
        by key, for the entries that have no reads of their own."""
        state = {"format": FORMAT, "registry": registry, "actors": [actor_row(a) for a in view.actors.values()],
                 "index": view.index, "people": view.people}
        try:
            self._clear(keep=registry)
            atomic_write_text(self._path(registry, "registry.json"), _dumps(state), sync=False)
        except OSError:
            return
        self._save(registry, entries, reads_lines, append=False, merge_stable=merge_stable)

    def _save(self, registry: str, entries: dict[str, Resolved], reads_lines: dict[str, str], *, append: bool,
              merge_stable: bool = False) -> None:
        main = [_dumps([k, e.mentions, e.unchanging, [[i, [x for ref in refs for x in (ref.name, ref.kind)]]
                                                      for i, refs in e.renamed]]) for k, e in entries.items()]
        reads = []
        for k, e in entries.items():
            body = reads_lines.get(k) or _dumps([k, None if e.reads is None else list(e.reads), list(e.lookups)])
            reads.append(f"{_checksum(body)} {body}")
        try:
            # Reads first: an entry whose reads are missing is only resolved again.
            for kind, lines in (("reads.jsonl", reads), ("jsonl", main)):
                path = self._path(registry, kind)
                if append:
                    with path.open("a", encoding="utf-8") as handle:
                        handle.write("".join(line + "\n" for line in lines))
                else:
                    head = _dumps({"format": FORMAT, "registry": registry, "merge_stable": merge_stable})
                    atomic_write_text(path, "".join(x + "\n" for x in (head, *lines)), sync=False)
            if not append:
                atomic_write_text(self.folder / "latest", registry + "\n", sync=False)
        except OSError:
            pass  # a cache that cannot be written only costs time

    def _clear(self, keep: str) -> None:
        """Remove the files of other registries, and other code versions' folders."""
        for other in (self.root.iterdir() if self.root.is_dir() else ()):
            if other != self.folder:
                shutil.rmtree(other, ignore_errors=True)
        for path in (self.folder.iterdir() if self.folder.is_dir() else ()):
            if path.name != "latest" and not path.name.startswith(keep + "."):
                path.unlink(missing_ok=True)


class SavedReads:
    """What the saved articles read, as the lines of their file: a line is
    decoded only when a token asked about occurs in its text."""

    def __init__(self, lines: dict[str, str]) -> None:
        self.lines = lines
        self._quoted: dict[str, str] = {}

    def untouched(self, key: str, tokens: set[str]) -> tuple[bool, bool]:
        """Whether adding the article's actors, and naming its happenings' actors,
        are known to read none of ``tokens``."""
        line = self.lines.get(key)
        if line is None:
            return False, False
        quoted = self._quoted
        for token in tokens:
            if token not in quoted:
                quoted[token] = json.dumps(token, ensure_ascii=False)
            if quoted[token] in line:
                break
        else:
            return not line.startswith("null", 36), True
        reads, lookups = self.parts(key) or (None, ())
        return reads is not None and tokens.isdisjoint(reads), tokens.isdisjoint(lookups)

    def parts(self, key: str) -> tuple[list[str] | None, list[str]] | None:
        """What adding the article's actors read (None: it changes the registry), and its lookups."""
        try:
            _, reads, lookups = json.loads(self.lines[key])
            if not (reads is None or all(isinstance(t, str) for t in reads)) \
                    or not all(isinstance(t, str) for t in lookups):
                return None
            return reads, lookups
        except (KeyError, ValueError, TypeError):
            return None


def _renamed_from(rows: Sequence[Any]) -> Renamed:
    renamed = []
    for i, flat in rows:
        if type(i) is not int or i < 0 or len(flat) % 2 or not all(isinstance(x, str) for x in flat):
            raise ValueError("not a renamed happening")
        renamed.append((i, tuple([_ref(flat[k], flat[k + 1]) for k in range(0, len(flat), 2)])))
    return tuple(renamed)


def _header(row: str, registry: str) -> dict[str, Any] | None:
    try:
        head = json.loads(row)
        return head if head["format"] == FORMAT and head["registry"] == registry else None
    except (ValueError, TypeError, KeyError):
        return None


def _is_key(value: Any) -> bool:
    return isinstance(value, str) and _KEY.fullmatch(value) is not None


def _checksum(body: str) -> str:
    return f"{zlib.crc32(body.encode('utf-8')):08x}"


def _loads(row: str) -> Any:
    try:
        return json.loads(row)
    except ValueError:
        return None


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
