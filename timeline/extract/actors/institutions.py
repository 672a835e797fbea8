"""Institutions named without their country: "the Foreign Ministry in Moscow"
→ Ministry of Foreign Affairs of Russia, "the Russian military" → Russian
Armed Forces, "the Senate" in an article about the United States → United
States Senate. The phrases and names are data (``institutions.yaml``)."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable

from timeline.extract.actors.gazetteer import Gazetteer, as_list, load_gazetteer, read_data
from timeline.extract.actors.names import fold
from timeline.extract.actors.roles import with_article

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_POSSESSIVES = {"'s", "’s", "'", "’"}
# A phrase used as a modifier names no institution: "military action",
# "parliament speaker", "the cabinet meeting".
_MODIFIER_DEPS = {"compound", "amod", "nmod"}
_AFTER = {"in", "of"}  # "the Foreign Ministry in Moscow", "the Ministry of Defence of Ukraine"


@dataclass(frozen=True)
class Institution:
    template: str
    portfolio: str | None = None
    keep_wording: bool = False  # a department keeps the article's spelling: "Department of Labor"
    explicit: bool = False  # only with a country word in the text: "Russian troops", not "the troops"
    national: tuple[tuple[str, str], ...] = ()  # (country, own name): ("Russia", "Federal Assembly of Russia")
    # words that may qualify the phrase and leave it the same body ("the new Pakistani government");
    # any other ("the Communist party leadership", "local authorities") names another body; None: any word
    qualifiers: frozenset[str] | None = None


@dataclass
class Institutions:
    phrases: dict[tuple[str, ...], Institution] = field(default_factory=dict)
    longest: int = 1
    first_words: frozenset[str] = frozenset()
    adjectives: dict[str, str] = field(default_factory=dict)  # country → "Russian"
    portfolio_words: frozenset[str] = frozenset()  # one-word portfolio forms: "health", "justice", "state"
    portfolio_heads: frozenset[str] = frozenset()  # what such a word hangs on when it names no actor
    department_countries: frozenset[str] = frozenset()  # countries with departments of their own

    def is_office_word(self, span: "Span") -> bool:
        """A one-word name that is a portfolio naming an office or a kind, not an
        actor: "Health" of "Health Secretary X", "State" of "Secretary of State"."""
        if len(span) != 1 or fold(span.text) not in self.portfolio_words:
            return False
        head = span.root.head
        if head.i == span.root.i:
            return False
        if head.lower_ == "of" and head.head.i != head.i:
            head = head.head  # "Secretary of State"
        return head.lower_ in self.portfolio_heads or head.lemma_.lower() in self.portfolio_heads

    def at(self, words: list[str], i: int) -> tuple[int, Institution] | None:
        """The longest phrase starting at word ``i``: its length and institution."""
        for size in range(min(self.longest, len(words) - i), 0, -1):
            found = self.phrases.get(tuple(words[i:i + size]))
            if found:
                return size, found
        return None

    def is_generic(self, text: str) -> bool:
        """Whether a name ends in a phrase every country uses ("Foreign
        Ministry", "Russian military"): such a form is no alias of one actor."""
        words = fold(text).split()
        return any(tuple(words[i:]) in self.phrases for i in range(len(words)))


@lru_cache(maxsize=1)
def load_institutions() -> Institutions:
    data = read_data("institutions.yaml")
    gaz = load_gazetteer()
    out = Institutions(adjectives={**gaz.adjectives, **(data.get("adjectives") or {})})
    for row in data.get("institutions") or []:
        national = tuple(sorted((str(k), str(v)) for k, v in (row.get("national") or {}).items()))
        qualifiers = row.get("qualifiers")
        institution = Institution(str(row["name"]), explicit=bool(row.get("explicit")), national=national,
                                  qualifiers=None if qualifiers is None else frozenset(as_list(qualifiers)))
        for phrase in as_list(row.get("phrases")):
            out.phrases.setdefault(tuple(phrase.lower().split()), institution)
    department_only = set(as_list(data.get("department_only")))
    for portfolio, forms in (data.get("portfolios") or {}).items():
        for form in as_list(forms):
            ministry = Institution(str(data["ministry_name"]), str(portfolio))
            department = Institution(str(data["department_name"]), str(portfolio), keep_wording=True)
            if portfolio not in department_only:
                for phrase in (f"{form} ministry", f"ministry of {form}", f"ministry for {form}"):
                    out.phrases.setdefault(tuple(phrase.split()), ministry)
            for phrase in (f"{form} department", f"department of {form}", f"department of the {form}"):
                out.phrases.setdefault(tuple(phrase.split()), department)
    out.portfolio_words = frozenset(fold(form) for forms in (data.get("portfolios") or {}).values()
                                    for form in as_list(forms) if " " not in form)
    out.portfolio_heads = frozenset(w.lower() for w in as_list(data.get("portfolio_heads")))
    out.department_countries = frozenset(as_list(data.get("department_countries")))
    out.longest = max((len(p) for p in out.phrases), default=1)
    out.first_words = frozenset(p[0] for p in out.phrases)
    return out


@dataclass
class Found:
    span: "Span"
    name: str
    country: str


def find_institutions(doc: "Doc", countries: Iterable[str]) -> list[Found]:
    """Institution phrases of ``doc`` whose country the text gives.

    ``countries`` are the country names of the article's mentions, in order:
    the one named most (twice at least, and more than any other) is the
    country of a phrase that says nothing else.
    """
    table = load_institutions()
    gaz = load_gazetteer()
    out: list[Found] = []
    starts = _candidates(doc, table)
    if not starts:
        return out
    main = _main_country(countries)
    said: dict[tuple[str, ...], str] = {}  # phrase → the country the text gave it
    end_of_last = 0
    for i in starts:
        if i < end_of_last:
            continue
        words = [t.lower_ for t in doc[i:i + table.longest]]
        hit = table.at(words, 0)
        if hit is None:
            continue
        size, institution = hit
        end = i + size
        last = doc[end - 1]
        end_of_last = end
        if last.dep_ in _MODIFIER_DEPS and last.head.i >= end or last.pos_ not in ("NOUN", "PROPN"):
            continue
        if institution.qualifiers is not None and _another_body(last, institution.qualifiers):
            continue
        start, country = _country_before(doc, i, gaz)
        if country is not None and institution.qualifiers is not None and _capital(doc[start:i], gaz):
            continue  # "Dublin authorities", "the Harare government": the city's, or the state as the capital
        if country is None and institution.explicit:
            # "forces" are a country's only when its word modifies them:
            # "Russian offensive forces", not "offensive forces in Ukraine".
            country = _country_modifier(last, gaz) or _country_after(doc, end, gaz, ("of",))
        elif country is None:
            country = _country_after(doc, end, gaz)
        key = tuple(words[:size])
        if country is not None:
            said[key] = country
        elif not institution.explicit and (start > 0 and doc[start - 1].lower_ == "the" or doc[i].is_title):
            # "the Central Bank" after "Russia's Central Bank" is the same one; a department
            # no country is given for is the United States' ("the State Department"), who
            # name theirs so, unless the article is about a country that does too
            unnamed = main if main in table.department_countries else UNNAMED_DEPARTMENTS
            country = said.get(key, unnamed if "department" in words[:size] else main)
        if country is not None:
            out.append(Found(doc[start:end], _name(institution, country, doc[i:end], table), country))
    return out


UNNAMED_DEPARTMENTS = "United States"


def _candidates(doc: "Doc", table: Institutions) -> list[int]:
    return positions(doc, "LOWER", table.first_words)


def positions(doc: "Doc", attr: str, values: Iterable[str]) -> list[int]:
    """Indices of the tokens whose ``attr`` ("LOWER", "TAG") is one of
    ``values``, found on the token array: reading every token from Python
    costs more than the rules that then look at the few that match."""
    from spacy.attrs import IDS

    if isinstance(values, (frozenset, tuple)):
        ids = _string_ids(doc.vocab.strings, values)  # the gazetteer's word lists: hashed once
    else:
        ids = frozenset(doc.vocab.strings.add(v) for v in values)
    if len(ids) == 1:
        return (doc.to_array(IDS[attr]) == next(iter(ids))).nonzero()[0].tolist()  # one value: on the array
    # A set lookup per token beats numpy.isin's set-up on arrays of a few hundred.
    return [i for i, value in enumerate(_column(doc, attr)) if value in ids]


def _column(doc: "Doc", attr: str) -> list[int]:
    """The values of one attribute of every token; kept for the last document
    read, whose rules ask for the same column several times."""
    from spacy.attrs import IDS

    last: "tuple[Doc, int, dict[str, list[int]]] | None" = getattr(_LAST, "columns", None)
    if last is None or last[0] is not doc or last[1] != len(doc):
        last = _LAST.columns = (doc, len(doc), {})
    found = last[2].get(attr)
    if found is None:
        found = last[2][attr] = doc.to_array(IDS[attr]).tolist()
    return found


# The columns read of the last document, for each thread that reads.
_LAST = threading.local()
_IDS: dict[tuple[int, object], frozenset[int]] = {}


def _string_ids(strings: Any, values: "frozenset[str] | tuple[str, ...]") -> frozenset[int]:
    key = (id(strings), values)
    ids = _IDS.get(key)
    if ids is None:
        ids = _IDS[key] = frozenset(strings.add(v) for v in values)
    return ids


def _main_country(countries: Iterable[str]) -> str | None:
    ranked = Counter(countries).most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def _country_before(doc: "Doc", i: int, gaz: Gazetteer) -> tuple[int, str | None]:
    """"Russian", "U.S.", "United States" or "Russia's"/"Moscow's" just before word ``i``."""
    end = i
    if end > 0 and doc[end - 1].text in _POSSESSIVES:
        end -= 1
    for size in range(min(3, end), 0, -1):
        words = doc[end - size:end]
        if not words[0].text[:1].isupper() or words[0].lower_ == "the":
            continue
        country = gaz.country_of_adjective(words.text)
        entry = gaz.lookup(words.text)
        if country is None and entry is not None and entry.capital_of:
            country = entry.capital_of  # "Moscow's Foreign Ministry"
        if country and _is_country(country, gaz):
            return end - size, country
    return i, None


def _country_modifier(head: "Token", gaz: Gazetteer) -> str | None:
    for child in head.lefts:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.text[:1].isupper():
            country = gaz.country_of_adjective(child.text)
            if country and _is_country(country, gaz):
                return country
    return None


def _country_after(doc: "Doc", end: int, gaz: Gazetteer, links: Iterable[str] = _AFTER) -> str | None:
    if end + 1 >= len(doc) or doc[end].lower_ not in links:
        return None
    start = end + 1 + (doc[end + 1].lower_ == "the")
    for size in (3, 2, 1):
        if start + size > len(doc):
            continue
        entry = gaz.lookup(doc[start:start + size].text)
        if entry is not None and (entry.kind == "country" or entry.capital_of):
            return entry.capital_of or entry.name
    return None


def _capital(words: "Span", gaz: Gazetteer) -> bool:
    """Whether the words before a phrase name a capital ("Dublin", "Moscow's")."""
    text = words.text
    for mark in _POSSESSIVES:
        text = text.removesuffix(mark).strip()
    entry = gaz.lookup(text)
    return entry is not None and bool(entry.capital_of)


def _another_body(head: "Token", qualifiers: frozenset[str]) -> bool:
    """"the Communist party leadership", "Chinese local authorities": a word in lower case
    before the phrase that ``qualifiers`` does not list says which other body is meant."""
    return any(c.dep_ in _MODIFIER_DEPS and not c.text[:1].isupper() and c.lower_ not in qualifiers
               for c in head.lefts)


def _is_country(name: str, gaz: Gazetteer) -> bool:
    entry = gaz.lookup(name)
    return entry is not None and entry.kind == "country"


def _name(institution: Institution, country: str, phrase: "Span", table: Institutions) -> str:
    own = dict(institution.national).get(country)
    if own:
        return own
    portfolio = institution.portfolio or ""
    if institution.keep_wording:
        # The phrase's own portfolio words: "Labor" in "the Labor Department".
        skip = {"ministry", "department", "of", "the", "for"}
        portfolio = " ".join(t.text[:1].upper() + t.text[1:] for t in phrase if t.lower_ not in skip)
    adjective = table.adjectives.get(country, country)
    return institution.template.format(adjective=adjective, country=with_article(country), portfolio=portfolio,
                                       country_name=country)
