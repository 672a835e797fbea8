"""Key events: the timeline a desk would publish from the ranked store.

Taking the N most important events as they come gives a list where one happening
told in several ways holds several places and the busiest month holds most of
them. The selection goes down the ranking instead and skips

- events that are not news of a known time: scheduled, dated coarser than a month,
  hidden, or scored 0 (page furniture, off the collection's subject);
- a line only one article tells, of a day that at least ``WEAK_DAY`` articles tell: the day
  is told by what its reports agree on instead, its best event two articles or more tell that
  is itself worth a key place (scored at least ``KEY_SHARE`` of the best event, as below), in
  the line's place; when they agree on nothing worth one, the day falls out of the key events
  rather than be held by a line of colour (a charity cyclist in an earthquake's third week) or
  by a tally its day's scoring left at nothing;
- an event whose title tells no happening (``happening_titles.tells_happening``: "A court has
  heard", "X rose to the occasion", "X had hoped to raise £500"), or tells an earlier one again
  (``happening_titles.told_again``: "The January earthquake destroyed orphanages", dated the
  31st), or is garbled from a sentence that is no clause (``garbled_titles.garbled``: "Associated
  News, Lisbon Sailors seize", a passer-by's remark), or says less than its words need
  (``cut_titles.incomplete``: "X proposed legislation to advance", a person described by a role
  and named nowhere), or holds a web address (a site's own offer): its lead report was the
  best its reports offered, so the day is told by the best of its other events two articles or
  more tell whose title tells a happening and has no flaw (``leads.flaws``: "X swept into
  power", on the day a described party leader voted), in its place; when it has none, the next
  event of the ranking takes the place;
- a second event of a day already chosen: the timelines news desks publish give a
  day one entry, and the events of one day that rank high are most often facets
  of one happening (the vote, the count, the claim of victory);
- a repeat of an event already chosen: dated within a day of it (a week or a month
  holding its day counts as within) and telling it in alike words (rapidfuzz
  ``token_sort_ratio`` of the titles), or by the same governing verb with the same
  first actor, or with an actor in common and ``NEAR_WORDS`` of the content words of
  its first sources' sentences in common (``NEAR_WORDS_ALONE`` with none in common: "Dr
  Murray's home is raided" and "police searched the home of Michael Jackson's doctor"),
  or by the same governing verb of a happening (not a saying) and a content word in
  common ("has gone on trial", "goes on trial" that week); or, at any date, in nearly the same
  words, or by the same governing verb with an actor in common and an evidence
  sentence that shares at least ``SAME_WORDS`` of its content words with the chosen
  one's (beside the actors' names; ``SAME_WORDS_ALONE`` with no actor in common, or
  every word of a sentence of at least ``FEWEST_WORDS_WHOLE``: "Dr Murray has pleaded not
  guilty to involuntary manslaughter" and "the doctor present at Jackson's deathbed has
  pleaded not guilty to a charge of involuntary manslaughter"): a
  background line each later article retells
  ("the doctor has pleaded not guilty to a charge of manslaughter"), dated by its own day;
  or what happens to a person once (``happens_once`` in ``data/importance.yaml``: a
  death) told again of the same person, in whatever words;
- a retelling: an event that one of the ``EARLIER`` × N best, worth a key place itself (see
  ``KEY_SHARE``) and dated wholly before it, told first (``_restated``: the same governing verb
  and most of the other words of its evidence sentence, a plea told again in the present perfect
  on the day the trial was delayed; or a death told again): the earlier telling holds the
  happening's place, when it is worth one;
- an event scored below ``KEY_SHARE`` of the best one: a short story has fewer days worth an
  entry than N, and the list ends rather than fill with the leftovers of thin days;
- an event of a month that already holds its share: at most
  ``max(MONTH_FLOOR, ceil(MONTH_SPREAD × N / months))`` per month, where months is
  how many months hold the ``STORY_EVENTS`` × N best-ranked events, so that the list
  follows the story's course.

When the skipped months leave the list short, the best of their events fill it.
``per_month`` gives the best few events of each month by the same rules (but the month's share),
each month's in order of date: one a day, none repeating one another month shows.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from rapidfuzz import fuzz

from timeline.data import load_data
from timeline.extract.temporal.values import bounds
from timeline.merge.cut_titles import described, incomplete
from timeline.merge.garbled_titles import garbled
from timeline.merge.happening_titles import tells_happening, told_again
from timeline.merge.leads import addressed, flaws
from timeline.records import Event

ALIKE_TITLES = 60  # token_sort_ratio from which two titles a day apart tell one happening
SAME_TITLES = 85  # ... and from which two titles tell one, however far apart (a background line retold)
MONTH_SPREAD = 2.0  # a month may hold this many times its even share of the key events
MONTH_FLOOR = 2  # ... and at least this many
STORY_EVENTS = 3  # the months of the best N × this many events are the months the shares divide
FINE = ("time", "day", "week", "month")
SAME_WORDS = 0.5  # share of the shorter sentence's content words two retellings of one happening have in common
SAME_WORDS_ALONE = 0.6  # ... when no actor is shared ("the doctor" in one, "Dr Murray" in the other) ...
FEWEST_WORDS_ALONE = 5  # ... and both sentences have at least this many content words ...
FEWEST_WORDS_WHOLE = 3  # ... or every content word of one, of at least this many, is the other's
NEAR_WORDS = 0.3  # share of content words in common that makes events NEAR_DAYS apart, with an actor in common, one
NEAR_DAYS = 2  # ... a verdict on Monday is still told as news on Wednesday
NEAR_WORDS_MINOR = 0.2  # ... with an actor in common who is not one of the story's LEADING actors
LEADING = 3  # the actors of most events: the story's protagonists, in common to most of what happens
NEAR_WORDS_ALONE = 0.5  # ... and without one
NEAR_SOURCES = 3  # the sentences of this many of an event's first sources give its content words
RETOLD_WORDS = 0.6  # share of content words of their first sources' sentences that makes a retelling, at any date
# Set by hand, not learned: it changes which event holds a key day's place, never which days rank
# first (the days' order is their events' summed importance), so Date-F1 cannot measure it; a
# happening that six reports of its day agree is the news is told by two of them or more.
WEAK_DAY = 6  # articles telling a day, from which a line only one of them tells is no key event
# A short story has fewer days worth a desk's entry than N: past the days that matter, the list
# would fill with the leftovers of thin days (a deleted photo, a misdated line the week before).
KEY_SHARE = 0.1  # the share of the best event's importance an event's day must reach to hold a key place
EARLIER = 10  # the best N × this many events are read for an earlier telling of a key event's happening
PARTIES = frozenset({"person", "organisation"})  # the actors a retelling names as the first telling did
SAYING = "statement"  # the event type of what someone said: one word in common does not make two sayings one
_WORD = re.compile(r"[^\W\d_]{3,}")


def eligible(e: Event) -> bool:
    return e.importance > 0 and not e.hidden and e.status == "occurred" and e.precision in FINE


def ranked(events: Iterable[Event]) -> list[Event]:
    """Eligible events, most important first; ties by date, then id, so the order is stable."""
    return sorted((e for e in events if eligible(e)), key=lambda e: (-e.importance, e.date, e.id))


@lru_cache(maxsize=1 << 14)
def month_of(date: str) -> str:
    """The month (``YYYY-MM``) an event's date starts in: a week or a day falls in one."""
    span = bounds(date)
    return f"{span[0].year:04d}-{span[0].month:02d}" if span else date[:7]


