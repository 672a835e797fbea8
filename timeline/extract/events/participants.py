"""Participants: the actors that take part in a happening.

A sentence names more actors than take part in what it reports ("Biden and
Putin held a call as Europe scrambled to keep talking to Moscow"). An event's
actors are read off the parse of its predicate instead:

- its arguments: subject (or the agent of a passive), objects, and the objects
  of prepositions of participation ("met with", "spoke to", "sanctions against"),
  each with the names coordinated with it ("Biden and Putin");
- who made what a noun argument names ("a report by the inspector general");
- the speaker of a statement, and the subject of the clause a relative clause
  hangs on ("the ministers, who met on Monday");
- inside an argument: its possessor ("Moscow's demands" -> Russia; a country
  owning a listed body is dropped later, ``parties.py``), the name an apposition gives it ("his French counterpart
  Emmanuel Macron"), an actor that qualifies a plain noun ("a US submarine",
  "NATO expansion") and whom a plain noun stands for ("delegations from Ukraine
  and Russia", "the passing of Nelson Mandela"), but not the owner of a thing
  or a place ("the ruins of the UN mission": ``participation.yaml``);
- for a statement, the core of what was said: whom and what it is about.

A nationality that only describes a named person or organisation ("Dutch
airline KLM", "his French counterpart") is not a participant; whether a
person's own country is added is a switch in ``event_vocabulary.yaml``.
Places go to the event's ``place``; a capital counts only when the actor
reading made it a government ("Washington rejected"). A "place" of capitalised
words no gazetteer knows ("Thabo Mbeki", "Mbeki", a tagger's slip) stays a
candidate, which the registry confirms as a person or drops (``timeline/resolve``).

Quotations, side clauses ("as", "amid", "while") and attributions ("according
to") are never read, since they hang on the predicate by other dependencies.
The parties the title names besides (a clause's names, what its pronouns stand for) are
``title_parties.py``'s.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Iterable

from timeline.extract.actors.gazetteer import load_gazetteer
from timeline.extract.events.group_members import group_members
from timeline.extract.events.participation import in_venue, load_participation
from timeline.extract.events.referents import referent
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.vocabulary import Vocabulary
from timeline.records import ActorRef, Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "oprd"})
# Modifiers inside a noun phrase that may name an actor taking part through it.
QUALIFIERS = frozenset({"poss", "compound", "amod", "nmod"})
# A nationality in these positions describes a named actor rather than adding one.
DESCRIPTIVE = frozenset({"amod", "compound", "nmod"})
# What a preposition of place may name as a target ("at Israel"), unlike a building ("at the Kremlin").
TARGET_KINDS = frozenset({"country", "group"})
PRONOUN_PERSONS = frozenset({"he", "she", "him", "her"})
# Prepositions that say where something happened: their object is a venue, not a party.
VENUE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "across", "throughout", "inside"})
# Subjects that stand for the names before them ("…, who said", "…, both of whom rejected").
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which"})
# Prepositions that name a source, not a party ("according to the White House").
ATTRIBUTIONS = frozenset({"according"})
# Predicates read together with the happening's own: what it plans or goes on to do.
CHAINED = frozenset({"xcomp", "conj"})


def participants(verb: "Token", segment: "Span", mentions: list[Mention], vocab: Vocabulary, *,
                 speaker: "Token | None" = None, title_root: "Token | None" = None,
                 extra_subject: "Token | None" = None, headline: str = "") -> tuple[ActorRef, ...]:
    """The actors taking part in the happening ``verb`` reports, in order of mention; a
    description or a pronoun as the actor it stands for (``referents.py``: the article's
    ``headline`` names the one person of some)."""
    reader = _Reader(segment, mentions, vocab, headline)
    for predicate in _predicates(verb, title_root):
        reader.arguments(predicate)
    if speaker is None:
        speaker = _told_after(verb, vocab)
    if speaker is not None:
        reader.arguments(speaker, statement=False)
    if extra_subject is not None:
        reader.noun(extra_subject)
    # what was said, testified, ruled or heard: the core of the clause it reports
    reader.said(verb)
    return reader.actors()


def _predicates(verb: "Token", title_root: "Token | None") -> list["Token"]:
    """The predicate, the clause it is told with ("is due to meet": the copula
    holds the subject), and what it plans or goes on to do ("will travel to
    Kyiv and then visit Putin")."""
    out = [verb]
    climb = verb
    while title_root is not None and climb.i != title_root.i and climb.head.i != climb.i and \
            climb.dep_ in ("xcomp", "pcomp", "acomp", "ccomp"):
        climb = climb.head
        out.append(climb)
    todo = [verb]
    while todo:
        current = todo.pop()
        for child in current.children:
            # a conjunct with a subject of its own has its own participants ("and neither side reported")
            if child.dep_ in CHAINED and child.pos_ in ("VERB", "AUX") and child not in out and not (
                    child.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in child.children)):
                out.append(child)
                todo.append(child)
    return out


