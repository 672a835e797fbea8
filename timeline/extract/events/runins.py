"""Where a sentence really starts when a headline, a byline or a page word was run into it.

Scraped pages lose the line breaks between a headline and the text, so the parser reads
"Help A bodyguard to the singer has testified…" or "Doctor Put On Trial | Ten years ago, a
prosecutor drafted…" as one sentence. A title starts where the sentence does: after a bar
("|"), or at a word written with a capital in the middle of a sentence that no name, no
quotation and no colon explains ("A", "The", "Ten", "One"), or at the clause's subject written
with a capital after a word in lower case ("…after weekend Prosecutors ended"), when nothing
before it is the verb the title is cut from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Parse, Token

# What may come right before a capital that opens a new sentence within a sentence: never
# these, after which a capital is ordinary ("said: The", "“The").
OPENERS = frozenset({":", "“", "\"", "‘", "'", "(", "[", "—", "–", "-", ";"})
# Parts of speech of a word that opens a run-in sentence: a determiner, a number, a pronoun.
OPENING_TAGS = frozenset({"DT", "CD", "PRP", "PRP$", "EX"})
# Marks that end a headline or byline run into the text ("Fergus Walsh | 14:07 PM").
BARS = frozenset({"|", "•", "·"})


def sentence_start(root: "Token", start: int) -> int:
    """The first token of the sentence ``root`` is read from, past a headline or a byline
    run into it; ``start`` when nothing was run in."""
    doc = root.doc
    opening = start
    for i in range(start, root.i):
        token = doc[i]
        if token.text in BARS:
            opening = i + 1
        elif i > start and (_opens_sentence(doc, i) or _headline_before_subject(root, i)) and not _inside_name(doc, i):
            opening = i
    return opening if opening < root.i and not _verb_before(root, start, opening) else start


def _opens_sentence(doc: "Parse", i: int) -> bool:
    token, before = doc[i], doc[i - 1]
    if not token.text[:1].isupper() or token.tag_ not in OPENING_TAGS or token.text == "I":
        return False
    if before.text in OPENERS or not before.whitespace_:
        return False
    # a capital after a word that is neither a name nor the end of a sentence: "Help A bodyguard"
    return before.text[:1].isupper() or before.text.isdigit() or before.is_punct


def _headline_before_subject(root: "Token", i: int) -> bool:
    """"…jury to return after weekend Prosecutors ended their case": the clause's subject, a
    common noun written with a capital right after a word in lower case, opens the sentence."""
    token, before = root.doc[i], root.doc[i - 1]
    return token.head.i == root.i and token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("NN", "NNS") \
        and token.text[:1].isupper() and token.left_edge.i == i and before.is_alpha and before.text.islower() \
        and bool(before.whitespace_)


def _inside_name(doc: "Parse", i: int) -> bool:
    """"The" of "Voice of The Nation", "One" of "Formula One": part of a name the parser reads as one."""
    token = doc[i]
    return doc.spacy[i].ent_iob_ == "I" or (token.dep_ == "compound" and token.head.pos_ == "PROPN")


def _verb_before(root: "Token", start: int, opening: int) -> bool:
    """Whether what was cut off holds a verb of the clause the title is cut from."""
    doc = root.doc
    return any(doc[i].pos_ in ("VERB", "AUX") and doc[i].head.i == root.i and doc[i].dep_ in ("aux", "auxpass")
               for i in range(start, opening))
