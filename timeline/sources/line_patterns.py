"""Whether any of a list of patterns occurs in a line, each searched only in lines that can hold it.

A news line can be a whole article of a thousand words, and a pattern that is
not anchored at the start of the line is tried at each of its characters: the
cleaning vocabulary's line tests would cost more than the rest of cleaning. A
pattern of a vocabulary may therefore come with words, one of which every
match of it contains in some case (``{pattern: ..., words: [...]}`` in the
data file, next to the pattern); a line holding none of them is not searched
with it. The tests check the words against their pattern. A pattern given
without words is searched in every line: right, and only slower. A pattern
anchored at the start (``^``) needs none: the engine tries it there alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from timeline.sources.casefold import folded


@dataclass(frozen=True)
class LinePattern:
    """A pattern of a vocabulary, and the words one of which each of its matches contains."""

    pattern: re.Pattern[str]
    words: tuple[str, ...] = ()  # in lower case; none: any line may hold a match

    @classmethod
    def read(cls, entry: str | Mapping[str, Any]) -> LinePattern:
        """An entry of a data file: a pattern, or a mapping of ``pattern`` and ``words``."""
        if isinstance(entry, str):
            return cls(re.compile(entry))
        unknown = set(entry) - {"pattern", "words"}
        if unknown or not isinstance(entry.get("pattern"), str):
            raise ValueError(f"a line pattern is a pattern, or a mapping of pattern and words: {dict(entry)!r}")
        words = tuple(str(word) for word in entry.get("words") or ())
        if any(not word or word != folded(word) for word in words):
            raise ValueError(f"the words of {entry['pattern']!r} must be written in lower case: {list(words)!r}")
        return cls(re.compile(entry["pattern"]), words)


class LinePatterns:
    """The patterns of a vocabulary list, each searched in the lines that can hold a match."""

    def __init__(self, entries: Iterable[str | Mapping[str, Any] | LinePattern]) -> None:
        self.patterns = tuple(e if isinstance(e, LinePattern) else LinePattern.read(e) for e in entries)
        self._everywhere = tuple(p.pattern.search for p in self.patterns if not p.words)
        self._worded = tuple((p.pattern.search, p.words) for p in self.patterns if p.words)

    def found_in(self, line: str) -> bool:
        """Whether any pattern matches somewhere in ``line``."""
        if any(search(line) for search in self._everywhere):
            return True
        if not self._worded:
            return False
        lowered = folded(line)
        return any(any(word in lowered for word in words) and search(line) for search, words in self._worded)
