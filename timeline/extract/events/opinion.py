"""Opinion pages: a column, a comment, an analysis, an editorial, a letter.

Such a page argues about the news: "The prosecution's theory resonated with the
jury", "I suspect few jurors would have looked further", "We are experiencing
the mother of all crises". Its clauses in the past tense are the writer's
reading of what happened, not reports of the day, so a page of views lists only
what it dates by an expression of its own. A page says it is one in its section,
its tags, its address or a label before its headline; or its writer speaks in
the first person, outside quotation marks, in sentences that report no one's
words; or its prose reports few people's words at all (few of its sentences
say who said or told what, few quote anyone) and its writer speaks as "I" or
"we", to "you", or asks the reader (an essay, a letter, an analysis: "China has
always demonstrated wishful thinking", "This has been a tragic year for
dictators"). The words are data in ``event_vocabulary.yaml`` and
``newsworthy_views.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from timeline.data import load_data
from timeline.extract.events.vocabulary import Vocabulary
from timeline.records import Article

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span

QUOTES = frozenset("\"“”«»„")
WORD = re.compile(r"[a-z][a-z-]*")
# The writer's plural: a column's "we" ("we are experiencing the mother of all crises").
WRITERS_WE = frozenset({"we", "us", "our"})


def opinion_page(article: Article, segments: Sequence["Span"], vocab: Vocabulary) -> bool:
    """Whether ``article`` is a page of views rather than a report."""
    return _labelled(article, vocab) or _first_person(segments, vocab) >= max(vocab.first_person_sentences, 1) \
        or _few_words_reported(segments)


def _few_words_reported(segments: Sequence["Span"]) -> bool:
    """Whether the page is long enough to tell, few of its sentences attribute words to
    anyone ("said", "told", "according to") or hold a quotation mark, and its writer speaks
    as a person or to the reader, or asks, outside quotation marks ("we have our own Mugabe
    figure", "Is this the end?"): it argues rather than reports."""
    cues = load_data("newsworthy_views.yaml") or {}
    words = frozenset(str(w).lower() for w in cues.get("attribution") or ())
    if not words or len(segments) < int(cues.get("least_sentences", 0) or 1):
        return False
    attributed = sum(any(t.lower_ in words for t in segment) for segment in segments)
    quoting = sum(_quotes(segment) for segment in segments)
    if attributed >= float(cues.get("attribution_share", 0.0)) * len(segments) or \
            quoting >= float(cues.get("quoting_share", 0.0)) * len(segments):
        return False
    persons = frozenset(str(w).lower() for w in cues.get("persons") or ())
    argued = sum(not _quotes(s) and (s.text.rstrip().endswith("?") or any(
        t.pos_ == "PRON" and t.lower_ in persons for t in s)) for s in segments)
    return argued >= int(cues.get("argued_sentences", 1))


def _quotes(segment: "Span") -> bool:
    return any(t.text in QUOTES or t.text in ("``", "''") for t in segment)


def _labelled(article: Article, vocab: Vocabulary) -> bool:
    """A section, a tag, a part of the address or a label before the headline
    ("Comment: ...", "ANALYSIS - ...") that names a page of views."""
    words: set[str] = set()
    for field in (article.section or "", *article.tags):
        words |= set(WORD.findall(field.lower()))
    if article.url:
        path = article.url.split("://", 1)[-1].partition("/")[2]
        words |= set(WORD.findall(path.lower().replace("_", "-")))
    label = re.match(r"\s*([A-Za-z-]+)\s*[:|–-]\s", article.title or "")
    if label:
        words.add(label.group(1).lower())
    return bool(words & vocab.opinion_labels)


def _first_person(segments: Sequence["Span"], vocab: Vocabulary) -> int:
    """Sentences where the writer says "I", "me" or "my" and reports no one's words
    ("I suspect few jurors would..."). A sentence with a quotation mark is left out:
    a quotation may run over several sentences, its marks in none but the first and
    the last."""
    count = 0
    for segment in segments:
        if _quotes(segment):
            continue
        if any(t.lower_ in vocab.first_person and t.pos_ == "PRON" for t in segment) and \
                not any(t.lemma_.lower() in vocab.reporting for t in segment if t.pos_ == "VERB"):
            count += 1
    return count


@dataclass(frozen=True)
class Genre:
    """How much a page reads as views, in shares of its sentences (0 to 1): a column or an
    analysis judges ("the response was muted", "his fortunes have dramatically changed") and
    speaks in the first person; a report tells who did what and quotes them."""

    first_person: float  # sentences where the writer says "I" or "we", outside quotation marks
    judging: float  # sentences whose main verb is a copula with an adjective ("was muted", "is crucial")
    quoting: float  # sentences with a quotation mark or a verb of saying


def genre_of(segments: Sequence["Span"], vocab: Vocabulary) -> Genre:
    """The page's shares of writer's first person, judgements and reported words."""
    if not segments:
        return Genre(0.0, 0.0, 0.0)
    first = judging = quoting = 0
    for segment in segments:
        quoted = _quotes(segment)
        said = any(t.lemma_.lower() in vocab.reporting for t in segment if t.pos_ == "VERB")
        quoting += quoted or said
        if not quoted and any(t.pos_ == "PRON" and t.lower_ in vocab.first_person | WRITERS_WE for t in segment):
            first += 1
        judging += any(t.dep_ == "ROOT" and t.lemma_ == "be" and any(c.dep_ == "acomp" and c.pos_ == "ADJ"
                                                                     for c in t.children) for t in segment)
    whole = len(segments)
    return Genre(first / whole, judging / whole, quoting / whole)
