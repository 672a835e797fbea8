"""What the site is made from, as digests: a rebuild renders only what they say changed.

Three levels. The site digest covers everything rendering reads (code,
templates, configuration, every event, the articles' shown fields, the
registry): equal digests, equal sites, and nothing is rendered at all.
Otherwise every page declares the inputs it shows (see ``pages.py``), and a
page whose inputs are those the live site's copy was made from is linked
from the live site without rendering; a whole listing, a run of event pages
or a filter list whose inputs together are unchanged is linked without
working out each page's.

An event's view digest stands for all a page can show of one event: its
whole record, its address, its type's page, the name, kind and page of each
actor chip, the page of each source article. A page adds what else it shows
(its neighbours, counts, the pager). Inputs every page shares (code,
templates, the site's title, addresses and date) make the scope: a new scope
renders every page. These declarations follow the project's templates; a
maintainer's own HTML templates may show anything a view reaches, so with
them no page is taken on its inputs (unchanged files are still linked).
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import types
import typing
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Sequence

from .. import __version__
from ..config import Config
from ..records import Article, Event
from .model import SiteModel, registry_actors

PACKAGE = Path(__file__).resolve().parents[1]
DIGEST_BYTES = 12  # 96 bits: a site has at most millions of inputs to tell apart
# Article fields no page shows: the body is only ever quoted through the events.
UNSHOWN_ARTICLE_FIELDS = frozenset({"text", "offsets", "body_line"})
_SHOWN_ARTICLE_FIELDS = tuple(f.name for f in fields(Article) if f.name not in UNSHOWN_ARTICLE_FIELDS)


def digest(*parts: Any) -> str:
    """Hex digest of ``parts`` by their repr: strings, numbers, None and tuples or lists of them."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=DIGEST_BYTES).hexdigest()


def record_digest(event: Event) -> bytes:
    """Digest of every field of the event, nested records included.

    The record is flattened into tuples of plain values by code generated from
    its type hints, and marshalled: half the time of its repr, which runs the
    dataclasses' Python-level ``__repr__`` for every source of every event.
    Marshal's version 2 writes a value the same whatever its identity (no
    back-references, no mark for interned strings), so equal records give equal bytes.
    """
    try:
        data = marshal.dumps(_flatten(Event)(event), 2)
    except ValueError:  # a value marshal does not take: its repr is as complete, only slower
        data = repr(event).encode("utf-8")
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES).digest()


_PLAIN = (str, int, float, bool, type(None))


@lru_cache(maxsize=None)
def _flatten(kind: type) -> Callable[[Any], Any]:
    """A function from a record of type ``kind`` to a tuple of plain values, one per field."""
    source = f"def flatten(value):\n    return {_plain(kind, 'value', 0)}\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, f"<flatten {kind.__name__}>", "exec"), namespace)  # noqa: S102 - generated from type hints
    return namespace["flatten"]  # type: ignore[no-any-return]


def _plain(kind: Any, expr: str, depth: int) -> str:
    """Python source giving the value ``expr`` of type ``kind`` as plain values."""
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return "(" + "".join(f"{_plain(hints[f.name], f'{expr}.{f.name}', depth)}, " for f in fields(kind)) + ")"
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        records = [a for a in args if a is not type(None)]
        if len(records) == 1 and dataclasses.is_dataclass(records[0]):
            return f"(None if {expr} is None else {_plain(records[0], expr, depth)})"
        return expr if all(a in _PLAIN for a in args) else f"repr({expr})"
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] in _PLAIN:
            return expr
        item = f"_{depth}"
        return f"tuple([{_plain(args[0], item, depth + 1)} for {item} in {expr}])"
    return expr if kind in _PLAIN else f"repr({expr})"


def site_digest(shared: str, records: Sequence[bytes], registry: Any, articles: Sequence[Article], cfg: Config,
                *, search: str | None) -> str:
    """Hash of everything the rendered site depends on: equal digests, equal sites.

    ``shared`` is ``shared_inputs``, ``records`` the events' record digests,
    ``search`` the settings of the search index (None without one).
    """
    whole = hashlib.blake2b(digest_size=DIGEST_BYTES * 2)

    def part(label: str, data: bytes) -> None:
        # Length-prefixed, so that no two different sequences of parts hash alike.
        whole.update(f"{label}:{len(data)}:".encode())
        whole.update(data)

    part("shared", shared.encode("utf-8"))
    part("config", repr((cfg.site, cfg.build.build_date, search)).encode("utf-8"))
    # Sorted: the order events and articles arrive in does not change the site.
    part("events", b"".join(sorted(records)))
    shown = sorted(repr(tuple(getattr(a, name) for name in _SHOWN_ARTICLE_FIELDS)).encode("utf-8")
                   for a in articles)
    part("articles", b"\n".join(shown))
    actors = getattr(registry, "actors", None)
    part("registry", repr(list(actors) if isinstance(actors, (tuple, list)) else
                          sorted(registry_actors(registry).values(), key=lambda a: a.name)).encode("utf-8"))
    return whole.hexdigest()


def shared_inputs(cfg: Config, folders: Sequence[Path]) -> str:
    """Code, templates and the configuration every page shows; ``page_scope`` adds the site's date."""
    return digest(code_digest(), templates_digest(tuple(folders)), cfg.title, cfg.description,
                  cfg.language, cfg.base_url, cfg.site_url)


def page_scope(shared: str, cfg: Config, model: SiteModel) -> str | None:
    """The inputs all pages share, or None when pages cannot be taken on their declared inputs."""
    if maintainer_pages(cfg):
        return None
    return digest(shared, model.build_date)


def maintainer_pages(cfg: Config) -> bool:
    """Whether the maintainer's template folder replaces any page template of the project."""
    folder = cfg.paths.templates
    return bool(folder and folder.is_dir() and any(folder.rglob("*.html")))


def stamp_views(model: SiteModel, records: dict[int, bytes]) -> None:
    """Give every event view its digest; ``records`` maps ``id(event)`` to its record digest."""
    for ev in model.events:
        ev.digest = digest(records[id(ev.event)], ev.slug, ev.type_slug,
                           tuple((a.name, a.kind, a.slug) for a in ev.actors),
                           ev.article_slugs)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The project's own code and data: any change to how a page is made re-renders the site."""
    whole = hashlib.sha256(__version__.encode())
    for file in sorted(PACKAGE.rglob("*")):
        if file.suffix in (".py", ".yaml", ".json", ".txt") and "__pycache__" not in file.parts and file.is_file():
            whole.update(str(file.relative_to(PACKAGE)).encode() + b"\0")
            whole.update(file.read_bytes())
    return whole.hexdigest()


def templates_digest(folders: tuple[Path, ...]) -> str:
    """Every file of the template folders, the maintainer's override folder first."""
    whole = hashlib.sha256()
    for rank, folder in enumerate(folders):
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                whole.update(f"{rank}/{file.relative_to(folder).as_posix()}\0".encode())
                whole.update(file.read_bytes())
    return whole.hexdigest()