@lru_cache(maxsize=1 << 14)
def _span(date: str) -> tuple[int, int] | None:
    """The first and last day (ordinals) of an event's date: one day, or a week's or a month's."""
    span = bounds(date)
    return (span[0].toordinal(), span[1].toordinal()) if span else None


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


def _stem(word: str) -> str:
    """A word without its plural or its verb ending: "pleaded", "pleading" and "pleads" are one."""
    for ending in ("ing", "ed"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[:-len(ending)]
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=1 << 14)
def content_words(sentence: str, names: tuple[str, ...]) -> frozenset[str]:
    """The words of an evidence sentence that say what happened: lower-cased, plurals folded,
    without stop words and the words of the actors' ``names``."""
    stop = _stop_words() | {w for n in names for w in _WORD.findall(n.lower())}
    return frozenset(_stem(w) for w in _WORD.findall(sentence.lower()) if w not in stop)


def _evidence(e: Event) -> frozenset[str]:
    sentence = e.sources[0].quote if e.sources and e.sources[0].quote else e.summary or e.title
    return content_words(sentence, tuple(a.name for a in e.actors))


def _told(e: Event) -> frozenset[str]:
    """The content words of the sentences of its first ``NEAR_SOURCES`` sources (else its title)."""
    sentences = " ".join(s.quote for s in e.sources[:NEAR_SOURCES] if s.quote) or e.summary or e.title
    return content_words(sentences, tuple(a.name for a in e.actors))


