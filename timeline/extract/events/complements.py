"""What a verb, or the noun it acts on, needs to say what it means: the parts of a
clause a title keeps when they fit, even where the parser hung them as side clauses.

A headline prunes what only sets the scene (when, where, why, asides) and keeps
what the verb needs: "ordered him to clean up the room", not "ordered him"; "put
six people to sleep", not "put six people"; "has no reason to recuse himself", not
"has no reason"; "attacked the conditions in which he is held", not "attacked the
conditions"; "served as the singer's physician", not "served"; "phoned paramedics
only after she had died", not "phoned paramedics". Used by ``wording.title_from``
(what is never dropped outright) and ``asides.subordinate`` (the "only after" clause).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.events.title_words import load_title_words

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# Side clauses a title may keep, when they fit, because what they hang on needs them.
CLAUSES = frozenset({"relcl", "advcl", "acl"})
# The parts of a clause a noun stands in as the thing acted on or the thing it is.
OBJECTS = frozenset({"dobj", "attr", "oprd", "nsubjpass"})


def needed_clause(child: "Token") -> bool:
    """Whether a side clause (``CLAUSES``) is what its head needs: an infinitive after the
    object of a verb that needs one ("ordered him to leave", "put them to sleep"), an
    infinitive that says what a noun is for ("no reason to recuse himself", "the first
    president to visit"), a relative clause that says which of a definite object is meant,
    with no comma before it ("the conditions in which he is held"), or a clause that
    "only" or "not" restricts ("only after she had died"), an infinitive saying what a thing was sent or
    readied for ("sent a plane to pick up the children"), or done for by a verb that acts on
    nothing else ("met to discuss the crisis"), a "for" clause after a noun said of
    something ("the need for Sweden to act"), or a bare adjective after the verb saying what
    state its subject was in ("pulled out alive"), the clause of a cleft ("it was Petrov whose
    budget was reckless"), a "for" clause of what a verb asks ("asked for their names to be removed")."""
    if child.dep_ not in CLAUSES:
        return False
    head = child.head
    if child.dep_ == "advcl" and child.tag_ == "JJ" and child.i > head.i and head.pos_ in ("VERB", "AUX") and all(
            c.dep_ in ("advmod", "neg") for c in child.children):
        return True  # "was pulled out alive", "was found dead": what state the subject was in
    if restricted(child) or _for_to(child) or _cleft(child):
        return True
    if _said_of(child) or _what_it_says(child):
        return True
    if child.dep_ in ("relcl", "acl") and _defines_its_head(child):
        return True
    if _infinitive(child):
        if head.pos_ in ("VERB", "AUX"):
            words = load_title_words()
            return child.dep_ == "advcl" and (head.lemma_.lower() in words.needs_complement | words.purpose_verbs
                                              or _after_for(child) or _objectless(child))
        return head.pos_ in ("NOUN", "ADJ", "NUM") and child.i > head.i
    return child.dep_ == "relcl" and _defines(child)


def _cleft(clause: "Token") -> bool:
    """"said it was Petrov whose budget was reckless", "it was the army that fired first": the
    relative clause of "it was X" is what is said of X; without it the sentence says nothing."""
    noun, verb = clause.head, clause.head.head
    return clause.dep_ == "relcl" and noun.dep_ == "attr" and verb.lemma_.lower() == "be" and any(
        c.dep_ in ("nsubj", "expl") and c.lower_ == "it" and c.i < verb.i for c in verb.children)


def _for_to(clause: "Token") -> bool:
    """"asked for their names to be removed", "pressed for the vote to be held": a clause of
    "for" and an infinitive right after its verb (a particle or a time between at most) is what
    the verb asks for, not why it was done ("left early for the talks to go on" is)."""
    if clause.dep_ != "advcl" or clause.i < clause.head.i or clause.head.pos_ not in ("VERB", "AUX"):
        return False
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)
    if mark is None or mark.i != clause.left_edge.i or not any(c.dep_ == "aux" and c.lower_ == "to"
                                                               for c in clause.children):
        return False
    # "asked on Tuesday for…": a time between is no purpose's sign
    return all(t.dep_ == "prt" or t.ent_type_ in ("DATE", "TIME") or (t.dep_ == "prep" and any(
        c.ent_type_ in ("DATE", "TIME") for c in t.children)) for t in clause.doc[clause.head.i + 1:mark.i])


def _said_of(clause: "Token") -> bool:
    """"the need for Sweden to act", "a call for the minister to resign": a "for" clause right
    after a noun said of something (``title_words.yaml``, relational_nouns) is what it is of."""
    first = min(t.i for t in clause.subtree)
    if first == 0 or clause.i < first:
        return False
    noun = clause.doc[first - 1]  # wherever the parser hung the clause ("set a deadline for X to…")
    return noun.pos_ == "NOUN" and clause.doc[first].lower_ == "for" and \
        noun.lemma_.lower() in load_title_words().relational_nouns and (noun.i == clause.head.i or (
            noun.head.i == clause.head.i and noun.dep_ in OBJECTS))


def _what_it_says(clause: "Token") -> bool:
    """"submitted an affidavit to the court alleging that…", "sent a letter demanding his
    release": a participle of saying after a written statement its verb acts on (``title_words.yaml``,
    statement_nouns and statement_verbs), no comma between, tells what the statement says,
    whether the parser hung it on the verb or on a noun in between."""
    words = load_title_words()
    if clause.dep_ not in ("advcl", "acl") or clause.tag_ != "VBG" or \
            clause.lemma_.lower() not in words.statement_verbs:
        return False
    first = clause.left_edge.i
    if first == 0 or clause.doc[first - 1].is_punct:
        return False
    verb = clause.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ in ("dobj", "nsubjpass") and c.i < clause.i and c.lemma_.lower() in words.statement_nouns
               for c in verb.children)


