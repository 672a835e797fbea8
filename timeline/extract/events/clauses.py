"""Predicates of a sentence read off its dependency parse: which clause reports
a happening, in which tense and mood, and which time expression it governs.

Everything here works on spaCy tokens; the vocabularies come from
``timeline/data/event_vocabulary.yaml`` (see ``vocabulary.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from timeline.extract.events.vocabulary import Vocabulary

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Dependencies through which a time expression is an adverbial of the verb
# above it ("on Saturday", "Friday", "earlier in the day", "in 2014").
ADVERBIAL_DEPS = frozenset({"npadvmod", "tmod", "advmod", "prep", "pobj", "obl", "nmod", "pcomp", "dobj"})
# Prepositions that make a time expression a bound or a deadline, not the
# time of the happening ("since 2014", "until Monday", "before the Olympics").
# "during", "over" and "throughout" are not here: they contain the happening.
BOUNDING_PREPOSITIONS = frozenset({"since", "until", "till", "before", "after", "by", "through",
                                   "from", "to", "between", "within", "ahead"})
# Of those, the ones that also govern a place or a party ("rescued from the wreckage",
# "flown to hospital", "arrested by police"): above the expression's own "on Monday" they
# bound that noun, not the time.
PLACE_PREPOSITIONS = frozenset({"from", "to", "through", "by", "between"})
# A time expression in one of these positions is a participant, not an
# adverbial ("Tuesday was a busy day"); it dates the verb only when nothing better does.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
# Bare noun-phrase adverbials ("Tuesday", "last week", "yesterday"): the parser
# often hangs them on the nearest noun, but in news they modify the clause.
BARE_ADVERBIAL_DEPS = frozenset({"npadvmod", "tmod"})
# Words that name a day by itself and are always adverbials of their clause, wherever
# the parser hangs them ("Yesterday Pakistan's government…" as a compound of "Pakistan").
DEICTIC_DAYS = frozenset({"yesterday", "today", "tonight", "tomorrow"})
# Modifiers that describe a noun ("pupils, off sick on Friday,"): a day inside one
# dates the description, not the clause the noun is the subject of.
DESCRIBING_DEPS = frozenset({"amod", "appos"})
# The noun of a clock's reference after a day ("late Thursday South African time",
# "Monday local time"): the parser makes it the adverbial and hangs the day on it.
ZONE_NOUNS = frozenset({"time"})
# Auxiliaries that open a condition when put before the subject ("Had he quit…",
# "Were they to leave…", "Should talks fail…").
INVERTING_AUXILIARIES = frozenset({"had", "were", "should"})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "xcomp", "advcl", "relcl", "pcomp", "acl", "csubj", "parataxis"})


def is_predicate(token: "Token") -> bool:
    return token.pos_ in ("VERB", "AUX") and not (token.pos_ == "AUX" and token.dep_ in ("aux", "auxpass"))


@dataclass(frozen=True)
class Mood:
    """Tense and mood of one predicate, as far as a reader of the news needs them."""

    tense: str  # past, perfect, past-perfect, present, future, untensed
    hypothetical: bool  # a modal, a condition or a negation of the whole event
    future_marker: bool  # "is expected to", "plans to" above it

    @property
    def scheduled(self) -> bool:
        return self.tense == "future" or self.future_marker


def mood_of(verb: "Token", vocab: Vocabulary) -> Mood:
    """Tense and mood of ``verb`` from its auxiliaries, markers and the verbs above it."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lemmas = {a.lemma_.lower() for a in auxes} | {a.lower_ for a in auxes}
    hypothetical = bool(lemmas & vocab.modals) or any(
        c.dep_ == "mark" and c.lower_ in vocab.conditionals for c in verb.children) or _inverted_condition(verb, auxes)
    future_marker = False
    up = verb
    # "are expected to speak", "plans to visit": the marker is the head of an xcomp chain.
    while up.dep_ == "xcomp" and up.head.i != up.i:
        up = up.head
        if up.lemma_.lower() in vocab.future_markers:
            future_marker = True
        if any(a.lemma_.lower() in vocab.modals for a in up.children if a.dep_ == "aux"):
            hypothetical = True
    if lemmas & vocab.future_auxiliaries or (verb.dep_ == "xcomp" and verb.head.lemma_ == "go"
                                              and verb.head.tag_ == "VBG"):
        tense = "future"
    elif any(a.lemma_ == "have" for a in auxes if a.dep_ == "aux") and verb.tag_ == "VBN":
        have = next(a for a in auxes if a.lemma_ == "have")
        tense = "past-perfect" if have.tag_ == "VBD" else "perfect"
    elif verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        tense = "past"
    elif verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        tense = "present"
    else:
        tense = "untensed"
    if up is not verb and tense == "untensed":
        head_mood = mood_of(up, vocab)
        tense = "future" if head_mood.tense == "future" else head_mood.tense
    return Mood(tense=tense, hypothetical=hypothetical, future_marker=future_marker)


