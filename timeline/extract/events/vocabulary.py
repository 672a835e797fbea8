"""The vocabularies event extraction reads, loaded once from ``timeline/data``.

The words themselves live in ``event_types.yaml`` and ``event_vocabulary.yaml``
so that a maintainer can read and extend them without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from timeline.data import load_data

if TYPE_CHECKING:
    from timeline.sources.line_patterns import LinePatterns


@dataclass(frozen=True)
class Vocabulary:
    types: tuple[tuple[str, frozenset[str]], ...]  # in order of precedence
    reporting: frozenset[str]
    states: frozenset[str]
    modals: frozenset[str]
    future_markers: frozenset[str]
    future_auxiliaries: frozenset[str]
    conditionals: frozenset[str]
    sequence: frozenset[str]
    anaphoric: frozenset[str]
    boilerplate: "LinePatterns"
    dated_nouns: frozenset[str] = frozenset()
    time_units: frozenset[str] = frozenset()
    long_time_units: frozenset[str] = frozenset()  # "for decades": a simple past told over them is background
    subordinators: frozenset[str] = frozenset()
    offset_subordinators: dict[str, int] = field(default_factory=dict)
    directives: frozenset[str] = frozenset()
    verb_only: frozenset[str] = frozenset()
    domains: dict[str, str] = field(default_factory=dict)  # domain adjective → type
    talk_types: frozenset[str] = frozenset()  # kinds a topic's domain never overrides
    lead_days: int = 0
    lede_sentences: int = 0  # the sentences that open an article: its news, not its body
    light_predicates: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    definite_name_heads: frozenset[str] = frozenset()
    participant_prepositions: frozenset[str] = frozenset()
    member_prepositions: frozenset[str] = frozenset()
    target_prepositions: frozenset[str] = frozenset()
    venue_verbs: frozenset[str] = frozenset()  # "visited the United Kingdom": the object is where, not who
    people_nouns: frozenset[str] = frozenset()  # "Chinese campaigners": a nationality that describes people
    figure_nouns: frozenset[str] = frozenset()  # "US factory orders": a country's figures, no party
    hazard_nouns: frozenset[str] = frozenset()  # "an earthquake hit Haiti": the country is where, no party
    kin_nouns: frozenset[str] = frozenset()  # "Jackson's mother attended": the mother acts, not Jackson
    company_verbs: frozenset[str] = frozenset()  # "backed by Australia": the agent sides with the argument
    topic_prepositions: frozenset[str] = frozenset()
    person_country: bool = False
    denials: frozenset[str] = frozenset()  # verbs of saying whose content did not happen
    plain_saying: frozenset[str] = frozenset()  # "said", "added": an event only through what they say
    background_adverbs: frozenset[str] = frozenset()  # "already", "long": told as background
    habitual_adverbs: frozenset[str] = frozenset()  # "often", "usually": what used to happen
    negative_words: frozenset[str] = frozenset()  # "no", "nothing", "never": what did not happen
    as_complements: frozenset[str] = frozenset()  # "described X as Y": the "as" stays in a title
    announcing: frozenset[str] = frozenset()  # "announced sanctions": the object says the kind
    period_prepositions: frozenset[str] = frozenset()  # "since 9/11", "over the last decade"
    past_period_prepositions: frozenset[str] = frozenset()  # "for decades" after a simple past
    stretch_prepositions: frozenset[str] = frozenset()  # "in recent months": a stretch, not a day
    occasion_prepositions: frozenset[str] = frozenset()  # "on its first day": a time of its own
    caption_verbs: frozenset[str] = frozenset()  # "A trader walks past …": what a picture shows
    simultaneous: frozenset[str] = frozenset()  # "as", "when": a side clause of the main clause's time
    measured_offsets: frozenset[str] = frozenset()  # "later" of "months later": a time of its own
    offset_units: frozenset[str] = frozenset()  # units that measure such an offset
    impact_verbs: frozenset[str] = frozenset()  # "an earthquake struck": the subject says the kind
    opinion_labels: frozenset[str] = frozenset()  # "opinion", "comment": a page of views (opinion.py)
    first_person: frozenset[str] = frozenset()  # "I", "me", "my": the writer speaking in person
    first_person_sentences: int = 0  # how many such sentences make a page a column
    aspect_verbs: frozenset[str] = frozenset()  # "the trial began": the subject says the kind
    party_verbs: frozenset[str] = frozenset()  # "met the Chinese premier": diplomacy only with a party
    contact_parties: frozenset[str] = frozenset()  # "met his counterpart": a noun that is such a party
    phrasal_types: dict[str, str] = field(default_factory=dict)  # "call for" → statement
    modifier_first: frozenset[str] = frozenset()  # "flu cases": the modifier says the kind
    judging_verbs: frozenset[str] = frozenset()  # "called the attack premeditated": a judgement
    document_verbs: frozenset[str] = frozenset()  # "signed decrees recognising": the content says the kind
    light_verbs: frozenset[str] = frozenset()  # "had", "was", "did": no happening without a kind of their own
    party_kinds: frozenset[str] = frozenset()  # kinds of actor that name who did a happening
    party_nouns: frozenset[str] = frozenset()  # "the government", "police": institutions named by a common noun
    noun_types: dict[str, str] = field(default_factory=dict)  # "seats", "data": a common noun's kind, never a verb's
    figure_types: dict[str, str] = field(default_factory=dict)  # a figure's entity label ("$8 billion") → kind
    measure_verbs: frozenset[str] = frozenset()  # "shares fell", "the death toll rose": what moved says the kind
    measure_figure_types: dict[str, str] = field(default_factory=dict)  # "fell 5 percent": a measure's figure → kind

    def with_extra_types(self, extra: dict[str, tuple[str, ...]]) -> "Vocabulary":
        """The scheme with the maintainer's types (config ``events.types``) tried first."""
        if not extra:
            return self
        first = tuple((name, frozenset(w.lower() for w in words)) for name, words in sorted(extra.items()))
        # One vocabulary per scheme, not one per article: its lemma table is built once.
        if first not in self._extended:
            self._extended[first] = replace(self, types=first + self.types)
        return self._extended[first]

    @cached_property
    def _extended(self) -> dict[tuple[tuple[str, frozenset[str]], ...], "Vocabulary"]:
        return {}

    def type_of(self, lemma: str) -> str | None:
        return self._type_by_lemma.get(lemma)

    @cached_property
    def _type_by_lemma(self) -> dict[str, str]:
        """Each lemma's type: the first of ``types`` that has it."""
        out: dict[str, str] = {}
        for name, lemmas in self.types:
            for lemma in lemmas:
                out.setdefault(lemma, name)
        return out

    def is_boilerplate(self, text: str) -> bool:
        """Whether one of the ``boilerplate`` patterns is found in ``text`` (a line)."""
        return self.boilerplate.found_in(text)

    @property
    def type_names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.types) + ("other",)


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    found = data.get(key) or ()
    return frozenset(str(w).lower() for w in (found if isinstance(found, (list, tuple, set, frozenset)) else ()))


