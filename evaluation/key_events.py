"""The key events of built collections, for reading as a reader would: duplicates and weak titles flagged.

For each built folder (``FOLDER/NAME``, as ``evaluation.eval_timelines`` builds it), reads
``output/events.json`` and prints

- the key events as the site's key-events page chooses them (``timeline.merge.selection``, among
  the events in the story's focus, without those the site lists apart for review:
  ``output/review.html``),
- the ``--top`` events ranked most important (the ranking ``events.json`` holds),

each with its day, its independent sources (outlets, or articles without one) and its title,
marked ``W:<why>`` when ``timeline.extract.events.weak`` would not print the title (or
``W:happening``, ``W:retold`` when ``timeline.merge.happening_titles`` finds that it tells no
happening, or tells an earlier one again, ``W:garbled-<why>`` when ``timeline.merge.garbled_titles``
finds it is no clause of its sentence), and
``D<n>`` when it falls in a group of likely duplicates: two of the ``--top`` events on the
same or adjacent days (or any days, with titles nearly the same) that share an actor (not a
place) and whose titles or first quotes, beside the actors' names, are alike. The groups are candidates to read, not a
verdict: count the real ones by hand.

    python -m evaluation.key_events [NAME ...] [--folder /tmp/tls] [--top 100] [--key 20]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date as Date
from pathlib import Path
from typing import Any, Sequence

from rapidfuzz import fuzz

from timeline.merge.selection import key_events
from timeline.records import ActorRef, Event, Source
from timeline.render.focus import in_focus

ALIKE_TITLES = 60  # token_set_ratio of two titles from which two nearby events may be one
SAME_TITLES = 85  # ... and from which two events of any days may be one (a retelling)
ALIKE_WORDS = 0.5  # share of the shorter quote's content words the other has, for nearby events
_WORD = re.compile(r"[^\W\d_]{4,}")


def load(folder: Path) -> tuple[list[Event], frozenset[str]]:
    """The events of a built folder's ``output/events.json``, most important first, each with
    the governing verb the store keeps (``events.json`` does not hold it; the key events read it),
    and the ids of those the site lists apart for review."""
    from dataclasses import replace

    from evaluation.eval_real_news import for_review
    from timeline.store.events import load_events

    data = json.loads((folder / "output" / "events.json").read_text(encoding="utf-8"))
    rows = data["events"] if isinstance(data, dict) else data
    stored, _ = load_events(folder / "content" / "events")
    verbs = {e.id: e.predicate for e in stored}
    review = for_review(folder / "content")
    events = [replace(e, predicate=verbs.get(e.id, "")) for e in map(_event, rows)]
    return sorted(events, key=lambda e: (-e.importance, e.date, e.id)), review


def _event(r: dict[str, Any]) -> Event:
    return Event(
        id=r["id"], date=str(r["date"]), precision=r.get("precision", "day"), status=r.get("status", "occurred"),
        title=r.get("title", ""), summary=r.get("summary", ""), type=r.get("type", "other"),
        actors=tuple(ActorRef(name=a["name"], kind=a.get("kind", "other")) for a in r.get("actors", ())),
        sources=tuple(Source(article=s["article"], title=s.get("title", ""), published=s.get("published"),
                             url=s.get("url"), outlet=s.get("outlet"), quote=s.get("quote", ""))
                      for s in r.get("sources", ())),
        importance=float(r.get("importance") or 0.0), place=r.get("place"))


def independent(e: Event) -> int:
    return len({s.outlet or s.article for s in e.sources})


def _day(d: str) -> int | None:
    try:
        return Date.fromisoformat(d[:10]).toordinal() if len(d) >= 10 else None
    except ValueError:
        return None


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _unnamed(text: str, names: set[str]) -> str:
    """``text`` lower-cased, without the actors' names: what two titles say beside who they name."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    return " ".join(text.lower().split())


def likely_same(a: Event, b: Event) -> bool:
    """Whether two events look like one happening: see the module's docstring."""
    named_a = {x.name for x in a.actors if x.kind != "place"}
    named_b = {x.name for x in b.actors if x.kind != "place"}
    if named_a and named_b and not named_a & named_b:
        return False
    names = named_a | named_b | {x.name for x in a.actors + b.actors}
    ta, tb = _unnamed(a.title, names), _unnamed(b.title, names)
    if len(ta.split()) >= 3 and fuzz.token_sort_ratio(ta, tb) >= SAME_TITLES:
        return True
    da, db = _day(a.date), _day(b.date)
    if da is None or db is None or abs(da - db) > 1:
        return False
    if fuzz.token_set_ratio(ta, tb) >= ALIKE_TITLES:
        return True
    wa = _words(_unnamed(a.sources[0].quote if a.sources else a.summary, names))
    wb = _words(_unnamed(b.sources[0].quote if b.sources else b.summary, names))
    shorter = min(len(wa), len(wb))
    return shorter >= 4 and len(wa & wb) / shorter >= ALIKE_WORDS


