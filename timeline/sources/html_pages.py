"""Pages saved from a browser: the story, its title, author, site and date.

trafilatura finds the main text and the page metadata; htmldate finds the
publication date, asked for the *original* date so that an "Updated" stamp
does not win over "Published". The page's own furniture (cookie banners,
navigation, share bars, related links, comments) is pruned before extraction,
using the class and id words in ``data/article_cleaning.yaml``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.records import Problem
from timeline.sources.clean import clean_body, raw_vocabulary
from timeline.sources.clock import changes_tomorrow, is_future
from timeline.sources.draft import Draft
from timeline.sources.meta import Meta
from timeline.sources.page_dates import page_stamps, prefer_published, written_in_full
from timeline.sources.text_files import split_headline

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Dates before the web carried news are read as mistakes of the page.
EARLIEST = "1995-01-01"
# Elements a furniture word must never remove: they hold the story itself.
KEEP = "self::html or self::head or self::body or self::article or self::main"
# Elements that are furniture whatever their class.
FURNITURE_TAGS = ("nav", "footer", "aside", "form", "button", "noscript")
# A furniture word on an element that holds the headline or much text is a
# theme's name for the story's own container ("article has-share-tools").
HOLDS_STORY = "not(.//h1 or .//article or .//main) and count(.//p) < 12"
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|\D|$)")


@lru_cache(maxsize=1)
def furniture_xpath() -> str:
    words = raw_vocabulary()["html_furniture"]
    tests = " or ".join(f"contains(@class,'{w}') or contains(@id,'{w}')" for w in words)
    return f"//*[not({KEEP})][{tests}][{HOLDS_STORY}]|" + "|".join(f"//{tag}" for tag in FURNITURE_TAGS)


def publication_date(html: str, url: str | None = None) -> date | None:
    """The date the page was first published, or None when it does not say.

    htmldate reads the page without its furniture: dates in related links,
    comments and copyright footers are the commonest wrong answers. Markup
    made for machines (meta tags, JSON-LD, ``<time>``) is tried first, then a
    date in the URL, and only then a search of the visible text; a day that
    search makes up from a year or a month alone ("© 2022", "February 2022")
    is no date. A date the page labels as an update gives way to the date it
    labels as the publication (``page_dates``).
    """
    from htmldate import find_date

    tree = _without_furniture(html)
    if tree is None:
        return None
    stamps = page_stamps(tree)
    tomorrow = changes_tomorrow().isoformat()
    found: date | None = None
    for extensive in (False, True):
        try:
            said = find_date(tree, url=url, original_date=True, extensive_search=extensive,
                             min_date=EARLIEST, max_date=tomorrow)
        except (ValueError, TypeError):
            said = None
        found = date.fromisoformat(said) if said else None
        # htmldate's last resorts give the 1st of a month or of January; any
        # other day it found written on the page.
        if found is not None and extensive and found.day == 1 and not written_in_full(found, stamps):
            found = None
        if found is None and not extensive:
            found = url_date(url)
        if found is not None:
            break
    found = prefer_published(found, stamps)
    return found if found is not None and not is_future(found) else None


def url_date(url: str | None) -> date | None:
    """A date in a URL path: /2022/02/22/, /2022-02-22-, /20220222-."""
    match = URL_DATE.search(url or "")
    if not match:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return day if date(1995, 1, 1) <= day and not is_future(day) else None


def _without_furniture(html: str) -> "HtmlElement | None":
    from lxml import html as lxml_html
    from lxml.etree import ParserError, XPath

    try:
        tree = lxml_html.document_fromstring(html.encode("utf-8"))
    except (ParserError, ValueError):
        return None
    for element in XPath(furniture_xpath())(tree):
        parent = element.getparent()
        if parent is not None and element.tag not in ("head", "meta", "link", "script"):
            parent.remove(element)
    return tree


def read_html(text: str, shown: str) -> tuple[list[Draft], list[Problem]]:
    import trafilatura

    if not text.strip():
        return [], [Problem(shown, "empty article: the page holds nothing; save it again or remove it")]
    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
        favor_precision=True, prune_xpath=furniture_xpath(), deduplicate=False,
        date_extraction_params={"original_date": True, "extensive_search": True},
    )
    assert not isinstance(doc, dict)  # a dict only when asked for with as_dict
    if doc is None or not (doc.text or "").strip():
        return [], [Problem(shown, "empty article: no story text found in the page; save the page with its "
                            "text (not only the frame) or paste the text into a .txt file")]
    title = split_headline(doc.title or "")[0] if doc.title else ""
    site = doc.sitename or None
    if site and title.endswith(f" - {site}"):
        title = title[: -len(site) - 3].strip()
    values = {"url": doc.url or None, "outlet": site, "author": doc.author or None,
              "published": publication_date(text, doc.url or None),
              "language": (doc.language or "").split("-")[0].lower() or None}
    meta = Meta({k: v for k, v in values.items() if v}, {k: (shown, None) for k, v in values.items() if v})
    body = doc.text or ""  # has text: checked above
    first_line, _, rest = body.partition("\n")
    if not title:
        title = first_line.strip()[:120]
    if first_line.strip() == title and rest.strip():
        body = rest  # the extractor keeps the headline as the first paragraph
    return [Draft(title=title, body=body, body_start=None, meta=meta, cleaned=clean_body(body))], []
