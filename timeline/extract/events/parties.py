"""Parties: the one place that decides an event's final actor list.

An event's actors come from two readings of its sentence: the participants of
its predicate (``participants.py``) and the names its title puts before the
verb. Either reading may name a country that takes no part of its own:

- a country that only says whose body acts, when that body is listed itself
  ("Zimbabwe's police", "Zimbabwean police", "the Pakistan army": the police or
  the army is the party, not the country);
- a country that only qualifies a noun ("China's military districts") beside
  a listed body of its own ("the Chinese People's Liberation Army");
- a country that is where it happened: the object of a preposition of place
  ("landed in Haiti") or the destination of a verb of going ("visited the
  United Kingdom": the host; "is travelling to Haiti"; ``venue_verbs`` in
  ``event_vocabulary.yaml``), or the place an earthquake or a virus struck
  ("an earthquake hit Haiti", "the Haitian earthquake", ``hazard_nouns``);
- the country of a listed person's office ("US Secretary of State Hillary
  Clinton", "Pakistan's prime minister, Nawaz Sharif");
- a nationality or a possessive that says whose people or figures a common
  noun names ("five Chinese campaigners", "an Israeli search team",
  "Pakistan's judges", "US factory orders"), or describes a community, a body
  that is not the state or a state of affairs ("the Haitian community",
  "Dutch adoption agencies", "the Zimbabwean crisis": ``described_nouns`` in
  ``participation.yaml``).

Names that stand beside the happening without taking part (a people named
bare, a dateline, an office given, where a thing was made, a landmark) are
``bystanders.py``'s.

Any actor that only qualifies a place or a building named after a preposition
of place ("marched in a Johannesburg suburb", "a conference at the UN
headquarters", ``venue_nouns``) is where it happened, not a party.

A person named only as whose organisation or relative acts ("Morgan
Tsvangirai's Movement for Democratic Change said", "Jackson's mother
attended") is not a party either: the organisation or the relative is.

A country that also stands on its own somewhere in the sentence as an argument
("Britain and the Pakistan army agreed") stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from timeline.extract.actors.filters import load_filters
from timeline.extract.actors.gazetteer import load_gazetteer
from timeline.extract.actors.institutions import load_institutions
from timeline.extract.actors.names import fold
from timeline.extract.events.bystanders import bystander
from timeline.extract.events.participation import in_venue, load_participation
from timeline.extract.events.vocabulary import Vocabulary
from timeline.records import ActorRef, Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Actors that can be the body a country owns.
BODIES = frozenset({"organisation", "group"})
# Actors that can hold an office (the tagger may call a person's name an organisation).
HOLDERS = frozenset({"person", "organisation"})
# Dependencies by which a word qualifies the noun it hangs on.
QUALIFYING = frozenset({"poss", "amod", "compound", "nmod"})
# Prepositions that say where something happened: their object is a venue, not a party.
# Those that name a target ("fired missiles at Israel", ``target_prepositions``) are not among them.
VENUE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "across", "throughout", "inside"})


def parties(readings: Iterable[ActorRef], segment: "Span", mentions: list[Mention],
            vocab: Vocabulary) -> tuple[ActorRef, ...]:
    """The actors of ``readings`` (in order, once each) that take part in the
    happening told in ``segment``."""
    # once each by name: the tagger may call one name a person here and an organisation there
    first: dict[str, ActorRef] = {}
    for reading in readings:
        first.setdefault(reading.name, reading)
    listed = tuple(first.values())
    names = {a.name for a in listed}
    inside = [m for m in mentions if segment.start_char <= m.start and m.end <= segment.end_char]
    bodies = [m for m in inside if m.kind in BODIES and m.name in names]
    people = [m for m in inside if m.kind == "person" and m.name in names]
    out = []
    for actor in listed:
        own = [m for m in inside if m.name == actor.name and m.kind == actor.kind]
        if actor.kind == "country" and own and all(
                _qualifies(m, bodies, segment) or _venue(m, segment, vocab) or _nationality(m, segment, vocab)
                or _office_of(m, people, segment) or _beside_own_body(m, bodies, segment) for m in own):
            continue
        speakers = [m for m in inside if m.kind in HOLDERS and m.name in names]
        if actor.kind == "country" and own and all(_said_of(m, speakers, segment, vocab) for m in own):
            continue  # "Mr Mishra said India would not attack": what a named speaker said is about it
        others = [b for b in bodies if b.name != actor.name]
        if actor.kind == "organisation" and own and all(_qualifies(m, others, segment) for m in own):
            continue  # "UN police fired", "the UN's World Health Organization said": the body acts
        holders = [m for m in inside if m.kind in HOLDERS and m.name in names and m.name != actor.name]
        if actor.kind in HOLDERS and own and all(_office_of(m, holders, segment, office=True) or
                                                 _office_named(m, holders, segment) for m in own):
            continue  # "the chairman of the Joint Chiefs of Staff, Adm Mike Mullen, said", "Zhang's deputy, Ragdi"
        if actor.kind == "organisation" and own and all(_destination_of(m, segment, vocab, visit=True) for m in own):
            continue  # "Hu Jintao is making a visit to the White House": the building visited, no party
        if actor.kind != "country" and own and all(_thing(m, segment) for m in own):
            continue  # "donated the antiviral drug Tamiflu", "doses of H1N1 vaccine"
        if actor.kind == "person" and " " not in actor.name and own and all(_people_word(m, segment, vocab)
                                                                            for m in own):
            continue  # "an attack on a Uighur man": which people he is of, read by the tagger as a name
        written = own or _written(actor, segment)  # a name the title took from elsewhere, as the sentence has it
        if _people(actor) and written and all(_counted(m, segment) for m in written):
            continue  # "police arrested two Americans": some people, not a people
        if written and all(bystander(m, segment, inside) for m in written):
            continue  # "Pakistanis living near Wagah", "BERLIN, March 25 --", "to be Treasury secretary"
        roots = [r for r in (_root(m, segment) for m in written) if r is not None]
        if roots and all(in_venue(r) for r in roots):
            continue  # "held a conference at the UN headquarters", "a merchant at the Menton Market": where
        if actor.kind == "person" and own and all(_owns(m, bodies, segment) or _kin_of(m, segment, vocab)
                                                  for m in own):
            continue  # "Morgan Tsvangirai's Movement for Democratic Change said", "Jackson's mother attended"
        out.append(actor)
    return tuple(out)


def joining_voices(listed: tuple[ActorRef, ...], told: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """The parties of a quotation folded into the happening whose actors are ``listed``:
    those that join it. Another voice ('"…", said Joe LaRocca' after what David Hill said;
    '"…," its director John Leahy told Reuters' after what Airbus said) takes no part; only
    the voice of a state that acted ("Washington issued its warning" then "warned Jake
    Sullivan") or the other party of what one told the other joins."""
    people = {a.name for a in listed if a.kind == "person"}
    if people:
        return told if people & {a.name for a in told} else ()
    return told if listed and all(a.kind == "country" or _government(a) for a in listed) else ()


def _government(actor: ActorRef) -> bool:
    """A state's government as a body of its own ("the UK government" → Government of the
    United Kingdom, ``institutions.yaml``): it acts as the state does."""
    found = load_institutions().phrases.get(("government",))
    return found is not None and actor.kind == "organisation" and \
        actor.name.startswith(found.template.split("{", 1)[0])


def _qualifies(country: Mention, bodies: list[Mention], segment: "Span") -> bool:
    """The country is part of a listed body's name, qualifies the noun that names it or
    says whose it is after "of"."""
    for body in bodies:
        if body.start <= country.start and country.end <= body.end:
            return True  # "the Pakistan army", "Zimbabwe's police"
    root = _root(country, segment)
    if root is not None and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i != root.head.i:
        root = root.head  # "the government of Haiti": whose the listed body is
    if root is None or root.dep_ not in QUALIFYING and root.lower_ != "of":
        return False
    head = root.head
    return any(body.start <= head.idx < body.end for body in bodies)


def _said_of(country: Mention, speakers: list[Mention], segment: "Span", vocab: Vocabulary) -> bool:
    """A country named only in the subject of what a listed person or body said
    ("Mishra said India would not attack the forces", "Bush said the United States
    would act"): the topic of the statement, not a party to it; the speaker is.
    What the said clause acts on stays a party ("said it had expelled a US
    submarine"), and so does a country warned, threatened or accused
    (``addressed_verbs``)."""
    token = _root(country, segment)
    subject = False  # on the side of what was said that acts ("India would not attack"), not what it acts on
    while token is not None and token.head.i != token.i:
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in vocab.reporting:
            verb = token.head
            if not subject or verb.lemma_.lower() in load_participation().addressed_verbs:
                return False  # "said it had expelled a US submarine", "warned that Russia would pay": a party
            return any(speaker.start <= c.idx < speaker.end for c in verb.children if c.dep_ == "nsubj"
                       for speaker in speakers)
        subject = subject or token.dep_ in ("nsubj", "nsubjpass")
        token = token.head
    return False


def _nationality(country: Mention, segment: "Span", vocab: Vocabulary) -> bool:
    """"five Chinese campaigners", "Pakistan's judges", "US factory orders": a
    nationality or a possessive that says whose people (``people_nouns``) or
    whose figures (``figure_nouns``) they are, not the country acting ("a
    Russian attack", "his Russian counterpart", "a US submarine" stay)."""
    root = _root(country, segment)
    while root is not None and root.dep_ == "conj" and root.head.i != root.i and root.head.pos_ == "PROPN":
        root = root.head  # "US and UK charities": the second country qualifies the noun as the first does
    if root is not None and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.tag_ == "NN" \
            and root.head.head.lemma_.lower() in load_participation().office_nouns:
        return True  # "the former prime minister of Pakistan has claimed victory"; not "the leaders of France"
    if root is None or root.dep_ not in QUALIFYING:
        return False
    head = root.head
    while head.dep_ in ("compound", "amod") and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "US factory orders", "Pakistan's military rulers"
    lemma = head.lemma_.lower()
    words = load_participation()
    if lemma in words.described_nouns:
        return True  # "the main Haitian community", "Dutch adoption agencies", "South Africa's public protector"
    if lemma in words.office_nouns:
        return True  # "Zimbabwe's prime minister visited", "the US ambassador": the holder, named or not
    # figures as the subject that moved ("US factory orders sank"), not as a target ("curbs on Chinese imports")
    return lemma in vocab.people_nouns or lemma in vocab.figure_nouns and head.dep_ in ("nsubj", "nsubjpass")


def _beside_own_body(country: Mention, bodies: list[Mention], segment: "Span") -> bool:
    """"the Chinese People's Liberation Army … the two most powerful of China's
    seven military districts": a country that only qualifies a noun, beside a
    listed body of its own, says no more than the body does."""
    root = _root(country, segment)
    return root is not None and root.dep_ in QUALIFYING and any(
        body.country == country.name and body.name != country.name for body in bodies)


def _office_of(name: Mention, people: list[Mention], segment: "Span", office: bool = False) -> bool:
    """"US Secretary of State Hillary Clinton", "Pakistan's prime minister,
    Nawaz Sharif": the country of a listed person's office describes the person.
    With ``office``, the words between the name and the person must hold an office
    noun ("ANC chief whip Nyamezeli Booi", "the chairman of the Joint Chiefs of
    Staff, Adm Mike Mullen"): the body only says where the person holds it."""
    token = _root(name, segment)
    offices = load_participation().office_nouns
    held = not office
    for _ in range(4):
        if token is None or token.dep_ not in ("compound", "amod", "nmod", "poss", "pobj", "prep") or \
                token.head.i == token.i:
            return False
        token = token.head
        if token.lower_ == "as":
            return False  # "Tsvangirai, as the leader of the ZCTU, called strikes": the body acted
        held = held or token.lemma_.lower() in offices
        named = [token] + _beside(token)
        if token.dep_ == "appos":  # "his brother Shahbaz, a former chief minister of Punjab"
            named += [token.head] + [c for c in token.head.children if c.dep_ == "appos"]
        if held and any(p.start <= t.idx < p.end for t in named for p in people):
            return True
    return False


def _beside(office: "Token") -> list["Token"]:
    """The names set beside an office as its apposition ("the Senate majority leader, Harry
    Reid"), which the parser may take for a conjunct: a comma and no "and" between them."""
    out = []
    for child in office.children:
        if child.dep_ == "appos":
            out.append(child)
        elif child.dep_ == "conj" and child.pos_ == "PROPN" and child.i > office.i:
            start = min(t.i for t in child.subtree)
            between = [office.doc[i] for i in range(office.i + 1, start)]
            if start > 0 and office.doc[start - 1].text == "," and not any(
                    t.dep_ == "cc" or t.pos_ in ("VERB", "AUX") for t in between):
                out.append(child)
    return out


def _office_named(name: Mention, holders: list[Mention], segment: "Span") -> bool:
    """"Desmond Tutu, the former Archbishop of Cape Town": a name that is itself an office
    ("Archbishop of …", ``office_nouns``) set beside a listed holder is the holder's title."""
    root = _root(name, segment)
    if root is None or root.lemma_.lower() not in load_participation().office_nouns:
        return False
    beside = [root.head] if root.dep_ == "appos" else []
    beside += [c for c in root.children if c.dep_ == "appos"]
    return any(h.start <= t.idx < h.end for t in beside for h in holders)


def _kin_of(person: Mention, segment: "Span", vocab: Vocabulary) -> bool:
    """A person named only as whose relative or followers act ("Jackson's mother
    attended a memorial", "jubilant Sharif supporters spilled out of the court")."""
    root = _root(person, segment)
    if root is None or root.dep_ not in ("poss", "compound"):
        return False
    lemma = root.head.lemma_.lower()
    return lemma in load_participation().follower_nouns or root.dep_ == "poss" and lemma in vocab.kin_nouns


def _owns(person: Mention, bodies: list[Mention], segment: "Span") -> bool:
    """A person named only as the possessor of a listed organisation or group."""
    root = _root(person, segment)
    return root is not None and root.dep_ == "poss" and any(
        body.start <= root.head.idx < body.end for body in bodies)


def _venue(place: Mention, segment: "Span", vocab: Vocabulary) -> bool:
    root = _root(place, segment)
    if root is None:
        return False
    while root.dep_ == "conj" and root.head.i != root.i and root.head.pos_ == "PROPN":
        root = root.head  # "travels to Germany and Spain": Spain is where Germany is
    if in_venue(root):
        return True  # "marched in a Johannesburg suburb"
    if root.dep_ in QUALIFYING and _noun_head(root).lemma_.lower() in load_participation().premises_nouns:
        return True  # "allowed to leave Hong Kong's Metropark hotel", "many of Haiti's streets"
    if root.dep_ in QUALIFYING and _struck(root.head, vocab):
        return True  # "the Haitian earthquake", "the quake, Haiti's worst in two centuries"
    if _stricken(root, vocab):
        return True  # "earthquake-stricken Haiti", "Lima was badly hit by the cholera outbreak"
    if root.dep_ in QUALIFYING and _noun_head(root).lemma_.lower() in load_participation().travel_nouns:
        return True  # "no link with the Shanghai-Hong Kong flight": which flight, no party
    preposition = root.head.lower_
    if root.dep_ == "pobj" and preposition in VENUE_PREPOSITIONS and preposition not in vocab.target_prepositions:
        return True  # "landed in Haiti"
    verb = _verb_of(root)
    if root.dep_ in ("dobj", "pobj") and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in vocab.hazard_nouns
                                              for c in verb.children):
        return True  # "a magnitude 7 earthquake hit Haiti", "the virus spread to Canada"
    if root.dep_ == "pobj" and preposition == "from" and (
            verb.lemma_.lower() in vocab.venue_verbs or verb.lemma_.lower() in load_participation().sending_verbs
            or root.head.head.lemma_.lower() in load_participation().travel_nouns or _of_people(root.head.head, vocab)):
        return True  # "bring their customers home from Mexico", "flights from Mexico": where they leave
    if root.dep_ == "pobj" and preposition == "of" and \
            root.head.head.lemma_.lower() in load_participation().travel_nouns:
        return True  # "the England cricket tour of Zimbabwe": where the tour goes
    return _destination(root, vocab)


