"""Read every article in the content folder: the first stage of a build.

``read_sources(cfg)`` walks ``cfg.paths.content`` (sorted, so every run reads
the same articles in the same order), skips the store's reserved places
(``events/``, ``actors.yaml``, ``sources.yaml``, every ``*.yaml``/``*.yml``
sidecar, hidden files and folders), and reads each article format with its
own reader module:

=====================  ===============================================
``.txt``               ``text_files``: headline line, then the body
``.md``                ``markdown_files``: YAML front matter, Markdown
``.html`` ``.htm``     ``html_pages``: a page saved from a browser
``.xml`` ``.rss``      ``feeds``: every feed item is an article
``.atom``
``.jsonl`` ``.json``   ``bulk``: one article per JSON record
=====================  ===============================================

Metadata precedence is documented in ``timeline.sources.meta``. Nothing here
raises for a bad file: each gets a ``Problem`` naming it (and its line) and
the others are read.

Reading a file is a per-item step (``each``, see ``timeline.cache``): the
build reads only the files that changed; what looks across files
(duplicates, unique ids) is worked out on every build.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from timeline.cache import Each, compute_all
from timeline.config import Config
from timeline.records import Article, Problem
from timeline.sources import clock
from timeline.sources import meta as metadata
from timeline.sources.assemble import Layers, finish
from timeline.sources.draft import Draft
from timeline.sources.encodings import decode
from timeline.sources.files import (
    FORMATS,
    Reading,
    SourceFile,
    file_fingerprint,
    read_bytes,
    shown_path,
    walk_content,
)
from timeline.sources.language import accepted
from timeline.sources.log_context import reading_file
from timeline.sources.pages_pool import read_in_pool, worth_a_pool
from timeline.sources.spans import file_offset

__all__ = ["read_sources", "read_one", "file_offset", "skipped_files", "slugify"]

log = logging.getLogger("timeline")

Reader = Callable[[str, str], tuple[list[Draft], list[Problem]]]


def reader_for(name: str) -> Reader:
    # Imported on demand: trafilatura and feedparser are slow to import and
    # many content folders hold only text and Markdown.
    if name == "text":
        from timeline.sources.text_files import read_text
        return read_text
    if name == "markdown":
        from timeline.sources.markdown_files import read_markdown
        return read_markdown
    if name == "html":
        from timeline.sources.html_pages import read_html
        return read_html
    if name == "feed":
        from timeline.sources.feeds import read_feed
        return read_feed
    from timeline.sources.bulk import read_bulk
    return read_bulk


def read_sources(cfg: Config, *, jobs: int | None = None, each: "Each[Reading]" = compute_all,
                 ) -> tuple[list[Article], list[Problem]]:
    """Every article of the content folder, and every problem met reading them.

    ``each`` runs the reading of the files (see ``timeline.cache``): with the
    build's cache, a file whose bytes and metadata are unchanged is not read
    again. Duplicates and ids, which look across files, are worked out anew on
    every call. Saved pages are read by ``jobs`` processes (default
    ``build.jobs``) when there are several; the result is the same, in the
    same order, as one process gives.
    """
    content = cfg.paths.content
    problems: list[Problem] = []
    if not content.is_dir():
        return [], [Problem(shown_path(content), "the content folder does not exist; create it or pass --content")]
    index = metadata.load_index(cfg.paths.sources_index, shown_path(cfg.paths.sources_index))
    problems.extend(index.problems)
    sources = walk_content(content)
    readable = [s for s in sources if s.format is not None]
    jobs = cfg.build.jobs if jobs is None else jobs

    def read_all(todo: list[SourceFile]) -> Iterator[Reading]:
        pages = _pages_read_ahead(todo, cfg, index, jobs)
        for source in todo:
            yield pages.get(source.rel) or read_one(source, cfg, index.get(source.rel))

    found = each(readable, lambda s: file_fingerprint(s, index.get(s.rel)), read_all,
                 keep=lambda r: r.lasting, fresh=lambda r: r.due is None or clock.today() < r.due)
    readings = {s.rel: r for s, r in zip(readable, found)}
    articles: list[Article] = []
    text_keys: list[str] = []
    for source in sources:
        if source.format is None:
            known = ", ".join(sorted(FORMATS))
            problems.append(Problem(source.shown, f"not an article format ({known}); ignored", None, "warning"))
            continue
        reading = readings[source.rel]
        articles.extend(reading.articles)
        text_keys.extend(reading.text_keys)
        problems.extend(reading.problems)
    articles, duplicates = _drop_duplicates(articles, text_keys, content)
    problems.extend(duplicates)
    return _with_ids(articles), problems


def skipped_files(articles: list[Article], problems: list[Problem], content: Path) -> int:
    """Article files that gave no article (unreadable, empty, another language, a duplicate), each
    counted once however many problems it had: with the articles read, every article file."""
    read = {shown_path(content / a.path) for a in articles}
    return len({p.path for p in problems if Path(p.path).suffix.lower() in FORMATS and p.path not in read})


def read_settings(cfg: Config) -> dict[str, object]:
    """The part of the configuration that changes what reading a file gives (part of the cache key)."""
    return {"language": cfg.language, "pipeline": cfg.nlp.pipeline, "max_file_bytes": cfg.build.max_file_bytes}


def _pages_read_ahead(sources: list[SourceFile], cfg: Config, index: metadata.SourcesIndex, jobs: int,
                      ) -> dict[str, Reading]:
    """Saved pages read in a process pool, by relative path; empty when one process is better."""
    html = [s for s in sources if s.format == "html"]
    if not worth_a_pool(len(html), jobs):
        return {}
    results = read_in_pool([(s, index.get(s.rel)) for s in html], cfg, read_one, jobs)
    return {s.rel: result for s, result in zip(html, results)}


def read_one(source: SourceFile, cfg: Config, index_entry: metadata.Meta | None = None) -> Reading:
    """What reading one file gives, and until when; never raises for what the file holds."""
    with reading_file(source.shown):
        return _read_one(source, cfg, index_entry)


def _read_one(source: SourceFile, cfg: Config, index_entry: metadata.Meta | None) -> Reading:
    clock.watch()
    try:
        data, problems = read_bytes(source, cfg.build.max_file_bytes)
    except OSError as exc:
        return Reading(problems=(Problem(source.shown, f"cannot read the file: {exc.strerror or exc}; skipped"),),
                       lasting=False)
    if data is None:
        return Reading(problems=tuple(problems), due=clock.due())
    text, encoding, found = decode(data, source.shown)
    problems.extend(found)
    try:
        drafts, found = reader_for(FORMATS[source.path.suffix.lower()])(text, source.shown)
    except Exception as exc:  # a reader bug must not stop the build; say which file met it
        return Reading(problems=(*problems, Problem(source.shown, f"could not be read ({type(exc).__name__}: "
                                                    f"{exc}); please report this with the file")), lasting=False)
    problems.extend(found)
    side, found = metadata.sidecar(source.path, source.shown)
    problems.extend(found)
    layers = Layers(metadata.file_name_date(source.path.name), index_entry or metadata.Meta(), side,
                    many=len(drafts) > 1 or any(d.item for d in drafts))
    articles: list[Article] = []
    for draft in drafts:
        article, language, found = finish(draft, text, layers, source.shown, cfg.language)
        problems.extend(found)
        if article is None:
            continue
        if language and not accepted(language, cfg.language, cfg.nlp.pipeline):
            problems.append(Problem(source.shown, f"written in '{language}', not '{cfg.language}': skipped. "
                                    "Set language in config.yaml (and a matching nlp.pipeline) to read it, or "
                                    "language: en in its metadata if the detection is wrong",
                                    draft.line, "warning"))
            continue
        articles.append(replace(article, path=source.rel, id=_item_key(source.rel, draft.item), encoding=encoding))
    return Reading(tuple(articles), tuple(problems), tuple(_text_key(a.text) for a in articles), clock.due())


def _item_key(rel: str, item: str | None) -> str:
    base = slugify(rel.rsplit(".", 1)[0])
    return f"{base}-{slugify(item)}" if item else base


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: a stable, URL-safe id."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:120].rstrip("-") or "article"


def _with_ids(articles: list[Article]) -> list[Article]:
    """Make ids unique: a later article with a taken id gets -2, -3... (stable: files are sorted)."""
    seen: set[str] = set()
    out: list[Article] = []
    for article in articles:
        key, n = article.id, 1
        while key in seen:
            n += 1
            key = f"{article.id}-{n}"
        seen.add(key)
        out.append(replace(article, id=key) if key != article.id else article)
    return out


def _text_key(text: str) -> str:
    words = re.sub(r"\W+", " ", text.lower()).strip()
    return hashlib.sha1(words.encode("utf-8")).hexdigest()


def _drop_duplicates(articles: list[Article], text_keys: list[str], content: Path,
                     ) -> tuple[list[Article], list[Problem]]:
    """The same article twice (same URL, or the same text) is read once; ``text_keys`` are their ``_text_key``."""
    by_url: dict[str, Article] = {}
    by_text: dict[str, Article] = {}
    kept: list[Article] = []
    problems: list[Problem] = []
    for article, text_key in zip(articles, text_keys):
        url = (article.url or "").strip().rstrip("/").lower() or None
        first = (by_url.get(url) if url else None) or by_text.get(text_key)
        if first is not None:
            why = "the same URL" if url and by_url.get(url) is first else "the same text"
            problems.append(Problem(shown_path(content / article.path),
                                    f"duplicate of {first.path} ({why}); read once, from {first.path}",
                                    article.body_line, "warning"))
            continue
        if url:
            by_url[url] = article
        by_text[text_key] = article
        kept.append(article)
    return kept, problems
