"""A later report of an earlier happening: background told again joins the happening it tells.

Weeks or months into a story, articles tell again what earlier ones reported ("Dr Murray has
pleaded not guilty to involuntary manslaughter", "the army seized power that night"), naming no
date, so extraction can only date the clause by its article's day. Clustering compares
happenings of nearby days; here a cluster whose every report is dated only so (``restatable``)
joins the earliest cluster of an earlier day that tells the same happening, however long
before, and the event keeps the earlier date (``proposals`` counts a later undated report as a
source, never as a date). The test is meant for a restatement, not a new happening of the same
kind (a second ruling, a new denial, another visit), which shares the actor and the verb too:

- the two share an actor (not a place) and the verb, or a class of ``predicate_classes``
  (``data/event_types.yaml``); a statement has the same speaker; they name no two places and
  report no different figures;
- their words are alike: the TF-IDF cosine of title and sentence (``stories.Lexicon``) reaches
  ``RESTATED_WORDS``; a new happening of the same kind is told in other words, with its own
  object, court, figure or counterpart;
- a report in the first sentences of its article is that article's news, so it needs
  ``RESTATED_LEAD``: the same words, not the same kind ("Musharraf will allow Sharif to return",
  months after "Musharraf said he would not allow Sharif to return", is a new statement).

Nothing compares every pair: the earlier clusters are filed under each (actor, verb or class)
they tell, and a later report looks only in its own keys, at most ``MAX_EARLIER`` clusters a
key, the most reported first (what is told again weeks later is what many reported). The
cosines of all the pairs are computed at once as sparse products; then the reports are taken
in date order, so a report joins the cluster an earlier restatement already joined.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from timeline.extract.temporal.values import bounds
from timeline.merge.plans import classes_of
from timeline.merge.stories import SAYING, Lexicon, speaker
from timeline.records import Happening

RESTATED_WORDS = 0.45  # TF-IDF cosine from which a later undated report tells an earlier happening again
RESTATED_LEAD = 0.6  # the cosine needed when the report is among the first sentences of its article
LEAD_SENTENCES = 2  # sentences that open an article and tell its own news
MAX_EARLIER = 100  # earlier clusters compared per (actor, verb) key: bounds a crowded key
COMPARED = 3  # reports of a cluster whose words and keys stand for it
RESTATABLE = frozenset({"publication-date", "lead-event-day"})  # rules that date a clause by no words of its own
FINE = frozenset({"day", "time"})
CHUNK = 50_000  # pairs whose cosines are computed in one sparse product


def restatable(h: Happening) -> bool:
    """Dated to a day by no time expression of its own: by its article's day or its lede's."""
    return h.evidence.rule in RESTATABLE and h.precision in FINE and h.status == "occurred"


@lru_cache(maxsize=1 << 16)
def first_day(date: str) -> int | None:
    span = bounds(date)
    return span[0].toordinal() if span else None


def _keys(h: Happening) -> set[tuple[str, str]]:
    """(actor, verb or class) keys: a report and the happening it restates share one."""
    kinds = {f"verb:{h.predicate.lower()}"} | {f"class:{c}" for c in classes_of(h)}
    if h.type == SAYING:
        kinds.add("saying")
    return {(a.name, kind) for a in h.actors if a.kind != "place" for kind in kinds}


def join_restated(clusters: list[list[Happening]], lexicon: Lexicon) -> list[list[Happening]]:
    """``clusters`` with every later undated report of an earlier happening moved into that
    happening's cluster (at its end, in the clusters' order)."""
    starts = [first_day(c[0].date) for c in clusters]
    later = [i for i, c in enumerate(clusters) if starts[i] is not None and all(restatable(h) for h in c)]
    if not later or not lexicon.fitted:
        return clusters
    pairs = _pairs(clusters, starts, later)
    if not pairs:
        return clusters
    heads = [lexicon.row_of(clusters[i][0]) for i, _ in pairs]
    members = [[lexicon.row_of(h) for h in clusters[j][:COMPARED]] for _, j in pairs]
    cosines = _best_cosines(lexicon, heads, members)
    passing: dict[int, list[int]] = {}
    for (i, j), cos in zip(pairs, cosines):
        if cos >= RESTATED_WORDS and _restates(clusters[i][0], clusters[j][:COMPARED], cos):
            passing.setdefault(i, []).append(j)
    if not passing:
        return clusters
    into: dict[int, int] = {}
    for i in sorted(passing, key=lambda k: (starts[k], k)):
        # the earliest day-dated happening it tells, else the earliest of any precision
        j = min(passing[i], key=lambda k: (clusters[k][0].precision not in FINE, starts[k], k))
        while j in into:
            j = into[j]
        if j != i:
            into[i] = j
    out: list[list[Happening]] = []
    joined: dict[int, list[Happening]] = {}
    for i in sorted(into):
        joined.setdefault(into[i], []).extend(clusters[i])
    for i, group in enumerate(clusters):
        if i not in into:
            out.append(group + joined[i] if i in joined else group)
    return out


def _pairs(clusters: list[list[Happening]], starts: Sequence[int | None], later: list[int]) -> list[tuple[int, int]]:
    """(later report, earlier cluster) pairs that share a key, at most ``MAX_EARLIER``
    earlier clusters a key, the most reported first."""
    wanted: set[tuple[str, str]] = set()
    keys_of: dict[int, set[tuple[str, str]]] = {}
    for i in later:
        keys_of[i] = set().union(*(_keys(h) for h in clusters[i][:COMPARED]))
        wanted |= keys_of[i]
    filed: dict[tuple[str, str], list[int]] = {}
    for j, group in enumerate(clusters):
        if starts[j] is None:
            continue
        for key in set().union(*(_keys(h) for h in group[:COMPARED])) & wanted:
            filed.setdefault(key, []).append(j)
    reports = [len({h.article_id for h in group}) for group in clusters]
    for block in filed.values():
        block.sort(key=lambda j: (-reports[j], starts[j], j))
    pairs: list[tuple[int, int]] = []
    for i in later:
        day, seen = starts[i], set()
        for key in sorted(keys_of[i]):
            taken = 0
            for j in filed.get(key, ()):
                start = starts[j]
                if start is not None and day is not None and start < day and j not in seen:
                    seen.add(j)
                    pairs.append((i, j))
                    taken += 1
                    if taken == MAX_EARLIER:
                        break
    return pairs


def _best_cosines(lexicon: Lexicon, heads: list[int], members: list[list[int]]) -> list[float]:
    """Per pair, the best cosine of the report's words with one of the cluster's reports."""
    left: list[int] = []
    right: list[int] = []
    owner: list[int] = []
    for k, (head, rows) in enumerate(zip(heads, members)):
        for row in rows:
            left.append(head)
            right.append(row)
            owner.append(k)
    best = [0.0] * len(heads)
    for start in range(0, len(left), CHUNK):
        values = lexicon.pair_cosines(left[start:start + CHUNK], right[start:start + CHUNK])
        for k, value in zip(owner[start:start + CHUNK], values):
            if value > best[k]:
                best[k] = value
    return best


def _restates(report: Happening, earlier: list[Happening], cosine: float) -> bool:
    """Whether ``report`` tells again what one of the ``earlier`` reports told."""
    if report.sentence_index < LEAD_SENTENCES and cosine < RESTATED_LEAD:
        return False
    if any(h.article_id == report.article_id for h in earlier):
        return False  # one article's sentences: extraction has told them apart
    return any(_alike(report, h) for h in earlier)


def _alike(report: Happening, told: Happening) -> bool:
    names = {a.name for a in report.actors if a.kind != "place"}
    if not names & {a.name for a in told.actors if a.kind != "place"}:
        return False
    same_verb = report.predicate.lower() == told.predicate.lower() or bool(classes_of(report) & classes_of(told))
    if report.type == SAYING or told.type == SAYING:
        said, earlier = speaker(report), speaker(told)
        if said is not None and earlier is not None and said != earlier:
            return False
        same_verb = same_verb or report.type == told.type
    if not same_verb:
        return False
    if report.place and told.place and report.place != told.place:
        return False
    return not (report.numbers and told.numbers and not set(report.numbers) & set(told.numbers))
