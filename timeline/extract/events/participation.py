"""The nouns that decide whether a name inside an argument takes part in a
happening, loaded once from ``timeline/data/participation.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# Dependencies by which a word qualifies the noun it hangs on.
_QUALIFYING = frozenset({"poss", "amod", "compound", "nmod"})
# Prepositions that say where something happened.
_VENUE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "across", "throughout", "inside", "through"})


@dataclass(frozen=True)
class ParticipationWords:
    owned_nouns: frozenset[str]  # "the ruins of the UN mission": an "of" that names an owner, no party
    described_nouns: frozenset[str]  # "the Haitian community": a nationality that describes, no state acting
    venue_nouns: frozenset[str]  # "in a Johannesburg suburb": a name that says where
    occasion_nouns: frozenset[str]  # "at the trial of Conrad Murray": a name that takes part in it
    naming_verbs: frozenset[str]  # "what the Kremlin called peacekeeping": who words it takes no part
    office_nouns: frozenset[str] = frozenset()  # "Zimbabwe's prime minister": the country describes the holder
    premises_nouns: frozenset[str] = frozenset()  # "leave Hong Kong's Metropark hotel": where, in any role
    sending_verbs: frozenset[str] = frozenset()  # "sending marines to Haiti": a destination
    travel_nouns: frozenset[str] = frozenset()  # "flights to Mexico": a destination
    thing_nouns: frozenset[str] = frozenset()  # "the antiviral drug Tamiflu": a thing, no party
    few_words: frozenset[str] = frozenset()  # "two Americans": some people, not a people
    follower_nouns: frozenset[str] = frozenset()  # "Sharif supporters": the supporters act
    origin_participles: frozenset[str] = frozenset()  # "Chinese-made goods": where a thing comes from
    landmark_nouns: frozenset[str] = frozenset()  # "the Batalik ranges": which range, no party
    peoples: frozenset[str] = frozenset()  # "mostly Uighurs were killed": a people named bare
    estate_nouns: frozenset[str] = frozenset()  # "a raid of Neverland Ranch": a name of a place, no party
    landform_nouns: frozenset[str] = frozenset()  # "the Khyber Pass", "the Japan Sea": a place, no party
    addressed_verbs: frozenset[str] = frozenset()  # "warned that Russia would pay": said to the country
    staff_nouns: frozenset[str] = frozenset()  # "Red Cross workers": the organisation's people, it acts
    dependant_nouns: frozenset[str] = frozenset()  # "Jackson's estate": whose holdings act, not he
    attendant_nouns: frozenset[str] = frozenset()  # "Jackson's doctor, Conrad Murray": the doctor named acts
    settlement_nouns: frozenset[str] = frozenset()  # "St Anne's village": which place, no party
    credit_verbs: frozenset[str] = frozenset()  # "…, writes Ann Lee": the report's writer, no voice
    few_most: int = 20  # "some 30 Norlanders": some people, up to this count


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    listed = data.get(key) or []
    return frozenset(str(w).lower() for w in listed) if isinstance(listed, list) else frozenset()


@lru_cache(maxsize=1)
def load_participation() -> ParticipationWords:
    data = load_data("participation.yaml") or {}
    return ParticipationWords(
        owned_nouns=_words(data, "owned_nouns"),
        described_nouns=_words(data, "described_nouns"),
        venue_nouns=_words(data, "venue_nouns"),
        occasion_nouns=_words(data, "occasion_nouns"),
        naming_verbs=_words(data, "naming_verbs"),
        office_nouns=_words(data, "office_nouns"),
        premises_nouns=_words(data, "premises_nouns"),
        sending_verbs=_words(data, "sending_verbs"),
        travel_nouns=_words(data, "travel_nouns"),
        thing_nouns=_words(data, "thing_nouns"),
        few_words=_words(data, "few_words"),
        follower_nouns=_words(data, "follower_nouns"),
        origin_participles=_words(data, "origin_participles"),
        landmark_nouns=_words(data, "landmark_nouns"),
        peoples=_words(data, "peoples"),
        estate_nouns=_words(data, "estate_nouns"),
        landform_nouns=_words(data, "landform_nouns"),
        addressed_verbs=_words(data, "addressed_verbs"),
        staff_nouns=_words(data, "staff_nouns"),
        dependant_nouns=_words(data, "dependant_nouns"),
        attendant_nouns=_words(data, "attendant_nouns"),
        settlement_nouns=_words(data, "settlement_nouns"),
        credit_verbs=_words(data, "credit_verbs"),
        few_most=_count(data, "few_most", 20),
    )


def _count(data: dict[str, object], key: str, default: int) -> int:
    value = data.get(key)
    return value if isinstance(value, int) else default


def in_venue(root: "Token") -> bool:
    """A name qualifying a place or a building named after a preposition of place
    ("in a Johannesburg suburb", "at the UN headquarters", "at Trevor Horn's Sarm
    Studios", "on the streets of Pakistan"): where it happened, as the place or building is."""
    venues = load_participation().venue_nouns
    head = root
    while head.head.i != head.i:
        if head.dep_ in _QUALIFYING and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in venues:
            head = head.head.head  # "the suburb of Sandton"
        else:
            break
    if head.dep_ != "pobj" or head.lemma_.lower() not in venues:
        return False
    # "on the streets of Pakistan": "on" a place that is no body of the state ("an attack on the US
    # embassy" has the state as its target)
    return head.head.lower_ in _VENUE_PREPOSITIONS or (
        head.head.lower_ == "on" and head.lemma_.lower() in load_participation().premises_nouns)
