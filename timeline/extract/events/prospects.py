"""Times named inside an act a verb looks ahead to: "Li pledged to execute those responsible
for the attacks on Sunday", "said the government hoped to get the first doses in August". The
act a pledge, a hope or a threat takes as its complement has not happened when the verb is
told, so a time before the day of the news inside it names something the act is about (the
attacks), not the act, and not the pledge: it dates neither (the words are in
``data/prospects.yaml``). A time still to come there is the planned act's own (anchors.py)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.dating import day_value
from timeline.extract.temporal.values import is_future
from timeline.records import Timex

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Dependencies through which a verb takes the act it looks ahead to.
COMPLEMENT_DEPS = frozenset({"xcomp"})


@lru_cache(maxsize=1)
def _prospective() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_data("prospects.yaml")["prospective_verbs"])


def looked_ahead_to(verb: "Token") -> "Token | None":
    """The verb of pledging, hoping or threatening whose complement ``verb`` is ("to execute"
    under "pledged"), through a chain of complements; None when there is none."""
    token = verb
    while token.dep_ in COMPLEMENT_DEPS and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in _prospective():
            return token
    return None


def past_inside_prospect(verb: "Token", span: "Span", timex: Timex, dct: date | None) -> bool:
    """Whether the time expression ``span`` (``timex``), which the parse gives to ``verb``, is
    a time before the day of the news named inside the act a pledge or a hope looks ahead to,
    and within a noun phrase of that act ("those responsible for the deaths on Sunday"):
    then it dates the noun, not the act nor the pledge."""
    pledge = looked_ahead_to(verb)
    if dct is None or pledge is None or is_future(day_value(timex.value or ""), dct):
        return False
    if day_value(timex.value or "")[:10] >= dct.isoformat():
        return False  # today is the pledge's own day as much as anything's
    chain = {verb.i}
    while verb.i != pledge.i:
        verb = verb.head
        chain.add(verb.i)
    token = span.root
    for _ in range(16):
        parent = token.head
        if parent.i == token.i or parent.i in chain:
            return False
        if parent.pos_ in ("NOUN", "PROPN", "PRON"):
            # "vowed to end the dispute during a summit last month": the occasion the act
            # is told at, a phrase of the verbs themselves, is when the vow was made
            return not (parent.dep_ == "pobj" and parent.head.head.i in chain)
        token = parent
    return False
