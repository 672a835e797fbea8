"""One actor however the articles spell it.

Outlets spell a name from another script each their own way (Muammar Gaddafi,
Moammar Gadhafi), and an article that never gives the full name leaves a bare
surname ("Tsvangirai") or given name ("Jermaine") behind. After the articles
have grown the registry, actors (people, organisations, groups) whose names are
spellings of one name (``timeline.extract.actors.spelling``) are merged when
the context confirms it:

- no two countries: a person of Zimbabwe is not one of Pakistan;
- the same company: a role they share, or another named actor (a person, an
  organisation, a group) in the articles of each;
- not side by side: two spellings an article uses together are two people.

A short name of a person (a bare surname or given name, a first and last name
without the middle ones) goes to the one person it may mean, or to the one of
them named in far more articles than the others: "Bush" in a year of news about
George W. Bush, but not "Jackson" where Joe, Janet and Michael Jackson are
named alike.

A full name, else the spelling named in the most articles, becomes the name,
the others aliases; an actor a maintainer reviewed (``auto: false``) is never
absorbed, and keeps its name. The same articles always give the same registry.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Iterable, Sequence

from timeline.extract.actors.gazetteer import load_gazetteer
from timeline.extract.actors.names import fold
from timeline.extract.actors.registry import Registry
from timeline.extract.actors.spelling import (
    core_words,
    formal,
    initials,
    name_skeleton,
    same_name,
    same_word,
    word_key,
    words,
)
from timeline.records import Actor, Extraction
from timeline.resolve.groups import Evidence, Groups

# A bare name is the most named of the people it may mean when named in this
# many times the articles of the next one.
DOMINANT = 3
# A single name named in more than this many times the articles of the one
# full name it may stand for is someone else's: a wife's full name does not
# take her husband's bare surname.
FAR_MORE = 5
# A word of a person's name: a capital, then letters, some lower case, or an apostrophe ("O'Neill",
# "McCain"), or an initial ("J."); no hyphen, digit or acronym.
_NAME_WORD = re.compile(r"[A-Z](?=[A-Za-z'’]*[a-z])[A-Za-z'’]+|[A-Z]\.")
# Letters of an acronym, fewest and most.
ACRONYM = (2, 6)
# The letter of a party's faction after its name: "PML-N", "Pakistan Muslim League-Q".
_FACTION = re.compile(r"^(.*[^\W\d_]{2})(-[A-Z]{1,2})$")
# Kinds of actors whose names are merged when spelt two ways (only people
# when one name is short: "Jackson" of an organisation is a different thing).
SPELT = frozenset({"person", "organisation", "group"})


def merge_variants(registry: Registry, extractions: Sequence[Extraction]) -> Registry:
    """``registry`` with the actors that are one actor spelt several ways merged."""
    evidence = Evidence.of(registry, extractions)
    actors = _people_by_majority(registry, evidence)
    people = [i for i, a in enumerate(actors) if a.kind == "person" and not a.hidden]
    groups = Groups(actors, evidence)
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, actor in enumerate(actors):
        if actor.kind in SPELT and not actor.hidden:
            buckets.setdefault((actor.kind, "/".join(name_skeleton(actor.name))), []).append(i)
    for bucket in buckets.values():
        for x, i in enumerate(bucket):
            for j in bucket[x + 1:]:
                if same_name(actors[i].name, actors[j].name) and not evidence.together(i, j) \
                        and _confirmed(actors, evidence, i, j):
                    groups.join(i, j)
    _same_letters(actors, groups)
    _slips(actors, evidence, groups)
    _short_names(actors, evidence, groups, people)
    _acronyms(actors, evidence, groups)
    _first_parts(actors, evidence, groups)
    _singulars(actors, evidence, groups)
    _cut_names(actors, groups)
    return groups.registry()


def _people_by_majority(registry: Registry, evidence: Evidence) -> list[Actor]:
    """The actors, each found an organisation in the first article that named
    it but a person's name, a person: named as a person in most articles, or
    ending in a surname named alone as a person in at least half as many articles
    (news names a person in full once and by surname after: "Morgan Tsvangirai",
    which a tagger may read as an organisation, beside "Tsvangirai"), or given a
    person's office ("President Bush"), without a word that makes a name an
    organisation's. A one-word place no gazetteer knows is a person when given
    an office or when it is the surname of a person named beside it."""
    gaz = load_gazetteer()
    heads = gaz.organisation_heads | gaz.government_nouns | frozenset(fold(s) for s in gaz.org_suffixes)
    surnames: dict[str, list[int]] = {}  # word key → single-word people
    for i, actor in enumerate(registry.actors):
        if actor.kind == "person" and " " not in actor.name.strip():
            surnames.setdefault(word_key(actor.name), []).append(i)
    full: dict[str, list[int]] = {}  # word key → people of several words ending in that word
    for i, actor in enumerate(registry.actors):
        if actor.kind == "person" and len(words(actor.name)) > 1:
            full.setdefault(word_key(words(actor.name)[-1]), []).append(i)
    actors = list(registry.actors)
    for i, actor in enumerate(actors):
        parts = actor.name.split()
        # "President Bush", "Prime Minister Atal Bihari Vajpayee": a person's office, on a name shaped as a
        # person's (not "Zanu-PF" or "ANC", which a role was read beside)
        titled = bool(actor.roles) and all(_NAME_WORD.fullmatch(p) for p in parts)
        if actor.kind == "place" and actor.auto and len(parts) == 1 and \
                gaz.lookup(actor.name) is None and gaz.place(actor.name) is None and \
                (titled or _surname_beside(i, full.get(word_key(actor.name), []), registry, evidence)):
            actors[i] = replace(actor, kind="person")  # "President Mbeki", "Lekota" read as a town
            continue
        if not actor.auto or actor.kind != "organisation" or not (1 < len(parts) or titled) or len(parts) > 3 or \
                any(fold(p) in heads for p in parts):
            continue
        kinds = evidence.kinds.get(i, Counter())
        named = evidence.count(i)
        surname = [j for j in surnames.get(word_key(parts[-1]), ())
                   if same_word(actors[j].name, parts[-1]) and 2 * evidence.count(j) >= named]
        if kinds["person"] > kinds["organisation"] or surname or titled:
            actors[i] = replace(actor, kind="person")
    return actors


def _surname_beside(i: int, people: list[int], registry: Registry, evidence: Evidence) -> bool:
    """Whether the one-word place ``i`` no gazetteer knows is the surname of the
    one person of ``people``, whose full name an article naming it gives too
    ("Lekota" beside Mosiuoa Lekota): a town shares no article with a namesake."""
    name = registry.actors[i].name
    fits = [j for j in people if same_word(words(registry.actors[j].name)[-1], name)]
    here = evidence.articles.get(i, set())
    return len(fits) == 1 and bool(here & evidence.articles.get(fits[0], set()))


def _confirmed(actors: Sequence[Actor], evidence: Evidence, i: int, j: int, countries: bool = True) -> bool:
    """Whether the context of two actors whose names agree says they are one;
    ``countries``: two countries say they are not."""
    a, b = actors[i], actors[j]
    if countries and a.country and b.country and a.country != b.country:
        return False
    if {r.title for r in a.roles} & {r.title for r in b.roles}:
        return True
    return bool(evidence.neighbours(i) & evidence.neighbours(j))


def _short_names(actors: Sequence[Actor], evidence: Evidence, groups: Groups, people: Iterable[int]) -> None:
    """A name shorter than a full one goes to the one person it must mean, if
    any: a bare surname ("Mugabe") or given name ("Jermaine"), a name without
    its middle names ("Jacob Zuma" of "Jacob Gedleyihlekisa Zuma")."""
    by_word: dict[str, list[int]] = {}  # word key → people whose name has more words, first or last this one
    people = list(people)
    honorifics = load_gazetteer().honorifics
    for i in people:
        parts = core_words(actors[i].name)  # "Henry M. Paulson Jr." is found under "paulson"
        if len(parts) > 1 and parts[0] not in honorifics:  # "Mr Mbeki" is no full name
            for word in {parts[0], parts[-1]}:
                by_word.setdefault(word_key(word), []).append(i)
    # names of two words first: "Henry Paulson" joins "Henry M. Paulson Jr." before "Paulson" looks for its person
    for i in sorted(people, key=lambda k: (-len(words(actors[k].name)), k)):
        parts = words(actors[i].name)
        keys = {word_key(parts[0]), word_key(parts[-1])} if len(parts) == 1 else {word_key(parts[-1])}
        candidates = {groups.find(j) for key in sorted(keys) for j in by_word.get(key, ())
                      if j != i and _part_of(parts, core_words(actors[j].name))}
        if groups.find(i) in candidates:
            continue  # a spelling of a short name already one person's ("Tsvangarai" of Morgan's
            # "Tsvangirai") is no one else's too: it would make his wife Susan Tsvangirai him
        if candidates:
            _join_one(actors, evidence, groups, i, candidates)


def _acronyms(actors: Sequence[Actor], evidence: Evidence, groups: Groups) -> None:
    """An acronym goes to the one organisation whose initials it is ("MDC",
    "Movement for Democratic Change"), or to the one of them named in far more
    articles than the others, when the context confirms it."""
    by_initials: dict[str, list[int]] = {}
    short = []
    for i, actor in enumerate(actors):
        if actor.kind != "organisation" or actor.hidden:
            continue
        name = actor.name.replace(".", "")
        base, faction = _faction(name)  # "PML-N", "Pakistan Muslim League-N": one faction of a party
        if " " not in base and base.isupper() and ACRONYM[0] <= len(base) <= ACRONYM[1]:
            short.append((i, name))
        elif len(base.split()) >= ACRONYM[0]:
            for letters in _initials_of(base):
                by_initials.setdefault(letters + faction, []).append(i)
    for i, name in short:
        candidates = {groups.find(j) for j in by_initials.get(name, ())} - {groups.find(i)}
        if candidates:
            _join_one(actors, evidence, groups, i, candidates)


def _faction(name: str) -> tuple[str, str]:
    """A name without the letter of the faction it ends in ("Pakistan Muslim League-N":
    "Pakistan Muslim League", "-N"), and that ending; a name without one, as it is."""
    match = _FACTION.match(name)
    return (match.group(1), match.group(2)) if match else (name, "")


def _initials_of(name: str) -> set[str]:
    """The acronyms a name is written as: its initials, also without the country it opens
    with ("FBI" of "United States Federal Bureau of Investigation")."""
    forms = {name}
    words_ = name.split()
    gaz = load_gazetteer()
    for size in (3, 2, 1):
        entry = gaz.lookup(" ".join(words_[:size])) if len(words_) > size + 1 else None
        if entry is not None and entry.kind == "country":
            forms.add(" ".join(words_[size:]))
            break
    return {initials(form) for form in forms}


def _first_parts(actors: Sequence[Actor], evidence: Evidence, groups: Groups) -> None:
    """The first part of a hyphenated organisation's name, alone, goes to that
    organisation ("Zanu" of "Zanu-PF", which a tagger may read as a person)."""
    by_part: dict[str, list[int]] = {}
    for i, actor in enumerate(actors):
        if actor.kind == "organisation" and not actor.hidden and "-" in actor.name and " " not in actor.name:
            by_part.setdefault(word_key(actor.name.split("-")[0]), []).append(i)
    for i, actor in enumerate(actors):
        if actor.kind in ("person", "organisation") and len(words(actor.name)) == 1 and not actor.hidden:
            candidates = {groups.find(j) for j in by_part.get(word_key(actor.name), ())
                          if same_word(actors[j].name.split("-")[0], actor.name)} - {groups.find(i)}
            if candidates:
                _join_one(actors, evidence, groups, i, candidates)


def _same_letters(actors: Sequence[Actor], groups: Groups) -> None:
    """Actors of one kind whose names are the same letters, written with other spaces,
    hyphens or stops ("Port-au-Prince", "Port au Prince"; "U.N.", "UN"), are one."""
    first: dict[tuple[str, str], int] = {}
    for i, actor in enumerate(actors):
        if actor.hidden:
            continue
        key = (actor.kind, re.sub(r"[\W_]+", "", fold(actor.name)))
        if key[1] and first.setdefault(key, i) != i:
            groups.join(first[key], i)


def _slips(actors: Sequence[Actor], evidence: Evidence, groups: Groups) -> None:
    """Names of two words or more, one of them written with a letter more or
    less ("World Heath Organization", "Richard Bessert"), the others alike, are
    one actor when the context confirms it: a slip of the writer's. The word
    must keep four letters: "Wen" is not "Wei"."""
    slots: dict[tuple[str, int, tuple[str, ...]], list[tuple[int, str]]] = {}
    for i, actor in enumerate(actors):
        parts = words(actor.name)
        if actor.kind in SPELT and not actor.hidden and len(parts) > 1:
            for k, word in enumerate(parts):
                slots.setdefault((actor.kind, k, tuple(parts[:k] + parts[k + 1:])), []).append((i, word))
    for slot in slots.values():
        for x, (i, one) in enumerate(slot):
            for j, other in slot[x + 1:]:
                # two people so spelt in one article are two people; an organisation's slip is a slip
                if _one_letter_apart(one, other) and groups.find(i) != groups.find(j) and \
                        (actors[i].kind != "person" or not evidence.together(i, j)) and \
                        _confirmed(actors, evidence, i, j):
                    groups.join(i, j)


def _one_letter_apart(a: str, b: str) -> bool:
    """"heath"/"health", "besser"/"bessert": one letter inserted, the shorter of four letters or more."""
    if len(a) > len(b):
        a, b = b, a
    return len(a) >= 4 and len(b) == len(a) + 1 and any(b[:k] + b[k + 1:] == a for k in range(len(b)))


def _singulars(actors: Sequence[Actor], evidence: Evidence, groups: Groups) -> None:
    """A one-word organisation or group written in the singular goes to the one named
    in the plural ("the Scorpion's investigation" of the Scorpions unit), the more so
    when one article names both: a slip of the writer's, not a second body."""
    plural: dict[str, list[int]] = {}
    for i, actor in enumerate(actors):
        if actor.kind in ("organisation", "group") and not actor.hidden and " " not in actor.name.strip():
            plural.setdefault(fold(actor.name), []).append(i)
    for i, actor in enumerate(actors):
        if actor.kind in ("organisation", "group") and not actor.hidden and " " not in actor.name.strip():
            candidates = {groups.find(j) for j in plural.get(fold(actor.name) + "s", ())} - {groups.find(i)}
            if candidates:
                _join_one(actors, evidence, groups, i, candidates)


