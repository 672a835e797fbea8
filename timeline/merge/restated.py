"""A later report of an earlier happening: background told again joins the happening it tells.

Weeks or months into a story, articles tell again what earlier ones reported ("Dr Murray has
pleaded not guilty to involuntary manslaughter", "the army seized power that night"), naming no
date, so extraction can only date the clause by its article's day; or they name only its
month or year ("Jackson died in June"). Clustering compares happenings of nearby days, filed
by day; here a cluster whose every report is dated only by its article (``restatable``) joins
the earliest cluster of an earlier day that tells the same happening, however long before,
and one whose every report names only a month, season or year (``COARSE``) joins the
happening of a day inside it. The event keeps the earlier, finer date (``proposals`` counts a
later undated report as a source, never as a date, and a month as the day it holds). The test
is meant for a restatement, not a new happening of the same kind (a second ruling, a new
denial, another visit), which shares the actor and the verb too:

- the two share an actor (not a place), or name none and say it in the words of
  ``RESTATED_SAME``, or one names its party only by a description ("the doctor present at
  X's deathbed", ``stories.parties``) and the verb is one; they share the verb, or a class of
  ``predicate_classes`` (``data/event_types.yaml``), or one's title tells the other's verb in a
  clause ("died after suffering a cardiac arrest", "suffered a cardiac arrest"), or they say it
  in the words of ``RESTATED_SAME``; a statement has
  the same speaker, and one who takes part in what the other report tells; they name no
  two places and report no different figures;
- their words are alike: the TF-IDF cosine of title and sentence (``stories.Lexicon``),
  the actors' names left out, reaches ``RESTATED_WORDS``, and those words make
  ``RESTATED_SHARE`` of the whole cosine (a short remnant of common words is no likeness);
  a new happening of the same kind is told in other words, with its own object, court, figure or counterpart, and two
  meetings of the same two leaders are alike by their names only;
- or the report's title says, beside the names, only a word or two of an earlier report's
  title with the same verb ("Zuma was acquitted", years after "Zuma was acquitted of rape"):
  what the sentence around it says is its article's, not the happening's;
- an undated report in the first sentences of its article is that article's news, so it
  needs ``RESTATED_LEAD``: the same words, not the same kind ("Musharraf will allow Sharif to return",
  months after "Musharraf said he would not allow Sharif to return", is a new statement).

A person's death (``once_classes``: what a person goes through once) told again of the same
person is that death, whatever place, figure or words the later report gives.

Nothing compares every pair: the earlier clusters are filed under each (actor or type, verb
or class) they tell and under each party, and a later report looks only in its own keys, at
most ``MAX_EARLIER`` clusters a key, the most reported first (what is told again weeks later is what many reported). The
cosines of all the pairs are computed at once as sparse products; then the reports are taken
in date order, so a report joins the cluster an earlier restatement already joined.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import groupby
from typing import Sequence

from timeline.merge.clusters import FINE, first_day, last_day
from timeline.merge.importance import LEAD_SENTENCES
from timeline.merge.plans import classes_of
from timeline.merge.stories import SAYING, Lexicon, once_candidate, once_only, parties, plain_verbs, speaker
from timeline.merge.wording import same_verb as one_verb
from timeline.records import Happening

RESTATED_WORDS = 0.45  # cosine beside the actors' names from which a later report tells an earlier happening again
RESTATED_SHARE = 0.35  # and the share of the whole cosine those words make: a few common words left are not enough
RESTATED_LEAD = 0.6  # the cosine needed when the report is among the first sentences of its article
RESTATED_SAME = 0.75  # the cosine of one sentence told again: no shared verb or actor needed
MAX_EARLIER = 100  # earlier clusters compared per (actor, verb) key: bounds a crowded key
BARE_WORDS = 2  # words beside the names of a title that says only what an earlier one said
COMPARED = 3  # reports of a cluster whose words and keys stand for it
RESTATABLE = frozenset({"publication-date", "lead-event-day"})  # rules that date a clause by no words of its own
COARSE = frozenset({"week", "month", "season", "quarter", "half", "year"})  # spans a day's happening may be told in
CHUNK = 50_000  # pairs whose cosines are computed in one sparse product


def restatable(h: Happening) -> bool:
    """Dated to a day by no time expression of its own: by its article's day or its lede's."""
    return h.evidence.rule in RESTATABLE and h.precision in FINE and h.status == "occurred"


def coarse(h: Happening) -> bool:
    """Dated to a span that holds days (a month, a year): a day's happening told later."""
    return h.precision in COARSE and h.status == "occurred"


Window = tuple[int, int, bool]  # the first and last day of an earlier happening's date, and whether only a day's


