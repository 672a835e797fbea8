"""What cleaning set aside in one article file, and why: ``timeline check --explain FILE``.

Nothing cleaning removes is lost: it stays in the file, and this lists each
removed stretch with its line, the rule that removed it and its text, with
the title the article is read under.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from timeline.sources.assemble import cleaned_of, drafted_title
from timeline.sources.encodings import decode
from timeline.sources.files import FORMATS, line_at


@dataclass(frozen=True)
class Explained:
    """One article of a file: its title, and the stretches set aside (line, rule, text)."""

    title: str
    removed: tuple[tuple[int | None, str, str], ...]
    kept_characters: int


def explain(path: Path) -> list[Explained]:
    """The articles of the file at ``path`` as cleaning reads them. Raises OSError and ValueError
    (a format the project does not read) for the caller to report."""
    from timeline.sources import reader_for

    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: not an article format ({', '.join(sorted(FORMATS))})")
    text, _, _ = decode(path.read_bytes(), str(path))
    drafts, _ = reader_for(fmt)(text, str(path))
    out = []
    for draft in drafts:
        cleaned = cleaned_of(draft)
        exact = draft.body_start is not None and draft.cleaned is None
        removed = tuple((line_at(text, r.src) if exact else None, r.rule, r.text) for r in cleaned.removed)
        out.append(Explained(drafted_title(draft, cleaned), removed, len(cleaned.text)))
    return out


def explanation(path: Path, shown: str) -> str:
    """``explain`` as the lines ``check --explain`` prints."""
    lines = []
    for article in explain(path):
        lines.append(f"{shown}: {article.title!r}: {len(article.removed)} stretch(es) set aside, "
                     f"{article.kept_characters} characters read")
        for line, rule, removed in article.removed:
            where = f"{shown}:{line}" if line else shown
            lines.append(f"  {where}: {rule}: {removed}")
    return "\n".join(lines)
