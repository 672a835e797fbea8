"""Parts of the day that the sentence ties to an occasion of its own.

"On the night Jackson died", "on the morning of his death", "the night in question":
a part of the day whose noun the sentence defines (by a clause, an "of" phrase, "in
question", "before" or "after") is that occasion's. The calendar cannot place it from
the publication day; read as the night of the day the paper came out (or of the day
the narrative last set), it would date what happened then to that day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.temporal.lexicon import OCCASION_MODIFIERS, OCCASION_PHRASES, OCCASION_PREPOSITIONS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Dependencies of a clause that says which night or morning is meant.
DEFINING_CLAUSES = frozenset({"relcl", "acl"})


def defined_occasion(doc: "Doc", start: int, end: int) -> bool:
    """Whether the noun of the expression at ``doc.text[start:end]`` is defined by the
    sentence ("the night Jackson died", "the morning of his death")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    noun = span[-1]
    for child in noun.children:
        if child.i < span.end:
            continue
        if child.dep_ in DEFINING_CLAUSES:
            return True
        if child.dep_ == "prep" and child.lower_ in OCCASION_PREPOSITIONS:
            return True
        if child.dep_ in ("prep", "advmod") and child.lower_ in OCCASION_MODIFIERS:
            return True  # "the night before"
    if _contact_clause(span):
        return True
    # "the night in question", "the morning of his death", however the parser hung them
    following = doc.text[span.end_char:span.end_char + 16].lower()
    return any(following.startswith(" " + phrase) for phrase in OCCASION_PHRASES)


def _contact_clause(span: "Span") -> bool:
    """"On the night Jackson died": a clause with no relative word right after the noun,
    which the parser often reads as the clause the expression dates (the preposition
    hung on "died", whose subject follows the noun). Only after "on": "in the morning
    rebels attacked" opens a clause with the time of day it is about."""
    doc = span.doc
    if span.end >= len(doc) or span.start == 0:
        return False
    subject, preposition = doc[span.end], doc[span.start - 1]
    while subject.dep_ == "compound" and subject.head.i > subject.i:
        subject = subject.head  # "on the night Michael Jackson died"
    if subject.dep_ not in ("nsubj", "nsubjpass") or preposition.dep_ != "prep" or preposition.lower_ != "on":
        return False
    return subject.head.i == preposition.head.i and subject.head.i > subject.i


def attributive(doc: "Doc", start: int, end: int) -> bool:
    """Whether the expression at ``doc.text[start:end]`` describes the noun after it ("a
    midnight raid", "the noon deadline"): it tells the hour of that happening, which the
    calendar cannot place on a day; read as tonight's midnight, it would date a raid of
    days before to the eve of publication."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    last = span[-1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i and last.head.pos_ == "NOUN"
