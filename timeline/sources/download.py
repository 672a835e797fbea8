"""Download news pages into the content folder as Markdown with front matter.

trafilatura fetches (with a timeout, a user agent that says who is asking,
and protection against private addresses) and extracts; the page is then
read like a saved page, so a fetched article and a saved one get the same
title, date and text. A URL already present in some Markdown file's front
matter is not fetched again.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag

import yaml

from timeline.sources.html_pages import read_html
from timeline.sources.markdown_files import split_front_matter

USER_AGENT = "timeline-fetch/0.1 (news timeline builder; one request per article)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Fetched:
    url: str
    path: Path | None = None  # the file written, or the file that already had the URL
    error: str | None = None
    already: bool = False


def normalise_url(url: str) -> str:
    return urldefrag(url.strip())[0].rstrip("/").lower()


def known_urls(content: Path) -> dict[str, Path]:
    """URLs named in the front matter of the Markdown files already in ``content``."""
    found: dict[str, Path] = {}
    for path in sorted(content.rglob("*.md")) if content.is_dir() else []:
        try:
            front, _, _ = split_front_matter(path.read_text(encoding="utf-8", errors="replace"))
            data = yaml.safe_load(front) if front else None
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and isinstance(data.get("url"), str):
            found.setdefault(normalise_url(data["url"]), path)
    return found


def urls_from_file(path: Path) -> list[str]:
    """One URL a line; blank lines and lines starting with # are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _config(timeout: float, allow_private: bool) -> object:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(max(1, int(timeout))))
    config.set("DEFAULT", "USER_AGENTS", USER_AGENT)
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if allow_private else "on")
    return config


def _download(url: str, config: object, retries: int, pause: float) -> tuple[str | None, str, str | None]:
    """HTML, final URL and error of one URL, retrying passing failures."""
    from trafilatura.downloads import fetch_response

    error = "no answer (timeout, refused connection, or a private address without --allow-private-hosts)"
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(pause * attempt)
        response = fetch_response(url, decode=True, config=config)  # type: ignore[arg-type]
        if response is None:
            continue
        if response.status == 200 and response.html:
            return response.html, response.url or url, None
        error = f"HTTP {response.status}"
        if response.status not in RETRY_STATUSES:
            break
    return None, url, error


def file_name(published: str | None, title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-") or "article"
    # Without a known date the name carries none: a date in a file name is
    # read as the publication date.
    return f"{published}-{slug}.md" if published else f"undated-{slug}.md"


def fetch_urls(urls: Iterable[str], content: Path, *, timeout: float = 20.0, retries: int = 2,
               pause: float = 2.0, allow_private: bool = False) -> list[Fetched]:
    """Fetch each URL into ``content``; one result per URL, in order."""
    content.mkdir(parents=True, exist_ok=True)
    seen = known_urls(content)
    config = _config(timeout, allow_private)
    results: list[Fetched] = []
    for url in urls:
        if not re.match(r"^https?://", url):
            results.append(Fetched(url, error="not an http(s) URL"))
            continue
        if normalise_url(url) in seen:
            results.append(Fetched(url, seen[normalise_url(url)], already=True))
            continue
        html, final, error = _download(url, config, retries, pause)
        if html is None:
            results.append(Fetched(url, error=error))
            continue
        drafts, problems = read_html(html, url)
        if not drafts:
            results.append(Fetched(url, error=problems[0].message if problems else "no article text found"))
            continue
        path = _write(content, drafts[0].title, drafts[0].meta.values, drafts[0].body, url, final)
        seen[normalise_url(url)] = seen[normalise_url(final)] = path
        results.append(Fetched(url, path))
    return results


def _write(content: Path, title: str, values: dict[str, object], body: str, url: str, final: str) -> Path:
    published = values.get("published")
    front: dict[str, object] = {"title": title}
    if published is not None:
        front["published"] = published
    front["url"] = url
    if final != url:
        front["final_url"] = final
    for key in ("outlet", "author", "language"):
        if values.get(key):
            front[key] = values[key]
    name = file_name(str(published) if published else None, title)
    path = content / name
    n = 1
    while path.exists():
        n += 1
        path = content / name.replace(".md", f"-{n}.md")
    paragraphs = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    text = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---\n\n" + paragraphs + "\n"
    path.write_text(text, encoding="utf-8")
    return path
