"""What a title leaves out of its clause, and what it must keep whole: asides set off by
commas or brackets, adverbials before the subject, the setting a conjunction of time or
cause opens, a bare distance in time, an outlet told the news; hyphenated words and a list's
commas stay. Used by ``wording.title_from``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.actors.filters import load_filters
from timeline.extract.events.complements import restricted
from timeline.extract.events.vocabulary import load_vocabulary
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Parse, Token

# What hangs on a name between commas as an aside: "Michael Jackson, a month shy of his 51st
# birthday,", "Gennaro Castaldo, of music retailer HMV,".
NAME_ASIDES = frozenset({"amod", "npadvmod", "prep", "acl", "advmod"})
# Adverbials a headline leaves out when they come before the subject.
FRONTED_DEPS = frozenset({"prep", "advmod", "npadvmod", "advcl", "punct"})


def told_an_outlet(root: "Token") -> tuple[str, set[int]] | None:
    """"The minister told Reuters news agency that…": the outlet is the source, not a party,
    and the title says "said" without it. The verb of saying and the outlet's tokens."""
    if root.lemma_.lower() != "tell" or not any(c.dep_ == "ccomp" for c in root.children):
        return None
    filters = load_filters()
    for child in root.children:
        if child.dep_ in ("dative", "dobj"):
            words = " ".join(t.text for t in child.subtree)
            if filters.is_outlet(words):
                return ("says" if root.tag_ in ("VBZ", "VBP") else "said"), {t.i for t in child.subtree}
    return None


def bracketed(root: "Token") -> set[int]:
    """Words in brackets ("the Department for International Development (Dfid)", "$270m
    (£165m)"): an aside a title leaves out, with its brackets."""
    doc = root.doc
    out: set[int] = set()
    opened: int | None = None
    for token in sorted(root.subtree, key=lambda t: t.i):
        if token.text in ("(", "["):
            opened = token.i
        elif token.text in (")", "]") and opened is not None:
            out.update(range(opened, token.i + 1))
            opened = None
    return {i for i in out if doc[i].i != root.i}


def described_speaker(root: "Token", by_token: dict[int, Mention]) -> set[int]:
    """"The US televangelist, Pat Robertson, claims…": a subject described, then named beside
    it, is written by its name alone. The words of the description."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or subject.i in by_token:
        return set()
    named = next((c for c in subject.children if c.dep_ == "appos" and c.i in by_token
                  and by_token[c.i].kind == "person"), None)
    if named is None:
        return set()
    return {t.i for t in subject.subtree} - {t.i for t in named.subtree}


def whole_words(chosen: list[int], doc: "Parse", cut: set[int]) -> list[int]:
    """A word written with hyphens ("11-year-old", "kick-started") is one word: none of its
    parts is left out while another stays, unless the clause itself cut it."""
    kept = set(chosen)
    for i in list(chosen):
        j = i
        while j > 0 and not doc[j - 1].whitespace_ and (doc[j - 1].text == "-" or doc[j].text == "-") \
                and j - 1 not in cut:
            j -= 1
            kept.add(j)
        j = i
        while j + 1 < len(doc) and not doc[j].whitespace_ and (doc[j + 1].text == "-" or doc[j].text == "-") \
                and j + 1 not in cut:
            j += 1
            kept.add(j)
    return sorted(kept)


def set_off(part: "Token", closed: bool = False) -> bool:
    """Whether a part of a clause follows a comma (and, ``closed``, is followed by one or
    ends the sentence): an aside, not an argument."""
    inner = [t.i for t in part.subtree if t.dep_ != "punct"] or [part.i]
    doc = part.doc
    if not (inner[0] > 0 and doc[inner[0] - 1].text == ","):
        return False
    after = inner[-1] + 1
    return not closed or after >= len(doc) or doc[after].text in (",", ".", ";")


def between_conjuncts(comma: "Token") -> bool:
    """A comma that separates the members of a list of nouns."""
    head = comma.head
    return head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "conj" and c.i > comma.i for c in head.children)


def subordinate(root: "Token") -> set[int]:
    """A clause opened by a conjunction of time or cause ("after his soldiers
    detained the president") is the setting, not the headline, even where the
    parser made it the verb's complement."""
    subordinators = load_vocabulary().subordinators
    return {t.i for c in root.children if c.dep_ in ("ccomp", "advcl") and not restricted(c)
            and any(m.dep_ == "mark" and m.lower_ in subordinators for m in c.children) for t in c.subtree}


def fronted(root: "Token") -> set[int]:
    """Adverbials before the subject ("On Friday, after a long meeting, NATO
    agreed…") and the conjunction of a side clause ("After Putin spoke…"):
    a headline starts with who did what."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    out: set[int] = set()
    for child in root.children:
        if child.dep_ == "mark" or (subject is not None and child.i < subject.i and child.dep_ in FRONTED_DEPS):
            out.update(t.i for t in child.subtree)
    return out


def measures(root: "Token") -> set[int]:
    """"The call came hours after…": with the clause it measured from gone, a
    bare distance in time says nothing."""
    units = load_vocabulary().time_units
    return {t.i for c in root.subtree if c.dep_ == "npadvmod" and c.lemma_.lower() in units
            and c.doc[c.right_edge.i].whitespace_  # not "11-year-old", a word of its own
            for t in c.subtree}
