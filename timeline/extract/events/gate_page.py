"""What the newsworthiness gate knows of an article as a whole, worked out once per article:
where its paragraphs begin, the words of its headline and lede, its protagonists, how far each
sentence is from its subject (``topic.py``) and how much the page reads as views (``opinion.py``).
The features of each candidate (``gate_features.py``) are read against it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from timeline.extract.events.opinion import Genre, genre_of
from timeline.extract.events.topic import similarities
from timeline.records import Article, Mention
from timeline.sources.text_files import title_from_body

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span
    from timeline.extract.events.vocabulary import Vocabulary

WORD = re.compile(r"[a-z][a-z'-]+")
# Words of a headline worth comparing: at least this long (drops "the", "of", "in").
MIN_WORD = 4
NAMED_KINDS = frozenset({"person", "organisation", "country", "group"})
# The actors an article names most often: its protagonists.
PROTAGONISTS = 2


@dataclass(frozen=True)
class Page:
    """What the gate knows of the article as a whole."""

    headline: frozenset[str]  # nouns and names of the headline, lower case
    lede: frozenset[str]  # and of the lede
    paragraphs: tuple[int, ...]  # the paragraph of each sentence (0 the first)
    firsts: frozenset[int]  # sentences that open a paragraph
    sentences: int
    views: bool  # a page of views (opinion.py)
    astray: tuple[bool, ...]  # sentences sharing nothing with headline and lede (topic.py)
    protagonists: frozenset[str]  # the actors the article names most often
    headline_names: frozenset[str]  # actors whose names the headline holds
    spread: dict[str, int]  # how many sentences hold each noun and name
    similarity: tuple[float, ...]  # each sentence's TF-IDF cosine with the headline and lede (topic.py)
    genre: Genre  # how much the page reads as views (opinion.py)
    headless: bool  # the page has no headline of its own (headline_of)


def page_of(article: Article, parts: Sequence["Span"], vocab: "Vocabulary", views: bool, astray: Sequence[bool],
            mentions: list[Mention]) -> Page:
    """The page's side of the features, worked out once per article."""
    paragraphs: list[int] = []
    firsts: set[int] = set()
    paragraph, end = 0, 0
    text = article.text
    for i, segment in enumerate(parts):
        gap = text[end:segment.start_char] if 0 <= end <= segment.start_char <= len(text) else ""
        if i == 0 or "\n" in gap:
            paragraph += 1 if i else 0
            firsts.add(i)
        paragraphs.append(paragraph)
        end = segment.end_char
    written = headline_of(article)
    headline = frozenset(w for w in WORD.findall(written.lower()) if len(w) >= MIN_WORD)
    lede = vocab.lede_sentences
    lede_words = frozenset(w for s in parts[:lede] for w in content_words(s))
    spread: dict[str, int] = {}
    for segment in parts:
        for word in content_words(segment):
            spread[word] = spread.get(word, 0) + 1
    counts = Counter(m.name for m in mentions if m.kind in NAMED_KINDS)
    top = [name for name, n in counts.most_common(PROTAGONISTS) if n > 1]
    title = written.lower()
    named = frozenset(m.name for m in mentions if m.kind in NAMED_KINDS
                      and any(len(w) >= MIN_WORD and w in title for w in m.name.lower().split()))
    return Page(headline, lede_words, tuple(paragraphs), frozenset(firsts), len(parts), views, tuple(astray),
                frozenset(top), named, spread, tuple(similarities(written, parts, lede)),
                genre_of(parts, vocab), not written)


def headline_of(article: Article) -> str:
    """The article's own headline; empty when its title was only made from its opening words
    (a text with no headline line, as scraped pages often are: ``text_files.title_from_body``).
    Such a title repeats the lede, so it tells no more than the lede's features do: the
    candidates of a page without a headline are weighed by the lede alone, and the model knows
    the page had none."""
    title = (article.title or "").strip()
    return "" if not title or title == title_from_body(article.text) else title


def content_words(segment: "Span") -> set[str]:
    """The sentence's nouns and names worth comparing, lower case."""
    return {t.lower_ for t in segment if t.pos_ in ("NOUN", "PROPN") and len(t.text) >= MIN_WORD}
