"""Whether a title is garbled: put together from pieces of its sentence that are no clause.

A scraped sentence is not always a sentence: a credit and a dateline run into the first line
("Reuters News, Lisbon Sailors seize two trawlers"), a fact box's entry runs into the next
("Admiral X Navy chief Seen as a hardliner ..., but pulled the navy back"), a chronology
runs its items together ("... charges which carry long sentences March 3 Tambo trial
opens"), and a clause that hangs from a noun before it ("the Freedom Alliance after
its new leader, Oliver Tambo, was charged") reads as if the noun were its subject. The title cut
from such a sentence looks like a clause and is not one. ``garbled`` says why, reading the title
and the sentence it was cut from:

- ``credit``: the words before the title's verb hold a comma that no second comma closes and
  that opens no list ("Reuters News, Lisbon Sailors seize");
- ``fragment``: the title's verb follows a coordinating conjunction straight after its subject
  ("Admiral X Navy chief but pulled the navy back"): the clause it joins has no verb;
  or a word that needs two or more ("both") follows one name alone ("Smith both have
  testified", of "Jones and Smith both have testified");
- ``mid-phrase``: the title opens on a word its sentence writes in lower case and after no
  determiner (not a role put before a name, "the editor" in "Editor Jane Doe said"), followed by
  a name that does not follow it in the sentence ("Charges Tambo trial opens");
- ``hangs``: in the sentence, the word before the title's verb is followed by a subordinating
  conjunction and its own subject, with no verb before the title's (asides between two commas
  left out): the verb belongs to that clause, not to the title's subject ("Freedom Alliance
  after its new leader, Oliver Tambo, was charged");
- ``names``: two of the actors' names side by side, not after a role's preposition: a list that
  lost its commas ("Ann Dube Thabo Nkosi called for"), a headline run into its lede ("Port
  Reform Weighed Ann Dube proposed"), a role dropped between a body and its
  officer ("The Freedom Alliance Ann Dube denounced");
- ``vox pop``: a passer-by or a shopper described, not named, saying something ("The man in a
  leather jacket said ..."): colour, not the day's news;
- ``across``: the title keeps an aside of its sentence, at most ``ACROSS_WORDS`` words, without
  the commas that set it off, and runs it into the clause ("the bridge, closing slowly, has been
  reopened" read as "the bridge closing slowly has been reopened"). An aside left out whole, or a
  title that opens inside one ("the former minister, Ann Dube, was charged"), or a name kept as
  one ("his rival, Ann Dube, to return"), is no garble;
- ``cut``: the title stops on the words that, in the sentence, describe an actor named straight
  after them ("The crowd welcomed home the cycling champion", of "... champion Ann Dube").

The words are ``data/key_titles.yaml``'s (``anonymous_people``, ``coordinators``), with the
subordinating conjunctions of ``data/event_vocabulary.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterable

from rapidfuzz import fuzz

from timeline.data import load_data
from timeline.extract.events.vocabulary import load_vocabulary
from timeline.merge.happening_titles import AUXILIARIES, forms, key_titles

_TOKEN = re.compile(r"[\w’'.-]*\w|,")
DETERMINERS = frozenset({"the", "a", "an", "one", "two", "three", "some", "several", "many", "another"})
POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
ROLE_PREPOSITIONS = frozenset({"of", "to", "for"})  # "the head of the Directorate Leonard McCarthy": a role, a name
PERSON_WORDS = 4  # a described person's noun comes within this many words of the title's start
SAME_NAME = 80  # rapidfuzz ratio from which a name of the title is the sentence's spelt otherwise ("Mbombo", "Mbambo")
ACROSS_WORDS = 3  # words of an aside a title keeps without its commas, at most
VERB_ENDINGS = ("ed",)  # a word of a sentence that ends so, lower-case, is read as a verb in the past


class GarbledWords:
    """The words of ``data/key_titles.yaml`` that tell a garbled title."""

    def __init__(self) -> None:
        data = load_data("key_titles.yaml") or {}
        self.people = frozenset(str(w).lower() for w in data.get("anonymous_people") or ())
        self.coordinators = frozenset(str(w).lower() for w in data.get("coordinators") or ())
        self.pairs = frozenset(str(w).lower() for w in data.get("pair_words") or ())
        self.introductory = frozenset(str(w).lower() for w in data.get("introductory_words") or ())
        vocabulary = load_vocabulary()
        self.saying = vocabulary.plain_saying
        self.said = key_titles().saying  # "said", "told": the verb's form says it was a saying
        titles = key_titles()
        self.openers = titles.subordinators
        self.prepositions = titles.prepositions
        self.verbs = AUXILIARIES | titles.saying | frozenset(f for v in titles.irregular.values() for f in v)
        self.opening = re.compile(r"\b(?:" + "|".join(sorted(self.openers)) + r")\b", re.IGNORECASE)
        self.stop = _stop_words() | DETERMINERS


@lru_cache(maxsize=1)
def garbled_words() -> GarbledWords:
    return GarbledWords()


def garbled(title: str, sentence: str, predicate: str, names: Iterable[str] = ()) -> str | None:
    """Why ``title``, governed by ``predicate`` (a lemma) and cut from ``sentence``, with the
    actors' ``names``, is no clause: see the module's docstring; None when it is one."""
    words = garbled_words()
    names = list(names)
    if _run_together(title, names):
        return "names"
    raw = _TOKEN.findall(title)
    low = [w.lower() for w in raw]
    verb = predicate.lower()
    verb_forms = _forms(verb)
    at = next((i for i, w in enumerate(low) if w in verb_forms), None)
    if at is None or at == 0:
        return None
    start = at
    while start > 0 and low[start - 1] in AUXILIARIES:
        start -= 1  # "was charged": the verb with its auxiliaries
    if "," in title and _credit(raw[:start], words.introductory):
        return "credit"
    if start > 1 and low[start - 1] in words.coordinators:
        return "fragment"
    if start > 1 and low[start - 1] in words.pairs and raw[start - 2][:1].isupper() and \
            not any(w in words.coordinators for w in low[:start - 1]):
        return "fragment"  # "Smith both have testified": the subject's first name was cut off
    # the sentence is read only when the title could open mid-phrase, or the sentence holds a conjunction
    mid = raw[1][:1].isupper() and low[0] not in words.stop and raw[0] not in sentence
    hanging = words.opening.search(sentence) is not None
    if mid or hanging:
        said = _TOKEN.findall(sentence)
        if mid and _mid_phrase(raw, said):
            return "mid-phrase"
        if hanging and any(_hangs(raw[j - 1], low[v], said, words) for j, v in _verbs(low, at, words)):
            return "hangs"
    if verb in words.saying and low[at] in words.said and _described(raw[:start], words.people):
        return "vox pop"
    # the sentence is read word by word only when a plain look at it finds what the rule needs:
    # two of the title's words before a comma, or its last word before the first of a name
    lowered = sentence.lower()
    aside = "," in sentence and sum(f"{w}," in lowered for w in set(low) if w != ",") >= 2
    named = raw[-1][:1].islower() and any(f"{low[-1]} {n.split()[0].lower()}" in lowered for n in names if n.strip())
    if aside or named:
        tokens = [w.lower() for w in _TOKEN.findall(sentence)]
        if aside and _across(raw, tokens):
            return "across"
        if named and _before_name(low[-2:], tokens, names):
            return "cut"
    return None


def _before_name(tail: list[str], low: list[str], names: Iterable[str]) -> bool:
    """Whether the title's last words are, in the sentence (its words ``low``, lower-cased),
    followed straight by an actor's name: the title stops on the words that describe who is named
    next ("... boxing champion")."""
    known = [n.lower().split() for n in names if n]
    if not known or not tail:
        return False
    for k in range(len(tail) - 1, len(low) - 1):
        if low[k] == tail[-1] and low[k - len(tail) + 1:k + 1] == tail and \
                any(low[k + 1:k + 1 + len(n)] == n for n in known):
            return True
    return False


def _across(raw: list[str], low: list[str]) -> bool:
    """Whether the title keeps an aside of its sentence (its words ``low``, lower-cased) without
    the two commas that set it off: two pairs of its words side by side that the sentence parts by
    a comma alone, at most ``ACROSS_WORDS`` words apart. Each of the title's words (its own commas
    among them) is found in the sentence after the one before it; a word the sentence does not hold
    (a name spelt in full, a day the title adds) starts the reading afresh."""
    where: dict[str, list[int]] = {}
    for k, w in enumerate(low):
        where.setdefault(w, []).append(k)
    at, previous, opened = 0, None, None
    for n, word in enumerate(w.lower() for w in raw):
        places = where.get(word, ())
        i = bisect_left(places, at)
        if i == len(places):
            previous = None
            continue
        found = places[i]
        if previous is not None and found == previous + 2 and low[previous + 1] == ",":
            if opened is not None and n - opened <= ACROSS_WORDS and not all(w[:1].isupper() for w in raw[opened:n]):
                return True  # an aside that is a name ("his rival, Ann Dube, to return") reads as one
            opened = n
        previous, at = found, found + 1
    return False


@lru_cache(maxsize=4096)
def _forms(verb: str) -> frozenset[str]:
    return forms(verb) | forms(verb + "e")


def _run_together(title: str, names: Iterable[str]) -> bool:
    """Two of the actors' names side by side, not after a role's preposition ("the ambassador
    to Zimbabwe James McGee")."""
    found = sorted({n for n in names if len(n) > 2}, key=len, reverse=True)
    for a in found:
        for b in found:
            if a in b or b in a:
                continue
            at = title.find(f"{a} {b}")
            if at < 0 or (at and (title[at - 1].isalnum() or title[at - 1] in "-’'")):
                continue
            end = at + len(a) + len(b) + 1
            if end < len(title) and (title[end].isalnum() or title[end] in "-"):
                continue
            before = title[:at].lower().split()[-2:]
            if not any(w in ROLE_PREPOSITIONS for w in before):
                return True
    return False


def _credit(subject: list[str], introductory: frozenset[str]) -> bool:
    """A comma in the words before the verb that no second comma closes and that no "and" or
    "or" follows (a list: "Bill Clinton, Tony Blair and Jacques Chirac"), after words written
    as a name ("Associated Press", "GENEVA"), not a phrase that opens a sentence ("In Beijing,",
    "Yesterday,")."""
    if "," not in subject:
        return False
    k = subject.index(",")
    rest = [w.lower() for w in subject[k + 1:]]
    if k == 0 or not rest or "," in rest or any(w in ("and", "or", "&") for w in rest):
        return False
    credit = subject[:k]
    return all(w[:1].isupper() for w in credit) and credit[0].lower() not in introductory | _stop_words()


def _mid_phrase(raw: list[str], said: list[str]) -> bool:
    """The title's first word is written in lower case only in the sentence, after no determiner,
    and the name that follows it in the title does not follow it there."""
    first = raw[0].lower()
    if first not in said:
        return False
    if any(w == first and a.lower() in POSSESSIVES | DETERMINERS for a, w in zip(said, said[1:])):
        return False  # "the editor of the paper, Jane Doe": a role the title puts before her name
    return not any(a == first and b == raw[1] for a, b in zip(said, said[1:]))


def _verbs(low: list[str], at: int, words: GarbledWords) -> list[tuple[int, int]]:
    """The title's verbs, its own and any other after it ("said ... came"): where each starts,
    with its auxiliaries, and where it is."""
    found = []
    for v in [at] + [v for v in range(at + 1, len(low)) if _verb_like(low[v], words) and low[v] not in AUXILIARIES]:
        j = v
        while j > 0 and low[j - 1] in AUXILIARIES:
            j -= 1
        if j > 0:
            found.append((j, v))
    return found


def _hangs(before: str, verb: str, said: list[str], words: GarbledWords) -> bool:
    """In the sentence, the word before the title's verb is followed straight by a subordinating
    conjunction whose clause has no verb but the title's (asides between commas left out)."""
    low = [w.lower() for w in said]
    for p, w in enumerate(low):
        if w != verb:
            continue
        q = next((k for k in range(p - 1, -1, -1) if _same(said[k], before)), None)
        if q is None:
            continue
        between = _without_asides(low[q + 1:p])
        while between and between[-1] in AUXILIARIES:
            between.pop()
        if len(between) < 2 or between[0] not in words.openers:
            return False
        if between[0] in words.prepositions and not (_verb_like(verb, words) or low[p - 1] in AUXILIARIES):
            return False  # "the longest case since the end of apartheid culminates": a preposition
        return not any(_verb_like(w, words) for w in between[1:])
    return False


def _same(word: str, title_word: str) -> bool:
    if word.lower() == title_word.lower():
        return True
    # a name the registry spells otherwise than the article ("Mbombo" for "Mbambo")
    return word[:1].isupper() and title_word[:1].isupper() and len(title_word) > 4 and \
        fuzz.ratio(word, title_word) >= SAME_NAME


def _without_asides(between: list[str]) -> list[str]:
    """The words without what two commas enclose (", Jacob Zuma,"; ", which began after midnight,")."""
    out: list[str] = []
    aside = False
    for w in between:
        if w == ",":
            aside = not aside
            continue
        if not aside:
            out.append(w)
    return out if not aside else [w for w in between if w != ","]


def _verb_like(word: str, words: GarbledWords) -> bool:
    return word in words.verbs or (word.endswith(VERB_ENDINGS) and len(word) > 4)


def _described(subject: list[str], people: frozenset[str]) -> bool:
    """The subject is a person described, not named: a determiner or none, then within
    ``PERSON_WORDS`` words, before any name, a noun of ``anonymous_people``."""
    if not subject:
        return False
    opening = subject[1:] if subject[0].lower() in DETERMINERS else subject
    if subject[0].lower() == "the" and opening and (opening[0].isdigit() or opening[0].lower() in DETERMINERS):
        return False  # "The two men": people the article has named
    for w in opening[:PERSON_WORDS]:
        if w.lower() in people:
            return True
        if w[:1].isupper():
            return False
    return False


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)
