"""One happening's reports split over two clusters, joined again.

Clustering takes the happenings one at a time and tests each against the first report of
the clusters near it, and the first that matches takes it. So the order the reports come in
can leave one happening in two clusters: "Dr Murray is due to be sentenced" opens a cluster
that one report of the sentencing then joins, while another report of it had already joined
a cluster opened by "Murray passed up a final chance to address the court" the same day.
Here two clusters are one when a report of one and a report of the other are the same
happening by the very test clustering applies (``clusters.same``), comparing the first
``SHOWN`` reports that tell it took place of each, on dates a day apart at most (a report
days later is ``restated``'s to join). They are kept apart when an article reports in both
(extraction told its sentences apart). A cluster joins a group of joined clusters only
by matching the group's first cluster, so that no chain of likenesses (nominations, a
closed session, a vote: each like the next) folds a week of a story into one event.

Only clusters that share a date bucket (a day either side) and an actor are compared, at
most ``MAX_CANDIDATES`` per key, so the work grows with the number of clusters. A report
that names no one who acted, or only a country ("the quake struck", "an earthquake hit
Haiti"), is filed under its type too, so that the reports of a natural happening meet; one
that names its party only by a description ("the personal doctor of Michael Jackson",
``stories.parties``) is filed under its type as described, where every report looks, so that
it meets the name it stands for.
"""

from __future__ import annotations

from timeline.merge.clusters import MAX_CANDIDATES, Probe, blocking, compatible_dates, probe_of, same
from timeline.merge.stories import Lexicon, row_key
from timeline.records import Happening

SHOWN = 3  # reports of a cluster compared with another's
UNNAMED = frozenset({"place", "country"})  # actors of a report that names no one who acted: "the quake hit Haiti"


def join_split(clusters: list[list[Happening]], lexicon: Lexicon) -> list[list[Happening]]:
    """``clusters`` with those that tell one happening joined, in the order of their
    first cluster, each joined group's reports in clustering order."""
    if len(clusters) < 2 or not lexicon.fitted:
        return clusters
    shown: list[list[Probe]] = []
    for group in clusters:
        done = [h for h in group if h.status == "occurred"][:SHOWN]
        shown.append([probe_of(h, lexicon.row_of(h)) for h in done])
    parent = list(range(len(clusters)))
    articles = [{h.article_id for h in group} for group in clusters]
    index: dict[tuple[object, str], list[int]] = {}
    for i, probes in enumerate(shown):
        candidates: set[int] = set()
        files: set[tuple[object, str]] = set()
        for p in probes:
            filed, looks, names = blocking(p[7])
            described = f"described:{p[1]}"
            if all(a.kind in UNNAMED for a in p[7].actors):  # names no one who acted: under its type too
                names = [*names, f"type:{p[1]}"]
            for name in names:
                files.update((bucket, name) for bucket in filed)
            if not p[2] and p[7].actors:  # names its party by a description: where every report looks
                files.update((bucket, described) for bucket in filed)
            for name in (*names, described):
                for bucket in looks:
                    candidates.update(index.get((bucket, name), ())[-MAX_CANDIDATES:])
        for j in sorted(candidates):
            a, b = root(parent, j), root(parent, i)
            if a != b and not articles[a] & articles[b] and _told_alike(shown[a], shown[b], lexicon):
                low, high = min(a, b), max(a, b)
                parent[high] = low
                articles[low] |= articles[high]
        for key in files:
            index.setdefault(key, []).append(i)
    return regroup(clusters, parent)


def regroup(clusters: list[list[Happening]], parent: list[int]) -> list[list[Happening]]:
    """``clusters`` joined as the union-find ``parent`` says, in the order of each group's first
    cluster, each group's reports in clustering order."""
    if all(parent[i] == i for i in range(len(parent))):
        return clusters
    joined: dict[int, list[Happening]] = {}
    for i, group in enumerate(clusters):
        joined.setdefault(root(parent, i), []).extend(group)
    return [sorted(group, key=row_key) for _, group in sorted(joined.items())]


def root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _told_alike(left: list[Probe], right: list[Probe], lexicon: Lexicon) -> bool:
    """Whether a report of ``left`` and one of ``right`` of compatible dates are one happening."""
    return any(compatible_dates(a[3], b[3]) and same(a, b, lexicon) for a in left for b in right)
