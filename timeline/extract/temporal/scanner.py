"""Find candidate time expressions in a text: the patterns, then what the parse rules out.

Regular expressions over the raw text find every candidate quickly; the
longest match wins where candidates overlap. The spaCy parse is consulted only
for words that are time words in some sentences and not in others ("may",
"march", "2000 troops").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.extract.temporal.lexicon import MONTHS, TITLE_BEFORE_TODAY, TITLE_NOUNS_AFTER_TODAY, WEEKDAYS
from timeline.extract.temporal.openings import Openings
from timeline.extract.temporal.patterns import (
    CLOCK_BEFORE_DAY,
    CLOCK_HALF_DAY,
    END,
    PATTERNS,
    POSITION,
    RANGE_GAP,
    RANGE_OPEN,
    START,
    TIME_DAY_GAP,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Rules whose expressions name a day and can carry a clock time or be one end of a range.
DAY_RULES = frozenset({"absolute-date", "month-day", "weekday", "day-word", "narrative-day"})
RANGE_RULES = frozenset({"absolute-date", "month-day", "absolute-month", "month", "year", "weekday"})
# Entity labels under which a four-digit number is an amount, not a year.
AMOUNT_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"})


_POSITION = re.compile(POSITION)
_TIME_DAY_GAP = re.compile(TIME_DAY_GAP)
_RANGE_GAP = re.compile(RANGE_GAP)
_RANGE_OPEN = re.compile(RANGE_OPEN)
_SPACES = re.compile(r"\s+")
_A_SECOND = re.compile(r"(?i)an?\s+second")
_CLOCK_FIGURES = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
_BEFORE_ITS_DAY = re.compile(CLOCK_BEFORE_DAY)
_HALF_DAY = re.compile(CLOCK_HALF_DAY)


@dataclass
class Candidate:
    """A match of one rule, before the parse and the calendar have been consulted."""

    start: int
    end: int
    rule: str
    groups: dict[str, str | None]
    position: str | None = None  # "early", "the end of"... merged from the left
    day: Candidate | None = None  # the day a clock time belongs to
    range_to: Candidate | None = None  # the other end of a range
    text: str = ""
    notes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Table:
    """The patterns, and where in a text each of them can begin."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # rule, pattern without the leading START
    starts: re.Pattern[str]  # positions where START holds, and the word that stands there
    openings: Openings  # the patterns that can begin with that word


@lru_cache(maxsize=1)
def compiled() -> _Table:
    """Each pattern is compiled without START, which is tested once per
    position for all of them: a pattern starting with a lookbehind is tried
    by the regex engine at every character, sixty times over. Matching a
    pattern at the positions where START holds and one of its openings
    stands finds exactly what searching with START in front finds."""
    patterns = tuple((rule, re.compile(f"(?:{pattern}){END}")) for rule, pattern, _ in PATTERNS)
    openings = Openings([opens for _, _, opens in PATTERNS])
    return _Table(patterns, re.compile(START + openings.word()), openings)


def pattern_matches(text: str) -> list[tuple[int, int, int, Candidate]]:
    """``(start, end, priority, candidate)`` of every match of every pattern,
    as ``finditer`` with START in front of each pattern finds them."""
    table = compiled()
    patterns = table.patterns
    found: list[tuple[int, int, int, Candidate]] = []
    # Each pattern, like finditer, takes the first position at or after the
    # end of its previous match; positions come in text order.
    resume = [0] * len(patterns)
    candidates = table.openings.candidates
    for found_at in table.starts.finditer(text):
        at = found_at.start()
        for priority in candidates(found_at):
            if at < resume[priority]:
                continue
            rule, pattern = patterns[priority]
            m = pattern.match(text, at)
            if m is None:
                continue
            resume[priority] = m.end()
            groups = m.groupdict()
            start, end = m.span("core") if groups.get("core") else m.span()
            if end > start:
                found.append((start, end, priority, Candidate(start, end, rule, groups)))
    return found


def _matches(text: str, doc: Doc) -> list[Candidate]:
    found = pattern_matches(text)
    # Longest first, then the earlier rule of the table; greedy choice of non-overlapping spans.
    found.sort(key=lambda item: (-(item[1] - item[0]), item[2], item[0]))
    taken: list[Candidate] = []
    used = bytearray(len(text) + 1)
    for start, end, _, cand in found:
        # The parse is asked only about a span still free, so that a reading it
        # rules out ("a months-long") leaves room for a shorter one ("months-long").
        if not any(used[start:end]) and _plausible(cand, doc, text):
            used[start:end] = b"\x01" * (end - start)
            taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return taken


