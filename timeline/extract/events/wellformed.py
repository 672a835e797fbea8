"""Whether a title's words form one clause a desk could print, read from the parse of its
sentence: a clause the sentence runs on across a colon, a semicolon or a dash is another
sentence, and a title never joins two ("The news conference ended a day of action on the
bill Anna Brill traveled"); two finite verbs with no word to join them, or a determiner
before another, are garbled. Used by ``wording.title_from`` to leave such parts out, and by
``evaluation/title_stats.py`` to count the titles that still fail.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.vocabulary import load_vocabulary

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# Marks that end one clause and open another inside a sentence.
CLAUSE_BREAKS = frozenset({":", ";", "—", "–", "--", "-"})
# How a verb may hang on another verb as a clause of its own.
CLAUSE_DEPS = frozenset({"ccomp", "conj", "parataxis", "dep", "advcl", "xcomp", "acl", "relcl", "ROOT"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# A mark that closes what came before: never part of the joint to a second clause.
CLOSING_MARKS = frozenset({")", "]", "\"", "”", "’", "'"})
# Relative pronouns: the subject of a relative clause is the noun it hangs on, not one of its own.
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# A determiner straight before another ("the a spokesman", "The Geneva-based the …"), or before
# a word and then "the" and a name ("the annual the Monetary Fund meeting": a name put in with its
# article); a sum's unit said twice ("$30m million"): never English.
_DOUBLE_DETERMINER = re.compile(
    r"\b(?i:the|a|an)\s+(?:[\w-]+-based\s+|[\w-]+-led\s+)?(?i:the|a|an)\s|"
    r"\b(?i:the)\s+(?!(?:week|month|year|day|decade|time|moment|statement|end)\s)[a-z][\w-]*\s+the\s+[A-Z]|"
    r"[$€£]\s?\d[\d.,]*\s?(?i:m|bn|k|million|billion|trillion)\s+(?i:million|billion|trillion|m|bn)\b")


def run_on_clauses(root: "Token") -> set[int]:
    """Tokens of the clauses under ``root`` that the sentence sets off with a colon, a
    semicolon or a dash, each with a subject of its own: "…ended a day of action: Obama
    traveled to Elkhart", "…have formed: one sees the fiasco as…". What a verb of saying
    opens with a colon is what was said, and stays."""
    doc = root.doc
    out: set[int] = _subject_of_another_clause(root) | second_clauses(root)
    for token in root.subtree:
        if token.i == root.i:
            continue
        head = token.head
        if token.i > head.i:
            mark = doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
        else:
            mark = doc[token.right_edge.i + 1] if token.right_edge.i + 1 < len(doc) else None
        if token.i > head.i and mark is not None and mark.text == ";":
            out |= {t.i for t in token.subtree}  # "…a product of greed; the other, stupidity"
            continue
        if token.dep_ not in CLAUSE_DEPS or token.pos_ not in ("VERB", "AUX") or \
                not any(c.dep_ in SUBJECT_DEPS for c in token.children):
            continue
        if token.dep_ == "ccomp" and token.i < head.i and not takes_a_clause(head) and mark is not None \
                and mark.text == ",":
            out |= {t.i for t in token.subtree}  # "The quake caused buildings to topple, … Brown expressed"
            continue
        if mark is None or mark.text not in CLAUSE_BREAKS:
            continue
        if token.i > head.i and head.lemma_.lower() in load_vocabulary().reporting and token.dep_ == "ccomp":
            continue  # 'Mbeki said: the talks will resume'
        if token.i > head.i and mark.text in ("-", "–") and mark.whitespace_ == "":
            continue  # a hyphen inside a word
        out |= {t.i for t in token.subtree}
    return out


def second_clauses(root: "Token") -> set[int]:
    """A clause coordinated with the title's verb that has a subject of its own is another
    statement: "Kennedy died in 2009, but Dodd chose not to take the chair" is two, and a title
    tells one. Its words go, with the conjunction and comma that joined it; a second verb that
    shares the subject ("declared martial law and said…") stays."""
    doc = root.doc
    out: set[int] = set()
    for token in root.children:
        if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") or not any(
                c.dep_ in SUBJECT_DEPS and c.tag_ not in RELATIVE_TAGS for c in token.children):
            continue
        out |= {t.i for t in token.subtree}
        joint = token.left_edge.i - 1
        while joint > token.head.i and doc[joint].dep_ in ("cc", "punct") and \
                doc[joint].text not in CLOSING_MARKS:
            out.add(joint)  # ", but"
            joint -= 1
    return out


def _subject_of_another_clause(root: "Token") -> set[int]:
    """"The index, which swung all day, closed up 3 percent after the cabinet proposed a
    bailout", parsed with the cabinet's verb as the sentence's: the subject before the
    subordinator ("after") is another clause's, whose verb the parse lost; the title tells
    the clause the verb heads."""
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < root.i]
    marks = [c.i for c in root.children if c.dep_ == "mark" and c.i < root.i]
    if len(subjects) < 2 or not any(subjects[-2].i < m < subjects[-1].i for m in marks):
        return set()
    return {t.i for s in subjects[:-1] for t in s.subtree}


def unjoined_verbs(tokens: "Iterable[Token]") -> bool:
    """Whether the words hold two finite verbs of two clauses with nothing to join them: no
    conjunction, no subordinator, no verb of saying whose content the second is, or two
    sentences' main verbs. Read on the words a title kept from a parse."""
    kept = list(tokens)
    finite = [t for t in kept if t.tag_ in FINITE_TAGS and t.dep_ not in ("aux", "auxpass")]
    return sum(verb.dep_ == "ROOT" for verb in finite) > 1 or bool(unjoined(kept))


