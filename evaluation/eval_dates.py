"""Evaluate the temporal engine on hand-annotated TimeML news, TempEval-3 style.

Usage:
    python evaluation/eval_dates.py [DATA.jsonl] [--config config.yaml] [--errors]

DATA defaults to the MEANTIME dev set; any file of the same JSONL shape works,
such as the held-out set (evaluation/heldout/heldout.jsonl, built from
articles.txt by make_jsonl.py). A record with ``annotated_end`` is scored up to
that offset; without it, MEANTIME's first sentences only.

Prints relaxed and strict extent precision/recall/F1, value accuracy on the
relaxed matches, value F1 (relaxed F1 x value accuracy), counts per type, and
the time the engine takes beyond spaCy's own parse, as a share of the parse.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "meantime-dev.jsonl"
# MEANTIME annotates only the opening of each article (see annotated_end).
ANNOTATED_SENTENCES = 4


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    relaxed: int = 0  # gold expressions overlapped by a system expression (one to one)
    strict: int = 0  # same, with identical offsets
    value_ok: int = 0  # relaxed matches whose values agree
    parse_seconds: float = 0.0
    engine_seconds: float = 0.0
    gold_types: Counter[str] = field(default_factory=Counter)
    system_types: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self, matched: int) -> tuple[float, float, float]:
        p = matched / self.system if self.system else 0.0
        r = matched / self.gold if self.gold else 0.0
        return p, r, self._f1(p, r)

    @property
    def value_accuracy(self) -> float:
        return self.value_ok / self.relaxed if self.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        return self.prf(self.relaxed)[2] * self.value_accuracy

    @property
    def overhead(self) -> float:
        return self.engine_seconds / self.parse_seconds if self.parse_seconds else 0.0


def same_value(gold: str | None, system: str | None) -> bool:
    """Values agree; TIMEX3's decade form ``198`` is the same as ``198X``."""
    def canonical(v: str | None) -> str | None:
        return v + "X" if v and len(v) == 3 and v.isdigit() else v
    return canonical(gold) == canonical(system)


def annotated_end(text: str) -> int:
    """End of the part of a MEANTIME text that was annotated.

    The corpus annotates the headline line and the sentences up to its fourth
    full stop only; expressions found after it can be neither right nor wrong.
    """
    end = -1
    for _ in range(ANNOTATED_SENTENCES):
        end = text.find(" . ", end + 1)
        if end < 0:
            return len(text)
    return end + 2


def score_document(record: dict[str, Any], found: list[Any], scores: Scores) -> None:
    gold = sorted(record["timexes"], key=lambda t: t["start"])
    # A record may say how much of it was annotated (the held-out set: all of it).
    limit = record.get("annotated_end") or annotated_end(record["text"])
    found = [t for t in found if t.start < limit]
    scores.gold += len(gold)
    scores.system += len(found)
    scores.gold_types.update(t["type"] for t in gold)
    scores.system_types.update(t.type for t in found)
    used: set[int] = set()
    for g in gold:
        match = next((i for i, s in enumerate(found)
                      if i not in used and s.start < g["end"] and g["start"] < s.end), None)
        if match is None:
            scores.errors.append(f"MISSED  {record['doc_id']} {g['text']!r} {g['value']}")
            continue
        used.add(match)
        s = found[match]
        scores.relaxed += 1
        scores.strict += s.start == g["start"] and s.end == g["end"]
        if same_value(g["value"], s.value):
            scores.value_ok += 1
        else:
            scores.errors.append(f"VALUE   {record['doc_id']} dct={record['dct']} gold {g['text']!r} {g['value']}"
                                 f" | system {s.text!r} {s.value} ({s.rule})")
    for i, s in enumerate(found):
        if i not in used:
            scores.errors.append(f"SPURIOUS {record['doc_id']} {s.text!r} {s.value} ({s.rule})")


def creation_date(text: str | None) -> date | None:
    """The record's creation date; one record of the dev set writes it day-month-year."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        day, month, year = (int(part) for part in text.split("-"))
        return date(year, month, day)


def evaluate(data: Path, pipeline: str) -> Scores:
    """Run the engine over every document of ``data`` and score it."""
    from timeline.extract.pipeline import load_pipeline
    from timeline.extract.temporal import find_timexes

    nlp = load_pipeline(pipeline)
    records = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp(records[0]["text"])  # warm up, so that loading is not counted as parsing
    scores = Scores()
    for record in records:
        dct = creation_date(record.get("dct"))
        started = time.perf_counter()
        doc = nlp(record["text"])
        parsed = time.perf_counter()
        found = find_timexes(doc, dct)
        scores.parse_seconds += parsed - started
        scores.engine_seconds += time.perf_counter() - parsed
        score_document(record, found, scores)
    return scores


def report(scores: Scores) -> str:
    lines = [f"gold {scores.gold}  system {scores.system}"]
    for name, matched in (("relaxed", scores.relaxed), ("strict", scores.strict)):
        p, r, f = scores.prf(matched)
        lines.append(f"{name:8} extent  P {100 * p:5.1f}  R {100 * r:5.1f}  F1 {100 * f:5.1f}")
    lines.append(f"value accuracy on matched  {100 * scores.value_accuracy:5.1f}")
    lines.append(f"value F1                   {100 * scores.value_f1:5.1f}")
    types = sorted(set(scores.gold_types) | set(scores.system_types))
    lines.append("per type (gold / system): " + ", ".join(
        f"{t} {scores.gold_types[t]}/{scores.system_types[t]}" for t in types))
    lines.append(f"speed: parse {scores.parse_seconds:.2f}s, engine {scores.engine_seconds:.2f}s"
                 f" = {100 * scores.overhead:.1f}% of parse time")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="annotated JSONL file")
    parser.add_argument("--config", default="config.yaml", help="project configuration (for nlp.pipeline)")
    parser.add_argument("--errors", action="store_true", help="list every missed, spurious and wrong expression")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from timeline.config import load_config

    if not args.data.exists():
        print(f"error: {args.data} does not exist", file=sys.stderr)
        return 2
    scores = evaluate(args.data, load_config(args.config).nlp.pipeline)
    if args.errors:
        print("\n".join(scores.errors))
    print(report(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
