"""Today, as reading sees it, and the first day a reading made today stops being true.

Whether a date lies in the future changes what a file gives: a publication
date in the future is an error, a file name dated after today dates nothing,
a dateline from the future is not used, and the date search in a saved page
stops at tomorrow. Every such comparison goes through ``is_future`` (or
``changes_tomorrow``), which notes the dates still to come; ``due()`` is the
earliest of them, the day the read cache must read the file again.

The noted dates are per process: ``watch()`` starts a file, ``due()`` ends
it, and files are read one at a time in each process.
"""

from __future__ import annotations

from datetime import date, timedelta

_noted: list[date] = []


def watch() -> None:
    """Start noting the dates of the file about to be read."""
    _noted.clear()


def due() -> date | None:
    """The first day the file read since ``watch()`` could read differently; None when never."""
    return min(_noted, default=None)


def today() -> date:
    """Today's date: the one place reading asks for it."""
    return date.today()


def is_future(day: date, than: date | None = None) -> bool:
    """Whether ``day`` is after ``than`` (default: today); a future day is noted."""
    if day > (than or today()):
        _noted.append(day)
        return True
    return False


def changes_tomorrow() -> date:
    """Tomorrow, for a search bounded by it; what it finds may differ from tomorrow on."""
    tomorrow = today() + timedelta(days=1)
    _noted.append(tomorrow)
    return tomorrow
