"""What an article is about, and the sentences that stray from it.

A scraped page often runs other stories into the one it is kept for: a radio
programme's running order, a roundup of briefs, a corrections column. Their
sentences name nothing the article's headline and lede name. A sentence past the
lede that shares no noun and no name with them, and that the text does not date,
is an aside: no happening of this article's news (events/newsworthy.py).

A page that says a line to its reader again and again ("Share your thoughts on our
Twitter page") is a digest: the line closes each of its items, and a run of sentences
that strays from the headline and the lede is another item's story, dated or not. (A
repeated photo caption or a sentence scraped twice speaks to no one: no digest.) So is a
programme's running order: a page where several sentences announce an item by who
presents it, in the present ("Anna Berg, of the Red Cross, discusses how agencies are
coping", "Tom Reed and Ana Ruiz debate the plan"); "reports", which a live blog also says of
its own reporters and of other papers, is not one of them. Its verbs are data in ``newsworthy_views.yaml``.
So is a column of news in brief, whose items each close on a wire credit run into the next
item's headline ("Reuters, Zagreb", "AP, Geneva"): several sentences open on one, and
what the page is about is its first item.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Sequence

from timeline.data import load_data
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span

NOUNS = frozenset({"NOUN", "PROPN"})
CONTENT = NOUNS | {"VERB", "ADJ"}
TIMES = frozenset({"DATE", "TIME"})
# Words of a headline worth comparing: at least this long (drops "the", "of", "in").
MIN_WORD = 4
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
# A repeated sentence this long is a digest's closing line, not a short cry said twice.
DIGEST_WORDS = 6
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself"})


def topic_words(title: str, lede: Iterable["Span"], mentions: list[Mention], brief: bool = False) -> frozenset[str]:
    """The nouns and names of the headline and the lede, lower case (in a column in brief,
    ``brief``, no word of a day or a time)."""
    words = {w.lower() for w in WORD.findall(title) if len(w) >= MIN_WORD}
    for segment in lede:
        words |= _words_of(segment, mentions, brief)
    return frozenset(words)


def strays(segment: "Span", topic: frozenset[str], mentions: list[Mention], brief: bool = False) -> bool:
    """Whether ``segment`` names nothing the article's headline and lede name."""
    return bool(topic) and not (_words_of(segment, mentions, brief) & topic)


def is_digest(segments: Sequence["Span"]) -> bool:
    """Whether the page repeats a sentence of at least ``DIGEST_WORDS`` words that speaks
    to the reader (a word in the second person): the prompt a roundup of short items closes
    each of them with."""
    seen: set[str] = set()
    for segment in segments:
        words = WORD.findall(segment.text.lower())
        if len(words) < DIGEST_WORDS or not any(t.pos_ == "PRON" and t.lower_ in SECOND_PERSON for t in segment):
            continue
        key = " ".join(words)
        if key in seen:
            return True
        seen.add(key)
    return False


def first_brief(segments: Sequence["Span"]) -> int | None:
    """In a column of news in brief, where at least ``brief_credits_least`` sentences open on a
    wire credit with a place ("Reuters, Zagreb", "AP, Geneva": the close of one item run into
    the next), the index of the first of them, where the page's first item ends; None on
    any other page."""
    cues = load_data("newsworthy_views.yaml") or {}
    credit, least = cues.get("brief_credit"), int(cues.get("brief_credits_least") or 0)
    if not credit or not least:
        return None
    pattern = re.compile(str(credit))
    credits = [i for i, segment in enumerate(segments) if pattern.match(segment.text.strip())]
    return credits[0] if len(credits) >= least else None


def is_running_order(segments: Sequence["Span"]) -> bool:
    """Whether at least ``running_order_items`` sentences announce a programme's item: a
    named subject and, as the sentence's main verb in the present, one of
    ``running_order_verbs`` ("Anna Berg discusses the strategy")."""
    cues = load_data("newsworthy_views.yaml") or {}
    verbs = frozenset(str(w).lower() for w in cues.get("running_order_verbs") or ())
    least = int(cues.get("running_order_items") or 0)
    if not verbs or not least:
        return False
    items = sum(any(t.dep_ == "ROOT" and t.tag_ in ("VBZ", "VBP") and t.lemma_.lower() in verbs and any(
        c.dep_ == "nsubj" and any(w.pos_ == "PROPN" for w in c.subtree) for c in t.children) for t in segment)
        for segment in segments)
    return items >= least


def _words_of(segment: "Span", mentions: list[Mention], brief: bool = False) -> set[str]:
    # in a column in brief, whose every item says "yesterday", a day is when, not what it is about
    nouns = [t for t in segment if t.pos_ in NOUNS and not (brief and t.ent_type_ in TIMES)]
    words = {t.lemma_.lower() for t in nouns if len(t.text) >= MIN_WORD - 1}
    words |= {t.lower_ for t in nouns}
    start, end = segment.start_char, segment.end_char
    for mention in mentions:
        if mention.start >= start and mention.end <= end:
            words.add(mention.name.lower())
            words |= {w.lower() for w in mention.name.split()}
    return words


def similarities(title: str, segments: Sequence["Span"], lede: int) -> list[float]:
    """How close each sentence is to what the headline and the lede are about: the cosine of
    their TF-IDF vectors over the lemmas of nouns, names, verbs and adjectives, the weights
    learnt from the article's own sentences (a word every sentence repeats weighs little). A
    sentence of another story run into the page shares few of the weighty words."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    documents = [_lemmas_of(segment) for segment in segments]
    about = [w.lower() for w in WORD.findall(title)] + [w for d in documents[:lede] for w in d]
    if not any(documents) or not about:
        return [0.0] * len(segments)
    vectoriser = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
    matrix = vectoriser.fit_transform([*documents, about])
    scores = (matrix[:-1] @ matrix[-1].T).toarray().ravel()
    return [round(float(s), 4) for s in scores]


def _lemmas_of(segment: "Span") -> list[str]:
    return [t.lemma_.lower() for t in segment if t.pos_ in CONTENT and len(t.text) > 2]


def _identity(words: list[str]) -> list[str]:
    return words
