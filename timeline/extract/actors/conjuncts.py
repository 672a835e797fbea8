"""Names the tagger misreads, set right by the names around them.

- A name in a list of people ("Ada Sol and Kerry Vane", "Mira Holt, Kerry Vane and
  Ada Sol") that the tagger read as a place no gazetteer knows is a person, as
  the others are.
- A person's name the tagger cut in two ("Johannes" read as a place, "Mabena"
  as a body, side by side) is one person's name when the text gives it a
  person's office or title beside it ("Johannes Mabena, the attorney general,
  said").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.actors.gazetteer import Gazetteer
from timeline.extract.events.participation import load_participation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from timeline.extract.actors.found import Found

# Kinds the tagger gives a person's name when it misreads it.
_MISREAD = frozenset({"place", "organisation"})


def misread_people(found: list["Found"], gaz: Gazetteer) -> list["Found"]:
    """``found`` with the names the tagger cut in two made whole and the people of lists made people."""
    found = names_cut_in_two(found, gaz)
    people_in_lists(found, gaz)
    return found


def people_in_lists(found: list["Found"], gaz: Gazetteer) -> None:
    """A name no gazetteer knows, coordinated with a person's, is a person's."""
    people = [f for f in found if f.kind == "person"]
    if not people:
        return
    for f in found:  # only a place: "Ada Sol and The Tides" names a band
        if f.kind != "place" or f.known or len(f.span) > 3 or gaz.place(f.name) is not None:
            continue
        if any(_coordinated(f.span, p.span) for p in people):
            f.kind, f.country = "person", None


def _coordinated(one: "Span", other: "Span") -> bool:
    """Whether two names are conjuncts of one list ("Ada Sol and Kerry Vane")."""
    a, b = one.root, other.root
    return a.dep_ == "conj" and a.head.i == b.i or b.dep_ == "conj" and b.head.i == a.i or \
        a.dep_ == "conj" and b.dep_ == "conj" and a.head.i == b.head.i


def names_cut_in_two(found: list["Found"], gaz: Gazetteer) -> list["Found"]:
    """A name no gazetteer knows, read as a place or a body, with the capitalised
    words or the name that follow it, is one person's name when a person's office
    stands beside it."""
    out: list[Found] = []
    for f in found:
        last = out[-1] if out else None
        if last is not None and last.span.end == f.span.start and _misread(last, gaz) and \
                (_misread(f, gaz) or f.kind == "person" and not f.known):
            span = last.span.doc[last.span.start:f.span.end]
            if len(span) <= 3 and _office_beside(span):
                last.span, last.text, last.name, last.kind, last.country = span, span.text, span.text, "person", None
                continue
        if _misread(f, gaz):
            span = _with_capitals(f.span, {g.span.start for g in found})
            if len(span) <= 3 and _office_beside(span):
                f.span, f.text, f.name, f.kind, f.country = span, span.text, span.text, "person", None
        out.append(f)
    return out


def _misread(f: "Found", gaz: Gazetteer) -> bool:
    return f.kind in _MISREAD and not f.known and f.role is None and len(f.span) <= 2 and \
        gaz.place(f.name) is None and all(t.is_title for t in f.span)


def _with_capitals(span: "Span", starts: set[int]) -> "Span":
    """``span`` with the capitalised proper nouns right after it that start no other name."""
    doc, end = span.doc, span.end
    while end < len(doc) and end - span.start < 3 and end not in starts and doc[end].pos_ == "PROPN" \
            and doc[end].is_title:
        end += 1
    return doc[span.start:end]


def _office_beside(span: "Span") -> bool:
    """"Johannes Mabena, the attorney general": an office in apposition. (Not an office
    before the name: "party leader Brandt" is a surname the roles already read.)"""
    offices = load_participation().office_nouns
    doc = span.doc
    after = [t for t in doc[span.end:min(span.end + 6, len(doc))]]
    if not after or after[0].text != ",":
        return False
    noun = next((t for t in after[1:] if t.pos_ == "NOUN"), None)
    # the office must hang on the name: "In the case of Lowther Bank, a top official
    # authorized ..." sets a subject of its own after the comma
    if noun is None or not _office(noun, offices):
        return False
    while noun.dep_ in ("compound", "amod") and noun.head.i > noun.i:
        noun = noun.head  # "attorney" to "general"
    return span.start <= noun.head.i < span.end


def _office(token: "Token", offices: frozenset[str]) -> bool:
    return token.lemma_.lower() in offices or token.lower_ in offices
