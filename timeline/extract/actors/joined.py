"""Names written across hyphens and brackets, which the tagger cuts.

- A name joined by a hyphenated particle ("Tehreek-e-Taliban",
  "Jamaat-ud-Dawa", "Harkat-ul-Mujahideen": ``joining_particles`` in
  ``name_shape.yaml``) is one name; the tagger often stops at the first hyphen.
- A firm or a school named with a possessive ("Alleyn's has said", "Sainsbury's
  cut prices"): the "'s" is part of its name when nothing follows that it owns.
- A name ending in a plural and a possessive before a head in lower case ("the
  Pakistan People's party", as some papers write it) is the party's name, not
  its owner's ("Bhutto's party"): the tagger stops at the possessive.
- Two names the tagger ran together across a comma ("At his meeting with Hu,
  Brown praised") are two; a son's "Jr." or a firm's "Inc." after its comma
  stays part of the name.
- A nationality the tagger kept apart from the capitalised name it opens ("the
  South African Communist Party", "the Kenyan Medical Association") is a word of
  that name when the name ends in an organisation's head.
- A military unit's ordinal before its name is part of it ("the US 82nd Airborne
  Division": ``unit_heads``); an aircraft's model after a body's name is not
  ("The US Air Force C-17 dropped supplies": the air force).
- An acronym in brackets right after a name ("the Movement for Democratic
  Change (MDC)", "Tehreek-e-Taliban (TTP)") is that name, there and wherever
  the article repeats it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from timeline.extract.actors.found import Found
from timeline.extract.actors.shape import load_shape

if TYPE_CHECKING:
    from spacy.tokens import Span

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
# An aircraft's or a vehicle's model: "C-17", "F-16", "MiG-21", "A380"
_MODEL = re.compile(r"^[A-Z][A-Za-z]{0,2}-?\d+[A-Z]?$")
_HYPHENS = frozenset({"-", "–"})
_POSSESSIVES = frozenset({"'s", "’s"})
# What a name standing as an argument does in its clause: it owns nothing there.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})
_OPEN = frozenset({"(", "-LRB-", "["})
_CLOSE = frozenset({")", "-RRB-", "]"})
# Kinds whose name an acronym in brackets may stand for.
_NAMED = frozenset({"organisation", "group"})


def hyphen_joined(ents: list["Span"], heads: frozenset[str] = frozenset()) -> list["Span"]:
    """Entities cut at a hyphenated particle, made whole ("Tehreek" + "-e-Taliban"),
    or at a possessive before one of the organisation ``heads`` in lower case
    ("Pakistan People's" + "party")."""
    from spacy.tokens import Span

    particles = load_shape().joining_particles
    out: list[Span] = []
    for ent in ents:
        doc, end, label = ent.doc, ent.end, ent.label_
        while end + 3 < len(doc) and doc[end].text in _HYPHENS and doc[end + 1].lower_ in particles and \
                doc[end + 2].text in _HYPHENS and doc[end + 3].is_title:
            end += 4
        if end + 1 < len(doc) and doc[end - 1].tag_ == "NNPS" and doc[end].text in _POSSESSIVES and \
                doc[end + 1].is_lower and doc[end + 1].text in heads:
            end += 2  # "Pakistan People's" + "party": an organisation, whatever the tagger called it
            label = "ORG"
        if end != ent.end:
            while out and out[-1].end > ent.start:
                out.pop()
            ent = Span(doc, ent.start, end, label=label)
        if out and out[-1].end > ent.start:
            continue  # the rest of a name just joined ("Taliban" of "Tehreek-e-Taliban")
        out.append(ent)
    return out


def nationality_led(ents: list["Span"], heads: frozenset[str]) -> list["Span"]:
    """A nationality followed by capitalised words ending in an organisation's head
    ("South African" + "Communist Party"), which the tagger left outside any name: the
    organisation's name. The words must stand in no other entity."""
    from spacy.tokens import Span

    taken = {t.i for e in ents for t in e}
    out: list[Span] = []
    for ent in ents:
        doc, end = ent.doc, ent.end
        if ent.label_ == "NORP":
            while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].is_title:
                end += 1
            while end > ent.end and doc[end - 1].lower_ not in heads:
                end -= 1
        out.append(Span(doc, ent.start, end, label="ORG") if end > ent.end else ent)
    return out


