"""The day after the one a file gives, when an article's own words show it was written for it.

A paper puts its story online the evening before the edition that prints it, and a scraped
pile files the story under the day it went online; but the story was written for the
paper's reader, whose "yesterday" is that day. Read from the file's day, every "yesterday"
of it lands a day early. Two kinds of evidence move the day an article's relative dates are
read from to the next one (``assemble`` keeps the file's day as ``Article.filed``):

- an edition marker that names the next day ("This article appeared on p7 of the Main
  section of the Guardian on Saturday 2 May 2009"), in the text or in the chrome cleaning
  set aside;
- the weekdays of its narration (quotes set aside): an article that says "yesterday" names
  only days before that one by their weekday, so "on Friday" told in the past tense in an
  article filed on a Saturday shows that its "yesterday" is the Saturday. It does not count
  when the article also names the file's own weekday in the past (neither day fits), or tells
  "today" in the past tense ("was today charged": written the day it went online, such a
  story names yesterday by its weekday), or when the sentence tells what is to come.

The words are data (``data/print_day.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from timeline.data import load_data
from timeline.sources.clean import Cleaned
from timeline.sources.clock import is_future
from timeline.sources.page_dates import first_full_date

QUOTES = re.compile(r'["\u201c\u201d]|``|\'\'')
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+")
WORD = re.compile(r"[A-Za-z']+")


@dataclass(frozen=True)
class NextDay:
    """The day the article was written for, and the words that show it."""

    day: date
    why: str


@dataclass(frozen=True)
class _Vocabulary:
    markers: tuple[re.Pattern[str], ...]
    reach: int
    day_before: re.Pattern[str]
    today: re.Pattern[str]
    phrases: tuple[re.Pattern[str], ...]  # one per weekday, Monday first
    bare: re.Pattern[str]  # a weekday after a word ("said Friday"), the word captured
    first_person: re.Pattern[str]
    future: re.Pattern[str]
    past_verbs: frozenset[str]
    not_past: frozenset[str]


def _words(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?i)(?<![\w'])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'])")


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    raw: dict[str, Any] = load_data("print_day.yaml")
    weekdays = tuple(str(d).lower() for d in raw["weekdays"])
    return _Vocabulary(
        markers=tuple(re.compile(p, re.IGNORECASE) for p in raw["edition_markers"]),
        reach=int(raw["marker_reach"]),
        day_before=_words(raw["day_before"]), today=_words(raw["today"]),
        phrases=tuple(re.compile("|".join(p.format(day=d) for p in raw["weekday_phrases"]), re.IGNORECASE)
                      for d in weekdays),
        bare=re.compile(r"([A-Za-z]+) (?:" + "|".join(weekdays) + r")\b", re.IGNORECASE),
        first_person=re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, raw["first_person"])) + r")(?![\w'])"),
        future=_words(raw["future_words"]),
        past_verbs=frozenset(w.lower() for w in raw["past_verbs"]),
        not_past=frozenset(w.lower() for w in raw["not_past"]),
    )


def written_for(cleaned: Cleaned, filed: date) -> NextDay | None:
    """The day after ``filed`` when the cleaned article's words show it was written for it (and
    that day is not still to come), else None."""
    later = next_day(cleaned.text, tuple(r.text for r in cleaned.removed), filed)
    return later if later is not None and not is_future(later.day) else None


def next_day(text: str, chrome: tuple[str, ...], filed: date) -> NextDay | None:
    """The day after ``filed`` when the article's words show it was written for it, else None.

    ``text`` is the cleaned body, ``chrome`` the stretches cleaning set aside (where an
    edition marker usually sits)."""
    vocab = _vocabulary()
    after = filed + timedelta(days=1)
    for stretch in (text, *chrome):
        marked = _marked_day(stretch, vocab)
        if marked is not None:
            day, words = marked
            if day == after:
                return NextDay(after, f"an edition marker names {after.isoformat()} ('{words}')")
            return None  # the marker names the file's day, or another: the file's day stands
    return _weekday_evidence(text, filed, vocab)


def _marked_day(text: str, vocab: _Vocabulary) -> tuple[date, str] | None:
    for pattern in vocab.markers:
        for found in pattern.finditer(text):
            day = first_full_date(text, found.end(), found.end() + vocab.reach)
            if day is not None:
                return day, " ".join(text[found.start():found.end() + vocab.reach].split())[:90]
    return None


def narration(text: str) -> str:
    """The text with what is between quotation marks set aside (the marks pair up in order)."""
    kept: list[str] = []
    inside = False
    last = 0
    for mark in QUOTES.finditer(text):
        if not inside:
            kept.append(text[last:mark.start()])
        inside = not inside
        last = mark.end()
    if not inside:
        kept.append(text[last:])
    return " ".join(kept)


def _weekday_evidence(text: str, filed: date, vocab: _Vocabulary) -> NextDay | None:
    told = narration(text)
    sentences = [s for s in SENTENCE_END.split(told) if s.strip()]
    said = next((m for s in sentences if not vocab.first_person.search(s)
                 and (m := vocab.day_before.search(s)) is not None), None)
    if said is None:
        return None
    past = [s for s in sentences if not vocab.future.search(s)]
    if any(vocab.today.search(s) and _has_past_verb(s, vocab) for s in past) \
            or any(_past(m[1], vocab) for m in vocab.bare.finditer(told)):
        return None  # written the day it went online, or agency copy: either names yesterday's weekday
    before = vocab.phrases[(filed - timedelta(days=1)).weekday()]
    own = vocab.phrases[filed.weekday()]
    if any(own.search(s) for s in past):
        return None
    found = next((m for s in past if (m := before.search(s)) is not None), None)
    if found is None:
        return None
    after = filed + timedelta(days=1)
    return NextDay(after, f"'{said[0]}' beside '{found[0]}' told in the past: the paper it was written "
                          f"for is of {after.strftime('%A')} {after.isoformat()}")


def _has_past_verb(sentence: str, vocab: _Vocabulary) -> bool:
    return any(_past(word, vocab) for word in WORD.findall(sentence))


def _past(word: str, vocab: _Vocabulary) -> bool:
    low = word.lower()
    return low in vocab.past_verbs or (len(low) >= 5 and low.endswith("ed") and low not in vocab.not_past)
