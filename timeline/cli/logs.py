"""The one place log lines reach the terminal: the project's own, and libraries' only as the project's.

A library's line is shown as the project's message about the file being read
(``content/page.html: trafilatura: discarding data: None``), or not at all: its
warnings and notes are details of a file the build already reports in its own
words, so they show only with ``-v``; its errors always do.
"""

from __future__ import annotations

import logging
import sys

OWN = "timeline"
HANDLER = "timeline-terminal"


class LibraryLines(logging.Filter):
    """Passes the project's lines as they are; a library's with the file it concerns, or drops it."""

    def __init__(self, verbose: bool) -> None:
        super().__init__()
        self.least = logging.WARNING if verbose else logging.ERROR

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == OWN or record.name.startswith(OWN + "."):
            return True
        if record.levelno < self.least:
            return False
        from timeline.sources.log_context import file_being_read  # here: --help imports no reader

        library = record.name.split(".", 1)[0]
        shown = file_being_read()
        record.msg = f"{shown + ': ' if shown else ''}{library}: {record.getMessage()}"
        record.args = ()
        return True


def configure_logging(level: int) -> None:
    """Log lines, messages only, to stderr at ``level``; libraries' through ``LibraryLines``.

    As ``logging.basicConfig``, nothing changes when the process has set up logging its own
    way (a test runner, an application calling ``main``)."""
    root = logging.getLogger()
    if any(old.get_name() != HANDLER for old in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(HANDLER)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(LibraryLines(verbose=level <= logging.DEBUG))
    for old in list(root.handlers):  # ours, from an earlier command in this process
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
