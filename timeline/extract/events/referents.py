"""Who a description or a pronoun stands for, read once per article.

An article names a participant once and then describes it ("the doctor", "the bank", "Pakistan's
prime minister") or calls it "he". A title is read alone and an actor list lists names, so both take
the named actor, from one reading per article, and only when the article makes it certain:

- a description the article ties to one named actor (``description_ties``): a name beside it
  ("Ivo Marek, the doctor"), in front of the noun ("banker Ivo Marek"), or what the name is;
- an office held by one named person (``office_holder``); owned by a country
  ("Pakistan's prime minister"), the person the article calls so, or gives that office
  of that country;
- a noun an honorific gives one named person ("Dr Ivo Marek", then "the doctor");
- a noun of one person the article ties to no one: the one person its headline names;
- a lede's source ("Pakistan's prime minister has promised") the next sentence names;
- a personal pronoun whose antecedent the text makes certain (``antecedent``; never a
  name told only inside a quotation the pronoun is outside of); the object of a verb
  ("tapped him") is never the subject of its own clause, so when one other person
  only is named since the sentence before, it is that person.

A description the article ties to two actors or to none, a plural ("the two men"), one qualified as
another holder ("the next president": ``referents.yaml``), stays; ages and owners: ``described_people``.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.described_people import age_of, aged, owned_person
from timeline.extract.events.descriptions import (
    WHOSE,
    description_ties,
    headline_person,
    owned_key,
    possessor_name,
)
from timeline.extract.events.lede_sources import named_next
from timeline.extract.events.naming import (
    leaves_described,
    named_before,
    office_holder,
    qualified_alike,
    sole_tie,
    written_as,
)
from timeline.extract.events.pronouns import antecedent, unquoted_for
from timeline.extract.events.title_words import load_title_words
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

_USER_DATA_KEY = "timeline.referents"
# Dependencies of an object of a clause, and of a verb told with it ("agreed to buy the bank").
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
CHAINED = frozenset({"xcomp", "conj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
ARGUMENT_DEPS = SUBJECTS | {"dobj", "dative"}
# Words a definite description may hold before its noun.
DESCRIBING = frozenset({"det", "amod", "compound", "poss"})
# Kinds of actor a name set beside a description may be.
NAMED = ("person", "organisation")
# What may follow a name set beside a description at the end of its clause.
CLOSING = frozenset({",", ".", ";", ")", ":", "!"})
# Words after a name that make it the first of a list.
LISTING = frozenset({"and", "or"})


@lru_cache(maxsize=1)
def _reflexives() -> frozenset[str]:
    return frozenset(str(w).lower() for w in (load_data("referents.yaml") or {}).get("reflexives") or [])


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = load_data("referents.yaml") or {}
    # the nouns of one person a headline names, not the last words of offices ("defense")
    people = (load_data("title_words.yaml") or {}).get("person_nouns") or []
    words = load_title_words()
    return (frozenset(str(w).lower() for w in data.get("other_holders") or []),
            frozenset(str(w).lower() for w in data.get("personal_pronouns") or []),
            frozenset(str(w).lower() for w in people),
            frozenset(words.person_nouns) | frozenset(words.role_nouns))


def referent(token: "Token", mentions: list[Mention], headline: str = "") -> Mention | None:
    """The named actor ``token`` (the noun of a description, or a personal pronoun) stands
    for, when the article makes it certain, else None. Read once per token and article."""
    spacy_doc = token.doc.spacy
    cached = spacy_doc.user_data.get(_USER_DATA_KEY)
    if cached is None or cached[0] != (len(mentions), headline):
        cached = ((len(mentions), headline), {})
        spacy_doc.user_data[_USER_DATA_KEY] = cached
    found: dict[int, Mention | None] = cached[1]
    if token.i not in found:
        beside = _beside(token, mentions)
        actor = beside or _read(token, mentions, headline)
        found[token.i] = None if actor is None or (beside is None and _rivalled(token, actor, mentions)) else actor
    return found[token.i]


def _governing_subject(token: "Token") -> list["Token"]:
    """The words of the subject of the clause ``token`` is an argument of (through a verb it
    goes on to do: "agreed to buy the bank" is Stark Capital's)."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    while verb.dep_ in ("xcomp", "pcomp") and not any(c.dep_ in SUBJECTS for c in verb.children):
        verb = verb.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head  # "stopped short of sacking him": past the preposition to the verb
    return [t for c in verb.children if c.dep_ in SUBJECTS and c.i != token.i for t in c.subtree]


def _rivalled(token: "Token", actor: Mention, mentions: list[Mention]) -> bool:
    """Whether the sentence names, before ``token``, another actor of ``actor``'s kind that
    the description or pronoun could as well stand for ("In the case of IndyMac, an official
    authorized the bank"; "keen to show his independence, Nawaz Sharif proposed"): not the
    subject of its own clause, which an object never stands for."""
    sentence = token.doc.spacy[token.i].sent
    own = _governing_subject(token) if token.dep_ not in SUBJECTS else []
    if token.pos_ == "PRON" and any(m.kind == "person" and m.name != actor.name and token.idx < m.start
                                    and m.end <= sentence.end_char for m in mentions if _subject_of_root(m, token)):
        return True  # the pronoun opens what its sentence's subject, named after it, did
    own += [t for c in token.children if c.i < token.i for t in c.subtree]  # nor "Ed Brandt's" of "Ed Brandt's doctor"
    return any(m.kind == actor.kind and m.name != actor.name and sentence.start_char <= m.start
               and m.end <= token.idx and not any(m.start <= t.idx < m.end for t in own) for m in mentions)


def _subject_of_root(mention: Mention, token: "Token") -> bool:
    sentence = token.doc.spacy[token.i].sent
    root = token.doc[sentence.root.i]
    return any(mention.start <= t.idx < mention.end for c in root.children if c.dep_ in SUBJECTS for t in c.subtree)


def _described_name(token: "Token", mentions: list[Mention]) -> Mention | None:
    """The one name a description is set beside, after it: "Ada Blue, a professor at the
    city's university who helped trace the outbreak" (the professor is Ada Blue)."""
    if token.dep_ != "appos" or token.head.i > token.i or token.doc[token.i - 1].text == "(":
        return None
    named = {m.name: m for m in mentions if m.start <= token.head.idx < m.end and m.kind in NAMED}
    return next(iter(named.values())) if len(named) == 1 else None


def _phrase(token: "Token") -> str:
    """The words of a description set beside a name, up to a relative clause or a comma:
    "a professor at the University of Hong Kong"."""
    doc = token.doc
    end = min([c.left_edge.i for c in token.children if c.dep_ in ("relcl", "acl", "appos") and c.i > token.i]
              + [t.i for t in token.subtree if t.i > token.i and t.text in CLOSING] + [token.right_edge.i + 1])
    return doc[token.left_edge.i:end].text.strip(" ,")


def _beside(token: "Token", mentions: list[Mention]) -> Mention | None:
    """The name set beside a description: "his vice-premier, Wu Yi", "ANC chief whip Ann Dube",
    and, read by position where the parser hangs the name elsewhere, "the archbishop himself,
    Monsignor Ivo Marek." (a name that closes its clause, not the first of a list)."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or any(m.start <= token.idx < m.end for m in mentions):
        return None
    named = _described_name(token, mentions)
    if named is not None:
        return named
    beside = [m for c in token.children if c.dep_ == "appos" and c.i > token.i for m in mentions
              if m.start <= c.idx < m.end and m.kind in NAMED]
    doc = token.doc
    parsed = bool(beside)
    if not parsed:
        if not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in token.children):
            return None  # "the director for public health, Ann Dube": only a description of its own
        i = token.i + 1 + (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _reflexives())
        if i + 1 >= len(doc) or doc[i].text != ",":
            return None
        beside = [m for m in mentions if m.start == doc[i + 1].idx and m.kind in NAMED]
    if len({m.name for m in beside}) != 1:
        return None
    of = token.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if of is not None and of.head.lemma_.lower() in _words()[3]:
        return None  # "the head of the air force, Ann Dube": the name may be the head's, not the force's
    after = next((t for t in doc[token.i:] if t.idx >= beside[0].end), None)
    if after is not None and (after.lower_ in LISTING or not parsed and (after.text not in CLOSING or (
            after.text == "," and after.i + 1 < len(doc) and doc[after.i + 1].lower_ in LISTING))):
        return None  # "the archbishop, Ivo Marek and Anna Lind": a list, not the name beside it
    return beside[0]


def _read(token: "Token", mentions: list[Mention], headline: str) -> Mention | None:
    if token.pos_ == "PRON":
        return _pronoun(token, mentions) if token.lower_ in _words()[1] else None
    if age_of(token) is not None:
        return aged(token, mentions)  # "the 50-year-old"
    if token.pos_ != "NOUN" or token.tag_ != "NN" or any(m.start <= token.idx < m.end for m in mentions):
        return None
    before = [c for c in token.children if c.i < token.i]
    if any(c.dep_ not in DESCRIBING for c in before) or any(
            not leaves_described(c) for c in token.children if c.i > token.i):
        return None  # "the president of the council", "the doctor who…": another rule's ("and his children": its own)
    if any(c.dep_ == "amod" and c.lower_ in _words()[0] for c in before):
        return None  # "the next president" is not the one named
    lemma = token.lemma_.lower()
    owner = next((c for c in before if c.dep_ == "poss"), None)
    words = token.doc[min(t.i for c in before for t in c.subtree) if before else token.i:token.i + 1]
    inside = [m for m in mentions if m.start >= words.start_char and m.end <= words.end_char]
    ties = description_ties(token.doc, mentions)
    if owner is not None:
        owners = {m.kind for m in inside if m.start <= owner.idx < m.end}
        if owner.lower_ in ("his", "her") or owners == {"person"}:  # "his doctor", "Anna Lind's doctor"
            whose = referent(owner, mentions, headline) if owner.pos_ == "PRON" else next(
                m for m in inside if m.start <= owner.idx < m.end)
            return owned_person(token, whose, mentions)
        if owner.pos_ != "PROPN" or not owners & {"country", "organisation"}:
            return None  # "Michael Jackson's doctor" is whose, another rule's; "his aide" anyone's
        tied = ties.get(owned_key(owner.lower_, lemma), set())
        # "the ANC's treasurer", tied to one name in those words; a country's office, to its holder
        if tied:
            return _named(tied, mentions, lemma, token.idx)
        return office_holder(token, mentions) or named_next(token, mentions, True) if "country" in owners else None
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in before):
        return named_next(token, mentions)  # "a doctor" is anyone, but for the source the lede names next
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in before):
        return None
    if any(m.kind not in WHOSE for m in inside):
        return None  # "the NATO summit" names an actor in it
    tied = ties.get(lemma, set())
    if tied:
        named = _named(tied, mentions, lemma, token.idx)
        return named if named is not None and qualified_alike(token, named.name, mentions) else None
    holder = office_holder(token, mentions)
    if holder is not None:
        return holder
    name = headline_person(token, token.doc, mentions, headline) if lemma in _words()[2] else None
    return _named({name}, mentions) if name else named_next(token, mentions, True)


def _named(ties: set[str], mentions: list[Mention], lemma: str = "", before: int = sys.maxsize) -> Mention | None:
    """The one actor of ``ties`` (``sole_tie``, named before ``before``) that is a name of the
    article (not a phrase such as "the Bush administration"), else None."""
    name = sole_tie(lemma, ties, mentions, before)
    return next((m for m in mentions if m.name == name and m.kind != "place"), None)


def _described_before(pronoun: "Token", subjects: list["Token"], mentions: list[Mention]) -> bool:
    """Whether a person is described, not named, between the start of the sentence before
    and the pronoun ("the singer and the fact his family…"): that person may be the one meant
    ("a spokeswoman for him" is someone else, newly met); not the subject of its own clause,
    which an object never stands for, nor the speaker of what it is said in ("the leader
    told them that he would…": that is whom the names before are about), nor one named
    beside it ("its deputy leader, Jacob Zuma")."""
    doc = pronoun.doc
    speakers = set()
    head = pronoun
    while head.head.i != head.i:
        head = head.head
        speakers |= {t.i for c in head.children if c.dep_ in SUBJECTS and c.i < pronoun.i for t in c.subtree}
    here = doc.spacy[pronoun.i].sent
    start = doc.spacy[here.start - 1].sent.start if here.start > 0 else here.start
    people = load_title_words().person_nouns
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in people and any(
        c.dep_ == "poss" or c.lower_ == "the" for c in t.children) and t.i not in speakers
        and not any(t.i == s.i for s in subjects) and (_beside(t, mentions) is None or _described_name(
            t, mentions) is not None) for t in doc[start:pronoun.i])  # "Aristide, the former president,": still two


def _pronoun(pronoun: "Token", mentions: list[Mention]) -> Mention | None:
    """"President Carl Dahl tapped him", after a sentence naming Ed Brandt alone: an object
    is not the subject of its own clause, so the one other person named from the sentence
    before up to it is the one meant; other pronouns as ``antecedent`` reads them."""
    if pronoun.dep_ in SUBJECTS and pronoun.head.dep_ == "ccomp" and not _named_speaker(pronoun.head.head, mentions):
        return None  # "a spokesman for the army said he expected…": the speaker may be meant
    subjects = _governing_subject(pronoun) if pronoun.dep_ in OBJECT_DEPS and pronoun.tag_ == "PRP" else []
    if _described_before(pronoun, subjects, mentions):
        return None
    if not subjects:
        person = antecedent(pronoun, mentions)
        return None if person is None or _owner_rivalled(pronoun, person, mentions) else person
    doc = pronoun.doc
    here = doc.spacy[pronoun.i].sent
    if here.start == 0:
        return None
    previous = doc.spacy[here.start - 1].sent
    people = [m for m in mentions if m.kind == "person" and previous.start_char <= m.start and m.end <= pronoun.idx
              and not any(m.start <= t.idx < m.end for t in subjects) and not unquoted_for(pronoun, m)]
    if len({m.name for m in people}) == 1:
        return people[0]
    person = antecedent(pronoun, mentions)  # "the ruling has provided him…": as the text makes certain
    return None if person is None or any(person.start <= t.idx < person.end for t in subjects) else person


def _body_speaks(verb: "Token", mentions: list[Mention]) -> bool:
    """Whether the subject of ``verb`` is a body or a country, which no "he" or "she" stands for."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    people = {w for m in mentions if m.kind == "person" for w in m.name.split()}  # "Paulson": a person misread
    return subject is not None and subject.pos_ == "PROPN" and any(m.kind in ("organisation", "country") and not set(
        m.name.split()) & people and m.start <= subject.idx < m.end for m in mentions)


def _named_speaker(verb: "Token", mentions: list[Mention]) -> bool:
    """Whether the subject of ``verb`` is a name (or a pronoun), not a description ("a
    spokesman for the Pakistan army" names the army, not the speaker)."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return subject is None or subject.pos_ == "PRON" or any(
        m.kind in NAMED and m.start <= subject.idx < m.end for m in mentions)


def _owner_rivalled(pronoun: "Token", person: Mention, mentions: list[Mention]) -> bool:
    """Whether a possessive may as well be its clause's subject's, named otherwise than
    ``person`` ("Brine supported them by providing lifts on his motorbike", Brine read as
    an organisation): the subject of the clause it is told in, through the verbs told
    with it, names another person (not a body: "the ANC executive is to discuss his future")."""
    if pronoun.tag_ != "PRP$":
        return False
    verb = pronoun.head
    while verb.head.i != verb.i and not (verb.pos_ in ("VERB", "AUX") and any(
            c.dep_ in SUBJECTS for c in verb.children)):
        verb = verb.head
    subject = [t for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree]
    if any(t.i == pronoun.i for t in subject):
        return False  # "his lawyers appealed": the pronoun is in the subject itself
    # a person, or an organisation that is a person's name misread ("Brine", a person elsewhere)
    words = {w for m in mentions if m.kind == "person" for w in m.name.split()}
    return any(m.name != person.name and (m.kind == "person" or m.kind == "organisation" and bool(
        set(m.name.split()) & words)) and any(m.start <= t.idx < m.end for t in subject) for m in mentions)


def argument_referents(root: "Token") -> list["Token"]:
    """The subject and objects of ``root``'s clause, of the verbs told with it ("agreed
    to buy the bank") and of what it says was done ("said the doctor told him"), and the
    possessive pronouns inside them ("against his conviction")."""
    verbs = [root]
    todo = [root]
    while todo:
        verb = todo.pop()
        # "stopped short of sacking him": a verb told after a preposition, with no subject of its own
        told = [v for c in verb.children for p in ([c] if c.dep_ == "prep" else c.children if c.dep_ == "advmod"
                                                   else []) if p.dep_ == "prep" for v in p.children
                if v.dep_ == "pcomp"]
        for child in [*verb.children, *told]:
            if child.pos_ in ("VERB", "AUX") and child not in verbs and (child.dep_ == "ccomp" or (
                    child.dep_ in CHAINED | {"pcomp"} and not any(c.dep_ in SUBJECTS for c in child.children))):
                verbs.append(child)
                todo.append(child)
    out: list["Token"] = []
    for verb in verbs:
        for child in verb.children:
            heads = [child] if child.dep_ in ARGUMENT_DEPS else [
                p for p in child.children if p.dep_ == "pobj"] if child.dep_ in ("prep", "agent") else []
            # "recovered the body of the archbishop": whose the argument is, too
            for head in heads:
                out.append(head)
                out += [c for c in head.children if c.dep_ == "poss" and (c.tag_ == "PRP$" or c.pos_ == "NOUN")]
            # (a description only: "the members of his party" may be anyone's)
            out += [o for h in heads if h.pos_ == "NOUN" for p in h.children if p.dep_ == "prep"
                    and p.lower_ == "of" for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    if root.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.tag_ in ("WDT", "WP") for c in root.children):
        out.append(root.head)  # "a professor at X who helped": the title's subject is the noun told of
    return out


def name_referents(title: str, root: "Token", mentions: list[Mention], headline: str = "") -> str:
    """``title`` with each argument of its clause that is a description or a pronoun
    (``argument_referents``) written as the actor it stands for, when the article makes
    that certain: "Ed Brandt met the president" -> Ed Brandt met Carl Dahl, "Carl Dahl
    tapped him" -> Carl Dahl tapped Ed Brandt. Each is replaced only where the title
    writes it once, and never with a name the title already writes."""
    for token in argument_referents(root):
        person = referent(token, mentions, headline)
        owner = possessor_name(token, mentions) if person is None and token.pos_ == "NOUN" else None
        if token.dep_ == "poss" and token.pos_ == "NOUN" and not named_before(person.name if person else owner,
                                                                              token, mentions):
            person = owner = None  # "the judge's orders", the judge named later: perhaps another judge
        if owner is not None:  # "the bank's offices" -> Lowther Bank's offices
            title = written_as(title, token, owner)
        if person is None or any(m.text in title for m in mentions if m.name == person.name) or person.name in title \
                or person.name.split()[-1] in title.split() or "(" in person.name:
            continue  # never a name the title already writes ("Bernanke says Franklin told him"), nor a
            # registry's name told apart in brackets ("Ministry of Health (Turkey)")
        if token.pos_ == "PRON" and token.dep_ in SUBJECTS and token.head.dep_ == "ccomp" and \
                not _body_speaks(token.head.head, mentions):
            continue  # "Paulson said he will…": the speaker as a rule, but not surely ("SABC said he": never)
        if token.pos_ == "PRON":
            if token.tag_ == "PRP$" and person.name in description_ties(token.doc, mentions).get(token.head.lemma_, ()):
                continue  # "his doctor" read as the doctor's own: the article calls him the doctor
            written = token.text
            found = list(re.finditer(rf"(?<![\w'’-]){re.escape(written)}(?![\w'’-])", title, flags=re.IGNORECASE))
            name = person.name + ("'s" if token.tag_ == "PRP$" else "")
            title = title[:found[0].start()] + name + title[found[0].end():] if len(found) == 1 else title
        elif _described_name(token, mentions) is not None and title.lower().count(_phrase(token).lower()) == 1:
            at = title.lower().index(_phrase(token).lower())  # "a professor at X who helped" -> Ada Blue helped
            title = title[:at] + person.name + title[at + len(_phrase(token)):]
        else:
            title = written_as(title, token, person.name)
    return title
