"""Clean an article body: keep the story, drop the page around it, keep the offsets.

The vocabularies (tail markers, bylines, datelines, captions, artefacts,
character forms) live in ``timeline/data/article_cleaning.yaml``; this module
only applies them, line by line, to a ``Mapped`` text so that every kept
character can still be traced back to the file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from timeline.data import load_data
from timeline.sources.chrome import Removal, cut_chrome, opens_with_credit
from timeline.sources.line_patterns import LinePatterns
from timeline.sources.spans import Mapped, Piece, join

# The first few lines are where bylines and datelines sit; further down the
# same shapes are ordinary text.
HEADER_LINES = 4
# A dateline that a headline or a share prompt runs into starts this close to the line's start.
RUN_IN_WORDS = 25
RUN_IN_CHARS = 240


@dataclass(frozen=True)
class DatelineDate:
    """A date read from a dateline; ``year`` is None when the dateline omits it."""

    year: int | None
    month: int
    day: int
    line: int  # 0-based line of the body it was read on


@dataclass(frozen=True)
class Cleaned:
    text: str
    offsets: tuple[tuple[int, int], ...]
    author: str | None = None  # from a byline, when there was one
    dateline: DatelineDate | None = None
    tail_line: int | None = None  # 0-based body line where dropped page furniture began
    dropped_lines: int = 0
    removed: tuple[Removal, ...] = ()  # what was taken out as page chrome, and by which rule
    heading: str | None = None  # a headline the scraper ran into the body's first line
    tokenised: bool = False  # the body showed the marks of tokenisation and was joined back


@dataclass(frozen=True)
class Vocabulary:
    tail: LinePatterns
    comments: LinePatterns  # the stamp that opens a reader's comment: the page is theirs from there
    drop: LinePatterns
    captions: LinePatterns
    links: LinePatterns
    list_item: re.Pattern[str]
    bylines: tuple[re.Pattern[str], ...]
    dateline_lines: tuple[re.Pattern[str], ...]
    dateline_prefixes: tuple[re.Pattern[str], ...]
    dateline_within: tuple[re.Pattern[str], ...]
    months: dict[str, int]
    artefacts: re.Pattern[str]
    artefact_map: dict[str, str]
    detokenise: tuple[re.Pattern[str], ...]
    sure_hyphen: re.Pattern[str]  # a spaced hyphen that can only be a tokenised one
    spaced_hyphen: re.Pattern[str]  # a spaced hyphen to join, in a text that has sure ones
    min_sure_hyphens: int
    doubled_hyphens: re.Pattern[str]  # a word said twice around a short one: "face - to - face"
    characters: dict[int, str]
    invisible: re.Pattern[str]
    english_markers: frozenset[str]
    english_marker_share: float


def raw_vocabulary() -> dict[str, Any]:
    """``data/article_cleaning.yaml`` as written, read once."""
    data: dict[str, Any] = load_data("article_cleaning.yaml")
    return data


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The cleaning vocabulary, compiled once."""
    raw = raw_vocabulary()
    artefacts = raw["token_artefacts"]
    return Vocabulary(
        tail=LinePatterns(raw["tail_markers"]),
        comments=LinePatterns(raw.get("comment_stamps") or []),
        drop=LinePatterns(raw["drop_lines"]),
        captions=LinePatterns(raw["captions"]),
        links=LinePatterns(raw["link_lines"]),
        list_item=re.compile(raw["list_item"]),
        bylines=tuple(re.compile(p) for p in raw["bylines"]),
        dateline_lines=tuple(re.compile(p) for p in raw["dateline_lines"]),
        dateline_prefixes=tuple(re.compile(p) for p in raw["dateline_prefixes"]),
        dateline_within=tuple(re.compile(p) for p in raw["dateline_within"]),
        months={str(k): int(v) for k, v in raw["months"].items()},
        artefacts=re.compile("|".join(re.escape(k) for k in sorted(artefacts, key=len, reverse=True))),
        artefact_map=dict(artefacts),
        detokenise=tuple(re.compile(p) for p in raw["detokenise"]),
        **_hyphen_patterns(raw["spaced_hyphens"]),
        characters={ord(k): v for k, v in raw["characters"].items()},
        invisible=re.compile("[" + re.escape(raw["invisible"]) + "]"),
        english_markers=frozenset(raw["english_markers"]),
        english_marker_share=float(raw["english_marker_share"]),
    )


