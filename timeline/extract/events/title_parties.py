"""The parties a title names: the happening as the title tells it, with every participant its
clause names and the names its pronouns and descriptions were written as, which the parse of the
predicate's own arguments (``participants.py``) misses. An event's actors are both.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.extract.events.participants import ATTRIBUTIONS, TARGET_KINDS, VENUE_PREPOSITIONS, mentioned
from timeline.extract.events.participation import load_participation
from timeline.extract.events.vocabulary import Vocabulary
from timeline.records import ActorRef, Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token


def named_in_title(title: str, segment: "Span", mentions: list[Mention], vocab: Vocabulary) -> tuple[ActorRef, ...]:
    """The actors the title names, in the order it names them: the happening as the
    title tells it, with every participant its clause names ("…phoned paramedics only
    after Michael Jackson had died", "testified that she urged Michael Jackson to…") and
    those its pronouns and descriptions were written as ("The singer's doctor" ->
    Conrad Murray), which the predicate's own arguments miss.

    A name of the sentence counts when the parse ties it to the clause as a party
    (``_takes_part``), not as a place, a venue, a nationality saying whose people act
    (as ``mentioned`` reads them), a topic ("talks about her son") or an exception
    ("in every country except Japan"). A name from elsewhere in the article counts
    when the title writes it in full, is no place and no relative's possessor
    ("Jackson's mother claims": the mother acts)."""
    inside = [m for m in mentions if segment.start_char <= m.start and m.end <= segment.end_char]
    kept = {a.name for a in mentioned(inside, segment)}
    spans: dict[str, tuple[int, int, str, bool]] = {}
    for mention in sorted(mentions, key=lambda m: m not in inside):  # the sentence's own mentions first
        if mention.name in spans:
            continue
        at = _whole_word(mention.name).search(title)
        if at is None:
            continue
        if mention in inside:
            takes_part = mention.name in kept and _takes_part(mention, segment, vocab)
        else:
            after = title[at.end():].removeprefix("'s ").removeprefix("’s ").split(" ", 1)[0]
            takes_part = mention.kind != "place" and after not in vocab.kin_nouns
        spans[mention.name] = (at.start(), at.end(), mention.kind, takes_part)
    # "Jackson" inside "Michael Jackson", "Italy" inside "the Parliament of Italy": part of a longer name
    out = [(a, n, k) for n, (a, b, k, ok) in spans.items() if ok and not any(
        a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2, _, _ in spans.values())]
    return tuple(ActorRef(name=n, kind=k) for _, n, k in sorted(out))


def with_conjuncts(listed: tuple[ActorRef, ...], segment: "Span", mentions: list[Mention],
                   predicate: "Token") -> tuple[ActorRef, ...]:
    """``listed`` and the names coordinated with one of them in the clause of ``predicate``
    ("Brazil, China, Russia and India issued", a title cut to "Brazil, China and Russia
    issued"): every conjunct takes part as the one listed does."""
    inside = [m for m in mentions if segment.start_char <= m.start and m.end <= segment.end_char]
    kept_names = {a.name for a in mentioned(inside, segment)}
    kept = [m for m in inside if m.name in kept_names]
    names = {a.name for a in listed}
    roots: dict[int, Mention] = {}
    for mention in kept:
        span = segment.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            roots.setdefault(span.root.i, mention)
    out: dict[str, ActorRef] = {}
    for i, mention in sorted(roots.items()):
        # the name where the happening's clause has it: another mention ("…, which has targeted
        # Selebi, Zuma and others"; "the rift between Sharif and Musharraf grew after Sharif ordered")
        # is in another clause
        if mention.name not in names or not _in_clause(segment.doc[i], predicate):
            continue
        for j in _conjuncts(segment.doc[i]):
            other = roots.get(j)
            if other is not None and other.name not in names:
                out.setdefault(other.name, ActorRef(name=other.name, kind=other.kind))
    return listed + tuple(out.values())


def _in_clause(token: "Token", predicate: "Token") -> bool:
    """Whether ``token`` hangs on ``predicate`` through no other clause's verb (a participle
    that only describes a noun, "a meeting held before the summit", is no clause of its own)."""
    while token.i != predicate.i:
        if token.head.i == token.i or token.pos_ in ("VERB", "AUX") and token.dep_ != "acl":
            return False
        token = token.head
    return True


def _conjuncts(token: "Token") -> list[int]:
    """The names coordinated with ``token``, first and later conjuncts alike."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("PROPN", "NOUN"):
        first = first.head
    out, todo = [], [first]
    while todo:
        current = todo.pop()
        out.append(current.i)
        todo.extend(c for c in current.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN"))
    return out


def _takes_part(mention: Mention, segment: "Span", vocab: Vocabulary) -> bool:
    """Whether every preposition between the name and its clause's predicate is one
    of taking part ("a loan to General Motors", "the decision against his boxer",
    "the trial of Conrad Murray"): not one of topic or exception, nor one of place
    before the name or a place or building ("at Sarm Studios", "in the suburb of
    Sandton"; "at the trial of Conrad Murray" names an occasion); a place preposition
    names a target only when the name is a country or a group ("fired at Israel");
    a relative's possessor takes no part ("Jackson's mother claims"), nor who words
    it ("what the Kremlin called peacekeeping")."""
    span = segment.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    if token.dep_ == "poss" and token.head.lemma_.lower() in vocab.kin_nouns:
        return False
    if token.dep_ == "nsubj" and token.head.dep_ != "ROOT" and \
            token.head.lemma_.lower() in load_participation().naming_verbs:
        return False  # "…to carry out what the Kremlin called peacekeeping"
    own = token
    while token.head.i != token.i:
        if token.lower_ in ATTRIBUTIONS:
            return False  # "According to the White House, Joe Biden spoke…": a source
        if token.dep_ in ("pobj", "pcomp"):
            preposition = token.head.lower_
            if not (preposition in vocab.participant_prepositions or preposition in vocab.member_prepositions or (
                    preposition in vocab.target_prepositions and mention.kind in TARGET_KINDS) or (
                    # "testified at the trial of Conrad Murray": an occasion, not a place
                    preposition in VENUE_PREPOSITIONS and token.i != own.i
                    and token.lemma_.lower() in load_participation().occasion_nouns)):
                return False
        token = token.head
    return True


@lru_cache(maxsize=4096)
def _whole_word(name: str) -> "re.Pattern[str]":
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def cut_from_title(clause: str, title: str, segment: "Span", mentions: list[Mention],
                   vocab: Vocabulary) -> tuple[ActorRef, ...]:
    """The parties of the ``clause`` the title was cut from to fit its length, whose own verb the
    title keeps: "Tom Hart's decision against his boxer Jim Doyle", cut after "decision", still
    tells of Jim Doyle, "sums to the parties opposing Ada Brenn" of Ada Brenn; a name under a verb the
    title left out ("..., and Sam Cole left", "objections that X would incite a revolt") tells
    another happening, and a country the title leaves out says whose people or office ("German
    Chancellor Olaf Scholz") more often than who acted."""
    kept = set(re.findall(r"[\w'’-]+", title.lower()))
    out = []
    for actor in (a for a in named_in_title(clause, segment, mentions, vocab) if a.kind != "country"):
        for _, token in _roots(segment, mentions, actor.name):
            # up to the name's own verb; a verb that describes a noun ("the parties opposing X") is the noun's
            while token.head.i != token.i and (token.pos_ not in ("VERB", "AUX") or token.dep_ == "acl"):
                token = token.head
            if token.pos_ in ("VERB", "AUX") and token.lower_ in kept:
                out.append(actor)
                break
    return tuple(out)


def attributions(segment: "Span", mentions: list[Mention]) -> frozenset[str]:
    """The names of the sentence a claim is attributed to ("according to the White House"): sources,
    not parties."""
    found = set()
    for mention, token in _roots(segment, mentions):
        while token.head.i != token.i and token.lower_ not in ATTRIBUTIONS:
            token = token.head
        if token.lower_ in ATTRIBUTIONS:
            found.add(mention.name)
    return frozenset(found)


def _roots(segment: "Span", mentions: list[Mention], name: str | None = None) -> list[tuple[Mention, "Token"]]:
    """The mentions inside ``segment`` (of ``name`` only, when given) with their head words, each found once."""
    spans = ((m, segment.doc.char_span(m.start, m.end, alignment_mode="expand")) for m in mentions
             if (name is None or m.name == name) and segment.start_char <= m.start and m.end <= segment.end_char)
    return [(m, span.root) for m, span in spans if span is not None]