def _window(group: list[Happening]) -> Window | None:
    """Where the happening a cluster tells again may lie: any day before an undated report's,
    a day inside a month's or a year's."""
    start, end = first_day(group[0].date), last_day(group[0].date)
    if start is None or end is None:
        return None
    if all(restatable(h) for h in group):
        return (-1, start - 1, False)
    if all(coarse(h) for h in group) and len({h.date for h in group}) == 1:
        return (start, end, True)
    return None


class _Told:
    """What the keys of a report are made of (``_keys``), read once whether it looks or is filed."""

    __slots__ = ("kinds", "names", "described", "type", "title")

    def __init__(self, h: Happening) -> None:
        kinds = {f"verb:{h.predicate.lower()}"} | {f"class:{c}" for c in classes_of(h)}
        if h.type == SAYING:
            kinds.add("saying")
        self.kinds, self.names, self.type, self.title = kinds, parties(h), h.type, h.title
        # some of its actors named only inside a description of someone else
        self.described = len(self.names) < len({a.name for a in h.actors if a.kind != "place"})


def _keys(h: Happening | _Told, filing: frozenset[str] | None = None, predicate: str = "") -> set[tuple[str, str]]:
    """(actor, verb or class) keys: a report and the happening it restates share one. A
    report that names no one looks under its type, where every happening is filed too; one
    that names its party only by a description ("the doctor present at X's deathbed") is filed
    under its type as described, where every report looks; and a report of a party looks for
    the forms of its verb among the title words of earlier reports of that party ("died after
    suffering a cardiac arrest" for "suffered a cardiac arrest"). ``filing`` (the verb forms
    some report looks for) files a report instead of looking."""
    read = _Told(h) if isinstance(h, Happening) else h
    if isinstance(h, Happening):
        predicate = h.predicate
    kinds, names = read.kinds, set(read.names)
    told = _title_words(read.title) & filing if filing is not None else _forms(predicate)
    keys = {(name, f"told:{w}") for name in names for w in told}
    if filing is None or read.described:
        keys |= {(f"described:{read.type}", kind) for kind in kinds}
    if filing is not None or not names:
        names.add(f"type:{read.type}")
    return keys | {(name, kind) for name in names for kind in kinds}


def join_restated(clusters: list[list[Happening]], lexicon: Lexicon) -> list[list[Happening]]:
    """``clusters`` with every later undated report of an earlier happening moved into that
    happening's cluster (at its end, in the clusters' order)."""
    starts = [first_day(c[0].date) for c in clusters]
    fine = [c[0].precision in FINE for c in clusters]
    windows = {i: w for i, c in enumerate(clusters) if (w := _window(c)) is not None}
    if not windows or not lexicon.fitted:
        return clusters
    shown = [_shown(group) for group in clusters]
    reports = [len({h.article_id for h in group}) for group in clusters]
    pairs = _pairs(shown, reports, starts, fine, windows)
    if not pairs:
        return clusters
    rows = [[lexicon.row_of(h) for h in group] for group in shown]
    alike = _alike_words(lexicon, pairs, shown, rows)
    # what a report that says too little alike may still be: a death told again, or a bare title
    once = {i: once_candidate(shown[i][0]) for i in windows}
    bare = {i: None if windows[i][2] else _bare_words(lexicon, shown[i][0]) for i in windows}
    passing: dict[int, list[tuple[bool, int]]] = {}
    for (i, j), (best, head) in zip(pairs, alike):
        report = shown[i][head]
        if best < RESTATED_WORDS and (once[i] and any(once_only(shown[i][0], h) for h in shown[j]) or
                                      _bare(bare[i], shown[i][0], shown[j], lexicon)):
            report, best = shown[i][0], RESTATED_WORDS
        if best >= RESTATED_WORDS:
            told = _restates(report, shown[j], best, undated=not windows[i][2])
            if told is not None:
                passing.setdefault(i, []).append((told, j))
    if not passing:
        return clusters
    into: dict[int, int] = {}
    for i in sorted(passing, key=lambda k: (starts[k], k)):
        # the earliest day-dated happening told with the same verb, else any told so, else the earliest
        _, j = min(passing[i], key=lambda t: (not t[0], not fine[t[1]], starts[t[1]] or 0, t[1]))
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


def _shown(group: list[Happening]) -> list[Happening]:
    """The reports whose words and keys stand for a cluster: its shortest sentence first (the
    happening told with the least else run into it), then its first reports."""
    shortest = min(group, key=lambda h: len(h.sentence))  # the first of the shortest, in the cluster's order
    return [shortest, *(h for h in group[:COMPARED] if h is not shortest)][:COMPARED]


