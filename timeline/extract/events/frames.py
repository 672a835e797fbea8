"""Clauses that frame a happening rather than report one.

A writer often wraps the news in words about it: "Further evidence of unrest emerged last
night when rebels seized the airport", "Reports emerged on Monday that the army had shelled
the town", "Hopes of a deal suffered a setback yesterday as the rebels walked out". The
frame (evidence emerged, reports emerged, hopes suffered a setback) is no happening; the
clause it frames is, at the frame's time, with its own doer. So the anchor moves to the
framed clause, keeping the time the frame gave it.

A source named around the news ("According to reports emerging last night, the minister
admitted…") is how the writer knows it, not a happening apart: the news is the main clause.

A thing that bears on the news ("The assassination has thrown the talks into disarray",
"His words underscored a divide between the allies") is the writer's analysis of it, not
something a party did: no happening of its own (``analysis``).

The words are data in ``newsworthy_frames.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.clauses import mood_of
from timeline.extract.events.kinds import classify
from timeline.extract.events.vocabulary import Vocabulary
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.candidate import Anchor
    from timeline.extract.events.tokens import Token

# Dependencies of a clause's subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Kinds of mention that make a phrase a party rather than a thing.
PARTY_KINDS = frozenset({"person", "organisation", "country", "group"})


@dataclass(frozen=True)
class Words:
    nouns: frozenset[str]  # what frames: evidence, reports, hopes
    verbs: frozenset[str]  # what a frame does: emerge, surface, grow
    setbacks: frozenset[str]  # what a frame suffers or is dealt: a setback, a blow
    joins: frozenset[str]  # how the framed clause hangs on the frame: when, as
    sources: frozenset[str]  # prepositions that name a source: according (to)
    analysis: frozenset[str]  # what a thing does to the news: underscore, highlight
    disorder: frozenset[str]  # what a thing throws the news into: disarray, doubt


@lru_cache(maxsize=1)
def _words() -> Words:
    data = load_data("newsworthy_frames.yaml") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    return Words(words("frame_nouns"), words("frame_verbs"), words("setbacks"), words("framed_by"),
                 words("sources"), words("analysis_verbs"), words("disorder"))


def reframed(anchors: list["Anchor"], vocab: Vocabulary) -> list["Anchor"]:
    """``anchors`` without a source named around the news, each frame moved to the happening it
    frames."""
    kept = []
    taken = {a.verb.i for a in anchors}
    for anchor in anchors:
        if _sourced(anchor.verb) and any(a.is_main for a in anchors if a is not anchor):
            continue  # "according to reports emerging last night": how the writer knows the news
        framed = framed_clause(anchor.verb)
        if framed is not None and framed.i not in taken:
            _move(anchor, framed, vocab)
        kept.append(anchor)
    return kept


def framed_clause(verb: "Token") -> "Token | None":
    """The clause a frame under ``verb`` wraps ("evidence emerged when X", "reports emerged
    that X", "hopes suffered a setback as X"): X's verb, or None when ``verb`` frames nothing."""
    words = _words()
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lemma_.lower() not in words.nouns:
        return None
    lemma = verb.lemma_.lower()
    suffered = any(c.dep_ == "dobj" and c.lemma_.lower() in words.setbacks for c in verb.children)
    if lemma not in words.verbs and not suffered:
        return None
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            return child  # "reports emerged that the army had shelled the town"
        if child.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in words.joins
                                         for c in child.children):
            return child  # "evidence emerged when rebels seized the airport"
    return next((c for c in subject.children if c.dep_ in ("acl", "ccomp") and c.pos_ == "VERB"
                 and any(m.dep_ == "mark" for m in c.children)), None)  # "reports that the army had shelled…"


def analysis(verb: "Token", party_nouns: frozenset[str], mentions: list[Mention]) -> bool:
    """Whether ``verb`` tells what a thing (not a party) does to the news: "the assassination
    has thrown the talks into disarray", "his words underscored a divide"."""
    words = _words()
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() in party_nouns or any(
            m.kind in PARTY_KINDS and m.start <= subject.idx < m.end for m in mentions):
        return False
    if verb.lemma_.lower() in words.analysis:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "into" and any(
        g.lemma_.lower() in words.disorder for g in c.subtree) for c in verb.children)


def _sourced(verb: "Token") -> bool:
    """"According to reports emerging last night": a verb inside a phrase that names a source."""
    token = verb
    while token.head.i != token.i:
        token = token.head
        if token.dep_ == "prep" and token.lower_ in _words().sources:
            return True
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("acl", "relcl"):
            return False
    return False


def _move(anchor: "Anchor", framed: "Token", vocab: Vocabulary) -> None:
    """Make ``anchor`` the framed clause's, at the time the frame gave it."""
    anchor.verb = anchor.title_root = framed
    anchor.group = {framed.i}
    anchor.mood = mood_of(framed, vocab)
    anchor.extra_subject = None
    anchor.keep_out = anchor.keep_out | {c.i for c in framed.children if c.dep_ in ("mark", "advmod")
                                         and c.lower_ in _words().joins | {"that"}}
    classify(anchor, vocab)
