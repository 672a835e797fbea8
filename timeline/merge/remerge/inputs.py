"""What a merge is given, article by article, and how to tell what changed since the last one.

An article's happenings are told apart from the last build's by a signature:

- with a ``token`` from the caller (a key that decides what extraction gave
  for the article, such as the extraction cache's), the token, the actors
  the happenings name after resolution (the one thing resolving changes)
  and the article's metadata; hashing 20,000 happenings whole costs more
  than the rest of a merge that reuses the last one. When the caller also
  says that resolving read what it read last time (``resolution``), an
  article with the same token and metadata keeps its signature unread;
- without one, a digest of each happening whole, and the metadata.

Within an article that changed, each happening also has a digest of its
own, so that the ones it kept (a sentence appended leaves the others as
they were) are recognised as the same.
"""

from __future__ import annotations

import base64
import hashlib
import marshal
from itertools import chain, groupby
from operator import attrgetter
from typing import Any, Iterable, Mapping

from timeline.cache.flatten import flattener
from timeline.merge import in_order
from timeline.records import Article, Event, Extraction, Happening

DIGEST_CHARS = 16  # a happening's digest: 12 bytes in base64, compared only with its own article's
_ACTORS = attrgetter("actors")
_NAME, _KIND = attrgetter("name"), attrgetter("kind")
_ARTICLE = attrgetter("article_id")
# Every field, nested records included, as plain values (see ``timeline.cache.flatten``).
_FLAT_HAPPENING = flattener(Happening)
_FLAT_EVENT = flattener(Event)


def extraction_tokens(extractions: Iterable[Extraction], environment: str,
                      fingerprints: Mapping[str, str] | None = None) -> dict[str, str]:
    """``merge``'s tokens: per article, the extraction cache's key of what extraction
    gave for it (``environment``, everything but the article that changes the
    result, and the article's fingerprint, from ``fingerprints`` by article id
    when the caller has them already: computing them hashes every text). None
    for an extraction that failed, which the next build tries again, nor for
    an id two articles share."""
    tokens: dict[str, str] = {}
    twice: set[str] = set()
    known = fingerprints or {}
    for x in extractions:
        aid = x.article.id
        if aid in tokens or aid in twice:
            twice.add(aid)
            tokens.pop(aid, None)
        elif not x.errors:
            tokens[aid] = f"{environment}/{known.get(aid) or x.article.fingerprint}"
    return tokens


def _bytes(value: Any) -> bytes:
    # Marshal's version 2 writes a value the same whatever its identity (no
    # back-references, no mark for interned strings); a value it does not take
    # (a record of another type) has a repr as complete.
    try:
        return marshal.dumps(value, 2)
    except ValueError:
        return repr(value).encode("utf-8")


def _digest(value: Any) -> str:
    return base64.b64encode(hashlib.blake2b(_bytes(value), digest_size=12).digest()).decode("ascii")


def _hex(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def happening_digest(h: Happening) -> str:
    return _digest(_FLAT_HAPPENING(h))


def event_digest(e: Event) -> str:
    """Of every field of a stored event, its sources, actors and evidence included."""
    return _digest(_FLAT_EVENT(e))


class Inputs:
    """The happenings of a merge by article, in clustering's order, and what tells each article apart."""

    def __init__(self, happenings: Iterable[Happening], articles: Iterable[Article],
                 tokens: Mapping[str, str] | None = None) -> None:
        self.articles = {a.id: a for a in articles}
        self.tokens = tokens or {}
        self.groups: dict[str, list[Happening]] = {}
        for aid, run in groupby(happenings, key=_ARTICLE):
            group = self.groups.get(aid)
            if group is None:
                self.groups[aid] = list(run)
            else:  # an article's happenings in two runs: one list, in the order given
                group.extend(run)
        self.ids = sorted(self.groups)
        self._items: dict[str, list[Happening]] = {}
        self._digests: dict[str, str] = {}

    def items(self, aid: str) -> list[Happening]:
        """The article's happenings in clustering's order."""
        found = self._items.get(aid)
        if found is None:
            found = self._items[aid] = in_order(self.groups[aid])
        return found

    def digests(self, aid: str) -> str:
        """The digests of the article's happenings in clustering's order, end to end."""
        found = self._digests.get(aid)
        if found is None:
            found = self._digests[aid] = "".join(map(happening_digest, self.items(aid)))
        return found

    def signatures(self, before: Mapping[str, tuple[str, str]] | None = None) -> dict[str, tuple[str, str]]:
        """Per article with happenings, its signature, which changes when they or what
        merging reads of the article change, and its key: its token and metadata.

        ``before`` holds the last merge's (signature, key) per article, when resolving
        is known to have read what it read then (``merge``'s ``resolution``): an
        article whose key is the same then has the same signature, and its actors
        need no reading."""
        out = {}
        tokens, meta = self.tokens, self.meta
        for aid, group in self.groups.items():
            token = tokens.get(aid)
            if token is None:
                out[aid] = (_hex(_bytes((list(map(_FLAT_HAPPENING, group)), meta(aid)))), "")
                continue
            key = _hex(_bytes((token, meta(aid))))
            last = before.get(aid) if before is not None else None
            if last is not None and last[1] == key:
                out[aid] = last
                continue
            actors = list(map(_ACTORS, group))
            named = list(chain.from_iterable(actors))
            part = (token, list(map(len, actors)), list(map(_NAME, named)), list(map(_KIND, named)))
            out[aid] = (_hex(_bytes((part, meta(aid)))), key)
        return out

    def meta(self, aid: str) -> tuple[Any, ...] | None:
        """What merging reads of an article besides its happenings (its sources' fields)."""
        a = self.articles.get(aid)
        if a is None:
            return None
        return a.title, a.published.isoformat() if a.published else None, a.url, a.outlet
