"""What the build tells the maintainer at the end."""

from __future__ import annotations

import sys
from typing import TextIO

from timeline.records import BuildSummary


def print_summary(summary: BuildSummary, out: TextIO | None = None, *, quiet: bool = False) -> None:
    """Problems first (each with file and line), then the counts and time per stage.

    ``quiet`` keeps only the errors, for ``-q``.
    """
    out = out or sys.stderr  # looked up at call time: sys.stderr may have been replaced since import
    for problem in summary.problems:
        if not quiet or problem.severity == "error":
            print(problem, file=out)
    errors = sum(1 for p in summary.problems if p.severity == "error")
    if not quiet:
        for note in summary.notes:
            print(f"store: {note}", file=out)
        print(counts_line(summary), file=out)
        if summary.stage_seconds:
            stages = ", ".join(f"{name} {seconds:.2f}s" for name, seconds in summary.stage_seconds)
            total = sum(seconds for _, seconds in summary.stage_seconds)
            print(f"time: {stages} (total {total:.2f}s)", file=out)
    if errors:
        print(f"{errors} error(s): the build went on with the rest; fix them and build again", file=out)


def counts_line(summary: BuildSummary) -> str:
    """The build's counts, each once: articles read (parsed, from cache) and files skipped; events
    in the store by what happened to them; HTML pages of the site, written or unchanged."""
    pages = summary.pages_written + summary.pages_unchanged
    return (f"articles: {summary.articles_read} read ({summary.articles_parsed} parsed, "
            f"{summary.articles_cached} from cache), {summary.articles_skipped} files skipped; "
            f"events: {summary.events_total} in store ({summary.events_new} new, {summary.events_changed} changed, "
            f"{summary.events_curated} edited by hand, {summary.events_merged} merged, "
            f"{summary.events_removed} removed); "
            f"pages: {pages} ({summary.pages_written} written, {summary.pages_unchanged} unchanged)")
