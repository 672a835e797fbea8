"""The steps every article takes after its format reader: clean the body, merge
metadata by precedence, check the dateline, find the language, build the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.records import Article, Problem
from timeline.sources.clean import Cleaned, DatelineDate, clean_body, normalise_title
from timeline.sources.clock import is_future
from timeline.sources.draft import Draft
from timeline.sources.files import line_at
from timeline.sources.language import detect_language
from timeline.sources.meta import Meta, merge
from timeline.sources.print_day import written_for
from timeline.sources.text_files import title_from_body
from timeline.sources.urls import kept_url

# Time zones put a dateline a day away from the site's date stamp; more is a
# real disagreement.
DATELINE_TOLERANCE_DAYS = 1


@dataclass(frozen=True)
class Layers:
    """Metadata from outside the file, lowest precedence first (see ``meta``)."""

    name_date: Meta
    index: Meta
    sidecar: Meta
    many: bool = False  # the file holds many articles: outside layers give defaults only


ITEM_OWN_KEYS = ("title", "published", "url")


def finish(draft: Draft, file_text: str, layers: Layers, shown: str, language: str,
           ) -> tuple[Article | None, str | None, list[Problem]]:
    """Article (without id) from a draft, the detected language, and problems."""
    where = f"{shown} ({draft.item})" if draft.item else shown
    problems: list[Problem] = []
    cleaned = cleaned_of(draft)
    if not cleaned.text.strip() and cleaned.removed:
        return None, None, [Problem(shown, f"nothing but page chrome{_item(draft)} (bylines, captions, prompts): "
                                    "no events read from it; 'timeline check --explain FILE' lists what was "
                                    "set aside", draft.line or _body_line(draft, file_text), "warning")]
    if not cleaned.text.strip():
        return None, None, [Problem(shown, f"empty article{_item(draft)}: a title but no text; add the body "
                                    "or remove it", draft.line or _body_line(draft, file_text))]
    offsets = cleaned.offsets if draft.body_start is not None else locate(cleaned, file_text)
    if layers.many:
        outside = [Meta({k: v for k, v in m.values.items() if k not in ITEM_OWN_KEYS}, m.where)
                   for m in (layers.index, layers.sidecar)]
        meta = merge(outside[0], draft.meta, outside[1])
    else:
        meta = merge(layers.name_date, layers.index, draft.meta, layers.sidecar)
    filed: date | None = meta.get("published")
    published = filed
    if cleaned.dateline is not None:
        published, problem = _check_dateline(cleaned.dateline, filed, meta, where, draft, file_text)
        problems.extend(problem)
    later = written_for(cleaned, published) if published is not None and published == filed else None
    if later is not None:
        published = later.day
    if published is None:
        problems.append(Problem(shown, f"no publication date{_item(draft)}: read anyway, but dates like "
                                "'on Saturday' stay unresolved; add published: YYYY-MM-DD (front matter, "
                                "a sidecar NAME.yaml, content/sources.yaml or a date at the start of the "
                                "file name)", draft.line, "warning"))
    url = kept_url(meta.get("url"))
    if meta.get("url") and url is None:
        at, line = meta.where.get("url", (shown, None))
        problems.append(Problem(at or shown, f"url: {str(meta.get('url'))[:80]!r} is not an http(s) link; "
                                "left out", line, "warning"))
    lang = meta.get("language") or detect_language(cleaned.text) or language
    body_line = line_at(file_text, offsets[0][1]) if offsets else (draft.line or 1)
    article = Article(
        id="", path="", title=str(meta.get("title") or drafted_title(draft, cleaned)).strip(), text=cleaned.text,
        published=published, url=url, outlet=meta.get("outlet"),
        author=meta.get("author") or cleaned.author, language=lang, tags=meta.get("tags") or (),
        body_line=body_line, offsets=offsets, section=draft.section,
        filed=filed if filed is not None and filed != published else None,
    )
    return article, lang, problems


def cleaned_of(draft: Draft) -> Cleaned:
    """The draft's body as events are read from it: chrome set aside, offsets kept."""
    return draft.cleaned or clean_body(draft.body, draft.body_start or 0, line_filter=draft.line_filter)


def drafted_title(draft: Draft, cleaned: Cleaned) -> str:
    """The title the file gives, else the heading cleaning found, else one read from the text."""
    return normalise_title(draft.title, cleaned.tokenised) or cleaned.heading or title_from_body(cleaned.text)


def _item(draft: Draft) -> str:
    return f" in item {draft.item}" if draft.item else ""


def _body_line(draft: Draft, file_text: str) -> int | None:
    return line_at(file_text, draft.body_start) if draft.body_start is not None else None


def _check_dateline(dateline: DatelineDate, published: date | None, meta: Meta, where: str,
                    draft: Draft, file_text: str) -> tuple[date | None, list[Problem]]:
    """The day the article's dates are read from: the dateline's when nothing else dates the
    article, or when it is at most ``DATELINE_TOLERANCE_DAYS`` from the metadata's (the day the
    story was written, where the site filed it a day later or earlier); else the metadata's,
    with a warning."""
    line = None
    if draft.body_start is not None:
        offset = draft.body_start + sum(len(x) for x in draft.body.splitlines(keepends=True)[:dateline.line])
        line = line_at(file_text, offset)
    said, problem = dateline_day(dateline, published)
    if problem:
        return published, [Problem(where, problem, line, "warning")]
    if said is None:
        return published, []
    if published is None:
        return (None if is_future(said) else said), []
    if abs((said - published).days) > DATELINE_TOLERANCE_DAYS:
        source, _ = meta.where.get("published", ("", None))
        return published, [Problem(where, f"the dateline says {said.isoformat()} but the publication date "
                                   f"is {published.isoformat()} (from {source or 'the metadata'}); "
                                   "check which is right", line, "warning")]
    return said, []


def dateline_day(dateline: DatelineDate, published: date | None) -> tuple[date | None, str | None]:
    """The dateline's day, and a problem when it is no real date. A dateline without a year takes
    the year that puts it nearest the publication date ("Dec. 31" in an article filed on 1 January
    is the day before); None when there is neither year nor publication date."""
    if dateline.year is not None:
        years = [dateline.year]
    elif published is not None:
        years = [published.year, published.year - 1, published.year + 1]
    else:
        return None, None
    days = []
    for year in years:
        try:
            days.append(date(year, dateline.month, dateline.day))
        except ValueError:
            continue
    if not days:
        return None, f"the dateline's date {years[0]}-{dateline.month}-{dateline.day} is not a real date"
    if published is None:
        return days[0], None
    return min(days, key=lambda d: abs((d - published).days)), None


def locate(cleaned: Cleaned, file_text: str) -> tuple[tuple[int, int], ...]:
    """Offsets for text that was extracted rather than sliced from the file.

    Each paragraph's opening words are searched for in the file, in order;
    a paragraph not found (rewritten by the extractor) has no entry.
    """
    table: list[tuple[int, int]] = []
    pos = 0
    start = 0
    for paragraph in cleaned.text.split("\n\n"):
        probe = paragraph[:40]
        found = file_text.find(probe, start) if probe else -1
        if found >= 0:
            table.append((pos, found))
            start = found + len(probe)
        pos += len(paragraph) + 2
    return tuple(table)