def _verb_of(root: "Token") -> "Token":
    """The verb an object or a preposition's object hangs on."""
    verb = root.head.head if root.dep_ == "pobj" else root.head
    if verb.dep_ == "advmod" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "went back to Saudi Arabia", "flew home to Lahore"
    return verb


def _destination(root: "Token", vocab: Vocabulary) -> bool:
    """Where someone goes: the object of a verb of going ("visited the United Kingdom"), or
    of its "to" or "for" ("is travelling to Haiti", "a visit to the White House")."""
    verb = _verb_of(root)
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "for"):
        words = load_participation()
        if root.head.head.lemma_.lower() in words.travel_nouns or any(
                c.dep_ == "dobj" and c.lemma_.lower() in words.travel_nouns for c in verb.children):
            return True  # "cutting flights to Mexico", "suspended all trips to Mexico City"
        # "is travelling to Haiti", "left for Haiti", "was sending 4,000 marines to Haiti" (not "weapons to
        # Ukraine": whom things are sent to takes part)
        return verb.lemma_.lower() in vocab.venue_verbs or verb.lemma_.lower() in words.sending_verbs and any(
            _of_people(t, vocab) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
            for t in c.subtree if t.i == c.i or t.dep_ == "conj")  # "the two men were deported to Mozambique"
    return root.dep_ == "dobj" and verb.lemma_.lower() in vocab.venue_verbs


