"""Records passed between the stages of a build.

Every record is a frozen dataclass without I/O, so that a stage is a plain
function from records to records and extraction results can be cached,
pickled to worker processes and compared for equality.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property


def stable_hash(*parts: object, length: int = 10) -> str:
    """Short hash of canonical JSON: the basis of every id in the project."""
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Article:
    """One news article as read from ``content/``, cleaned and with metadata."""

    id: str  # stable slug, unique within the content folder
    path: str  # path relative to the content folder, POSIX separators
    title: str
    text: str  # cleaned body text (headline excluded)
    published: date | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    language: str = "en"
    tags: tuple[str, ...] = ()
    body_line: int = 1  # line of the file where ``text`` starts, for messages
    # (offset in ``text``, offset in the file) pairs at the start of each kept
    # stretch of text, so that a quote can be traced back to the file.
    offsets: tuple[tuple[int, int], ...] = ()
    section: str | None = None  # site section a scraped headline named ("... | Vladimir Putin news")
    encoding: str = "utf-8"  # how the file's bytes were read (a Python codec name: utf-8, utf-16, cp1252…)
    # The publication day the file's metadata gives, when its dateline names another day close
    # to it ("NEW YORK, Sept 14 (Reuters)" in an article filed on the 15th): ``published`` is
    # then the dateline's, the day the story was written, from which its relative dates are read;
    # or when its words show it was written for the next day's paper (sources/print_day.py):
    # ``published`` is then that next day.
    filed: date | None = None

    @property
    def written(self) -> date | None:
        """The day a story written for the next day's paper was written (``filed``, before
        ``published``), else None."""
        if self.filed is not None and self.published is not None and self.filed < self.published:
            return self.filed
        return None

    @cached_property
    def fingerprint(self) -> str:
        """Hash of everything extraction reads from the article (worked out once: the
        caches of extraction, resolution and merging all key on it)."""
        return stable_hash(self.title, self.text, str(self.published), self.language, length=16)


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a text, normalised in TIMEX3 form."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None  # TIMEX3 value at its true precision; None when unresolved
    mod: str | None = None  # EARLY, LATE, APPROX, BEFORE, AFTER, START, END, MID...
    rule: str = ""  # which rule produced the value (shown as "why this date")
    range_end: str | None = None  # the other end, for "from 24 to 26 February"


@dataclass(frozen=True)
class ActorRef:
    """A canonical actor as it takes part in an event."""

    name: str
    kind: str  # person, organisation, country, place, group


@dataclass(frozen=True)
class Role:
    title: str
    seen: str  # ISO date the title was seen in an article


@dataclass(frozen=True)
class Mention:
    """An actor mentioned in an article, with its canonical name."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    role: str | None = None
    seen: str | None = None  # ISO date of the article, for the role's date
    country: str | None = None  # the country the actor belongs to, when known


@dataclass(frozen=True)
class DateEvidence:
    """Why an event has its date: the expression and rule, or the publication date."""

    rule: str  # e.g. "weekday-past", "publication-date"
    expression: str | None = None  # the time expression's text, None if dated by publication
    value: str | None = None  # the expression's TIMEX3 value
    mod: str | None = None  # TIMEX3 mod of the expression: EARLY, LATE, APPROX...


@dataclass(frozen=True)
class Happening:
    """One event as found in one article (the output of extraction)."""

    article_id: str
    sentence_index: int
    sentence: str  # the quoted sentence, from the cleaned text
    predicate: str  # lemma of the governing verb
    date: str  # ISO at its precision: 2022-02-12, 2022-02, 2022, 2022-W06
    precision: str  # day, week, month, quarter, season, year, decade, century
    status: str  # occurred or scheduled
    evidence: DateEvidence
    title: str
    summary: str
    type: str = "other"
    type_rule: str = ""
    actors: tuple[ActorRef, ...] = ()
    place: str | None = None
    numbers: tuple[str, ...] = ()  # figures the sentence reports, to spot disagreement
    # descriptions the title leaves where its article names no one for them ("the singer"):
    # (the words as the title writes them, the noun or "age:50", the words qualifying the noun)
    described: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything extraction learned from one article: a pure function's result."""

    article: Article
    happenings: tuple[Happening, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()  # extraction failed; such a result is never cached
    # who the article says a description is ("singer Ann Dube"): (the noun or "age:50", the
    # words qualifying it there, the name)
    ties: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Taught:
    """What one article teaches the collection of who its descriptions are, under the
    registry's names: (the noun, its qualifying words, the name, the actor's kind), and the
    names it mentions."""

    ties: tuple[tuple[str, str, str, str], ...] = ()
    names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Source:
    """One article's account of an event, as kept in the store."""

    article: str  # article id
    title: str
    published: str | None = None  # ISO date
    url: str | None = None
    outlet: str | None = None
    quote: str = ""
    reported_date: str | None = None  # the date this source gives the event


@dataclass(frozen=True)
class Actor:
    """An entry of the actor registry (``content/actors.yaml``)."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    country: str | None = None
    wikidata: str | None = None
    description: str | None = None
    auto: bool = True  # found automatically, not yet reviewed by a maintainer
    hidden: bool = False


@dataclass(frozen=True)
class Event:
    """An event of the store: merged across articles, curated by maintainers."""

    id: str
    date: str
    precision: str
    status: str
    title: str
    summary: str
    type: str = "other"
    actors: tuple[ActorRef, ...] = ()
    sources: tuple[Source, ...] = ()
    evidence: DateEvidence | None = None
    importance: float = 0.0
    aliases: tuple[str, ...] = ()  # ids this event had before merges
    curated: tuple[str, ...] = ()  # fields a maintainer edited; they win over extraction
    hidden: bool = False
    locked: bool = False
    disputes: tuple[str, ...] = ()  # where sources disagree, in words
    place: str | None = None
    type_rule: str = ""
    predicate: str = ""


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input, reported with its file and line."""

    path: str
    message: str
    line: int | None = None
    severity: str = "error"  # error or warning

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class BuildSummary:
    articles_read: int = 0
    articles_skipped: int = 0
    events_new: int = 0
    events_changed: int = 0
    events_merged: int = 0
    events_removed: int = 0
    events_total: int = 0
    pages_written: int = 0
    problems: tuple[Problem, ...] = ()
    stage_seconds: tuple[tuple[str, float], ...] = field(default=())
    articles_parsed: int = 0  # the rest came from the extraction cache
    articles_cached: int = 0
    notes: tuple[str, ...] = ()  # what merging removed or folded together, in words
    events_curated: int = 0  # events with a hand edit the build noticed (kept from now on)
    pages_unchanged: int = 0  # HTML pages the same as the live site's (not written)

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)
