"""What a part of the site shows, as digests: the fingerprints its cache entries are filed under.

A part (see ``parts``) is rendered again only when its fingerprint is new, so a
fingerprint must cover everything the part's files show. An event's view digest
stands for all a page can show of one event: its whole record, its address, its
type's page, the name, kind and page of each actor chip, the page of each source
article. A part adds what else it shows (its neighbours, counts, the order of a
listing), and the scope adds what every part shows: the configuration and the
site's date. The code and the templates are in the render step's key (see
``render_settings``). A maintainer's own HTML templates may show anything a view
reaches, so with them no part is taken from the cache (see ``maintainer_pages``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Sequence

import msgspec

from timeline.config import Config
from timeline.render.model import SiteModel

DIGEST_BYTES = 12  # 96 bits: a site has at most millions of inputs to tell apart


def digest(*parts: Any) -> str:
    """Hex digest of ``parts``: strings, numbers, None, records, and tuples, lists or dicts of them."""
    return hashlib.blake2b(_encode(parts), digest_size=DIGEST_BYTES).hexdigest()


def _plain(value: object) -> object:
    if isinstance(value, str):  # Markup and other kinds of text
        return str(value)
    raise TypeError(f"a fingerprint cannot hold a {type(value).__name__}")


_encode = msgspec.msgpack.Encoder(enc_hook=_plain).encode


def stamp_views(model: SiteModel) -> None:
    """Give every event view its digest: all a page can show of the event, every field of its
    record (nested records included) and the addresses and names it links to."""
    for ev in model.events:
        ev.digest = digest(ev.event, ev.slug, ev.type_slug, [(a.name, a.kind, a.slug) for a in ev.actors],
                           ev.article_slugs, ev.updates)


def templates_digest(folders: Sequence[Path]) -> str:
    """Every file of the template folders, the maintainer's override folder first."""
    whole = hashlib.sha256()
    for rank, folder in enumerate(folders):
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                whole.update(f"{rank}/{file.relative_to(folder).as_posix()}\0".encode())
                whole.update(file.read_bytes())
    return whole.hexdigest()


def maintainer_pages(cfg: Config) -> bool:
    """Whether the maintainer's template folder replaces any page template of the project."""
    folder = cfg.paths.templates
    return bool(folder and folder.is_dir() and any(folder.rglob("*.html")))