def _token_at(doc: Doc, start: int, end: int) -> list:  # type: ignore[type-arg]
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _plausible(cand: Candidate, doc: Doc, text: str) -> bool:
    """Whether the parse agrees that this match is a time expression."""
    groups = cand.groups
    tokens = _token_at(doc, cand.start, cand.end)
    if not tokens:
        return True
    if cand.rule in ("month", "relative-month"):
        word = tokens[-1]
        if word.tag_ == "MD" or word.pos_ in ("VERB", "AUX"):
            return False  # "May" as a modal, "March" as a verb
        nxt = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if (cand.rule == "month" and nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()
                and nxt.lower_.rstrip(".") not in MONTHS and nxt.lower_ not in WEEKDAYS):
            return False  # a given name: "April Jones"
    if cand.rule == "year" and not groups.get("fiscal"):
        if any(t.ent_type_ in AMOUNT_LABELS for t in tokens):
            return False
        if tokens[-1].dep_ == "nummod" and tokens[-1].head.tag_ == "NNS":
            return False  # counts things: "2000 troops"
        prev = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
        if prev is not None and (prev.tag_ == "$" or prev.text in ("#", "No.", "no.", "Flight", "flight")):
            return False
        if _CLOCK_FIGURES.fullmatch(text[cand.start:cand.end]) and (
                _object_of_at(tokens, doc) or _BEFORE_ITS_DAY.match(text, cand.end) or _HALF_DAY.match(text, cand.end)):
            return False  # a clock time: "struck at 1653", "was 1040 on 25 June", "at 1209 a.m."
    if cand.rule == "clock-time" and groups.get("minute") and not (
            groups.get("zone") or groups.get("ampm") or groups.get("local") or groups.get("other")
            or ":" in text[cand.start:cand.end] or "." in text[cand.start:cand.end]):
        # "at 1653", not "at 2008 levels"; "1040 on 25 June"
        return _object_of_at(tokens, doc) or bool(_BEFORE_ITS_DAY.match(text, cand.end))
    if cand.rule == "day-word" and (groups.get("dayword") or "") == "Today" and _names_a_title(tokens, doc):
        return False
    if cand.rule == "season" and (groups.get("season") or "").lower() == "fall":
        if not (groups.get("rel") or groups.get("year")) or tokens[-1].pos_ == "VERB":
            return False
    if cand.rule == "weekday-set" and not (groups.get("every") or groups.get("plural")):
        return False
    if cand.rule == "duration" and (groups.get("num") or "").lower() in ("a", "an"):
        if (groups.get("unit") or "").lower().endswith("s"):
            return False  # "a months-long chill": the article belongs to the noun
        if (groups.get("unit") or "").lower() == "second":
            return False  # "a second time"
    if cand.rule == "frequency" and _A_SECOND.fullmatch(text[cand.start:cand.end]):
        return False  # "a second consecutive day" counts, it is no rate
    if cand.rule == "reference-word" and (groups.get("ref") or "").lower() == "current":
        return tokens[0].dep_ != "compound"
    return True


def _names_a_title(tokens: list, doc: Doc) -> bool:  # type: ignore[type-arg]
    """Whether a capitalised "Today" is the name of a programme or a paper: "the Today
    programme", "USA Today", "told Today", or capitalised inside a sentence that is not
    written in title case."""
    word = next((t for t in tokens if t.text == "Today"), None)
    if word is None:
        return False
    prev = doc[word.i - 1] if word.i > 0 else None
    nxt = doc[word.i + 1] if word.i + 1 < len(doc) else None
    if (prev is not None and prev.lower_ in TITLE_BEFORE_TODAY) or (
            nxt is not None and nxt.lower_ in TITLE_NOUNS_AFTER_TODAY):
        return True
    if word.is_sent_start or prev is None or not prev.is_alpha:
        return False  # a sentence, a quote or a clause after a colon begins with it
    long_words = [t for t in word.sent if t.is_alpha and len(t) > 3]
    return sum(t.text[:1].isupper() for t in long_words) * 2 < len(long_words)


def _object_of_at(tokens: list, doc: Doc) -> bool:  # type: ignore[type-arg]
    """Whether the number is what "at" governs: "struck at 1653", not "at 2008 levels"."""
    prev = doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    return prev is not None and prev.lower_ == "at" and tokens[-1].dep_ == "pobj"


def _merge_positions(cands: list[Candidate], text: str) -> None:
    position = _POSITION
    for cand in cands:
        if cand.rule in ("duration", "vague-duration", "frequency", "clock-time", "reference-word", "ago"):
            continue
        window = text[max(0, cand.start - 24):cand.start]
        m = position.search(window)
        if m and cand.groups.get("pre") is None:
            cand.position = _SPACES.sub(" ", m.group("pos").lower()).rstrip("-") or None
            cand.start -= len(window) - m.start()


def _attach(cands: list[Candidate], text: str) -> list[Candidate]:
    """Join clock times to their day and the two ends of ranges into one expression."""
    gap, range_gap, range_open = _TIME_DAY_GAP, _RANGE_GAP, _RANGE_OPEN
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        cand = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None:
            between = text[cand.end:nxt.start]
            if cand.rule == "clock-time" and nxt.rule in DAY_RULES and gap.fullmatch(between):
                cand.day, cand.end = nxt, nxt.end
                out.append(cand)
                i += 2
                continue
            if cand.rule in DAY_RULES and nxt.rule == "clock-time" and gap.fullmatch(between):
                nxt.day, nxt.start = cand, cand.start
                out.append(nxt)
                i += 2
                continue
            opened = range_open.search(text[max(0, cand.start - 10):cand.start])
            if (cand.rule in RANGE_RULES and nxt.rule in RANGE_RULES and range_gap.fullmatch(between)
                    and (opened or "-" in between or "–" in between) and cand.position is None):
                # Both ends stay expressions of their own; the near end knows the far one.
                cand.range_to = nxt
                out.append(cand)
                i += 1
                continue
        out.append(cand)
        i += 1
    return out


def scan(doc: Doc, text: str | None = None) -> list[Candidate]:
    """Every candidate time expression of ``doc``, in text order, with its extent settled.

    ``text`` is ``doc.text`` when the caller has it already (spaCy builds it anew on each read)."""
    text = doc.text if text is None else text
    if not text.strip():
        return []
    cands = _matches(text, doc)
    _merge_positions(cands, text)
    cands = _attach(cands, text)
    for cand in cands:
        cand.text = text[cand.start:cand.end]
    return cands
