"""What the newsworthiness gate knows of a candidate happening: its features.

Each feature is a number, most of them 0 or 1, a few a share or a log count, so
that a weight of the model (``newsworthy_model.yaml``) reads as how much the cue
says for or against a desk listing the candidate. They describe what extraction
knows when the candidate is made: where its sentence sits in the article, the
tense, mood and negation of its predicate, whether it is quoted or reported, who
its subject is (a named actor, a description, a pronoun, people in general,
nobody), how it is dated and how far from the day the article was published,
its kind, the words of tallies, hedges, opinion, background and colour around it
(``newsworthy_cues.yaml``) and, when the model weighs them, the words themselves
(``gate_words.py``), how long and how nested its sentence is, how much it shares
with the headline and the lede (words, and the TF-IDF cosine of ``topic.py``), how
much the page reads as views (``opinion.py``), and, for a clause dated only by the
day its article was published, how it is told: a state, a look back before that
day, the tense of its verb.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.details import mentions_in
from timeline.extract.events.gate import OPENING, wants_words
from timeline.extract.events.gate_page import NAMED_KINDS, WORD, Page, content_words
from timeline.extract.events.gate_words import lexical
from timeline.extract.events.topic import SECOND_PERSON
from timeline.extract.events.weak import title_is_weak
from timeline.records import Article, Happening, Mention

if TYPE_CHECKING:
    from timeline.extract.events.candidate import Anchor
    from timeline.extract.events.tokens import Span, Token
    from timeline.extract.events.vocabulary import Vocabulary

QUOTES = frozenset("\"“”«»„") | {"``", "''"}
FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
# Clauses hanging on another: their count says how nested a sentence is.
SUBORDINATE = frozenset({"advcl", "relcl", "ccomp", "acl", "xcomp", "csubj"})
# Rules of the temporal engine that read an absolute date off the text.
ABSOLUTE = ("absolute", "month-day", "year", "month")
# Verbs of being and having: in the present they tell a state, never a happening.
STATIVE_AUXILIARY = frozenset({"be", "have"})
# A TF-IDF cosine with the headline and lede below this: the sentence shares no weighty word
# with them (a third of such candidates in the labels are no events, a sixth of the others).
FAR_FROM_TOPIC = 0.02
# The sentences that open an article, its lede: they tell the day's news, dated or not (gate.py).
OPENING_SENTENCES = 2
# Days before publication within which a date is of the news: the week a weekday names.
NEWS_DAYS = 7
# Days from publication beyond which a date is another time than the news (log-scaled below).
DAYS_SCALE = 365.0


@dataclass(frozen=True)
class Cues:
    """The word lists of ``newsworthy_cues.yaml``."""

    hedges: frozenset[str]
    opinion: frozenset[str]
    tallies: frozenset[str]
    generic: frozenset[str]
    background: frozenset[str]
    colour: frozenset[str]
    earlier: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    data = load_data("newsworthy_cues.yaml") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    return Cues(words("hedges"), words("opinion_words"), words("tally_words"), words("generic_subjects"),
                words("background_words"), words("colour_words"), words("earlier_times"))


def features(anchor: "Anchor", segment: "Span", index: int, happening: Happening, page: Page,
             article: Article, mentions: list[Mention], vocab: "Vocabulary",
             told_last: str | None = None) -> dict[str, float]:
    """The features of one candidate (names as in ``newsworthy_model.yaml``); ``told_last`` is
    the date the text gave the last happening before it, if any."""
    cues = load_cues()
    verb, root = anchor.verb, anchor.title_root
    words = [t.lower_ for t in segment]
    lemmas = {t.lemma_.lower() for t in segment} | set(words)
    joined = " " + " ".join(words) + " "
    similarity = page.similarity[index] if index < len(page.similarity) else 0.0
    out: dict[str, float] = {
        "bias": 0.0,
        "first_sentence": float(index == 0),
        OPENING: float(index < OPENING_SENTENCES),
        "in_lede": float(index < vocab.lede_sentences),
        "position": index / max(page.sentences - 1, 1),
        "log_sentence": math.log1p(index),
        "paragraph": math.log1p(page.paragraphs[index]) if index < len(page.paragraphs) else 0.0,
        "opens_paragraph": float(index in page.firsts),
        "views_page": float(page.views),
        "no_headline": float(page.headless),
        "astray": float(index < len(page.astray) and page.astray[index]),
        "main_clause": float(anchor.is_main),
        "reporting": float(anchor.is_reporting),
        "quoted": float(anchor.quoted),
        "has_speaker": float(anchor.speaker is not None),
        "claim": float(anchor.claim),
        "opinion": float(anchor.opinion),
        "stance": float(anchor.stance),
        "anaphoric": float(anchor.anaphoric),
        "scheduled": float(happening.status == "scheduled"),
        "hypothetical": float(anchor.mood.hypothetical),
        "negated": float(any(c.dep_ == "neg" for c in (*verb.children, *root.children))),
        "in_quotation": float(_inside_quotation(verb, segment)),
        "first_person": float(_person(segment, vocab.first_person | FIRST_PLURAL)),
        "second_person": float(_person(segment, SECOND_PERSON)),
        "object": float(any(c.dep_ in ("dobj", "attr", "oprd", "ccomp", "xcomp", "dative") for c in verb.children)),
        "passive": float(any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)),
        "log_length": math.log1p(len(segment)) / 4,
        "subordinates": min(sum(t.dep_ in SUBORDINATE for t in segment), 5) / 5,
        "verb_subordinate": float(verb.dep_ in ("advcl", "relcl", "acl")),
        "numbers": float(bool(happening.numbers)),
        "tally": float(_any_cue(cues.tallies, lemmas, joined) and bool(happening.numbers)),
        "hedge": float(_any_cue(cues.hedges, lemmas, joined)),
        "opinion_words": min(_count_cue(cues.opinion, words), 3) / 3,
        "background_words": min(_count_cue(cues.background, words), 3) / 3,
        "colour_words": min(_count_cue(cues.colour, words), 3) / 3,
        "actors": min(len(happening.actors), 4) / 4,
        "person_actor": float(any(a.kind == "person" for a in happening.actors)),
        "official_actor": float(any(a.kind in ("organisation", "country") for a in happening.actors)),
        "title_words": min(len(happening.title.split()), 20) / 20,
        "headline_overlap": _overlap(content_words(segment), page.headline),
        "lede_overlap": _overlap(content_words(segment), page.lede) if index >= vocab.lede_sentences else 1.0,
        "title_in_headline": _overlap(set(WORD.findall(happening.title.lower())), page.headline),
        "protagonist": float(any(a.name in page.protagonists for a in happening.actors)),
        "headline_actor": float(any(a.name in page.headline_names for a in happening.actors)),
        "centrality": _centrality(content_words(segment), page),
        "topic_similarity": similarity,
        "topic_far": float(similarity < FAR_FROM_TOPIC),
        "page_first_person": page.genre.first_person,
        "page_judging": page.genre.judging,
        "page_quoting": page.genre.quoting,
        "modal_in_sentence": float(any(t.dep_ == "aux" and t.lower_ in vocab.modals for t in segment)),
        "conditional_in_sentence": float(any(t.dep_ == "mark" and t.lower_ in vocab.conditionals for t in segment)),
    }
    weak = title_is_weak(happening.title, root, (a.name for a in happening.actors))
    out[f"title_kind_{weak or 'printable'}"] = 1.0
    out.update(_tense(anchor))
    out.update(_subject(anchor, mentions, vocab, cues))
    out.update(_dating(happening, article))
    out.update(_told_as(anchor, happening, index, out, cues, joined))
    out.update(_narrative(happening, article, told_last))
    out[f"type_{happening.type}"] = 1.0
    out[f"verb_class_{_verb_class(root, vocab)}"] = 1.0
    if wants_words():
        out.update(lexical(anchor, segment))
    return out


def _tense(anchor: "Anchor") -> dict[str, float]:
    tense = anchor.mood.tense
    verb = anchor.verb
    return {
        f"tense_{tense.replace('-', '_')}": 1.0,
        "progressive": float(verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in verb.children)),
        "future_marker": float(anchor.mood.future_marker),
    }


def _told_as(anchor: "Anchor", happening: Happening, index: int, known: dict[str, float], cues: Cues,
             joined: str) -> dict[str, float]:
    """How the clause tells its happening, against the date it was given. A clause dated only
    by the publication day that is told as a state ("is actively pursuing", "has ruled out",
    "has killed up to 81 people") or as before the day ("had been threatening", "last week")
    restates what was so, not the day's news; a count in the perfect is a running tally. Where
    it stands matters too: the opening sentence tells the day's news undated (three in four such
    candidates are real events in the labels), the body's undated clauses mostly restate."""
    tense = anchor.mood.tense.replace("-", "_")
    standing = tense in ("present", "perfect") and (
        known.get("progressive", 0.0) > 0 or anchor.verb.lemma_.lower() in STATIVE_AUXILIARY or anchor.stance)
    out = {
        "standing": float(standing),
        "perfect_count": float(tense == "perfect" and bool(happening.numbers)),
    }
    if happening.evidence.rule in ("publication-date", "lead-event-day"):
        out[f"dated_by_day_{tense}"] = 1.0
        out["dated_by_day_standing"] = float(standing)
        earlier = _any_cue(cues.earlier, set(joined.split()), joined)
        out["dated_by_day_told_earlier"] = float(tense == "past_perfect" or earlier)
        out["dated_by_day_opening"] = float(index == 0)
        out["dated_by_day_second"] = float(index == 1)
    return out


