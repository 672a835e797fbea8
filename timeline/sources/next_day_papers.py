"""The next day's paper, shown by the other reports of the collection.

A paper's story goes online the evening before the edition that prints it, and a scraped pile
files it under the day it went online, yet calls that day "yesterday" (``print_day`` reads the
article's own words for it: a weekday beside "yesterday", an edition marker). Often the story
holds no such words ("The court yesterday cleared the leader's return"); the collection then
tells the day: the other reports of that day date the very happening the story tells as
yesterday on the day the file gives (a wire's "on Monday", a web story's "today"), or a report
names that day in full ("on August 23"), and no report dates it on the day before. A report of
a later day that tells it as yesterday does not count for the file's day: what it tells is
often a reaction of the next day that names the happening ("despite the weekend's
agreement"). Such an article was written for the next day's paper, and its relative dates
are read from that day, as ``print_day`` would have read them.

A happening is the same one when the sentences share enough of their content words, each
weighed by how seldom the collection's articles use it (log2 of the articles over those using
it: the story's protagonist and country, named everywhere, weigh nearly nothing), with the
thresholds as data (``data/next_day_papers.yaml``). What the article tells as yesterday must
find that support on the filed day from more of its happenings than on the day before. An
article that tells "today" in the past tense was written on the day it went online
(``print_day``), and one whose day was already moved (a dateline's day, ``print_day``) is left
as it is. Only the other articles' dates by a time expression count: a date taken from an
article's own publication day is what is in question.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from timeline.data import load_data
from timeline.records import Article, Happening
from timeline.sources.print_day import SENTENCE_END, NextDay, _has_past_verb, _vocabulary, narration

PUBLICATION = "publication-date"  # the rule of a happening dated by its own article's day
WORD = re.compile(r"[a-z0-9]+")


Reports = Mapping[str, list[tuple[str, frozenset[str]]]]  # day → (article, content words) of what is dated so


@dataclass(frozen=True)
class _Rules:
    yesterday: frozenset[str]
    min_shared: int  # content words two sentences share at least ...
    min_share: float  # ... and this share of the shorter one's ...
    min_weight: float  # ... and the shared words weigh this much (log2 of the articles over those using each)
    stop: frozenset[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    raw = load_data("next_day_papers.yaml")
    found = raw["corroboration"]
    return _Rules(frozenset(str(w).lower() for w in raw["day_before"]), int(found["min_shared"]),
                  float(found["min_share"]), float(found["min_weight"]),
                  frozenset(str(w).lower() for w in found["stop_words"]))


def content(sentence: str, rules: _Rules | None = None) -> frozenset[str]:
    """The sentence's content words: lower case, longer than three letters (or a figure), not a stop word."""
    rules = rules or _rules()
    return frozenset(w for w in WORD.findall(sentence.lower())
                     if (len(w) > 3 or w.isdigit()) and w not in rules.stop)


@dataclass(frozen=True)
class Weights:
    """How seldom the collection's articles use each content word."""

    articles: int
    using: Mapping[str, int]

    def of(self, word: str) -> float:
        return math.log2(max(self.articles, 1) / max(self.using.get(word, 0), 1))


def collection_weights(happenings: Mapping[str, Sequence[Happening]], rules: _Rules | None = None) -> Weights:
    """How many of the articles use each content word in the sentences of their happenings."""
    rules = rules or _rules()
    using: Counter[str] = Counter()
    for found in happenings.values():
        using.update(frozenset().union(*(content(h.sentence, rules) for h in found)))
    return Weights(len(happenings), using)


def same_happening(one: frozenset[str], other: frozenset[str], weights: Weights, rules: _Rules | None = None) -> bool:
    """Whether two sentences' content words tell one happening (see the module)."""
    rules = rules or _rules()
    shared = one & other
    return (len(shared) >= rules.min_shared and len(shared) >= rules.min_share * min(len(one), len(other))
            and sum(weights.of(w) for w in shared) >= rules.min_weight)


def next_day_papers(articles: Sequence[Article],
                    happenings: Mapping[str, Sequence[Happening]]) -> dict[str, NextDay]:
    """Per article id, the next day when the collection's other reports show the article was
    written for the next day's paper (see the module); ``happenings`` are each article's, by id."""
    rules = _rules()
    weights = collection_weights(happenings, rules)
    published = {a.id: a.published.isoformat() for a in articles if a.published is not None}
    told: dict[str, list[tuple[str, frozenset[str]]]] = {}  # dated so by an expression
    firm: dict[str, list[tuple[str, frozenset[str]]]] = {}  # ... by a report of that day, or a date in full
    for article_id, found in happenings.items():
        for h in found:
            if h.precision == "day" and h.evidence.rule != PUBLICATION and h.evidence.expression:
                day, words = h.date[:10], content(h.sentence, rules)
                told.setdefault(day, []).append((article_id, words))
                if published.get(article_id) == day or any(c.isdigit() for c in h.evidence.expression):
                    firm.setdefault(day, []).append((article_id, words))
    out: dict[str, NextDay] = {}
    for article in articles:
        if article.published is None or article.filed is not None or written_on_the_day(article.text):
            continue
        moved = _written_for_next_day(article, happenings.get(article.id, ()), firm, told, weights, rules)
        if moved is not None:
            out[article.id] = moved
    return out


def written_on_the_day(text: str) -> bool:
    """Whether the article's narration tells "today" in the past tense ("was today charged"), as
    ``print_day`` reads it: written on the day it went online, not for the next day's paper."""
    vocab = _vocabulary()
    return any(vocab.today.search(s) and not vocab.future.search(s) and _has_past_verb(s, vocab)
               for s in SENTENCE_END.split(narration(text)))


def _written_for_next_day(article: Article, found: Iterable[Happening], firm: Reports, told: Reports,
                          weights: Weights, rules: _Rules) -> NextDay | None:
    assert article.published is not None
    filed, eve = article.published.isoformat(), (article.published - timedelta(days=1)).isoformat()
    yesterday = [h for h in found if h.precision == "day" and h.date[:10] == eve
                 and (h.evidence.expression or "").lower() in rules.yesterday]
    on_filed = on_eve = 0
    example = ""
    for h in yesterday:
        words = content(h.sentence, rules)
        if _supported(article.id, words, firm.get(filed, ()), weights, rules):
            on_filed += 1
            example = example or h.title
        if _supported(article.id, words, told.get(eve, ()), weights, rules):
            on_eve += 1
    if on_filed == 0 or on_filed <= on_eve:
        return None
    after = article.published + timedelta(days=1)
    return NextDay(after, f"the other reports date what it tells as yesterday ('{example[:60]}') on "
                          f"{filed}, the day the file gives: the paper it was written for is of {_weekday(after)}")


def _supported(article_id: str, words: frozenset[str], others: Iterable[tuple[str, frozenset[str]]],
               weights: Weights, rules: _Rules) -> bool:
    return any(other != article_id and same_happening(words, theirs, weights, rules) for other, theirs in others)


def _weekday(day: date) -> str:
    return f"{day.strftime('%A')} {day.isoformat()}"
