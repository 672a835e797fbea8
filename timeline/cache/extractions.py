"""Per-article extraction cache: the reason a rebuild re-parses only what changed.

An entry is one ``Extraction`` without its article, filed under the article's
fingerprint inside a folder named for everything else that changes the result
(extractor version and code, spaCy and pipeline versions, relevant config,
the shape of the records, the entry format). The folder may be deleted at any
time. JSON rather than pickle because the cache can come back from CI
storage: loading a JSON file can only fail, never run code. A corrupt or
stale entry is a miss.

An entry file is a header line ``{"format", "fingerprint", "sha256"}`` and
then the body, the extraction's fields as ``codec`` writes them; the checksum
is of the body's bytes, so it is checked without writing the body again.
The article itself is not stored: its fingerprint already says the text is
the same, and the article as read now is the one a hit must describe.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import logging
import shutil
import typing
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Sequence

from timeline import EXTRACTOR_VERSION
from timeline.cache.codec import decoder, encoder
from timeline.records import Article, Extraction, stable_hash
from timeline.store.yamlio import atomic_write_text

__all__ = ["ENTRY_FORMAT", "ExtractionCache", "code_fingerprint", "environment_key", "open_cache"]

log = logging.getLogger("timeline")

# Code whose change changes what extraction returns; hashed into the key so
# that a development checkout never serves results of older code.
EXTRACTION_CODE = ("extract.py", "nlp.py", "records.py", "casefold.py", "line_patterns.py", "temporal", "actors", "events",
                   "data")

ENTRY_FORMAT = 2  # bump when the entry layout below changes

Entry = tuple[str, bytes]  # an article's fingerprint, and the bytes of the file filed under it

# The body of an entry: every field of an Extraction but its article, in order.
STORED_FIELDS = tuple(f.name for f in dataclasses.fields(Extraction) if f.name != "article")
_hints = typing.get_type_hints(Extraction)
BODY = tuple[tuple(_hints[name] for name in STORED_FIELDS)]  # type: ignore[misc]


class ExtractionCache:
    """Read and write cached extractions for one build configuration."""

    def __init__(self, root: Path, environment: str, *, enabled: bool = True) -> None:
        self.root = root
        self.environment = environment
        self.folder = root / "extract" / environment
        self.enabled = enabled
        self.hits = 0
        self.misses = 0
        self.corrupt = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def find(self, articles: Sequence[Article]) -> list[Entry | None]:
        """The entry of each article, None where there is none (a miss).

        Only reads files: whether an entry is sound is for ``load`` to say.
        """
        found: list[Entry | None] = []
        for article in articles:
            key = article.fingerprint  # hashes the whole text: computed once
            try:
                found.append((key, self._path(key).read_bytes()) if self.enabled else None)
            except OSError:
                found.append(None)
        self.misses += found.count(None)
        return found

    def load(self, articles: Sequence[Article], found: Sequence[Entry | None]) -> list[Extraction | None]:
        """The extraction of each article whose ``found`` entry is sound, None for the others (misses)."""
        loaded: list[Extraction | None] = []
        with _collector_paused():
            for article, entry in zip(articles, found):
                extraction = None if entry is None else self._decode(article, *entry)
                if extraction is not None:
                    self.hits += 1
                elif entry is not None:
                    self.corrupt += 1
                    self.misses += 1
                loaded.append(extraction)
        return loaded

    def get(self, article: Article) -> Extraction | None:
        """The cached extraction of ``article``, or None (missing, corrupt or stale)."""
        return self.load([article], self.find([article]))[0]

    def _decode(self, article: Article, key: str, raw: bytes) -> Extraction | None:
        try:
            head, _, body = raw.partition(b"\n")
            header = json.loads(head)
            if header.get("format") != ENTRY_FORMAT or header.get("fingerprint") != key:
                raise ValueError("entry of another format or article")
            if hashlib.sha256(body).hexdigest() != header.get("sha256"):
                raise ValueError("checksum mismatch")
            values = _read_body(json.loads(body))
        except Exception as exc:  # noqa: BLE001 - any damage to an entry is a miss, never fatal
            log.debug("cache: recomputing %s (%s: %s)", article.path, type(exc).__name__, exc)
            return None
        extraction = Extraction(article=article, **dict(zip(STORED_FIELDS, values)))
        # The article may have moved or gained metadata extraction does not read;
        # the cached result must describe the article as it is now, down to the
        # id its happenings carry (a moved file gets a new id).
        if any(h.article_id != article.id for h in extraction.happenings):
            happenings = tuple(dataclasses.replace(h, article_id=article.id) for h in extraction.happenings)
            extraction = dataclasses.replace(extraction, happenings=happenings)
        return extraction

    def put(self, extraction: Extraction) -> None:
        """Store ``extraction``; a cache that cannot be written only costs time."""
        # ASCII: a lone surrogate a text may carry is then written as an escape, not refused.
        body = json.dumps(_write_body(tuple(getattr(extraction, name) for name in STORED_FIELDS)),
                          separators=(",", ":"))
        key = extraction.article.fingerprint
        header = json.dumps({
            "format": ENTRY_FORMAT,
            "fingerprint": key,
            "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
        })
        try:
            # No fsync: a torn entry fails its checksum and is only a miss.
            atomic_write_text(self._path(key), f"{header}\n{body}", sync=False)
        except OSError as exc:
            log.warning("cache: cannot write %s: %s", self.folder, exc.strerror)

    def prune_other_environments(self) -> None:
        """Remove entries made for other versions or settings: they can never hit again."""
        parent = self.root / "extract"
        try:
            stale = [p for p in parent.iterdir() if p.is_dir() and p.name != self.environment]
        except OSError:
            return
        for folder in stale:
            shutil.rmtree(folder, ignore_errors=True)


_read_body = decoder(BODY)
_write_body = encoder(BODY)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while entries are decoded.

    Decoding allocates some 10^5 records and containers, all of which live
    on and none of which form cycles; with the collector running, every
    collection walks all the records decoded so far: 0.33 s instead of 0.22 s
    to load the extractions of 700 articles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def open_cache(root: Path, pipeline: str, settings: object, *, enabled: bool = True) -> ExtractionCache:
    """The cache for ``pipeline`` and the extraction-relevant ``settings``."""
    return ExtractionCache(root, environment_key(pipeline, settings), enabled=enabled)


def environment_key(pipeline: str, settings: object) -> str:
    """Hash of everything besides the article that decides an extraction's result."""
    return stable_hash(
        EXTRACTOR_VERSION, ENTRY_FORMAT, code_fingerprint(EXTRACTION_CODE), _pipeline_version(pipeline),
        _package_version("spacy"), pipeline, settings, _schema(Extraction), length=16,
    )


