"""The date labels of an editor's sample, scored again on a build of this checkout.

A labelled event (``evaluation/real_news/labels-*.jsonl``) is looked up in a build of
its collection (built as ``eval_real_news.py`` builds it, in ``--work``):

- **kept**: an event with the same id is still there (same date, same title): its
  labels still hold, and the share dated right is counted on these;
- **moved**: an event of the same source articles keeps the title's words but has
  another date: listed with the old label's note, the new date and its rule, to be
  judged by reading them (a wrong date moved is a fix only if the new one is right);
- **gone**: no event of those articles has that title any more (no date given, or
  no longer listed).

    python evaluation/rescore_dates.py --work /tmp/real-news evaluation/real_news/labels-final3.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from evaluation.eval_real_news import WORK, built, percent, stored_events  # noqa: E402


def words_of(event_id: str, date: str) -> str:
    """The title's words in an id (``2011-01-11-conrad-murray-has-pleaded-8cfba7``): the
    date in front and the hash behind taken off."""
    body = event_id[len(date.lower()) + 1:] if event_id.startswith(date.lower() + "-") else event_id
    return body.rsplit("-", 1)[0]


def articles_of(event: dict[str, Any]) -> set[str]:
    return {str(s.get("article")) for s in event.get("sources") or []}


def rescore(labelled: list[dict[str, Any]], store: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The labelled events of one collection sorted into kept, moved and gone."""
    by_id = {str(e["id"]): e for e in store}
    by_words: dict[str, list[dict[str, Any]]] = {}
    for e in store:
        by_words.setdefault(words_of(str(e["id"]), str(e.get("date", ""))), []).append(e)
    out: dict[str, list[dict[str, Any]]] = {"kept": [], "moved": [], "gone": []}
    for row in labelled:
        if row["id"] in by_id:
            out["kept"].append(row)
            continue
        same = [e for e in by_words.get(words_of(row["id"], row["date"]), [])
                if articles_of(e) & set(row.get("articles") or [])]
        if same:
            new = same[0]
            out["moved"].append(dict(row, now={"date": str(new.get("date")), "id": new["id"],
                                               "rule": (new.get("evidence") or {}).get("rule"),
                                               "expression": (new.get("evidence") or {}).get("expression")}))
        else:
            out["gone"].append(row)
    return out


def report(name: str, sorted_rows: dict[str, list[dict[str, Any]]]) -> None:
    kept = sorted_rows["kept"]
    right = sum(r["label"]["date"] == "yes" for r in kept)
    real = [r for r in kept if r["label"]["real"] == "yes"]
    real_right = sum(r["label"]["date"] == "yes" for r in real)
    print(f"{name}: kept {len(kept)}, moved {len(sorted_rows['moved'])}, gone {len(sorted_rows['gone'])}; "
          f"kept dated right {percent(right, len(kept))} ({right} of {len(kept)}), "
          f"real kept dated right {percent(real_right, len(real))} ({real_right} of {len(real)})")
    gone = Counter((r["label"]["real"], r["label"]["date"]) for r in sorted_rows["gone"])
    if gone:
        print("  gone by (real, date) label: " + ", ".join(f"{k[0]}/{k[1]} {v}" for k, v in sorted(gone.items())))
    for r in sorted_rows["moved"]:
        lab, now = r["label"], r["now"]
        print(f"  moved {r['date']} -> {now['date']} ({now['rule']}: {now['expression']!r}); "
              f"labelled real {lab['real']}, date {lab['date']}: {lab.get('note', '')}")
    for r in sorted_rows["gone"]:
        lab = r["label"]
        print(f"  gone {r['id']}; labelled real {lab['real']}, date {lab['date']}: {lab.get('note', '')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=WORK, help="where collections are built")
    parser.add_argument("--as-built", action="store_true", help="read the stores in --work as they are, no build")
    parser.add_argument("labels", type=Path)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    totals: Counter[str] = Counter()
    for name in sorted({r["collection"] for r in rows}):
        content = args.work / name / "content" if args.as_built else built(name, args.work)
        result = rescore([r for r in rows if r["collection"] == name], stored_events(content))
        report(name, result)
        kept = result["kept"]
        totals.update(kept=len(kept), right=sum(r["label"]["date"] == "yes" for r in kept),
                      moved=len(result["moved"]), gone=len(result["gone"]),
                      real=sum(r["label"]["real"] == "yes" for r in kept),
                      real_right=sum(r["label"]["real"] == "yes" and r["label"]["date"] == "yes" for r in kept))
    print(f"all: kept {totals['kept']}, moved {totals['moved']}, gone {totals['gone']}; kept dated right "
          f"{percent(totals['right'], totals['kept'])}, real kept dated right "
          f"{percent(totals['real_right'], totals['real'])} ({totals['real_right']} of {totals['real']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
