"""Common words that a tagger took for someone's name.

A word capitalised at the start of a sentence or in a headline ("Propofol was
found…") may be read as a person's name. The mention rules drop it where the
same article also writes it in lower case; an article that writes it only
capitalised leaves it to the collection: a one-word person whose word the
articles write in lower case at least as often as capitalised is a common
word, and no actor of any event.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from timeline.extract.actors.registry import Registry
from timeline.records import Extraction

_WORD = re.compile(r"[A-Za-z]{3,}")


def common_words(registry: Registry, extractions: Sequence[Extraction]) -> frozenset[str]:
    """The names of one-word people found automatically that the articles of
    ``extractions`` write in lower case as often as capitalised, or more."""
    single = {a.name for a in registry.actors if a.kind == "person" and a.auto and not a.hidden
              and a.name.isalpha() and a.name[:1].isupper() and not a.roles}
    if not single:
        return frozenset()
    wanted = single | {name.lower() for name in single}
    counts: Counter[str] = Counter()
    for extraction in extractions:
        counts.update(w for w in _WORD.findall(extraction.article.text) if w in wanted)
    return frozenset(name for name in single if counts[name.lower()] >= max(1, counts[name]))
