"""Pausing Python's cycle collector around work that allocates millions of objects.

Merging, reading and writing a store of 100,000 events creates millions of
small records and strings that live until the work ends and form no cycles
(reference counting frees them). The cycle collector still walks all of them
again and again as they pile up, which cost a third of a merge's time. It is
switched off for the duration.

Switched back on, its first pass would walk every object made meanwhile
(two seconds after loading a large store). Instead they are filed straight
into the oldest generation, with ``gc.freeze()`` then ``gc.unfreeze()`` (both
documented to move objects between the permanent and the oldest
generation): they are treated as long-lived, which they are, and any cycle
among them is still found by the next full collection. Should something else
in the process have frozen objects on purpose (a pre-forking server), the
freeze is left alone and the survivors are walked once as usual.
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
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()
