"""Values that recur across thousands of events, converted once: bounded in-process memos.

Reading and writing a store of 100,000 events meets the same dates, kinds,
statuses and outlets again and again; what each turns into (its written
form, its fingerprint part, its decoded text) is remembered. A memo that
fills up is emptied rather than trimmed: one clear per 65,536 new values
costs nothing next to tracking which entries are old.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")
LIMIT = 1 << 16


def keep(memo: dict[K, V], key: K, value: V, limit: int = LIMIT) -> V:
    """Store ``value`` under ``key`` and return it; empty ``memo`` first when full."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value
