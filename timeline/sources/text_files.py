"""Plain text articles pasted from a news site: the headline, then the body.

Sites put their section after the headline ("Biden-Putin talks fail to bring
breakthrough | Vladimir Putin news"); the part after the first " | " is kept as
the section, not the title. Metadata comes from outside the file (see
``meta``): a sidecar, ``content/sources.yaml`` or the file name.

Scraped collections often have no headline line: the first line is already
the story's first sentence (or a headline run into it). Such a line is read
as body, and the title is the headline cleaning finds run into it, or else
the opening words of the first sentence.
"""

from __future__ import annotations

import re

from timeline.records import Problem
from timeline.sources.draft import Draft
from timeline.sources.markup import blank_markup, close_blanks, text_of

SECTION_SEPARATOR = " | "
TITLE_WORDS = 14  # at most, in a title made from the first sentence
_CLOSED = re.compile(r"\.(?: ?(?:''|[\"')\]]))*$")  # tokenised text spaces its closing quotes
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"')]*\s+(?=[\"'(]?[A-Z0-9])")


def opens_with_sentence(line: str) -> bool:
    """A first line that is a sentence, not a headline: it ends with a full stop and is not short."""
    words = line.split()
    return (len(words) >= 6 and bool(_CLOSED.search(line.strip()))) or len(words) >= 30


def title_from_body(text: str) -> str:
    """A title from the opening sentence: whole when short, else its opening words up to a clause break."""
    first = _SENTENCE_BREAK.split(text.strip().split("\n", 1)[0], maxsplit=1)[0].strip()
    words = first.rstrip(".!?\"' ").split()
    if len(words) <= TITLE_WORDS:
        return " ".join(words)
    head = words[:TITLE_WORDS]
    clause = max((i for i, w in enumerate(head) if w.endswith((",", ";", ":")) and i >= 5), default=None)
    if clause is not None:
        return " ".join(head[:clause + 1]).rstrip(",;:") + " …"
    return " ".join(head) + " …"


def split_headline(line: str) -> tuple[str, str | None]:
    """Title and site section of a scraped headline line."""
    title, sep, section = line.strip().partition(SECTION_SEPARATOR)
    if sep and title.strip() and section.strip():
        return title.strip(), section.strip()
    return line.strip(), None


def read_text(text: str, shown: str) -> tuple[list[Draft], list[Problem]]:
    text = blank_markup(text)  # tags pasted with the text; the same length, offsets stay true
    pos = 0
    for raw in text.splitlines(keepends=True):
        if raw.strip():
            if opens_with_sentence(raw):  # the title comes from the cleaned body (``assemble``)
                return [Draft(title="", body=text[pos:], body_start=pos)], []
            title, section = split_headline(raw)
            return [Draft(title=text_of(title), body=text[pos + len(raw):], body_start=pos + len(raw),
                          section=section, line_filter=close_blanks)], []
        pos += len(raw)
    return [], [Problem(shown, "empty article: the file holds no text; write a headline line and the body, "
                        "or remove the file")]
