"""One happening told in other words: what clustering needs beyond a similar title.

Outlets report one happening in their own wording ("Zuma was sworn in as president"
and "South Africa inaugurated Jacob Zuma on Saturday"), so titles alone keep their
reports apart. Two happenings of different articles that clustering has already found
close (a date bucket and an actor in common) are one when

- they tell the same kind of thing: one event type, or one class of
  ``predicate_classes`` in ``data/event_types.yaml`` (travel, visit and meet are one class);
- they do not name two different places;
- statements have one speaker: "Zuma said" and "Malema said" on one day stay apart;
- their words are alike: the TF-IDF cosine (scikit-learn, fitted on the whole
  collection's sentences, so that the story's common words weigh little) of their
  titles and sentences reaches ``SIMILAR_WORDS``.

A report days later that names no date is dated by its publication day; it joins a
happening of up to ``LATER_DAYS`` days before when its words are alike beyond
``SIMILAR_LATE``, and the event keeps the day the dated reports give.

Two reports that tell a happening by the same governing verb, or by synonyms ("raided",
"searched": ``data/same_happening.yaml``; the lexicon reads them as one word in the reports
told by one of them), (``one_doing``: not a
saying, not a verb of being or a light verb, as ``data/event_vocabulary.yaml`` lists them)
with a person or organisation in common need fewer words alike: ``SAME_VERB_WORDS``, or
``SAME_VERB_LATE`` for a later undated report ("X asked the high court to quash the
charges", "X has asked the high court in Maritzburg to dismiss the charges").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

from timeline.merge.plans import classes_of
from timeline.merge.wording import canonical_text, same_verb, synonymous
from timeline.records import Happening

SIMILAR_WORDS = 0.45  # TF-IDF cosine from which two sentences of one date and actor tell one happening
SIMILAR_LATE = 0.6  # the cosine needed by an undated later report to join an earlier day's happening
LATER_DAYS = 3  # how many days after a happening an undated report of it may come
SAME_VERB_WORDS = 0.3  # the cosine enough for two reports of one verb of a happening with a party in common
SAME_VERB_LATE = 0.4  # ... when one is an undated later report
PUBLICATION = "publication-date"
SPEAKER_KINDS = frozenset({"person", "organisation"})
SAYING = "statement"


class Lexicon:
    """TF-IDF vectors of the happenings' titles and sentences, compared a pair at a time.

    The vectors are fitted once on the whole collection; a row becomes a Python mapping
    only when a comparison first needs it, since most happenings are never compared."""

    def __init__(self, happenings: Sequence[Happening]) -> None:
        self._rows: dict[int, dict[int, float]] = {}
        self._matrix: Any = None
        self._row_of = {row_key(h): i for i, h in enumerate(happenings)}
        if len(happenings) < 2:
            return
        from sklearn.feature_extraction.text import TfidfVectorizer

        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
        try:
            self._matrix = vectorizer.fit_transform([_words_of(h) for h in happenings]).tocsr()
        except ValueError:  # only stop words: nothing to compare
            self._matrix = None
            return
        self._terms: dict[str, int] = vectorizer.vocabulary_
        self._analyse = vectorizer.build_analyzer()
        self._named: dict[str, frozenset[int]] = {}

    def _row(self, i: int) -> dict[int, float]:
        row = self._rows.get(i)
        if row is None:
            m = self._matrix
            start, end = m.indptr[i], m.indptr[i + 1]
            row = self._rows[i] = dict(zip(m.indices[start:end].tolist(), m.data[start:end].tolist()))
        return row

    @property
    def fitted(self) -> bool:
        return self._matrix is not None

    def row_of(self, h: Happening) -> int:
        """The row of a happening the lexicon was fitted on."""
        return self._row_of[row_key(h)]

    def pair_cosines(self, left: Sequence[int], right: Sequence[int]) -> list[float]:
        """The cosines of rows ``left[k]`` and ``right[k]``, for every k at once."""
        if self._matrix is None or not left:
            return [0.0] * len(left)
        products = self._matrix[list(left)].multiply(self._matrix[list(right)])
        return [float(v) for v in products.sum(axis=1).A1]

    def terms_of(self, words: str) -> frozenset[int]:
        """The terms of ``words`` (a name) in the lexicon's vocabulary."""
        if self._matrix is None:
            return frozenset()
        found = self._named.get(words)
        if found is None:
            found = self._named[words] = frozenset(
                t for t in (self._terms.get(w) for w in self._analyse(words)) if t is not None)
        return found

    def beside_names(self, names: Mapping[int, Iterable[str]]) -> "Beside":
        """The rows of ``names`` (per row, its actors' names) with the terms of those names
        left out, to compare what two sentences say beside who they name."""
        import numpy as np

        rows = sorted(names)
        where = {r: k for k, r in enumerate(rows)}
        if self._matrix is None or not rows:
            return Beside(where, None, np.zeros(0))
        words = self._matrix[rows]
        width = words.shape[1]
        named = [k * width + t for k, r in enumerate(rows) for t in set().union(*map(self.terms_of, names[r]))]
        if named:  # each row's entries of its names' terms taken out, the others as they were
            at = np.repeat(np.arange(len(rows), dtype=np.int64), np.diff(words.indptr)) * width + words.indices
            words.data[np.isin(at, np.asarray(named, dtype=np.int64))] = 0.0
            words.eliminate_zeros()
            words.sort_indices()
        return Beside(where, words, np.sqrt(np.asarray(words.multiply(words).sum(axis=1)).ravel()))

    def cosine(self, i: int, j: int) -> float:
        if self._matrix is None:
            return 0.0
        a, b = self._row(i), self._row(j)
        if len(a) > len(b):
            a, b = b, a
        return sum(w * b.get(t, 0.0) for t, w in a.items())


