"""Which patterns can begin at a position of a text, from the openings declared with them.

The scanner runs some sixty patterns over every text. Each begins with a
lookbehind, which stops the regular expression engine from skipping ahead to
a plausible first character, so each pattern would be tried at every position
of the text. ``patterns.py`` says how the matches of each pattern can begin
(its openings); this module reads the word at a position and answers which
patterns to try there: a few after "the first", none at most words. The same
matches, found in a fraction of the time.

An opening is one word, or two separated by a space that stands for any run
of whitespace. A word is written in lower case and is the whole run of
letters the text has there or, ending in ``*``, the start of that run. DIGIT
(``\\d``) is a run of decimal digits; ``\\d{4}`` is a run of four digits and
``\\d{1,2}`` one of one or two, which only an opening of one word can count.
An opening of one character other than a letter or digit is that character.
The text's letters are compared in lower case, with the four letters outside
ASCII that case-insensitive matching takes for ASCII ones read as those, so a
pattern is tried wherever it can match in any case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.extract.temporal.patterns import DIGIT
from timeline.sources.casefold import folded

_LETTERS = re.compile(r"([a-z]+)(\*?)")
_DIGITS = re.compile(r"\\d(?:\{([1-4])(?:,([1-4]))?\})?")
# Digits of a run that are read: a run this long stands for longer ones too.
_READ_DIGITS = 5
# What follows the first word: whitespace, then a run of letters or a digit.
_SECOND = re.compile(r"\s+([^\W\d_]+|\d)")
# Answers kept for the words met, at most; words repeat across a text and across texts.
_MAX_KNOWN = 100_000


class _Word:
    """One word of an opening: letters, the start of a word, or a run of digits."""

    def __init__(self, text: str) -> None:
        self.text = text
        letters, digits = _LETTERS.fullmatch(text), _DIGITS.fullmatch(text)
        if letters is None and digits is None:
            raise ValueError(f"{text!r} is not a word of an opening: lower-case ASCII letters, "
                             "with * for the start of a word, or digits")
        self.letters = "" if letters is None else letters[1]
        self.prefix = letters is not None and letters[2] == "*"
        # For digits, the lengths of run it fits. A run is read up to _READ_DIGITS
        # digits, so that length stands for longer runs too: only DIGIT fits it.
        self.lengths: range | None = None
        if digits is not None:
            low = int(digits[1] or 1)
            self.lengths = range(low, (int(digits[2] or low) if digits[1] else _READ_DIGITS) + 1)

    def fits(self, run: str | None) -> bool:
        """Whether ``run``, a run of letters or digits in the text, is this word."""
        if run is None:
            return False
        if self.lengths is not None:
            return run.isdecimal() and min(len(run), _READ_DIGITS) in self.lengths
        word = folded(run)
        return word.startswith(self.letters) if self.prefix else word == self.letters


class _After:
    """The patterns that can begin with one word, told apart by the word after it."""

    def __init__(self, alone: set[int], seconds: list[tuple[_Word, int]]) -> None:
        self._alone = alone  # whatever follows
        self._seconds = seconds  # only before a word that fits
        self._known: dict[str | None, tuple[int, ...]] = {}

    def candidates(self, text: str, end: int) -> tuple[int, ...]:
        """The patterns that can begin with the word that ends at ``end``."""
        after = _SECOND.match(text, end)
        second = None if after is None else after[1]
        found = self._known.get(second)
        if found is None:
            if len(self._known) >= _MAX_KNOWN:
                self._known.clear()
            out = self._alone | {index for word, index in self._seconds if word.fits(second)}
            found = self._known[second] = tuple(sorted(out))
        return found


class Openings:
    """The patterns that can begin at a position, read from the words that stand there."""

    def __init__(self, openings: Sequence[Sequence[str]]) -> None:
        self._whole: dict[str, set[int]] = {}  # a whole word → the patterns it can open
        self._starts: dict[str, set[int]] = {}  # the start of a word → the patterns it can open
        self._digits: list[tuple[range, int]] = []  # the lengths of a run of digits → a pattern
        self._pairs: dict[str, list[tuple[_Word, int]]] = {}  # a whole first word → second words
        self._chars: dict[str, set[int]] = {}  # a character other than a letter or digit
        for index, opens in enumerate(openings):
            if not opens:
                raise ValueError(f"pattern {index} has no opening: it could never be tried")
            for opening in opens:
                self._add(opening, index)
        self._lengths = sorted({len(start) for start in self._starts})
        self._known: dict[str, tuple[int, ...] | _After] = {}

    def _add(self, opening: str, index: int) -> None:
        if len(opening) == 1 and not opening.isalnum():
            self._chars.setdefault(opening, set()).add(index)
            return
        words = [_Word(text) for text in opening.split(" ")]
        if len(words) == 1:
            word = words[0]
            if word.lengths is not None:
                self._digits.append((word.lengths, index))
            else:
                (self._starts if word.prefix else self._whole).setdefault(word.letters, set()).add(index)
            return
        first, second = words if len(words) == 2 else (None, None)
        if first is None or second is None or not first.letters or first.prefix or second.text not in (
                DIGIT, second.letters, second.letters + "*"):
            raise ValueError(f"opening {opening!r}: one word, or a whole word then a word or DIGIT")
        self._pairs.setdefault(first.letters, []).append((second, index))

    def word(self) -> str:
        """A regular expression for what ``candidates`` reads at a position: a
        run of letters, a run of digits, or a character an opening names, in
        group 1. The scanner puts START in front and takes each match's start
        as a position to look at. A match may take the whole run, for no
        position inside a run can be one where START holds: a letter or a
        digit stands before it."""
        words = [r"[^\W\d_]+"] if self._whole or self._starts or self._pairs else []
        if self._digits:
            words.append(rf"\d{{1,{_READ_DIGITS}}}")
        if self._chars:
            words.append(f"[{re.escape(''.join(sorted(self._chars)))}]")
        return f"({'|'.join(words) or '(?!)'})"

    def candidates(self, found: re.Match[str]) -> tuple[int, ...]:
        """Indexes of the patterns that may match where ``word()`` was
        ``found``, in ascending order."""
        first = found[1]
        known = self._known.get(first)
        if known is None:
            if len(self._known) >= _MAX_KNOWN:
                self._known.clear()
            known = self._known[first] = self._look_up(first)
        if known.__class__ is tuple:
            return known  # type: ignore[return-value]
        return known.candidates(found.string, found.end(1))  # type: ignore[union-attr]

    def _look_up(self, first: str) -> tuple[int, ...] | _After:
        chars = self._chars.get(first)
        if chars is not None:
            return tuple(sorted(chars))
        if first.isdecimal():
            length = min(len(first), _READ_DIGITS)
            return tuple(sorted({index for lengths, index in self._digits if length in lengths}))
        word = folded(first)
        alone = set(self._whole.get(word, ()))
        for length in self._lengths:
            if length > len(word):
                break
            alone |= self._starts.get(word[:length], set())
        seconds = self._pairs.get(word)
        return _After(alone, seconds) if seconds else tuple(sorted(alone))
