"""Whether the words kept for a title make a complete clause, read on the sentence's
parse, and the shortest complete realisation of a clause when the cut one is not.

A title is the article's clause with parts left out. A part is optional when the clause
still says the same thing without it: a time, a place, a manner, an aside, a side clause
that only sets the scene, a second conjunct. The rest is required, and a title that keeps a
word keeps what that word requires:

- a verb keeps its objects, the agent of its passive, the clause or infinitive it takes, its particle, its negation,
  its auxiliaries, and the phrase of a preposition it selects ("was elected to the
  senate", "sided with prosecutors on the evidence"; ``title_words.yaml``,
  ``selected_prepositions``, unless the phrase names a time or a place);
- a preposition keeps its object, a noun its "of" phrase, a noun said of something the phrase
  right after it ("the need for talks"), a number its other figures;
- a side clause that its head needs (``complements.needed_clause``), an infinitive of
  purpose after the verb the sentence asserts or reports, a restricting or truth-bearing adverb stay;
- no quotation is cut inside: its words are all kept or all left out;
- every kept word hangs on another kept word, up to the clause's verb: no determiner,
  auxiliary or "to" is left without its head.

``incomplete`` names the first word that breaks one of these, or None; ``shortest`` gives,
from the whole clause, the realisation left when optional parts are taken out in order of
expendability (a part inside another first) while the words stay complete, until it fits a headline, and gives back
those that still fit. Used by ``wording.title_from``, which keeps its own cut when it is
complete and takes this one when it is not.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Callable, Iterable

from timeline.extract.events.complements import (
    counted,
    keeps_truth,
    needed_clause,
    noun_complement,
    restricts,
    role_after_as,
    stranded,
)
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.vocabulary import load_vocabulary

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Parse, Token

# What a word requires of its children, whatever its kind.
REQUIRED = frozenset({"dobj", "dative", "attr", "acomp", "oprd", "xcomp", "ccomp", "pobj", "pcomp", "neg", "prt",
                      "aux", "auxpass", "case", "nummod", "quantmod", "nsubj", "nsubjpass", "csubj", "expl",
                      "agent"})
# Parts a title may leave out, the first ones first: adverbs and loose noun adverbials, the
# phrases of prepositions the verb does not select, side clauses, then a second clause. An
# adjective never goes: "prime minister", "foul play", "the new military regime" are other
# things without it.
EXPENDABLE = (frozenset({"advmod", "npadvmod"}), frozenset({"prep"}),
              frozenset({"acl", "relcl", "advcl", "xcomp", "ccomp"}), frozenset({"conj", "cc"}))
# Kinds of named entity of an amount: never an adverbial a title may leave out.
FIGURES = frozenset({"MONEY", "PERCENT", "QUANTITY"})
QUOTE_MARKS = frozenset("\"“”«»„")
# Kinds of named entity that name someone or something: never cut short.
NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
# Words of a name a title may leave out.
LOSABLE = frozenset({"DET", "PART", "PUNCT"})


def incomplete(kept: Iterable[int], root: "Token", exempt: set[int]) -> "Token | None":
    """The first kept word that lacks what it requires, or that hangs on no kept word; None
    when the words are complete. ``exempt`` words (times, parts the clause leaves out on
    purpose, words outside the sentence) are never required."""
    kept = set(kept)
    doc = root.doc
    for i in sorted(kept):
        token = doc[i]
        if i != root.i and token.head.i not in kept and token.head.i not in exempt and token.head.i != i:
            return token  # "the" without its noun, "to" without its verb
        for child in token.children:
            if child.i not in kept and child.i not in exempt and required(child):
                return token
        if _phrase_lost(token, kept, exempt):
            return token
    return (_name_cut(kept, exempt, doc) if kept else None) or _cut_quotation(kept, root, exempt)


def _in_a_name(token: "Token") -> bool:
    """Whether ``token`` is a word inside a name, after its first: "of" in "the King of Pop"."""
    doc = token.doc
    at = bisect_left(doc.ent_starts, token.i + 1) - 1
    if at < 0:
        return False
    ent = doc.ents[at]
    return ent.label_ in NAMES and ent.start < token.i < ent.end


def _name_cut(kept: set[int], exempt: set[int], doc: "Parse") -> "Token | None":
    """"causing the King [of Pop's death]", "bought Bank [of America]": the first word of a
    name kept from its start but cut before its end. Words a name may lose (a determiner, a
    possessive ending, marks) do not count."""
    first, last = min(kept), max(kept)
    for ent in doc.ents[bisect_left(doc.ent_starts, first):]:
        if ent.start > last:
            break
        if ent.label_ in NAMES and ent.start in kept and any(i not in kept and i not in exempt and
                                                             doc[i].pos_ not in LOSABLE
                                                             for i in range(ent.start + 1, ent.end)):
            return doc[ent.start]
    return None


def _phrase_lost(token: "Token", kept: set[int], exempt: set[int]) -> bool:
    """"in protest [at the arrest]", "questioned the need [for talks]": a noun said of something
    (``relational_nouns``) kept without the phrase right after it, or that phrase kept without
    its noun, wherever the parser hung the phrase."""
    doc = token.doc
    words = load_title_words()
    if token.dep_ == "prep":
        noun, prep = (doc[token.i - 1] if token.i else token), token
        if noun.i in kept or noun.i in exempt or prep.head.i == noun.i:
            return False
    else:
        noun, prep = token, (doc[token.i + 1] if token.i + 1 < len(doc) else token)
        if prep.i in kept or prep.i in exempt:
            return False
    if noun.i + 1 != prep.i or a_time(prep):
        return False
    return noun_complement(prep) or noun.pos_ == "NOUN" and noun.lemma_.lower() in words.relational_nouns and \
        prep.dep_ == "prep" and prep.lower_ in words.relational_prepositions and \
        any(c.dep_ in ("pobj", "pcomp") for c in prep.children) and _of_a_party(noun, prep)


def _of_a_party(noun: "Token", prep: "Token") -> bool:
    """Whether the phrase of with or against (``party_prepositions``) after a noun of one that takes
    a party (``party_nouns``: a case, a meeting) names one: a case against a doctor is brought
    against someone, "cases with the highest profile" are only described."""
    words = load_title_words()
    if prep.lower_ not in words.party_prepositions or noun.lemma_.lower() not in words.party_nouns:
        return True
    return any(c.dep_ == "pobj" and (c.ent_type_ in words.party_entities or c.pos_ in ("PROPN", "PRON") or
                                     c.lemma_.lower() in words.person_nouns | words.role_nouns | words.agent_nouns)
               for c in prep.children)


def required(child: "Token") -> bool:
    """Whether a title that keeps ``child``'s head must keep ``child``."""
    head = child.head
    dep = child.dep_
    if dep in ("conj", "cc") and head.pos_ not in ("VERB", "AUX"):
        # "the United States and Britain": a second actor is not a second clause; but
        # "staff, as well as their families" is an addition, and "with bribery [and with tax
        # evasion]" a second phrase
        return head.pos_ != "ADP" and not _addition(head)
    if dep in ("xcomp", "ccomp"):
        return head.pos_ in ("VERB", "AUX", "ADJ")
    if dep in REQUIRED:
        return True
    if dep == "acl" and head.pos_ == "NOUN" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
        return True  # "has no doubt that his plan will work", "denied claims that he will run": what it says
    if dep in ("acl", "relcl", "advcl"):
        return needed_clause(child) or (purpose(child) and _asserted(head))
    if dep == "npadvmod" and any(t.ent_type_ in FIGURES for t in child.subtree):
        return True  # "put aside $30m": an amount the parser hung as an adverbial is what was put aside
    if dep == "advmod":
        return restricts(child) or keeps_truth(child) or (head.pos_ == "ADJ" and head.dep_ == "amod") or (
            child.i == head.i + 1 and child.lower_ in load_title_words().particles) or bound_adverb(child)
    if dep == "prep":
        return _selected(child) or stranded(child) or _predicate(child)
    return False


