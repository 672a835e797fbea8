"""How often an article's dateline names another day than the one its collection filed it under.

Per tls-dev collection (or named ones): how many articles cleaning finds a dateline in, and how
the dateline's day stands to the stored publication day (days after it; negative: before). A
site that files its stories under the next day, a print edition's day, shows as a run of -1:
those articles' relative dates are read from the dateline's day (``timeline.sources.assemble``).
More than a day either way is not followed and gives a warning at build time.

    python -m evaluation.dateline_days [NAME ...]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date
from typing import Sequence

from evaluation.tls import COLLECTIONS, articles
from timeline.sources.assemble import cleaned_of, dateline_day
from timeline.sources.text_files import read_text


def offsets(name: str) -> tuple[int, Counter[int]]:
    """The collection's article count, and per offset (dateline day - stored day) its articles."""
    found: Counter[int] = Counter()
    docs = articles(name)
    for doc in docs:
        drafts, _ = read_text(doc["text"], doc["id"])
        cleaned = cleaned_of(drafts[0]) if drafts else None
        if cleaned is None or cleaned.dateline is None:
            continue
        stored = date.fromisoformat(str(doc["published"])[:10])
        said, _ = dateline_day(cleaned.dateline, stored)
        if said is not None:
            found[(said - stored).days] += 1
    return len(docs), found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", default=COLLECTIONS)
    args = parser.parse_args(argv)
    for name in args.names:
        count, found = offsets(name)
        shown = ", ".join(f"{k:+d}: {n}" for k, n in sorted(found.items())) or "-"
        print(f"{name:28s} {count:4d} articles, {sum(found.values()):4d} with a dated dateline; "
              f"dateline day - stored day: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
