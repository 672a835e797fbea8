"""Which labelled titles a change of the title rules touched, for re-reading their labels.

    python -m evaluation.title_changes LABELS BEFORE AFTER

LABELS is a labelled sample (``evaluation/real_news/labels-*.jsonl``); BEFORE and AFTER are
the ``--work`` folders of ``eval_real_news.py sample`` built with the rules before and after
(one sub-folder per collection, ``content/`` inside). An event whose id survives kept its
title, so its label holds. An event whose title changed has a new id; it is found again by
its source article and sentence, and its old and new titles are printed beside the label's
note, to be judged again. The counts: titles kept, changed (of them labelled unusable before)
and gone (the sentence gives no event now).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation.eval_real_news import stored_events  # noqa: E402

Index = tuple[dict[str, dict[str, Any]], dict[tuple[str, str], list[dict[str, Any]]]]


def _index(work: Path, collection: str, cache: dict[str, Index]) -> Index:
    if collection not in cache:
        content = work / collection / "content"
        events = stored_events(content) if (content / "events").exists() else []
        by_sentence: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for event in events:
            for source in event.get("sources") or []:
                by_sentence.setdefault((str(source["article"]), str(source["quote"])), []).append(event)
        cache[collection] = ({str(e["id"]): e for e in events}, by_sentence)
    return cache[collection]


def compare(labels: Path, before: Path, after: Path) -> tuple[dict[str, int], list[str]]:
    """The counts and one line per changed title."""
    counts = {"kept": 0, "changed": 0, "changed, labelled unusable": 0, "gone": 0}
    lines: list[str] = []
    old_cache: dict[str, Index] = {}
    new_cache: dict[str, Index] = {}
    for raw in labels.read_text(encoding="utf-8").splitlines():
        row = json.loads(raw)
        old_ids, _ = _index(before, row["collection"], old_cache)
        new_ids, new_sentences = _index(after, row["collection"], new_cache)
        event = old_ids.get(row["id"])
        if event is None:
            continue  # not in the build BEFORE: the labels were drawn from another build
        if row["id"] in new_ids:
            counts["kept"] += 1
            continue
        found = [e for s in event.get("sources") or []
                 for e in new_sentences.get((str(s["article"]), str(s["quote"])), [])
                 if e.get("predicate") == event.get("predicate")]
        label = row.get("label") or {}
        if not found:
            counts["gone"] += 1
            continue
        counts["changed"] += 1
        counts["changed, labelled unusable"] += label.get("title") == "no"
        lines.append(f"[{label.get('title')}] {event['title']}\n    -> {found[0]['title']}\n"
                     f"    note: {label.get('note', '')}")
    return counts, lines


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip())
        return 2
    counts, lines = compare(Path(argv[0]), Path(argv[1]), Path(argv[2]))
    print("\n".join(lines))
    print(", ".join(f"{name} {count}" for name, count in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