def _share(wa: frozenset[str], wb: frozenset[str]) -> float:
    """How many of the shorter one's words the two have in common, as a share of them."""
    fewest = min(len(wa), len(wb))
    return len(wa & wb) / fewest if fewest else 0.0


@lru_cache(maxsize=1)
def happens_once() -> frozenset[str]:
    found = (load_data("importance.yaml") or {}).get("happens_once")
    return frozenset(str(p) for p in found) if isinstance(found, list) else frozenset()


def retells(a: Event, b: Event) -> bool:
    """Whether ``b`` retells ``a``'s happening at whatever date: the same governing verb, and
    evidence sentences sharing ``SAME_WORDS`` of their content words with an actor in common
    (``SAME_WORDS_ALONE`` without one: the actors of a retelling are not always resolved alike);
    or what happens to a person once, to the same person, told by another verb in the words of
    its sources ("suffered a cardiac arrest at his Los Angeles home in June" of a death at his
    Los Angeles home in June); or, by whatever verb, a sentence of
    at least ``FEWEST_WORDS_WHOLE`` content words that says nothing the other's sources do not
    ("Dr Murray has pleaded not guilty to involuntary manslaughter", told again on the day his
    trial began, and "Murray was bailed after pleading not guilty to involuntary manslaughter")."""
    if _contained(a, b) or _contained(b, a) or _once_retold(a, b) or _once_retold(b, a):
        return True
    if not a.predicate or a.predicate != b.predicate:
        return False
    shared = bool({x.name for x in a.actors} & {x.name for x in b.actors})
    if shared and a.predicate in happens_once() and a.actors[0] == b.actors[0] and a.actors[0].kind == "person":
        return True
    wa, wb = _evidence(a), _evidence(b)
    fewest = min(len(wa), len(wb))
    if shared:
        return (fewest > 0 and len(wa & wb) >= SAME_WORDS * fewest) or _share(_told(a), _told(b)) >= RETOLD_WORDS
    if fewest >= FEWEST_WORDS_WHOLE and len(wa & wb) == fewest:
        return True
    return fewest >= FEWEST_WORDS_ALONE and len(wa & wb) >= SAME_WORDS_ALONE * fewest


def _once_retold(once: Event, b: Event) -> bool:
    """Whether ``b`` tells again, by another verb, what happened once to ``once``'s first actor,
    a person: ``SAME_WORDS`` of its evidence sentence's content words are in ``once``'s sources."""
    if once.predicate not in happens_once() or not once.actors or not b.actors:
        return False
    if once.actors[0] != b.actors[0] or once.actors[0].kind != "person":
        return False
    words = _evidence(b)
    return bool(words) and len(words & _told(once)) >= SAME_WORDS * len(words)


def _contained(a: Event, b: Event) -> bool:
    """Whether every content word of ``a``'s evidence sentence, of at least ``FEWEST_WORDS_WHOLE``,
    is in the sentences of ``b``'s first sources."""
    words = _evidence(a)
    return len(words) >= FEWEST_WORDS_WHOLE and words <= _told(b)


def leading(events: Iterable[Event]) -> frozenset[str]:
    """The ``LEADING`` actors that take part in most events (ties by name)."""
    counts: dict[str, int] = {}
    for e in events:
        for name in {x.name for x in e.actors}:
            counts[name] = counts.get(name, 0) + 1
    return frozenset(sorted(counts, key=lambda n: (-counts[n], n))[:LEADING])