def _cut_names(actors: Sequence[Actor], groups: Groups) -> None:
    """A body's name the tagger cut before its head ("Pakistan People's" of the Pakistan
    People's Party), or written without the last of the things it is for ("the US
    Centers for Disease Control" of the Centers for Disease Control and Prevention,
    both of one country), goes to the one body whose name goes on from it; a family named by
    its surname in the plural ("the Guptas") to the one named as a family ("the Gupta family")."""
    bodies = [i for i, a in enumerate(actors) if a.kind in ("organisation", "group") and not a.hidden]
    by_name = {fold(actors[i].name): i for i in bodies}
    for i in bodies:
        name = actors[i].name.strip()
        if name.endswith(("'s", "’s")) and " " in name:
            candidates = {groups.find(j) for j in bodies if actors[j].name.startswith(name + " ")}
        elif actors[i].country and len(name.split()) >= 3:
            # "Centers for Disease Control" of the "… and Prevention": one body of one country written short
            candidates = {groups.find(j) for j in bodies if actors[j].name.startswith(name + " and ")
                          and actors[j].country == actors[i].country}
        elif " " not in name and name.endswith("s") and fold(name[:-1]) + " family" in by_name:
            candidates = {groups.find(by_name[fold(name[:-1]) + " family"])}
        else:
            continue
        candidates.discard(groups.find(i))
        if len(candidates) == 1:  # the one body it can be: a cut or a plural is no name of its own
            groups.join(i, candidates.pop())


