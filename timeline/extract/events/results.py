"""Happenings told by the result they brought about: "An outbreak of flu led to 30 new cases
being confirmed yesterday", "The blast caused two bridges to collapse on Monday". The verb
of causing has no time of its own; the day its result clause names (a day of the news,
before the paper came out) is the day the cause took effect, not the day of publication."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from timeline.data import load_data
from timeline.extract.temporal.values import bounds
from timeline.records import Timex

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Clauses that tell what a verb of causing brought about ("caused them to collapse",
# "prompted the ministry to recall", "led to cases being confirmed").
RESULT_CLAUSES = frozenset({"xcomp", "ccomp"})
DESCRIBING = frozenset({"acl", "relcl"})


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("results.yaml")
    return frozenset(data["causal_verbs"]), frozenset(data["result_prepositions"])


def result_day(verb: "Token", dated: Sequence[tuple[Timex, "Span"]], dct: date | None,
               lead_days: int) -> Timex | None:
    """The time of the result clause of ``verb``, a verb of causing, when it names one day
    of the news (on the day of publication or up to ``lead_days`` before it); else None."""
    verbs, prepositions = _vocabulary()
    if dct is None or not dated or verb.lemma_.lower() not in verbs:
        return None
    words: set[int] = set()
    for head in _results(verb, prepositions):
        words.update(t.i for t in head.subtree)
    for timex, span in dated:
        when = bounds((timex.value or "").split("T", 1)[0])
        if when is not None and when[0] == when[1] and 0 <= (dct - when[1]).days <= lead_days \
                and all(t.i in words for t in span):
            return timex
    return None


def _results(verb: "Token", prepositions: frozenset[str]) -> "list[Token]":
    """The heads of the clauses that tell what ``verb`` brought about."""
    heads = [c for c in verb.children if c.dep_ in RESULT_CLAUSES]
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions
              for p in c.children if p.dep_ == "pobj"]
    heads += [c for noun in nouns for c in noun.children if c.dep_ in DESCRIBING and c.pos_ in ("VERB", "AUX")]
    return heads
