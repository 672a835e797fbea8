"""What an article teaches its collection about who a description is, and the descriptions a
title leaves.

One article writes "the pop star Michael Jackson" or "Zimbabwe's opposition leader, Morgan
Tsvangirai"; another, written for readers who know, only "the pop star" or "the opposition
leader". The second article alone cannot say who that is; the collection can. Extraction keeps
both halves, article by article (so that they are cached with it):

- ``article_pairs``: each noun the article ties to a named person or body (``description_ties``:
  before the name, beside it, or as what the name is; an age given beside a name, "Ann Dube,
  50," then "the 50-year-old"), with the words that qualify the noun there ("pop" of "pop star");
- ``left_descriptions``: the definite descriptions a title still holds as its subject, or as
  the subject of what was said, where the article ties the noun to no one ("The singer was
  discharged", "Norland's main opposition leader said", "the 50-year-old").

Merging (``timeline.merge.described``) writes the name where the collection agrees on one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from timeline.extract.events.described_people import age_of, ages
from timeline.extract.events.descriptions import DESCRIBING, DESCRIPTION_TOKENS, description_sites, description_ties
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Parse, Token

# Kinds of actor a description may stand for.
DESCRIBED_KINDS = frozenset({"person", "organisation"})
# Kinds of actor that may say whose a description is ("Norland's opposition leader").
OWNERS = frozenset({"country", "place"})
AGE = "age:"  # how an age description is filed ("age:50")
COUNTRY = "country:"  # how a country qualifying a description is filed ("country:chile")


def article_pairs(doc: "Parse", mentions: list[Mention]) -> tuple[tuple[str, str, str], ...]:
    """Each (noun, qualifying words, name) the article ties, in order, once each."""
    kinds = {m.name: m.kind for m in mentions}
    out: dict[tuple[str, str, str], None] = {}
    for noun, name, at in description_sites(doc, mentions):
        if "|" in noun or not noun.isalpha() or kinds.get(name) not in DESCRIBED_KINDS:
            continue  # "pakistan|minister" is whose; "the Bush administration" is a phrase
        out[(noun, " ".join(qualifiers(doc[at], mentions)) if at >= 0 else "", name)] = None
    for pair in _office_pairs(mentions):
        out[pair] = None
    for age, people in sorted(ages(doc, mentions).items()):
        for name in sorted(people):
            out[(AGE + age, "", name)] = None
    return tuple(out)


def qualifiers(noun: "Token", mentions: list[Mention]) -> list[str]:
    """The words qualifying ``noun`` before it, not names ("pop" of "the pop star", "main" and
    "opposition" of "the main opposition leader"), in order."""
    out = []
    for c in noun.children:
        if c.i > noun.i or c.dep_ not in ("amod", "compound", "nmod", "poss"):
            continue
        named = next((m for m in mentions if m.start <= c.idx < m.end), None)
        if named is not None and named.kind == "country":
            out.append(COUNTRY + named.name.lower())  # "the Chilean president", "Chile's leader": the country
        elif named is None and c.is_alpha and c.dep_ != "poss":
            out.append(c.lower_)
    return list(dict.fromkeys(out))


def _office_pairs(mentions: list[Mention]) -> list[tuple[str, str, str]]:
    """"President Ann Dube" or "Norland's president, Ann Dube", an office the article gives a
    person: the office's noun, its other words and the country, the name."""
    out = []
    for m in mentions:
        if m.kind != "person" or not m.role:
            continue
        words = m.role.lower().split()
        head = m.role.lower().split(" of ")[0].split()[-1]
        extra = [w for w in words if w not in (head, "of", "the")] + [COUNTRY + (m.country or "").lower()]
        if head.isalpha():
            out.append((head, " ".join(w for w in dict.fromkeys(extra) if w != COUNTRY), m.name))
    return out


def left_descriptions(title: str, root: "Token", mentions: list[Mention]) -> tuple[tuple[str, str, str], ...]:
    """The descriptions ``title`` (cut from the clause of ``root``) leaves, where the article
    ties their noun to no one: (the words as the title writes them, once, the noun, the
    qualifying words). The subject, an object or whose a thing is ("the 50-year-old's death"),
    in the clause or in what it says was said."""
    ties = description_ties(root.doc, mentions)
    given = ages(root.doc, mentions)
    out: dict[str, tuple[str, str, str]] = {}
    for noun in root.subtree:
        found = _description(noun, mentions)
        if found is None:
            continue
        words, key = found
        if ties.get(key) or given.get(key.removeprefix(AGE)) or words.lower() in out:
            continue  # the article ties the noun itself: its own reading stands
        written = _written(title, words)
        if written:
            out[words.lower()] = (written, key, " ".join(qualifiers(noun, mentions)))
    return tuple(out.values())


def _description(noun: "Token", mentions: list[Mention]) -> tuple[str, str] | None:
    """The words and the key of a definite description ending on ``noun`` ("the singer",
    "Norland's main opposition leader", "the 50-year-old"), or None."""
    doc = noun.doc
    age = age_of(noun)
    if age is not None and noun.pos_ != "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return doc[min(t.i for t in noun.subtree):noun.i + 1].text, AGE + age
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or any(
            c.i > noun.i and c.dep_ not in ("punct", "case") for c in noun.children):
        return None
    before = [c for c in noun.children if c.i < noun.i]
    owners = [c for c in before if c.dep_ == "poss"]
    if any(c.dep_ not in DESCRIBING and c.dep_ != "poss" for c in before) or len(owners) > 1 or (
            owners and not _a_place(owners[0], mentions)):
        return None  # "his doctor", "Lena Voss's doctor": whose, another rule's
    if not owners and not any(c.dep_ == "det" and c.lower_ == "the" for c in before):
        return None  # "a singer" is anyone
    start = min((t.i for c in before for t in c.subtree), default=noun.i)
    if noun.i + 1 - start > DESCRIPTION_TOKENS:
        return None
    first, last = doc[start].idx, noun.idx + len(noun)
    if any(m.start < last and m.end > first and m.kind not in OWNERS for m in mentions):
        return None  # "the NATO summit" names an actor in it
    return doc[start:noun.i + 1].text, noun.lemma_.lower()


def _a_place(owner: "Token", mentions: list[Mention]) -> bool:
    return any(m.start <= owner.idx < m.end and m.kind in OWNERS for m in mentions)


def _written(title: str, words: str) -> str:
    """``words`` as ``title`` writes them, when it writes them once; else empty."""
    found = list(re.finditer(rf"(?<![\w'’-]){re.escape(words)}(?![\w-])", title, flags=re.IGNORECASE))
    return found[0].group(0) if len(found) == 1 else ""