class _Reader:
    """Collects the mentions reached from a predicate, once each."""

    def __init__(self, segment: "Span", mentions: list[Mention], vocab: Vocabulary, headline: str = "") -> None:
        self.segment = segment
        self.headline = headline
        self.vocab = vocab
        self.found: dict[tuple[int, int, str], Mention] = {}  # by place in the text, so order of mention is kept
        self.by_token: dict[int, list[Mention]] = {}
        start_char, end_char = segment.start_char, segment.end_char
        inside = [m for m in mentions if m.start >= start_char and m.end <= end_char]
        self.mentions = mentions
        if inside:
            starts = [t.idx for t in segment]
            for mention in inside:  # each token gets the mentions over it, in the order of ``mentions``
                if any(o.start < mention.start and mention.end <= o.end for o in inside):
                    continue  # "Borders" of "Reporters Without Borders": a word of a longer name
                for at in range(bisect_left(starts, mention.start), bisect_left(starts, mention.end)):
                    self.by_token.setdefault(segment.start + at, []).append(mention)
        self.seen: set[int] = set()

    def arguments(self, predicate: "Token", statement: bool = False) -> None:
        for child in predicate.children:
            if child.dep_ in SUBJECTS:
                self.noun(child)
            elif child.dep_ in OBJECTS:
                self.noun(child)
                self._targets(child)
            elif child.dep_ == "agent" or (child.dep_ == "prep"
                                           and child.lower_ in self.vocab.participant_prepositions):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        self.noun(pobj)
            elif child.dep_ in ("attr", "oprd"):
                # "became the first president to invite the Dalai Lama": what the role is for
                for clause in child.children:
                    if clause.dep_ in ("acl", "relcl") and clause.pos_ == "VERB" and clause.tag_ == "VB":
                        self.arguments(clause)
            elif child.dep_ == "prep" and child.lower_ in self.vocab.target_prepositions:
                for pobj in child.children:
                    for mention in self.by_token.get(pobj.i, []) if pobj.dep_ == "pobj" else []:
                        if mention.kind in TARGET_KINDS:
                            self.found.setdefault(_key(mention), mention)

    def _targets(self, obj: "Token", depth: int = 0) -> None:
        """"imposed sanctions on Moscow": the object's own participation preposition,
        also through a plain noun of it ("held out the prospect of a clash with Obama")."""
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ in self.vocab.participant_prepositions:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        self.noun(pobj)
            elif child.dep_ == "prep" and child.lower_ == "of" and depth < 2:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i not in self.by_token:
                        self._targets(pobj, depth + 1)

    def said(self, verb: "Token") -> None:
        """What a statement is about ("complained that Washington had not addressed
        Moscow's demands"): the core of the clause it reports."""
        content = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if content is None or _quoted(content):
            return
        for predicate in _predicates(content, None):
            for child in predicate.children:
                if child.dep_ in SUBJECTS or child.dep_ in OBJECTS:
                    self.noun(child, topics=True)

    def noun(self, head: "Token", topics: bool = False) -> None:
        """The actors an argument names: itself, its conjuncts, and what qualifies it."""
        if head.i in self.seen or not (self.segment.start <= head.i < self.segment.end):
            return
        self.seen.add(head.i)
        if head.lower_ in PRONOUN_PERSONS and head.pos_ == "PRON":
            # "He later ordered…": the person it stands for, when the text makes that certain
            self._referent(head)
            return
        own = self.by_token.get(head.i, [])
        if not own and (head.pos_ == "NOUN" or head.lower_ == "both" or head.pos_ == "NUM"):
            self._referent(head)  # "the doctor", "Pakistan's prime minister": the one the article names so
        if not own and _relative(head) and head.head.dep_ == "relcl" and head.head.head.pos_ == "NOUN":
            self._referent(head.head.head)  # "Ada Blue, a professor … who helped": the one it is set beside
        if not own and _relative(head):
            # "…met John Boehner and Harry Reid, both of whom rejected invitations": those named before it
            before = _named_before(head)
            if before is not None:
                self.noun(before, topics)
            return
        kinds = {m.kind for m in own}
        for mention in own:
            self.found.setdefault(_key(mention), mention)
        whose = not own and head.dep_ in ("nsubj", "nsubjpass") and \
            head.lemma_.lower() in load_title_words().agent_nouns
        for child in head.children:
            if child.dep_ in QUALIFIERS:
                skipped = _described(kinds) if child.dep_ in DESCRIPTIVE else frozenset()
                if whose and child.dep_ in DESCRIPTIVE:
                    skipped |= {"country"}  # "South African officials", "the UK firm": whose they are, no party
                self._qualifier(child, skipped)
            elif child.dep_ == "appos":
                # a name beside a name ("The United States, the European Commission, Britain…") or
                # beside a description ("his French counterpart Emmanuel Macron"); a description
                # beside a name ("Shahbaz Sharif, a former chief minister of Punjab") adds no party
                if not own or child.i in self.by_token:
                    self.noun(child, topics)
            elif child.dep_ == "conj":
                self.noun(child, topics)
            elif child.dep_ == "acl" and child.lemma_.lower() in self.vocab.company_verbs:
                # "Mr Blair, backed by Australia and Canada, pushed for": those who side with it
                for agent in child.children:
                    for pobj in agent.children if agent.dep_ == "agent" else ():
                        if pobj.dep_ == "pobj":
                            self.noun(pobj, topics)
            elif child.dep_ == "prep" and child.lower_ == "as" and not own:
                # "with his successor as president, Thabo Mbeki": the name the role is given
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and any(c.dep_ == "appos" and c.i in self.by_token for c in pobj.children):
                        self.noun(pobj, topics)
            elif child.dep_ == "prep" and not own and not topics and child.lower_ == "by" and head.pos_ == "NOUN":
                # "a report by the Treasury Department's inspector general accused": who made it
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        self.noun(pobj, topics)
            elif child.dep_ == "prep" and not own and ((child.lower_ in self.vocab.member_prepositions and _stands_for(
                    head, child)) or (topics and child.lower_ in self.vocab.topic_prepositions)):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        self.noun(pobj, topics)
        if not own and any(c.dep_ == "appos" for c in head.children):
            # "his French counterpart Emmanuel Macron": the nationality describes the person named
            self._drop_descriptive(head)

    def _referent(self, token: "Token") -> None:
        actor = referent(token, self.mentions, self.headline)
        # "All three were released": the people the sentence before names, when it names that many
        for found in [actor] if actor is not None else group_members(token, self.mentions):
            self.found.setdefault(_key(found), found)

    def _qualifier(self, token: "Token", skipped: frozenset[str]) -> None:
        for t in token.subtree:
            for mention in self.by_token.get(t.i, []):
                if mention.kind in skipped:
                    continue
                self.found.setdefault(_key(mention), mention)

    def _drop_descriptive(self, head: "Token") -> None:
        kinds = {m.kind for c in head.children if c.dep_ == "appos" for t in c.subtree
                 for m in self.by_token.get(t.i, [])}
        skipped = _described(kinds)
        # "Pakistan's prime minister, Nawaz Sharif": whose office it is describes the person too;
        # a person's possessive stays ("Michael Jackson's doctor, Conrad Murray": whose doctor is news)
        describing = DESCRIPTIVE | ({"poss"} if "person" in kinds else set())
        for child in head.children:
            if child.dep_ in describing:
                for t in child.subtree:
                    for mention in self.by_token.get(t.i, []):
                        if mention.kind in skipped and not (child.dep_ == "poss" and mention.kind == "person"):
                            self.found.pop(_key(mention), None)

    def actors(self) -> tuple[ActorRef, ...]:
        out: dict[str, ActorRef] = {}
        found = list(self.found.values())
        for mention in sorted(found, key=lambda m: m.start):
            if mention.kind == "place" and not _maybe_person(mention):
                continue  # where it happened is the event's place, not a party to it
            if mention.kind == "country" and _names_part_of(mention, found, self.segment):
                continue  # "the Pakistan Army": the country is part of the army's name
            out.setdefault(mention.name, ActorRef(name=mention.name, kind=mention.kind))
            if self.vocab.person_country and mention.kind == "person" and mention.country:
                out.setdefault(mention.country, ActorRef(name=mention.country, kind="country"))
        return tuple(out.values())


