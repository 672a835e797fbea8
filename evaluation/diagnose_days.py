"""Where the key-day ranking loses its points: per gold day of each tls-dev collection, what the
build knew about it.

For every day of a journalists' timeline, in a collection built before (``eval_timelines`` leaves
``FOLDER/NAME/output/events.json``): its rank among the days inside the gold window (the ranking
``events.json`` implies, as Date-F1 scores it; a day ranked within the timeline's length l is a
hit), the day's salience (``timeline.merge.days``), the events the store dates to the day, the
articles published on it and the articles published after it that name it by a date expression.
The verdict says which stage to look at:

- ``hit``: ranked within l;
- ``ranking``: the store has events on the day, ranked below l (what signal would lift them?);
- ``extraction``: articles name the day or were published on it, but no event of the store is
  dated to it;
- ``absent``: no article was published on it or names it (beyond what the collection holds).

Under an ``extraction`` day, each article published on it or naming it is accounted for, one line
each: ``no happening`` (every clause of it was set aside: a column, a feature, a page of colour),
``dated elsewhere`` (its happenings went to other days or to a coarser precision: where, how many),
``dated here, merged`` (a happening of the day joined an event the store dates elsewhere), with its
headline, and for an article naming the day, the expression and the words around it.

Then, per timeline, Date-F1 beside what the events allow (every listed day that holds an event
ranked first: no ranking of the store's days does better) and beside ranking every day by its
salience, whether an event survives on it or not, and the days ranked within l that no journalist
listed (what took the places).

    python -m evaluation.diagnose_days [NAME ...] [--folder /tmp/tls] [--cache DIR] [--jobs 1]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Sequence

from evaluation.eval_timelines import date_f1, event_days, load_events, ranked_days
from evaluation.tls import COLLECTIONS, gold
from evaluation.train_day_salience import STANDING_TYPES, extract
from timeline.merge.days import features, references, salience, standing
from timeline.records import Article, Happening, Timex

CONTEXT = 70  # characters of an article's text shown either side of an expression naming a day


def verdict(rank: int | None, length: int, events: int, published: int, named: int) -> str:
    """Which stage lost (or won) a gold day: see the module's documentation."""
    if rank is not None and rank <= length:
        return "hit"
    if events:
        return "ranking"
    return "extraction" if published or named else "absent"


def best_titles(events: list[dict[str, Any]], day: str, n: int = 2) -> list[str]:
    """The titles of the ``n`` most important day-precision events of ``day``."""
    on = [e for e in events if e.get("precision") == "day" and str(e["date"])[:10] == day]
    on.sort(key=lambda e: -float(e.get("importance") or 0))
    return [str(e["title"])[:70] for e in on[:n]]


def accounts(day: str, articles: Sequence[Article], timexes: dict[str, Sequence[Timex]],
             happenings: Sequence[Happening], events: Sequence[dict[str, Any]]) -> list[str]:
    """Why no event of the store lies on ``day``, article by article: one line for each article
    published on the day or naming it by a date expression (see the module's documentation)."""
    quoted = {str(s.get("article")) for e in events if e.get("precision") == "day" and str(e["date"])[:10] == day
              for s in e.get("sources") or ()}
    told: dict[str, list[Happening]] = defaultdict(list)
    for h in happenings:
        told[h.article_id].append(h)
    lines = []
    for article in sorted(articles, key=lambda a: a.id):
        on = article.published is not None and article.published.isoformat() == day
        naming = [t for t in timexes.get(article.id, ()) if t.value and t.value[:10] == day]
        if not on and not naming:
            continue
        own = told.get(article.id, [])
        here = [h for h in own if h.precision in ("day", "time") and h.date[:10] == day]
        if not own:
            why = "no happening"
        elif here and article.id not in quoted:
            why = f"dated here ({len(here)}), merged"
        elif here:
            why = f"dated here ({len(here)})"
        else:
            where = Counter(h.date[:10] if h.precision in ("day", "time") else f"{h.date} ({h.precision})" for h in own)
            most = sorted(where.items(), key=lambda x: -x[1])[:3]
            why = "dated elsewhere: " + ", ".join(f"{d} ×{n}" for d, n in most)
        how = "published" if on else "names it"
        lines.append(f"      {article.id} {how}: {why}  | {article.title[:60]}")
        for t in naming[:2]:
            around = article.text[max(0, t.start - CONTEXT):t.end + CONTEXT].replace("\n", " ")
            lines.append(f"        '{t.text}': …{around}…")
    return lines


def diagnose(name: str, folder: Path, jobs: int) -> Counter[str]:
    events = load_events(folder)
    ranked = ranked_days(event_days(events))
    articles, timexes, happenings = extract(folder, jobs)
    published = {a.id: a.published.isoformat() if a.published else None for a in articles}
    refs = references(timexes)
    rows = features(refs, published, standing(happenings, STANDING_TYPES), standing(happenings, None))
    days = salience(rows)
    issued = Counter(d for d in published.values() if d)
    later: dict[str, set[str]] = defaultdict(set)
    for r in refs:
        if (published.get(r.article) or "") > r.day:
            later[r.day].add(r.article)
    counts = Counter(str(e["date"])[:10] for e in events if e.get("precision") == "day" and e.get("importance"))
    tally: Counter[str] = Counter()
    for timeline, gold_days in gold(name):
        inside = [d for d in ranked if gold_days[0] <= d <= gold_days[-1]]
        place = {d: i for i, d in enumerate(inside, 1)}
        print(f"{name} {timeline} (l = {len(gold_days)})")
        for day in gold_days:
            rank = place.get(day)
            why = verdict(rank, len(gold_days), counts[day], issued[day], len(later[day]))
            tally[why] += 1
            titles = " | ".join(best_titles(events, day))
            print(f"  {day} {why:10s} rank {rank or '-':>4} salience {days.get(day, 0):.2f} "
                  f"events {counts[day]:3d} published {issued[day]:2d} named later {len(later[day]):2d}  {titles}")
            if why == "extraction":
                print("\n".join(accounts(day, articles, timexes, happenings, events)))
        ceiling = sorted(ranked, key=lambda d: (not (d in gold_days and counts[d]), place.get(d, 0)))
        print(f"  Date-F1 {date_f1(ranked, gold_days):.3f}; with every listed day that holds an event ranked first "
              f"{date_f1(ceiling, gold_days):.3f} (what the events allow); ranking every day by its salience, "
              f"events or none, {date_f1(ranked_days(days), gold_days):.3f}")
        wrong = [d for d in inside[:len(gold_days)] if d not in gold_days]
        print(f"  ranked within l, not listed: {len(wrong)}")
        for day in wrong:
            print(f"    {day} salience {days.get(day, 0):.2f} events {counts[day]:3d} published {issued[day]:2d} "
                  f"named later {len(later[day]):2d}  {' | '.join(best_titles(events, day, 1))}")
    return tally


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", default=COLLECTIONS)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/tls"))
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    total: Counter[str] = Counter()
    for name in args.names:
        folder = args.folder / name
        if not (folder / "output" / "events.json").exists():
            print(f"{name}: {folder}/output/events.json is absent: build it with evaluation.eval_timelines first")
            continue
        tally = diagnose(name, folder, args.jobs)
        total += tally
        print(f"  {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())) + "\n")
    print("all: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
