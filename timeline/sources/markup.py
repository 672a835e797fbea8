"""HTML inside Markdown and plain text articles, blanked out before the text is read.

Markdown allows raw HTML, and text pasted from a page often keeps some. A
reader of the page never sees a tag, a comment or what a ``<script>`` or
``<style>`` element holds, so none of it may become words of an article, and
then of an event's title or summary ("said svg onload that…"). Each is
replaced by spaces of the same length, newlines kept, so that every offset and
line number into the file stays true for quotes and messages.
"""

from __future__ import annotations

import re

from timeline.sources.spans import Mapped

# Elements whose content is never text a reader sees.
_HIDDEN_ELEMENTS = ("script", "style", "noscript", "template", "iframe", "object", "svg", "math", "textarea")
# Closed ones only: a start tag left open ("<svg onload=…>") is blanked alone, never the rest of the file.
_HIDDEN = re.compile(r"<(%s)\b[^>]*>.*?</\1\s*>" % "|".join(_HIDDEN_ELEMENTS), re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_RUN = re.compile(r" {3,}")  # what a blanked tag leaves, with the spaces around it
_RUN_BEFORE_STOP = re.compile(r" {3,}(?=[.,;:!?])")
# A start or end tag: a name, then attributes (quoted values may hold ">"), possibly over lines.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+(?:[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?|/))*\s*/?>")


def blank_markup(text: str) -> str:
    """``text`` with HTML comments, tags and hidden elements replaced by spaces (newlines kept)."""
    if "<" not in text:
        return text
    for pattern in (_COMMENT, _HIDDEN, _TAG):
        text = pattern.sub(_blank, text)
    return text


def text_of(text: str) -> str:
    """A one-line text (a title) without markup, its spaces collapsed."""
    return " ".join(blank_markup(text).split())


def close_blanks(line: Mapped) -> Mapped:
    """A line of a file whose markup was blanked, with each blanked run back to one space."""
    return line.sub(_RUN_BEFORE_STOP, "").sub(_RUN, " ") if "   " in line.text else line


def _blank(found: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", found.group(0))
