"""Page chrome inside the lines of scraped text, cut out with its offsets kept.

Scrapers run the page around a story into the story's lines: a headline, a
byline and a dateline with a clock time on the first line, photo credits and
captions before a sentence, wire credits and promotions after the last one,
bullet highlights on one line. The whole-line rules of ``clean`` cannot see
them; the rules here (``timeline/data/page_chrome.yaml``) find them inside a
line, and a line is cut into the pieces that remain, each read as a
paragraph of its own so that list items and fragments are never one sentence.
Every cut is kept as a ``Removal`` naming its rule, for ``check --explain``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from timeline.data import load_data
from timeline.sources.casefold import folded
from timeline.sources.glue import SENTENCE_END, balanced, glue_cuts
from timeline.sources.spans import Mapped

HEADING = "headline before the page header"
GLUED = "headline or caption run into a sentence"
CAPTION = "photo caption"
HIGHLIGHTS = "highlights"

_MARKS = frozenset("*•·▪‣◦")
_PAIR = re.compile(r"(?=\b([A-Z][a-z]+ [A-Z][a-z]+)\b)")  # two capitalised words, overlapping pairs too
_INSIDE = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")  # a capitalised word after a lower-case one


@dataclass(frozen=True)
class Removal:
    """Text taken out of an article body, and the rule that took it (``src``: its file offset)."""

    src: int
    text: str
    rule: str


@dataclass(frozen=True)
class ChromeRule:
    name: str
    pattern: re.Pattern[str]
    at: str = "anywhere"  # start or anywhere
    cut: str = "span"  # span or rest
    header: bool = False
    heading: bool = False
    min_lines: int = 1
    words: tuple[str, ...] = ()

    @classmethod
    def read(cls, entry: dict[str, Any]) -> ChromeRule:
        unknown = set(entry) - {"name", "pattern", "at", "cut", "header", "heading", "min_lines", "words"}
        if unknown or entry.get("at", "anywhere") not in ("start", "anywhere") or \
                entry.get("cut", "span") not in ("span", "rest"):
            raise ValueError(f"page chrome rule {entry.get('name')!r}: unknown keys or values: {entry!r}")
        return cls(str(entry["name"]), re.compile(entry["pattern"]), entry.get("at", "anywhere"),
                   entry.get("cut", "span"), bool(entry.get("header")), bool(entry.get("heading")),
                   int(entry.get("min_lines", 1)), tuple(str(w) for w in entry.get("words") or ()))

    def starts(self, text: str) -> bool:
        """Whether the rule matches at the start of ``text`` and leaves words after it."""
        match = self.pattern.match(text)
        return match is not None and len(text[match.end():].split()) >= 4

    def may_match(self, lowered: str) -> bool:
        return not self.words or any(word in lowered for word in self.words)


@dataclass(frozen=True)
class ChromeVocabulary:
    rules: tuple[ChromeRule, ...]
    inline_bullets: re.Pattern[str]
    highlights_label: re.Pattern[str]
    highlights_lines: int
    highlights_words: int
    caption: re.Pattern[str]
    caption_characters: int
    openers: frozenset[str]
    openers_after_lower: frozenset[str]
    persons: frozenset[str]
    clause_verbs: frozenset[str]
    openers_after_quote: frozenset[str]
    date_fragment: re.Pattern[str]
    never_final: frozenset[str]
    fragment_words: tuple[int, int]
    sentence_words: int
    run_on: tuple[int, int, int]  # a run-on opening: words at least; fragment and sentence words at least
    run_on_places: frozenset[str]  # words before a one-word name a caption may end on ("on Monday")
    run_on_phrase: frozenset[str]  # determiners: the word after one awaits its noun, no caption ends there
    run_on_credit: int  # a comma among this many first words is a credit's ("Reuters, Lisbon"), not a clause's
    retold: tuple[int, int, float, int]  # a headline told again: its words fewest, most; share; sentence words
    renamed: tuple[int, int, int]  # a headline's name named again: the words it opens within; words before it
    # comes back; the fragment's words at most
    links: frozenset[str]  # words that carry a clause on past a name: no headline holds them
    capitals: tuple[int, int]  # a headline in capitals: its words at least, letters of its longest at least
    articles: frozenset[str]  # articles opening a name after a headline
    subject_words: int  # words at most between an article and its verb, opening a sentence after a caption
    subject_verbs: frozenset[str]
    subject_adverbs: frozenset[str]  # words opening an adverbial, not a caption, before an article's subject
    months: frozenset[str]  # after a number, a date's month: no sentence opens there
    title_case_words: int  # a title-case headline's words at least
    title_small: frozenset[str]  # the short words a title-case headline leaves in lower case
    letter_names: frozenset[str]  # words a letter names something after ("Group A", "Influenza A")
    subject_through: frozenset[str]  # prepositions a subject holds before a name ("a judge in Los Angeles has")
    fact_box: tuple[int, int, int]  # a fact box: its labels at least; words read for them; a label's words at most
    not_labels: frozenset[str]  # words no fact box's label holds: "Mr Keel said:" opens a quotation


@lru_cache(maxsize=1)
def chrome_vocabulary() -> ChromeVocabulary:
    """``data/page_chrome.yaml``, compiled once."""
    raw: dict[str, Any] = load_data("page_chrome.yaml")
    glue = raw["glue"]
    low, high = glue["fragment_words"]
    return ChromeVocabulary(
        rules=tuple(ChromeRule.read(entry) for entry in raw["rules"]),
        inline_bullets=re.compile(raw["inline_bullets"]),
        highlights_label=re.compile(raw["highlights"]["label"]),
        highlights_lines=int(raw["highlights"]["max_lines"]),
        highlights_words=int(raw["highlights"]["max_words"]),
        caption=re.compile(raw["caption"]["pattern"]),
        caption_characters=int(raw["caption"]["max_characters"]),
        openers=frozenset(glue["openers"]),
        openers_after_lower=frozenset(glue["openers_after_lower"]),
        persons=frozenset(glue["persons"]),
        clause_verbs=frozenset(glue["clause_verbs"]),
        openers_after_quote=frozenset(glue["openers_after_quote"]),
        date_fragment=re.compile(glue["date_fragment"]),
        never_final=frozenset(str(w) for w in glue["never_final"]),
        fragment_words=(int(low), int(high)),
        sentence_words=int(glue["sentence_words"]),
        run_on=(int(glue["run_on"]["words"]), int(glue["run_on"]["fragment_words"]),
                int(glue["run_on"]["sentence_words"])),
        run_on_places=frozenset(str(w) for w in glue["run_on"]["after"]),
        run_on_phrase=frozenset(str(w) for w in glue["run_on"]["phrase"]),
        run_on_credit=int(glue["run_on"]["credit_words"]),
        retold=(int(glue["retold"]["fragment_words"][0]), int(glue["retold"]["fragment_words"][1]),
                float(glue["retold"]["share"]), int(glue["retold"]["sentence_words"])),
        renamed=(int(glue["renamed"]["opening"]), int(glue["renamed"]["window"]), int(glue["renamed"]["most"])),
        links=frozenset(str(w) for w in glue["renamed"]["links"]),
        capitals=(int(glue["capitals"]["words"]), int(glue["capitals"]["letters"])),
        articles=frozenset(str(w) for w in glue["articles"]),
        subject_words=int(glue["subject"]["words"]),
        subject_verbs=frozenset(str(w) for w in glue["subject"]["verbs"]),
        subject_adverbs=frozenset(str(w) for w in glue["subject"]["adverbs"]),
        months=frozenset(str(w) for w in glue["months"]),
        title_case_words=int(glue["title_case"]["words"]),
        title_small=frozenset(str(w) for w in glue["title_case"]["small"]),
        letter_names=frozenset(str(w) for w in glue["subject"]["letter_names"]),
        subject_through=frozenset(str(w) for w in glue["subject"]["through"]),
        fact_box=(int(glue["fact_box"]["labels"]), int(glue["fact_box"]["words"]),
                  int(glue["fact_box"]["label_words"])),
        not_labels=frozenset(str(w) for w in glue["fact_box"]["not_labels"]),
    )


def opens_with_credit(text: str) -> bool:
    """A line that opens with a photo credit and goes on with the story: only the credit goes."""
    return any(rule.name == "photo credit" and rule.starts(text) for rule in chrome_vocabulary().rules)


@dataclass
class Cut:
    """What is left of a body's lines: each line as its pieces (None: dropped), what went, and a headline."""

    pieces: list[list[Mapped] | None]
    removed: list[Removal]
    heading: str | None = None


