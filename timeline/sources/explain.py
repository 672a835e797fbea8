"""What cleaning set aside in one article file, and why: ``timeline check --explain FILE``.

Nothing cleaning removes is lost: it stays in the file, and this lists each
removed stretch with its line, the rule that removed it and its text, with
the title the article is read under and the day its relative dates are read
from (the dateline's, when it names a day next to the one the file gives).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from timeline.sources import meta as metadata
from timeline.sources.assemble import DATELINE_TOLERANCE_DAYS, cleaned_of, dateline_day, drafted_title
from timeline.sources.clean import Cleaned
from timeline.sources.encodings import decode
from timeline.sources.files import FORMATS, line_at
from timeline.sources.print_day import written_for


@dataclass(frozen=True)
class Explained:
    """One article of a file: its title, and the stretches set aside (line, rule, text)."""

    title: str
    removed: tuple[tuple[int | None, str, str], ...]
    kept_characters: int
    day: str = ""  # the day its relative dates are read from, and why


def explain(path: Path) -> list[Explained]:
    """The articles of the file at ``path`` as cleaning reads them. Raises OSError and ValueError
    (a format the project does not read) for the caller to report."""
    from timeline.sources import reader_for

    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: not an article format ({', '.join(sorted(FORMATS))})")
    text, _, _ = decode(path.read_bytes(), str(path))
    drafts, _ = reader_for(fmt)(text, str(path))
    beside, _ = metadata.sidecar(path, str(path))
    out = []
    for draft in drafts:
        cleaned = cleaned_of(draft)
        exact = draft.body_start is not None and draft.cleaned is None
        removed = tuple((line_at(text, r.src) if exact else None, r.rule, r.text) for r in cleaned.removed)
        filed = metadata.merge(metadata.file_name_date(path.name), draft.meta, beside)
        out.append(Explained(drafted_title(draft, cleaned), removed, len(cleaned.text),
                             reading_day(filed, cleaned)))
    return out


def reading_day(filed: metadata.Meta, cleaned: Cleaned) -> str:
    """Which day the article's relative dates are read from, as ``assemble`` chooses it (the
    sources index, content/sources.yaml, is not looked at here)."""
    given = filed.get("published")
    dateline = cleaned.dateline
    said = dateline_day(dateline, given)[0] if dateline is not None else None
    where = filed.where.get("published", ("the metadata", None))[0] or "the metadata"
    if given is None:
        return f"dates read from {said.isoformat()}, the dateline's day" if said else "no publication day"
    kept = f"the file gives {given.isoformat()} ({where}), kept as the day it was filed"
    if said is not None and said != given and abs((said - given).days) <= DATELINE_TOLERANCE_DAYS:
        return f"dates read from {said.isoformat()}, the dateline's day; {kept}"
    if said is None or said == given:
        later = written_for(cleaned, given)
        if later is not None:
            return f"dates read from {later.day.isoformat()}, the day it was written for ({later.why}); {kept}"
    return f"dates read from {given.isoformat()} ({where})"


def explanation(path: Path, shown: str) -> str:
    """``explain`` as the lines ``check --explain`` prints."""
    lines = []
    for article in explain(path):
        lines.append(f"{shown}: {article.title!r}: {len(article.removed)} stretch(es) set aside, "
                     f"{article.kept_characters} characters read; {article.day}")
        for line, rule, removed in article.removed:
            where = f"{shown}:{line}" if line else shown
            lines.append(f"  {where}: {rule}: {removed}")
    return "\n".join(lines)
