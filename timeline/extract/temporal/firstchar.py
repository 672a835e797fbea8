"""Which characters a regular expression can start a match with.

The scanner runs some sixty patterns over every text. Each begins with a
lookbehind, which stops the regex engine from skipping ahead to a plausible
first character, so each pattern was tried at every position of the text.
Knowing each pattern's possible first characters lets the scanner look only
at word starts where some pattern can begin; knowing their first few
characters (``Openers``) lets it try there only the patterns that can begin
with the text's next characters: at "the" a dozen patterns, at "the m" two,
at most words none. The same matches, found in a fraction of the time.

The answer is read from the parsed pattern and errs only on the safe side:
anything this module does not understand counts as "any character" (None),
and only ASCII characters are ever ruled out (case folding and Unicode
classes beyond ASCII are not worth modelling).
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any, Callable, Sequence

# ASCII members of the positive character classes; the negated ones give up.
_CATEGORIES: dict[Any, frozenset[str]] = {
    C.CATEGORY_DIGIT: frozenset(string.digits),
    C.CATEGORY_SPACE: frozenset(" \t\n\r\f\v\x1c\x1d\x1e\x1f"),
    C.CATEGORY_WORD: frozenset(string.ascii_letters + string.digits + "_"),
}
_IGNORECASE = int(re.IGNORECASE)  # a plain int: ``flags & RegexFlag`` goes through enum's slow path
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
    if flags & _IGNORECASE:
        return chars | {c.lower() for c in chars} | {c.upper() for c in chars}
    return chars


def _in(items: list[tuple[Any, Any]], flags: int) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE:
            if av[1] > 127:
                return None  # beyond ASCII, case folding may reach an ASCII letter ("K", the Kelvin sign)
            out.update(chr(i) for i in range(av[0], av[1] + 1))
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


# A pattern's possible beginnings: each a sequence of sets of lowercase ASCII
# characters (None: any character), one set per character of the text. A
# sequence shorter than asked for ends where the pattern may end, or where it
# is no longer understood: whatever follows may then match.
Prefix = tuple["frozenset[str] | None", ...]


def prefixes(pattern: str, depth: int, limit: int = 20000) -> frozenset[Prefix] | None:
    """The first ``depth`` characters a match of ``pattern`` can begin with;
    None when there are more than ``limit`` ways (or the pattern is not
    understood), so that the pattern is tried everywhere."""
    found: set[Prefix] = set()

    def done(prefix: Prefix) -> None:
        found.add(prefix[:depth])
        if len(found) > limit:
            raise OverflowError

    def walk(items: Any, i: int, prefix: Prefix, then: Callable[[Prefix], None], flags: int) -> None:
        if len(prefix) >= depth:
            return done(prefix)
        if i == len(items):
            return then(prefix)
        op, av = items[i]

        def after(p: Prefix) -> None:
            walk(items, i + 1, p, then, flags)

        if op is C.LITERAL:
            after(prefix + (_literal(av, flags & _IGNORECASE),))
        elif op is C.IN:
            after(prefix + (_class(tuple(av), flags & _IGNORECASE),))
        elif op is C.SUBPATTERN:
            _, add, remove, sub = av
            walk(sub.data, 0, prefix, after, (flags | add) & ~remove)
        elif op is C.BRANCH:
            for alternative in av[1]:
                walk(alternative.data, 0, prefix, after, flags)
        elif op in _REPEATS:
            low, high, sub = av

            def repeat(p: Prefix, count: int) -> None:
                if count >= low:
                    after(p)
                if count < high and len(p) < depth:
                    # a repetition that consumed nothing cannot lead anywhere new
                    walk(sub.data, 0, p, lambda q: repeat(q, count + 1) if len(q) > len(p) else None, flags)

            repeat(prefix, 0)
        elif op in _ZERO_WIDTH:
            after(prefix)
        elif op in (C.ANY, C.NOT_LITERAL):
            after(prefix + (None,))
        else:  # not understood: the match may go on any way from here
            done(prefix)

    try:
        parsed = P.parse(pattern)
        walk(parsed.data, 0, (), done, parsed.state.flags)
    except Exception:  # noqa: BLE001 - too many beginnings, or an internal format changed: "any"
        return None
    return frozenset(found)


@lru_cache(maxsize=None)
def _class(items: tuple[tuple[Any, Any], ...], ignore_case: int) -> "frozenset[str] | None":
    """``_ascii`` of a character class, None for any character: classes repeat across patterns."""
    chars = _in(list(items), ignore_case)
    return None if chars is None else _ascii(chars)


@lru_cache(maxsize=None)
def _literal(code: int, ignore_case: int) -> frozenset[str]:
    """``_ascii`` of one character: the same few letters come up thousands of times in a walk."""
    return _ascii(_cased({chr(code)}, ignore_case))


def _ascii(chars: set[str]) -> frozenset[str]:
    """The lowercase ASCII characters that ``chars`` matches in some case: a
    non-ASCII character of the text is never ruled out, so only these count.
    ("K", the Kelvin sign, and "ſ" match "k" and "s" when case is ignored.)"""
    out: set[str] = set()
    for char in chars:
        for variant in (char, char.lower(), char.upper()):
            if len(variant) == 1 and variant.isascii():
                out.add(variant.lower())
    return frozenset(out)


# Characters read at a position that the answer is kept for, at most.
_MAX_KNOWN = 100_000


class Openers:
    """Which of several patterns can match at a position of a text, read from
    the next few characters: an automaton over those characters, built as
    texts need it. A state holds the patterns that already fit (the answer)
    and the beginnings still open; it moves on a character to the beginnings
    that character continues. ASCII letters are compared without case; any
    other character continues every beginning."""

    def __init__(self, patterns: Sequence[str], depth: int) -> None:
        self.depth = depth
        # The beginnings of each pattern as a tree: node → (character set, next node)
        self._edges: list[list[tuple["frozenset[str] | None", int]]] = []
        self._children: list[dict["frozenset[str] | None", int]] = []  # the same edges, by character set
        self._ends: list[bool] = []  # a beginning ends at this node: the pattern fits
        fits: set[int] = set()
        open_: list[tuple[int, int]] = []
        for index, pattern in enumerate(patterns):
            found = prefixes(pattern, depth)
            if found is None or () in found:
                fits.add(index)
                continue
            open_.append((index, self._tree(found)))
        self._fits: list[tuple[int, ...]] = []  # per state: the patterns to try, in order
        self._open: list[frozenset[tuple[int, int]]] = []
        self._moves: list[dict[str, int]] = []
        self._states: dict[tuple[frozenset[int], frozenset[tuple[int, int]]], int] = {}
        self._known: dict[str, tuple[int, ...]] = {}  # the answer for the characters read: words repeat
        self._state(frozenset(fits), frozenset(open_))

    def candidates(self, text: str, at: int) -> tuple[int, ...]:
        """Indexes of the patterns that may match at ``at``, in ascending order."""
        key = text[at:at + self.depth]
        found = self._known.get(key)
        if found is not None:
            return found
        state = 0
        moves, open_ = self._moves, self._open
        for char in key:
            nxt = moves[state].get(char)
            state = self._move(state, char) if nxt is None else nxt
            if not open_[state]:
                break
        if len(self._known) >= _MAX_KNOWN:
            self._known.clear()
        found = self._known[key] = self._fits[state]
        return found

    def _tree(self, found: frozenset[Prefix]) -> int:
        root = self._node()
        for prefix in found:
            node = root
            for chars in prefix:
                child = self._children[node].get(chars)
                node = self._edge(node, chars) if child is None else child
            self._ends[node] = True
        return root

    def _node(self) -> int:
        self._edges.append([])
        self._children.append({})
        self._ends.append(False)
        return len(self._ends) - 1

    def _edge(self, node: int, chars: "frozenset[str] | None") -> int:
        child = self._node()
        self._edges[node].append((chars, child))
        self._children[node][chars] = child
        return child

    def _state(self, fits: frozenset[int], open_: frozenset[tuple[int, int]]) -> int:
        key = (fits, open_)
        state = self._states.get(key)
        if state is None:
            state = self._states[key] = len(self._fits)
            self._fits.append(tuple(sorted(fits)))
            self._open.append(open_)
            self._moves.append({})
        return state

    def _move(self, state: int, char: str) -> int:
        any_char = not char.isascii()
        low = char.lower()
        fits = set(self._fits[state])
        reached: set[tuple[int, int]] = set()
        for index, node in self._open[state]:
            for chars, child in self._edges[node]:
                if any_char or chars is None or low in chars:
                    if self._ends[child]:
                        fits.add(index)
                    if self._edges[child]:
                        reached.add((index, child))
        nxt = self._state(frozenset(fits), frozenset((i, n) for i, n in reached if i not in fits))
        self._moves[state][char] = nxt
        return nxt