def _hyphen_patterns(raw: dict[str, Any]) -> dict[str, Any]:
    prefixes, suffixes, never = (  # longest first, so that a word is matched whole
        "|".join(sorted(map(re.escape, raw[key]), key=len, reverse=True))
        for key in ("prefixes", "suffixes", "never_after"))
    return {
        "sure_hyphen": re.compile(rf"(?i:\b(?:{prefixes}) - \w|\w - (?:{suffixes})\b)"),
        "spaced_hyphen": re.compile(rf"(?<=[A-Za-z0-9]) - (?!(?i:{never})\b)(?=[A-Za-z0-9])"),
        "min_sure_hyphens": int(raw["min_sure"]),
        "doubled_hyphens": re.compile(r"\b([A-Za-z]+) - ((?i:" + "|".join(map(re.escape, raw["doubled_around"])) +
                                      r")) - \1\b"),
    }


def spaced_hyphens(body: str, vocab: Vocabulary) -> bool:
    """Whether the text's " - " between words are tokenised hyphens rather than dashes."""
    found = 0
    for _ in vocab.sure_hyphen.finditer(body):
        found += 1
        if found >= vocab.min_sure_hyphens:
            return True
    return False


# Marks of Penn Treebank tokenisation: only texts showing them are detokenised.
# A space before a comma or a line's closing full stop is one too: typed text has none.
_TOKENISED = re.compile(r"-[LR][RSC]B-|``|\w '(?:s|re|ve|ll|d|m)\b| n't\b|\w , \w|\w \.[ \t]*$", re.MULTILINE)


# The first two characters of a UTF-8 punctuation mark (E2 80 ..) read as Windows-1252, then
# spaces a tokeniser put in, then the third byte's character (or the replacement character).
_SPLIT_MOJIBAKE = re.compile("\u00e2\u20ac[ \t]+(?=[" + re.escape(
    bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore") + "\ufffd") + "])")

# The same with the third byte lost: of the marks E2 80 .. whose last byte Windows-1252 leaves
# undefined, only the closing double quotation mark (E2 80 9D) is common in news.
_LOST_QUOTE = re.compile("\u00e2\u20ac\ufffd")


def normalise_line(line: Mapped, vocab: Vocabulary, tokenised: bool, hyphens: bool = False) -> Mapped:
    """Unicode repair and normal forms for one line, offsets kept."""
    text = line.text
    if not text.isascii():
        if vocab.invisible.search(text):
            line = line.sub(vocab.invisible, "")
        if _SPLIT_MOJIBAKE.search(text):  # "Tonightâ€ ™ s": a tokeniser split the sequence ftfy mends
            line = line.sub(_SPLIT_MOJIBAKE, "\u00e2\u20ac")
        if _LOST_QUOTE.search(line.text):
            line = line.sub(_LOST_QUOTE, "\u201d")
        line = line.replace_all(fix_mojibake)
        line = line.translate(vocab.characters)
        if not unicodedata.is_normalized("NFC", line.text):
            line = line.replace_all(lambda t: unicodedata.normalize("NFC", t))
    elif "\t" in text:
        line = line.translate(vocab.characters)
    if tokenised:
        line = line.sub(vocab.artefacts, lambda m: vocab.artefact_map[m.group(0)])
        for pattern in vocab.detokenise:
            line = line.sub(pattern, r"\1")
    if " - " in line.text:
        line = line.sub(vocab.doubled_hyphens, r"\1-\2-\1")  # "face-to-face", in any text
    if hyphens:
        line = line.sub(vocab.spaced_hyphen, "-")
    return line


