"""A description a title leaves written as the one the whole collection says it is.

An article written for readers who follow the story says "the pop star", "the opposition
leader" or "the 50-year-old" and never the name; the others of the collection write the name
beside that description ("pop star Ann Dube", "Norland's opposition leader, Ivo Marek",
"Ann Dube, 50,"). Extraction keeps both halves per article (``description_pairs``): the
descriptions an article ties to names, and those a title leaves untied. Here a title's
description is written as the name, and the name joins the event's actors, when

- at least ``least_articles`` articles tie the description's noun to that name, ``dominance``
  times as many as tie it to any other, or it is the only one of the names tied to it that
  the title's article names (for an age, "the 50-year-old", one article's tie is enough); the
  words qualifying it in the title, "opposition" of "the main opposition leader", must be
  among those qualifying it in one of the ties, and a word that points to another holder,
  "the next president", leaves it;
- and the title's own article names that person or body, or it is the one the collection
  names in the most articles.

A description the collection ties to two names, both named in the title's article, stays as it is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Mapping, Sequence

from timeline.data import load_data
from timeline.extract.events.description_pairs import AGE, COUNTRY
from timeline.extract.events.naming import person_heads, takes_article
from timeline.records import ActorRef, Happening, Taught


@dataclass
class _Tied:
    kind: str
    articles: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class _Rules:
    least_articles: int
    dominance: float
    other_holders: frozenset[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_data("referents.yaml") or {}
    ties = data.get("collection_ties") or {}
    return _Rules(least_articles=int(ties.get("least_articles", 2)), dominance=float(ties.get("dominance", 4)),
                  other_holders=frozenset(str(w).lower() for w in data.get("other_holders") or []))


def name_described(happenings: Sequence[Happening], taught: Mapping[str, Taught]) -> list[Happening]:
    """``happenings`` with each description a title leaves written as the name the collection ties it to."""
    if not taught or not any(h.described for h in happenings):
        return list(happenings)
    tied: dict[str, dict[str, _Tied]] = {}
    for article, teaching in sorted(taught.items()):
        for noun, words, name, kind in teaching.ties:
            entry = tied.setdefault(noun, {}).setdefault(name, _Tied(kind))
            entry.articles.add(article)
            entry.words.update(words.split())
    named = Counter(name for teaching in taught.values() for name in teaching.names)
    ranked = named.most_common(2)
    most = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    return [_named(h, tied, taught.get(h.article_id), most) if h.described else h for h in happenings]


def _named(h: Happening, tied: dict[str, dict[str, _Tied]], teaching: Taught | None, most: str | None) -> Happening:
    title, actors = h.title, h.actors
    here = teaching.names if teaching is not None else frozenset()
    for written, noun, words in h.described:
        chosen = _chosen(noun, tied.get(noun, {}), set(words.split()), here)
        if chosen is None or written not in title or _unread(written, words):
            continue
        name, kind = chosen
        if name in title or not (name in here or name == most):
            continue
        at = title.index(written)
        text = f"the {name}" if takes_article(name) else name
        if at == 0:
            text = text[:1].upper() + text[1:]
        title = title[:at] + text + title[at + len(written):]
        if not any(a.name == name for a in actors):
            ref = ActorRef(name=name, kind=kind)
            actors = (ref, *actors) if at == 0 else (*actors, ref)
    if title == h.title:
        return h
    return replace(h, title=title, actors=actors)


def _chosen(noun: str, names: dict[str, _Tied], words: set[str], here: frozenset[str]) -> tuple[str, str] | None:
    """The one name a description is, with its kind: tied by enough articles, and by far the
    most; or, of the names it is tied to, the only one the article names (an age: by any article).
    A person is described by a noun of one person ("the singer", "the judge"), a body never."""
    age = noun.startswith(AGE)
    rules = _rules()
    if words & rules.other_holders:
        return None
    fitting = [(len(t.articles), name, t.kind) for name, t in names.items() if _fits(words, t.words)
               and (age or (noun in person_heads()) == (t.kind == "person"))]
    fitting.sort(key=lambda f: (-f[0], f[1]))
    if not fitting:
        return None
    if fitting[0][0] >= rules.least_articles and (
            len(fitting) == 1 or fitting[1][0] * rules.dominance <= fitting[0][0]):
        return fitting[0][1], fitting[0][2]
    named = [f for f in fitting if f[1] in here]
    if len(named) == 1 and (age or named[0][0] >= rules.least_articles):
        return named[0][1], named[0][2]
    return None


def _fits(words: set[str], tied: set[str]) -> bool:
    """Whether a description qualified by ``words`` fits a name tied with the words ``tied``: some
    word in common, when it has any but a country's; the country one the ties give the name, when it
    says one ("the US president" is not the president the ties give no country)."""
    plain = {w for w in words if not w.startswith(COUNTRY)}
    return (not plain or bool(plain & tied)) and words - plain <= tied


def _unread(written: str, words: str) -> bool:
    """Whether the description names something its qualifying words leave out: a capitalised word
    ("the US president") that is neither one of them nor a country read among them."""
    capitalised = {w.lower() for w in written.split()[1:] if w[:1].isupper()}
    read = set(words.split())
    return bool(capitalised - read) and not any(w.startswith(COUNTRY) for w in read)
