"""Untrusted text made safe for HTML: every string from an article passes here or through
Jinja's autoescape.

Summaries may be Markdown (maintainers write them by hand); they are rendered,
then cleaned by nh3 down to a few inline and block tags, with links limited to
http(s). Plain summaries, the common case, skip Markdown entirely: rendering
100,000 summaries through Python-Markdown would cost more than the rest of
the site.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import markdown
import nh3
from markupsafe import Markup, escape

from timeline.sources.urls import HTTP_URL

ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "code", "ul", "ol", "li", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
# Characters that make Python-Markdown or HTML do something; text without them is plain.
_MARKUP = re.compile(r"[*_`\[\]<>&#!\\|~]|^\s*(?:[-+]|\d+[.)])\s|\n\s*\n|\n\s*(?:[-+*]|\d+[.)])\s", re.M)

_md = markdown.Markdown(extensions=[], output_format="html")




@functools.lru_cache(maxsize=65536)  # sources repeat a handful of URLs across thousands of events
def safe_url(url: str | None) -> str | None:
    """The URL when it is an absolute http(s) link, else None: no ``javascript:``, no ``data:``."""
    if not url:
        return None
    url = url.strip()
    return url if HTTP_URL.fullmatch(url) else None


def _keep_http_links(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return safe_url(value)
    return value


def render_markdown(text: str | None) -> Markup:
    """Markdown summary → sanitised HTML, ready to insert unescaped."""
    if not text:
        return Markup("")
    if not _MARKUP.search(text):
        return Markup("<p>") + escape(text.strip()) + Markup("</p>")
    _md.reset()
    html = _md.convert(text)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https"},
        attribute_filter=_keep_http_links,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    return Markup(cleaned)


def plain_text(text: str | None) -> str:
    """Markdown summary → plain text for feeds, meta descriptions and exports."""
    if not text:
        return ""
    if not _MARKUP.search(text):
        return text.strip()
    _md.reset()
    stripped = nh3.clean(_md.convert(text), tags=set(), strip_comments=True)
    # nh3 escapes what it keeps; these are text now, escaped again by whoever writes them.
    stripped = stripped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
    return re.sub(r"\s+", " ", stripped.replace("&amp;", "&")).strip()


def json_for_script(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/ld+json">``: no ``</script>`` breakout."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