def cut_chrome(lines: list[Mapped | None], header: list[int]) -> Cut:
    """Cut the chrome out of the kept ``lines``; ``header`` are the indexes of the body's first lines."""
    vocab = chrome_vocabulary()
    texts = [line.text if line else "" for line in lines]
    lowered = [folded(t) for t in texts]
    active = _active_rules(vocab, texts, lowered)
    common = _lower_case_words(texts)
    pairs = _name_pairs(texts)
    first = next((i for i, line in enumerate(lines) if line), None)
    cut = Cut([], [])
    highlights = _highlights(texts, header, vocab)
    for i, line in enumerate(lines):
        if line and i in highlights:
            cut.removed.append(Removal(line.src, line.text, HIGHLIGHTS))
            line = None
        if not line:
            cut.pieces.append(None)
            continue
        in_header = i in header
        rules = [r for r in active if in_header or not r.header]
        spans = _chrome_spans(texts[i], lowered[i], rules)
        pieces: list[Mapped] = []
        pos = 0
        for start, end, rule in spans:
            if start > pos:
                pieces.extend(_items(line.slice(pos, start), vocab, in_header, cut))
            removed = line.slice(start, end).strip()
            if removed:
                cut.removed.append(Removal(removed.src, removed.text, rule))
                if rule == HEADING and i == first and cut.heading is None:
                    cut.heading = removed.text
            pos = max(pos, end)
        if pos < len(line):
            pieces.extend(_items(line.slice(pos), vocab, in_header, cut))
        kept: list[Mapped] = []
        for n, piece in enumerate(pieces):
            cuts = glue_cuts(piece.text, vocab, common, pairs)
            rest = piece.slice(cuts[-1]) if cuts else piece
            if cuts:
                fragment = piece.slice(0, cuts[-1]).strip()
                cut.removed.append(Removal(fragment.src, fragment.text, GLUED))
                if i == first and n == 0 and not spans and cut.heading is None:
                    cut.heading = piece.text[:cuts[0]].strip()  # a headline, before any caption
            if rest and len(rest) <= vocab.caption_characters and vocab.caption.search(rest.text):
                cut.removed.append(Removal(rest.src, rest.text, CAPTION))
            elif rest:
                kept.append(rest)
        cut.pieces.append(kept or None)
    return cut