def _pairs(shown: list[list[Happening]], reports: Sequence[int], starts: Sequence[int | None],
           fine: Sequence[bool], windows: dict[int, Window]) -> list[tuple[int, int]]:
    """(later report, earlier cluster) pairs that share a key, the earlier one's date in the
    report's window, at most ``MAX_EARLIER`` earlier clusters a key, the most ``reports``
    (articles) first."""
    told = {id(h): _Told(h) for group in shown for h in group}
    wanted: set[tuple[str, str]] = set()
    keys_of: dict[int, set[tuple[str, str]]] = {}
    for i in windows:
        keys_of[i] = set().union(*(_keys(told[id(h)], predicate=h.predicate) for h in shown[i]))
        wanted |= keys_of[i]
    forms = frozenset(kind[5:] for _, kind in wanted if kind.startswith("told:"))
    filed: dict[tuple[str, str], list[int]] = {}
    for j, group in enumerate(shown):
        if starts[j] is None:
            continue
        for key in set().union(*(_keys(told[id(h)], filing=forms) for h in group)) & wanted:
            filed.setdefault(key, []).append(j)
    # per key, its clusters the most reported first, then by day: runs of one count of reports,
    # each ordered by day, so that a window's clusters are a slice of each run
    runs: dict[tuple[str, str], list[tuple[list[int], list[int]]]] = {}
    for key, block in filed.items():
        block.sort(key=lambda j: (-reports[j], starts[j], j))
        runs[key] = [([starts[j] or 0 for j in run], run)
                     for run in (list(g) for _, g in groupby(block, key=lambda j: reports[j]))]
    pairs: list[tuple[int, int]] = []
    for i, (low, high, day_only) in windows.items():
        seen: set[int] = set()
        for key in sorted(keys_of[i]):
            taken = 0
            for days, run in runs.get(key, ()):
                for j in run[bisect_left(days, low):bisect_right(days, high)]:
                    if (fine[j] or not day_only) and j not in seen:
                        seen.add(j)
                        pairs.append((i, j))
                        taken += 1
                        if taken == MAX_EARLIER:
                            break
                if taken == MAX_EARLIER:
                    break
    return pairs


def _alike_words(lexicon: Lexicon, pairs: list[tuple[int, int]], shown: list[list[Happening]],
                 rows: list[list[int]]) -> list[tuple[float, int]]:
    """Per pair, how alike the closest of the later cluster's shown reports and of the
    earlier cluster's are in words, and which of the later ones it is (its place in ``shown``),
    beside the names of their actors: "Putin met Macron" and "Macron met Putin" months apart
    are alike by their names alone, two meetings; what a restatement tells again is in its
    other words. A pair whose other words make less than ``RESTATED_SHARE`` of its whole
    cosine counts 0: a short remnant of common words is no likeness."""
    import numpy as np

    names: dict[int, list[str]] = {}
    for group, found in zip(shown, rows):
        for h, row in zip(group, found):
            names[row] = [a.name for a in h.actors]
    # every (pair, report of the later cluster, report of the earlier) at once, in that order
    padded = np.full((len(rows), COMPARED), -1, dtype=np.int64)
    for k, found in enumerate(rows):
        padded[k, :len(found)] = found
    later, earlier = padded[[i for i, _ in pairs]], padded[[j for _, j in pairs]]
    shape = (len(pairs), COMPARED, COMPARED)
    heads = np.broadcast_to(later[:, :, None], shape)
    valid = (heads >= 0) & np.broadcast_to(earlier[:, None, :] >= 0, shape)
    left, right = heads[valid], np.broadcast_to(earlier[:, None, :], shape)[valid]
    owner = np.broadcast_to(np.arange(len(pairs))[:, None, None], shape)[valid]
    place = np.broadcast_to(np.arange(COMPARED)[None, :, None], shape)[valid]
    used = set(np.unique(np.concatenate([left, right])).tolist())
    beside = lexicon.beside_names({r: n for r, n in names.items() if r in used})
    cosines = np.zeros(len(left))
    for begin in range(0, len(left), CHUNK):
        shares, alike = beside.alike(left[begin:begin + CHUNK], right[begin:begin + CHUNK])
        cosines[begin:begin + CHUNK] = np.where(shares >= RESTATED_SHARE, alike, 0.0)
    # per pair the closest, the first of equals in that order; none alike counts (0, 0)
    kept = np.nonzero(cosines > 0)[0]
    order = kept[np.lexsort((kept, -cosines[kept], owner[kept]))]
    first = order[np.r_[True, owner[order][1:] != owner[order][:-1]]] if len(order) else order
    best = [(0.0, 0)] * len(pairs)
    for k, cosine, head in zip(owner[first].tolist(), cosines[first].tolist(), place[first].tolist()):
        best[k] = (cosine, head)
    return best


