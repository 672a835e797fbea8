"""Clauses that restate what was so before the news, told with no time of their own:
a position someone has held, restated in the present perfect deep in a report ("Zuma has
acknowledged the Guptas are his friends", "Sharif has hailed Modi's victory"), and the
lines of a life's course ("He began his working life in Gansu", "Murray was raised on
the island"), and a main clause in the past perfect, which tells what came before the
news it goes with ("Wooldridge had been working in the country for the UN"). The day
the paper came out is not when they happened, and the text gives no other: they take
no date (the words are in ``data/background.yaml``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.candidate import Anchor
from timeline.extract.temporal.values import bounds
from timeline.records import Happening, Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# Rules that date a clause by no words of its own (the same as dating.UNDATED_RULES).
UNDATED = frozenset({"publication-date", "lead-event-day"})
# What follows a surname in a full name.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# The rule of a clause dated by the sentence before it.
CARRIED = "continues-previous"


@dataclass(frozen=True)
class Words:
    positions: frozenset[str]
    fresh: frozenset[str]
    life: frozenset[str]
    life_passive: frozenset[str]
    life_particles: dict[str, str]
    life_objects: frozenset[str]
    life_object_verbs: frozenset[str]
    history_days: int
    again_verbs: frozenset[str]
    again_words: frozenset[str]
    restating: frozenset[str]
    routine: frozenset[str]
    occasions: frozenset[str]


@lru_cache(maxsize=1)
def _words() -> Words:
    data = load_data("background.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    return Words(positions=words("position_verbs"), fresh=words("fresh_words"), life=words("life_verbs"),
                 life_passive=words("life_passive"),
                 life_particles={str(k): str(v) for k, v in data["life_particles"].items()},
                 life_objects=words("life_objects"), life_object_verbs=words("life_object_verbs"),
                 history_days=int(data["history_days"]), again_verbs=words("again_verbs"),
                 again_words=words("again_words"), restating=words("restating_verbs"), routine=words("routine_words"),
                 occasions=words("occasion_nouns"))


def restated_position(anchor: Anchor) -> bool:
    """Whether an undated main clause past the lede restates a position held: a verb of
    a position in the present perfect ("has defended himself against
    the charge", "have alleged that the groups receive support"), told with no word that
    makes it the day's news ("has now proposed", "has today called for"). What was done
    ("has filed a petition", "has sent doctors") stays news of the day."""
    if not anchor.is_main or anchor.evidence.rule not in UNDATED or anchor.mood.tense != "perfect" \
            or anchor.mood.scheduled or anchor.speaker is not None:
        return False  # "Richardson said China has refused every request": the saying is the news
    verb = anchor.verb
    lemma = verb.lemma_.lower()
    if lemma not in _words().positions:
        return False
    return not _told_fresh(verb)


def restated_again(anchor: Anchor) -> bool:
    """Whether an undated clause past the lede restates a position or keeps up a practice:
    "again urged the president to step down", "reiterated its demand", "renewed calls for a
    boycott", "has sent regular e-mails to the staff". A stand taken again is no news of the day
    unless the text dates the new act ("again urged him on Monday", "told a rally in Lahore")."""
    if anchor.evidence.rule not in UNDATED | {CARRIED} or anchor.mood.scheduled:
        return False
    words = _words()
    verb = anchor.verb
    lemma = verb.lemma_.lower()
    heads = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]  # "urged him to resign in a speech"
    if any(c.dep_ == "prep" and c.lower_ in ("in", "at", "during") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in words.occasions for g in c.children)
           for h in heads for c in h.children):
        return False  # "reiterated that view in a call with the president": a new act at an occasion
    if lemma in words.restating:
        return True
    if lemma in words.again_verbs and any(c.dep_ == "advmod" and c.lower_ in words.again_words
                                          for c in verb.children):
        return True
    return any(c.dep_ == "dobj" and any(a.dep_ == "amod" and a.lower_ in words.routine for a in c.children)
               for c in verb.children)  # "has sent out regular e-mails": a practice, no one happening


def told_before(anchor: Anchor) -> bool:
    """Whether an undated main clause past an article's first sentence is told in the past
    perfect ("had been working in the country", "had hoped to raise £500"): it tells what
    came before the news, not a happening of the day. What a source said ("police said the men had fled")
    is dated by the saying, which is the main clause."""
    had = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in anchor.verb.children)
    return had and anchor.is_main and anchor.evidence.rule in UNDATED and not anchor.mood.scheduled \
        and anchor.speaker is None


def without_history(found: list[Happening], published: date | None, own_dates: frozenset[str],
                    protagonists: frozenset[str], mentions: list[Mention]) -> list[Happening]:
    """``found`` without what ended long before its article was written and is not of its
    protagonists ("the communists took power in 1949", "the dictator was killed in a plane
    crash in 1988", "in 2006 the agency lodged a patent application" in a report of 2009):
    history a report recalls, its background, not its news. The past of the people the
    article is about ("the singer died in June 2009", told at the trial of her doctor in 2011;
    anyone it names twice, by the same surname) is their story told again, and keeps its own
    date; so does what its opening sentence tells, the news it chose to lead with. A page's own
    dated list (a chronology, rule ``own_dates``) keeps its lines."""
    if published is None:
        return found
    limit = _words().history_days
    named = Counter(m.name for m in mentions if m.kind == "person")
    surnames = Counter(_surname(m.name) for m in mentions)  # "Holder" alone is often read as a firm
    ours = protagonists | {n for n in named if named[n] > 1 or surnames[_surname(n)] > 1}
    return [h for h in found if h.evidence.rule in own_dates or h.sentence_index == 0
            or not _ended_before(h.date, published, limit) or any(a.name in ours for a in h.actors)]


def _surname(name: str) -> str:
    """"Eric H. Holder Jr." -> "holder"."""
    words = [w for w in name.lower().split() if w.rstrip(".") not in SUFFIXES]
    return words[-1] if words else ""


def _ended_before(value: str, published: date, days: int) -> bool:
    span = bounds(value)
    return span is not None and (published - span[1]).days > days


def _told_fresh(verb: "Token") -> bool:
    """"has now agreed", "has just announced", "has this morning called for"."""
    fresh = _words().fresh
    for child in verb.children:
        if child.dep_ in ("advmod", "npadvmod", "tmod") and (
                child.lower_ in fresh or " ".join(t.lower_ for t in child.subtree) in fresh):
            return True
    return False


def life_course(verb: "Token") -> bool:
    """Whether a clause tells a line of a life's course: "was born in Anhui", "was raised
    on the island", "grew up in Karachi", "graduated from Tsinghua", "began his working life
    in Gansu", "worked his way up"."""
    words = _words()
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children):
        return False  # "has been raised twice in public": a life is told in the simple past
    if lemma in words.life:
        if lemma in words.life_passive:
            return passive
        particle = words.life_particles.get(lemma)
        if particle is not None:
            return any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children)
        return True
    if lemma in words.life_object_verbs:
        # "his career", "his way" (a possessive: "began a career" is no one's life told);
        # "through the ranks" (a preposition's object)
        return any(c.lemma_.lower() in words.life_objects and (
            c.dep_ == "pobj" or (c.dep_ == "dobj" and any(p.dep_ == "poss" for p in c.children)))
            for c in [*verb.children, *(g for p in verb.children if p.dep_ == "prep" for g in p.children)])
    return False
