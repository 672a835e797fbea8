"""The store's schema: which fields an event has, in which order, and what the
fields whose form is fixed must look like. Shared by the general reader
(``events.py``), the fast one (``reader.py``) and the writer."""

from __future__ import annotations

import re

FIELD_ORDER = (
    "id", "date", "precision", "status", "type", "title", "summary", "actors", "place",
    "importance", "evidence", "sources", "disputes", "aliases", "curated", "hidden", "locked",
    "type_rule", "predicate", "fingerprint",
)
REQUIRED = ("id", "date", "title")
STATUSES = ("occurred", "scheduled")
SOURCE_ORDER = ("article", "title", "published", "url", "outlet", "reported_date", "quote")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,120}$")
# Every value an event may take: day, month, ISO week (and its weekend, TIMEX3
# "-WE"), quarter, half, season, year, decade, century.
DATE_RE = re.compile(r"^(\d{4}|\d{3}X|\d{2}XX)(-(\d{2}(-\d{2})?|W\d{2}(-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?$")
