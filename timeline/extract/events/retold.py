"""A happening an article tells twice, once with its time and once without: "Pakistani
intelligence distributed millions to the parties opposing Bhutto, according to court
documents. [...] The money was allegedly distributed among Bhutto's opponents in 1990."
The telling with no time of its own is the same happening, not news of the day the paper
came out: it takes the time the article gives it. The same predicate, parties in common (all
of the undated telling's, at least one, and a person, an organisation or a group, not
only a country or a place), no figure that differs, and a time before the
day it would otherwise get make the two one happening."""

from __future__ import annotations

from dataclasses import replace

from timeline.extract.events.vocabulary import Vocabulary
from timeline.records import Happening

# Rules that date a happening by no words of its own (as dating.UNDATED_RULES).
UNDATED = frozenset({"publication-date", "lead-event-day"})
# The rule of a happening dated by the time the article gives the same happening elsewhere.
RETOLD = "retold-dated"
# Kinds of actor that name no one in particular who did it ("Mexican authorities ordered"
# is told of Mexico; so is every other order its authorities gave).
UNSPECIFIC = frozenset({"place", "country"})
# Words that tell a happening as another of its kind ("met again", "killed another").
REPEATING = frozenset({"again", "another", "new", "second", "third", "latest", "fresh"})


def date_retold(found: list[Happening], vocab: Vocabulary) -> list[Happening]:
    """``found`` (one article's happenings) with each telling that has no time of its own
    dated as the article dates the same happening elsewhere."""
    dated = [h for h in found if h.evidence.rule not in UNDATED and h.evidence.expression
             and h.status == "occurred"]
    if not dated:
        return found
    return [_redated(h, dated, vocab) for h in found]


def _redated(happening: Happening, dated: list[Happening], vocab: Vocabulary) -> Happening:
    if happening.evidence.rule not in UNDATED or happening.status != "occurred" or \
            happening.predicate in vocab.reporting or happening.predicate in vocab.states:
        return happening  # a statement is new each time it is made
    names = {a.name for a in happening.actors if a.kind not in UNSPECIFIC}
    if not names or REPEATING & set(happening.sentence.lower().split()):
        return happening
    for other in dated:
        if other.predicate != happening.predicate or other.sentence_index == happening.sentence_index:
            continue
        if other.date >= happening.date or not names <= {a.name for a in other.actors}:
            continue
        if happening.numbers and other.numbers and set(happening.numbers) != set(other.numbers):
            continue  # "killed five" and "killed three on Monday" are two happenings
        return replace(happening, date=other.date, precision=other.precision,
                       evidence=replace(other.evidence, rule=RETOLD))
    return happening