def _destination_of(name: Mention, segment: "Span", vocab: Vocabulary, visit: bool = False) -> bool:
    """With ``visit``, a body is where someone goes only after "to" or as what they visit:
    "entered the World Trade Organization" is joining it."""
    root = _root(name, segment)
    while root is not None and root.dep_ == "conj" and root.head.i != root.i and root.head.pos_ == "PROPN":
        root = root.head
    if root is None or visit and root.dep_ == "dobj" and _verb_of(root).lemma_.lower() not in ("visit", "tour"):
        return False
    if visit and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and not _of_people(c, vocab)
                     for c in _verb_of(root).children):
        return False  # "the funds went to the Islamic Alliance": whom they reached
    return _destination(root, vocab)


def _of_people(noun: "Token", vocab: Vocabulary) -> bool:
    """Whether ``noun`` names people ("marines", "a response team", "a 45-year-old man"): where
    they come from or are sent to is a place, not a party ("a team from the UK")."""
    return noun.pos_ in ("NOUN", "PROPN") and (
        noun.lemma_.lower() in vocab.people_nouns or load_filters().is_generic(noun.lemma_)
        or noun.lower_ in load_participation().staff_nouns)  # "dispatched 15,000 military personnel to Haiti"


def _noun_head(root: "Token") -> "Token":
    """The noun a qualifier describes, past the other qualifiers of that noun
    ("Hong Kong's Metropark hotel": the hotel)."""
    head = root.head
    while head.dep_ in ("compound", "amod") and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    return head


