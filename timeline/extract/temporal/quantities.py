"""Numbers, durations and sets: the time expressions that measure rather than place."""

from __future__ import annotations

import re

from timeline.extract.temporal.lexicon import FREQUENCIES, NUMBER_WORDS, UNIT_FACTOR, UNITS, VAGUE_QUANTITIES
from timeline.extract.temporal.patterns import RATE_BEFORE
from timeline.extract.temporal.scanner import Candidate

_RATE_BEFORE = re.compile(RATE_BEFORE, re.IGNORECASE)
# Largest count a duration may have before it is more likely an amount.
MAX_AMOUNT = 10_000


def number(text: str | None) -> float | None:
    """Value of a numeral written in digits or words; None when it is not a number."""
    if not text:
        return None
    words = re.sub(r"\s+", " ", text.strip().lower())
    if words in NUMBER_WORDS:
        return NUMBER_WORDS[words]
    if "-" in words:
        tens, _, ones = words.partition("-")
        if tens in NUMBER_WORDS and ones in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    try:
        value = float(words)
    except ValueError:
        return None
    return value if 0 <= value <= MAX_AMOUNT else None


def unit_name(text: str | None) -> str:
    """Singular, lower-case unit name: "Centuries" -> "century"."""
    word = (text or "").lower()
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


def _amount(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def duration_value(amount: float | None, unit: str) -> str | None:
    """TIMEX3 duration: P2Y, PT30M, P10Y for a decade, PXY when the amount is vague."""
    if unit not in UNITS:
        return None
    letter, clock = UNITS[unit]
    prefix = "PT" if clock else "P"
    if amount is None:
        return f"{prefix}X{'DE' if unit == 'decade' else 'CE' if unit == 'century' else letter}"
    return f"{prefix}{_amount(amount * UNIT_FACTOR.get(unit, 1))}{letter}"


def is_rate(cand: Candidate, text: str) -> bool:
    """Whether "a year" follows an amount, as in "15 a year": a frequency, not a span."""
    return bool(_RATE_BEFORE.search(text[max(0, cand.start - 40):cand.start]))


def measure(cand: Candidate, text: str) -> tuple[str, str | None, str] | None:
    """(type, value, rule) of a duration or set candidate, None when it measures nothing."""
    g = cand.groups
    unit = unit_name(g.get("unit"))
    if cand.rule == "frequency":
        freq = g.get("freq")
        if freq:
            return "SET", FREQUENCIES[freq.lower()], "frequency-word"
        return "SET", duration_value(number(g.get("num")) or 1, unit), "frequency-every"
    if cand.rule == "unit-long":
        return "DURATION", duration_value(None if g.get("plural") else 1, unit), "unit-long"
    if cand.rule == "vague-duration":
        return "DURATION", duration_value(None, unit), "vague-duration"
    raw = g.get("num")
    if raw is None:  # "the past year": one unit counted back
        return "DURATION", duration_value(1, unit), "duration-frame"
    amount = number(raw)
    if amount is None:
        return None
    if g.get("half"):
        amount += 0.5
    if raw.lower() in ("a", "an") and is_rate(cand, text):
        return "SET", duration_value(1, unit), "frequency-rate"
    return "DURATION", duration_value(amount, unit), "duration"


def vague(text: str | None) -> bool:
    return (text or "").lower().strip() in VAGUE_QUANTITIES