def repeats(a: Event, b: Event, lead: frozenset[str] = frozenset()) -> bool:
    """Whether ``b`` tells the happening ``a`` tells (as far as a reader can see); ``lead``
    holds the story's leading actors (``leading``), whom most events have in common."""
    alike = fuzz.token_sort_ratio(a.title.lower(), b.title.lower(), processor=None)
    first_a = a.actors[0].name if a.actors else None
    first_b = b.actors[0].name if b.actors else None
    same_doing = bool(a.predicate) and a.predicate == b.predicate and first_a is not None and first_a == first_b
    if alike >= SAME_TITLES or retells(a, b):
        return True  # "X has pleaded not guilty", dated by each later article that retells it
    sa, sb = _span(a.date), _span(b.date)
    if sa is None or sb is None:
        if a.date != b.date:
            return False
    elif sa[0] - NEAR_DAYS > sb[1] or sb[0] - NEAR_DAYS > sa[1]:
        return False
    share = _share(_told(a), _told(b))
    common = {x.name for x in a.actors} & {x.name for x in b.actors}
    if common and share >= (NEAR_WORDS_MINOR if common - lead else NEAR_WORDS):
        return True  # "Conrad Murray found guilty", "... has been convicted of involuntary manslaughter"
    if sa is not None and sb is not None and (sa[0] - 1 > sb[1] or sb[0] - 1 > sa[1]):
        return False  # the rest holds for a day apart
    if alike >= ALIKE_TITLES or same_doing or share >= NEAR_WORDS_ALONE:
        return True
    if first_a is not None and first_a == first_b and first_a not in lead and a.actors[0].kind == "person":
        return True  # a witness who testified, told the next day by what she said
    return bool(a.predicate) and a.predicate == b.predicate and a.type != SAYING and share > 0


def reporters(events: Iterable[Event]) -> dict[str, int]:
    """Per day, how many articles tell something dated to it."""
    found: dict[str, set[str]] = {}
    for e in events:
        if e.precision in ("time", "day"):
            found.setdefault(e.date[:10], set()).update(s.article for s in e.sources)
    return {day: len(articles) for day, articles in found.items()}


def alone(e: Event, told: dict[str, int]) -> bool:
    """Whether only one article tells ``e``, on a day at least ``WEAK_DAY`` articles tell."""
    return len({s.article for s in e.sources}) == 1 and told.get(e.date[:10], 0) >= WEAK_DAY


def _told_happening(e: Event) -> bool:
    """Whether the event's title tells a happening of its day; a maintainer's title always does."""
    if "title" in e.curated:
        return True
    names = [a.name for a in e.actors]
    sentence = e.summary or (e.sources[0].quote if e.sources else "")
    return tells_happening(e.title, e.predicate, names) and not told_again(e.title, e.date) and \
        garbled(e.title, sentence, e.predicate, names) is None and \
        incomplete(e.title, sentence, e.predicate) is None and not described(e.title, names) and \
        not addressed(e.title)


def _restates_earlier(e: Event, order: Sequence[Event]) -> bool:
    """Whether one of ``order`` dated wholly before ``e`` told its happening first: then ``e`` is a
    later article's retelling, dated by its own day."""
    span = _span(e.date)
    if span is None:
        return False
    for other in order:
        before = _span(other.date)
        if before is not None and before[1] < span[0] and _restated(other, e):
            return True
    return False


def _restated(a: Event, b: Event) -> bool:
    """Whether ``b`` tells ``a``'s happening again: what happens to a person once, told of the same
    person (``_once_retold``), or the same governing verb and ``SAME_WORDS`` of their evidence
    sentences' other content words, of at least ``FEWEST_WORDS_WHOLE`` with a person or body in
    common, ``FEWEST_WORDS_ALONE`` with none ("the doctor ... has pleaded not guilty" and "Dr
    Murray has pleaded not guilty"); not a sentence whose words the other's sources merely hold,
    nor one that shares the verb and the story's subject (a day's new tally: "three more swine
    flu deaths were confirmed", after "the first swine flu cases were confirmed")."""
    if _once_retold(a, b):
        return True
    if not a.predicate or a.predicate != b.predicate:
        return False
    parties = {x.name for x in a.actors if x.kind in PARTIES} & {x.name for x in b.actors if x.kind in PARTIES}
    verb = {_stem(a.predicate)}
    wa, wb = _evidence(a) - verb, _evidence(b) - verb
    fewest = min(len(wa), len(wb))
    return fewest >= (FEWEST_WORDS_WHOLE if parties else FEWEST_WORDS_ALONE) and len(wa & wb) >= SAME_WORDS * fewest


