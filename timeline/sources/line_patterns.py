"""Whether any of a list of patterns occurs in a line: ``re.search`` of their alternation, made cheap.

An alternation is tried at every position of the line, its branches
anchored at the start of the line as much as the others, and its
case-insensitive words without the fast scan for a literal start. A news
line can be a whole article of a thousand words, and the cleaning
vocabulary's line tests cost more than the rest of cleaning. Each pattern is
therefore tried only where it can match, with the same answer:

- anchored at the start (``^``, ``\\A``): all of them in one ``match``;
- anchored at the end with a bounded length: searched from that length
  before the end (``search`` with a start position still sees what lies
  before it, for ``\\b`` and look-behinds);
- elsewhere: searched only in a line holding one of the words every match of
  the pattern contains, in any case (the four letters outside ASCII that
  ``(?i)`` matches to ASCII ones are read as those first).

What a pattern needs is read from Python's own parse of it; a pattern that
cannot be read is searched as it is, in full.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# Longer than this, a pattern anchored at the end is searched in full.
MAX_TAIL = 1000
# The letters outside ASCII that a case-insensitive pattern matches to ASCII
# letters: dotted and dotless I, long s, the Kelvin sign (a test checks every
# code point), and what they match.
CASE_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_TWIN = re.compile(f"[{''.join(CASE_TWINS)}]")
_AS_ASCII = str.maketrans(CASE_TWINS)


class LinePatterns:
    """The patterns of a vocabulary list, each tried where it can match."""

    def __init__(self, patterns: Iterable[str]) -> None:
        starts: list[str] = []
        self._tails: list[tuple[re.Pattern[str], int]] = []
        self._words: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
        self._full: list[re.Pattern[str]] = []
        for pattern in patterns:
            compiled = re.compile(pattern)
            try:
                shape = _shape(pattern)
            except Exception:  # noqa: BLE001 - an unreadable parse only costs speed
                shape = None
            if shape is None:
                self._full.append(compiled)
            elif shape[0] == "start":
                starts.append(pattern)
            elif shape[0] == "tail":
                self._tails.append((compiled, shape[1]))
            elif shape[0] == "words":
                self._words.append((compiled, shape[1]))
            else:
                self._full.append(compiled)
        self._start = re.compile("|".join(f"(?:{p})" for p in starts)) if starts else None

    def found_in(self, line: str) -> bool:
        """Whether any pattern matches somewhere in ``line`` (a line: it holds no line break)."""
        if self._start is not None and self._start.match(line):
            return True
        for pattern, width in self._tails:
            if pattern.search(line, max(0, len(line) - width - 1)):
                return True
        if self._words:
            lowered = (line.translate(_AS_ASCII) if _TWIN.search(line) else line).lower()
            for pattern, words in self._words:
                if any(w in lowered for w in words) and pattern.search(line):
                    return True
        return any(pattern.search(line) for pattern in self._full)


def _shape(pattern: str) -> tuple[str, Any] | None:
    """("start", None), ("tail", longest match), ("words", needed words) or None for a full search."""
    from re import _constants as c, _parser

    parsed = _parser.parse(pattern)
    first, last = _edge(parsed.data, 0), _edge(parsed.data, -1)
    if first is not None and first[0] is c.AT and first[1] in (c.AT_BEGINNING, c.AT_BEGINNING_STRING):
        return "start", None
    if last is not None and last[0] is c.AT and last[1] in (c.AT_END, c.AT_END_STRING):
        width = parsed.getwidth()[1]
        if width <= MAX_TAIL:
            return "tail", width
    words = _needed_words(parsed.data)
    return ("words", tuple(sorted(words))) if words else None


def _edge(items: list[Any], at: int) -> Any:
    """The first (``at`` 0) or last (-1) item of a sequence, looking into groups."""
    from re import _constants as c

    while items:
        op, av = items[at]
        if op is not c.SUBPATTERN:
            return op, av
        items = list(av[-1].data) if hasattr(av[-1], "data") else list(av[-1])
    return None


def _needed_words(items: Any) -> set[str] | None:
    """Lower-case ASCII words one of which every match of the sequence ``items`` contains; None if unknown."""
    from re import _constants as c

    best: set[str] | None = None
    run = ""
    for op, av in list(items):
        if op is c.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        best, run = _better(best, {run} if run else None), ""
        if op is c.SUBPATTERN:
            best = _better(best, _needed_words(av[-1]))
        elif op is c.BRANCH:
            options = [_needed_words(branch) for branch in av[1]]
            if all(options):
                best = _better(best, set().union(*options))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _better(best, _needed_words(av[2]))
    return _better(best, {run} if run else None)


def _better(one: set[str] | None, other: set[str] | None) -> set[str] | None:
    """The set whose shortest word is longest: the rarer test of a line."""
    if not one or not other:
        return one or other
    return other if min(map(len, other)) > min(map(len, one)) else one