def _highlights(texts: list[str], header: list[int], vocab: ChromeVocabulary) -> set[int]:
    """The lines of a highlights block in the header: its label and the short lines after it
    that end without a full stop."""
    label = next((i for i in header if vocab.highlights_label.match(texts[i])), None)
    if label is None:
        return set()
    block = {label}
    for i in range(label + 1, min(len(texts), label + 1 + vocab.highlights_lines)):
        text = texts[i]
        if not text:
            continue
        if SENTENCE_END.search(text) or len(text.split()) > vocab.highlights_words:
            break
        block.add(i)
    return block


def _active_rules(vocab: ChromeVocabulary, texts: list[str], lowered: list[str]) -> list[ChromeRule]:
    """The rules that apply to this body: one that asks for several lines must open that many."""
    active = []
    for rule in vocab.rules:
        if rule.min_lines > 1:
            hits = sum(1 for t, low in zip(texts, lowered) if t and rule.may_match(low) and rule.pattern.match(t))
            if hits < rule.min_lines:
                continue
        active.append(rule)
    return active


def _lower_case_words(texts: list[str]) -> frozenset[str]:
    """Words the article writes in lower case and never capitalised inside a sentence: a capitalised
    one of them is a common word opening a sentence, not a name ("Yahoo mail", "yahoo")."""
    lower = {word for text in texts for word in re.findall(r"\b[a-z]{3,}\b", text)}
    inside = Counter(word.lower() for text in texts for word in _INSIDE.findall(text))
    return frozenset(word for word in lower if inside[word] <= 1)


def _name_pairs(texts: list[str]) -> frozenset[str]:
    """Names of two capitalised words the article writes more than once ("Los Angeles"): no
    sentence opens between their words."""
    counted = Counter(pair for text in texts for pair in _PAIR.findall(text))
    return frozenset(pair for pair, n in counted.items() if n > 1)


def _chrome_spans(text: str, lowered: str, rules: list[ChromeRule]) -> list[tuple[int, int, str]]:
    """The stretches of one line that are chrome, in order and not overlapping, with their rule."""
    spans: list[tuple[int, int, str]] = []
    pos = len(text) - len(text.lstrip())
    found = True
    while found:  # rules anchored at the start, again after each removal
        found = False
        for rule in rules:
            if rule.at != "start" or not rule.may_match(lowered):
                continue
            match = rule.pattern.match(text, pos)
            if match and match.end() > pos:
                spans.append((pos, match.end(), rule.name))
                pos = match.end()
                pos += len(text[pos:]) - len(text[pos:].lstrip())
                found = True
    header_at = len(text)  # where the earliest page header on the line starts
    for rule in rules:
        if rule.at != "anywhere" or not rule.may_match(lowered):
            continue
        for match in rule.pattern.finditer(text, pos):
            if match.end() == match.start():
                continue
            if rule.heading:
                header_at = min(header_at, match.start())
            spans.append((match.start(), len(text) if rule.cut == "rest" else match.end(), rule.name))
    before = text[pos:header_at]
    if header_at < len(text) and before.strip() and _fragment(before):
        spans.append((pos, header_at, HEADING))
    return _merged(spans)


def _fragment(text: str) -> bool:
    """Short, whole and without a sentence end or list: a headline, not a story's sentence."""
    words = text.split()
    return 0 < len(words) <= 30 and balanced(text) and \
        not any((SENTENCE_END.search(w) and len(w) > 3) or w in _MARKS for w in words[:-1])


def _merged(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for start, end, rule in sorted(spans):
        if out and start < out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end, out[-1][2])
            continue
        out.append((start, end, rule))
    return out


def _items(piece: Mapped, vocab: ChromeVocabulary, in_header: bool, cut: Cut) -> list[Mapped]:
    """A piece cut at its inline bullet marks; in the header, bullet items are highlights and go."""
    text = piece.text
    marks = list(vocab.inline_bullets.finditer(text))
    if not marks:
        return [piece.strip()] if text.strip() else []
    bounds = [0, *(m.start() for m in marks), len(text)]
    items = []
    for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
        item = piece.slice(a, b).strip()
        if n > 0:
            item = item.slice(len(item.text) - len(item.text[1:].lstrip())).strip()  # the mark
        if item:
            items.append(item)
    if in_header:
        for item in items:
            cut.removed.append(Removal(item.src, item.text, HIGHLIGHTS))
        return []
    return items