def bound_adverb(adverb: "Token") -> bool:
    """"[just how] wayward the leader has become", "has [so] far infected": the wh-adverb that
    opens a clause, and an adverb of another adverb, are part of what they modify."""
    return adverb.dep_ == "advmod" and (adverb.tag_ == "WRB" or adverb.head.pos_ == "ADV")


def shortest(words: list[int], root: "Token", exempt: set[int], fits: Callable[[list[int]], bool],
             tidy: Callable[[list[int]], list[int]], keep: set[int] = frozenset()) -> list[int]:  # type: ignore[assignment]
    """From the whole clause (``words``), the realisation left when optional parts go, in
    order of expendability and the innermost first, each only if the words stay complete,
    until they fit; then the parts that still fit come back, the last taken first. Parts in
    ``keep`` (the inside of a name) never go."""
    current = tidy(words)
    if fits(current) or incomplete(current, root, exempt) is not None:
        return current
    doc = root.doc
    inside = {t.i for t in root.subtree}  # the phrase a clause describes is no part of it
    parts = sorted((doc[i] for i in current if doc[i].dep_ in EXPENDABLE_DEPS and i != root.i and i in inside
                    and i not in keep and not required(doc[i]) and not a_time(doc[i])),
                   key=lambda t: (_rank(t), -_depth(t, root), -len(t.subtree), t.i))
    current, taken = _take_out(current, parts, root, exempt, fits, tidy)
    if not fits(current):
        # still too long: a phrase that a word inside the clause does not select ("to be inducted into
        # the hall of fame [at a ceremony]", "the cost [in Brazil]") is an adjunct beside the core, and
        # goes before the title is left longer than a headline; a word keeps what it selects ("died
        # from an overdose", "a call for sanctions"), a noun its "of", and no quotation is cut inside
        loose = [doc[i] for i in current if doc[i].dep_ == "prep" and doc[i].head.i != root.i and i in inside
                 and i not in keep and not a_time(doc[i]) and not required(doc[i]) and not _in_a_name(doc[i])]
        # and a second thing listed where no one is named ("as a disturbing development [and yet
        # another attempt to obstruct the election]"): the first says what kind of thing it was
        loose += [doc[i] for i in current if doc[i].dep_ == "conj" and doc[i].pos_ == "NOUN" and i in inside
                  and doc[i].head.pos_ == "NOUN" and doc[i].head.dep_ in ("dobj", "pobj", "attr", "oprd")
                  and i not in keep and doc[i].head.i not in keep and not _in_subject(doc[i], root)
                  and _listed(doc[i])]
        freed = exempt | {t.i for p in loose for t in p.subtree} | {
            c.i for p in loose if p.dep_ == "conj" for c in p.head.children if c.dep_ in ("cc", "punct")}
        kept = current
        current, more = _take_out(current, sorted(loose, key=lambda t: (-_depth(t, root), -t.i)), root, freed,
                                  fits, tidy)
        if not fits(current) or _cut_quotation(set(current), root, exempt) is not None:
            current, more = kept, []  # a title shorter but still too long loses words for nothing
        taken += more
    if not fits(current):
        # the core alone is longer than a headline: it is shortened inside, the part farthest
        # from the verb first ("vowed to go back into negotiations to draft legislation [to calm
        # the markets]"), and only when that makes it fit
        inner = _inner_parts(current, root, keep)
        freed = exempt | {t.i for p in inner for t in p.subtree}
        tightened, more = _take_out(current, inner, root, freed, fits, tidy)
        if fits(tightened) and _cut_quotation(set(tightened), root, exempt) is None:
            current, taken = tightened, taken + more
    if not fits(current):
        return current  # still too long: the clause without its loose parts
    for cut in reversed(taken):
        trial = tidy(sorted(set(current) | cut))
        if fits(trial) and incomplete(trial, root, exempt) is None:
            current = trial
    return current


