"""Common words read as names, and headline words run into a name.

A "person" whose every word the article also writes in lower case is a common
word capitalised at the start of a sentence ("Propofol"). And a scraped page
often glues its headline to the first sentence of the body, so the tagger reads
the headline's last words as part of the name that follows ("… Strain of
Financial Crisis Jonathan Gordon had to leave", "Stifling dissent Imprisonment
Sentences were handed down"). A capitalised word the article also writes in
lower case as a noun or a verb ("crisis", "criticized") is a common word
capitalised by the headline's style, not a word of a name:

- before a name of the same kind the article gives elsewhere on its own
  ("Jonathan Gordon", "Obama"), it goes and the name stays; not after an article ("the Business
  Travel Coalition … the Coalition"), and not to leave one word of an
  organisation's name;
- a name made only of such words, at the start of a sentence and nowhere else in
  the article, is no name at all ("Imprisonment Sentences");
- after a surname of a person the article names in full, such words, or a
  headline's verb, go ("Obama Outlines His Plans": Obama).

A name the gazetteer knows, or that the article writes the same way twice
("Federal Reserve … the Federal Reserve"), keeps every word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.actors.found import Found
from timeline.extract.actors.gazetteer import Gazetteer
from timeline.extract.actors.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc


def common_word(f: Found, lower: set[str], gaz: Gazetteer) -> bool:
    """"Propofol", "Propofol and Lorazepam": a "person" whose every capitalised
    word the article also writes in lower case is a common word, capitalised at
    the start of a sentence or in a headline. Only a single name, or words joined
    by "and" (of any kind): "Bill Gates" and "Federal Reserve" keep their words;
    "Mr Brown" is a person by address."""
    words = f.name.split()
    joined = len(words) > 1 and "and" in words
    if f.known or not (f.kind == "person" and len(words) == 1 or joined and f.kind in ("person", "organisation")):
        return False
    before = f.span.doc[f.span.start - 1] if f.span.start > 0 else None
    if before is not None and fold(before.text) in gaz.honorifics:
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    return bool(capitalised) and all(w.lower() in lower for w in capitalised)


def common_words(doc: "Doc") -> set[str]:
    """The nouns and verbs ``doc`` writes in lower case, as written and as their
    lemma ("criticized" also gives "criticize"). Adjectives are left out: a name
    may open with one ("Liberal Democrats", "National Transitional Council")."""
    out: set[str] = set()
    for token in doc:
        if token.is_lower and token.is_alpha and len(token) > 2 and token.pos_ in ("NOUN", "VERB"):
            out.add(token.text)
            out.add(token.lemma_.lower())
    return out


def without_run_in(found: list[Found], lower: set[str]) -> list[Found]:
    """``found`` with the headline words run into its names cut off, and the
    names made only of headline words dropped."""
    alone: dict[str, set[str]] = {}  # kind → the names the article gives of that kind
    for f in found:
        alone.setdefault(f.kind, set()).update((f.text, f.name))
    counts: dict[str, int] = {}
    for f in found:
        counts[f.text] = counts.get(f.text, 0) + 1
    out = []
    for f in found:
        if f.known or f.role is not None or f.kind not in ("person", "organisation") or counts[f.text] > 1:
            out.append(f)
            continue
        cut = _common_lead(f, lower)
        if cut == 0:
            tail = _common_tail(f, lower)
            if tail and f.kind == "person" and _surname_elsewhere(f.span[:-tail].text, alone.get("person", set())):
                f.span = f.span[:-tail]  # "Obama Outlines His Plans": a headline's verb after the name
                f.text = f.name = f.span.text
            out.append(f)
            continue
        if cut == len(f.span):
            if not _opens_sentence(f):
                out.append(f)
            continue  # "Imprisonment Sentences were handed down"
        rest = f.span[cut:]
        if _whole(f) or f.kind == "organisation" and len(rest) < 2:
            out.append(f)  # "the Business Travel Coalition", though the article also says "the Coalition"
            continue
        same = alone.get(f.kind, set())  # "Cricket South Africa" stays: South Africa is a country, no body
        if rest.text in same or _surname_elsewhere(rest.text, same):
            f.span, f.text = rest, rest.text
            if f.name.split()[:cut] == [t.text for t in f.span.doc[rest.start - cut:rest.start]]:
                f.name = " ".join(f.name.split()[cut:])
        out.append(f)
    return out


def _common_lead(f: Found, lower: set[str]) -> int:
    """How many of the name's first words are common words the article writes in lower case."""
    n = 0
    for token in f.span:
        if not (token.is_title and token.is_alpha and (token.lower_ in lower or token.lemma_.lower() in lower)):
            break
        n += 1
    return n


def _common_tail(f: Found, lower: set[str]) -> int:
    """How many of the name's last words are a headline's common words or verb ("Obama Outlines")."""
    n = 0
    for token in reversed(f.span[1:]):
        common = {token.lower_, token.lemma_.lower(), token.lower_[:-1]} & lower  # "Outlines": "outline"
        if not (token.is_title and token.is_alpha and (common or token.tag_ in ("VBZ", "VBD"))):
            break
        n += 1
    return n


def _whole(f: Found) -> bool:
    """A name after an article ("the Business Travel Coalition") is whole: a headline runs
    into a name with no article between."""
    span = f.span
    return span.start > 0 and span.doc[span.start - 1].lower_ in ("the", "a", "an")


def _opens_sentence(f: Found) -> bool:
    span = f.span
    return span.start == span.sent.start or span.doc[span.start - 1].is_punct


def _surname_elsewhere(rest: str, alone: set[str]) -> bool:
    """"Criticizes Obama" where the article names "Barack Obama": the rest is the
    last word of a name given elsewhere."""
    return " " not in rest and any(name.endswith(" " + rest) for name in alone)