def _join_one(actors: Sequence[Actor], evidence: Evidence, groups: Groups, i: int, candidates: set[int]) -> None:
    """Join ``i`` to the one of ``candidates`` it must mean, if any."""
    candidates = {g for g in candidates if _fits_all(actors, groups, i, g)}
    if not candidates:
        return
    ranked = sorted(candidates, key=lambda g: (-groups.count(g), g))
    best = ranked[0]
    if len(ranked) > 1 and groups.count(best) < DOMINANT * groups.count(ranked[1]):
        return  # "Jackson" of Michael, Janet and Joe Jackson
    if len(words(actors[i].name)) == 1 and evidence.count(i) > FAR_MORE * groups.count(best):
        return  # a single name far more named than the one it could stand for stands for someone else
    # A short name's country is often a guess from one title ("President of France" for a guest of
    # the French president): the one person it may mean is enough.
    if _confirmed(actors, evidence, i, best, countries=False):
        groups.join(i, best)
    elif len(ranked) == 1 and len(words(actors[i].name)) == 1 and not _other_countries(actors[i], actors[best]):
        # "Mr Mbeki" in an article that names no one else of the collection: a surname only one
        # person of the whole collection bears, named in full elsewhere, is that person
        groups.join(i, best)


def _other_countries(a: Actor, b: Actor) -> bool:
    return bool(a.country and b.country and a.country != b.country)


