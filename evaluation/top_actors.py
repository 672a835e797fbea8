"""The top actors of built tls-dev collections, and which of them are wrong.

For each collection: the 30 actors named by the most events of its store, each
marked when it is a bare generic noun ("Civilians", "Troops"), a news outlet or
agency ("CNN", "Reuters"), or one spelling of an actor that another of the top
actors spells otherwise (Muammar Gaddafi beside Moammar Gadhafi, Tsvangirai
beside Morgan Tsvangirai).

The marks are made here, not by the build's own name comparison: a split is two
person names whose words pair up as near spellings (edit similarity), or a bare
surname beside a full name ending in it; generic nouns and outlets are the
vocabularies' (``timeline/data/actor_filters.yaml``).

    python -m evaluation.top_actors [NAME ...] [--limit N] [--folder DIR] [--show]

builds each collection (its first ``--limit`` articles when given) under
``DIR/NAME`` with this checkout's package, then prints the counts and, with
``--show``, the list.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz.distance import Indel

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.tls import COLLECTIONS, build, materialise  # noqa: E402
from timeline.extract.actors.filters import load_filters  # noqa: E402
from timeline.extract.actors.names import fold  # noqa: E402

TOP = 30
NEAR_SPELLING = 0.8  # Indel similarity of two words spelt alike (Gaddafi/Gadhafi 0.86, Jackie/Jackson 0.62)


@dataclass(frozen=True)
class Ranked:
    name: str
    kind: str
    events: int
    mark: str = ""  # "", "generic", "outlet" or "split"


def event_actors(content: Path) -> tuple[Counter[tuple[str, str]], int]:
    """How many events of the store under ``content`` name each (actor, kind), and the events."""
    counts: Counter[tuple[str, str]] = Counter()
    total = 0
    for path in sorted((content / "events").glob("*.yaml")):
        for event in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            total += 1
            for actor in event.get("actors") or []:
                if isinstance(actor, dict):
                    counts[(str(actor["name"]), str(actor.get("kind") or ""))] += 1
                else:
                    counts[(str(actor), "")] += 1
    return counts, total


def top_actors(content: Path, top: int = TOP) -> list[Ranked]:
    """The ``top`` actors by events, most first (ties by name), each marked."""
    counts, _ = event_actors(content)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    # People, and what may be a person read as an organisation ("Morgan Tsvangirai"), most named first.
    named = {name: (kind, n) for (name, kind), n in ranked if kind in ("person", "organisation")}
    return [Ranked(name, kind, n, _mark(name, kind, named)) for (name, kind), n in ranked]


def _mark(name: str, kind: str, named: dict[str, tuple[str, int]]) -> str:
    filters = load_filters()
    if filters.is_generic(name):
        return "generic"
    if filters.is_outlet(name):
        return "outlet"
    if name in named and _redundant(name, named):
        return "split"
    return ""


def _redundant(name: str, named: dict[str, tuple[str, int]]) -> bool:
    """Whether ``name`` is a second entry of an actor another name of ``named``
    gives: a spelling less named, or a person's shorter name. A single name
    fitting several people is one only of the one named in twice the events of
    any other ("Tsvangirai" beside Morgan and Susan Tsvangirai; not "Khan"
    beside Imran Khan and Farouk Adam Khan)."""
    kind, events = named[name]
    size = len(fold(name).replace("-", " ").split())
    fits = []
    for other, (_, other_events) in named.items():
        if other == name or not looks_split(name, other):
            continue
        other_size = len(fold(other).replace("-", " ").split())
        if size == other_size and (other_events, other) > (events, name):
            return True  # the same length: a spelling of a more named one
        if size < other_size and kind == "person":
            fits.append(other_events)
    fits.sort(reverse=True)
    return bool(fits) and (size > 1 or len(fits) == 1 or fits[0] >= 2 * fits[1])


def looks_split(one: str, other: str) -> bool:
    """Whether two person names read as one person spelt twice: every word of
    the shorter pairs, in order, with a near spelling of a word of the longer,
    the last words always paired ("Moammar Gadhafi"/"Muammar Gaddafi",
    "Tsvangirai"/"Morgan Tsvangirai"); a single word pairs with either end
    ("Jermaine"/"Jermaine Jackson"); not "George Bush"/"Laura Bush"."""
    a, b = fold(one).replace("-", " ").split(), fold(other).replace("-", " ").split()
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 1:
        return _near(a[0], b[-1]) or _near(a[0], b[0])
    if not _near(a[-1], b[-1]):
        return False
    rest = iter(b[:-1])
    return all(any(_near(word, candidate) for candidate in rest) for word in a[:-1])


def _near(a: str, b: str) -> bool:
    return a == b or len(a) > 2 and len(b) > 2 and Indel.normalized_similarity(a, b) >= NEAR_SPELLING


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help=f"collections (default: all of {', '.join(COLLECTIONS)})")
    parser.add_argument("--limit", type=int, default=None, help="build only the first N articles of each")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/tls-actors"), help="where to build them")
    parser.add_argument("--no-build", action="store_true", help="read the stores already built under --folder")
    parser.add_argument("--show", action="store_true", help="list the top actors with their marks")
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    for name in args.names or COLLECTIONS:
        folder = args.folder / name
        if not args.no_build:
            build(materialise(name, folder, limit=args.limit, cache=args.folder / "cache"), "--jobs", "1")
        ranked = top_actors(folder / "content")
        marks = Counter(r.mark for r in ranked if r.mark)
        totals.update(marks)
        print(f"{name}: top {len(ranked)}: generic {marks['generic']}, outlet {marks['outlet']}, "
              f"split {marks['split']}")
        if args.show:
            for r in ranked:
                print(f"  {r.events:5d}  {r.name} ({r.kind}){'  <- ' + r.mark if r.mark else ''}")
    print(f"all: generic {totals['generic']}, outlet {totals['outlet']}, split {totals['split']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
