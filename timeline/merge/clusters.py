"""Clustering: the happenings that report the same happening, found without comparing every pair.

Happenings that report the same happening share a kind of predicate, dates
compatible within their precision (a day apart is allowed and recorded as a
dispute), at least one actor, and alike titles (rapidfuzz) or alike words
(TF-IDF cosine, ``stories``). Only happenings
that share a date bucket and an actor are ever compared, so the work grows
with the number of happenings, not its square. Dates are few and repeat
across thousands of happenings, so what a date means (precision, span,
buckets, compatibility) is worked out once per distinct value.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

from rapidfuzz import fuzz

from timeline.extract.temporal.values import bounds, precision_of, sort_key
from timeline.merge.plans import one_class
from timeline.merge.stories import (
    LATER_DAYS,
    SAME_VERB_LATE,
    SAME_VERB_WORDS,
    SAYING,
    SIMILAR_LATE,
    SIMILAR_WORDS,
    Lexicon,
    alike_kind,
    once_only,
    one_doing,
    parties,
    row_key,
    undated,
)
from timeline.merge.wording import about_other
from timeline.records import Happening

SIMILAR_TITLES = 55  # rapidfuzz token_sort_ratio above which two titles tell the same happening
MAX_CANDIDATES = 40  # clusters compared per blocking key: bounds the work on a crowded day
FINE = ("time", "day")


# Dates are few and repeat across thousands of happenings, so what a date means
# (precision, span, buckets, compatibility) is worked out once per distinct value.


@lru_cache(maxsize=1 << 16)
def precision_cached(date: str) -> str:
    return precision_of(date)


@lru_cache(maxsize=1 << 16)
def date_order(date: str) -> tuple[int, int, int, int, str]:
    return sort_key(date)


@lru_cache(maxsize=1 << 16)
def day_buckets(date: str) -> tuple[tuple[object, ...], tuple[object, ...]]:
    """Keys a happening is filed under, and keys it looks in (a day either side)."""
    if precision_cached(date) in FINE:
        span = bounds(date)
        if span is not None:
            day = span[0].toordinal()
            return (day,), (day - 1, day, day + 1)
    return (date,), (date,)


@lru_cache(maxsize=1 << 18)
def compatible_dates(a: str, b: str) -> bool:
    if a == b:
        return True
    sa, sb = bounds(a), bounds(b)
    if sa is None or sb is None:
        return False
    fine = precision_cached(a) in FINE and precision_cached(b) in FINE
    slack = 1 if fine else 0  # a day apart: same happening, dates disputed
    return sa[0].toordinal() - slack <= sb[1].toordinal() and sb[0].toordinal() - slack <= sa[1].toordinal()


# What ``same`` reads of a happening, computed once: article, type, the names
# of the actors that take part (``stories.parties``), date, lower-cased title (rapidfuzz then needs no processor),
# its row in the lexicon, whether only its publication day dates it, and the happening.
Probe = tuple[str, str, frozenset[str], str, str, int, bool, Happening]


def probe_of(h: Happening, row: int = -1) -> Probe:
    return (h.article_id, h.type, parties(h), h.date,
            h.title.lower(), row, undated(h), h)


def same(a: Probe, b: Probe, lexicon: Lexicon | None = None) -> bool:
    """Whether two articles' happenings are one. Within an article extraction has
    already told happenings apart, so two of its sentences never merge here.
    The cheap tests come first; rapidfuzz and the lexicon run only on what passes them."""
    if a[0] == b[0]:
        return False
    shared = a[2] & b[2]
    if a[2] and b[2] and not shared:  # a report that names no one ("the quake struck") is not vetoed
        return False
    late = not compatible_dates(a[3], b[3])
    if late and not (lexicon is not None and _later_report(a, b)):
        return False
    if shared and lexicon is not None and once_only(a[7], b[7]):
        return True
    if a[1] != b[1] and (lexicon is None or not alike_kind(a[7], b[7])):
        return False
    if lexicon is not None and a[1] == b[1] and not alike_kind(a[7], b[7]):
        return False
    # Two named parties in common (the presidents of a call) need less wording in common;
    # two countries do not: one day's statements name the same two states again and again.
    needed = SIMILAR_TITLES - 20 if len(shared - _states(a[7])) >= 2 else SIMILAR_TITLES
    # Titles alike are enough on one day, for one type or one class of predicate (a verdict
    # typed as what a jury "found" and one typed as a conviction); a speaker's statements of
    # two days must say alike. A report about a happening, naming it by a noun under a verb of
    # its own ("X's death is ruled a homicide"), is not a report of it ("X suffered a cardiac
    # arrest at his home"), however alike the names make the titles.
    if not late and (a[1] == b[1] or one_class(a[7], b[7])) and not (a[1] == b[1] == SAYING and a[3] != b[3]) and \
            fuzz.token_sort_ratio(a[4], b[4], processor=None, score_cutoff=needed) >= needed and \
            (a[7].predicate == b[7].predicate or not about_other(a[7], b[7]) and not about_other(b[7], a[7])):
        return True
    if lexicon is None:
        return False
    cosine = SIMILAR_LATE if late else SIMILAR_WORDS
    if one_doing(a[7], b[7], shared - _states(a[7])):
        cosine = min(cosine, SAME_VERB_LATE if late else SAME_VERB_WORDS)
    return lexicon.cosine(a[5], b[5]) >= cosine


def _states(h: Happening) -> frozenset[str]:
    return frozenset(x.name for x in h.actors if x.kind == "country")


def _later_report(a: Probe, b: Probe) -> bool:
    """One of two day-dated happenings is dated only by its article's day, up to
    ``LATER_DAYS`` after the other's: a report that came later and named no date."""
    first, second = (a, b) if a[3] <= b[3] else (b, a)
    if not second[6] or len(first[3]) < 10 or len(second[3]) < 10:
        return False
    gap = (first_day(second[3]) or 0) - (first_day(first[3]) or 0)
    return 0 < gap <= LATER_DAYS


