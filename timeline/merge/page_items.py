"""The items of a page made of items: a news-in-brief column, a radio running order.

Some scraped pages carry several short stories, of which one may be the collection's:
a world-news digest whose items each close with their agency's sign-off ("Reuters,
Jerusalem") or open with a dateline ("NAIROBI (Reuters) -"), a programme's running order
whose items each end with a line introducing who speaks on it ("Jane Smith, of the Red
Cross, discusses the relief effort"). ``items`` cuts such a page's text at those layout
cues and gives each item's span; a page with fewer than ``least_items`` items is no such
page and gives none. The cues are data, in ``data/off_story.yaml`` (``items``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.data import load_data


@dataclass(frozen=True)
class Cues:
    sign_off: re.Pattern[str]  # a paragraph opening with an agency's sign-off: "Reuters, Jerusalem"
    dateline: re.Pattern[str]  # a paragraph opening with a dateline: "NAIROBI (Reuters) -"
    contributor: re.Pattern[str]  # a running order's line saying who speaks on the item
    least_items: int
    least_contributors: int
    contributor_share: float
    longest_contributor: int


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = (load_data("off_story.yaml") or {}).get("items") or {}
    agencies = "|".join(re.escape(str(a)) for a in data.get("agencies") or ()) or r"(?!)"
    verbs = "|".join(re.escape(str(v)).replace(r"\ ", r"\s+") for v in data.get("contributor_verbs") or ()) or r"(?!)"
    place = r"[A-Z][\w'.-]*(?:\s+[A-Z][a-z][\w'.-]*)?"
    return Cues(
        sign_off=re.compile(rf"(?:{agencies})\s*,\s+{place}\s+(?=[A-Za-z\d\"'“])"),
        dateline=re.compile(rf"[A-Z][A-Z .'-]{{2,40}}(?:,\s*[A-Z][\w .]{{2,30}})?\s*\((?:{agencies})\)\s*[-–—]"),
        contributor=re.compile(rf"(?:And|Plus|Also)?\s*[A-Z][^.?!]{{0,120}}?\s(?:{verbs})\b[^.?!]*[.?!]?\s*$"),
        least_items=int(data.get("least_items", 3)),
        least_contributors=int(data.get("least_contributors", 4)),
        contributor_share=float(data.get("contributor_share", 0.1)),
        longest_contributor=int(data.get("longest_contributor", 250)),
    )


def _paragraphs(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    start = 0
    for paragraph in text.split("\n\n"):
        found.append((start, paragraph))
        start += len(paragraph) + 2
    return found


def items(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) spans of the items of ``text`` when it is a page made of items;
    otherwise none."""
    c = cues()
    paragraphs = _paragraphs(text)

    def introduces(paragraph: str) -> bool:
        return len(paragraph) <= c.longest_contributor and bool(c.contributor.match(paragraph))

    contributors = [introduces(p) for _, p in paragraphs]
    running_order = sum(contributors) >= max(c.least_contributors, c.contributor_share * len(paragraphs))
    cuts = {0}
    for i, (start, paragraph) in enumerate(paragraphs):
        signed = c.sign_off.match(paragraph)
        if signed:
            cuts.add(start + signed.end())  # the sign-off closes the item before, the rest opens the next
        elif i and c.dateline.match(paragraph):
            cuts.add(start)
        elif running_order and contributors[i] and i + 1 < len(paragraphs) and not contributors[i + 1]:
            cuts.add(paragraphs[i + 1][0])  # the speakers close their item
    ends = sorted(cuts) + [len(text)]
    spans = tuple((s, e) for s, e in zip(ends, ends[1:]) if text[s:e].strip())
    return spans if len(spans) >= c.least_items else ()
