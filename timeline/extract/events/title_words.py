"""The words that decide how a title names its subject and what it must keep,
loaded once from ``timeline/data/title_words.yaml``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from timeline.data import load_data


@dataclass(frozen=True)
class TitleWords:
    kind_nouns: dict[str, str]  # "country" -> the kind of actor it describes
    dominance: int  # how many times as often as the next the one actor of a kind is named
    agent_nouns: frozenset[str]  # people or bodies a nationality only describes
    needs_complement: frozenset[str]  # verbs a headline cannot end on
    never_last: frozenset[str]  # words a headline is never cut on
    dropped_adverbs: frozenset[str] = frozenset()  # "also", "meanwhile": ties to the sentence before
    person_nouns: frozenset[str] = frozenset()  # "the singer": the headline's person when untied
    particles: frozenset[str] = frozenset()  # "stepped back", "held up": part of the verb, never pruned
    office_times: frozenset[str] = frozenset()  # "former", "acting": which holder of an office
    role_nouns: frozenset[str] = frozenset()  # "served as physician": a role an "as" keeps
    restricting_adverbs: frozenset[str] = frozenset()  # "only after": the side clause is the point
    empty_nouns: frozenset[str] = frozenset()  # "in a move": says nothing once its clause is gone
    partitive_nouns: frozenset[str] = frozenset()  # "half of the staff": never without its "of"
    truth_adverbs: frozenset[str] = frozenset()  # "largely", "unduly": the claim is false without them
    own_voices: frozenset[str] = frozenset()  # "his office said": the voice of the one already named
    purpose_verbs: frozenset[str] = frozenset()  # "sent a plane to pick up…": what for is the news
    clause_verbs: frozenset[str] = frozenset()  # "…, a judge ruled": a clause before it is what it decided
    selected_prepositions: frozenset[str] = frozenset()  # "elected to", "sided with": what the verb acts on
    adjunct_entities: frozenset[str] = frozenset()  # "on Monday", "to Kabul": a setting, not an argument
    relational_nouns: frozenset[str] = frozenset()  # "in response to", "ties to": never without their phrase
    relational_prepositions: frozenset[str] = frozenset()  # "to" of "response to", not "from"
    defined_heads: frozenset[str] = frozenset()  # "those [who donated]": no one until the clause says
    condition_marks: frozenset[str] = frozenset()  # "would support it if…": the condition is the claim
    demand_verbs: frozenset[str] = frozenset()  # "called for a boycott unless…": the condition is the demand
    place_prepositions: frozenset[str] = frozenset()  # "to London": where, kept when a headline has room
    party_prepositions: frozenset[str] = frozenset()  # "against Ida Brandt": with or against whom
    party_entities: frozenset[str] = frozenset()  # kinds of named entity that are a party
    party_nouns: frozenset[str] = frozenset()  # "a case [against X]": its with/against phrase names a party
    relative_days: frozenset[str] = frozenset()  # "on Sunday", "yesterday": left to the date
    statement_nouns: frozenset[str] = frozenset()  # "filed an affidavit" [alleging…]: says something
    statement_verbs: frozenset[str] = frozenset()  # "alleging", "demanding": what a statement says
    # "a cut" [in aid], "deaths" [from the fever]: preposition -> the nouns never written without its phrase
    noun_complements: dict[str, frozenset[str]] = field(default_factory=dict)


def _office_words() -> frozenset[str]:
    """The last word of each title of office: "minister" of "Prime Minister"."""
    roles = load_data("roles.yaml") or {}
    return frozenset(str(t).split()[-1].lower() for t in roles.get("titles") or [] if str(t).strip())


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    listed = data.get(key) or []
    return frozenset(str(w).lower() for w in listed) if isinstance(listed, list) else frozenset()


@lru_cache(maxsize=1)
def load_title_words() -> TitleWords:
    data = load_data("title_words.yaml")
    return TitleWords(
        kind_nouns={str(noun).lower(): str(kind) for kind, nouns in (data.get("kind_nouns") or {}).items()
                    for noun in nouns},
        dominance=int(data.get("dominance") or 2),
        agent_nouns=frozenset(str(w).lower() for w in data.get("agent_nouns") or []),
        needs_complement=frozenset(str(w).lower() for w in data.get("needs_complement") or []),
        never_last=frozenset(str(w).lower() for w in data.get("never_last") or []),
        dropped_adverbs=frozenset(str(w).lower() for w in data.get("dropped_adverbs") or []),
        person_nouns=frozenset(str(w).lower() for w in data.get("person_nouns") or []) | _office_words(),
        particles=frozenset(str(w).lower() for w in data.get("particles") or []),
        office_times=frozenset(str(w).lower() for w in data.get("office_times") or []),
        role_nouns=_words(data, "role_nouns") | frozenset(w.lower() for w in _office_words()),
        restricting_adverbs=_words(data, "restricting_adverbs"),
        empty_nouns=_words(data, "empty_nouns"),
        partitive_nouns=_words(data, "partitive_nouns"),
        truth_adverbs=_words(data, "truth_adverbs"),
        own_voices=_words(data, "own_voices"),
        clause_verbs=_words(data, "clause_verbs"),
        purpose_verbs=_words(data, "purpose_verbs"),
        selected_prepositions=_words(data, "selected_prepositions"),
        adjunct_entities=frozenset(w.upper() for w in _words(data, "adjunct_entities")),
        relational_nouns=_words(data, "relational_nouns"),
        relational_prepositions=_words(data, "relational_prepositions"),
        defined_heads=_words(data, "defined_heads"),
        condition_marks=_words(data, "condition_marks"),
        demand_verbs=_words(data, "demand_verbs"),
        place_prepositions=_words(data, "place_prepositions"),
        party_prepositions=_words(data, "party_prepositions"),
        party_entities=frozenset(w.upper() for w in _words(data, "party_entities")),
        party_nouns=_words(data, "party_nouns"),
        relative_days=_words(data, "relative_days"),
        statement_nouns=_words(data, "statement_nouns"),
        statement_verbs=_words(data, "statement_verbs"),
        noun_complements={str(prep).lower(): frozenset(str(w).lower() for w in nouns or [])
                          for prep, nouns in (data.get("noun_complements") or {}).items()},
    )