@lru_cache(maxsize=1 << 16)
def first_day(date: str) -> int | None:
    """The ordinal of the first day a date spans (None for a value that names no span)."""
    span = bounds(date)
    return span[0].toordinal() if span else None


@lru_cache(maxsize=1 << 16)
def last_day(date: str) -> int | None:
    span = bounds(date)
    return span[1].toordinal() if span else None


Key = tuple[object, str]  # a blocking key: a date bucket and an actor's name


def blocking(h: Happening) -> tuple[tuple[object, ...], tuple[object, ...], list[str]]:
    """The buckets a happening is filed under, those it looks in, and the names
    that go with each bucket to make its blocking keys. A happening dated only by
    its article's day also looks at the ``LATER_DAYS`` before it."""
    files, looks = day_buckets(h.date)
    if undated(h) and files and isinstance(files[0], int):
        looks = tuple(range(files[0] - LATER_DAYS, files[0] + 2))
    return files, looks, [a.name for a in h.actors] or [f"type:{h.type}"]


def first_same(candidates: Iterable[int], heads: Sequence[Probe], probe: Probe,
               lexicon: Lexicon | None = None) -> int | None:
    """The oldest of the ``candidates`` clusters whose first happening is ``probe``'s."""
    for cid in sorted(candidates):
        if same(heads[cid], probe, lexicon):
            return cid
    return None


def in_order(happenings: Iterable[Happening]) -> list[Happening]:
    """Happenings in the order clustering takes them: by article, sentence and
    title, one of each (an article read twice gives its happenings twice)."""
    unique = {row_key(h): h for h in happenings}
    return [unique[key] for key in sorted(unique)]


def cluster(happenings: Iterable[Happening], *, lexical: bool = True,
            lexicon: Lexicon | None = None) -> list[list[Happening]]:
    """Groups of happenings that report the same happening, in a stable order.

    A happening joins the oldest cluster it matches among those filed under
    its date (a day either side) and one of its actors, at most
    ``MAX_CANDIDATES`` per key; the match is tested against each cluster's
    first happening only. Clusters are tried oldest first, so the first match
    is the one taken and the rest of the block is not compared. With ``lexical``
    the reports of other outlets in other words join too (``stories``); ``lexicon``, when
    given, is the one fitted on ``in_order(happenings)``.
    """
    clusters: list[list[Happening]] = []
    heads: list[Probe] = []
    index: dict[Key, list[int]] = {}
    ordered = in_order(happenings)
    if not lexical:
        lexicon = None
    elif lexicon is None:
        lexicon = Lexicon(ordered)
    for row, h in enumerate(ordered):
        files, looks, names = blocking(h)
        probe = probe_of(h, row)
        candidates: set[int] = set()
        for bucket in looks:
            for name in names:
                block = index.get((bucket, name))
                if block:
                    candidates.update(block[-MAX_CANDIDATES:])
        best = first_same(candidates, heads, probe, lexicon)
        if best is None:
            best = len(clusters)
            clusters.append([h])
            heads.append(probe)
        else:
            clusters[best].append(h)
        for bucket in files:
            for name in names:
                keys = index.get((bucket, name))
                if keys is None:
                    index[(bucket, name)] = [best]
                elif keys[-1] != best:
                    keys.append(best)
    return clusters
