"""Coreference of names inside one article: a surname, an acronym or a short
form takes the full name the article gives it elsewhere."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.actors.found import Found
from timeline.extract.actors.gazetteer import Gazetteer, load_gazetteer
from timeline.extract.actors.names import fold, name_key
from timeline.extract.actors.particles import is_particle_surname, surname_of
from timeline.extract.actors.spelling import initials, same_word

if TYPE_CHECKING:
    from spacy.tokens import Doc


def corefer_people(found: list[Found]) -> None:
    """A surname or other part of a full name seen in the same article takes
    that full name: the nearest one before it, else the first one after."""
    particles = load_gazetteer().particles
    # A full name is a given name before its surname: "von der Leyen" is
    # Ursula von der Leyen's surname, not a full name of its own.
    full = [f for f in found if f.kind == "person" and len(f.name.split()) > 1
            and not is_particle_surname(f.name.split(), particles)]
    # each full name's keys: its last word, its surname, its first word
    keys = [(p, name_key(p.name.split()[-1]), name_key(" ".join(surname_of(p.name.split(), particles))),
             name_key(p.name.split()[0])) for p in full]
    full_ids = {id(p) for p in full}
    for f in found:
        if f.known or f.kind not in ("person", "organisation") or id(f) in full_ids:
            continue
        key = name_key(f.name)
        one_word = " " not in f.name
        # a given name alone is the full name's; after a title ("Prince Michael") it is a name of its own
        given = one_word and f.role is None
        matches = [p for p, last, surname, first in keys if key in (last, surname) or given and key == first]
        if f.kind == "organisation":  # a tagger's slip: "Hanna" as an organisation
            matches = [p for p, last, surname, _ in keys if key in (last, surname)]
        if not matches and one_word and f.kind == "person":  # "Gadhafi" after "Muammar Gaddafi"
            matches = [p for p, *_ in keys if same_word(p.name.split()[-1], f.name)]
        if not matches:
            continue
        before = [p for p in matches if p.span.start < f.span.start]
        target = before[-1] if before else matches[0]
        f.name, f.kind = target.name, "person"
        if f.role is None and target.role:
            f.country = f.country or target.country


def untagged_surnames(doc: "Doc", found: list[Found], gaz: Gazetteer) -> list[Found]:
    """A surname the tagger missed ("a smiling Mr Hu", "Months later Xi joined") is the one
    person of the article with that surname, named in full: a capitalised proper noun alone
    or after an honorific, outside every name found."""
    surnames: dict[str, set[str]] = {}
    people: dict[str, Found] = {}
    for f in found:
        words = f.name.split()
        if f.kind == "person" and len(words) > 1:
            # the family name comes last, or first ("Hu Jintao", "Xi Jinping")
            for word in {words[-1], words[0]} if len(words) == 2 else {words[-1]}:
                surnames.setdefault(name_key(word), set()).add(f.name)
            people.setdefault(f.name, f)
    if not surnames:
        return []
    covered = {i for f in found for i in range(f.span.start, f.span.end)}
    out: list[Found] = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_ in (
                "GPE", "LOC", "ORG", "FAC", "NORP"):
            continue
        owners = surnames.get(name_key(token.text), set())
        if len(owners) != 1:
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (before is not None and before.pos_ == "PROPN" and fold(before.text) not in gaz.honorifics) or (
                after is not None and after.pos_ == "PROPN"):
            continue  # part of another name
        person = people[next(iter(owners))]
        out.append(Found(doc[token.i:token.i + 1], token.text, person.name, "person", country=person.country))
    return out


def corefer_organisations(found: list[Found], gaz: Gazetteer) -> None:
    """An acronym or the first word of a two-word company name takes the full
    name from the same article ("USAF" → United States Air Force, "Lockheed"
    → Lockheed Martin)."""
    orgs = [f for f in found if f.kind == "organisation" and len(f.name.split()) > 1]
    # News introduces a company by its full name and shortens it later; a
    # short form first seen before the longer name is a name of its own
    # ("Ford" before "Ford Taurus", "Apple Inc." before "Apple Corps").
    first: dict[str, int] = {}
    for f in found:
        first.setdefault(f.name, f.span.start)
    for f in found:
        if f.known or f.kind != "organisation":
            continue
        if " " in f.name:  # "the Air Force" after "the United States Air Force"
            longer = [o for o in orgs if o.span.start < f.span.start and o.name.endswith(" " + f.name)]
            if longer:
                f.name = longer[-1].name
            continue
        owned = [o for o in orgs if o.span.start < f.span.start and o.name.endswith(" " + f.name)
                 and gaz.country_of_adjective(o.name[:-len(f.name) - 1])]
        if owned:  # "the Treasury" after "the U.S. Treasury"; not "Brothers" after "Lehman Brothers"
            f.name = owned[-1].name
            continue
        for org in orgs:
            words = org.name.split()
            letters = initials(org.name)
            short = f.name.replace(".", "")
            # "PLA" of "the Chinese People's Liberation Army": the nationality before a name is no letter of it
            own = letters[1:] if gaz.country_of_adjective(words[0]) else letters
            if (short.isupper() and len(short) >= 2 and (short in (letters, own) or len(short) >= 3 and
                                                         letters.startswith(short))) \
                    or (len(words) == 2 and words[0] == f.name and first[org.name] < first[f.name]
                        and fold(f.text) == fold(f.name)):
                f.name = org.name
                break
