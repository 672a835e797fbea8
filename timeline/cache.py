"""Per-article extraction cache: the reason a rebuild re-parses only what changed.

An entry is the JSON form of one ``Extraction``, filed under the article's
fingerprint inside a folder named for everything else that changes the result
(extractor version and code, spaCy and pipeline versions, relevant config,
the shape of the records). The folder may be deleted at any time. JSON rather
than pickle because the cache can come back from CI storage: loading a JSON
file can only fail, never run code. A corrupt or stale entry is a miss.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import shutil
import types
import typing
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import EXTRACTOR_VERSION
from .records import Article, Extraction, stable_hash
from .store.yamlio import atomic_write_text

log = logging.getLogger("timeline")

# Code whose change changes what extraction returns; hashed into the key so
# that a development checkout never serves results of older code.
EXTRACTION_CODE = ("extract.py", "nlp.py", "records.py", "temporal", "actors", "events", "data")

ENTRY_FORMAT = 1  # bump when the envelope below changes


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

    def _entry(self, article: Article) -> Path:
        key = article.fingerprint
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> Extraction | None:
        """The cached extraction of ``article``, or None (missing, corrupt or stale)."""
        if not self.enabled:
            self.misses += 1
            return None
        path = self._entry(article)
        try:
            raw = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            envelope = json.loads(raw)
            if envelope.get("format") != ENTRY_FORMAT or envelope.get("fingerprint") != article.fingerprint:
                raise ValueError("entry of another format or article")
            body = json.dumps(envelope["extraction"], sort_keys=True, ensure_ascii=False)
            if hashlib.sha256(body.encode("utf-8")).hexdigest() != envelope.get("sha256"):
                raise ValueError("checksum mismatch")
            extraction = from_jsonable(Extraction, envelope["extraction"])
        except Exception as exc:  # noqa: BLE001 - any damage to an entry is a miss, never fatal
            log.debug("cache: recomputing %s (%s: %s)", article.path, type(exc).__name__, exc)
            self.corrupt += 1
            self.misses += 1
            return None
        self.hits += 1
        # The article may have moved or gained metadata extraction does not read;
        # the cached result must describe the article as it is now.
        return dataclasses.replace(extraction, article=article)

    def put(self, extraction: Extraction) -> None:
        """Store ``extraction``; a cache that cannot be written only costs time."""
        data = to_jsonable(extraction)
        body = json.dumps(data, sort_keys=True, ensure_ascii=False)
        envelope = {
            "format": ENTRY_FORMAT,
            "fingerprint": extraction.article.fingerprint,
            "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
            "extraction": data,
        }
        try:
            atomic_write_text(self._entry(extraction.article), json.dumps(envelope, ensure_ascii=False))
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


def open_cache(root: Path, pipeline: str, settings: object, *, enabled: bool = True) -> ExtractionCache:
    """The cache for ``pipeline`` and the extraction-relevant ``settings``."""
    return ExtractionCache(root, environment_key(pipeline, settings), enabled=enabled)


def environment_key(pipeline: str, settings: object) -> str:
    """Hash of everything besides the article that decides an extraction's result."""
    return stable_hash(
        EXTRACTOR_VERSION, _code_fingerprint(), _pipeline_version(pipeline), _package_version("spacy"),
        pipeline, settings, _schema(Extraction), length=16,
    )


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in EXTRACTION_CODE:
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


# --- records <-> JSON -------------------------------------------------------
# Driven by the records' type hints, so that a field added to a record needs no
# change here.


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


@lru_cache(maxsize=None)
def _record_fields(kind: type) -> tuple[dict[str, Any], frozenset[str]]:
    # Resolving type hints is slow and the records never change while running.
    return typing.get_type_hints(kind), frozenset(f.name for f in dataclasses.fields(kind))


def from_jsonable(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind``; raises ValueError on anything that does not fit."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        errors = []
        for option in options:
            if option is type(None):
                continue
            try:
                return from_jsonable(option, data)
            except (ValueError, TypeError) as exc:
                errors.append(str(exc))
        raise ValueError(f"no type of {kind} fits: {'; '.join(errors)}")
    if origin is tuple:
        if not isinstance(data, list):
            raise ValueError(f"expected a list for {kind}")
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_jsonable(args[0], v) for v in data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items for {kind}")
        return tuple(from_jsonable(a, v) for a, v in zip(args, data))
    if origin is dict:
        key_kind, value_kind = typing.get_args(kind)
        if not isinstance(data, dict):
            raise ValueError(f"expected a mapping for {kind}")
        return {from_jsonable(key_kind, k): from_jsonable(value_kind, v) for k, v in data.items()}
    if dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise ValueError(f"expected a mapping for {kind.__name__}")
        hints, names = _record_fields(kind)
        if set(data) - names:
            raise ValueError(f"unknown fields for {kind.__name__}: {sorted(set(data) - names)}")
        return kind(**{name: from_jsonable(hints[name], v) for name, v in data.items()})
    if kind is date:
        if not isinstance(data, str):
            raise ValueError("expected an ISO date")
        return date.fromisoformat(data)
    if kind is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if kind is Any or kind is object:
        return data
    if isinstance(kind, type) and (type(data) is not kind):
        raise ValueError(f"expected {kind.__name__}, got {type(data).__name__}")
    return data