def _narrative(happening: Happening, article: Article, told_last: str | None) -> dict[str, float]:
    """When the story stands at a clause dated only by the publication day: the date the text
    gave the happening told last before it. After a happening of the days of the news (the week
    before publication, or that day) an undated clause goes on with the day's news; after a
    time long before, it tells background; after a plan, it is more about what is to come
    (in the labels: real events 47 %, 30 % and 19 %; not events 11 %, 23 % and 33 %)."""
    if happening.evidence.rule not in ("publication-date", "lead-event-day"):
        return {}
    days = _days_from(told_last, article.published) if told_last else None
    if days is None:
        where = "none"
    elif days < -NEWS_DAYS:
        where = "earlier"
    elif days > 1:
        where = "later"
    else:
        where = "news"
    return {f"dated_by_day_after_{where}": 1.0}


def _subject(anchor: "Anchor", mentions: list[Mention], vocab: "Vocabulary", cues: Cues) -> dict[str, float]:
    """Who the subject is: a named actor, a description, a pronoun, people in general or nobody."""
    verb = anchor.speaker if anchor.speaker is not None and anchor.is_reporting else anchor.verb
    subject = anchor.extra_subject if anchor.extra_subject is not None else _subject_of(verb)
    if subject is None:
        kind = "none"
    else:
        tokens = list(subject.subtree)
        inside = mentions_in(mentions, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
        if any(m.kind in NAMED_KINDS for m in inside):
            kind = "named"
        elif subject.pos_ == "PRON":
            kind = "generic" if subject.lower_ in cues.generic else "pronoun"
        elif subject.lower_ in cues.generic or subject.lemma_.lower() in cues.generic or (
                subject.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in subject.children)):
            kind = "generic"
        elif subject.lemma_.lower() in vocab.party_nouns:
            kind = "institution"
        else:
            kind = "description"
    return {f"subject_{kind}": 1.0}