class Beside:
    """Rows of a lexicon with the terms of their actors' names left out (``Lexicon.beside_names``)."""

    def __init__(self, where: dict[int, int], words: Any, norms: Any) -> None:
        self._where, self._words, self._norms = where, words, norms
        self._at: Any = None  # per lexicon row, its row here (-1: none), made when first compared

    def alike(self, left: Any, right: Any) -> tuple[Any, Any]:
        """Per pair of rows ``left[k]``, ``right[k]`` (arrays of lexicon rows): the share of their
        whole cosine their other words make, and the cosine of those words alone (arrays)."""
        import numpy as np

        if self._words is None or not len(left):
            return np.zeros(len(left)), np.zeros(len(left))
        if self._at is None:
            self._at = np.full(max(self._where) + 1, -1, dtype=np.int64)
            self._at[list(self._where)] = list(self._where.values())
        a, b = self._at[np.asarray(left)], self._at[np.asarray(right)]
        shares = np.asarray(self._words[a].multiply(self._words[b]).sum(axis=1)).ravel()
        both = self._norms[a] * self._norms[b]
        cosines = np.divide(shares, both, out=np.zeros_like(shares), where=both > 0)
        return shares, cosines


def _words_of(h: Happening) -> str:
    """What the lexicon reads of a report: its title and sentence, the forms of a synonymous
    verb written as one when the report is told by one of them (``wording``)."""
    text = f"{h.title} {h.sentence}"
    return canonical_text(text) if synonymous(h.predicate) else text


def row_key(h: Happening) -> tuple[str, int, str]:
    """What tells a happening apart in a collection: its article, sentence and title."""
    return (h.article_id, h.sentence_index, h.title)


def speaker(h: Happening) -> str | None:
    """Who makes a statement: its first person or organisation."""
    if h.type != SAYING:
        return None
    return next((a.name for a in h.actors if a.kind in SPEAKER_KINDS), None)


def alike_kind(a: Happening, b: Happening) -> bool:
    """One kind of happening: the same type, or predicates of one class, or the same
    governing verb of a happening (a type is a reading of the sentence, not evidence of two
    happenings), or a speaker's saying and the testimony it was said in; and, for
    statements, the same speaker."""
    if a.type != b.type and not (classes_of(a) & classes_of(b)) and not _one_verb(a, b) and not _testimony(a, b):
        return False
    if a.type == SAYING or b.type == SAYING:
        sa, sb = speaker(a), speaker(b)
        if sa is not None and sb is not None and sa != sb:
            return False
    return not (a.place and b.place and a.place != b.place)


