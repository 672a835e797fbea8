"""The top actors of built tls-dev collections, and which of them are wrong.

For each collection: the 30 actors named by the most events of its store, each
marked when it is a bare generic noun ("Civilians", "Troops"), a news outlet or
agency ("CNN", "Reuters"), or one spelling of an actor that another actor of
the store spells otherwise, however rarely (Muammar Gaddafi beside Moammar
Gadhafi, Tsvangirai beside Morgan Tsvangirai, Paulson beside Henry M. Paulson
Jr.).

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
from timeline.extract.actors.gazetteer import load_gazetteer  # noqa: E402
from timeline.extract.actors.names import fold  # noqa: E402

TOP = 30
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
NEAR_SPELLING = 0.8  # Indel similarity of two words spelt alike (Gaddafi/Gadhafi 0.86, Jackie/Jackson 0.62)
FAR_MORE = 5  # a short name of two words named in more than this many times the events of a longer one


@dataclass(frozen=True)
class Ranked:
    name: str
    kind: str
    events: int
    mark: str = ""  # "", "generic", "outlet" or "split"
    beside: str = ""  # the other entry of a split


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
    # Every person of the store, and what may be a person read as an organisation ("Morgan
    # Tsvangirai"): a top actor is split as well when its other spelling is rarely named.
    # A place no gazetteer knows may be a person read as a town ("Mbeki" beside Thabo Mbeki).
    gaz = load_gazetteer()
    named: dict[str, tuple[str, int]] = {}
    for (name, kind), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if kind in ("person", "organisation") or kind == "place" and gaz.lookup(name) is None and \
                gaz.place(name) is None:
            named.setdefault(name, (kind, n))
    owners = {name: owner for name in named if (owner := owner_of(name, named))}
    partners = {owner: name for name, owner in sorted(owners.items(), key=lambda item: named[item[0]][1])}
    return [Ranked(name, kind, n, mark, owners.get(name) or partners.get(name, "") if mark == "split" else "")
            for (name, kind), n in ranked for mark in [_mark(name, kind, named, owners)]]


def _mark(name: str, kind: str, named: dict[str, tuple[str, int]], owners: dict[str, str]) -> str:
    filters = load_filters()
    if filters.is_generic(name):
        return "generic"
    if filters.is_outlet(name):
        return "outlet"
    if name in named and (name in owners or name in owners.values()):
        return "split"
    return ""


def owner_of(name: str, named: dict[str, tuple[str, int]]) -> str | None:
    """The actor of ``named`` that ``name`` is a second entry of, if any: a
    spelling more named, or the person a shorter name stands for. A single
    name fitting several people is one only of the one named in twice the
    events of any other ("Tsvangirai" beside Morgan and Susan Tsvangirai; not
    "Khan" beside Imran Khan and Farouk Adam Khan)."""
    kind, events = named[name]
    head, _, last = name.rpartition(" ")
    if kind == "organisation" and last.islower() and head in named:
        return head  # "Zanu-PF party" beside "Zanu-PF"
    size = len(_words(name))
    fits: list[tuple[int, str]] = []
    for other, (other_kind, other_events) in named.items():
        if other == name or not looks_split(name, other):
            continue
        other_size = len(_words(other))
        if size == other_size and (other_events, other) > (events, name):
            return other  # the same length: a spelling of a more named one
        # the full name a person's, or one a tagger took for an organisation's ("Morgan Tsvangirai");
        # a name of two words far more named than the longer one is someone else's: "Michael Jackson"
        # beside the "Michael Joseph Jackson" his son is named once
        if size < other_size and kind in ("person", "place") and (other_kind == "person" or other_size <= 3) \
                and (size == 1 or events <= FAR_MORE * other_events):
            fits.append((other_events, other))
    fits.sort(reverse=True)
    if fits and (size > 1 or len(fits) == 1 or fits[0][0] >= 2 * fits[1][0]):
        return fits[0][1]
    return None


def looks_split(one: str, other: str) -> bool:
    """Whether two person names read as one person spelt twice: every word of
    the shorter pairs, in order, with a near spelling of a word of the longer,
    the last words always paired ("Moammar Gadhafi"/"Muammar Gaddafi",
    "Tsvangirai"/"Morgan Tsvangirai"); a single word pairs with either end
    ("Jermaine"/"Jermaine Jackson"); not "George Bush"/"Laura Bush"."""
    a, b = _words(one), _words(other)
    if len(a) > len(b):
        a, b = b, a
    if len(a) == 1:
        return _near(a[0], b[-1]) or a[0] == b[0]  # a surname spelt otherwise, or the given name itself
    if not _near(a[-1], b[-1]):
        return False
    rest = iter(b[:-1])
    return all(any(_near(word, candidate) for candidate in rest) for word in a[:-1])


def _words(name: str) -> list[str]:
    """The words of a name, without a generational suffix ("Henry M. Paulson Jr.")."""
    parts = fold(name).replace("-", " ").split()
    return parts[:-1] if len(parts) > 2 and parts[-1] in SUFFIXES else parts


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
                beside = f" ({r.beside})" if r.beside else ""
                print(f"  {r.events:5d}  {r.name} ({r.kind}){'  <- ' + r.mark + beside if r.mark else ''}")
    print(f"all: generic {totals['generic']}, outlet {totals['outlet']}, split {totals['split']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
