"""The name inside an entity span the tagger cut too long or too short.

spaCy's spans are taken at their word: "the Hang Seng and", "the Bay of",
"iPhones Software Development Kit (SDK", "Macbook May 17, 2006", "140bn",
"antenna". Each rule here keeps what still reads as a name, or nothing:
a trailing connective goes and the first name stays; a trailing preposition
lost its complement, so nothing stays; words set apart as alternatives
("Mediation / Accommodation", a heading) are no name; an unclosed bracket and what follows
it go; a date after a name goes, and so does a participle hyphened to it
("Mugabe-backed"); quantities and lowercase common nouns are
no names at all. The word lists are data (``name_shape.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from timeline.data import load_data

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NUMBER_UNIT = re.compile(r"^[$€£¥]?\d[\d.,]*(?:x\d+)?([^\W\d_]*)\.?$")
_POSSESSIVES = {"'s", "’s"}
_OPEN, _CLOSE = "([{", ")]}"


@dataclass(frozen=True)
class Shape:
    connectives: frozenset[str]
    prepositions: frozenset[str]
    units: frozenset[str]
    months: frozenset[str]
    acronym_heads: frozenset[str] = frozenset()
    joining_particles: frozenset[str] = frozenset()
    alternatives: frozenset[str] = frozenset()
    name_suffixes: frozenset[str] = frozenset()
    unit_heads: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_shape() -> Shape:
    data = load_data("name_shape.yaml") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data.get(key) or [])

    return Shape(connectives=words("connectives"), prepositions=words("prepositions"), units=words("units"),
                 months=words("months"), acronym_heads=words("acronym_heads"),
                 joining_particles=words("joining_particles"), alternatives=words("alternatives"),
                 name_suffixes=words("name_suffixes"), unit_heads=words("unit_heads"))


def name_span(span: "Span", named_alone: Callable[[str], bool]) -> "Span | None":
    """The part of ``span`` that reads as a name, or None.

    ``named_alone(text)`` says whether the text names something on its own
    elsewhere: an owner before an inner possessive ("Apple Computer 's Mac
    OS") is cut off only then, so "Worldwide Developer 's Conference" stays.
    """
    shape = load_shape()
    doc = span.doc
    start, end = span.start, span.end
    for i in range(start + 1, end - 1):  # a date after the name: "Macbook May 17 , 2006"
        if doc[i].text in shape.months and doc[i + 1].like_num:
            end = i
            break
    depth = 0
    for i in range(start, end):  # an unclosed bracket: "Development Kit ( SDK"
        if doc[i].text in _OPEN:
            depth, opened = depth + 1, i
        elif doc[i].text in _CLOSE:
            depth -= 1
            if depth < 0:  # a closing one without its opening: the name ends before it
                end = i
                break
    if depth > 0:
        end = opened
    for i in range(start + 1, end - 1):
        if doc[i].text in _POSSESSIVES and named_alone(doc[start:i].text):
            end = i
            break
    last = doc[end - 1]
    if end - start > 2 and doc[end - 2].text in ("-", "–") and last.is_lower and last.is_alpha and (
            last.tag_ in ("VBN", "VBD") or last.lower_.endswith("ed")):
        end -= 2  # "Robert Mugabe-backed": what the name qualifies, not the name ("Ban Ki-moon" stays)
    while end > start and doc[end - 1].lower_ in shape.connectives:
        end -= 1
    if end == start or doc[end - 1].lower_ in shape.prepositions:
        return None  # "the Bay of": a head without its name
    name = doc[start:end]
    if any(t.text in shape.alternatives for t in name[1:-1]):
        return None  # "Mediation / Accommodation": a heading of choices, no one's name
    if all(_is_measure(t, shape) for t in name) or not any(c.isupper() for c in name.text):
        return None  # "140bn", "320x240", "dB."; "antenna", "healthcare"
    return name


def _is_measure(tok: "Token", shape: Shape) -> bool:
    if tok.like_num or tok.is_punct or tok.is_currency or tok.text.rstrip(".") in shape.units:
        return True
    match = _NUMBER_UNIT.match(tok.text)
    return match is not None and (not match.group(1) or match.group(1) in shape.units)
