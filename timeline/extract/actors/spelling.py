"""Whether two spellings are one name written two ways.

Names from other scripts reach English news in several spellings: Gaddafi,
Gadhafi and Qaddafi; Muammar and Moammar; Tsvangirai and Tsvangirayi; Sharif
and Shareef. Two words are one name when their consonant skeletons agree
(vowels, doubled letters and the spelling of one sound in two letters do not
count: "dh" is "d", "q" is "k") and they are still alike letter by letter
(rapidfuzz's Jaro-Winkler similarity). Short words must be equal but for a sound
spelt in two letters or one ("Shui", "Sui"): "Kim Jong-il"
and "Kim Jong-un" differ in their last word, and a skeleton of two letters
says too little. Whether two people so named are one person is for the
context to confirm (``timeline.resolve.variants``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler

from timeline.data import load_data
from timeline.extract.actors.names import fold

# Letters written for one sound, in order: the longer first.
_DIGRAPHS = (("tch", "c"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("ph", "f"), ("zh", "j"),
             ("sh", "s"), ("ch", "c"), ("ck", "k"), ("ou", "u"))
_SOUNDS = str.maketrans({"q": "k", "g": "k", "c": "k", "v": "f", "z": "s", "x": "s"})
_VOWELS = frozenset("aeiouy")
_FINAL_VOWELS = frozenset("aeiou")  # a last vowel tells Maria from Mario, Petra from Peter
_ENDING_I = frozenset("iy")  # but a last "y" is a spelling of "i"
_NOT_LETTER = re.compile(r"[^a-z]")
_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "du", "des"})
SHORT = 5  # words shorter than this are one name only when equal: "Hill" is not "Hall", "Zuma" not "Zoma"
ALIKE = 0.7  # Jaro-Winkler similarity two spellings of one word keep (Gaddafi/Qaddafi 0.90, Gaddafi/Kadhafy 0.71)


@lru_cache(maxsize=1)
def _formal_forms() -> dict[str, str]:
    """Each everyday form of a given name ("joe") to its formal one ("joseph"), from ``names.yaml``;
    a form shared by two names ("steve") is left as it is."""
    forms: dict[str, set[str]] = {}
    for group in load_data("names.yaml").get("given_name_forms") or []:
        for form in group[1:]:
            forms.setdefault(str(form), set()).add(str(group[0]))
    return {form: next(iter(formal)) for form, formal in forms.items() if len(formal) == 1}


def formal(word: str) -> str:
    """The formal form of a folded given name ("joe" → "joseph"), else the word."""
    return _formal_forms().get(word, word)


@lru_cache(maxsize=1 << 14)
def skeleton(word: str) -> str:
    """The consonants of ``word`` as they sound: "Gadhafi", "Gaddafi" and "Qaddafi" are all "kdf"."""
    word = _NOT_LETTER.sub("", fold(word))
    if not word:
        return ""
    word = _digraphs(word)
    # A first vowel counts, as one: "Osama" and "Usama" are "asm", not "sm".
    head = "a" if word[0] in _VOWELS and word[0] != "y" else ""
    rest = word.translate(_SOUNDS)
    consonants = [c for i, c in enumerate(rest) if c not in _VOWELS and (c not in "hw" or i == 0)]
    out = [head] if head else []
    for c in consonants:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=1 << 16)
def same_word(a: str, b: str) -> bool:
    """Whether two words are spellings of one name ("Moammar", "Muammar"; "Joe", "Joseph")."""
    a, b = formal(fold(a)), formal(fold(b))
    if a == b:
        return True
    if len(a) < SHORT or len(b) < SHORT:
        return _digraphs(a) == _digraphs(b)  # "Shui" and "Sui": one sound in two letters or one
    if skeleton(a) != skeleton(b):
        return False
    if (a[-1] in _FINAL_VOWELS or b[-1] in _FINAL_VOWELS) and a[-1] != b[-1] \
            and not {a[-1], b[-1]} <= _ENDING_I:
        return False  # "Maria"/"Mario", "Peter"/"Petra"; but "Gaddafi"/"Kadhafy"
    return JaroWinkler.normalized_similarity(a, b) >= ALIKE


def _digraphs(word: str) -> str:
    for pair, sound in _DIGRAPHS:
        word = word.replace(pair, sound)
    return word


def words(name: str) -> list[str]:
    """The words of a name, hyphenated parts apart ("Kim Jong-il": kim, jong, il)."""
    return [w for w in re.split(r"[\s\-]+", fold(name)) if w]


@lru_cache(maxsize=1)
def _suffixes() -> frozenset[str]:
    return frozenset(str(w) for w in load_data("names.yaml").get("generational_suffixes") or [])


def core_words(name: str) -> list[str]:
    """The words of a name without a last generational suffix ("Henry M. Paulson Jr.":
    henry, m, paulson), which a shorter name of the person leaves out."""
    parts = words(name)
    return parts[:-1] if len(parts) > 2 and parts[-1] in _suffixes() else parts


def same_name(a: str, b: str) -> bool:
    """Whether two names are one name spelt two ways: as many words, each
    pair one word spelt two ways ("Moammar Gadhafi", "Muammar Gaddafi"),
    hyphens as spaces ("Kim Jong-il", "Kim Jong Il"; "Zanu-PF", "ZANU PF").
    Initials count as written: "George W. Bush" is not "George H. W. Bush"."""
    wa, wb = words(a), words(b)
    return len(wa) == len(wb) and fold(a) != fold(b) and all(same_word(x, y) for x, y in zip(wa, wb))


def word_key(word: str) -> str:
    """A key under which every spelling ``same_word`` accepts of a long word
    falls: its skeleton; short words are their own key."""
    folded = formal(fold(word))
    return skeleton(folded) if len(folded) >= SHORT else "=" + _digraphs(folded)


def name_skeleton(name: str) -> tuple[str, ...]:
    """The key of every word: names ``same_name`` may accept share it."""
    return tuple(word_key(w) for w in words(name))


@lru_cache(maxsize=4096)
def initials(name: str) -> str:
    """"USAF" of "United States Air Force", "MDC" of "Movement for Democratic Change"."""
    return "".join(w[0] for w in name.split() if w.lower() not in _ACRONYM_SKIP and w[0].isalpha()).upper()
