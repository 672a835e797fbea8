"""A country a title names only by its plight ("the stricken country", "the impoverished
nation"), written as the country the article is about.

News names the country of its story and then describes it: "they will be shipped to the
stricken country". A title is read alone, so such a description tells of no one; anywhere in
the title's clause it is written as the one country the article names at least ``dominance``
times as often as any other before it (``title_words.yaml``), when the words before the noun
only tell its plight (``plight_words`` in ``referents.yaml``): "the neighbouring country" or
"the other nation" picks out another one and stays.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.naming import takes_article
from timeline.extract.events.title_words import load_title_words
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token


@lru_cache(maxsize=1)
def _plights() -> frozenset[str]:
    return frozenset(str(w).lower() for w in (load_data("referents.yaml") or {}).get("plight_words") or [])


def dominant(kind: str, mentions: list[Mention], before_char: int, ratio: int) -> str | None:
    """The actor of ``kind`` named at least twice, and ``ratio`` times as often as the next,
    before ``before_char``, else None."""
    counts = Counter(m.name for m in mentions if m.kind == kind and m.end <= before_char)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < ratio * ranked[1][1]):
        return None
    return ranked[0][0]


def _described(noun: "Token") -> bool:
    """"the stricken country": a singular noun of a country with "the" and words of its plight only."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or load_title_words().kind_nouns.get(noun.lemma_.lower()) != "country":
        return False
    before = [c for c in noun.children if c.i < noun.i]
    plights = [c for c in before if c.dep_ == "amod"]
    return bool(plights) and all(c.lower_ in _plights() for c in plights) and \
        [c.lower_ for c in before if c.dep_ != "amod"] == ["the"] and before[0].lower_ == "the" and \
        not any(c.i > noun.i and c.dep_ not in ("punct", "case") for c in noun.children) and \
        noun.i - before[0].i == len(before)


def name_places(title: str, root: "Token", mentions: list[Mention]) -> str:
    """``title`` with each "the stricken country" of its clause written as the country the
    article is about (``dominant``), where the title writes it once."""
    for noun in root.subtree:
        if not _described(noun):
            continue
        start = min(c.i for c in noun.children if c.i < noun.i)
        if any(m.start < noun.idx + len(noun) and m.end > noun.doc[start].idx for m in mentions):
            continue
        name = dominant("country", mentions, noun.doc[start].idx, load_title_words().dominance)
        written = noun.doc[start:noun.i + 1].text
        found = list(re.finditer(rf"(?<![\w'’-]){re.escape(written)}(?![\w-])", title, flags=re.IGNORECASE))
        if name is None or len(found) != 1 or name in title:
            continue
        name = f"the {name}" if takes_article(name) else name
        if found[0].start() == 0:
            name = name[:1].upper() + name[1:]
        title = title[:found[0].start()] + name + title[found[0].end():]
    return title
