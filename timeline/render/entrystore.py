"""The events' listing entries, kept as UTF-8 in a few large blocks rather than as two strings an event.

Listings are made in worker processes forked from the render's (see
``parts.Makers``), and every listing reads entries. Reading a string changes
its reference count, so a forked process that read 200,000 entry strings would
copy the memory pages under every one of them (some 500 MB a process at 100,000
events). The blocks are a few dozen objects, read in slices: the workers share
them with the render's process instead.
"""

from __future__ import annotations

from typing import Iterable

BLOCK_BYTES = 1 << 23  # a block is closed once it holds this much


class EntryStore:
    """Each event's full and one-line listing entries, by the event's slug."""

    def __init__(self) -> None:
        self._blocks: list[bytearray] = [bytearray()]
        # slug → (block, start, end of the full entry, end of the one-line entry, characters of the full entry)
        self._where: dict[str, tuple[int, int, int, int, int]] = {}

    def add(self, slug: str, item: str, line: str) -> None:
        full, short = item.encode("utf-8"), line.encode("utf-8")
        block = self._blocks[-1]
        if block and len(block) + len(full) + len(short) > BLOCK_BYTES:
            block = bytearray()
            self._blocks.append(block)
        start = len(block)
        block += full
        block += short
        self._where[slug] = (len(self._blocks) - 1, start, start + len(full), len(block), len(item))

    def __contains__(self, slug: str) -> bool:
        return slug in self._where

    def entry(self, slug: str, slot: int) -> str:
        """The full (``slot`` 0) or one-line (1) entry of the event ``slug``."""
        block, start, middle, end, _ = self._where[slug]
        return (self._blocks[block][start:middle] if slot == 0 else self._blocks[block][middle:end]).decode("utf-8")

    def joined(self, slugs: Iterable[str], slot: int) -> str:
        """The entries of the events ``slugs``, one after another."""
        parts = []
        for slug in slugs:
            block, start, middle, end, _ = self._where[slug]
            parts.append(self._blocks[block][start:middle] if slot == 0 else self._blocks[block][middle:end])
        return b"".join(parts).decode("utf-8")

    def item_length(self, slug: str) -> int:
        """Characters of the full entry of the event ``slug``."""
        return self._where[slug][4]