def _inverted_condition(verb: "Token", auxes: "list[Token]") -> bool:
    """"Had he quit the post, he would have…": a side clause whose auxiliary comes
    before its subject is a condition, as if it began with "if"."""
    if verb.dep_ != "advcl" or not auxes:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(a.i < subject.i and a.lower_ in INVERTING_AUXILIARIES for a in auxes)


def clause_root(segment: "Span") -> "Token | None":
    """The main predicate of a stretch of text, ignoring parts that the parser
    attached to a heading glued in front of it."""
    start, end = segment.start, segment.end
    tops = [t for t in segment if t.head.i == t.i or not (start <= t.head.i < end)]
    for token in tops:
        if is_predicate(token):
            return token
    for token in tops:  # the root is a noun: the verb may sit just below it
        below = [c for c in token.children if is_predicate(c) and start <= c.i < end and c.dep_ in CLAUSE_DEPS]
        # "The airport, which was closed last week, reopened on Wednesday": a relative
        # clause describes the noun; the verb the parser hung beside it is the clause's own.
        for child in sorted(below, key=lambda c: c.dep_ == "relcl"):
            return child
    return None


def content_of(verb: "Token") -> "Token | None":
    """What a verb of saying introduces: its clausal complement, unless a
    conjunction of time or cause opens it (an adverbial the parser mislabelled)."""
    from timeline.extract.events.vocabulary import load_vocabulary

    subordinators = load_vocabulary().subordinators
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and is_predicate(child) and not any(
                c.dep_ == "mark" and c.lower_ in subordinators for c in child.children):
            return child
    return None


