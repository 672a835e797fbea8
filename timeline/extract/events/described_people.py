"""Who "the 50-year-old" or "his doctor" is, when the article makes it certain.

News gives a person's age once ("Ed Brandt, 50, died", "the 50-year-old singer Ed Brandt",
"Ed Brandt, who was 50") and then calls them "the 50-year-old"; it names someone's doctor
once ("Anna Lind's doctor, Ed Brandt", "Dr Ed Brandt") and then writes "his doctor" or
"Anna Lind's doctor". A title is read alone, so both are written as the person:

- an age description is the one person the article gives that age; two people of that
  age, or none, and it stays;
- a person described by whose they are ("his doctor", "Anna Lind's doctor") is the one
  person the article ties that noun to (``description_ties``), when that is not the owner
  ("his" read as its antecedent where the text makes it certain) and every "X's doctor,
  Y" the article writes names the same Y.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.events.descriptions import description_ties
from timeline.extract.events.naming import UNKNOWN, person_heads, sole_tie
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Parse, Token

# The oldest age read as a person's age beside a name ("Ed Brandt, 50,").
OLDEST = 120
_USER_DATA_KEY = "timeline.ages"


def age_of(token: "Token") -> str | None:
    """The age an age description says ("the 50-year-old": "50"; "a 50-year-old singer"
    too, ``token`` being "old"), or None when ``token`` is none."""
    if token.lower_ != "old" or token.i < 4:
        return None
    year = next((c for c in token.children if c.lower_ in ("year", "years") and c.i == token.i - 2), None)
    number = next((c for c in year.children if c.dep_ == "nummod" and c.i == year.i - 2), None) if year else None
    return number.text if number is not None and number.text.isdigit() else None


def ages(doc: "Parse", mentions: list[Mention]) -> dict[str, set[str]]:
    """Each age the article gives a named person, with the people given it. Read once per article."""
    spacy_doc = doc.spacy
    cached = spacy_doc.user_data.get(_USER_DATA_KEY)
    if cached is not None and cached[0] == len(mentions):
        return cached[1]  # type: ignore[no-any-return]
    given: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind != "person":
            continue
        span = spacy_doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = doc[span.root.i]
        for age in _given(root, span.start):
            given.setdefault(age, set()).add(mention.name)
    spacy_doc.user_data[_USER_DATA_KEY] = (len(mentions), given)
    return given


def _given(root: "Token", start: int) -> list[str]:
    """The ages told of the name ending on ``root`` (its first token at ``start``)."""
    doc = root.doc
    out = []
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NUM" and child.text.isdigit() and 0 < int(child.text) <= OLDEST \
                and doc[child.i - 1].text == "," and child.i == root.i + 2:
            out.append(child.text)  # "Ed Brandt, 50,"
        if child.dep_ == "appos" and child.pos_ == "NOUN":  # "Ed Brandt, a 50-year-old singer"
            out += [age for c in child.children if c.i < child.i for age in [age_of(doc[c.i])] if age]
        if child.dep_ == "relcl" and child.lemma_ == "be":  # "Ed Brandt, who was 50"
            out += [c.text for c in child.children if c.dep_ == "attr" and c.pos_ == "NUM" and c.text.isdigit()]
    # "the 50-year-old singer Ed Brandt"
    out += [age for k in range(max(0, start - 3), start) for age in [age_of(doc[k])] if age
            and doc[k].head.i >= start - 2 and doc[k].head.i < start + 3]
    return out


def aged(token: "Token", mentions: list[Mention]) -> Mention | None:
    """The one person the article gives the age ``token`` ("the 50-year-old") says, else None."""
    age = age_of(token)
    if age is None or token.pos_ == "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None  # "a 50-year-old", "the 50-year-old singer": another rule's
    people = ages(token.doc, mentions).get(age, set())
    name = next(iter(people)) if len(people) == 1 else None
    return next((m for m in mentions if m.name == name and m.kind == "person"), None)


def owned_person(token: "Token", whose: Mention | None, mentions: list[Mention]) -> Mention | None:
    """The person "his doctor" or "Anna Lind's doctor" (``token`` the noun, ``whose`` the
    owner when the text makes it certain) stands for: the one person the article ties the
    noun to, never the owner, and the one every "X's doctor, Y" it writes names."""
    lemma = token.lemma_.lower()
    if token.tag_ != "NN" or lemma not in person_heads():
        return None
    ties = description_ties(token.doc, mentions)
    names = {m.name for m in mentions}  # not a phrase ("Anna Lind's doctor"): that is whose, not who
    tied = sole_tie(lemma, {t for t in ties.get(lemma, set()) if t in names or t.startswith(UNKNOWN)}, mentions,
                    1 << 62)
    owned = {t for key, names in ties.items() if key.endswith(f"|{lemma}") for t in names}
    if tied is None or (whose is not None and whose.name == tied) or owned - {tied}:
        return None
    if whose is None and not owned:
        return None  # "his doctor", whose unsure, and no "X's doctor, Y": perhaps another doctor
    return next((m for m in mentions if m.name == tied and m.kind == "person"), None)
