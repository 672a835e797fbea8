"""Text in lower case as case-insensitive regular expressions see ASCII letters.

With IGNORECASE, ``re`` matches an ASCII letter not only in either case but
also to four letters outside ASCII. A text folded here holds, wherever such a
pattern matches an ASCII letter, that letter in lower case: a quick test for
literal words in it never misses a place where the pattern could match.
"""

from __future__ import annotations

import re

# The letters outside ASCII that a case-insensitive pattern matches to ASCII
# letters: dotted and dotless I, long s, the Kelvin sign (a test checks every
# code point), and what they match.
CASE_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_TWIN = re.compile(f"[{''.join(CASE_TWINS)}]")
_AS_ASCII = str.maketrans(CASE_TWINS)


def folded(text: str) -> str:
    """``text`` in lower case, its case twins read as the ASCII letters they match."""
    # Translating costs a pass over a long line; most lines hold no twin.
    return (text.translate(_AS_ASCII) if _TWIN.search(text) else text).lower()
