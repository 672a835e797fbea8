"""The other words of an event: the summary sentence, the actors in order of
mention, the place and the figures it reports."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from timeline.records import ActorRef, Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span

NUMBER_ENTS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_SPACES = re.compile(r"\s+")


def mentions_in(mentions: Iterable[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.start >= start and m.end <= end]


def actors_of(mentions: Iterable[Mention]) -> tuple[ActorRef, ...]:
    """Canonical actors in order of first mention, each once."""
    seen: dict[str, ActorRef] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        seen.setdefault(mention.name, ActorRef(name=mention.name, kind=mention.kind))
    return tuple(seen.values())


def place_of(mentions: Iterable[Mention], doc_tokens: "Span") -> str | None:
    """The first place named after a locative preposition ("in Kyiv", "near the Kuril Islands")."""
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.kind != "place":
            continue
        span = doc_tokens.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in (
                "in", "to", "near", "at", "through", "into", "from", "outside"):
            return mention.name
    return None


# Debris of a quote or dash decoded in the wrong encoding ("tensions †¦ and"): never a title's words.
_MISDECODED = re.compile(r"\s*(?:â€|[†‡¦™�])+")
# "Pakistan†™ s prime minister": a possessive whose apostrophe was decoded in the wrong encoding.
_MISDECODED_POSSESSIVE = re.compile(r"(?<=\w)\s*(?:â€|†)™\s?s\b")
# "donated # 12m": a pound sign some pages were scraped with as "#" before an amount.
_HASH_POUND = re.compile(r"(?<![\w#])#\s?(?=\d)")


def as_meant(text: str) -> str:
    """Words as the page meant them, for a title: encoding debris dropped, a misdecoded
    possessive and a pound sign scraped as "#" written as they were."""
    return _MISDECODED.sub("", _MISDECODED_POSSESSIVE.sub("'s", _HASH_POUND.sub("£", text)))


@lru_cache(maxsize=1024)  # a sentence is the summary of each happening it reports
def clean_text(text: str) -> str:
    """A sentence for the summary: one line, no stray spaces."""
    return _SPACES.sub(" ", text).strip()


def numbers_of(segment: "Span", keep_out: set[int]) -> tuple[str, ...]:
    """Figures a sentence reports ("100,000 troops"), to spot sources that disagree."""
    found: list[str] = []
    for ent in segment.ents:
        if ent.label_ in NUMBER_ENTS and not any(t.i in keep_out for t in ent):
            found.append(clean_text(ent.text))
    return tuple(dict.fromkeys(found))