def _inner_parts(current: list[int], root: "Token", keep: set[int]) -> "list[Token]":
    """What a core too long for a headline may lose inside it, the farthest from the verb first:
    an infinitive below the clause's own verb that says what a thing is for inside another that
    does ("talks to draft legislation [to calm the markets]"), or what was done for when the verb
    keeps what it acted on ("put up a candidate [to challenge the chairman]"). Never one a verb or
    a noun needs to say what it means ("asked them [to leave]", "the power [to rule]", "intervened
    [to calm the crowd]"), a name's words, nor a quotation's."""
    doc = root.doc
    inside = {t.i for t in root.subtree}
    words = load_title_words()
    out = []
    for i in current:
        token = doc[i]
        head = token.head
        if i == root.i or i not in inside or i in keep or head.i == root.i or head.i not in current or \
                _in_a_name(token) or token.dep_ not in INNER_CLAUSES or token.i < head.i or \
                not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or \
                any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children):
            continue
        if head.pos_ in ("VERB", "AUX"):
            kept = head.lemma_.lower() not in words.needs_complement | words.purpose_verbs and any(
                c.dep_ == "dobj" and c.i in current for c in head.children)
        else:
            # "talks to draft legislation [to calm the markets]": one infinitive inside another that
            # already says what the thing is for; not "the power [to rule]", "include measures [to…]"
            kept = head.pos_ == "NOUN" and head.lemma_.lower() not in words.relational_nouns and not any(
                c.dep_ in ("det", "poss") for c in head.children) and _inside_an_infinitive(head, root)
        if kept:
            out.append(token)
    return sorted(out, key=lambda t: (-_depth(t, root), t.i))


