"""Titles around a person's name, read as roles: "Russian President Vladimir
Putin" → President of Russia; "Jake Sullivan, the US national security
adviser" → National Security Adviser of the United States."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .gazetteer import Gazetteer
from .names import fold

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_WORDS = 6  # a title with its country rarely runs longer: "US Deputy Secretary of State"


def title_length(tokens: list["Token"], gaz: Gazetteer) -> int:
    """How many leading tokens of ``tokens`` are honorifics or a title."""
    n = 0
    while n < len(tokens):
        if fold(tokens[n].text) in gaz.honorifics:
            n += 1
            continue
        step = _title_at(tokens, n, gaz)
        if not step:
            break
        n += step
    return n


def _title_at(tokens: list["Token"], start: int, gaz: Gazetteer) -> int:
    for size in range(min(gaz.title_max, len(tokens) - start), 0, -1):  # longest first
        if tuple(fold(t.text) for t in tokens[start:start + size]) in gaz.title_keys:
            return size
    if start >= len(tokens) or not tokens[start].text[:1].isupper():
        return 0  # composed titles are capitalised: "deputy" alone is a word
    if fold(tokens[start].text) in gaz.title_prefixes:  # "Deputy Foreign Minister"
        rest = _title_at(tokens, start + 1, gaz)
        return 1 + rest if rest else 0
    for size in (3, 2, 1):  # "Chief Economic Adviser", "Presidential Envoy": a run ending in an office word
        run = tokens[start:start + size]
        if len(run) == size and fold(run[-1].text) in gaz.office_words and all(_plain_word(t, gaz) for t in run):
            return size
    for size in (2, 1):  # "Home Affairs Minister", "Transport Secretary"
        words = tuple(fold(t.text) for t in tokens[start:start + size])
        head = tokens[start + size] if start + size < len(tokens) else None
        if len(words) == size and words in gaz.portfolios and head is not None \
                and fold(head.text) in gaz.portfolio_heads:
            return size + 1
    return 0


def _plain_word(token: "Token", gaz: Gazetteer) -> bool:
    """A capitalised word that names nothing of its own: no country, people or known actor."""
    return token.is_alpha and token.text[:1].isupper() and not token.ent_type_ \
        and gaz.country_of_adjective(token.text) is None and gaz.lookup(token.text) is None


def role_of(person: "Span", gaz: Gazetteer, lead: int = 0) -> tuple[str | None, str | None]:
    """The role and its country for a person span, from the words before it
    (``lead`` tokens of the span itself being a title) or an apposition."""
    doc = person.doc
    start = person.start + lead
    i = person.start
    while i > 0 and person.start - i < MAX_WORDS:
        tok = doc[i - 1]
        if (tok.is_punct and tok.text != "-") or tok.is_space or tok.lower_ in ("the", "a", "an") \
                or tok.ent_type_ == "PERSON":
            break
        i -= 1
    found = _parse(list(doc[i:start]), gaz)
    if found[0]:
        return found
    for child in person.root.children:
        if child.dep_ == "appos" and child.i >= person.end:
            words = [t for t in child.subtree if not t.is_punct and t.lower_ not in ("the", "a", "an")]
            if words and words[-1].i == child.i:
                found = _parse(words[:MAX_WORDS + 1], gaz)
                if found[0]:
                    return found
    return None, None


def _parse(words: list["Token"], gaz: Gazetteer) -> tuple[str | None, str | None]:
    """[country or organisation] + title, read from the end."""
    for cut in range(len(words)):
        tail = words[cut:]
        title = _title_text(tail, gaz)
        if title is None:
            continue
        head = words[:cut]
        for size in range(min(3, len(head)), 0, -1):
            words_before = " ".join(t.text for t in head[-size:])
            country = gaz.country_of_adjective(words_before)
            if country:
                return f"{title} of {with_article(country)}", country
            entry = gaz.lookup(words_before)
            if entry and entry.kind == "organisation":
                return f"{title} of {entry.name}", entry.country
        return title, None
    return None, None


def _title_text(tokens: list["Token"], gaz: Gazetteer) -> str | None:
    title = gaz.title_keys.get(tuple(fold(t.text) for t in tokens))
    if title:
        return title
    if tokens and _title_at(tokens, 0, gaz) == len(tokens):  # a composed title, as written
        return " ".join(t.text[:1].upper() + t.text[1:] for t in tokens)
    return None


def with_article(country: str) -> str:
    """"the United States", "the Netherlands", but "Russia"."""
    first = country.split()[0]
    if first in ("United", "Republic", "Kingdom", "Czech", "Central", "Dominican") or country.endswith(
        ("Islands", "lands", "pines", "Bahamas", "Emirates", "Maldives", "Comoros", "Seychelles")
    ):
        return "the " + country
    return country
