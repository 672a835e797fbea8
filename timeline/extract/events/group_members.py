"""Who "all three", "the two men" or "both" are: the people the sentence before names.

News names the people a happening befell ("Ivo Marek was stopped with his deputy, Anna Lind,
and his chairman, Ed Brandt") and then counts them ("All three were released"). A title is read
alone, so the count tells a reader nothing; it is written as the names, and the names are the
event's actors, when the article makes them certain:

- the description counts people: a number with "all" or "the" ("All three", "the three"), "both",
  or a plural noun of people with its number ("the two men", "the three leaders");
- the sentence before names exactly that many people, and the description's own sentence
  names no one before it;
- or, for a plural noun of people with "the" alone ("the leaders"), the sentence before opens
  on a list of people as its subject ("Carl Dahl, Tom Berg and Ed Brandt met Anna Lind"), and
  anyone else it names is told apart before the noun ("After meeting Anna Lind, the leaders…").

Countries are counted so too ("the two countries", "both nations": ``group_bodies`` in
``referents.yaml``), and are the pair the text joins by "and" nearest before the count, in its
own sentence or the one before ("talks between Norland and Freedonia … both countries"), when no
other country is named between that pair and the count; two countries named apart ("Norland is an
ally of Freedonia") may not be the two meant.

The title takes the names only when there are at most ``group_names`` (``referents.yaml``) and
the title still fits a headline; the actors take them whatever their number.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.title_words import load_title_words
from timeline.records import Mention

if TYPE_CHECKING:
    import spacy.tokens

    from timeline.extract.events.tokens import Token

# Words that open a count of people ("All three", "the three men").
COUNTING = frozenset({"all", "the"})


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, int], int, frozenset[str]]:
    data = load_data("referents.yaml") or {}
    numbers = {str(k).lower(): int(v) for k, v in (data.get("group_numbers") or {}).items()}
    words = load_title_words()
    nouns = frozenset(str(w).lower() for w in data.get("group_nouns") or []) | words.person_nouns | words.role_nouns
    return numbers, int(data.get("group_names") or 3), nouns | _bodies()


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """Nouns that count countries ("the two countries", "both nations")."""
    return frozenset(str(w).lower() for w in (load_data("referents.yaml") or {}).get("group_bodies") or [])


def _number(token: "Token") -> int | None:
    numbers = _data()[0]
    return int(token.text) if token.text.isdigit() else numbers.get(token.lower_)


def counted(token: "Token") -> tuple[int, "Token"] | None:
    """How many people ``token`` counts, with the first word of the description, or None:
    "All three" (``token`` three), "both", "the two men" (``token`` men); 0 for a plural
    with "the" alone ("the leaders"): as many as a list of them says."""
    before = [c for c in token.children if c.i < token.i]
    after = [c for c in token.children if c.i > token.i and c.dep_ not in ("punct",)]
    if after:
        return None  # "the three of them", "the two men who…": another reading
    if token.lower_ == "both" and not before and token.pos_ in ("PRON", "DET") and token.dep_ != "det":
        return 2, token
    if token.pos_ == "NUM" and before and all(c.dep_ in ("det", "predet") and c.lower_ in COUNTING for c in before):
        number = _number(token)
        return (number, before[0]) if number else None
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return None
    if token.lemma_.lower() not in _data()[2]:
        return None
    numbers = [c for c in before if c.dep_ == "nummod"]
    both = [c for c in before if c.lower_ == "both"]
    if [c.lower_ for c in before] == ["the"]:
        return 0, before[0]  # "the leaders": as many as the sentence before lists
    if len(numbers) + len(both) != 1 or any(c.dep_ not in ("det", "predet", "nummod") for c in before):
        return None
    if numbers and not any(c.lower_ in COUNTING for c in before):
        return None  # "three men" are any three
    number = 2 if both else _number(numbers[0])
    return (number, before[0]) if number else None


def group_members(token: "Token", mentions: list[Mention]) -> list[Mention]:
    """The people a count of people stands for (``counted``), in the order the sentence
    before names them; none when it names another number of people."""
    count = counted(token)
    if count is None:
        return []
    doc = token.doc.spacy
    here = doc[token.i].sent
    if token.lemma_.lower() in _bodies():
        return _paired(token, mentions) if count[0] == 2 else []
    if here.start == 0:
        return []
    previous = doc[here.start - 1].sent
    people: dict[str, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.kind == "person" and previous.start_char <= mention.start and mention.end <= previous.end_char:
            people.setdefault(mention.name, mention)
    told = {m.name for m in mentions if m.kind == "person" and here.start_char <= m.start and m.end <= token.idx}
    if count[0] == 0:  # "the leaders": the list the sentence before opens on, others told apart before the noun
        listed = _listed_subject(token, previous, people)
        return [people[n] for n in people if n in listed] if len(listed) >= 2 and set(people) - listed <= told \
            and not told & listed else []
    return list(people.values()) if len(people) == count[0] and not told else []


def _paired(token: "Token", mentions: list[Mention]) -> list[Mention]:
    """The two countries the text joins by "and" nearest before ``token`` ("between Norland and
    Freedonia"), in its sentence or the one before, when no other country is named after them."""
    doc = token.doc.spacy
    here = doc[token.i].sent
    start = doc[here.start - 1].sent.start_char if here.start > 0 else here.start_char
    countries = sorted((m for m in mentions if m.kind == "country" and start <= m.start and m.end <= token.idx),
                       key=lambda m: m.start)
    for k in range(len(countries) - 2, -1, -1):
        first, second = countries[k], countries[k + 1]
        if first.name == second.name or {m.name for m in countries[k:]} != {first.name, second.name}:
            continue
        one, other = doc.char_span(first.start, first.end, alignment_mode="expand"), doc.char_span(
            second.start, second.end, alignment_mode="expand")
        if one is not None and other is not None and other.root.dep_ == "conj" and other.root.head.i == one.root.i \
                and any(t.lower_ == "and" for t in doc[one.end:other.start]):
            return [first, second]
        return []
    return []


def _listed_subject(token: "Token", sentence: "spacy.tokens.Span", people: dict[str, Mention]) -> set[str]:
    """The people of a list that is the subject of ``sentence``'s main clause ("Carl Dahl,
    Tom Berg and Ed Brandt flew to Oslo"), whom "the leaders" of the next sentence stand for."""
    doc = token.doc
    heads = [c for c in doc[sentence.root.i].children if c.dep_ in ("nsubj", "nsubjpass")]
    listed = set()
    while heads:
        head = heads.pop()
        listed.add(head.i)
        heads += [c for c in head.children if c.dep_ in ("conj", "appos")]
    named = {k: {m.name for m in people.values() if m.start <= doc[k].idx < m.end} for k in listed}
    if any(doc[k].pos_ == "PROPN" and not names for k, names in named.items()):
        return set()  # a name in the list no person was found for: the list is not all known
    return {name for names in named.values() for name in names}


def name_groups(title: str, root: "Token", limit: int, mentions: list[Mention]) -> str:
    """``title`` with a count of people in its clause ("All three were released") written as
    the people the sentence before names (``group_members``), when they are few enough
    and the title still has at most ``limit`` words."""
    for token in root.subtree:
        members = group_members(token, mentions)
        if not members or len(members) > _data()[1]:
            continue
        first = counted(token)
        assert first is not None
        written = token.doc[first[1].i:token.i + 1].text
        found = list(re.finditer(rf"(?<![\w'’-]){re.escape(written)}(?![\w'’-])", title, flags=re.IGNORECASE))
        if len(found) != 1 or any(m.name in title for m in members):
            continue
        names = [m.name for m in members]
        joined = ", ".join(names[:-1]) + " and " + names[-1]
        longer = title[:found[0].start()] + joined + title[found[0].end():]
        if len(longer.split()) <= limit:
            title = longer
    return title
