"""Chronologies inside an article: each entry is a happening dated by its own date.

News pages often carry a chronology: a "Timeline:" box or a list of key dates, each
line opening with a full date and telling, in the present, what happened that day
("19 June 2011 Police arrest eleven pickets outside the gates."), or a date on a line of
its own with the entry below it. The date opens the line, so the parser hangs it on the
subject or cuts it off, and the present tense reads as a standing state: read as a
sentence of the story, the entry reports nothing. Here it is the entry's day that
dates the clause after it.

An entry is a line that opens with a day-precision date followed by a clause, or a
line holding only such a date followed by the clause on the next line. It is a
chronology only as a run (``min_entries`` of ``chronology.yaml``): a lone line that
opens with a date is a sentence of the story and is read as before.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from timeline.data import load_data
from timeline.extract.events.candidate import Anchor
from timeline.extract.events.clauses import clause_root
from timeline.extract.events.dating import date_anchor
from timeline.extract.events.kinds import classify
from timeline.extract.events.main_clause import main_anchor
from timeline.extract.temporal.values import precision_of
from timeline.records import Timex

if TYPE_CHECKING:
    from datetime import date

    from timeline.extract.events.tokens import Span
    from timeline.extract.events.vocabulary import Vocabulary

# The rule an entry's date is told by ("Why this date", and day evidence in merge/days.py).
RULE = "chronology-entry"


@lru_cache(maxsize=1)
def _settings() -> tuple[int, frozenset[str], int]:
    data = load_data("chronology.yaml")
    return int(data["min_entries"]), frozenset(str(s) for s in data["separators"]), int(data["max_tokens"])


def chronology_entries(parts: Sequence["Span"], timexes: list[Timex]) -> dict[int, tuple[Timex, int]]:
    """Per segment index, the date of the chronology entry it tells and the token where
    its clause starts; empty when the article holds no run of entries."""
    min_entries, separators, max_tokens = _settings()
    found: dict[int, tuple[Timex, int]] = {}
    index = 0
    while index < len(parts):
        segment = parts[index]
        timex = _opening_date(segment, timexes) if _opens_line(segment) else None
        index += 1
        if timex is None:
            continue
        # the parser may cut a date in two ("9" | "May 2011"): its entry starts after its last segment
        while timex.end > segment.end_char and index < len(parts):
            segment = parts[index]
            index += 1
        after = next((t.i for t in segment if t.idx >= timex.end), segment.end)
        while after < segment.end and segment.doc[after].text in separators:
            after += 1
        if after < segment.end:
            clause = segment.doc[after:segment.end]
            if _an_entry(clause, max_tokens):
                found[index - 1] = (timex, after)
        elif index < len(parts) and _opening_date(parts[index], timexes) is None and \
                _an_entry(parts[index], max_tokens):
            # a date heading (or a date the parser cut off): its entry is the next segment
            found[index] = (timex, parts[index].start)
    return found if len(found) >= min_entries else {}


def entry_anchors(segment: "Span", start: int, timex: Timex, dct: "date | None",
                  vocab: "Vocabulary") -> list[Anchor]:
    """The happening a chronology entry tells: its clause's main predicate, dated by
    the entry's date."""
    clause = segment.doc[start:segment.end]
    root = clause_root(clause)
    if root is None:
        return []
    anchor = main_anchor(root, vocab)
    if anchor is None:
        return []
    anchor.keep_out = {t.i for t in segment if t.i < start}
    anchor.timexes = [(timex, RULE, anchor.verb)]
    if not date_anchor(anchor, root, dct, vocab):
        return []
    anchor.evidence = replace(anchor.evidence, rule=RULE)
    classify(anchor, vocab)
    return [anchor]


def _opens_line(segment: "Span") -> bool:
    """Whether ``segment`` starts a line of the text (or the text itself)."""
    text = segment.doc.text
    at = segment.start_char - 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    return at < 0 or text[at] in "\n\r"


def _opening_date(segment: "Span", timexes: list[Timex]) -> Timex | None:
    """The calendar date the segment opens with (it may run on past the segment). A date
    in figures or words with its day of the month ("19 June 2011", "March 29", "5/3/2010"):
    a clock time ("12.45pm", a live blog's stamp) or a bare weekday opens no entry."""
    for timex in timexes:
        if timex.start == segment.start_char and timex.type == "DATE" and not timex.mod and \
                any(c.isdigit() for c in timex.text) and precision_of(timex.value or "") == "day":
            return timex
    return None


def _an_entry(clause: "Span", max_tokens: int) -> bool:
    """A clause an entry tells: it opens with a capital (a sentence's start, not the rest
    of one: "March 3, 2011 was a day ..."), is short and has a predicate."""
    words = [t for t in clause if not t.is_space]
    if not words or len(words) > max_tokens or not words[0].text[:1].isupper():
        return False
    return clause_root(clause) is not None