def _passing(events: Sequence[Event], n: int, chosen: list[Event]) -> Iterator[Event]:
    """The events that may take a key place, best first, by the rules of the module's docstring
    but the month's share: each yielded one's day is taken, and what the caller appends to
    ``chosen`` is what later ones must not repeat; the best ``EARLIER`` × ``n`` are read for an
    earlier telling."""
    order = ranked(events)
    lead = leading(events)
    told = reporters(events)
    days: set[str] = set()
    least = KEY_SHARE * order[0].importance if order else 0.0
    agreed: dict[str, Event] = {}  # per day, its best event two articles or more tell, worth a key place
    others: dict[str, list[Event]] = {}  # per day, the events two articles or more tell, best first
    for e in order:
        if e.precision in ("time", "day") and len({s.article for s in e.sources}) > 1:
            others.setdefault(e.date[:10], []).append(e)
            if e.importance >= least:
                agreed.setdefault(e.date[:10], e)
    earlier = [o for o in order[:EARLIER * n] if o.importance >= least]
    for found in order:
        if found.importance < least:
            break
        told_by = agreed.get(found.date[:10]) if alone(found, told) else found
        if told_by is None:
            continue
        e = told_by
        if not _told_happening(e):
            # the day's salience went to a report whose title tells no happening: the day is
            # told by the best of its other events two articles or more tell whose title does,
            # and has no flaw (names who acted, as short as a headline)
            e = next((o for o in others.get(e.date[:10], ()) if o is not e and _told_happening(o) and
                      not flaws(o.title, (a.name for a in o.actors if a.kind in PARTIES))), e)
        if not _told_happening(e) or e.date in days or any(repeats(c, e, lead) for c in chosen):
            continue
        if _restates_earlier(e, earlier):
            continue
        days.add(e.date)
        yield e


def key_events(events: Sequence[Event], n: int) -> list[Event]:
    """The ``n`` key events, in ranking order."""
    # The months the story runs through: those of the best-ranked events, not every month a
    # stray background event names (which would leave each month a share too small to fill).
    months = {month_of(e.date) for e in ranked(events)[:STORY_EVENTS * n]}
    cap = max(MONTH_FLOOR, math.ceil(MONTH_SPREAD * n / max(len(months), 1)))
    chosen: list[Event] = []
    held: dict[str, int] = {}
    waiting: list[Event] = []
    if n > 0:
        for e in _passing(events, n, chosen):
            month = month_of(e.date)
            if held.get(month, 0) >= cap:
                waiting.append(e)
                continue
            chosen.append(e)
            held[month] = held.get(month, 0) + 1
            if len(chosen) >= n:
                break
    lead = leading(events)
    for e in waiting:
        if len(chosen) >= n:
            break
        if not any(repeats(c, e, lead) for c in chosen):
            chosen.append(e)
    return chosen


def per_month(events: Sequence[Event], k: int) -> dict[str, list[Event]]:
    """The ``k`` most important events of each month (``YYYY-MM``), by the key events' rules (a
    day once, no repeat of one chosen in any month, no retelling, no line of colour on a day its
    reports agree on something else, nothing below ``KEY_SHARE`` of the best), each month's in
    order of date."""
    out: dict[str, list[Event]] = {}
    chosen: list[Event] = []
    for e in _passing(events, k, chosen):
        month = out.setdefault(month_of(e.date), [])
        if len(month) < k:
            month.append(e)
            chosen.append(e)
    return {key: sorted(best, key=lambda e: (e.date, e.id)) for key, best in sorted(out.items()) if best}
