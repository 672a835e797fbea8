"""Which article file is being read, for the messages libraries log meanwhile.

trafilatura, htmldate, feedparser and charset-normalizer log through Python's
logging without naming the file they are given ("discarding data: None"). The
reader marks the file it works on here; the command line's log handler
(``timeline.cli.logs``) prefixes their lines with it, or silences them.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

_reading: ContextVar[str | None] = ContextVar("timeline_file_being_read", default=None)


@contextmanager
def reading_file(shown: str) -> Iterator[None]:
    """Within this block, library log lines concern the file ``shown``."""
    token = _reading.set(shown)
    try:
        yield
    finally:
        _reading.reset(token)


def file_being_read() -> str | None:
    return _reading.get()