@lru_cache(maxsize=None)
def code_fingerprint(names: tuple[str, ...]) -> str:
    """Hash of the package's files and folders ``names`` (relative to ``timeline/``), for cache keys."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in names:
        target = package / name
        files = sorted(target.rglob("*")) if target.is_dir() else [target]
        for file in files:
            if file.is_file() and file.suffix in (".py", ".yaml", ".json", ".txt"):
                digest.update(str(file.relative_to(package)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _package_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def _pipeline_version(pipeline: str) -> str:
    """Version of an installed pipeline package, or a hash of a pipeline folder's meta.json.

    Read without loading spaCy, so that a build with nothing to parse stays fast.
    """
    meta = Path(pipeline) / "meta.json"
    if meta.is_file():
        return stable_hash(meta.read_bytes().decode("utf-8", "replace"), length=16)
    return _package_version(pipeline)


def _schema(cls: type) -> str:
    """The field names and types of a record tree, so a changed record misses the cache."""
    seen: dict[str, list[str]] = {}

    def walk(kind: Any) -> None:
        for arg in typing.get_args(kind):
            walk(arg)
        if dataclasses.is_dataclass(kind) and kind.__name__ not in seen:
            hints = typing.get_type_hints(kind)
            seen[kind.__name__] = [f"{f.name}:{hints[f.name]}" for f in dataclasses.fields(kind)]
            for f in dataclasses.fields(kind):
                walk(hints[f.name])

    walk(cls)
    return stable_hash(seen, length=16)
