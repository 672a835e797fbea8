"""Pausing Python's cycle collector around work that allocates millions of objects.

Merging, reading and writing a store of 100,000 events creates millions of
small records and strings that live until the work ends and form no cycles
(reference counting frees them). The cycle collector still walks all of them
again and again as they pile up, which cost a third of a merge's time. It is
switched off for the duration and switched back on afterwards, when it walks
the survivors once.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def paused_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