def _bare_words(lexicon: Lexicon, report: Happening) -> frozenset[int] | None:
    """The words of ``report``'s title beside its actors' names when they are ``BARE_WORDS``
    or fewer, else None (``_bare``)."""
    words = _title_terms(lexicon, report)
    return words if words and len(words) <= BARE_WORDS else None


def _bare(words: frozenset[int] | None, report: Happening, earlier: list[Happening], lexicon: Lexicon) -> bool:
    """Whether ``report``'s title says, beside its actors' names, no more than ``BARE_WORDS``
    words (``words``, from ``_bare_words``), all in the title of one of the ``earlier`` reports
    with the same verb: "Zuma was acquitted", years after "Zuma was acquitted of rape", tells
    nothing new of its own. (The sentence around it may say much else, so its cosine alone
    would not find it.)"""
    if words is None:
        return False
    verb = report.predicate.lower()
    return any(h.predicate.lower() == verb and words <= _title_terms(lexicon, h) for h in earlier)


def _title_terms(lexicon: Lexicon, h: Happening) -> frozenset[int]:
    named = set().union(*(lexicon.terms_of(a.name) for a in h.actors)) if h.actors else set()
    return lexicon.terms_of(h.title) - named


def _told_of(described: Happening, other: Happening) -> bool:
    """Whether ``other``'s sentence tells of someone ``described``'s description names (by surname)."""
    return any(a.name.split()[-1] in other.sentence for a in described.actors if a.kind != "place")


def _verb_in(verb: str, title: str) -> bool:
    """Whether ``title`` tells ``verb`` (a lemma) in one of its forms: "died after suffering a
    cardiac arrest" tells what "suffered a cardiac arrest" tells, in a clause of its own."""
    return bool(_forms(verb) & _title_words(title))


@lru_cache(maxsize=1 << 14)
def _forms(verb: str) -> frozenset[str]:
    """The forms of a verb a title may tell it in (none for a verb of being, a light verb, or one
    that tells only a phase of something else: "began to play down", "ended")."""
    from timeline.extract.events.vocabulary import load_vocabulary

    verb = verb.lower()
    if len(verb) < 3 or verb in plain_verbs() or verb in load_vocabulary().light_predicates:
        return frozenset()
    stem = verb[:-1] if verb.endswith("e") else verb
    forms = {verb, verb + "s", verb + "es", stem + "ed", stem + "ing", verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ied", verb[:-1] + "ies"}
    return frozenset(forms)


@lru_cache(maxsize=1 << 16)
def _title_words(title: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z]+", title.lower()))


def _restates(report: Happening, earlier: list[Happening], cosine: float, undated: bool) -> bool | None:
    """Whether ``report`` tells again what one of the ``earlier`` reports told: None when
    it does not, else whether with the same verb. An ``undated`` report in its article's
    first sentences is that article's news unless it says the same words."""
    if any(h.article_id == report.article_id for h in earlier):
        return None  # one article's sentences: extraction has told them apart
    if any(once_only(report, h) for h in earlier):
        return True  # a person's death, told again: whatever else the article's news is
    if undated and report.sentence_index < LEAD_SENTENCES and cosine < RESTATED_LEAD:
        return None
    found = [_alike(report, h, cosine) for h in earlier]
    return None if all(f is None for f in found) else any(f is True for f in found)


def _alike(report: Happening, told: Happening, cosine: float) -> bool | None:
    """None when ``told`` is not what ``report`` tells again, else whether the verb is one."""
    if once_only(report, told):
        return True
    names, others = parties(report), parties(told)
    same_verb = one_verb(report.predicate, told.predicate) or bool(classes_of(report) & classes_of(told)) \
        or _verb_in(report.predicate, told.title) or _verb_in(told.predicate, report.title)
    # a report that names its party only by a description ("the doctor present at X's deathbed")
    # is not vetoed by the name the other gives, when the verb is one and the other tells of X too
    described = not names and _told_of(report, told) or not others and _told_of(told, report)
    if not names & others and (names and others or cosine < RESTATED_SAME) and not (described and same_verb):
        return None
    if report.type == SAYING or told.type == SAYING:
        said, earlier = speaker(report), speaker(told)
        if said is not None and earlier is not None and said != earlier:
            return None
        # "Miliband said Mugabe had lost" is Miliband's word, not the count that Mugabe lost
        if said is not None and earlier is None and said not in others or \
                earlier is not None and said is None and earlier not in names:
            return None
        same_verb = same_verb or report.type == told.type
    if not same_verb and cosine < RESTATED_SAME:
        return None
    if report.place and told.place and report.place != told.place:
        return None
    if report.numbers and told.numbers and not set(report.numbers) & set(told.numbers):
        return None
    return same_verb
