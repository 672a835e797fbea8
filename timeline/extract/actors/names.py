"""Spelling-insensitive keys for names, and safe slugs for actor pages."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from timeline.records import stable_hash

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-"})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_SPACES = re.compile(r"\s+")
# Word-final transliteration variants of Slavic names: Zelenskyy, Zelenskiy,
# Zelensky and Zelenskij are one person.
_TRANSLIT = re.compile(r"(?:yy|iy|ij|yi|ii)\b")
_SPACED_DASH = re.compile(r"(?<=\w) - (?=\w)")
_SPACED_APOSTROPHE = re.compile(r"\b([ODL])['’] (?=[A-Z])")
_POSSESSIVE_END = re.compile(r"\s*(?:['’]s|['’])$")
_APOSTROPHE_SPACED = re.compile(r"\b([OD]) ['’](?=[A-Z])")  # "Charles O 'Reilly"
_DOUBLE_PERIOD = re.compile(r"(?<=\w\.) \.(?= |$)")  # "King Jr. . Day": the abbreviation ends the sentence too
# A name of three words or more whose last word is written twice: a caption's name run into the
# next line's surname ("The accused: Morgan Tsvangirai Tsvangirai, 49"). Two-word names such as
# "Sirhan Sirhan" are left as written.
_REPEATED_LAST = re.compile(r"^(\S+(?: \S+)*) (\S{3,}) \2$")


def ascii_fold(text: str) -> str:
    """Drop diacritics ("Élysée" → "Elysee") and unify apostrophes and dashes."""
    if text.isascii():  # most names: nothing to decompose, no mark to drop
        return text.translate(_APOSTROPHES)
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)  # called for every token near a name: names repeat, folding does not need to
def fold(text: str) -> str:
    """Lookup key: case, diacritics, dots, possessive and a leading "the" ignored.

    "U.S." and "US", "the Kremlin" and "Kremlin", "Macron's" and "Macron"
    share a key.
    """
    key = _SPACES.sub(" ", ascii_fold(text).casefold().replace(".", "")).strip()
    key = _POSSESSIVE.sub("", key).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


# A full stop after a whole word ends the sentence, not an abbreviation ("the Aids Project."; "Co.", "Jr." stay).
_SENTENCE_STOP = re.compile(r"(?<=[a-z]{4})\.$")
# Marks a name never ends on: the debris of a wrongly decoded quote or dash ("Pakistan†").
_STRAY_START = re.compile(r"^[-–—•·*|:;,]+\s*")  # "– Tsvangirai", "-Mugabe": a dash or bullet before the name
_STRAY_END = re.compile(r"(?<=\w)[^\w\s.)\]'’!?&+-]+$")


@lru_cache(maxsize=1 << 14)
def name_key(text: str) -> str:
    """Looser key for people: ``fold`` plus transliteration variants."""
    return _TRANSLIT.sub("y", fold(text))


@lru_cache(maxsize=1 << 14)  # every entity is cleaned twice, and names repeat
def clean_surface(text: str) -> str:
    """A name as written, without a possessive ending or surrounding space."""
    text = _SPACES.sub(" ", text).strip()
    text = _STRAY_START.sub("", text) or text
    text = _SPACED_DASH.sub("-", text)  # "Wal - Mart" in pre-tokenised text
    text = _SPACED_APOSTROPHE.sub(r"\1'", text)  # "O' Leary" → "O'Leary"
    text = _APOSTROPHE_SPACED.sub(r"\1'", text)
    text = _DOUBLE_PERIOD.sub("", text)
    text = _POSSESSIVE_END.sub("", text)
    text = _REPEATED_LAST.sub(r"\1 \2", text.strip())
    return _SENTENCE_STOP.sub("", _STRAY_END.sub("", text))


def actor_slug(name: str) -> str:
    """A file- and URL-safe slug: ASCII letters, digits and dashes only.

    Never empty, never a path ("../x" → "x"), at most 80 characters; names
    without a single letter or digit get a slug from their hash.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(name).lower()).strip("-")[:80].strip("-")
    return slug or f"actor-{stable_hash(name, length=8)}"


def is_unsafe_name(name: str) -> bool:
    """Names that look like paths or markup, or hold control characters."""
    return bool(re.search(r"[<>/\\{}\x00-\x1f\x7f]|\.\.", name)) or not name.strip()