def _fits_all(actors: Sequence[Actor], groups: Groups, i: int, root: int) -> bool:
    """Whether the short name ``i`` may mean every full name of the group at ``root``:
    a garbled "Michael Katherine Jackson" that took in "Katherine Jackson" does not
    make "Michael Jackson" her."""
    short = words(actors[i].name)
    if len(short) < 2 or " " not in actors[i].name and actors[i].name.isupper():
        return True  # one word, or an acronym with its faction ("PML-N"): no words to compare
    for k in groups.members.get(root, [root]):
        full = core_words(actors[k].name)
        if len(full) >= 2 and k != i and not (_part_of(short, full) or same_name(actors[i].name, actors[k].name)
                                                or _part_of(full, short) or full == short):
            return False
    return True


def _part_of(short: list[str], full: list[str]) -> bool:
    """Whether the words ``short`` name the person ``full`` names in full: one
    word, their given name or surname; two, their surname, or their first
    and last names without the middle ones."""
    if len(short) >= len(full) or len(short) > 2:
        return False  # "George W. Bush" is a full name too, not a short "George H. W. Bush"
    if len(short) == 1:
        # a given name alone is the person's only as written, not by its everyday form: a baby "Jack"
        # is not the doctor "John Oxford" of another article
        return same_word(full[-1], short[0]) or full[0] == short[0] or same_word(full[0], short[0]) and \
            formal(full[0]) == full[0] and formal(short[0]) == short[0]
    if all(same_word(a, b) for a, b in zip(short, full[-len(short):])):
        return True  # a surname of two words: "Ben Menashe" of "Ari Ben-Menashe"
    return same_word(full[0], short[0]) and same_word(full[-1], short[-1])
