"""A happening a title names by a noun ("its threat", "the threat") written as the article
first told it: by the verb the noun is made from.

News tells a happening by its verb ("the Movement for Change threatened to pull out of the
talks") and then names it by a noun ("backed away from its threat"). A title is read alone, so
"its threat" tells nothing; it is written as whose it is, or, when the title already names
them, with what the verb said ("its threat to pull out of the talks"), when:

- the noun is listed with the verbs it is made from (``nominalised`` in ``referents.yaml``) and
  told with a determiner or a possessive pronoun only ("the threat", "its threat");
- one of the sentences before it (``nominalised_lookback``), and the nearest that tells a verb
  of that noun, tells it of a named subject, and every such verb there is that subject's;
- the title still fits a headline: the shortest such form that fits is written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.naming import takes_article
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# Words a happening noun may hold before it to be written so.
DETERMINERS = frozenset({"the", "that", "this", "its", "their", "his", "her"})
# Kinds of actor whose happening a noun may be written as.
WHOSE = frozenset({"person", "organisation", "country", "group"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# The longest complement carried over from the verb ("to pull out of the talks"), in tokens.
COMPLEMENT_TOKENS = 10


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, frozenset[str]], int]:
    data = load_data("referents.yaml") or {}
    nouns = {str(k).lower(): frozenset(str(v).lower() for v in vs or []) for k, vs in
             (data.get("nominalised") or {}).items()}
    return nouns, int(data.get("nominalised_lookback") or 3)


def _told(noun: "Token") -> "Token | None":
    """The determiner or possessive pronoun a happening noun is told with, when it is all."""
    before = [c for c in noun.children if c.i < noun.i]
    after = [c for c in noun.children if c.i > noun.i and c.dep_ != "punct"]
    if len(before) != 1 or after or before[0].lower_ not in DETERMINERS or before[0].i != noun.i - 1:
        return None
    return before[0]


def _subject(verb: "Token", mentions: list[Mention]) -> Mention | None:
    """The named actor a verb is told of: its subject, or the noun a participle hangs on
    ("with the Movement for Change threatening to pull out")."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None and verb.dep_ in ("acl", "advcl", "pcomp") and verb.tag_ == "VBG":
        subject = verb.head if verb.dep_ == "acl" else None
    if subject is None or subject.pos_ == "PRON":
        return None
    return next((m for m in mentions if m.kind in WHOSE and m.start <= subject.idx < m.end), None)


def _complements(verb: "Token") -> list[str]:
    """What the verb said would be done, as the article wrote it, longest first: "to pull out
    of the talks with the government", "to pull out of the talks", "to pull out" (each phrase
    a noun of it holds left out in turn, from the last)."""
    told = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                 and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)), None)
    if told is None:
        return []
    aside = [a for a in told.subtree if a.i != told.i and a.dep_ in ("advcl", "relcl", "cc", "conj", "punct")]
    words = [t for t in told.subtree if not any(a.left_edge.i <= t.i <= a.right_edge.i for a in aside)]
    if not words or words[-1].i - words[0].i + 1 != len(words) or words[0].lower_ != "to":
        return []
    # where a phrase a noun holds opens ("with the government" of "the talks"): the complement may stop there
    cuts = sorted({p.i for p in told.subtree if p.dep_ == "prep" and p.head.pos_ in ("NOUN", "PROPN")
                   and p.i > words[0].i}, reverse=True)
    ends = [words[-1].i + 1] + [c for c in cuts if c <= words[-1].i]
    doc = verb.doc
    return [text for end in ends if end - words[0].i <= COMPLEMENT_TOKENS
            for text in [doc[words[0].i:end].text.strip()]]


def _verb_before(noun: "Token", mentions: list[Mention]) -> tuple[Mention, "Token"] | None:
    """The nearest verb the noun is made from in the sentences before it, with its named
    subject, when every such verb of that sentence is told of that subject."""
    nouns, lookback = _data()
    verbs = nouns.get(noun.lemma_.lower())
    doc = noun.doc.spacy
    sentence = doc[noun.i].sent
    for _ in range(lookback):
        if sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
        found = [noun.doc[t.i] for t in sentence if t.pos_ == "VERB" and t.lemma_.lower() in (verbs or ())]
        if not found:
            continue
        subjects = [_subject(v, mentions) for v in found]
        names = {s.name if s else None for s in subjects}
        if len(names) != 1 or None in names:
            return None
        return subjects[-1], found[-1]  # type: ignore[return-value]
    return None


def _whose(mention: Mention) -> str:
    return ("the " if takes_article(mention.name) and not mention.name.lower().startswith("the ") else "") + \
        mention.name + "'s"


def name_nominalised(title: str, root: "Token", limit: int, mentions: list[Mention]) -> str:
    """``title`` with each happening noun of its clause ("its threat") written as whose it
    is ("the Movement for Change's threat") or, when the title names them, with what the verb
    it is made from said ("its threat to pull out of the talks"), when it fits in ``limit`` words."""
    nouns = _data()[0]
    for noun in root.subtree:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
            continue
        determiner = _told(noun)
        found = _verb_before(noun, mentions) if determiner is not None else None
        if determiner is None or found is None:
            continue
        actor, verb = found
        written = f"{determiner.text} {noun.text}"
        at = list(re.finditer(rf"(?<![\w'’-]){re.escape(written)}(?![\w'’-])", title, flags=re.IGNORECASE))
        if len(at) != 1:
            continue
        forms = []
        if actor.name not in title and not any(m.name == actor.name and m.text in title for m in mentions):
            forms.append(f"{_whose(actor)} {noun.text}")
        forms += [f"{written} {complement}" for complement in _complements(verb)]
        for form in forms:  # whose it is; else what was said, as much of it as fits
            if at[0].start() == 0:
                form = form[:1].upper() + form[1:]
            longer = title[:at[0].start()] + form + title[at[0].end():]
            if len(longer.split()) <= limit:
                title = longer
                break
    return title
