"""The temporal engine: time expressions found in a text and normalised to TIMEX3 values.

``find_timexes(doc, dct)`` is the whole public interface for the pipeline:
scan the text for candidates, then resolve them in reading order so that a
date the text sets can anchor the relative expressions after it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from timeline.extract.temporal.context import Context, modifier, move_reference
from timeline.extract.temporal.ranges import first_value, range_end
from timeline.extract.temporal.scanner import scan
from timeline.extract.temporal.values import bounds, is_future, precision_of, sort_key
from timeline.records import Timex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["find_timexes", "find_timexes_in_text", "precision_of", "bounds", "sort_key", "is_future"]


def find_timexes(doc: "Doc", dct: date | None) -> list[Timex]:
    """Every time expression of ``doc``, sorted by start, with its TIMEX3 value.

    Offsets are into ``doc.text``. With ``dct`` None, expressions that need the
    publication date come back with value None.
    """
    ctx = Context(doc=doc, dct=dct, ref=dct)
    found: list[Timex] = []
    for cand in scan(doc, ctx.text):
        reading = first_value(cand, ctx)
        if reading is None:
            continue
        kind, value, rule = reading
        move_reference(ctx, value, rule, cand.start)
        found.append(Timex(
            start=cand.start, end=cand.end, text=cand.text, type=kind, value=value,
            mod=modifier(cand), rule=rule, range_end=range_end(cand, ctx),
        ))
    return found


def find_timexes_in_text(text: str, dct: date | None, nlp: "Language") -> list[Timex]:
    """Parse ``text`` with ``nlp`` and return its time expressions."""
    return find_timexes(nlp(text), dct)
