"""Whether a title, read beside the sentence it was cut from, says what its words need.

A title is cut from its evidence sentence, and a cut can leave words that read as a clause but
say less than the sentence, or something else: an infinitive of purpose stopped before its object
("Ada Brenner proposed a bill to advance", of "... to advance pay reform"), a class of
people stopped before what says which ("... catch up with people", of "... with people in the
cities"), a verb joined to an apposition the sentence set off by a comma ("Norland's coalition
government collapsed the first cabinet to fall", of "... collapsed Monday, the first
cabinet to fall ..."). And a title whose subject describes a person in words of a role or an
office, naming no one ("The president of the Norland Congress voted ..."), leaves the
reader to guess who acted (``described``). ``incomplete`` says which cut a title is, if any; the words are
``data/key_titles.yaml``'s, with the nouns of people and roles of ``data/title_words.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable

from timeline.data import load_data
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.weak import unnamed_subject
from timeline.merge.happening_titles import PASSIVE, forms, key_titles

_TOKEN = re.compile(r"[\w’'-]+|[,;:()—–.!?\"“”]")
_DROPPED = 5  # words a link may open, dropped from between two phrases
_NAMED = 4  # words of a description after its article read for a noun of a person ("The ex deputy president")


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = load_data("key_titles.yaml") or {}
    return {key: frozenset(str(w).lower() for w in data.get(key) or ())
            for key in ("infinitive_tails", "class_qualifiers", "apposition_openings", "not_people",
                        "linking_prepositions", "phrase_openings")}


@lru_cache(maxsize=1)
def _referring() -> tuple[str, ...]:
    return tuple(str(w).lower() + " " for w in (load_data("key_titles.yaml") or {}).get("referring_openings") or ())


def _tokens(text: str, lower: bool = True) -> list[str]:
    return [(t.lower() if lower else t).strip("’'") for t in _TOKEN.findall(text)]


def incomplete(title: str, sentence: str, predicate: str) -> str | None:
    """Why ``title``, cut from ``sentence`` and governed by ``predicate`` (a lemma), says less than
    its words need (see the module's docstring): "purpose", "object", "class", "apposition",
    "joined"; None when it says it all, or when the sentence does not hold its words."""
    words = _tokens(title)
    if len(words) < 2:
        return None
    told = _tokens(sentence)
    verb_forms = forms(predicate.lower()) | forms(predicate.lower() + "e")
    tails = _words()["infinitive_tails"]
    cased = _tokens(sentence, lower=False)
    infinitive = words[-2] == "to" and title.rstrip(" .")[-1:].islower() and not _plural(words[-1])
    if infinitive and _followed(told, cased, words[-2:], lambda w: w not in tails):
        return "purpose"
    if words[-1] in verb_forms and words[-2] not in PASSIVE and \
            _followed(told, cased, words[-2:], lambda w: w not in tails):
        return "object"  # "The government seized", of "... seized the country's largest bank"
    if words[-1] in key_titles().people and words[-2] in _words()["linking_prepositions"] and \
            _followed(told, cased, words[-2:], lambda w: w.lower() in _words()["class_qualifiers"]):
        return "class"
    if _apposition(words, told, verb_forms):
        return "apposition"
    if _joined(words, told):
        return "joined"
    return None


def _plural(word: str) -> bool:
    """A plural noun, read by its ending ("misdeeds", "news"): after "to", no infinitive."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _followed(told: list[str], cased: list[str], tail: list[str], needs: Callable[[str], bool]) -> bool:
    """Whether ``tail`` stands in ``told`` (``cased`` as written) followed by a lower-case word (not
    a mark, not a name) that ``needs`` holds of."""
    n = len(tail)
    for i in range(len(told) - n):
        if told[i:i + n] == tail:
            after = cased[i + n]
            if after[:1].isalpha() and after[:1].islower() and needs(after):
                return True
    return False


def _apposition(words: list[str], told: list[str], verb_forms: frozenset[str]) -> bool:
    """Whether the title joins its governing verb to an opening of ``apposition_openings`` that the
    sentence sets off by a comma after a word or more of the verb's own ("collapsed Monday, the
    first ..."; not "reported, citing sources, the ...": a remark set into the clause)."""
    openings = _words()["apposition_openings"]
    for i, w in enumerate(words[:-1]):
        opening = words[i + 1]
        if w not in verb_forms or opening not in openings:
            continue
        places = [k for k, t in enumerate(told[:-1]) if t == w]
        if any(told[k + 1] == opening for k in places):
            continue  # the sentence joins them too
        for k in places:
            rest = told[k + 1:]
            if opening in rest and rest[0] != "," and rest.index(opening) > 1 and \
                    rest[rest.index(opening) - 1] == ",":
                return True
    return False


def _joined(words: list[str], told: list[str]) -> bool:
    """Whether two words the title sets side by side, the second opening a noun phrase, stand in the
    sentence with a linking preposition (and at most ``_DROPPED`` words in all) between them: a
    link dropped, two phrases run together ("pork imports some U.S. states")."""
    links, openings = _words()["linking_prepositions"], _words()["phrase_openings"]
    at: dict[str, list[int]] = {}
    for k, t in enumerate(told):
        at.setdefault(t, []).append(k)
    for a, b in zip(words, words[1:]):
        if b not in openings:
            continue
        places = [k for k in at.get(a, ()) if k + 1 < len(told)]
        if any(told[k + 1] == b for k in places):
            continue  # the sentence has them side by side too
        if any(told[k + 1] in links and b in told[k + 2:k + 2 + _DROPPED] for k in places):
            return True
    return False


def described(title: str, names: Iterable[str]) -> bool:
    """Whether the subject refers to a person the reader is meant to know by a role or an office
    and names no one ("The president of the African National Congress", "The ex deputy
    president"; not "A judge", whom the title introduces), or refers back to people named before
    it ("Both men"); ``names`` are the event's actors'."""
    if title.lower().startswith(_referring()):
        return True
    if not unnamed_subject(title, [n for n in names if n]) or title.split(" ", 1)[0].lower() != "the":
        return False
    vocabulary = load_title_words()
    people = (vocabulary.person_nouns | vocabulary.role_nouns) - _words()["not_people"]
    opening: list[str] = []
    for w in _TOKEN.findall(title)[1:1 + _NAMED]:
        if w.lower() == "of" or not w.isalpha() and "-" not in w:
            break
        if w[:1].isupper():
            return False  # "The former Chinese President Jiang Zemin": a name, or a country's office
        opening.append(w.lower())
    return any(w in people for w in opening)
