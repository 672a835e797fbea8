"""A title is read alone, away from the sentence that said who "he" or "it" is: a
pronoun that opens it is replaced by what it stands for, but only when the text makes
that certain. Otherwise the pronoun stays, and a happening with no one named at all
is not an event (see ``unnamed``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.events.clauses import clause_root
from timeline.records import ActorRef, Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

PERSONAL = frozenset({"he", "she"})
POSSESSIVE = frozenset({"his", "her"})  # "His trial ended" -> Nawaz Sharif's trial ended
# "it" takes up a singular subject, "they" a plural one.
NEUTER = {"it": ("NN", "NNP"), "they": ("NNS", "NNPS")}
# Subjects that name no one: a title opening with one, left as it is, says nothing of who.
UNNAMED = PERSONAL | POSSESSIVE | frozenset(NEUTER) | frozenset(
    {"i", "we", "you", "this", "that", "these", "those", "there"})
# The longest subject, in tokens, that "it" or "they" is replaced with.
SUBJECT_TOKENS = 5


def name_pronoun(title: str, segment: "Span", mentions: list[Mention]) -> str:
    """"He later ordered…" -> Conrad Murray later ordered…, when one person, and only one,
    is named between the start of the sentence before and the pronoun; "It struck south
    of the capital" -> The earthquake struck…, when the sentence before has a subject of
    the pronoun's number and it is a name or a definite noun phrase."""
    first, _, rest = title.partition(" ")
    pronoun_word = first.lower()
    personal = pronoun_word in PERSONAL or pronoun_word in POSSESSIVE
    if not rest or segment.start == 0 or (not personal and pronoun_word not in NEUTER):
        return title
    pronoun = next((t for t in segment if t.lower_ == pronoun_word and t.pos_ == "PRON"), None)
    if pronoun is None:
        return title
    sentence = segment.doc.spacy[segment.start - 1].sent
    if personal:
        named = {m.name for m in mentions if m.kind == "person" and sentence.start_char <= m.start
                 and m.end <= pronoun.idx}
        if len(named) != 1:
            return title
        owner = "'s" if pronoun_word in POSSESSIVE else ""
        return f"{named.pop()}{owner} {rest}"
    before = clause_root(segment.doc[sentence.start:sentence.end])
    subject = next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None) if before else None
    if subject is None or subject.tag_ not in NEUTER[pronoun_word] or not _definite(subject):
        return title
    words = list(subject.subtree)
    if len(words) > SUBJECT_TOKENS:
        return title
    named_as = next((m.name for m in mentions if m.start <= subject.idx < m.end and m.kind != "person"), None)
    phrase = named_as or "".join(t.text_with_ws for t in words).strip()
    return f"{phrase[:1].upper()}{phrase[1:]} {rest}"


def _definite(subject: "Token") -> bool:
    """A name, a noun phrase with "the" or a possessive ("the earthquake", "Haiti's
    government"), or a bare plural ("rescue teams from France"); not "a man", "some
    officials", whom a title could not tell apart."""
    if subject.pos_ == "PROPN" or any(c.dep_ == "poss" for c in subject.children):
        return True
    determiners = [c.lower_ for c in subject.children if c.dep_ == "det"]
    return determiners == ["the"] or (not determiners and subject.tag_ == "NNS")


def unnamed(title: str, actors: tuple[ActorRef, ...], root: "Token") -> bool:
    """A title opening with a pronoun no one was found for, and no actor, tells of no one;
    one opening with its own verb ("Began with…", "Will be", "Is to face questions") lost
    its subject altogether."""
    first = title.split(" ", 1)[0].lower()
    if first == root.lower_ or any(c.dep_ in ("aux", "auxpass", "advmod", "neg") and c.lower_ == first
                                   and c.i < root.i for c in root.children):
        return True
    return not actors and first in UNNAMED
