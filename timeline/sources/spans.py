"""Text that remembers where each of its characters came from in the file.

Cleaning removes bylines, artefacts and page furniture, yet a quoted sentence
must still point at the file it came from. A ``Mapped`` text is a list of
pieces: an *exact* piece is a copy of the file from ``src`` on (character ``i``
is file character ``src + i``), a replaced piece stands for a stretch that
starts at ``src`` but was rewritten (an artefact, a mojibake repair).
Offsets are character offsets into the decoded file text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    src: int
    exact: bool = True


class Mapped:
    """An immutable run of pieces; every operation returns a new one."""

    __slots__ = ("pieces",)

    def __init__(self, pieces: Iterable[Piece]) -> None:
        self.pieces: tuple[Piece, ...] = tuple(p for p in pieces if p.text)

    @classmethod
    def of(cls, text: str, src: int) -> Mapped:
        return cls([Piece(text, src)])

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    def __len__(self) -> int:
        return sum(len(p.text) for p in self.pieces)

    def __bool__(self) -> bool:
        return bool(self.pieces)

    @property
    def src(self) -> int:
        return self.pieces[0].src if self.pieces else 0

    def slice(self, start: int, end: int | None = None) -> Mapped:
        """The characters ``start:end`` of the text, still mapped."""
        end = len(self) if end is None else end
        out: list[Piece] = []
        pos = 0
        for piece in self.pieces:
            lo, hi = pos, pos + len(piece.text)
            pos = hi
            a, b = max(start, lo), min(end, hi)
            if a >= b:
                continue
            if piece.exact:
                out.append(Piece(piece.text[a - lo:b - lo], piece.src + a - lo))
            else:
                out.append(Piece(piece.text[a - lo:b - lo], piece.src, False))
        return Mapped(out)

    def strip(self) -> Mapped:
        text = self.text
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        return self.slice(left, right) if (left or right != len(text)) else self

    def translate(self, table: dict[int, str]) -> Mapped:
        """One-to-one character replacement: exact pieces stay exact."""
        return Mapped(Piece(p.text.translate(table), p.src, p.exact) for p in self.pieces)

    def sub(self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> Mapped:
        """Replace every match; a replacement becomes its own (inexact) piece.

        One pass over the pieces whatever the number of matches: a long
        detokenised line has thousands of them.
        """
        text = self.text
        matches = list(pattern.finditer(text))
        if not matches:
            return self
        pieces = self.pieces
        out: list[Piece] = []
        k, lo = 0, 0  # the piece holding text offset ``lo`` onwards, and where it starts

        def copy(start: int, end: int) -> None:
            """Append the text ``start:end`` (start ≥ the current piece's start), moving the cursor."""
            nonlocal k, lo
            while k < len(pieces) and start < end:
                piece = pieces[k]
                hi = lo + len(piece.text)
                a, b = max(start, lo), min(end, hi)
                if a < b:
                    src = piece.src + a - lo if piece.exact else piece.src
                    out.append(Piece(piece.text[a - lo:b - lo], src, piece.exact))
                if hi > end:
                    return
                k, lo = k + 1, hi

        def skip_to(offset: int) -> int:
            """Move the cursor to the piece holding ``offset``; its file offset."""
            nonlocal k, lo
            while k < len(pieces) and offset >= lo + len(pieces[k].text):
                lo += len(pieces[k].text)
                k += 1
            if k < len(pieces):
                piece = pieces[k]
                return piece.src + (offset - lo if piece.exact else 0)
            return self.at(offset)

        replace = _replacer(repl)
        pos = 0
        for match in matches:
            copy(pos, match.start())
            new = replace(match)
            if new:
                out.append(Piece(new, skip_to(match.start()), False))
            pos = match.end()
        copy(pos, len(text))
        return Mapped(out)

    def replace_all(self, fix: Callable[[str], str]) -> Mapped:
        """Rewrite the whole text with ``fix``; unchanged text keeps its mapping."""
        text = self.text
        new = fix(text)
        if new == text:
            return self
        return Mapped([Piece(new, self.src, False)])

    def at(self, offset: int) -> int:
        """File offset of text character ``offset``."""
        pos = 0
        for piece in self.pieces:
            if offset < pos + len(piece.text):
                return piece.src + (offset - pos if piece.exact else 0)
            pos += len(piece.text)
        last = self.pieces[-1] if self.pieces else Piece("", 0)
        return last.src + (len(last.text) if last.exact else 0)


_GROUP = re.compile(r"\\(\d+)")


def _replacer(repl: str | Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
    """``repl`` as a function; plain text and a lone group reference skip
    ``Match.expand``, which parses its template again at every match."""
    if callable(repl):
        return repl
    if "\\" not in repl:
        return lambda match: repl
    group = _GROUP.fullmatch(repl)
    if group is not None:
        n = int(group.group(1))
        return lambda match: match.group(n) or ""
    return lambda match: match.expand(repl)


def join(parts: list[Mapped], separator: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Join mapped parts into one text and its (text offset, file offset) table.

    Adjacent exact pieces that continue each other in the file share one entry,
    so the table holds one row per kept stretch of the file.
    """
    chunks: list[str] = []
    table: list[tuple[int, int]] = []
    pos = 0
    follows: int | None = None  # file offset an exact piece must start at to continue the row
    for index, part in enumerate(parts):
        if index:
            chunks.append(separator)
            pos += len(separator)
            follows = None
        for piece in part.pieces:
            if not (piece.exact and follows == piece.src):
                table.append((pos, piece.src))
            chunks.append(piece.text)
            pos += len(piece.text)
            follows = piece.src + len(piece.text) if piece.exact else None
    return "".join(chunks), tuple(table)


def file_offset(offsets: tuple[tuple[int, int], ...], text_offset: int) -> int | None:
    """Where in the file the cleaned text's character ``text_offset`` came from.

    Exact inside a kept stretch; inside a rewritten stretch (a repaired
    artefact or mojibake) only approximate, as its length changed.
    """
    if not offsets:
        return None
    index = bisect.bisect_right(offsets, (text_offset, float("inf"))) - 1
    if index < 0:
        return None
    text_at, file_at = offsets[index]
    return file_at + (text_offset - text_at)
