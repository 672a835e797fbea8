"""Claims: what a speaker says another party did.

"Libya says a NATO strike hit a civilian house" reports a statement by Libya, not a strike
the text vouches for: its title keeps the attribution and its type is ``statement``; the
strike is an event of its own only where the text reports it in its own voice. "The Kremlin
said Putin and Biden spoke", "Scholz said Germany was stopping the certification" report
what the speaker's own side did: the happening is told as such, under its own kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.events.candidate import Anchor
from timeline.extract.events.wording import mentions_in
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# Tenses in which what a speaker says another did is a claim about a past happening;
# "was stopping", "will send" announce an act, whoever it is told of.
REPORTED_TENSES = frozenset({"past", "perfect", "past-perfect"})
# Kinds of actor whose stated positions are news whatever they say.
OFFICIAL_KINDS = frozenset({"country", "organisation"})


def as_claim(anchor: Anchor, mentions: list[Mention]) -> None:
    """Make ``anchor`` a statement titled with its speaker when it reports another side's
    past act; otherwise leave it as it is."""
    speaker = anchor.speaker
    if not anchor.claim or speaker is None or anchor.mood.tense not in REPORTED_TENSES or anchor.verb.tag_ == "VBG":
        return
    said_by = _sides(_subject(speaker), mentions)
    done_by = _sides(_subject(anchor.verb), mentions)
    if said_by & done_by:
        return  # a speaker telling of its own side's act
    anchor.title_root = speaker
    anchor.type, anchor.type_rule = "statement", f"claim:{speaker.lemma_.lower()}"


def unofficial_opinion(anchor: Anchor, mentions: list[Mention]) -> bool:
    """"The analyst said the government was in a difficult position": plain saying of an
    opinion is commentary, unless the voice is a country, an organisation or a person
    named with an office ("Scholz said there was no justification for the build-up").
    A person speaks for themselves even when the article names the body they work at."""
    if not anchor.opinion:
        return False
    voices = _speaker(_subject(anchor.verb), mentions)
    office_holders = {m.name for m in mentions if m.kind == "person" and m.role}  # named with an office anywhere
    return not any(m.kind in OFFICIAL_KINDS or m.name in office_holders for m in voices)


def _speaker(subject: "Token | None", mentions: list[Mention]) -> list[Mention]:
    """Who speaks: the name at the head of the subject ("Dr Shah of MSF", "Shi Yinhong,
    professor at Renmin University": a person, whatever body they belong to), else the
    body a common noun speaks for ("the head of the IMF", "a spokesman for the ministry")."""
    if subject is None:
        return []
    at_head = [m for m in mentions if m.start <= subject.idx < m.end]
    if at_head:
        return at_head
    return [m for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "from", "at")
            for m in _voices(prep, mentions)]


def _voices(subject: "Token | None", mentions: list[Mention]) -> list[Mention]:
    if subject is None:
        return []
    tokens = list(subject.subtree)
    return mentions_in(mentions, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))


def _subject(verb: "Token") -> "Token | None":
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _sides(subject: "Token | None", mentions: list[Mention]) -> set[str]:
    """The actors a subject names and the countries they belong to."""
    inside = _voices(subject, mentions)
    return {m.name for m in inside} | {m.country for m in inside if m.country}
