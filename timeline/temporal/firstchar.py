"""Which characters a regular expression can start a match with.

The scanner runs some sixty patterns over every text. Each begins with a
lookbehind, which stops the regex engine from skipping ahead to a plausible
first character, so each pattern was tried at every position of the text.
Knowing each pattern's possible first characters lets the scanner try, at a
word start, only the patterns that can begin there: the same matches, found
in a fraction of the time.

The answer is read from the parsed pattern and errs only on the safe side:
anything this module does not understand counts as "any character" (None),
and only ASCII characters are ever ruled out (case folding and Unicode
classes beyond ASCII are not worth modelling).
"""

from __future__ import annotations

import re
import string
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

# ASCII members of the positive character classes; the negated ones give up.
_CATEGORIES: dict[Any, frozenset[str]] = {
    C.CATEGORY_DIGIT: frozenset(string.digits),
    C.CATEGORY_SPACE: frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f"),
    C.CATEGORY_WORD: frozenset(string.ascii_letters + string.digits + "_"),
}
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def first_chars(pattern: str) -> frozenset[str] | None:
    """ASCII characters a match of ``pattern`` can start with; None when it
    could start with any (or could be empty, or the pattern is not understood).
    A non-ASCII character may start a match whatever this returns."""
    try:
        parsed = P.parse(pattern)
        chars, nullable = _sequence(parsed.data, parsed.state.flags)
    except Exception:  # noqa: BLE001 - an internal format changed: fall back to "any"
        return None
    return None if chars is None or nullable else frozenset(c for c in chars if c.isascii())


def min_width(pattern: str) -> int:
    """The fewest characters a match of ``pattern`` can take."""
    return int(P.parse(pattern).getwidth()[0])


def _cased(chars: set[str], flags: int) -> set[str]:
    if flags & re.IGNORECASE:
        return chars | {c.lower() for c in chars} | {c.upper() for c in chars}
    return chars


def _in(items: list[tuple[Any, Any]], flags: int) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE:
            out.update(chr(i) for i in range(av[0], min(av[1], 127) + 1))
        elif op is C.CATEGORY and av in _CATEGORIES:
            out |= _CATEGORIES[av]
        else:  # NEGATE, negated categories: anything
            return None
    return _cased(out, flags)


def _sequence(items: Any, flags: int) -> tuple[set[str] | None, bool]:
    """First characters of a sequence and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av, flags)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any, flags: int) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return _cased({chr(av)}, flags), False
    if op is C.IN:
        return _in(av, flags), False
    if op is C.SUBPATTERN:
        _, add, remove, sub = av
        return _sequence(sub.data, (flags | add) & ~remove)
    if op is C.BRANCH:
        out: set[str] = set()
        empty = False
        for alternative in av[1]:
            chars, nullable = _sequence(alternative.data, flags)
            if chars is None:
                return None, False
            out |= chars
            empty = empty or nullable
        return out, empty
    if op in _REPEATS:
        low, _, sub = av
        chars, nullable = _sequence(sub.data, flags)
        return chars, nullable or low == 0
    if op in _ZERO_WIDTH:
        return set(), True  # consumes nothing: the next item gives the first character
    return None, False
