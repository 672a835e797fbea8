"""What a format reader hands back: one article before cleaning and metadata merging."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from timeline.sources.clean import Cleaned
from timeline.sources.meta import Meta
from timeline.sources.spans import Mapped


@dataclass
class Draft:
    """An article as found in a file, before the shared finishing steps.

    ``body_start`` is the character offset of ``body`` in the file text, or
    None when the body was extracted (HTML, feeds, JSON) and is not a slice
    of the file; offsets are then located by searching the file.
    """

    title: str
    body: str
    body_start: int | None = 0
    meta: Meta = field(default_factory=Meta)  # metadata the file itself carries
    item: str | None = None  # slug of the item inside a file holding many articles
    line: int | None = None  # line of the item, for messages
    section: str | None = None
    line_filter: Callable[[Mapped], Mapped | None] | None = None
    cleaned: Cleaned | None = None  # set when a reader cleans on its own
