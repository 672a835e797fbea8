"""What a build keeps between runs: the results of its expensive per-item steps.

Stages never see the cache. A stage that works item by item (reading a file,
extracting an article) takes an ``each`` argument, a way to run one step over
many items, and calls it with each item's fingerprint (a digest of everything
about the item that decides the step's result) and the function that
computes the results of the items given. ``compute_all`` runs the step on
every item; the build passes a ``Memo`` step instead (``memo.py``), which
computes only the items it does not hold.
"""

from __future__ import annotations

from typing import Callable, Iterable, Protocol, Sequence, TypeVar

from timeline.cache.memo import Memo

__all__ = ["Each", "Memo", "compute_all"]

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co")


class Each(Protocol[R_co]):
    """How a stage runs one per-item step over many items, in the items' order."""

    def __call__(self, items: Sequence[T], fingerprint: Callable[[T], str],
                 compute: Callable[[list[T]], Iterable[R_co]], *, keep: Callable[[R_co], bool] | None = None,
                 fresh: Callable[[R_co], bool] | None = None) -> list[R_co]: ...


def compute_all(items: Sequence[T], fingerprint: Callable[[T], str], compute: Callable[[list[T]], Iterable[R]],
                *, keep: Callable[[R], bool] | None = None, fresh: Callable[[R], bool] | None = None) -> list[R]:
    """The step run on every item: no cache."""
    results = list(compute(list(items)))
    if len(results) != len(items):
        raise RuntimeError(f"a step gave {len(results)} results for {len(items)} items")
    return results