def _told_after(verb: "Token", vocab: Vocabulary) -> "Token | None":
    """"Cases rose to 240 and the toll reached 30, the ministry said": a verb of saying
    set after the clauses it reports, whose subject is their speaker, whether the parser
    makes them its content or joins it to them after a comma as one more conjunct (then
    with no content of its own)."""
    credits = load_participation().credit_verbs
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "ccomp" and verb.i < first.head.i and first.head.lemma_.lower() in vocab.reporting and \
            first.head.lemma_.lower() not in credits:
        return first.head  # "Admissions rose and deaths reached 41, the ministry said": its content
    for saying in first.children:
        if saying.dep_ not in ("conj", "parataxis") or saying.i <= verb.i or \
                saying.lemma_.lower() not in vocab.reporting or saying.lemma_.lower() in credits:
            continue
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in saying.children) or \
                not any(c.dep_ in SUBJECTS for c in saying.children):
            continue  # "and the ministry said it would…": a statement of its own
        start = min(t.i for t in saying.subtree)
        if start > 0 and saying.doc[start - 1].text == ",":
            return saying
    return None


def _stands_for(head: "Token", preposition: "Token") -> bool:
    """Whether the object of ``preposition`` on the common noun ``head`` takes
    part through it: whom the noun stands for ("the leaders of France"), whom it
    happened to ("the passing of Nelson Mandela") or who does it ("with the help of
    the US military"), not the owner of a thing or a place ("the ruins of the UN mission")."""
    return preposition.lower_ != "of" or head.lemma_.lower() not in load_participation().owned_nouns


