"""Fragments a scraper ran into a sentence: a headline, a caption or a list item before a
story's sentence on one line, with no sentence end between them. ``glue_cuts`` finds where
each fragment ends and the sentence begins, by the cues of ``page_chrome.yaml``'s ``glue``
(words a fragment never ends on, words that open a sentence, a headline the sentence tells
again, a first sentence far longer than a story's); ``timeline.sources.chrome`` cuts there.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from timeline.sources.spans import Mapped

if TYPE_CHECKING:
    from timeline.sources.chrome import ChromeVocabulary

# Where a sentence ends inside a fragment: then it is not a fragment.
SENTENCE_END = re.compile(r"[.!?][\"')]*$")
_WORD = re.compile(r"\S+")


def balanced(text: str) -> bool:
    """No quotation or bracket left open: a cut there would fall inside it."""
    return text.count('"') % 2 == 0 and text.count("(") == text.count(")")


def split_glued(piece: Mapped, vocab: "ChromeVocabulary", common: frozenset[str]) -> tuple[Mapped | None, Mapped]:
    """A headline, caption or list item run into the sentence after it, and the sentence.

    ``common``: the words the article writes in lower case. Returns (None,
    piece) when the piece opens with its own sentence.
    """
    cuts = glue_cuts(piece.text, vocab, common)
    if not cuts:
        return None, piece
    return piece.slice(0, cuts[-1]).strip(), piece.slice(cuts[-1])


def glue_cuts(text: str, vocab: "ChromeVocabulary", common: frozenset[str]) -> list[int]:
    """Where fragments run into each other and into the sentence that ends ``text``: the last
    is where the sentence begins, the first where the opening fragment (a headline) ends."""
    if not SENTENCE_END.search(text.rstrip()):
        return []
    words = list(_WORD.finditer(text))
    low, high = vocab.fragment_words
    cuts = []
    for k in range(1, min(len(words) - vocab.sentence_words, high + 1)):
        before, word = words[k - 1].group(), words[k].group()
        if SENTENCE_END.search(before):
            break
        if k < low or not _may_end(before, vocab):
            continue
        opens = _opens(before, word, words[k + 1].group(), vocab, common)
        if opens == "listed" or (opens == "common" and (_plain([w.group() for w in words[:k]], vocab) or
                                                        vocab.caption.search(text[:words[k].start()]))):
            cuts.append(words[k].start())
    while cuts and (not balanced(text[:cuts[-1]]) or vocab.date_fragment.match(text[:cuts[-1]].strip())):
        cuts.pop()
    if not cuts:
        retold = _retold_cut(words, vocab)
        cuts = [retold] if retold is not None and balanced(text[:retold]) else []
    later = _run_on_cut(words, vocab)
    if later is not None and balanced(text[:later]) and (not cuts or later > cuts[-1]):
        cuts.append(later)
    return cuts


def _retold_cut(words: list[re.Match[str]], vocab: "ChromeVocabulary") -> int | None:
    """Where a headline ends that the sentence after it tells again ("Doctor found guilty The
    singer's doctor has been found guilty of ..."): the first name or capitalised word after a
    word a fragment may end on, when most words of the fragment before it recur in the sentence."""
    least, most, share, sentence = vocab.retold
    end = _first_end(words)
    for k in range(least, min(most, end + 1 - sentence) + 1):
        before, word = words[k - 1].group(), words[k].group()
        if not _capital_after_end(before, word, vocab) or before[:1].isupper():
            continue
        told = [w for w in (_bare(m.group()) for m in words[:k]) if len(w) > 2 and w not in vocab.never_final]
        rest = {_bare(m.group()) for m in words[k:end + 1]}
        if len(told) >= 2 and sum(w in rest for w in told) >= share * len(told):
            return words[k].start()
    return None


def _bare(word: str) -> str:
    return word.strip("\"'`()[]:;,.!?").lower().removesuffix("'s")


def _run_on_cut(words: list[re.Match[str]], vocab: "ChromeVocabulary") -> int | None:
    """Where the sentence begins in a first sentence far longer than a story's sentences
    ("Star to miss concert Star said she would find it difficult Star will not attend ..."):
    at the last name that opens after a word a fragment may end on (a one-word name after "on" or
    "in" among them) and goes on in lower case,
    leaving a headline or caption before it and a sentence after it. None when it is not so long."""
    least, fragment, sentence = vocab.run_on
    end = _first_end(words)
    if end + 1 < least:
        return None
    for k in range(end + 1 - sentence, fragment - 1, -1):
        before, word = words[k - 1].group(), words[k].group()
        if not _capital_after_end(before, word, vocab):
            continue
        if before[:1].isupper() and words[k - 2].group() not in vocab.run_on_places:
            continue  # inside a name, unless the name is one word after "on", "in" ("on Monday", "in Leeds")
        run = k
        while run <= end and words[run].group()[:1].isupper():
            run += 1
        if run <= end and run - k <= 4 and words[run].group()[:1].islower():
            return words[k].start()
    return None


def _first_end(words: list[re.Match[str]]) -> int:
    """The index of the word that ends the first sentence, else of the last word."""
    return next((k for k, w in enumerate(words) if SENTENCE_END.search(w.group())), len(words) - 1)


def _capital_after_end(before: str, word: str, vocab: "ChromeVocabulary") -> bool:
    """A capitalised word after a word a fragment may end on: where a sentence may begin."""
    return word[:1].isupper() and word.isalpha() and _may_end(before, vocab)


def _may_end(word: str, vocab: "ChromeVocabulary") -> bool:
    bare = word.strip("\"'()")
    return bool(bare) and bare[-1] not in ",;:" and (bare[-1].islower() or bare[-1].isdigit() or
                                                    word[-1] in "\"')") and bare.lower() not in vocab.never_final


def _opens(before: str, word: str, following: str, vocab: "ChromeVocabulary", common: frozenset[str]) -> str | None:
    """Whether ``word`` opens a sentence: "listed" (a word of the lists), "common" (a common word
    after a lower-case one: after a capitalised word it more likely continues a name, "Mexico City"),
    or None."""
    if word in vocab.openers_after_quote and before[-1:] in "\"'" and following[:1].isupper():
        return "listed"
    if not word[:1].isupper() or not word.isalpha() or not (following[:1].islower() or following[:1].isdigit()):
        return None
    if word in vocab.openers:
        return "listed"
    after_lower = before[:1].islower() or before[:1] in "\"'"
    if word in vocab.openers_after_lower:
        return "listed" if after_lower else None
    return "common" if word.lower() in common and after_lower and following[:1].islower() else None


def _plain(fragment: list[str], vocab: "ChromeVocabulary") -> bool:
    """A plain headline: no comma, no first or second person, no clause verb, not ending on a word
    asking for more."""
    last = fragment[-1]
    asks_more = last.endswith(("ing", "'s", "s'"))
    return not asks_more and not any(
        w.endswith((",", ";", ":")) or w in vocab.persons or w in vocab.clause_verbs for w in fragment)
