"""Claims: what a speaker says another party did.

"Libya says a NATO strike hit a civilian house" reports a statement by Libya, not a strike
the text vouches for: its title keeps the attribution and its type is ``statement``; the
strike is an event of its own only where the text reports it in its own voice. "The Kremlin
said Putin and Biden spoke", "Scholz said Germany was stopping the certification" report
what the speaker's own side did: the happening is told as such, under its own kind.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from timeline.extract.events.candidate import Anchor
from timeline.extract.events.wording import mentions_in
from timeline.extract.temporal.values import bounds
from timeline.records import DateEvidence, Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# Tenses in which what a speaker says another did is a claim about a past happening;
# "was stopping", "will send" announce an act, whoever it is told of.
REPORTED_TENSES = frozenset({"past", "perfect", "past-perfect"})
# Kinds of actor whose stated positions are news whatever they say.
OFFICIAL_KINDS = frozenset({"country", "organisation"})


def as_claim(anchor: Anchor, mentions: list[Mention], published: date | None = None) -> bool:
    """Make ``anchor`` a statement titled with its speaker when it reports another side's
    past act; otherwise leave it as it is. A statement is dated when it was made: "AIG
    executives said the Fed was informed three months ago", "the lawyer claimed the singer
    swallowed pills on the morning of his death", with no day for the saying, were said on
    the day of publication, not months before, when what they speak of happened. True when
    the statement is the saying the sentence dates in words of its own ("the charities
    yesterday said the names were collected on June 1"): that saying is an anchor apart
    (anchors.py), dated by its own day, and this one is no other happening."""
    speaker = anchor.speaker
    if not anchor.claim or speaker is None or anchor.mood.tense not in REPORTED_TENSES:
        return False
    if anchor.verb.tag_ == "VBG" and not (published is not None and _told_of_long_before(anchor, published)):
        return False  # "said Germany was stopping the certification" announces; "was agreeing in September" looks back
    said_by = _sides(_subject(speaker), mentions)
    done_by = _sides(_subject(anchor.verb), mentions)
    if said_by & done_by:
        return False  # a speaker telling of its own side's act
    anchor.title_root = speaker
    anchor.type, anchor.type_rule = "statement", f"claim:{speaker.lemma_.lower()}"
    if published is not None and _told_of_long_before(anchor, published):
        if _saying_dated(speaker):
            return True
        anchor.date, anchor.precision, anchor.status = published.isoformat(), "day", "occurred"
        anchor.evidence = DateEvidence(rule="publication-date", expression=None, value=published.isoformat())
        anchor.keep_out = anchor.keep_out - _words_of_times(anchor)  # "was agreeing in September to a ban"
    return False


# Dependencies through which a time is told on a verb: "yesterday said", "said on Friday".
TIME_DEPS = frozenset({"npadvmod", "tmod", "advmod"})


def _saying_dated(speaker: "Token") -> bool:
    """Whether the verb of saying carries a time of its own ("yesterday said", "said on Friday")."""
    for child in speaker.children:
        if child.dep_ in TIME_DEPS and child.ent_type_ in ("DATE", "TIME"):
            return True
        if child.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in child.children):
            return True
    return False


def _words_of_times(anchor: Anchor) -> set[int]:
    """The words of the anchor's time expressions and of the prepositions that carry them:
    once the date is not theirs, the title tells them."""
    out: set[int] = set()
    for timex, _, verb in anchor.timexes:
        span = verb.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        for token in span or []:
            out |= {token.i, token.head.i} if token.dep_ == "pobj" else {token.i}
    return out


def _told_of_long_before(anchor: Anchor, published: date) -> bool:
    """Whether the anchor's date is that of what was said, a time before the days of the
    news, while the saying itself has no time of its own and is told as news."""
    from timeline.extract.events.clauses import mood_of
    from timeline.extract.events.vocabulary import load_vocabulary

    speaker, vocab = anchor.speaker, load_vocabulary()
    if speaker is None or not anchor.evidence.expression or anchor.status != "occurred":
        return False
    if any(verb.i == speaker.i for _, _, verb in anchor.timexes):
        return False  # "said on Monday that…": the saying is dated
    span = bounds(anchor.date)
    if span is None or (published - span[1]).days <= vocab.lead_days:
        return False  # "Libya says a strike hit a house on Monday": the news of the days
    return mood_of(speaker, vocab).tense in ("past", "perfect", "present")


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
