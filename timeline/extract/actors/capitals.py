"""Whether a capital's name stands for its government ("Washington has
rejected", "talks with Moscow") or for the city ("a march through Kyiv")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.actors.gazetteer import load_gazetteer
from timeline.extract.actors.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

# Dependencies that make a capital the government acting ("Washington has
# rejected"; not the possessive: "London's FTSE 100" is the city); prepositions that make it a party ("talks
# with Moscow", "sanctions against Moscow").
_ACTING_DEPS = {"nsubj", "nsubjpass", "agent", "csubj"}
_PARTY_PREPS = {"with", "against", "between", "by"}
# Attachments the small parser gives a subject it lost track of: a long
# coordinated subject after an opening clause ("Citing the threat,
# Washington and a number of European countries urged") ends up in
# apposition to the clause's last noun.
_LOST_DEPS = {"appos", "conj", "dep", "ROOT", "npadvmod"}
# Words a coordinated subject is made of, between the capital and its verb.
_SUBJECT_POS = {"DET", "ADJ", "NOUN", "PROPN", "CCONJ", "NUM", "PUNCT", "ADV"}
_SUBJECT_WORDS = {"of", "as"}  # "a number of", "as well as"
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_CLAUSE_OPENERS = {",", ";", ":", "and", "but", "while", "as", "\"", "“", "'"}
_SUBJECT_REACH = 15  # tokens from the capital to its verb, at most


def acts_as_government(token: "Token") -> bool:
    """Whether a capital's name stands for the government acting, not the city."""
    return (_by_parse(token) or _lost_subject(token)) and not _given_name(token)


def _given_name(token: "Token") -> bool:
    """"Paris told Oprah Winfrey": a capital's name that is the given name of a person the
    article names in full ("Paris Jackson") is that person, no government."""
    doc = token.doc
    people = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    if any(e[0].text == token.text for e in people):
        return True
    surnames = {e[-1].text for e in people}  # "Paris Jackson", read as two places, beside "Michael Jackson"
    return any(t.text == token.text and t.i + 1 < len(doc) and doc[t.i + 1].text in surnames for t in doc)


def _by_parse(token: "Token") -> bool:
    gaz = load_gazetteer()
    for _ in range(4):  # follow a few conjunctions: "Washington and its allies have warned"
        dep = token.dep_
        if dep in _ACTING_DEPS:
            return True
        if dep == "pobj" and token.head.lower_ in _PARTY_PREPS:
            return True
        if dep == "dobj" and any(c.dep_ in ("xcomp", "ccomp") for c in token.head.children):
            return True  # "prompted Kiev to appeal"
        if dep == "pobj" and token.head.lower_ in ("on", "upon") \
                and any(c.dep_ == "xcomp" for c in token.head.head.children):
            return True  # "called on Moscow to take steps"; not "missiles rained on Kyiv"
        if dep in ("compound", "amod", "nmod") and fold(token.head.lemma_) in gaz.government_nouns:
            return True  # "the Kiev regime"
        if dep == "poss" and fold(token.head.lemma_) in gaz.government_possessions:
            return True  # "Moscow's demands", not "Moscow's skyline"
        if dep != "conj":
            return False
        token = token.head
    return False


def _lost_subject(token: "Token") -> bool:
    """A capital opening a clause whose words up to a finite verb are all
    its own coordinated subject, the verb having no other subject: the
    parse missed it, the word order did not."""
    if token.dep_ not in _LOST_DEPS:
        return False
    doc = token.doc
    if token.i > token.sent.start and doc[token.i - 1].lower_ not in _CLAUSE_OPENERS:
        return False  # "like Washington, reported", "from Washington": a preposition's object
    for tok in doc[token.i + 1:min(token.sent.end, token.i + _SUBJECT_REACH)]:
        if tok.tag_ in _FINITE:
            verb = tok.head if tok.dep_ in ("aux", "auxpass") else tok
            if verb.lemma_ == "be":
                return False  # "Moscow is a city of twelve million": no act
            subjects = [c.i for c in verb.children if c.dep_ in _ACTING_DEPS]
            return all(token.i < i < tok.i for i in subjects)
        if tok.pos_ not in _SUBJECT_POS and tok.lower_ not in _SUBJECT_WORDS:
            return False
    return False
