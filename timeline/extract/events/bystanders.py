"""Bystanders: names a sentence gives beside its happening that take no part in it.

``parties.py`` decides an event's actor list; these are the kinds of name it
leaves out because the parse shows them standing for something other than a
party:

- a people named bare, in the plural ("Pakistanis living near the border are
  frightened", "mostly Uighurs were killed", "leaving Afghans to decide"): some
  of them, nobody in particular, as "residents" or "civilians" are (a
  nationality, or a people of ``peoples`` the tagger reads as a body); "the
  Saudis launched air strikes" names the state, and a people
  coordinated with another party ("Israel and the Palestinians agreed") is one
  side of it and stays;
- a dateline: a place in capitals opening the sentence before a comma or a dash
  ("BERLIN, March 25 --"), where the report was filed;
- the office a clause gives someone ("tapped him to be Treasury secretary",
  "agreed to become the Bush administration's Treasury secretary"): the names
  that qualify the office describe it;
- the posting an office is held at ("Norland's ambassador to the United
  Kingdom appealed", "the UN envoy to Zimbabwe met Mugabe"): where the holder
  serves, no party (whom an adviser serves, "an adviser to Mr Vajpayee", stays);
- where a thing comes from ("a recall of Chinese-made goods": ``origin_participles``
  in ``participation.yaml``);
- a name that only says which mountain range, valley or forum a noun names
  ("the recapture of the Batalik ranges", "on the sidelines of the Boao forum":
  ``landmark_nouns``), or which sea ("into the Japan Sea"), and a name of a
  natural feature itself ("travelled to the Khyber Pass": ``landform_nouns``);
- a name inside what someone did not do ("blamed the crisis on capitalism,
  without naming the United States"): no party to what was done;
- a stance towards a name, which the tagger may take for the name ("pro-Taliban
  fighters": ``stance_prefixes`` in ``actor_filters.yaml``);
- which village or district a noun names ("St Anne's village", "his home area,
  Kerel": ``settlement_nouns``), whoever the tagger takes the name for;
- whose people or holdings act ("fans of Jackson", "executors of Jackson's estate",
  "Pakistan's cricketers": ``dependant_nouns`` and ``follower_nouns`` in
  ``participation.yaml``), or whose doctor, nominee or office-holder acts when the
  text names him beside ("Jackson's doctor, Conrad Murray": ``attendant_nouns``):
  they are the party, their possessor is not, unless it is named acting too; a
  country that says whose one a named party is ("Norland's largest airline,
  Skyvia") describes that party.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.actors.filters import load_filters
from timeline.extract.actors.gazetteer import load_gazetteer
from timeline.extract.events.participation import load_participation
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Dependencies by which a word qualifies the noun it hangs on.
QUALIFYING = frozenset({"poss", "amod", "compound", "nmod"})
# Dependencies of a predicate's complement: what the subject is or becomes.
COMPLEMENTS = frozenset({"attr", "oprd"})
# Dependencies of a word that counts or qualifies a plural noun ("two Americans", "young Afghans").
MODIFIERS = frozenset({"amod", "compound", "nummod", "nmod", "poss"})
# Kinds of a party one side of which a people may be ("Israel and the Palestinians").
SIDES = frozenset({"country", "organisation", "group"})
# Kinds of a party a country's possessive or nationality may only describe ("Norland's largest airline, Skyvia").
NAMED = frozenset({"person", "organisation", "group"})


def bystander(mention: Mention, segment: "Span", mentions: list[Mention]) -> bool:
    """Whether ``mention`` stands in ``segment`` without taking part in its happening."""
    root = _root(mention, segment)
    if root is None:
        return False
    return _bare_people(mention, root, mentions) or _dateline(mention, root, segment) or _office(root) or \
        (mention.kind != "person" and _posting(root)) or _origin(root) or _landmark(root) or \
        _landform(mention, root) or _not_done(root) or _whose(mention, root, mentions) or _settlement(root) or \
        load_filters().is_stance(mention.text)


def _bare_people(mention: Mention, root: "Token", mentions: list[Mention]) -> bool:
    """"Pakistanis living near Wagah", "mostly Uighurs were killed": a people in the plural,
    of one word, counted or qualified by nothing that names which of them."""
    name = mention.name.lower()
    if root.tag_ not in ("NNPS", "NNS", "NNP") or not (
            name in load_gazetteer().peoples or name in load_participation().peoples):
        return False  # "Democrats blocked the bill": a party, not a people
    if " " in name and root.tag_ == "NNP" or not mention.text.lower().endswith("s"):
        return False  # the tagger's singular name: "South Africa" read as a people is the country
    if any(_qualifying(c, mention) or c.dep_ == "prep" and c.lower_ != "at" or c.lower_ == "the"
           for c in root.children):
        return False  # "9,000 Mexicans", "Kurds in the parliament" (not where they met); "the Saudis launched"
    sides = [m for m in mentions if m.kind in SIDES and m is not mention]
    others = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
    return not any(s.start <= o.idx < s.end for o in others for s in sides)


def _qualifying(child: "Token", mention: Mention) -> bool:
    """Whether ``child`` says which of a people are meant ("9,000 Mexicans", "Uighur
    exiles' leaders"); an adjective that says only how many or what they are like
    ("many Americans", "exiled Zimbabweans", "ordinary Haitians") names nobody in particular."""
    if child.dep_ == "amod" and child.tag_ in ("JJ", "JJR", "JJS", "VBN", "VBG"):
        return False
    if mention.start <= child.idx < mention.end:
        return False  # "South Africans": a word of the people's own name
    return child.dep_ in MODIFIERS


def _dateline(mention: Mention, root: "Token", segment: "Span") -> bool:
    """"BERLIN, March 25 --": the place a report was filed from, in capitals at its start."""
    if mention.kind not in ("country", "place"):
        return False  # "WAN, the global organisation for newspapers, called": a name and its apposition
    text = segment.doc.spacy.text
    if mention.start != segment.start_char and text[segment.start_char:mention.start].strip():
        return False
    surface = text[mention.start:mention.end]
    after = text[mention.end:mention.end + 3].lstrip()
    return len(surface) > 2 and surface.isupper() and after[:1] in (",", "-", "—", "–", "(")


def _office(root: "Token") -> bool:
    """A name inside the office a clause gives someone ("to be Treasury secretary",
    "to become the Bush administration's third Treasury secretary")."""
    token = root
    for _ in range(5):
        if token.head.i == token.i:
            return False
        if token.dep_ in QUALIFYING or token.dep_ == "pobj" and token.head.lower_ == "of":
            token = token.head if token.dep_ != "pobj" else token.head.head
            continue
        break
    if token.lemma_.lower() not in load_participation().office_nouns:
        return False
    # not a role "as" names ("Tsvangirai, as the leader of the ZCTU, called strikes": the body acted)
    return token.dep_ in COMPLEMENTS


def _posting(root: "Token") -> bool:
    """"Norland's ambassador to the United Kingdom", "the envoy to Zimbabwe": where an office is held."""
    preposition = root.head
    return root.dep_ == "pobj" and preposition.lower_ == "to" and preposition.head.i != preposition.i and \
        preposition.head.lemma_.lower() in load_participation().office_nouns


def _origin(root: "Token") -> bool:
    """"Chinese-made goods", "a US-built reactor": where a thing comes from."""
    doc = root.doc
    at = root.i + 1
    if at + 1 >= len(doc) or doc[at].text not in ("-", "–"):
        return False
    return doc[at + 1].lower_ in load_participation().origin_participles


def _landmark(root: "Token") -> bool:
    """"the Batalik and Dras ranges", "the Boao forum": which range or forum the noun names."""
    token = root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ not in ("compound", "nmod", "amod") or token.head.i == token.i:
        return False
    noun = token.head
    words = load_participation()
    return any(w in words.landmark_nouns or w in words.landform_nouns for w in (noun.lemma_.lower(), noun.lower_))


def _not_done(root: "Token") -> bool:
    """"without naming the United States": a name in what a "without" says was not done."""
    token = root
    while token.head.i != token.i:
        if token.dep_ == "pcomp" and token.head.lower_ == "without" and token.tag_ == "VBG":
            return True
        token = token.head
    return False


def _landform(mention: Mention, root: "Token") -> bool:
    """"the Khyber Pass", "the peak of Tiger Hill": a name ending in the word of a natural
    feature is a place, whatever the tagger calls it; read as a person ("Christopher Hill
    said") it is one, unless an article or a landmark's "of" says otherwise."""
    words = load_participation()
    if " " not in mention.name or root.lower_ not in words.landform_nouns or root.i != _last(mention, root):
        return False
    if mention.kind != "person":
        return True
    first = min(t.i for t in root.subtree)
    before = root.doc[first - 1] if first > 0 else None
    if before is not None and before.lower_ == "the":
        return True
    owner = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    return owner is not None and (owner.lemma_.lower() in words.landmark_nouns or
                                  owner.lemma_.lower() in words.landform_nouns)


def _last(mention: Mention, root: "Token") -> int:
    """The index of the last token of ``mention``."""
    last = root.i
    doc = root.doc
    while last + 1 < len(doc) and doc[last + 1].idx < mention.end:
        last += 1
    return last


def _whose(mention: Mention, root: "Token", mentions: list[Mention]) -> bool:
    """"Jackson's estate", "fans of Jackson", "Jackson's doctor, Conrad Murray": a name that only says
    whose people or holdings a noun names; "Jackson's death" and "the trial of Jackson" keep him, and so
    does an unnamed doctor or spokesman ("the trial of Jackson's doctor"): he says who it is."""
    words = load_participation()
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "the military establishments of both India and Pakistan"
    country = mention.kind == "country"
    if root.dep_ in ("poss", "compound") and root.head.i != root.i or country and root.dep_ == "amod":
        noun = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i != root.head.i:
        noun = root.head.head
    else:
        return False
    if noun.pos_ != "NOUN":
        return False
    lemma = noun.lemma_.lower()
    if lemma in words.dependant_nouns or lemma in words.follower_nouns:
        return True
    # "Obama's nominee, Ron Kirk", "Pakistan's prime minister Nawaz Sharif": the one named beside it acts
    attending = lemma in words.attendant_nouns or lemma in words.office_nouns and root.dep_ != "pobj"
    # "Norland's largest airline, Skyvia": a country that says whose one a named party is describes it
    if country and not attending:  # "a US hospital ship, the Comfort": the state's own thing, it acts
        return _named_beside(noun) and any(m.kind in NAMED and m.start <= t.idx < m.end
                                           for t in _beside(noun) for m in mentions)
    return attending and mention.kind in ("person", "country") and _named_beside(noun)


def _settlement(root: "Token") -> bool:
    """"Residents of St Anne's village", "in his home area, Kerel": a name that says
    which village or district a noun names (``settlement_nouns``) is where, whoever the
    tagger takes it for."""
    if root.dep_ not in ("poss", "compound", "appos") or root.head.i == root.i:
        return False
    noun = root.head
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in load_participation().settlement_nouns


def _beside(noun: "Token") -> list["Token"]:
    """The names beside ``noun``: its apposition, or the name it qualifies."""
    return [noun.head] if noun.dep_ in ("appos", "compound") else [c for c in noun.children if c.dep_ == "appos"]


def _named_beside(noun: "Token") -> bool:
    """Whether a person's name stands beside ``noun`` as its apposition or its head."""
    if noun.dep_ in ("appos", "compound") and noun.head.pos_ == "PROPN":
        return True  # "Ron Kirk, President Obama's nominee", "Jackson's physician Dr Conrad Murray"
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children)


def _root(mention: Mention, segment: "Span") -> "Token | None":
    span = segment.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None else None
