"""Plain text articles pasted from a news site: the headline, then the body.

Sites put their section after the headline ("Biden-Putin talks fail to bring
breakthrough | Vladimir Putin news"); the part after the first " | " is kept as
the section, not the title. Metadata comes from outside the file (see
``meta``): a sidecar, ``content/sources.yaml`` or the file name.
"""

from __future__ import annotations

from timeline.records import Problem
from timeline.sources.draft import Draft
from timeline.sources.markup import blank_markup, close_blanks, text_of

SECTION_SEPARATOR = " | "


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
            title, section = split_headline(raw)
            return [Draft(title=text_of(title), body=text[pos + len(raw):], body_start=pos + len(raw),
                          section=section, line_filter=close_blanks)], []
        pos += len(raw)
    return [], [Problem(shown, "empty article: the file holds no text; write a headline line and the body, "
                        "or remove the file")]
