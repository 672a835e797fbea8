"""Coreference of names inside one article: a surname, an acronym or a short
form takes the full name the article gives it elsewhere."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.extract.actors.found import Found
from timeline.extract.actors.gazetteer import Gazetteer, load_gazetteer, read_data
from timeline.extract.actors.names import fold, name_key
from timeline.extract.actors.particles import is_particle_surname, surname_of
from timeline.extract.actors.spelling import initials, same_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def people_read_as_places(found: list[Found], gaz: Gazetteer) -> None:
    """A name the tagger read as a place no gazetteer knows is a person's when the
    article says so: after an honorific ("Mr Mbeki"), ending in the surname of a
    person named alone ("Thabo Mbeki" beside "Mr Mbeki"), or the surname alone of
    a person named in full."""
    unknown = [f for f in found if f.kind == "place" and not f.known and gaz.place(f.name) is None and
               gaz.place(f.name.split()[-1]) is None]
    for f in unknown:
        words = f.name.split()
        if len(words) > 1 and fold(words[0]) in gaz.honorifics:
            f.name, f.kind, f.country = " ".join(words[1:]), "person", None
    alone = {name_key(f.name) for f in found if f.kind == "person" and " " not in f.name}
    for f in unknown:
        if f.kind == "place" and " " in f.name and name_key(f.name.split()[-1]) in alone:
            f.kind, f.country = "person", None
    surnames = {name_key(f.name.split()[-1]) for f in found if f.kind == "person" and " " in f.name}
    for f in unknown:
        if f.kind == "place" and " " not in f.name and name_key(f.name) in surnames:
            f.kind, f.country = "person", None


def families(found: list[Found]) -> None:
    """"The Gupta family", "the Gupta brothers": a surname alone before a noun of a
    family names the family, a group, and takes no one's full name."""
    nouns = _family_nouns()
    for f in found:
        head = f.span.root.head
        if f.kind in ("person", "organisation") and len(f.span) == 1 and f.span.root.dep_ == "compound" and \
                head.i == f.span.end and head.lower_ in nouns:
            f.name, f.kind, f.known = f"{f.span.text} {head.lower_}", "group", True


@lru_cache(maxsize=1)
def _family_nouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in read_data("roles.yaml").get("family_nouns") or [])


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
    or after an honorific, outside every name found.

    After an honorific ("Mr Mbeki") it is a person's name whatever else the article says:
    a name of several words the tagger took for a place no gazetteer knows ("Thabo Mbeki")
    and ending in it is that person; else the surname stands alone, for the collection's
    person of that surname (``timeline/resolve/variants.py``)."""
    surnames: dict[str, set[str]] = {}
    people: dict[str, Found] = {}
    for f in found:
        words = f.name.split()
        if f.kind == "person" and len(words) > 1:
            # the family name comes last, or first ("Hu Jintao", "Xi Jinping")
            for word in {words[-1], words[0]} if len(words) == 2 else {words[-1]}:
                surnames.setdefault(name_key(word), set()).add(f.name)
            people.setdefault(f.name, f)
    covered = {i for f in found for i in range(f.span.start, f.span.end)}
    out: list[Found] = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not token.text[:1].isupper() or token.ent_type_ in (
                "GPE", "LOC", "ORG", "FAC", "NORP"):
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        addressed = before is not None and fold(before.text) in gaz.honorifics
        if (before is not None and before.pos_ == "PROPN" and not addressed) or (
                after is not None and after.pos_ == "PROPN"):
            continue  # part of another name
        owners = surnames.get(name_key(token.text), set())
        if len(owners) == 1:
            person = people[next(iter(owners))]
            out.append(Found(doc[token.i:token.i + 1], token.text, person.name, "person", country=person.country))
        elif not owners and addressed and token.is_alpha and not token.is_upper:
            out.append(_addressed(doc[token.i:token.i + 1], found, gaz))
    return out


def _addressed(span: "Span", found: list[Found], gaz: Gazetteer) -> Found:
    """"Mr Mbeki" where no person of the article is named Mbeki: the one name of
    several words read as a place no gazetteer knows that ends in it ("Thabo
    Mbeki", a tagger's slip) becomes a person and names it; else the surname alone."""
    key = name_key(span.text)
    slips = [f for f in found if f.kind == "place" and not f.known and len(f.name.split()) > 1 and
             name_key(f.name.split()[-1]) == key and gaz.lookup(f.name) is None and gaz.place(f.name) is None]
    if len({f.name for f in slips}) == 1:
        for slip in slips:
            slip.kind, slip.country = "person", None
        return Found(span, span.text, slips[0].name, "person")
    return Found(span, span.text, span.text, "person")


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
