"""Where a long per-item step is (parsing, rendering): a bar on a terminal, plain log lines elsewhere (CI logs).

``-q`` silences both (the "timeline" logger is then at ERROR); ``-v`` adds a
line per item in logs.
"""

from __future__ import annotations

import logging
import sys
import time
from types import TracebackType
from typing import TextIO

log = logging.getLogger("timeline")

LOG_EVERY_SECONDS = 5.0  # in CI logs, one line per stage every few seconds is enough
BAR_WIDTH = 28


class Progress:
    """Count items of one stage: ``with Progress("parse", total) as p: p.advance()``."""

    def __init__(self, label: str, total: int, *, stream: TextIO | None = None, unit: str = "items",
                 about: bool = False) -> None:
        self.label = label
        self.total = total
        self.about = about  # the total is an estimate (pages before pagination): said so, the end line is exact
        self.unit = unit
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = log.isEnabledFor(logging.INFO) and total > 0
        self.bar = self.enabled and _is_terminal(self.stream)
        self._start = time.monotonic()
        self._last_line = self._start
        self._last_draw = 0.0

    def __enter__(self) -> "Progress":
        if self.enabled and not self.bar:
            log.info("%s: %s%d %s", self.label, "about " if self.about else "", self.total, self.unit)
        return self

    def advance(self, n: int = 1, item: str | None = None) -> None:
        self.update(self.done + n, item)

    def update(self, done: int, item: str | None = None) -> None:
        """Set the count outright: for work counted elsewhere (pages written by forked workers)."""
        self.done = done
        if not self.enabled:
            return
        now = time.monotonic()
        if self.bar:
            # Redrawing more than ~20 times a second costs time and shows nothing more.
            if now - self._last_draw >= 0.05 or self.done == self.total:
                self._draw(now)
                self._last_draw = now
            return
        if item:
            log.debug("%s: %s", self.label, item)
        if now - self._last_line >= LOG_EVERY_SECONDS:
            self._last_line = now
            total = max(self.total, self.done)
            log.info("%s: %d/%d %s (%s)", self.label, self.done, total, self.unit, self._rate(now))

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self.bar:
            if kind is None and self.done:
                self.total = self.done  # an estimated total was off: the stage is complete all the same
            self._draw(now)
            self.stream.write("\n")
            self.stream.flush()
        elif kind is None:
            log.info("%s: %d %s done in %.1fs", self.label, self.done, self.unit, now - self._start)

    def _rate(self, now: float) -> str:
        elapsed = max(now - self._start, 1e-9)
        return f"{self.done / elapsed:.1f}/s"

    def _draw(self, now: float) -> None:
        # A total that was an estimate (pages to render) may be passed: never show 120/100.
        total = max(self.total, self.done)
        share = self.done / total if total else 1.0
        filled = int(share * BAR_WIDTH)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"\r{self.label:<8} [{bar}] {self.done}/{total} {self.unit} {self._rate(now)}"
        self.stream.write(line + "\x1b[K")
        self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
