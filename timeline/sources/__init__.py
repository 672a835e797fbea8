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
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..config import Config
from ..records import Article, Problem
from . import meta as metadata
from .assemble import Layers, finish
from .draft import Draft
from .files import FORMATS, SourceFile, decode, read_bytes, shown_path, walk_content
from .language import accepted
from .pages_pool import read_in_pool, worth_a_pool
from .spans import file_offset

__all__ = ["read_sources", "read_file", "file_offset", "slugify"]

Reader = Callable[[str, str], tuple[list[Draft], list[Problem]]]


def _reader(name: str) -> Reader:
    # Imported on demand: trafilatura and feedparser are slow to import and
    # many content folders hold only text and Markdown.
    if name == "text":
        from .text_files import read_text
        return read_text
    if name == "markdown":
        from .markdown_files import read_markdown
        return read_markdown
    if name == "html":
        from .html_pages import read_html
        return read_html
    if name == "feed":
        from .feeds import read_feed
        return read_feed
    from .bulk import read_bulk
    return read_bulk


def read_sources(cfg: Config, *, jobs: int | None = None) -> tuple[list[Article], list[Problem]]:
    """Every article of the content folder, and every problem met reading them.

    Saved pages are read by ``jobs`` processes (default ``build.jobs``) when
    there are several; the result is the same, in the same order, as one
    process gives.
    """
    content = cfg.paths.content
    problems: list[Problem] = []
    if not content.is_dir():
        return [], [Problem(shown_path(content), "the content folder does not exist; create it or pass --content")]
    index = metadata.load_index(cfg.paths.sources_index, shown_path(cfg.paths.sources_index))
    problems.extend(index.problems)
    sources = walk_content(content)
    pages = _pages_read_ahead(sources, cfg, index, cfg.build.jobs if jobs is None else jobs)
    articles: list[Article] = []
    for source in sources:
        if source.format is None:
            known = ", ".join(sorted(FORMATS))
            problems.append(Problem(source.shown, f"not an article format ({known}); ignored", None, "warning"))
            continue
        read, found = pages[source.rel] if source.rel in pages else read_file(source, cfg, index.get(source.rel))
        articles.extend(read)
        problems.extend(found)
    articles, found = _drop_duplicates(articles, content)
    problems.extend(found)
    return _with_ids(articles), problems


def _pages_read_ahead(sources: list[SourceFile], cfg: Config, index: metadata.SourcesIndex, jobs: int,
                      ) -> dict[str, tuple[list[Article], list[Problem]]]:
    """Saved pages read in a process pool, by relative path; empty when one process is better."""
    html = [s for s in sources if s.format == "html"]
    if not worth_a_pool(len(html), jobs):
        return {}
    results = read_in_pool([(s, index.get(s.rel)) for s in html], cfg, read_file, jobs)
    return {s.rel: result for s, result in zip(html, results)}


def read_file(source: SourceFile, cfg: Config, index_entry: metadata.Meta | None = None,
              ) -> tuple[list[Article], list[Problem]]:
    """The articles of one file; never raises for what the file holds."""
    data, problems = read_bytes(source, cfg.build.max_file_bytes)
    if data is None:
        return [], problems
    text, found = decode(data, source.shown)
    problems.extend(found)
    try:
        drafts, found = _reader(FORMATS[source.path.suffix.lower()])(text, source.shown)
    except Exception as exc:  # a reader bug must not stop the build; say which file met it
        return [], problems + [Problem(source.shown, f"could not be read ({type(exc).__name__}: {exc}); "
                                       "please report this with the file")]
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
        articles.append(replace(article, path=source.rel, id=_item_key(source.rel, draft.item)))
    return articles, problems


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


def _drop_duplicates(articles: list[Article], content: Path) -> tuple[list[Article], list[Problem]]:
    """The same article twice (same URL, or the same text) is read once."""
    by_url: dict[str, Article] = {}
    by_text: dict[str, Article] = {}
    kept: list[Article] = []
    problems: list[Problem] = []
    for article in articles:
        url = (article.url or "").strip().rstrip("/").lower() or None
        text_key = _text_key(article.text)
        first = (by_url.get(url) if url else None) or by_text.get(text_key)
        if first is not None:
            why = "the same URL" if url and by_url.get(url) is first else "the same text"
            problems.append(Problem(shown_path(content / article.path), f"duplicate of {first.path} ({why}); read once, from "
                                    f"{first.path}", article.body_line, "warning"))
            continue
        if url:
            by_url[url] = article
        by_text[text_key] = article
        kept.append(article)
    return kept, problems