def unjoined(tokens: "Iterable[Token]") -> "list[Token]":
    """The finite verbs among ``tokens`` hung on another kept word with nothing to join
    them to it ("The Queen pulled a blanket up wiped his nose": "wiped")."""
    kept = {t.i: t for t in tokens}
    out = []
    for verb in kept.values():
        if not _finite(verb) or verb.dep_ in ("aux", "auxpass", "ROOT") or verb.head.i not in kept:
            continue
        if verb.dep_ == "ccomp" and verb.i < verb.head.i and not takes_a_clause(verb.head):
            out.append(verb)  # "sheets cover the dead, others lie out": no one says the first
            continue
        if verb.dep_ in ("ccomp", "advcl", "relcl", "acl", "csubj", "pcomp", "xcomp"):
            continue  # a clause the other verb or a noun takes
        if verb.dep_ == "conj" and any(c.dep_ == "cc" and c.i in kept for c in verb.head.children):
            continue
        if verb.dep_ == "conj" and any(kept.get(i) is not None and kept[i].pos_ == "CCONJ"
                                       for i in range(verb.head.i + 1, verb.i)):
            continue
        if verb.dep_ != "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue  # "$550m" read as a verb: no clause of its own
        out.append(verb)
    return out


def between_verbs(comma: "Token") -> bool:
    """"will retain the presidency, head the cabinet and keep control of the army": a comma
    before a verb that shares its subject with the verb before it separates the items of a
    list of what was done, and stays when both stay."""
    after = next((c for c in comma.head.children if c.dep_ == "conj" and c.left_edge.i == comma.i + 1), None)
    return comma.head.pos_ in ("VERB", "AUX") and after is not None and after.pos_ in ("VERB", "AUX") and \
        not any(c.dep_ in SUBJECT_DEPS for c in after.children)


def takes_a_clause(verb: "Token") -> bool:
    """Whether a clause before ``verb`` may be what it says or decides: a verb of saying, or
    of ruling or thinking (``title_words.yaml``, clause_verbs: "…can be shown to jurors, a
    judge has ruled"); "The quake caused buildings to topple, Brown expressed his sympathy"
    is two clauses."""
    lemma = verb.lemma_.lower()
    return lemma in load_vocabulary().reporting or lemma in load_title_words().clause_verbs


def _finite(verb: "Token") -> bool:
    """A verb finite by its own form or by its auxiliary's ("have been slaughtered")."""
    return verb.tag_ in FINITE_TAGS or (verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children))


def double_determiner(title: str) -> bool:
    """Whether a determiner stands before another in ``title`` ("The a spokesman", "the annual
    the Monetary Fund meeting"), or a sum's unit is said twice ("$30m million")."""
    return bool(_DOUBLE_DETERMINER.search(title))


def indefinite(name: str, article: str) -> str:
    """"a" or "an" before ``name`` as it is said, in the case and spacing of ``article``:
    "an International Committee…", "an FBI agent", "a UN team"."""
    word = name.split(" ", 1)[0]
    letters = "AEFHILMNORSX" if word.isupper() and len(word) > 1 else "AEIOaeio"
    chosen = "an" if word[:1] in letters else "a"
    if article.strip()[:1].isupper():
        chosen = chosen.capitalize()
    return chosen + article[len(article.rstrip()):]
