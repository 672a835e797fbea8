"""The lead report of an event: the one whose title, summary and type the event takes.

Several articles report one happening, and their titles are not equally printable: one
outlet's scraped headline runs into its lede ("Conrad Murray found guilty Conrad Murray
has been found guilty of …"), another's opens on a description ("The doctor accused of …")
or stops on a word a headline never ends on, while a third says it plainly. The lead is
the report that tells the happening itself (not a plan of it, when it took place; not a
later retelling), not an aside of an article weeks later, with a title that has no ``flaws``,
dated to the day (one that names only the month tells it again), in its article's first
sentences, from the earliest article; each preference gives way to the one before it.
Before them all, the lead is a report whose title tells a happening of its day
(``happening_titles``: not a state or a stance, not a verb cut from what it needs, not a
figure of speech, not "the January earthquake" told again) and is a clause of its sentence
(``garbled_titles``: not a credit run into its subject, not a subject joined to a verb of a
clause that hangs from it, not a passer-by's remark) that says what its words need
(``cut_titles``: not an infinitive cut from its object, not two phrases run together): a
well-formed report from another source beats a garbled one.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date as Date
from functools import lru_cache
from typing import Collection, Iterable

from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.weak import unnamed_subject
from timeline.extract.events.wording import TITLE_WORDS
from timeline.merge.cut_titles import incomplete
from timeline.merge.garbled_titles import garbled
from timeline.merge.happening_titles import tells_happening, told_again
from timeline.records import Happening

FINE = ("time", "day")  # a report that names only the month or year of a day's happening tells it again

PARTIES = frozenset({"person", "organisation"})  # actors a title must name rather than describe
LATE_DAYS = 7  # a report past its lede, in an article more days than this after the happening, tells it again
LEDE = 2  # sentences of an article that are its lede: a report there is the article's news
_WORD = re.compile(r"[\w’'-]+")
_ADDRESS = re.compile(r"[^\W\d_]\.(?:com|org|net|co|uk|tv)\b", re.IGNORECASE)  # "NEWS.com": a page's chrome


@lru_cache(maxsize=1)
def _never_last() -> frozenset[str]:
    return load_title_words().never_last


def flaws(title: str, names: Iterable[str] = ()) -> int:
    """How many things keep ``title`` from being printed as it stands: it names none of
    ``names`` (the people and bodies that acted) where a pronoun or a bare description
    opens it ("The singer was discharged"; "The quake struck", where no one acted, names
    what there is to name), it is longer than a headline (a name
    counts as one word), it ends on a word no headline ends on, it says one stretch of
    words twice (a headline run into the lede that repeats it), or it holds a web address
    (a page's chrome run into it)."""
    if not title.strip():
        return 4
    known = sorted({n for n in names if n}, key=len, reverse=True)
    found = int(bool(known) and unnamed_subject(title, known))
    short = title
    for name in known:
        short = short.replace(name, "N")
    words = [w.lower() for w in _WORD.findall(title)]
    found += len(_WORD.findall(short)) > TITLE_WORDS
    found += bool(words) and words[-1].strip("’'") in _never_last()
    pairs = list(zip(words, words[1:]))
    found += len(set(pairs)) < len(pairs)
    found += addressed(title)
    return found


def addressed(title: str) -> bool:
    """Whether ``title`` holds a web address: a site's own offer or a page's chrome, no happening
    a desk would list ("HelpSaveZimbabwe.org is offering visitors a vote")."""
    return bool(_ADDRESS.search(title))


def lead_report(group: list[Happening], later: Collection[int], took: bool,
                published: dict[str, str | None], date: str | None = None) -> Happening:
    """The report of ``group`` whose title the event takes. ``later`` holds the ``id`` of
    reports that told the happening again days later; ``took`` says a plan of it took
    place, so a report of its taking place leads; ``date``, when given, is the event's,
    and a report that gives it leads."""
    candidates = [h for h in group if id(h) not in later] or group
    # the event is what most of its reports tell: "was charged", retold in the story of a
    # verdict that most reports tell as "found guilty", does not title the verdict
    told, count = Counter(h.predicate for h in candidates).most_common(1)[0]
    if 2 * count > len(candidates):
        candidates = [h for h in candidates if h.predicate == told]
    if date is not None:
        candidates = [h for h in candidates if h.date == date] or candidates
    if len(candidates) == 1:
        return candidates[0]
    # Most often the earliest lede's report has no flaw: then it leads, and no other title is read.
    first = min(candidates, key=lambda h: (took and h.status != "occurred", h.sentence_index >= LEDE,
                                           published.get(h.article_id) or "9999", h.article_id, h.sentence_index))
    if not (took and first.status != "occurred") and first.sentence_index < LEDE and first.precision in FINE and \
            not _flawed(first) and _happening(first):
        return first
    return min(candidates, key=lambda h: (
        took and h.status != "occurred", not _happening(h), _late(h, published), _flawed(h), h.precision not in FINE,
        h.sentence_index >= LEDE, published.get(h.article_id) or "9999", h.article_id, h.sentence_index))


def _late(h: Happening, published: dict[str, str | None]) -> bool:
    """Whether ``h`` is told past its article's lede more than ``LATE_DAYS`` after the day it
    happened: a later article's aside ("Dube, who voted for the party on 22 April, said ..."), whose
    words are not the news of the day, however well formed."""
    day = published.get(h.article_id)
    if h.sentence_index < LEDE or not day or h.precision not in FINE:
        return False
    try:
        return (Date.fromisoformat(day[:10]) - Date.fromisoformat(h.date[:10])).days > LATE_DAYS
    except ValueError:
        return False


def _happening(h: Happening) -> bool:
    names = [a.name for a in h.actors]
    return tells_happening(h.title, h.predicate, names) and not told_again(h.title, h.date) and \
        garbled(h.title, h.sentence, h.predicate, names) is None and \
        incomplete(h.title, h.sentence, h.predicate) is None


def _flawed(h: Happening) -> bool:
    return flaws(h.title, (a.name for a in h.actors if a.kind in PARTIES)) > 0
