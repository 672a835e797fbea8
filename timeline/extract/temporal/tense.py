"""Tense of the clause a time expression belongs to, read from the dependency parse.

The direction of a bare weekday or month depends on it: "said on Friday"
looks back from the publication date, "will visit on Monday" looks forward.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Auxiliaries and verbs whose infinitive complement lies in the future.
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going", "gon"})
# Modals look forward from the moment of speaking: "should be completed in October".
MODALS = frozenset({"should", "could", "might", "may", "must", "would", "'d", "can"})
FUTURE_HEADS = frozenset({
    "plan", "expect", "schedule", "due", "set", "intend", "hope", "aim", "prepare", "promise",
    "agree", "want", "seek", "threaten", "vow", "pledge", "propose", "decide", "likely",
    "forecast", "predict", "project", "tip",
})
# Participles that put their event in the future whatever the auxiliary's tense.
SCHEDULE_VERBS = frozenset({"schedule", "plan", "expect", "set", "slate", "due"})
# How far up the tree the search for a verb may go before giving up.
MAX_CLIMB = 6
# Verbs of saying: "said on Monday (that) they would ..." dates the saying, whatever the
# parser attached the date to.
REPORTING_VERBS = frozenset({
    "say", "tell", "announce", "add", "report", "confirm", "state", "warn", "claim", "insist", "note",
    "explain", "write", "reveal", "disclose", "acknowledge", "deny", "admit", "declare", "tweet", "testify",
})
# Words between a verb and its date: "said on Monday", "told reporters late on Friday".
DATE_PREPOSITIONS = frozenset({"on", "late", "early", "earlier", "later"})
# Verbs that fix a time "for" something still to come: "set the trial for September",
# "adjourned the hearing for Monday", "called elections for March".
SETTING_VERBS = frozenset({
    "set", "schedule", "reschedule", "fix", "adjourn", "postpone", "delay", "defer", "move", "push", "call",
    "slate", "book", "plan", "reserve",
})
# Conjunctions of time whose clause, in the present, tells what is to come: "when the two
# meet on Wednesday", "before talks resume on Monday".
TIME_CONJUNCTIONS = frozenset({"when", "before", "until", "till", "once", "after", "whenever"})
# Dependencies of a clause's head: a word so attached heads a clause even when the tagger
# took it for a noun ("when the two meet", "meet" tagged NN).
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# How a participle with no auxiliary hangs on a verb whose tense it is told in.
TOLD_WITH_HEAD = frozenset({"ccomp", "advcl", "conj"})


def _governing_verb(token: Token) -> Token | None:
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.dep_ in CLAUSE_DEPS and any(c.dep_ in SUBJECTS for c in token.children):
            return token
        if token.head.i == token.i:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or (words & MODALS and verb.lemma_ != "have" and "have" not in words):
        return "future"
    if verb.lemma_ in SCHEDULE_VERBS and verb.tag_ == "VBN":
        return "future"  # "a hearing has been scheduled for June 3"
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if "have" in {a.lemma_ for a in auxes} and verb.tag_ == "VBN":
        return "past"  # present perfect reports what already happened
    if "to" in words or verb.tag_ == "VB":
        head = verb.head
        if head.i == verb.i or depth >= MAX_CLIMB:
            return None
        if head.lemma_ in FUTURE_HEADS or head.lower_ in FUTURE_AUX:
            return "future"
        return _verb_tense(head, depth + 1)
    if verb.tag_ == "VBG" and verb.lemma_ == "go":
        return "future"
    if verb.tag_ in ("VBZ", "VBP") or (verb.dep_ in CLAUSE_DEPS and verb.tag_ in ("NN", "NNS")):
        if any(c.dep_ == "acomp" and c.lemma_ in FUTURE_HEADS for c in verb.children):
            return "future"  # "is due in Kyiv on Monday", "is set to", "is likely to"
        if _time_clause(verb):
            return "future"  # "when the two meet on Wednesday": the present of a clause of time
        return "present"
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"  # "is hoping to break through at the summit on Tuesday"
    if verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"  # a present passive: "until a successor is sworn in before Christmas"
    if verb.tag_ == "VBN":
        return "past"  # reduced relative clause: "troops deployed on Friday"
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in TOLD_WITH_HEAD and verb.head.pos_ in ("VERB", "AUX") \
            and depth < MAX_CLIMB:
        # a participle with no tense of its own is told in its clause's ("refused to let a plane
        # carrying the army chief land on October 12"); "to avoid sending teams to the World Cup
        # in June" (a complement the verb takes) looks ahead as its infinitive does
        return _verb_tense(verb.head, depth + 1)
    return None


def _set_for(head: Token) -> bool:
    """Whether the expression is the time something was set for ("set the trial for
    September"): ahead of the setting, whatever its tense."""
    if head.dep_ != "pobj" or head.head.lower_ != "for":
        return False
    verb = head.head.head
    while verb.dep_ in ("dobj", "nsubjpass", "pobj") and verb.head.i != verb.i:
        verb = verb.head  # "for" hung on the object: "set the trial for September"
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in SETTING_VERBS


def _time_clause(verb: Token) -> bool:
    """Whether ``verb`` heads a side clause of time ("when the two meet", "before talks
    resume"), whose present tense speaks of what is to come."""
    if verb.dep_ != "advcl":
        return False
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in TIME_CONJUNCTIONS and c.i < verb.i
               for c in verb.children)


def _reported_after(doc: Doc, first: int) -> bool:
    """Whether the date at token ``first`` follows a past verb of saying, or the one it told:
    "said on Monday", "told reporters on Monday"."""
    i = first - 1
    while i >= 0 and doc[i].lower_ in DATE_PREPOSITIONS:
        i -= 1
    if i < 0 or i == first - 1:
        return False
    verb = doc[i]
    listener = verb
    while listener.head.i != listener.i and listener.dep_ not in ("dobj", "dative") and listener.head.i < first:
        listener = listener.head
    told = listener.dep_ in ("dobj", "dative") and listener.right_edge.i == i
    if told and listener.left_edge.i == listener.head.i + 1:
        verb = listener.head  # "told reporters on Monday (that) he would resign"
    return verb.tag_ == "VBD" and verb.lemma_ in REPORTING_VERBS


def _opening_report(verb: Token) -> bool:
    """Whether ``verb`` is the simple present of a headline or lede ("Zelenskiy visits
    Kherson on Monday"), which reports the past, in a text that goes on after it."""
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return main and verb.sent.start == 0 and verb.sent.end < len(verb.doc) and verb.lemma_ != "be"


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """``past``, ``present`` or ``future`` for the clause governing ``doc.text[start:end]``, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if _reported_after(doc, span.start):
        return "past"
    if _set_for(span.root):
        return "future"
    verb = _governing_verb(span.root)
    if verb is None:
        # deep in a noun phrase ("at the summit on Tuesday" under "is hoping to break
        # through by getting leaders involved"): the sentence's own tense speaks for it
        root = span.root.sent.root
        verb = root if root.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return None
    tense = _verb_tense(verb)
    if tense == "present" and _opening_report(verb):
        return "past"
    return tense
