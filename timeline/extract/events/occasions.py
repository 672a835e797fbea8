"""Happenings the article has dated by name ("Tuesday's earthquake", "the summit on
Monday", "last week's meeting"), and the clauses that tell of them again with no time
of their own: "Seventeen staff have been killed in the earthquake", "The quake
destroyed the palace". Such a clause happened at the named happening, before the
paper came out; the day of publication would be wrong for it."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.candidate import Anchor
from timeline.extract.events.dating import day_value
from timeline.extract.events.vocabulary import Vocabulary
from timeline.extract.temporal.values import bounds, precision_of
from timeline.records import DateEvidence, Timex

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Parse, Token

# How a time expression names the happening a noun stands for: "Tuesday's earthquake"
# (poss), "the January 12 earthquake" (compound, nmod), "the quake of 12 January", "the
# summit on Monday" (a preposition on the noun).
NAMING_DEPS = frozenset({"poss", "compound", "nmod", "npadvmod", "amod"})
NAMING_PREPOSITIONS = frozenset({"of", "on"})
# Precisions a named happening is placed at: a day or a week ("last week's meeting").
PLACED = frozenset({"day", "week"})
# Prepositions that put a clause inside the happening a noun stands for ("killed in the
# quake", "said at the summit", "destroyed by the blast"); "after the quake" does not.
WITHIN = frozenset({"in", "during", "at", "by"})
# Determiners that bring in a happening not told before ("an earthquake", "another attack").
INDEFINITE = frozenset({"a", "an", "another", "any", "some", "every", "each"})
TOLD_AS_DONE = frozenset({"past", "perfect", "past-perfect"})
# The rule of a date taken from a happening named elsewhere: it sets no news day.
NAMED_OCCASION = "named-occasion"
# Prepositions that set a clause in a record or an occasion ("said in an interview
# published yesterday", "told Tuesday's briefing" is an object, read as the subject is).
SAID_IN = frozenset({"in", "at", "during"})
# Where a time expression sits on a reduced participle ("released yesterday", "published
# on Monday", "held last week").
ON_A_PARTICIPLE = frozenset({"npadvmod", "tmod", "advmod", "prep"})


def dated_occasions(doc: "Parse", timexes: list[Timex], published: date | None,
                    vocab: Vocabulary) -> dict[str, tuple[str, Timex]]:
    """The nouns of happenings (``dated_nouns``, ``named_happenings``) the article dates by name, each with its
    day (or week) before publication and the expression that names it. A noun the
    article dates twice, to different times, names no one happening and is left out."""
    if published is None:
        return {}
    found: dict[str, tuple[str, Timex]] = {}
    clashing: set[str] = set()
    for timex in timexes:
        value = day_value(timex.value or "")
        span = bounds(value) if timex.type in ("DATE", "TIME") else None
        if span is None or precision_of(value) not in PLACED or (timex.mod or "") or span[1] >= published:
            continue
        named = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        noun = _named_noun(named.root, vocab) if named is not None else None
        if noun is None:
            continue
        lemma = kind_of(noun)
        if lemma in found and found[lemma][0] != value:
            clashing.add(lemma)
        found.setdefault(lemma, (value, timex))
    return {k: v for k, v in found.items() if k not in clashing}


@lru_cache(maxsize=1)
def _same_happening() -> dict[str, str]:
    return dict(load_data("occasions.yaml")["same_happening"])


@lru_cache(maxsize=1)
def _named_happenings() -> frozenset[str]:
    return frozenset(load_data("occasions.yaml")["named_happenings"])


def kind_of(noun: "Token") -> str:
    """The word a happening's noun is known by: "the quake" is "the earthquake"."""
    lemma = noun.lemma_.lower()
    return _same_happening().get(lemma, lemma)


@lru_cache(maxsize=1)
def _took_place() -> frozenset[str]:
    return frozenset(load_data("occasions.yaml")["took_place"])


def _named_noun(head: "Token", vocab: Vocabulary) -> "Token | None":
    """The noun of a happening the expression headed by ``head`` names, if any: "the
    speech on December 6", or "the speech was delivered on December 6"."""
    if head.dep_ in NAMING_DEPS:
        noun = head.head
    elif head.dep_ == "pobj" and head.head.lower_ in NAMING_PREPOSITIONS:
        noun = head.head.head
    else:
        return None
    if noun.pos_ in ("VERB", "AUX") and noun.lemma_.lower() in _took_place():
        noun = next((c for c in noun.children if c.dep_ in ("nsubj", "nsubjpass") and any(
            d.dep_ == "poss" or (d.dep_ == "det" and d.lower_ not in INDEFINITE) for d in c.children)), noun)
    lemma = noun.lemma_.lower()
    return noun if noun.pos_ == "NOUN" and (lemma in vocab.dated_nouns or lemma in _named_happenings()) else None


@lru_cache(maxsize=1)
def _records() -> frozenset[str]:
    return frozenset(load_data("occasions.yaml")["records"])


def told_through(head: "Token", vocab: Vocabulary) -> "Token | None":
    """The predicate a clause's record or occasion carries the time of: "A Labor Department
    report released yesterday said…", "Tuesday's report showed…", "said in an interview
    published yesterday": a time on the noun (a possessive, a reduced participle) that names
    the report, the interview or the meeting a clause is told through (its subject, or
    what it was said in or at) is the time of the clause, not of a happening apart. "A
    man arrested on Monday was charged" stays as it was: a man is no record."""
    noun = None
    if head.dep_ in NAMING_DEPS and head.head.pos_ == "NOUN":
        noun = head.head
    else:
        word = head.head if head.dep_ == "pobj" else head
        participle = word.head if word.dep_ in ON_A_PARTICIPLE else None
        if participle is not None and participle.dep_ == "acl" and participle.tag_ == "VBN" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in participle.children):
            noun = participle.head
    if noun is None or noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if lemma not in _records() and lemma not in vocab.dated_nouns:
        return None
    if noun.dep_ == "nsubj" and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in SAID_IN \
            and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def date_by_occasion(anchors: list[Anchor], occasions: dict[str, tuple[str, Timex]], vocab: Vocabulary) -> None:
    """Give an undated clause told as done, whose subject is a happening the article has
    dated by name or which it sets in one ("killed in the earthquake"), that happening's
    time. What a source says of it is news of the day it is said, and stays so."""
    if not occasions:
        return
    for anchor in anchors:
        if not anchor.is_main or anchor.evidence.rule != "publication-date" or anchor.mood.scheduled \
                or anchor.mood.tense not in TOLD_AS_DONE or anchor.is_reporting:
            continue
        noun = _occasion_of(anchor.verb, occasions)
        if noun is None:
            continue
        value, timex = occasions[noun]
        anchor.date, anchor.precision, anchor.status = value, precision_of(value), "occurred"
        anchor.evidence = DateEvidence(rule=NAMED_OCCASION, expression=timex.text, value=timex.value,
                                       mod=timex.mod)


def _occasion_of(verb: "Token", occasions: dict[str, tuple[str, Timex]]) -> str | None:
    """The noun of a dated happening the clause is the act of, or is set in."""
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    nouns += [p for c in verb.children if (c.dep_ == "prep" and c.lower_ in WITHIN) or c.dep_ == "agent"
              for p in c.children if p.dep_ == "pobj"]
    for noun in nouns:
        lemma = kind_of(noun)
        if lemma in occasions and noun.pos_ == "NOUN" and not any(
                c.dep_ == "det" and c.lower_ in INDEFINITE for c in noun.children):
            return lemma
    return None
