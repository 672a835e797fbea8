"""Anchor: a predicate of a sentence that may report a happening, with what the
reading of its clause found (mood, speaker, quotation, stance) and, once dated,
its date, evidence and type."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from timeline.extract.events.clauses import Mood
from timeline.records import DateEvidence, Timex

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


@dataclass
class Anchor:
    verb: "Token"  # the predicate the happening is named after
    title_root: "Token"  # the clause its title is cut from
    is_main: bool
    is_reporting: bool
    mood: Mood
    group: set[int]  # predicates that share its time (conjuncts, the verb of saying above it)
    keep_out: set[int] = field(default_factory=set)
    extra_subject: "Token | None" = None
    timexes: list[tuple[Timex, str, "Token"]] = field(default_factory=list)
    date: str = ""
    precision: str = ""
    status: str = "occurred"
    speaker: "Token | None" = None  # the verb of saying above ``verb``, if any
    quoted: bool = False  # a verb of saying with a quotation as content
    anaphoric: bool = False  # its object points back to the previous happening
    stance: bool = False  # "have warned that Russia could invade": a standing position, undated
    claim: bool = False  # what a speaker says a named other did: maybe a claim (see claims.py)
    opinion: bool = False  # plain saying of an opinion: an event only from an official voice (claims.py)
    evidence: DateEvidence = field(default_factory=lambda: DateEvidence(rule=""))
    type: str = "other"
    type_rule: str = ""

