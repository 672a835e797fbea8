"""An article's lede dated by its publication day, and the same happening dated further down.

A report often opens on the news in the present perfect, with no date ("A judge has ruled a
film of the rehearsals cannot be shown"), and tells it again a few sentences on with its own
day ("Judge Pastor ruled on Monday that the film would not help the defence"). Extraction
dates the first by the article's day and the second by its expression, a day or two before:
two events of one happening, on two days. Here such a pair is one happening on the day the
article names:

- the first report is in the article's lede (its first ``LEDE`` sentences) and dated only by
  the publication day; the second comes after it and is dated to the day by an expression,
  ``NEAR_DAYS`` days before at most, or the same day (then they need ``WORDS`` of cosine
  whoever acts: a day holds many happenings of a kind);
- they tell one kind of thing (``stories.alike_kind``: one type or one class of predicate,
  one speaker, no two places);
- the same person or organisation acts first in both, with the same governing verb (or
  one class of it) or ``PARTY_WORDS`` of TF-IDF cosine; or, whoever is named, the same verb
  and ``WORDS`` of cosine ("A judge in Los Angeles has ruled", "Judge Pastor ruled"); two
  sayings always need ``PARTY_WORDS``: a speaker answers many questions in one briefing.

The lede takes the day, the expression and its evidence of the dated report, so that it
clusters with other outlets' reports of that day; after clustering, the clusters of the two
reports are joined.

An article also names the happening it has just told by a noun: "A bodyguard has testified
that …", then "Ann Dube's testimony came at a pretrial hearing". A sentence whose
title names by a noun (``wording.names_verb``) what the verb of one of the ``NAMED_BACK``
sentences before it tells, under a verb that tells nothing by itself ("came", "took place"),
on the same day, is that happening (``named_again``): it is compared with other reports as told
by that verb (so "Dube's testimony came" meets "Dube testified" of another outlet), and
the clusters of the two are joined.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

from timeline.merge.clusters import FINE, first_day
from timeline.merge.plans import one_class
from timeline.merge.splits import regroup, root
from timeline.merge.stories import SAYING, Lexicon, alike_kind, row_key, undated
from timeline.merge.wording import empty_verbs, names_verb, same_verb
from timeline.records import Happening

LEDE = 2  # sentences of an article that are its lede
NEAR_DAYS = 2  # how many days before the lede's publication day the dated report may tell
PARTY_WORDS = 0.15  # TF-IDF cosine that makes the reports of one first actor one happening
WORDS = 0.3  # ... and that makes two reports of one verb one, whoever they name
PARTIES = frozenset({"person", "organisation"})
NAMED_BACK = 3  # sentences before a noun's that may hold the happening it names

RowKey = tuple[str, int, str]


Pair = tuple[RowKey, RowKey]


def dated_ledes(happenings: Sequence[Happening], lexicon: Lexicon) -> tuple[list[Happening], list[Pair]]:
    """``happenings`` with each lede that a later report of its article dates re-dated to
    that report's day, and the pairs (lede, dated report, as ``row_key``) to join."""
    by_article: dict[str, list[Happening]] = {}
    for h in happenings:
        by_article.setdefault(h.article_id, []).append(h)
    redated: dict[RowKey, Happening] = {}
    pairs: list[Pair] = []
    for group in by_article.values():
        ledes = [h for h in group if h.sentence_index < LEDE and h.status == "occurred" and undated(h)]
        if not ledes:
            continue
        dated = [h for h in group if h.status == "occurred" and h.precision in FINE and not undated(h)]
        for lede in ledes:
            found = [(cos, h) for h in dated if h.sentence_index > lede.sentence_index
                     for cos in (_retells(lede, h, lexicon),) if cos is not None]
            if not found:
                continue
            best = max(found, key=lambda f: (f[0], -f[1].sentence_index, f[1].title))[1]  # whatever the order
            if best.date != lede.date:
                redated[row_key(lede)] = replace(lede, date=best.date, precision=best.precision,
                                                 evidence=best.evidence)
            pairs.extend((row_key(lede), row_key(h)) for _, h in found)
    if not redated:
        return list(happenings), pairs
    return [redated.get(row_key(h), h) for h in happenings], pairs


def _retells(lede: Happening, h: Happening, lexicon: Lexicon) -> float | None:
    """The cosine of ``lede`` and ``h`` when ``h`` tells ``lede``'s happening with its day, else None."""
    gap = (first_day(lede.date) or 0) - (first_day(h.date) or 0)
    if not 0 <= gap <= NEAR_DAYS or not alike_kind(lede, h):
        return None
    cosine = lexicon.cosine(lexicon.row_of(lede), lexicon.row_of(h))
    if gap == 0:  # the lede's own day: one happening only by its words, a day holds many of a kind
        return cosine if cosine >= WORDS else None
    # one speaker's two sayings are one only when they say alike: a press conference answers many questions
    sayings = lede.type == h.type == SAYING
    doing = (same_verb(lede.predicate, h.predicate) or one_class(lede, h)) and not (sayings and cosine < PARTY_WORDS)
    first = _first_party(lede)
    if first is not None and first == _first_party(h) and (doing or cosine >= PARTY_WORDS):
        return cosine
    return cosine if doing and cosine >= WORDS else None


def _first_party(h: Happening) -> str | None:
    return next((a.name for a in h.actors if a.kind in PARTIES), None) if h.actors else None


def join_ledes(clusters: list[list[Happening]], pairs: Iterable[Pair]) -> list[list[Happening]]:
    """``clusters`` with the clusters of each pair's two reports joined (``splits.regroup``)."""
    where = {row_key(h): i for i, group in enumerate(clusters) for h in group}
    parent = list(range(len(clusters)))
    for left, right in pairs:
        a, b = where.get(left), where.get(right)
        if a is not None and b is not None:
            a, b = root(parent, a), root(parent, b)
            parent[max(a, b)] = min(a, b)
    return regroup(clusters, parent)


def named_again(happenings: Sequence[Happening]) -> tuple[list[Happening], list[Pair]]:
    """``happenings`` with each report that names by a noun, under a verb of no happening of its
    own, what an earlier one of its article, of the same day, tells by its verb ("his testimony
    came at a hearing", "he testified"), told by that verb and type; and the (report, nearest
    such earlier report) pairs to join."""
    empty = empty_verbs()
    by_article: dict[str, list[Happening]] = {}
    for h in happenings:
        if h.status == "occurred" and h.precision in FINE:
            by_article.setdefault(h.article_id, []).append(h)
    pairs: list[Pair] = []
    told_by: dict[RowKey, Happening] = {}
    for group in by_article.values():
        if len(group) < 2:
            continue
        for h in group:
            if h.predicate.lower() not in empty:
                continue
            told = [g for g in group if 0 < h.sentence_index - g.sentence_index <= NAMED_BACK
                    and g.type != SAYING and g.predicate.lower() not in empty
                    and first_day(g.date) == first_day(h.date) and names_verb(h.title, g.predicate)]
            if told:
                nearest = max(told, key=lambda g: (g.sentence_index, g.title))
                pairs.append((row_key(h), row_key(nearest)))
                told_by[row_key(h)] = replace(h, predicate=nearest.predicate, type=nearest.type)
    if not told_by:
        return list(happenings), pairs
    return [told_by.get(row_key(h), h) for h in happenings], pairs