def _subject_of(verb: "Token") -> "Token | None":
    token = verb
    for _ in range(4):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return child
        if token.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _dating(happening: Happening, article: Article) -> dict[str, float]:
    """How the candidate is dated, and how far from publication."""
    rule = happening.evidence.rule
    if rule in ("publication-date", "lead-event-day"):
        how = "publication" if rule == "publication-date" else "lead_day"
    elif rule.startswith(ABSOLUTE):
        how = "absolute"
    else:
        how = "relative"
    out = {f"dated_{how}": 1.0, "precision_day": float(happening.precision == "day"),
           # which rule of the temporal engine found the date: a clock time or a bare year is
           # more often a caption's or background's than a weekday in the past tense is
           f"dated_rule_{re.sub(r'[^a-z]+', '_', rule.lower()).strip('_') or 'none'}": 1.0}
    days = _days_from(happening.date, article.published)
    if days is not None:
        out["before_publication"] = math.log1p(max(-days, 0)) / math.log1p(DAYS_SCALE)
        out["after_publication"] = math.log1p(max(days, 0)) / math.log1p(DAYS_SCALE)
    return out


def _days_from(iso: str, published: date | None) -> int | None:
    if published is None:
        return None
    parts = iso.split("-")
    try:
        if len(parts) > 1 and parts[1].startswith("W") and parts[1][1:].isdigit():  # a week: its Wednesday
            return (date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 3) - published).days
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 7
        day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 15
        return (date(year, month, day) - published).days
    except (ValueError, IndexError):
        return None


def _verb_class(root: "Token", vocab: "Vocabulary") -> str:
    lemma = root.lemma_.lower()
    if lemma in vocab.plain_saying:
        return "plain_saying"
    if lemma in vocab.denials:
        return "denial"
    if lemma in vocab.reporting:
        return "reporting"
    if lemma in vocab.light_verbs:
        return "light"
    if lemma in vocab.states:
        return "state"
    return "other"


def _inside_quotation(verb: "Token", segment: "Span") -> bool:
    """Whether an odd number of quotation marks stands before ``verb`` in its sentence."""
    return sum(t.text in QUOTES for t in segment if t.i < verb.i) % 2 == 1


def _person(segment: "Span", words: frozenset[str]) -> bool:
    """The writer or a speaker in the first or second person, outside a quotation."""
    marks = 0
    for token in segment:
        if token.text in QUOTES:
            marks += 1
        elif marks % 2 == 0 and token.pos_ == "PRON" and token.lower_ in words:
            return True
    return False


def _centrality(words: set[str], page: Page) -> float:
    """The share of the sentence's nouns and names that other sentences of the article repeat."""
    return sum(page.spread.get(w, 0) > 1 for w in words) / len(words) if words else 0.0


def _overlap(words: set[str], against: frozenset[str]) -> float:
    return len(words & against) / len(words) if words else 0.0


def _any_cue(cues: frozenset[str], lemmas: set[str], joined: str) -> bool:
    return any((f" {c} " in joined) if " " in c else (c in lemmas) for c in cues)


def _count_cue(cues: frozenset[str], words: list[str]) -> int:
    return sum(w in cues for w in words)
