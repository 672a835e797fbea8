"""Titles around a person's name, read as roles: "Russian President Vladimir
Putin" → President of Russia; "Jake Sullivan, the US national security
adviser" → National Security Adviser of the United States."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.actors.gazetteer import Gazetteer
from timeline.extract.actors.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
    folded = tuple(fold(t.text) for t in tokens[start:start + max(gaz.title_max, 2)])
    for size in range(min(gaz.title_max, len(tokens) - start), 0, -1):  # longest first
        if folded[:size] in gaz.title_keys:
            return size
    for size in (2, 1):  # "Home Affairs Minister", "Italy's transport minister"
        words = folded[:size]
        head = tokens[start + size] if start + size < len(tokens) else None
        if len(words) == size and words in gaz.portfolios and head is not None \
                and fold(head.text) in gaz.portfolio_heads:
            return size + 1
    if start >= len(tokens) or not tokens[start].text[:1].isupper():
        return 0  # other composed titles are capitalised: "deputy" alone is a word
    if fold(tokens[start].text) in gaz.title_prefixes:  # "Deputy Foreign Minister"
        rest = _title_at(tokens, start + 1, gaz)
        return 1 + rest if rest else 0
    for size in (3, 2, 1):  # "Chief Economic Adviser", "Presidential Envoy": a run ending in an office word
        run = tokens[start:start + size]
        if len(run) == size and fold(run[-1].text) in gaz.office_words and all(_plain_word(t, gaz) for t in run):
            return size
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
    if found[0] and " of " not in found[0] and i > 1 and doc[i - 1].text == ")":
        return _bracketed_owner(found[0], doc, i - 1, gaz)
    if found[0]:
        return found
    return _apposition(person, gaz)


def _bracketed_owner(title: str, doc: "Doc", close: int, gaz: Gazetteer) -> tuple[str | None, str | None]:
    """"the Movement for Democratic Change (MDC) president Morgan Tsvangirai": the title is
    the body's named in the brackets before it, not the country's the article is about; a
    body the gazetteer does not know is named as the text has it."""
    opening = next((j for j in range(close - 1, max(close - MAX_WORDS, 0) - 1, -1) if doc[j].text == "("), None)
    if opening is None or opening + 1 == close:
        return None, None
    words = list(doc[opening + 1:close])
    before = doc[opening - 1] if opening > 0 else None
    if before is not None and before.ent_type_ == "ORG":  # the body's full name, before its abbreviation
        entity = next(e for e in doc.ents if e.start <= before.i < e.end)
        words = [t for t in doc[entity.start:opening] if t.lower_ != "the"]
    owner = _owner(words, gaz, whole=True)
    if owner is not None:
        return f"{title} of {owner[0]}", owner[1]
    return f"{title} of {' '.join(t.text for t in words)}", None


def _apposition(person: "Span", gaz: Gazetteer) -> tuple[str | None, str | None]:
    """The role an apposition gives: after the name ("Jens Stoltenberg, NATO's
    secretary general") or before it ("A senior Kremlin aide, Yuri Ushakov")."""
    root = person.root
    heads = [c for c in root.children if c.dep_ == "appos" and c.i >= person.end]
    if root.dep_ == "appos" and root.head.i < person.start:
        heads.append(root.head)
    for head in heads:
        words = _appositive_words(head, person)
        if not words or len(words) > 2 * MAX_WORDS or any(fold(t.text) in gaz.past_markers for t in words):
            continue  # "a former adviser": a role no longer held
        # A title after "of"/"to" is what the office serves ("adviser to the
        # Ukrainian president" is no president); one holding it is the office
        # itself ("chief of staff").
        link = next((k for k, t in enumerate(words) if _is_link(t)), len(words))
        found = _parse(words, gaz, latest=link)
        if found[0]:
            return found
        found = _described(words, gaz)
        if found[0]:
            return found
    return None, None


def _appositive_words(head: "Token", person: "Span") -> list["Token"]:
    """The apposition's words without articles, the person, or anything after
    its first comma or verb ("an adviser to the president, who said")."""
    doc = person.doc
    if head.i >= person.end:
        start, end = max(head.left_edge.i, person.end), head.right_edge.i + 1
    else:
        start, end = head.left_edge.i, min(head.right_edge.i + 1, person.start)
    words = []
    for tok in doc[start:end]:
        if tok.i > head.i and (tok.text == "," or tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("WDT", "WP")):
            break
        if tok.lower_ in ("the", "a", "an") or tok.is_punct and tok.text != "-":
            continue
        words.append(tok)
    return words


def _described(words: list["Token"], gaz: Gazetteer) -> tuple[str | None, str | None]:
    """An office noun with its owner: "senior Kremlin aide" → Kremlin aide;
    with what it serves: "adviser to the Ukrainian president" → Adviser to
    the President of Ukraine; "head of the IAEA" → Head of IAEA."""
    cut = next((k for k, t in enumerate(words) if _is_link(t)), len(words))
    left, right = words[:cut], words[cut + 1:]
    if not left:
        return None, None
    title, country = _parse(left, gaz)
    if title is None and fold(left[-1].text) in gaz.office_words:
        head = left[-1].text
        title = head[:1].upper() + head[1:]
    if title is None:
        return None, None
    if not right:
        owner = _owner(left[:-1], gaz)
        if country is not None or owner is None:
            return (title, country) if country else (None, None)  # "a spokesman" alone says too little
        kept = [t.text for t in left[:-1] if fold(t.text) not in gaz.vague_modifiers] + [left[-1].text]
        return " ".join(kept), owner[1]
    named = _owner(right, gaz, whole=True)
    if named is not None:  # "head of the IAEA", "ambassador to the United Nations"
        return f"{title} {words[cut].lower_} {named[0]}", country or named[1]
    served, served_country = _parse(right, gaz)
    if served is None or words[cut].lower_ != "to":
        return None, None
    return f"{title} to the {served}", country or served_country


def _is_link(token: "Token") -> bool:
    return token.lower_ in ("of", "to") and token.dep_ == "prep"


def _owner(words: list["Token"], gaz: Gazetteer, whole: bool = False) -> tuple[str, str | None] | None:
    """The country or organisation these words name (all of them when
    ``whole``, else any run of them): its name as a role says it, and its country."""
    runs = [words] if whole else [words[i:j] for i in range(len(words)) for j in range(len(words), i, -1)]
    for run in runs:
        text = " ".join(t.text for t in run)
        if not text:
            continue
        country = gaz.country_of_adjective(text)
        if country:
            return with_article(country), country
        entry = gaz.lookup(text)
        if entry is not None and entry.kind == "organisation":
            return entry.name, entry.country
    return None


def _parse(words: list["Token"], gaz: Gazetteer, latest: int | None = None) -> tuple[str | None, str | None]:
    """[country or organisation] + title, read from the end; the title
    starting at word ``latest`` at the latest."""
    for cut in range(len(words) if latest is None else min(latest + 1, len(words))):
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
