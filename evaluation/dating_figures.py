"""How the events of built tls-dev collections are dated, with no labels needed.

For each collection (built as ``eval_real_news.py`` builds it, in ``--work``):
events per article, the share dated only by the publication day, by the day the
lede set (``lead-event-day``) and by a happening the article dates by name
elsewhere (``named-occasion``), the share
typed ``other``, and two counts of misread time expressions: events dated by
four figures read as a year before 1900 (most are clock times, "struck at
1653"), and events dated by a capitalised "Today" (most name a programme or a
paper).

    python evaluation/dating_figures.py --work /tmp/real-news t17-mj t17-haiti
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from evaluation.eval_real_news import WORK, built, percent, stored_events  # noqa: E402
from evaluation.tls import COLLECTIONS  # noqa: E402


def figures(name: str, events: list[dict[str, Any]], articles: int) -> str:
    rules = Counter(str((e.get("evidence") or {}).get("rule")) for e in events)
    expressions = [str((e.get("evidence") or {}).get("expression") or "") for e in events]
    old_years = sum(1 for e, x in zip(events, expressions)
                    if x.isdigit() and len(x) == 4 and int(x) < 1900 and str(e.get("date", "")).startswith(x))
    today = sum(1 for x in expressions if x == "Today")
    other = sum(1 for e in events if e.get("type") == "other")
    per = len(events) / max(articles, 1)
    return (f"{name}: {len(events)} events from {articles} articles ({per:.1f} per article); "
            f"dated only by publication {percent(rules.get('publication-date', 0), len(events))}; "
            f"by the lede's day {percent(rules.get('lead-event-day', 0), len(events))}; "
            f"by a happening named elsewhere {percent(rules.get('named-occasion', 0), len(events))}; "
            f"other {percent(other, len(events))}; four figures read as a year before 1900: {old_years}; "
            f"dated by a capitalised 'Today': {today}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=WORK, help="where collections are built")
    parser.add_argument("names", nargs="+", choices=sorted(COLLECTIONS))
    args = parser.parse_args()
    for name in args.names:
        content = built(name, args.work)
        print(figures(name, stored_events(content), len(list(content.glob("*.txt")))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