def _people_word(mention: Mention, segment: "Span", vocab: Vocabulary) -> bool:
    """A one-word "person" that only qualifies a noun of people after an article
    ("a Uighur man", "the Tibetan monks"): a people or a place, no one's name."""
    root = _root(mention, segment)
    if root is None or root.dep_ not in ("amod", "compound") or root.head.i == root.i:
        return False
    noun = root.head
    return noun.lemma_.lower() in vocab.people_nouns and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children)


def _thing(mention: Mention, segment: "Span") -> bool:
    """A name that only says which thing a noun of a thing is ("the antiviral drug
    Tamiflu", "doses of H1N1 vaccine", ``thing_nouns``): a drug, a virus or an award."""
    root = _root(mention, segment)
    if root is None:
        return False
    things, estates = load_participation().thing_nouns, load_participation().estate_nouns
    if root.dep_ in ("compound", "appos", "nmod", "amod", "poss") and _noun_head(root).lemma_.lower() in things:
        return True  # "Bob Marley's Redemption Song": whose song, no party to its performance
    if " " in mention.name and (root.lemma_.lower() in things or root.lemma_.lower() in estates):
        return True  # "a cover version of Redemption Song", "a raid of Neverland Ranch": a thing or an estate
    return any(c.dep_ in ("compound", "appos", "amod") and c.lemma_.lower() in things for c in root.children)