def duplicate_groups(events: Sequence[Event]) -> list[list[int]]:
    """Groups (positions in ``events``) of events linked by ``likely_same``, of two or more."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            if likely_same(events[i], events[j]):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(events)):
        groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


class WeakTitles:
    """``title_is_weak`` on titles alone: each title parsed by the project's pipeline."""

    def __init__(self) -> None:
        from timeline.config import DEFAULTS
        from timeline.extract.pipeline import load_pipeline

        self._nlp = load_pipeline(DEFAULTS["nlp"]["pipeline"])

    def why(self, e: Event) -> str | None:
        from timeline.extract.events.weak import title_is_weak

        doc = self._nlp(e.title)
        root = next(iter(doc.sents)).root if len(doc) else None
        if root is None:
            return "fragment"
        return title_is_weak(e.title, root, [a.name for a in e.actors])


def _line(i: int, e: Event, why: str | None, group: int | None) -> str:
    marks = " ".join(m for m in (f"D{group}" if group is not None else "", f"W:{why}" if why else "") if m)
    return f"  {i:3d} {e.importance:6.1f} {e.date:10s} [{independent(e):2d}] {e.title[:100]}  {marks}".rstrip()


def _no_happening(e: Event) -> str | None:
    """"happening" when the title tells no happening of its day (``merge.happening_titles``),
    "retold" when it tells an earlier one again, "garbled-<why>" when it is no clause of its
    sentence (``merge.garbled_titles``)."""
    from timeline.merge.garbled_titles import garbled
    from timeline.merge.happening_titles import tells_happening, told_again

    if not tells_happening(e.title, e.predicate, [a.name for a in e.actors]):
        return "happening"
    if told_again(e.title, e.date):
        return "retold"
    why = garbled(e.title, e.summary, e.predicate, [a.name for a in e.actors])
    return f"garbled-{why}" if why else None


def _listed(events: Sequence[Event], weak: WeakTitles, group_of: dict[str, int]) -> int:
    """Print ``events`` one a line; how many have a title a desk would not print."""
    found = 0
    for i, e in enumerate(events, 1):
        why = weak.why(e) or _no_happening(e)
        found += why is not None
        print(_line(i, e, why, group_of.get(e.id)))
    return found


def shown(events: Sequence[Event], review: frozenset[str]) -> list[Event]:
    """The events the site's key-events view chooses from: those of the story's focus (found among
    all the events, as the site finds it), without those it lists apart for review."""
    return [e for e in in_focus(events) if e.id not in review]


def show(name: str, events: list[Event], top: int, key: int, weak: WeakTitles,
         review: frozenset[str] = frozenset()) -> dict[str, int]:
    chosen = key_events(shown(events, review), key)
    best = [e for e in events if e.id not in review][:top]
    groups = duplicate_groups(best)
    group_of = {best[i].id: n for n, g in enumerate(groups, 1) for i in g}
    print(f"== {name}: {len(events)} events")
    print(f"key events ({len(chosen)}, as the site chooses them):")
    weak_key = _listed(chosen, weak, group_of)
    print(f"top {len(best)} by importance:")
    weak_top = _listed(best, weak, group_of)
    print("likely duplicate groups in the top:")
    for n, g in enumerate(groups, 1):
        print(f"  D{n}: " + " | ".join(f"#{i + 1} {best[i].date} {best[i].title[:60]}" for i in g))
    figures = {"key": len(chosen), "key_weak": weak_key, "key_sourced": sum(independent(e) >= 2 for e in chosen),
               "top": len(best), "top_weak": weak_top, "groups": len(groups),
               "places": sum(len(g) - 1 for g in groups)}
    print(f"{name}: key events {figures['key']}, weak titles {weak_key}, with >= 2 independent sources "
          f"{figures['key_sourced']}; top {len(best)}: weak titles {weak_top}, likely duplicate groups "
          f"{len(groups)} ({figures['places']} places)")
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="+")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/tls"))
    parser.add_argument("--top", type=int, default=100)
    parser.add_argument("--key", type=int, default=20)
    args = parser.parse_args(argv)
    weak = WeakTitles()
    for name in args.names:
        path = args.folder / name / "output" / "events.json"
        if not path.is_file():
            print(f"{path}: not built (run python -m evaluation.eval_timelines {name} first)")
            return 2
        events, review = load(args.folder / name)
        show(name, events, args.top, args.key, weak, review)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
