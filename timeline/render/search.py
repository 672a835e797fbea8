"""The search index: Pagefind run over the staged site before it goes live.

Only event pages carry ``data-pagefind-body``, so results are events, and
their actor chips, type and year are Pagefind filters. A missing Pagefind
leaves a site without search, not a failed build: the pages still work.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("timeline")


def run_pagefind(site: Path, *, language: str) -> bool:
    """Index ``site`` in place (``site/pagefind/``); False, with a warning, when it cannot."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--force-language", language, "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("search index not built: %s", exc)
        return False
    if done.returncode != 0:
        log.warning("search index not built: pagefind said %s", (done.stderr or done.stdout).strip()[-500:])
        return False
    return True