# The largest count of any other group that still names some of them: "two Americans".
FEW = 20


def _counted(group: Mention, segment: "Span") -> bool:
    """A few people of a nationality ("police arrested two Americans", "several
    Freedonians", ``few_words``; "some 30 Norlanders", up to ``few_most``): some of
    them, nobody in particular; "About 9,000 Mexicans left Canada" is the people."""
    root = _root(group, segment)
    if root is None:
        return False
    few = load_participation().few_words
    # a nationality counted in dozens is some people; any other group only up to a few ("32 Democrats voted")
    most = load_participation().few_most if fold(group.name) in load_gazetteer().peoples else FEW
    for child in root.children:
        word = child.lower_.replace(",", "")
        if word in few or child.dep_ == "nummod" and word.isdigit() and int(word) <= most:
            return True
    return False


def _people(actor: ActorRef) -> bool:
    """A people named in one word: a group, or a nationality the tagger took for a body or a person."""
    return " " not in actor.name and (actor.kind == "group" or fold(actor.name) in load_gazetteer().peoples)


def _struck(head: "Token", vocab: Vocabulary) -> bool:
    """Whether ``head`` names a hazard, or stands beside one as its apposition."""
    return head.lemma_.lower() in vocab.hazard_nouns or (
        head.dep_ == "appos" and head.head.lemma_.lower() in vocab.hazard_nouns)


