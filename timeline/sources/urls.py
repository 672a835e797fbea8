"""Which links an article's metadata may carry: http(s) ones, and relative ones inside the site.

A link is written into pages, feeds and exports (``events.json``, ``events.csv``),
whose readers may follow it without a second look; ``javascript:``, ``data:``,
``file:`` and every other scheme could run code or reach the reader's own disk.
"""

from __future__ import annotations

import re

# An absolute http(s) URL with a host and nothing that could end an attribute or a line.
HTTP_URL = re.compile(r"https?://[^\s/?#\"'<>`\\]+(?:[/?#][^\s\"'<>`]*)?", re.IGNORECASE)
# A relative link: a path, query or fragment without a scheme ("a:" before any "/?#") and not
# protocol-relative ("//host" leaves the site).
_RELATIVE = re.compile(r"(?!//)(?![^/?#]*:)[^\s\"'<>`\\]+")


def kept_url(url: str | None) -> str | None:
    """The URL, stripped, when it may be kept; None otherwise."""
    if not url:
        return None
    url = url.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    return url if HTTP_URL.fullmatch(url) or _RELATIVE.fullmatch(url) else None
