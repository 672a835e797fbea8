"""``timeline stats``: what the store holds, counted by month, actor, type and source."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Iterable

from timeline.records import Event

HELP = """Count the events of the store by month, actor, type and source (outlet,
or article when the outlet is unknown). Reads the store only; builds nothing.

example:
  python -m timeline stats --by actor --top 10
  python -m timeline stats --json > stats.json
"""

DIMENSIONS = ("month", "actor", "type", "source")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("stats", parents=[common], help="count events by month, actor, type and source",
                            description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--by", choices=DIMENSIONS, action="append", help="only these counts (repeatable)")
    parser.add_argument("--top", type=int, default=0, metavar="N", help="the N largest of each (default: all)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from timeline.cli.main import config_from_args
    from timeline.store.events import load_events

    cfg = config_from_args(args)
    events, problems = load_events(cfg.paths.store)
    for problem in problems:
        print(problem, file=sys.stderr)
    tables = count(events, args.by or DIMENSIONS)
    ordered = {name: _top(counter, args.top, by_key=name == "month") for name, counter in tables.items()}
    if args.json:
        json.dump({"events": len(events), **{k: dict(v) for k, v in ordered.items()}},
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(f"events: {len(events)}")
        for name, rows in ordered.items():
            print(f"\nby {name}:")
            for key, n in rows:
                print(f"  {n:6d}  {key}")
    return 1 if any(p.severity == "error" for p in problems) else 0


def count(events: Iterable[Event], dimensions: Iterable[str]) -> dict[str, Counter[str]]:
    """Counters per dimension; hidden events are left out, as on the site."""
    shown = [e for e in events if not e.hidden]
    keys = {
        "month": lambda e: [e.date[:7]],
        "actor": lambda e: sorted({a.name for a in e.actors}),
        "type": lambda e: [e.type],
        "source": lambda e: sorted({s.outlet or s.article for s in e.sources}) or ["(no source)"],
    }
    return {d: Counter(k for e in shown for k in keys[d](e)) for d in dimensions}


def _top(counter: Counter[str], n: int, *, by_key: bool = False) -> list[tuple[str, int]]:
    # Months read best in order; the others by size, then name for a stable output.
    items = sorted(counter.items()) if by_key else sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return items[:n] if n > 0 else items
