"""A title that names a person by a surname or a first name alone ("Holder",
"Dr Murray", "Shahbaz") writes the full name the article gives that person,
when the article names one person only by that word; two people sharing it
("Sharif" beside Nawaz and Shahbaz Sharif) leave the word as it is."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.actors.gazetteer import load_gazetteer
from timeline.extract.actors.names import fold, name_key
from timeline.extract.actors.particles import surname_of
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span

# a capitalised word, with the possessive ending it may carry ("Holder's")
_WORD = re.compile(r"(?<![\w-])[A-Z][\w-]*(?:['’]s)?(?=\W|$)")
# what a title quotes, to its closing mark or its end
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]?")
_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    """The words that before a surname stand for it (honorifics, offices), and the
    words after a full name that are not its surname, folded."""
    data = load_data("full_names.yaml") or {}
    before = {fold(str(w)) for w in data.get("offices") or []} | set(load_gazetteer().honorifics)
    return frozenset(before), frozenset(fold(str(w)) for w in data.get("suffixes") or [])


def short_names(mentions: list[Mention]) -> dict[str, str]:
    """The surnames and first names of the article's people named in full, each with
    the one full name it stands for; a word two people share stands for neither."""
    _, suffixes = _vocabulary()
    people: dict[tuple[str, str], Counter[str]] = {}
    for mention in mentions:
        words = [w for w in mention.name.split() if fold(w) not in suffixes]
        if mention.kind != "person" or len(words) < 2:
            continue
        last = " ".join(surname_of(words, load_gazetteer().particles))
        # "J. Smith" has no first name here, nor "UN envoy Doug Coates" a first name "UN"
        first = words[0] if len(words[0].rstrip(".")) > 1 and not words[0].isupper() else ""
        people.setdefault((name_key(first), name_key(last)), Counter())[mention.name] += 1
    owners: dict[str, set[str]] = {}
    for (first, last), names in people.items():
        full = names.most_common(1)[0][0]  # one person's variants ("Eric Holder", "Eric H. Holder Jr.") are one
        for key in (first, last):
            if key:
                owners.setdefault(key, set()).add(full)
    return {key: next(iter(full)) for key, full in owners.items() if len(full) == 1}


def full_names(title: str, segment: "Span", mentions: list[Mention]) -> str:
    """``title`` with each surname or first name alone (after an honorific or an office,
    or none) written as the full name of the one person of the article it stands for.
    A word that is part of a longer name, the name of a place or body of the article,
    or a word the article also writes in lower case ("Will", "Grant") stays."""
    owners = short_names(mentions)
    if not owners or not title:
        return title
    before, _ = _vocabulary()
    # a place of the article ("Jackson" beside Michael Jackson) is no one's name; a body may be
    # the tagger's reading of a surname alone ("Holder resigned")
    others = {name_key(m.name) for m in mentions if m.kind in ("place", "country")}
    taken = [(m.start(), m.end()) for name in {m.name for m in mentions if " " in m.name}
             for m in re.finditer(re.escape(name), title)]
    taken += [(m.start(), m.end()) for m in _QUOTED.finditer(title)]  # what someone said stays as said
    words = list(_WORD.finditer(title))
    out, at = [], 0
    for i, match in enumerate(words):
        word = _POSSESSIVE.sub("", match.group())
        key = name_key(word)
        full = owners.get(key)
        if full is None or key in others or full in title or any(s <= match.start() < e for s, e in taken) or \
                word.isupper() or _written_lower(word, segment) or _man_and_woman(word, segment) or \
                _modifies(word, segment):
            continue
        start = match.start()
        if _capitalised_before(title, words, i):
            if fold(words[i - 1].group()) not in before or _capitalised_before(title, words, i - 1):
                continue  # "Michael Jackson", "Attorney General Holder": part of a longer name
            start = words[i - 1].start()  # "Dr Murray": the honorific goes with the full name
        if re.match(r" [A-Z]", title[match.end():]) or _written_on(full, word, title[match.end():]):
            continue  # "Holder Jr", "Sharif Group", "Zia ul Haq": part of a longer name
        out.append(title[at:start])
        out.append(full + match.group()[len(word):])
        at = match.end()
    return "".join(out) + title[at:]


def _written_lower(word: str, segment: "Span") -> bool:
    """Whether the article also writes ``word`` in lower case: a common word ("Will", "Grant")."""
    lower = word.lower()
    return any(t.text == lower for t in segment.doc)


def _capitalised_before(title: str, words: list[re.Match[str]], i: int) -> bool:
    """Whether the capitalised word ``i`` of ``title`` directly follows another."""
    return i > 0 and title[words[i - 1].end():words[i].start()] == " "


def _written_on(full: str, word: str, after: str) -> bool:
    """Whether the title goes on with the rest of the full name that ``word`` begins,
    spelled another way ("Zia ul Haq" for Zia ul-Haq), or with a lowercase particle."""
    following = after.split(None, 1)[0].lower() if after.strip() else ""
    if following in load_gazetteer().particles:
        return True
    rest = full.split(word, 1)[1] if full.startswith(word) else ""
    letters = re.sub(r"\W", "", rest).lower()
    return bool(letters) and re.sub(r"\W", "", after).lower().startswith(letters)


@lru_cache(maxsize=1)
def _sexes() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("full_names.yaml") or {}
    return frozenset(str(w) for w in data.get("men") or []), frozenset(str(w) for w in data.get("women") or [])


def _man_and_woman(word: str, segment: "Span") -> bool:
    """Whether the article writes ``word`` after the honorific of a man and after that of a
    woman ("Mr Sharif" and "Mrs Sharif"): two people, whoever of them is named in full."""
    men, women = _sexes()
    tokens = list(segment.doc)
    before = {a.text for a, b in zip(tokens, tokens[1:]) if b.text == word}
    return bool(before & men) and bool(before & women)


def _modifies(word: str, segment: "Span") -> bool:
    """Whether ``word`` stands in the sentence before a noun it qualifies ("the Mugabe
    government", "Zuma supporters"): the title speaks of the body, not the person."""
    uses = [t for t in segment if t.text == word]
    return bool(uses) and all(t.dep_ == "compound" and t.head.i > t.i and t.head.pos_ != "PROPN" for t in uses)
