"""One exception family for the whole project; the CLI turns it into a message and an exit status."""

from __future__ import annotations


class TimelineError(Exception):
    """An error the user can act on. ``str()`` is the whole message."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.reason = message
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(f"{where}{message}")


class ConfigError(TimelineError):
    """config.yaml or a command-line override is invalid."""


class SourceError(TimelineError):
    """An article file cannot be read."""


class StoreError(TimelineError):
    """A store or registry file is invalid."""


class DateError(TimelineError):
    """A date given by the user (for example ``--dct``) is invalid."""


class LockError(TimelineError):
    """Another build holds the lock on the content folder."""
