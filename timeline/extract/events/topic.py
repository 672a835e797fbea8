"""What an article is about, and the sentences that stray from it.

A scraped page often runs other stories into the one it is kept for: a radio
programme's running order, a roundup of briefs, a corrections column. Their
sentences name nothing the article's headline and lede name. A sentence past the
lede that shares no noun and no name with them, and that the text does not date,
is an aside: no happening of this article's news (events/newsworthy.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span

NOUNS = frozenset({"NOUN", "PROPN"})
# Words of a headline worth comparing: at least this long (drops "the", "of", "in").
MIN_WORD = 4
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def topic_words(title: str, lede: Iterable["Span"], mentions: list[Mention]) -> frozenset[str]:
    """The nouns and names of the headline and the lede, lower case."""
    words = {w.lower() for w in WORD.findall(title) if len(w) >= MIN_WORD}
    for segment in lede:
        words |= _words_of(segment, mentions)
    return frozenset(words)


def strays(segment: "Span", topic: frozenset[str], mentions: list[Mention]) -> bool:
    """Whether ``segment`` names nothing the article's headline and lede name."""
    return bool(topic) and not (_words_of(segment, mentions) & topic)


def _words_of(segment: "Span", mentions: list[Mention]) -> set[str]:
    words = {t.lemma_.lower() for t in segment if t.pos_ in NOUNS and len(t.text) >= MIN_WORD - 1}
    words |= {t.lower_ for t in segment if t.pos_ in NOUNS}
    start, end = segment.start_char, segment.end_char
    for mention in mentions:
        if mention.start >= start and mention.end <= end:
            words.add(mention.name.lower())
            words |= {w.lower() for w in mention.name.split()}
    return words