def _maybe_person(place: Mention) -> bool:
    """A "place" no gazetteer knows, of words each a capitalised name ("Thabo Mbeki",
    "Mbeki"): a tagger's slip as often as a place. It stays a candidate under the kind
    "place", which the collection's registry confirms as a person or drops (``resolve``)."""
    return all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in place.name.split()) and \
        load_gazetteer().place(place.name) is None


def _relative(head: "Token") -> bool:
    """"who", "which", "both of whom", "all of which": a subject that stands for what precedes it."""
    if head.lower_ in RELATIVE_PRONOUNS:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in RELATIVE_PRONOUNS for g in c.children)
               for c in head.children)


def _named_before(head: "Token") -> "Token | None":
    """The first of the names just before a relative subject and its comma."""
    i = min(t.i for t in head.subtree) - 1
    doc = head.doc
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN"):
        return None
    token = doc[i]
    while token.dep_ in ("conj", "appos", "compound") and token.head.i < token.i or token.dep_ == "compound":
        if token.head.i == token.i:
            break
        token = token.head
    return token


def _names_part_of(country: Mention, found: list[Mention], segment: "Span") -> bool:
    """A country whose words open an organisation's name ("Pakistan Army", "South
    African Police Service"), not as its possessor ("Russia's Defense Ministry")."""
    text = segment.doc.spacy.text
    after = text[country.end:country.end + 2]
    return not after.startswith(("'", "’")) and any(
        o.kind == "organisation" and o.start <= country.start and country.end <= o.end and (o.start, o.end) != (
            country.start, country.end) for o in found)


def _described(kinds: set[str]) -> frozenset[str]:
    """Actors that only describe a named one: a nationality before a person's
    name ("French President") or an organisation's ("Dutch airline KLM"). A
    possessor is not a description."""
    if "person" in kinds:
        # the organisation whose office a person holds ("NATO Secretary General Jens
        # Stoltenberg", "ANC leader Jacob Zuma") is not listed beside its own head: the
        # person acts; the nationality and the like describe them
        return frozenset({"person", "country", "group", "place", "organisation"})
    if "organisation" in kinds:
        return frozenset({"country"})
    return frozenset()


def _quoted(content: "Token") -> bool:
    """What was said in the speaker's own words is the quotation, not a report of who did what."""
    tokens = list(content.subtree)
    before = content.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    marks = set("\"“”‘’«»„")
    return tokens[0].text in marks or (before is not None and before.text in marks)


def mentioned(mentions: Iterable[Mention], segment: "Span | None" = None) -> tuple[ActorRef, ...]:
    """Every non-place actor of ``mentions`` in order: the fallback when the parse gives no
    argument. A country named where it happened ("killed in western Tanzania", "landed in
    Haiti") is the venue, not a party, and is left out when ``segment`` gives the parse."""
    out: dict[str, ActorRef] = {}
    mentions = list(mentions)
    for mention in sorted(mentions, key=lambda m: m.start):
        if any(o.start < mention.start and mention.end <= o.end for o in mentions):
            continue  # "Meraj" of "Malik Meraj Khalid": a word of a longer name
        if mention.kind != "place" and not (segment is not None and (
                _venue(mention, segment) or _whose(mention, segment))):
            out.setdefault(mention.name, ActorRef(name=mention.name, kind=mention.kind))
    return tuple(out.values())


def _whose(mention: Mention, segment: "Span") -> bool:
    """"South African officials": a country that says whose people or body they are."""
    span = segment.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return mention.kind == "country" and span is not None and span.root.dep_ in DESCRIPTIVE and \
        span.root.head.dep_ in ("nsubj", "nsubjpass") and \
        span.root.head.lemma_.lower() in load_title_words().agent_nouns


def _venue(mention: Mention, segment: "Span") -> bool:
    span = segment.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and (span.root.dep_ == "pobj" and span.root.head.lower_ in VENUE_PREPOSITIONS
                                 or in_venue(span.root))


def _key(mention: Mention) -> tuple[int, int, str]:
    # "Russia's Defense Ministry" and "Russia" start at the same character
    return (mention.start, mention.end, mention.name)