def _stricken(place: "Token", vocab: Vocabulary) -> bool:
    """A place a hazard struck: qualified by it ("earthquake-stricken Haiti",
    "flood-hit Sindh") or the passive subject of its blow ("Hong Kong was badly hit
    by the SARS virus")."""
    for child in place.children:
        if child.dep_ == "amod" and any(t.lemma_.lower() in vocab.hazard_nouns for t in child.subtree):
            return True
    if place.dep_ != "nsubjpass":
        return False
    return any(c.dep_ == "agent" and any(t.dep_ == "pobj" and t.lemma_.lower() in vocab.hazard_nouns
                                         for t in c.children) for c in place.head.children)


def _written(actor: ActorRef, segment: "Span") -> list[Mention]:
    """Where the sentence writes the actor's name as a word of its own, though no mention
    of it was kept there ("the Bush administration's third Treasury secretary")."""
    text = segment.doc.spacy.text
    start, end = segment.start_char, segment.end_char
    out = []
    at = text.find(actor.name, start, end)
    while at >= 0:
        after = at + len(actor.name)
        if (at == 0 or not text[at - 1].isalnum()) and (after >= len(text) or not text[after].isalnum()):
            out.append(Mention(at, after, actor.name, actor.name, actor.kind))
        at = text.find(actor.name, after, end)
    return out


def _root(mention: Mention, segment: "Span") -> "Token | None":
    span = segment.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None
