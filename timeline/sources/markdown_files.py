"""Markdown articles: YAML front matter (title, published, url, outlet, author,
language, tags) between ``---`` lines, then the text in Markdown.

The Markdown is not rendered: its marks are stripped line by line so that the
cleaned text still maps back to the file character for character.
"""

from __future__ import annotations

import re
from typing import Any

from timeline.records import Problem
from timeline.sources.draft import Draft
from timeline.sources.markup import blank_markup, close_blanks, text_of
from timeline.sources.meta import check, key_lines, load_yaml
from timeline.sources.spans import Mapped

FENCE = re.compile(r"^(---|\.\.\.)\s*$")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")

# Markdown syntax, removed or reduced to its text.
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s+\S+")
_BLOCK_MARKS = re.compile(r"^(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)+")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
# A link target may hold parentheses, one level deep: (https://en.wikipedia.org/wiki/Minsk_(city)).
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_IMAGE = re.compile(r"!\[[^\]]*\]" + _TARGET + " ?")
_LINK = re.compile(r"\[([^\]]+)\]" + _TARGET + r"|\[([^\]]+)\]\[[^\]]*\]")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1(?!\w)")
_CODE = re.compile(r"`([^`]+)`")


def strip_markdown(line: Mapped) -> Mapped | None:
    """One line without its Markdown marks; None for lines that are only markup."""
    text = line.text
    if _RULE.match(text) or _REFERENCE.match(text):
        return None
    line = line.sub(_BLOCK_MARKS, "")
    line = line.sub(_CLOSING_HASHES, "")
    line = line.sub(_IMAGE, "")
    line = line.sub(_LINK, lambda m: m.group(1) or m.group(2))
    line = line.sub(_CODE, r"\1")
    return close_blanks(line.sub(_EMPHASIS, r"\2"))


def split_front_matter(text: str) -> tuple[str | None, int, int]:
    """Front matter text, its first line number, and where the body starts."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None, 0, 0
    pos = len(lines[0])
    for index, line in enumerate(lines[1:], 1):
        if FENCE.match(line):
            return "".join(lines[1:index]), 2, pos + len(line)
        pos += len(line)
    return None, 0, -1  # opened and never closed


def read_markdown(text: str, shown: str) -> tuple[list[Draft], list[Problem]]:
    text = blank_markup(text)  # the same length: offsets into the file stay true
    front, first_line, body_start = split_front_matter(text)
    if body_start < 0:
        return [], [Problem(shown, "front matter opened with --- is never closed by another --- line", 1)]
    problems: list[Problem] = []
    raw: dict[Any, Any] = {}
    if front is not None:
        loaded, problems = load_yaml(front, shown, first_line)
        if problems:
            return [], [Problem(p.path, p.message.replace("not valid YAML", "front matter is not valid YAML")
                                + "; the article was skipped", p.line) for p in problems]
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            return [], [Problem(shown, "front matter must be a mapping of keys (title: ..., published: ...)",
                                first_line)]
        raw = loaded
    meta, problems = check(raw, shown, key_lines(front or "", first_line))
    title = meta.values.pop("title", None)
    # Without a title in the front matter, the first heading (or line) is it.
    pos = body_start
    for raw_line in text[body_start:].splitlines(keepends=True):
        if raw_line.strip():
            heading = HEADING.match(raw_line.strip())
            if title is None:
                title = heading.group(1) if heading else raw_line.strip()
                pos += len(raw_line)
            elif heading and heading.group(1).strip() == str(title).strip():
                pos += len(raw_line)  # the title repeated as the first heading
            break
        pos += len(raw_line)
    if title is None:
        return [], [Problem(shown, "empty article: no title and no text; write a title and the body, "
                            "or remove the file")] + problems
    return [Draft(title=text_of(str(title)), body=text[pos:], body_start=pos, meta=meta,
                  line_filter=strip_markdown)], problems