def _inside_an_infinitive(token: "Token", root: "Token") -> bool:
    """Whether a head of ``token`` below ``root`` is an infinitive said of a noun."""
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            return True
        token = token.head
    return False


def _take_out(current: list[int], parts: "list[Token]", root: "Token", exempt: set[int],
              fits: Callable[[list[int]], bool],
              tidy: Callable[[list[int]], list[int]]) -> tuple[list[int], list[set[int]]]:
    """``current`` without ``parts``, taken out in turn while it is too long and stays complete;
    and the words each part took."""
    taken: list[set[int]] = []
    for part in parts:
        if fits(current):
            break
        if part.i not in current:
            continue  # went with a part before it
        cut = {t.i for t in part.subtree}
        if part.dep_ == "conj":
            cut |= {t.i for c in part.head.children if c.dep_ == "cc" and part.head.i < c.i < part.i
                    for t in c.subtree}
        trial = tidy([i for i in current if i not in cut])
        if trial and incomplete(trial, root, exempt) is None:
            taken.append(cut & set(current))  # without its inner parts taken before: they come back on their own
            current = trial
    return current, taken


EXPENDABLE_DEPS = frozenset().union(*EXPENDABLE)
# Clauses inside a core a headline may lose to fit, when they are infinitives: on a noun, or a
# purpose ("xcomp" and "ccomp" say what their verb says, and stay).
INNER_CLAUSES = frozenset({"acl", "relcl", "advcl"})
TIME_ENTS = frozenset({"DATE", "TIME"})


def a_time(part: "Token") -> bool:
    """Whether ``part`` is a phrase of time ("in September"). Times are left out of a title
    before it is made unless the date is not theirs ("was agreeing in September", told in
    December): then the title is the only place that tells them, and they stay."""
    words = [t for t in part.subtree if t.dep_ != "prep" or t.i != part.i]
    return bool(words) and all(t.ent_type_ in TIME_ENTS or t.is_punct for t in words)


def _depth(token: "Token", root: "Token") -> int:
    """How many heads lie between ``token`` and ``root``: a part inside another goes before it."""
    depth = 0
    while token.i != root.i and token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _listed(conjunct: "Token") -> bool:
    """Whether a noun's second conjunct only adds a second thing to a first that stands on its
    own: not a contrast ("too many soldiers [but not enough supplies]"), and not after a bare
    singular noun the parser may have taken from the phrase it describes ("an array of
    helicopter [and landing craft assets]")."""
    head = conjunct.head
    between = conjunct.doc[head.i + 1:conjunct.i]
    if any(t.lower_ in ("but", "nor", "not", "n't") for t in between):
        return False
    return head.tag_ in ("NNS", "NNPS") or any(c.dep_ in ("det", "poss", "nummod") for c in head.children)


def _in_subject(token: "Token", root: "Token") -> bool:
    """Whether ``token`` is part of a subject of the clause: one of those who did it."""
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return True
        token = token.head
    return False