def restricted(clause: "Token") -> bool:
    """"only after she had died", "not until Monday": a side clause whose conjunction a
    restricting adverb opens is what the sentence says, not its setting."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.i < clause.i), None)
    if mark is None or mark.i == 0:
        return False
    before = clause.doc[mark.i - 1]
    return before.lower_ in load_title_words().restricting_adverbs and before.head.i in (clause.i, clause.head.i)


def conditional(clause: "Token") -> bool:
    """"would not reject any Haitians if they wanted to move": a condition on what a modal
    says will or would happen is part of the claim (``title_words.yaml``, condition_marks); so is
    one on a demand, a threat or a refusal ("called for a boycott unless the judges return",
    demand_verbs)."""
    if clause.dep_ != "advcl" or clause.i < clause.head.i:
        return False
    words = load_title_words()
    head = clause.head
    while head.dep_ in ("xcomp", "prep", "pobj") and head.head.i != head.i:
        head = head.head  # "threatened to quit [unless…]", "called for a boycott [unless…]"
    demand = head.lemma_.lower() in words.demand_verbs
    marks = words.condition_marks | {"until"} if demand else words.condition_marks
    if not any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children):
        return False
    return demand or any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.head.children)


def _defines_its_head(clause: "Token") -> bool:
    """"those who had donated money", "people who had been in contact": a clause right after a
    word that names no one until it says who (``title_words.yaml``, defined_heads)."""
    first = min(t.i for t in clause.subtree)
    if first == 0 or clause.i < clause.head.i:
        return False
    # the word right before the clause, wherever the parser hung it ("the children and people
    # who had been in contact": the people, not the children)
    head = clause.doc[first - 1]
    if head.lower_ not in load_title_words().defined_heads:
        return False
    return not (head.pos_ == "NOUN" and any(c.dep_ == "det" for c in head.children))  # "the people": which


def restricts(adverb: "Token") -> bool:
    """Whether ``adverb`` is the "only" of "only after…", wherever the parser hung it."""
    doc = adverb.doc
    after = doc[adverb.i + 1] if adverb.i + 1 < len(doc) else None
    return after is not None and after.dep_ == "mark" and adverb.lower_ in load_title_words().restricting_adverbs \
        and restricted(after.head)


def keeps_truth(adverb: "Token") -> bool:
    """Whether ``adverb`` changes whether its clause is true ("had largely been contained",
    "had unduly benefited"): a title never prunes it (``title_words.yaml``, truth_adverbs)."""
    return adverb.dep_ in ("advmod", "neg") and adverb.lower_ in load_title_words().truth_adverbs


def role_after_as(prep: "Token") -> bool:
    """"served as the singer's personal physician", "took over as party leader": an "as"
    whose object is a role says what the subject is or became, and stays."""
    if prep.lower_ != "as" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    words = load_title_words()
    return noun.lemma_.lower() in words.person_nouns | words.role_nouns or noun.lower_ in words.role_nouns


def stranded(prep: "Token") -> bool:
    """"would be dealt with", "was looked after", "had been laughed at": a preposition of its
    verb with no object of its own is part of the verb, and goes wherever the verb goes."""
    return prep.dep_ in ("prep", "prt") and prep.pos_ == "ADP" and prep.head.pos_ in ("VERB", "AUX") \
        and prep.i > prep.head.i and not any(c.dep_ in ("pobj", "pcomp") for c in prep.children) \
        and all(prep.doc[j].pos_ in ("ADV", "PART") for j in range(prep.head.i + 1, prep.i))


def noun_complement(prep: "Token") -> bool:
    """"a cut [in aid]", "deaths [from the fever]", "a series [of measures]": the phrase right
    after a noun that names nothing without it (``title_words.yaml``, noun_complements),
    wherever the parser hung the phrase."""
    if prep.dep_ != "prep" or prep.i == 0 or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return False
    noun = prep.doc[prep.i - 1]
    nouns = load_title_words().noun_complements.get(prep.lower_, frozenset())
    return noun.pos_ == "NOUN" and (noun.lemma_.lower() in nouns or noun.lower_ in nouns)


def counted(noun: "Token") -> bool:
    """Whether ``noun`` is what a noun of counting or grouping counts ("the number of [cases]",
    "a series of [measures]"): its own "of" phrase is then part of what is counted ("cases of
    torture")."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "of" and noun_complement(prep)


def needs_what_follows(token: "Token") -> bool:
    """A verb that needs what comes after it ("ordered", "urged", "asked"): its
    infinitive or clause is never pruned."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in load_title_words().needs_complement


def _infinitive(clause: "Token") -> bool:
    return clause.tag_ in ("VB", "VBN") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
        and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)


def _objectless(clause: "Token") -> bool:
    """"met to discuss the crisis", "is due to meet to select an heir": an infinitive after a
    verb that acts on nothing is what the happening was; without it the title says only
    that someone met. Not after a verb of saying or a copula, whose clause is their own."""
    head = clause.head
    if clause.i < head.i or head.lemma_.lower() == "be" or any(t.text in (",", ";", "—", "–")
                                                              for t in clause.doc[head.i + 1:clause.left_edge.i]):
        return False
    return not any(c.dep_ in OBJECTS | {"dative", "acomp", "ccomp", "xcomp", "prt"} or (
        c.dep_ == "prep" and c.i < clause.i and not _a_time_or_place(c)) for c in head.children if c.i != clause.i)


def _a_time_or_place(prep: "Token") -> bool:
    """Whether a preposition's phrase names only a time or a place ("in December", "in Mangaung")."""
    words = [t for t in prep.subtree if t.i != prep.i and not t.is_punct]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") or t.dep_ == "det" for t in words)


def _after_for(clause: "Token") -> bool:
    """"arranged for all pupils to be offered…", "called for the minister to resign": the
    infinitive says what the "for" phrase before it is to do."""
    before = [c for c in clause.head.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < clause.i]
    return bool(before) and max(t.i for t in before[-1].subtree) + 1 == min(t.i for t in clause.subtree)


def _defines(clause: "Token") -> bool:
    """A relative clause right after a definite noun, or a bare plural, the verb acts on, no
    comma between."""
    noun = clause.head
    if noun.dep_ not in OBJECTS or noun.pos_ != "NOUN" or clause.i < noun.i:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and not (
            noun.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)):
        return False  # "the conditions in which…", "proposals that would change…": which ones
    first = min(t.i for t in clause.subtree)
    return first > 0 and clause.doc[first - 1].text not in (",", "(", "-", "–", "—")