def units_and_craft(ents: list["Span"]) -> list["Span"]:
    """Organisations with a unit's ordinal taken in and an aircraft's model left out."""
    from spacy.tokens import Span

    heads = load_shape().unit_heads
    out: list[Span] = []
    for ent in ents:
        start, end = ent.start, ent.end
        if ent.label_ == "ORG" and start > 0 and _ORDINAL.match(ent.doc[start - 1].text) and \
                ent[-1].lower_ in heads:
            start -= 1  # "the 82nd Airborne Division"
        words = [t for t in ent if t.lower_ not in ("the", "a", "an")]
        if ent.label_ == "ORG" and len(words) >= 3 and _MODEL.match(ent[-1].text):
            end -= 1  # "The US Air Force C-17"
        out.append(Span(ent.doc, start, end, label=ent.label_) if (start, end) != (ent.start, ent.end) else ent)
    return out


def comma_parted(ents: list["Span"]) -> list["Span"]:
    """Entities the tagger ran across a comma, cut there into the names they hold."""
    from spacy.tokens import Span

    suffixes = load_shape().name_suffixes
    out: list[Span] = []
    for ent in ents:
        commas = [t.i for t in ent if t.text == ","]
        pieces = [(start, end) for start, end in zip([ent.start] + [c + 1 for c in commas], commas + [ent.end])
                  if start < end]
        if not commas or any(ent.doc[start:end].text.lower().rstrip(".") in suffixes for start, end in pieces):
            out.append(ent)
            continue
        # a piece that is a word of a person's full name the article gives is that person ("Hu" of "Hu Jintao")
        surnames = {t.text for e in ent.doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        out += [Span(ent.doc, start, end, label="PERSON" if ent.doc[start:end].text in surnames else ent.label_)
                for start, end in pieces]
    return out


def bracketed_acronyms(found: list[Found]) -> None:
    """"Tehreek-e-Taliban (TTP)": the acronym in brackets after a name is that name,
    and so is every later mention of it in the article."""
    renamed: dict[str, str] = {}
    ordered = sorted(found, key=lambda f: f.span.start)
    for before, f in zip(ordered, ordered[1:]):
        doc, span = f.span.doc, f.span
        if len(span) != 1 or not span.text.isupper() or len(span.text) < 2 or before.kind not in _NAMED:
            continue
        if span.start < 1 or span.end >= len(doc) or doc[span.start - 1].text not in _OPEN or \
                doc[span.end].text not in _CLOSE or before.span.end != span.start - 1:
            continue
        if f.name == before.name or " " not in before.name and "-" not in before.name:
            continue
        renamed.setdefault(f.name, before.name)
    for f in found:
        if f.name in renamed and not f.known:
            f.name, f.kind = renamed[f.name], "organisation"


def possessive_names(found: list[Found]) -> None:
    """"Alleyn's, which is an independent school, has said": an organisation whose "'s"
    owns nothing (the name is itself the subject or object) is named with it."""
    from spacy.tokens import Span

    for f in found:
        span = f.span
        doc = span.doc
        if f.kind != "organisation" or f.known or span.end >= len(doc) or doc[span.end].text not in _POSSESSIVES:
            continue
        if span.root.dep_ not in _ARGUMENTS:
            continue  # "Sony's chief said": the owner of what follows
        f.span = Span(doc, span.start, span.end + 1)
        f.text, f.name = f.text + doc[span.end].text, f.name + doc[span.end].text
