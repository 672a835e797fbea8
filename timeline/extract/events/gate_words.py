"""What the words of a candidate's sentence say to the newsworthiness gate: its lexical features.

The features of ``gate_features.py`` tell where and how a candidate is told; they do not
tell whether its clause is the day's news or a restatement, a forecast, a reaction or
analysis, which the words themselves often do ("would", "has long", "since", "analysts",
"expected"). Each word of the sentence, each pair of neighbouring words, the predicate's
lemma alone and with its tense, its auxiliaries and the head of its subject become a
feature worth 1 (``lex_`` and a kind: ``w`` a lemma, ``b`` a pair of words, ``v`` the
verb, ``vt`` the verb and its tense, ``aux`` an auxiliary, ``subj`` the subject's head,
``root`` the title's verb). Names and numbers are read as their kind, never spelled: a
name says nothing of another story, and the model is to hold on news it never saw.
Most of these features have no weight: only the words the training labels hold often
enough get one (``evaluation/train_newsworthy.py`` writes them into
``newsworthy_model.yaml``), the others count for nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.extract.events.candidate import Anchor
    from timeline.extract.events.tokens import Span, Token

PREFIX = "lex_"
NAME = "name"  # what a proper noun is read as
NUMBER = "num"  # what a number is read as
_PLAIN = re.compile(r"[a-z]+")
SKIPPED_POS = frozenset({"PUNCT", "SPACE", "SYM", "X"})
# The subject of a clause (gate_features._subject_of climbs to it; here its own children suffice).
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def lexical(anchor: "Anchor", segment: "Span") -> dict[str, float]:
    """The lexical features of the candidate ``anchor`` makes of ``segment``, each worth 1."""
    out: dict[str, float] = {}
    words = [_word(t) for t in segment if t.pos_ not in SKIPPED_POS]
    for lemma in {_lemma(t) for t in segment if t.pos_ not in SKIPPED_POS}:
        if lemma:
            out[f"{PREFIX}w_{lemma}"] = 1.0
    for first, second in zip(words, words[1:]):
        if first and second:
            out[f"{PREFIX}b_{first}_{second}"] = 1.0
    verb, root = anchor.verb, anchor.title_root
    tense = re.sub(r"[^a-z]+", "_", anchor.mood.tense.lower())
    lemma = _lemma(verb)
    if lemma:
        out[f"{PREFIX}v_{lemma}"] = 1.0
        out[f"{PREFIX}vt_{lemma}_{tense}"] = 1.0
    if root is not verb and _lemma(root):
        out[f"{PREFIX}root_{_lemma(root)}"] = 1.0
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "advmod") and _word(child):
            out[f"{PREFIX}aux_{_word(child)}"] = 1.0
        if child.dep_ in SUBJECTS:
            out[f"{PREFIX}subj_{_lemma(child) or 'none'}"] = 1.0
    return out


def _word(token: "Token") -> str:
    """The token as the model reads a word: lower case, a name or a number by its kind."""
    if token.pos_ == "PROPN":
        return NAME
    if token.pos_ == "NUM":
        return NUMBER
    return token.lower_ if _PLAIN.fullmatch(token.lower_) else ""


def _lemma(token: "Token") -> str:
    if token.pos_ in ("PROPN", "NUM"):
        return _word(token)
    lemma = token.lemma_.lower()
    return lemma if _PLAIN.fullmatch(lemma) else ""