def normalise_title(title: str, tokenised: bool) -> str:
    """A headline read from a tokenised body's file, joined back like the body."""
    if not tokenised:
        return title
    return normalise_line(Mapped.of(title, 0), vocabulary(), True).strip().text


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Windows-1252 and the like, only where ftfy sees it.

    ``fix_encoding`` alone is used (not ``fix_text``): it repairs encodings and
    leaves everything else, so correct text is returned unchanged.
    """
    import ftfy
    from ftfy.badness import is_bad

    return ftfy.fix_encoding(text) if is_bad(text) else text


def read_dateline_date(text: str, vocab: Vocabulary, line: int) -> DatelineDate | None:
    """Month, day and maybe year from "Feb. 12, 2022", "12 February 2022", "Jul 23, 2011"."""
    words = re.findall(r"[A-Za-z]+|\d+", text)
    month = next((vocab.months[w.lower()] for w in words if w.lower() in vocab.months), None)
    numbers = [int(w) for w in words if w.isdigit()]
    day = next((n for n in numbers if 1 <= n <= 31), None)
    year = next((n for n in numbers if n > 31), None)
    if month is None or day is None:
        return None
    return DatelineDate(year, month, day, line)


def _split_lines(body: str, start: int) -> list[Mapped]:
    lines: list[Mapped] = []
    pos = 0
    for raw in body.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        lines.append(Mapped.of(content, start + pos))
        pos += len(raw)
    return lines


def clean_body(
    body: str,
    start: int = 0,
    *,
    line_filter: Callable[[Mapped], Mapped | None] | None = None,
) -> Cleaned:
    """Clean ``body``, which begins at character ``start`` of the file.

    ``line_filter`` lets a format strip its own markup from a line (or drop the
    line by returning None) before the shared rules run.
    """
    vocab = vocabulary()
    tokenised = bool(_TOKENISED.search(body))
    hyphens = " - " in body and spaced_hyphens(body, vocab)
    written = _split_lines(body, start)
    links = {i for i, line in enumerate(written) if vocab.links.found_in(line.text)}
    items = {i for i, line in enumerate(written) if vocab.list_item.match(line.text)}
    lines = [normalise_line(line, vocab, tokenised, hyphens).strip() for line in written]
    if line_filter is not None:
        lines = [kept.strip() if (kept := line_filter(line)) is not None else Mapped([]) for line in lines]
    keep: list[Mapped | None] = list(lines)
    author: str | None = None
    dateline: DatelineDate | None = None
    removed: list[Removal] = []

    def drop(i: int, rule: str) -> None:
        line = keep[i]
        if line:
            removed.append(Removal(line.src, line.text, rule))
        keep[i] = None

    non_blank = [i for i, line in enumerate(lines) if line]
    tail_line = _find_tail(lines, non_blank, vocab)
    if tail_line is not None:
        rule = "readers' comments" if vocab.comments.found_in(lines[tail_line].text) else "page after the story"
        for i in range(tail_line, len(keep)):
            drop(i, rule)

    header = non_blank[:HEADER_LINES]
    for i in non_blank:
        line = keep[i]
        if line is None:
            continue
        text = line.text
        if vocab.captions.found_in(text) and not opens_with_credit(text):
            drop(i, "caption")
            continue
        if vocab.drop.found_in(text) or i in links:
            drop(i, "prompt or credit")
            continue
        if i in header:
            by = next((m for p in vocab.bylines if (m := p.match(text))), None)
            if by is not None:
                author = author or by.group("author").strip()
                drop(i, "byline")
                continue
            stamp = next((m for p in vocab.dateline_lines if (m := p.match(text))), None)
            if stamp is not None:
                dateline = dateline or read_dateline_date(stamp.group("date"), vocab, i)
                drop(i, "dateline")
                continue

    opening = [i for i in header if keep[i] is not None]
    for n, i in enumerate(opening):  # the story starts at its dateline
        line = keep[i]
        assert line is not None
        found = _dateline_at(line.text, vocab, dated=n > 0)
        if found is None:
            continue
        start, end, date_text = found
        for j in opening[:n]:  # a headline and photo captions above a dated dateline
            drop(j, "headline or caption before the dateline")
        if start:
            removed.append(Removal(line.src, line.text[:start].strip(), "headline run into the dateline"))
        removed.append(Removal(line.at(start), line.text[start:end].strip(), "dateline"))
        keep[i] = line.slice(end)
        if date_text and dateline is None:
            dateline = read_dateline_date(date_text, vocab, i)
        break

    cut = cut_chrome(keep, header)
    removed.extend(cut.removed)
    dropped = sum(1 for i in non_blank if not cut.pieces[i])
    units: list[Mapped | None] = []
    for i, pieces in enumerate(cut.pieces):  # the pieces of one line are paragraphs of their own
        if i in items:  # and so is a list item, even inside a block of hard-wrapped lines
            units.append(None)
        for n, piece in enumerate(pieces or [None]):
            if n:
                units.append(None)
            units.append(piece)
        if i in items:
            units.append(None)
    inner_blank = bool(non_blank) and (non_blank[-1] - non_blank[0] + 1) > len(non_blank)
    paragraphs = _paragraphs(units, blank_separated=inner_blank)
    text, offsets = join(paragraphs, "\n\n")
    return Cleaned(text, offsets, author, dateline, tail_line, dropped,
                   tuple(sorted(removed, key=lambda r: r.src)), cut.heading, tokenised)


def _find_tail(lines: list[Mapped], non_blank: list[int], vocab: Vocabulary) -> int | None:
    """First line of the page furniture after the story, in the body's second half, or the
    stamp of the first reader's comment below it, wherever it falls past the first line
    (readers' comments may fill most of a page)."""
    comment = next((i for i in non_blank[1:] if vocab.comments.found_in(lines[i].text)), None)
    half = len(non_blank) // 2
    for i in non_blank[max(half, 1):]:
        if comment is not None and i >= comment:
            break
        if vocab.tail.found_in(lines[i].text):
            return i
    return comment


def _dateline_prefix(text: str, vocab: Vocabulary) -> tuple[int, str | None] | None:
    """End of a dateline opening the paragraph, and its date text."""
    for pattern in vocab.dateline_prefixes:
        match = pattern.match(text)
        if match is None:
            continue
        place = match.group("place")
        # A short capitalised word and a dash is as often an acronym in a
        # sentence ("NATO - the alliance...") as a dateline: ask for more.
        if match.group("date") or match.group("agency") or len(place) >= 4:
            if len(text) > match.end():
                return match.end(), match.group("date")
    return None


def _dateline_at(text: str, vocab: Vocabulary, dated: bool) -> tuple[int, int, str | None] | None:
    """Start and end of a dateline in an opening line, at its start or run into by a headline or
    a share prompt, and its date text; ``dated`` (a line below the first): only a dateline that
    gives a date, at the line's start or after a credit in parentheses."""
    prefix = _dateline_prefix(text, vocab)
    if prefix is not None and (prefix[1] or not dated):
        return 0, prefix[0], prefix[1]
    within = _dateline_within(text, vocab)
    if within is not None and dated and not text[:within[0]].rstrip().endswith(")"):
        return None  # below the first line, only a photo credit may run into it: "(By J. Doe -- AP) PARIS, …"
    return within


def _dateline_within(text: str, vocab: Vocabulary) -> tuple[int, int, str] | None:
    """Start and end of a dated dateline that a headline or a share prompt runs into, at most
    ``RUN_IN_WORDS`` words into the line ("Sarkozy Urges Change TOULON, France, Sept. 25 --"),
    and its date text."""
    for pattern in vocab.dateline_within:
        match = pattern.search(text, 0, RUN_IN_CHARS)
        if (match is not None and match.start() > 0 and len(text) > match.end()
                and len(text[:match.start()].split()) <= RUN_IN_WORDS):
            return match.start(), match.end(), match.group("date")
    return None


def _paragraphs(keep: list[Mapped | None], blank_separated: bool) -> list[Mapped]:
    """Kept lines grouped into paragraphs.

    When the body separates paragraphs with blank lines, the lines of one
    block are one paragraph (hard-wrapped text); otherwise every line is.
    A dropped line ends a paragraph either way.
    """
    paragraphs: list[Mapped] = []
    current: list[Piece] = []

    def close() -> None:
        if current:
            paragraphs.append(Mapped(current))
            current.clear()

    for line in keep:
        if not line:
            close()
            continue
        if current and blank_separated:
            previous_end = current[-1].src + len(current[-1].text)
            current.append(Piece(" ", previous_end, False))
        elif current:
            close()
        current.extend(line.pieces)
    close()
    return paragraphs


def looks_english(text: str) -> bool:
    """Cheap test used before the statistical detector: share of marker words."""
    vocab = vocabulary()
    words = re.findall(r"[a-z]+", text[:4000].lower())
    if len(words) < 20:
        return False
    hits = sum(1 for w in words if w in vocab.english_markers)
    return hits / len(words) >= vocab.english_marker_share