def _rank(part: "Token") -> int:
    return next(n for n, kinds in enumerate(EXPENDABLE) if part.dep_ in kinds)


def _addition(head: "Token") -> bool:
    """Whether ``head``'s conjunct is joined by "as well as": an addition, not a second actor."""
    return any(c.dep_ == "cc" and c.lower_ == "as" and c.i > 0 and c.doc[c.i - 1].lower_ == "well"
               for c in head.children)


def _selected(prep: "Token") -> bool:
    """A preposition whose phrase is what its verb, adjective or noun acts on: one of the
    selecting prepositions after its head, with no comma between, whose noun is no time
    or place; an "as" of a role; an "of" on a noun; the phrase right after a noun said of
    something (``relational_nouns``); the phrase right after a verb's particle (``particles``:
    "stepped back from the claims")."""
    head = prep.head
    if role_after_as(prep):
        return True
    if prep.lower_ == "as" and head.lemma_.lower() in load_vocabulary().as_complements:
        return True  # "described the responses as too bland": what they were called
    if head.pos_ == "ADJ" and prep.i == head.i + 1:
        return True  # "interested in", "responsible for", "aware of": the adjective's own phrase
    if noun_complement(prep) and prep.head.i == prep.i - 1 and not a_time(prep):
        return True  # "a cut in aid", "deaths from the fever"
    words = load_title_words()
    if head.dep_ == "advmod" and head.lower_ in words.particles and prep.i == head.i + 1 and head.head.pos_ == "VERB":
        return True  # "stepped back from the claims", "walked away from the talks": what the particle's verb left
    if prep.lower_ not in words.selected_prepositions or prep.i < head.i:
        return False
    if prep.lower_ == "of":
        # "the spread of the virus", "one of her bodyguards"; but a second "of" phrase inside
        # the first only adds to it ("one of the greatest icons [of all time]")
        # ("one of the greatest icons [of all time]"), and a name needs none ("Judge Pastor [of the court]");
        # but what a number or a series counts keeps its own ("the number of cases of torture")
        return head.pos_ != "PROPN" and not (head.dep_ == "pobj" and head.head.lower_ == "of" and not counted(head))
    if head.pos_ == "NOUN" and head.lemma_.lower() in words.relational_nouns:
        return prep.i == head.i + 1 and prep.lower_ in words.relational_prepositions and _of_a_party(head, prep)
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    noun = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if noun is None or noun.ent_type_ in words.adjunct_entities:
        return False
    return not any(t.text in (",", ";", "(", "—", "–") for t in prep.doc[head.i + 1:prep.i])


def _predicate(prep: "Token") -> bool:
    """"had been in contact with them", "is in hospital": the phrase after a copula with no
    other complement is what the clause says of its subject."""
    head = prep.head
    return head.lemma_.lower() == "be" and prep.i > head.i and not any(
        c.dep_ in ("attr", "acomp", "oprd", "xcomp", "ccomp") for c in head.children)


def purpose(clause: "Token") -> bool:
    """"offered $100bn to shore up the banks": an infinitive after its verb says what for."""
    return clause.dep_ == "advcl" and clause.i > clause.head.i and clause.head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)


def _asserted(verb: "Token") -> bool:
    """Whether ``verb`` is what the sentence asserts or reports: the clause's own verb, one
    coordinated with it, or the verb of what was said; not a verb inside a noun's phrase."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ in ("ROOT", "ccomp") or verb.head.i == verb.i


def _cut_quotation(kept: set[int], root: "Token", exempt: set[int]) -> "Token | None":
    """The first word kept from a quotation some of whose other words are left out."""
    doc = root.doc
    lo = min(t.i for t in root.subtree)
    hi = max(t.i for t in root.subtree)
    opened: int | None = None
    for i in range(lo, hi + 1):
        if doc[i].text not in QUOTE_MARKS:
            continue
        if opened is None:
            opened = i
            continue
        inside = [j for j in range(opened + 1, i) if any(c.isalnum() for c in doc[j].text) and j not in exempt]
        if any(j in kept for j in inside) and not all(j in kept for j in inside):
            return doc[next(j for j in inside if j in kept)]
        opened = None
    return None
