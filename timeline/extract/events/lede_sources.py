"""A source an article's opening sentences leave unnamed ("a government minister has said",
"Pakistan's prime minister has promised") is the person the next sentence names as the source
of what it says, when the article makes that certain (``referents.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from timeline.data import load_data
from timeline.extract.events.naming import person_heads
from timeline.extract.events.vocabulary import load_vocabulary
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

SUBJECTS = frozenset({"nsubj", "nsubjpass"})


class _Data(NamedTuple):
    placing: frozenset[str]
    lede_sources: int


@lru_cache(maxsize=1)
def _data() -> _Data:
    data = load_data("referents.yaml") or {}
    return _Data(frozenset(str(w).lower() for w in data.get("placing_words") or []),
                 int(data.get("lede_source_sentences") or 0))


def named_next(token: "Token", mentions: list[Mention], definite: bool = False) -> Mention | None:
    """"The toll has passed 150,000, a government minister has said. Communications Minister Ann
    Dube said the count…": a source one of an article's opening sentences leaves unnamed ("a
    minister", "a senior official") is the one person the next sentence names, by that office,
    as the source of what it says, when the first sentence names no person. Words that only
    place the source ("government", "senior") need not be in the office; any other must.
    A ``definite`` source ("Pakistan's prime minister has promised. Ann Dube said…") is also
    the one the next sentence names with no office, unless the article gives them another
    country than the source's."""
    data = _data()
    reporting = load_vocabulary().reporting
    if token.dep_ not in SUBJECTS or token.head.lemma_.lower() not in reporting:
        return None
    doc = token.doc
    here = doc.spacy[token.i].sent
    if here.end >= len(doc) or sum(1 for s in doc.spacy.sents if s.start < here.start) >= data.lede_sources:
        return None
    following = doc.spacy[here.end].sent
    if any(m.kind == "person" and here.start_char <= m.start < here.end_char for m in mentions):
        return None
    named = [m for m in mentions if m.kind == "person" and following.start_char <= m.start < following.end_char]
    lemma = token.lemma_.lower()
    if definite and lemma not in person_heads():
        return None  # "the defense says": no one person
    qualifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")} - data.placing
    if len({m.name for m in named}) != 1 or not (named[0].role or definite) or named[0].role and \
            not {lemma} | qualifiers <= set(named[0].role.lower().split()):
        return None
    countries = {m.country or m.name for m in mentions if m.kind == "country" and any(
        m.start <= t.idx < m.end for c in token.children if c.i < token.i for t in c.subtree)}
    if named[0].country and countries - {named[0].country}:
        return None  # "the Indian prime minister" is not Pakistan's
    span = doc.char_span(named[0].start, named[0].end, alignment_mode="expand")
    saying = span is not None and span.root.dep_ in SUBJECTS and span.root.head.lemma_.lower() in reporting
    return named[0] if saying else None
