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

import hashlib
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import msgspec

from timeline import __version__
from timeline.config import Config
from timeline.records import Article, Event
from timeline.render.model import SiteModel, registry_actors

PACKAGE = Path(__file__).resolve().parents[1]
DIGEST_BYTES = 12  # 96 bits: a site has at most millions of inputs to tell apart
# Article fields no page shows: the body is only ever quoted through the events.
UNSHOWN_ARTICLE_FIELDS = frozenset({"text", "offsets", "body_line"})
_SHOWN_ARTICLE_FIELDS = tuple(f.name for f in fields(Article) if f.name not in UNSHOWN_ARTICLE_FIELDS)


def digest(*parts: Any) -> str:
    """Hex digest of ``parts`` by their repr: strings, numbers, None and tuples or lists of them."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=DIGEST_BYTES).hexdigest()


def record_digest(event: Event) -> bytes:
    """Digest of every field of the event, nested records included (its msgpack encoding)."""
    return hashlib.blake2b(msgspec.msgpack.encode(event), digest_size=DIGEST_BYTES).digest()


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