def _kind_of(data: dict[str, Any], key: str) -> dict[str, str]:
    """A list of words per kind read as the kind of each word ("diplomacy: [diplomatic]")."""
    return {str(word).lower(): kind for kind, words in (data.get(key) or {}).items() for word in words}


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    # Imported here: the sources package is slow to import and extraction needs only this of it.
    from timeline.sources.line_patterns import LinePatterns

    schemes = load_data("event_types.yaml")
    words = load_data("event_vocabulary.yaml")
    return Vocabulary(
        types=tuple((name, frozenset(str(w).lower() for w in lemmas)) for name, lemmas in schemes["types"].items()),
        reporting=_words(words, "reporting_verbs"),
        states=_words(words, "state_verbs"),
        modals=_words(words, "hypothetical_modals"),
        future_markers=_words(words, "future_markers"),
        future_auxiliaries=_words(words, "future_auxiliaries"),
        conditionals=_words(words, "conditional_markers"),
        sequence=_words(words, "sequence_adverbs"),
        anaphoric=_words(words, "anaphoric_objects"),
        boilerplate=LinePatterns(words.get("boilerplate") or ()),
        dated_nouns=_words(words, "dated_nouns"),
        time_units=_words(words, "time_units"),
        long_time_units=_words(words, "long_time_units"),
        subordinators=_words(words, "adverbial_subordinators"),
        directives=_words(schemes, "directive_verbs"),
        verb_only=_words(schemes, "verb_only"),
        domains=_kind_of(schemes, "domain_adjectives"),
        talk_types=_words(schemes, "talk_types"),
        light_predicates=_words(words, "light_predicates"),
        name_particles=_words(load_data("names.yaml"), "particles") | _words(words, "name_connectors"),
        definite_name_heads=_words(words, "definite_name_heads"),
        participant_prepositions=_words(words, "participant_prepositions"),
        member_prepositions=_words(words, "member_prepositions"),
        target_prepositions=_words(words, "target_prepositions"),
        venue_verbs=_words(words, "venue_verbs"),
        company_verbs=_words(words, "company_verbs"),
        people_nouns=_words(words, "people_nouns"),
        figure_nouns=_words(words, "figure_nouns"),
        hazard_nouns=_words(words, "hazard_nouns"),
        kin_nouns=_words(words, "kin_nouns"),
        topic_prepositions=_words(words, "topic_prepositions"),
        person_country=bool(words.get("person_country")),
        denials=_words(words, "denial_verbs"),
        plain_saying=_words(words, "plain_saying_verbs"),
        background_adverbs=_words(words, "background_adverbs"),
        habitual_adverbs=_words(words, "habitual_adverbs"),
        negative_words=_words(words, "negative_words"),
        as_complements=_words(words, "as_complement_verbs"),
        announcing=_words(schemes, "announcing_verbs"),
        impact_verbs=_words(schemes, "impact_verbs"),
        aspect_verbs=_words(schemes, "aspect_verbs"),
        party_verbs=_words(schemes, "party_verbs"),
        contact_parties=_words(schemes, "contact_parties"),
        phrasal_types=_kind_of(schemes, "phrasal_types"),
        modifier_first=_words(schemes, "modifier_first"),
        judging_verbs=_words(schemes, "judging_verbs"),
        document_verbs=_words(schemes, "document_verbs"),
        noun_types=_kind_of(schemes, "noun_types"),
        figure_types=_kind_of(schemes, "figure_types"),
        measure_verbs=_words(schemes, "measure_verbs"),
        measure_figure_types=_kind_of(schemes, "measure_figure_types"),
        period_prepositions=_words(words, "period_prepositions"),
        past_period_prepositions=_words(words, "past_period_prepositions"),
        stretch_prepositions=_words(words, "stretch_prepositions"),
        occasion_prepositions=_words(words, "occasion_prepositions"),
        caption_verbs=_words(words, "caption_verbs"),
        simultaneous=_words(words, "simultaneous_subordinators"),
        measured_offsets=_words(words, "measured_offset_adverbs"),
        offset_units=_words(words, "offset_units"),
        light_verbs=_words(words, "light_verbs"),
        party_kinds=_words(words, "party_kinds"),
        party_nouns=_words(words, "party_nouns"),
        opinion_labels=_words(words, "opinion_labels"),
        first_person=_words(words, "first_person_words"),
        first_person_sentences=int(words.get("first_person_sentences") or 0),
        lead_days=int(words.get("lead_event_days") or 0),
        lede_sentences=int(words.get("lede_sentences") or 0),
        offset_subordinators={str(k).lower(): int(v) for k, v in (words.get("offset_subordinators") or {}).items()},
    )
