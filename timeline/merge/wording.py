"""Words that tell one happening: synonymous verbs and the nouns that name what a verb tells.

Outlets tell one happening with other verbs ("police raided the doctor's home", "police
searched the doctor's home"), and an article names the happening it has just told by a noun
("Dube testified that …", "her testimony came at a pretrial hearing"). The words are
data, ``data/same_happening.yaml``:

- ``synonyms``: groups of verbs that tell one act. Reports compare them as one verb
  (``same_verb``), and the TF-IDF lexicon reads every form of them as the group's first verb
  (``canonical_text``), so their words are alike;
- ``nouns``: per verb, the nouns that name what it tells (``names_verb``); a report that names a
  happening by such a noun under a verb of its own tells something about it, not it (``about_other``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.data import load_data
from timeline.records import Happening


def _regular_forms(verb: str) -> set[str]:
    stem = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, verb + "s", verb + "es", stem + "ed", stem + "ing"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ied", verb[:-1] + "ies"}
    if len(verb) > 2 and verb[-1] not in "aeiouwy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # "stop", "stopped"
    return forms


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, frozenset[str]]]:
    """Per synonymous verb its group's first verb; per form of those verbs the same; per verb its nouns."""
    data = load_data("same_happening.yaml") or {}
    irregular = {str(k).lower(): [str(f).lower() for f in v] for k, v in (data.get("irregular") or {}).items()}
    lemma: dict[str, str] = {}
    form: dict[str, str] = {}
    for group in data.get("synonyms") or []:
        verbs = [str(v).lower() for v in group]
        for verb in verbs:
            lemma[verb] = verbs[0]
            for f in _regular_forms(verb) | set(irregular.get(verb, ())):
                form.setdefault(f, verbs[0])
    nouns = {str(k).lower(): frozenset(str(n).lower() for n in v) for k, v in (data.get("nouns") or {}).items()}
    return lemma, form, nouns


def synonymous(verb: str) -> bool:
    """Whether a governing verb (a lemma) has synonyms."""
    return verb.lower() in _tables()[0]


def same_verb(a: str, b: str) -> bool:
    """Whether two governing verbs (lemmas) tell one act: the same verb, or synonyms."""
    a, b = a.lower(), b.lower()
    if a == b:
        return bool(a)
    lemma = _tables()[0]
    found = lemma.get(a)
    return found is not None and found == lemma.get(b)


@lru_cache(maxsize=1)
def _form_pattern() -> re.Pattern[str] | None:
    forms = _tables()[1]
    if not forms:
        return None
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=lambda f: (-len(f), f))) + r")\b")


def canonical_text(text: str) -> str:
    """``text`` in lower case, every form of a synonymous verb written as its group's first verb."""
    text = text.lower()
    pattern = _form_pattern()
    if pattern is None:
        return text
    forms = _tables()[1]
    return pattern.sub(lambda m: forms[m.group(0)], text)


@lru_cache(maxsize=1 << 14)
def names_verb(title: str, verb: str) -> bool:
    """Whether ``title`` names by a noun what ``verb`` tells ("his testimony came" for "testify")."""
    nouns = _tables()[2].get(verb.lower())
    if not nouns:
        return False
    return bool(nouns & set(re.findall(r"[a-z]+", title.lower())))


@lru_cache(maxsize=1)
def _noun_pattern() -> re.Pattern[str]:
    nouns = sorted({n for group in _tables()[2].values() for n in group})
    if not nouns:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"\b(?:" + "|".join(map(re.escape, nouns)) + r")\b", re.IGNORECASE)


def _nouns_in(title: str) -> frozenset[tuple[str, str]]:
    """The (verb, noun) pairs of ``nouns`` whose noun ``title`` holds."""
    found = {m.group(0).lower() for m in _noun_pattern().finditer(title)}
    if not found:
        return frozenset()
    return frozenset((verb, noun) for verb, nouns in _tables()[2].items() for noun in nouns & found)


def about_other(a: Happening, b: Happening) -> bool:
    """Whether ``a`` tells something about a happening it names by a noun under a verb of its own
    ("X's death is ruled a homicide", "the raid was condemned"), a noun ``b``'s title does not
    hold: then ``a`` is not ``b``'s report, whatever else their titles share."""
    if not a.predicate or a.predicate.lower() in empty_verbs():
        return False
    named = _nouns_in(a.title)
    if not named:
        return False
    other = _nouns_in(b.title)
    return any(not same_verb(verb, a.predicate) and (verb, noun) not in other for verb, noun in named)


@lru_cache(maxsize=1)
def empty_verbs() -> frozenset[str]:
    """Verbs that tell nothing by themselves: of being, light, or only through what they act on."""
    from timeline.extract.events.vocabulary import load_vocabulary
    from timeline.merge.plans import light_predicates

    vocab = load_vocabulary()
    return vocab.light_verbs | vocab.states | light_predicates()
