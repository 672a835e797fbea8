"""An actor mention while it is being read: its span, its words and the name,
kind, role and country the reading has given it so far."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass
class Found:
    span: "Span"
    text: str
    name: str
    kind: str
    role: str | None = None
    country: str | None = None
    known: bool = False  # from the gazetteer: not open to name coreference