def manner_of(verb: "Token") -> "Token | None":
    """"reinforced the tone by withdrawing staff": the verb that says what was done."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            for child in prep.children:
                if child.dep_ == "pcomp" and child.tag_ == "VBG":
                    return child
    return None


def governor(head: "Token", segment: "Span", fallback: "Token | None",
             dated_nouns: frozenset[str] = frozenset(), day: bool = False) -> tuple["Token | None", str]:
    """The predicate a time expression (given by its head token) dates, and how.

    Returns ``(verb, how)``: ``adverbial`` when the expression modifies the verb
    ("said on Saturday", "made its first flight Tuesday"), ``argument`` when it
    dates an event nominal or a period measure the verb is about ("held talks
    on Monday", "first-quarter profit rose") or is itself the verb's subject or
    object, ``segment`` when the parse left the stretch of text (a heading glued
    on) and the main verb is taken; ``(None, why)`` when it only bounds the event
    ("since 2014") or belongs to another noun ("approved the 2008 budget").
    ``day``: the expression names a day, so that "on Tuesday" hung on a noun
    ("ended without agreement on Tuesday") is read as the clause's time, like a bare adverbial.
    """
    start, end = segment.start, segment.end
    if _day_of_a_deep_noun(head, start, end):
        return None, "nominal"
    closing = _closing_a_description(head)
    if closing is not None:
        return closing, "adverbial"
    token = head
    on_day = day and head.dep_ == "pobj" and head.head.lower_ == "on"
    bare = head.dep_ in BARE_ADVERBIAL_DEPS or on_day or (
        head.lower_ in DEICTIC_DAYS) or (  # "Yesterday Pakistan's government allowed…", parsed as a compound
        day and _opens(head, segment))  # "On Saturday Foreign Minister Ana Ruiz criticised…", likewise
    noun: "Token | None" = None  # the noun the expression modifies, if any
    described = False  # the expression sits in a description of that noun ("pupils, off sick on Friday,")
    phrases = 0  # prepositional phrases the expression sits in, its own "on" not counted
    # "rescued from the wreckage on Monday": a bounding word on the verb, above the
    # expression's own preposition, bounds the noun it governs, not the time ("a meeting of
    # ministers from all states on Thursday" keeps the day to the meeting)
    own = head.dep_ == "pobj" and head.head.lower_ not in BOUNDING_PREPOSITIONS
    for _ in range(16):
        if token.dep_ == "pobj" and token.head.lower_ in BOUNDING_PREPOSITIONS and not (
                own and noun is not None and token.head.lower_ in PLACE_PREPOSITIONS
                and is_predicate(token.head.head)):
            return None, "bounding"
        if token.dep_ == "prep" and token.i != head.head.i:
            phrases += 1
            if on_day and phrases > 1 and head.dep_ not in BARE_ADVERBIAL_DEPS:
                # "arrived for the final days, including the handover at the closing
                # ceremony on Sunday": a day that deep in the phrases of a noun is its own
                bare = False
        parent = token.head
        if parent.i == token.i:
            break
        if not (start <= parent.i < end):
            return fallback, "segment"
        if is_predicate(parent) and parent.dep_ not in ("amod", "prep"):  # "including" is a preposition
            if described and token.dep_ in ("nsubj", "nsubjpass"):
                return None, "nominal"  # "five pupils, off sick on Friday, have tested positive": the pupils' day
            if noun is None:
                return parent, "argument" if token.i == head.i and head.dep_ in ARGUMENT_DEPS else "adverbial"
            if bare:
                return parent, "adverbial"
            return (parent, "argument") if noun.lemma_.lower() in dated_nouns or noun.lower_ in dated_nouns \
                else (None, "nominal")
        if parent.lower_ in ZONE_NOUNS and parent.dep_ in BARE_ADVERBIAL_DEPS and noun is None:
            bare = True  # "late Thursday South African time": the day, told in that zone
            token = parent
            continue
        if parent.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            described = described or (noun is None and token.dep_ in DESCRIBING_DEPS)
            if noun is not None and not bare:
                return None, "nominal"
            noun = noun or parent
        token = parent
    return None, "nominal"


# Tokens that may stand between a description's last word and a day told after it.
CLOSING_MARKS = frozenset({'"', "'", "”", "’", ")"})


def _closing_a_description(head: "Token") -> "Token | None":
    """"President Ada Brenn, who branded the party a terrorist force yesterday, is
    trailing in the polls": a day word the parser hung on a noun, right after the relative
    clause that describes the noun, ends that clause and is its time, not the time of
    the clause the noun is the subject of. The relative clause's verb, or None."""
    if head.lower_ not in DEICTIC_DAYS or head.dep_ not in BARE_ADVERBIAL_DEPS or \
            head.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    before = head.i - 1
    while before > head.head.i and head.doc[before].text in CLOSING_MARKS:
        before -= 1
    for clause in head.head.children:
        if clause.dep_ == "relcl" and clause.i < head.i and max(t.i for t in clause.subtree) == before:
            return clause
    return None


# Prepositional phrases a noun sits in, below its clause, from which a day named right
# after it is the noun's own.
DEEP_PHRASES = 2


def _day_of_a_deep_noun(head: "Token", start: int, end: int) -> bool:
    """"in protest at the role of the student wing in the arrest yesterday of Imran Khan":
    a day word standing between a noun and its "of" complement names the noun's day, and
    when that noun sits two prepositional phrases or more below its clause, it is not the
    clause's day, wherever the parser hung it."""
    if head.lower_ not in DEICTIC_DAYS or not (start < head.i < end - 1):
        return False
    noun, after = head.doc[head.i - 1], head.doc[head.i + 1]
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or after.lower_ != "of":
        return False
    phrases, token = 0, noun
    for _ in range(16):
        if is_predicate(token) or token.head.i == token.i or not (start <= token.head.i < end):
            break
        phrases += token.dep_ == "prep"
        token = token.head
    return phrases >= DEEP_PHRASES


def _opens(head: "Token", segment: "Span") -> bool:
    """Whether a time expression opens its sentence, alone or after "on": there it tells
    the time of the clause, whatever noun of the subject the parser hung it on. "Tuesday's
    earthquake" names a happening by its day instead (occasions.py)."""
    if head.dep_ == "poss":
        return False
    first = head.left_edge.i
    return first == segment.start or (first == segment.start + 1 and segment.doc[segment.start].lower_ == "on")


def over_a_period(verb: "Token", prepositions: frozenset[str], units: frozenset[str]) -> bool:
    """"since 9/11", "over the last two decades", "for years": a clause told over a
    period of ``units`` after one of ``prepositions`` is a state reached, background to the news rather than news
    of the day."""
    for prep in verb.children:
        if prep.dep_ == "advcl" and "since" in prepositions and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in prep.children):
            return True  # "have died since the violence erupted": a running tally
        if prep.dep_ != "prep" or prep.lower_ not in prepositions:
            continue
        if prep.lower_ in ("since", "throughout"):
            return True
        if any(o.lemma_.lower() in units for o in prep.children if o.dep_ == "pobj"):
            return True
    return False


def state_reached(verb: "Token", vocab: Vocabulary) -> bool:
    """"has ruled alone since then", "have argued for two years": a present perfect told
    over a period is a state reached by now, not a happening of one day."""
    return mood_of(verb, vocab).tense == "perfect" and over_a_period(verb, vocab.period_prepositions,
                                                                      vocab.time_units)
