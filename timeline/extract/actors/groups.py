"""Collective actors in one article: a common noun for a body of people qualified by a
country or a named place ("Libyan rebels", "Los Angeles police") or owned by a country
("Zimbabwe's police"), when it acts. A bare noun ("protesters") names nobody in particular."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.actors.filters import load_filters
from timeline.extract.actors.found import Found
from timeline.extract.actors.gazetteer import Gazetteer
from timeline.extract.actors.institutions import positions
from timeline.extract.actors.names import fold
from timeline.extract.events.participation import load_participation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def qualified_groups(doc: "Doc", gaz: Gazetteer) -> list[Found]:
    """Collective actors named by a common noun qualified by a country or a
    named place or body, when they act ("Libyan rebels advanced", "Los Angeles
    police searched"); a bare noun ("protesters gathered") names nobody in
    particular and is no actor."""
    out = []
    for tok in map(doc.__getitem__, positions(doc, "LOWER", gaz.group_nouns)):
        # Subjects act and objects are acted on ("police dispersed protesters");
        # a modifier ("protester numbers") or a prepositional object is no actor.
        if tok.ent_type_ or tok.dep_ not in ("nsubj", "nsubjpass", "dobj") or fold(tok.text) not in gaz.group_nouns:
            continue
        qualifier = next((c for c in tok.children if c.dep_ in ("amod", "compound") and c.i == tok.i - 1), None)
        if qualifier is None:
            owned = owned_by_country(tok, gaz)
            if owned is not None:
                out.append(owned)
            continue
        start = qualifier.i
        if start >= 2 and load_filters().is_stance(doc[start - 2:start + 1].text):
            continue  # "pro-Moscow gunmen": who they side with, not whose they are
        country = gaz.country_of_adjective(qualifier.text)
        if country is None and qualifier.ent_type_ in ("GPE", "LOC", "NORP", "ORG"):
            while start > 0 and qualifier.ent_iob_ == "I" and doc[start].ent_iob_ == "I":
                start -= 1  # "Los Angeles": the whole name before the noun
            place = gaz.place(doc[start:qualifier.i + 1].text)
            if (place is not None and place.kind == "organisation" or place is None and qualifier.ent_type_ == "ORG") \
                    and tok.lower_ in load_participation().staff_nouns:
                continue  # "Red Cross workers", "UN staff": the organisation's own people, the organisation acts
            country = place.country if place is not None else None
        elif country is None:
            continue
        span = doc[start:tok.i + 1]
        name = f"{span[:-1].text} {tok.text.lower()}"
        out.append(Found(span, tok.text, name[:1].upper() + name[1:], "group", country=country))
    return out


def owned_by_country(tok: "Token", gaz: Gazetteer) -> Found | None:
    """"Zimbabwe's police": the body of a country named as its possessor is the
    same group as "Zimbabwean police", named the same way."""
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.i == tok.i - 2
                  and tok.doc[tok.i - 1].tag_ == "POS"), None)
    if owner is None:
        return None
    start = min([owner.i] + [c.i for c in owner.children if c.dep_ == "compound"])  # "the United States'"
    entry = gaz.lookup(tok.doc[start:owner.i + 1].text)
    if entry is None or entry.kind != "country" or entry.name not in gaz.adjectives:
        return None
    span = tok.doc[start:tok.i + 1]
    return Found(span, tok.text, f"{gaz.adjectives[entry.name]} {tok.text.lower()}", "group", country=entry.name)
