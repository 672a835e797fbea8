"""Happenings a sentence reports beside a dated one, and dated through it.

News grammar often gives one time expression to two happenings:

- a second clause with a subject of its own, joined by "and" ("Supporters
  rallied outside the assembly on Thursday, and some set fire to the party's
  offices"): it happened at the same time, and is a happening of its own;
- a clause of time measured from the dated one ("resigned on Thursday, two
  days after a newspaper published the recordings"): it happened that far
  before or after.

Both are built here from anchors already dated by ``find_anchors``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.extract.events.candidate import Anchor
from timeline.extract.events.clauses import Mood, is_predicate, mood_of, state_reached
from timeline.extract.events.dating import UNDATED_RULES
from timeline.extract.events.kinds import classify
from timeline.extract.events.main_clause import negated
from timeline.extract.events.vocabulary import Vocabulary
from timeline.records import DateEvidence, Timex

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Distances in time that move a day to another day; months and years would blur it.
DAY_DISTANCE = re.compile(r"^P(\d+)([DW])$")
NEWS_TENSES = frozenset({"past", "perfect"})


def linked_anchors(anchors: list[Anchor], segment: "Span", timexes: list[Timex], dated: list[tuple[Timex, "Span"]],
                   vocab: Vocabulary) -> list[Anchor]:
    """Anchors for the clauses that share or measure from the time of ``anchors``
    (``dated``: the segment's ``calendar_timexes``)."""
    taken = {a.verb.i for a in anchors}
    dated_tokens = {t.i for _, span in dated for t in span}
    out: list[Anchor] = []
    for anchor in anchors:
        for verb in sorted(anchor.group, key=lambda i: i):
            token = segment.doc[verb]
            for child in token.children:
                if child.i in taken or not is_predicate(child) or not segment.start <= child.i < segment.end:
                    continue
                if dated_tokens & {t.i for t in child.subtree}:
                    continue  # it has a time of its own, and an anchor of its own if it reports something
                made = _joined(anchor, child, vocab) or _measured(anchor, child, segment, timexes, vocab)
                if made is not None:
                    taken.add(child.i)
                    out.append(made)
    return out


def _joined(anchor: Anchor, clause: "Token", vocab: Vocabulary) -> Anchor | None:
    """"…, and some set fire to the party's offices": same time, own subject."""
    if clause.dep_ != "conj" or clause.lemma_.lower() in vocab.reporting | vocab.states:
        return None
    if anchor.evidence.rule == "publication-date":
        return None  # dated by a guess already: splitting it would only repeat the guess
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) or negated(clause):
        return None
    if any(c.lower_ in vocab.sequence for c in clause.children if c.dep_ == "advmod"):
        return None  # "and then visited": later, not at the same time
    if state_reached(clause, vocab):
        return None  # "and has ruled alone since then": a state reached, not a happening
    mood = mood_of(clause, vocab)
    if mood.hypothetical or mood.scheduled != anchor.mood.scheduled:
        return None
    if not anchor.mood.scheduled and not {mood.tense, anchor.mood.tense} <= NEWS_TENSES:
        return None
    # the first clause's headline no longer tells the second one
    anchor.keep_out = anchor.keep_out | {t.i for t in clause.subtree} | {
        c.i for c in clause.head.children if c.dep_ == "cc" and c.i < clause.i}
    return _dated_like(anchor, clause, mood, (anchor.date, anchor.precision, anchor.status), anchor.evidence, vocab)


def _measured(anchor: Anchor, clause: "Token", segment: "Span", timexes: list[Timex],
              vocab: Vocabulary) -> Anchor | None:
    """"two days after a newspaper published the recordings": the clause's day is
    the anchor's day moved by the measure, back for "after", on for "before". An anchor
    with no day of its own in words ("the governor told parliament, a day before the riots
    began", "a boy was lifted alive from a collapsed school 15 days after the quake struck")
    gives no day to count from: the day of publication is only a guess for it, and so
    would the riots' day be. A light predicate ("The ban came a day after…") is the
    exception: it tells the news itself by the time of another happening. Nor does a
    measure that is not exact ("less than a week after", "nearly two days after") give a day."""
    if anchor.precision != "day" or (anchor.evidence.rule in UNDATED_RULES
                                     and anchor.verb.lemma_.lower() not in vocab.light_predicates):
        return None
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in vocab.offset_subordinators), None)
    if mark is None:
        return None
    days = _distance([*clause.children, *mark.children], segment, timexes)
    if days is None:
        return None
    mood = mood_of(clause, vocab)
    if mood.hypothetical or negated(clause):
        return None
    moved = date.fromisoformat(anchor.date) + timedelta(days=days * vocab.offset_subordinators[mark.lower_])
    start = min(t.idx for c in [*clause.children, *mark.children] if c.dep_ == "npadvmod" for t in c.subtree)
    evidence = DateEvidence(rule="measured-from-clause", expression=segment.doc.text[start:mark.idx + len(mark)],
                            value=moved.isoformat())
    # its own tense says whether it has happened; a clause with none follows the anchor
    status = "scheduled" if mood.scheduled else "occurred" if mood.tense in NEWS_TENSES | {"past-perfect"} \
        else anchor.status
    return _dated_like(anchor, clause, mood, (moved.isoformat(), "day", status), evidence, vocab)


def _distance(children: list["Token"], segment: "Span", timexes: list[Timex]) -> int | None:
    """Days in the measure ("two days", "a week") hung on the clause or its conjunction."""
    for child in children:
        if child.dep_ != "npadvmod":
            continue
        lo, hi = min(t.idx for t in child.subtree), max(t.idx + len(t) for t in child.subtree)
        for timex in timexes:
            if timex.type == "DURATION" and timex.start < hi and lo < timex.end and timex.value:
                if timex.mod:
                    return None  # "less than a week", "about two weeks": no day to count to
                found = DAY_DISTANCE.match(timex.value)
                if found:
                    return int(found[1]) * (7 if found[2] == "W" else 1)
    return None


def _dated_like(anchor: Anchor, clause: "Token", mood: Mood, when: tuple[str, str, str], evidence: DateEvidence,
                vocab: Vocabulary) -> Anchor:
    """An anchor for ``clause`` with the given date, precision and status."""
    made = Anchor(verb=clause, title_root=clause, is_main=False, is_reporting=False, mood=mood,
                  group={clause.i}, keep_out=anchor.keep_out - {t.i for t in clause.subtree})
    made.date, made.precision, made.status = when
    made.evidence = evidence
    classify(made, vocab)
    return made