def _one_verb(a: Happening, b: Happening) -> bool:
    verb = a.predicate.lower()
    return same_verb(verb, b.predicate) and SAYING not in (a.type, b.type) and verb not in plain_verbs()


def _testimony(a: Happening, b: Happening) -> bool:
    """Whether one is a statement and the other its speaker's testimony (``said_in`` classes
    of ``data/event_types.yaml``: testifying, giving evidence), the speaker acting first in both."""
    said, other = (a, b) if a.type == SAYING else (b, a)
    if said.type != SAYING or other.type == SAYING or not classes_of(other) & said_in():
        return False
    first = next((x.name for x in other.actors if x.kind in SPEAKER_KINDS), None)
    return first is not None and first == speaker(said)


@lru_cache(maxsize=1)
def said_in() -> frozenset[str]:
    from timeline.data import load_data

    return frozenset(str(c) for c in (load_data("event_types.yaml") or {}).get("said_in") or [])


def parties(h: Happening) -> frozenset[str]:
    """The names of a report's actors that take part in it, places left out: an actor its
    title names only inside a description of someone else ("the personal doctor of Michael
    Jackson", "the doctor present at Michael Jackson's deathbed") is not who acted, so it
    neither vetoes nor makes a report of the person the description stands for."""
    title = h.title
    if " of " not in title and "'s" not in title and "\u2019s" not in title:  # the usual case: no description
        return frozenset(a.name for a in h.actors if a.kind != "place")
    return frozenset(a.name for a in h.actors if a.kind != "place" and not _described_by(a.name, title))


@lru_cache(maxsize=1 << 16)
def _described_by(name: str, title: str) -> bool:
    """Whether ``title`` names ``name`` only as the possessor of a noun after its opening
    ("the doctor of X", "the doctor at X's bedside"); a name the title does not hold is a party."""
    at = title.find(name)
    if at < 0:
        return False
    while at >= 0:
        after = title[at + len(name):at + len(name) + 2]
        if not (title[:at].rstrip().lower().endswith(" of") or at > 0 and after in ("'s", "\u2019s")):
            return False
        at = title.find(name, at + 1)
    return True


def once_only(a: Happening, b: Happening) -> bool:
    """Whether two reports tell a happening a person goes through once (``once_classes`` of
    ``data/event_types.yaml``: a death) of the same person, who comes first in both: then
    they are one however their types, places or figures differ."""
    if not once_candidate(a) or b.status != "occurred" or not classes_of(a) & classes_of(b) & once_classes():
        return False
    first = next((x for x in a.actors if x.kind != "place"), None)
    return first is not None and first.kind == "person" and \
        first == next((x for x in b.actors if x.kind != "place"), None)


def once_candidate(a: Happening) -> bool:
    """Whether ``a`` tells a happening a person goes through once (``once_only`` with another report)."""
    once = once_classes()
    return bool(once) and a.status == "occurred" and bool(classes_of(a) & once)


@lru_cache(maxsize=1)
def once_classes() -> frozenset[str]:
    from timeline.data import load_data

    return frozenset(str(c) for c in (load_data("event_types.yaml") or {}).get("once_classes") or [])


def one_doing(a: Happening, b: Happening, shared: frozenset[str]) -> bool:
    """Whether two reports tell a happening by the same governing verb of its own, with a
    party among ``shared`` (the names they have in common)."""
    if not same_verb(a.predicate, b.predicate) or a.type == SAYING or b.type == SAYING:
        return False
    if not shared or not any(x.name in shared and x.kind in SPEAKER_KINDS for x in a.actors):
        return False
    return a.predicate.lower() not in plain_verbs()


@lru_cache(maxsize=1)
def plain_verbs() -> frozenset[str]:
    """Verbs that tell no happening by themselves: of being, light."""
    from timeline.extract.events.vocabulary import load_vocabulary

    vocab = load_vocabulary()
    return vocab.light_verbs | vocab.states


def undated(h: Happening) -> bool:
    """Dated only by its article's publication day, to the day."""
    return h.evidence.rule == PUBLICATION and h.precision in ("day", "time")
