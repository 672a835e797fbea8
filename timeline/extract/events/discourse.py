"""Sentences that go on telling the happening just reported, and the news day
an article's lede sets for the undated reports after it.

A news report often dates a happening once and then says more about it in
sentences of their own with no time expression: "A missile hit a cargo vessel
on Monday. The vessel caught fire." Dating those to the day of publication
would put the fire on the wrong day. A sentence continues the previous one when
its subject takes up a noun of that sentence with a definite article ("the
vessel", "most of the missiles") or when it says what the same people "also"
did; it then takes the previous happening's date.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Sequence

from timeline.extract.events.candidate import DEFINITE_DETERMINERS, Anchor
from timeline.extract.events.clauses import BOUNDING_PREPOSITIONS, content_of
from timeline.extract.events.dating import NEWS_TENSES
from timeline.extract.events.occasions import NAMED_OCCASION
from timeline.extract.events.vocabulary import Vocabulary
from timeline.extract.temporal.values import bounds, precision_of
from timeline.records import Happening, Timex

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Clauses of place or time ("ended where it began") that give a predicate no content.
WH_ADVERBS = frozenset({"where", "when", "wherever", "whenever"})
# What can make a light predicate say something of its own.
CONTENT_DEPS = frozenset({"dobj", "attr", "acomp", "oprd", "xcomp", "ccomp", "prep", "agent", "dative"})
# Adverbs that add a further act by the same participants at the same occasion.
ADDITIVE = frozenset({"also"})
# Precisions too coarse to pass on to a further act that takes up no noun of the sentence before.
COARSE = frozenset({"year", "decade", "century"})


def carry_date(anchors: list[Anchor], earlier: list[Happening], before: "Span | None", published: date | None,
               vocab: Vocabulary, older: "Sequence[tuple[Span, list[Happening]]]" = ()) -> None:
    """Give an undated main clause that continues ``earlier`` (the happenings of the
    previous sentence, ``before``) the date of the happening it continues. ``older``: the
    sentences before that one, nearest first, and what they reported: a clause whose
    definite subject takes up the noun of one of their happenings on a day of the news
    ("Two people, a woman and a young man, were pulled out on Friday. The woman was taken to
    hospital. The young man was rescued by a team from abroad") continues that happening."""
    dated = _dated(earlier)
    if (not dated or before is None) and not older:
        return
    for anchor in anchors:
        if not anchor.is_main or anchor.evidence.rule != "publication-date" or anchor.mood.scheduled:
            continue
        if anchor.verb.lemma_.lower() in vocab.reporting or anchor.is_reporting:
            continue  # a further statement may well come later than the happening it is about
        source = _continued(anchor, dated, before, published, vocab) if dated and before is not None else None
        if source is None:
            source = _taken_up_from_older(anchor, older, published, vocab)
        if source is None:
            continue
        anchor.date, anchor.precision, anchor.status = source.date, source.precision, source.status
        anchor.evidence = replace(source.evidence, rule="continues-previous")


def _dated(made: list[Happening]) -> list[Happening]:
    return [h for h in made if h.evidence.rule != "publication-date" and h.evidence.expression]


def _continued(anchor: Anchor, dated: list[Happening], before: "Span", published: date | None,
               vocab: Vocabulary) -> Happening | None:
    """The happening of the previous sentence the anchor goes on telling, or None."""
    taken_up = _taken_up(anchor.verb, before)
    if taken_up is None and not any(c.dep_ == "advmod" and c.lower_ in ADDITIVE for c in anchor.verb.children):
        return None
    source = next((h for h in dated if taken_up and taken_up in h.title.lower()), dated[0])
    if source.status == "scheduled" and anchor.mood.tense in ("past", "perfect", "past-perfect"):
        return None  # "is expected to start next week. The case has been adjourned": done now, not then
    if anchor.mood.tense == "perfect" and before_the_news(source.date, published, vocab):
        return None  # "met him in 2005. Several of his friends have also testified": the perfect is now
    if taken_up is None and precision_of(source.date) in COARSE:
        # "In 2005 he flew food to flood victims. The actor also flew in vaccines": an
        # aside's year is no time of the further act "also" adds to the story
        return None
    return source


def _taken_up_from_older(anchor: Anchor, older: "Sequence[tuple[Span, list[Happening]]]",
                         published: date | None, vocab: Vocabulary) -> Happening | None:
    """The happening of a sentence before the previous one whose noun the anchor's definite
    subject takes up, when it happened on a day of the news, in the past; or None."""
    if anchor.mood.tense != "past":
        return None
    for span, made in older:
        taken_up = _taken_up(anchor.verb, span)
        if taken_up is None:
            continue
        dated = _dated(made)
        # the happening that names the noun; the sentence's only one names it in its own words
        source = next((h for h in dated if taken_up in h.title.lower()), dated[0] if len(dated) == 1 else None)
        if source is not None and source.precision == "day" and source.status == "occurred" \
                and not before_the_news(source.date, published, vocab):
            return source
        return None
    return None


def _taken_up(verb: "Token", before: "Span") -> str | None:
    """The noun of the previous sentence that the clause's definite subject repeats."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    heads = [subject] + [p for prep in subject.children if prep.dep_ == "prep" and prep.lower_ == "of"
                         for p in prep.children if p.dep_ == "pobj"]  # "most of the missiles"
    nouns = {t.lemma_.lower() for t in before if t.pos_ == "NOUN"}
    for head in heads:
        if head.pos_ == "NOUN" and head.lemma_.lower() in nouns and any(
                c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in head.children):
            return head.lower_
    return None


def lead_event(made: list[Happening], anchors: list[Anchor], published: date | None,
               vocab: Vocabulary) -> Happening | None:
    """The lede's happening when it sets the article's news day: dated by an
    explicit day a few days before publication ("on Saturday" in a Sunday paper). A
    photo's caption above the story ("Tourists walk down a street in Osaka May 15,
    2009") is no happening (dating.py), so it sets no news day either."""
    if published is None or dated_today(made, anchors, published):
        return None  # "Scholz said on Tuesday that…, a day after Russia recognised…": the news is of the day
    for happening in made:
        if happening.precision != "day" or not happening.evidence.expression or happening.status != "occurred":
            continue
        if happening.evidence.rule == NAMED_OCCASION:
            continue  # a day borrowed from a happening named elsewhere
        days = (published - date.fromisoformat(happening.date)).days
        if 1 <= days <= vocab.lead_days:
            return happening
    return None


def dated_today(made: list[Happening], anchors: list[Anchor], published: date | None) -> bool:
    """Whether a sentence dates what it reports, told as news, by the day of publication in
    so many words ("were confirmed today", "said on Monday" in a Monday paper): once the
    lede has done so, the news is of that day, and a later day named before it is no news
    day of the article's. "As voters await the results today" tells no news of the day."""
    return published is not None and any(h.date == published.isoformat() and h.evidence.expression
                                         for h in _told_as_news(made, anchors))


def _told_as_news(made: list[Happening], anchors: list[Anchor]) -> list[Happening]:
    """The happenings of a sentence whose predicate is told in the past or the present perfect."""
    told = {a.verb.lemma_.lower() for a in anchors if a.mood.tense in NEWS_TENSES}
    return [h for h in made if h.predicate in told]


def inherit_lead_day(anchors: list[Anchor], lead: Happening | None) -> None:
    """An undated report in the simple past ("The Kremlin answered that…", "The former
    chairman said the crisis had shaken his understanding") is told as part of the day
    the lede is about, not of the day the paper came out;
    the present perfect ("have told their citizens to leave") stays news of the
    day of publication."""
    if lead is None:
        return
    for anchor in anchors:
        told_past = anchor.mood.tense == "past" or (anchor.speaker is not None and anchor.speaker.tag_ == "VBD")
        if anchor.is_main and anchor.evidence.rule == "publication-date" and told_past and not anchor.mood.scheduled:
            anchor.date, anchor.precision, anchor.status = lead.date, lead.precision, "occurred"
            anchor.evidence = replace(lead.evidence, rule="lead-event-day")


def background_past(anchor: Anchor, in_the_past: bool, vocab: Vocabulary) -> bool:
    """"Jackson died in June 2009. The coroner's office ruled he had died of an overdose",
    deep in a report of a later hearing: past the lede, a clause in the simple past with
    no time of its own goes on telling the time the text last dated; when that time lies
    before the days of the news (``in_the_past``), it is background, not a happening
    of the day, and dating it by publication would be wrong. What a source said stays:
    a statement reported without a day is news of the day it is printed; "announced a
    commission of inquiry", with no words reported, is an act like any other."""
    if not in_the_past or not anchor.is_main or anchor.evidence.rule != "publication-date" \
            or anchor.mood.tense != "past" or anchor.mood.scheduled:
        return False
    said = anchor.speaker is not None or (anchor.verb.lemma_.lower() in vocab.reporting
                                          and content_of(anchor.verb) is not None)
    return not said


def told_in_the_past(made: list[Happening], dated: list[Timex], published: date | None,
                     vocab: Vocabulary) -> bool | None:
    """Whether a sentence sets the time the text tells to before the days of the news
    (True), to the news (False), or leaves it as it was (None): by the happenings it
    reported, or else by the first day, month or year it names ("last summer's
    incursions into Kashmir", with no happening of its own)."""
    if published is None:
        return None
    with_time = [h for h in made if h.evidence.expression and h.evidence.rule != "continues-previous"]
    if with_time:
        return before_the_news(with_time[0].date, published, vocab) if bounds(with_time[0].date) else None
    if made and any(h.status == "occurred" for h in made):
        return False
    values = [t.value.split("T", 1)[0] for t in dated if t.value and bounds(t.value.split("T", 1)[0])]
    return before_the_news(values[0], published, vocab) if values else None


def before_the_news(value: str, published: date | None, vocab: Vocabulary) -> bool:
    """Whether a date ends before the days the news is about: more than ``lead_days``
    before publication ("in 1941", "in February" in a March paper)."""
    span = bounds(value)
    return published is not None and span is not None and (published - span[1]).days > vocab.lead_days


def restates_known(anchor: Anchor, vocab: Vocabulary) -> bool:
    """"The meeting lasted about five hours", "The call came hours after…",
    "Saturday's round of diplomacy ended where it began": a light predicate
    (come, end, last…) whose subject takes up a happening with a definite
    article or a possessive, and that adds nothing but a time, a duration or a
    comment. It is about a happening already told, not a new one."""
    verb = anchor.verb
    if verb.lemma_.lower() not in vocab.light_predicates or anchor.timexes:
        return False  # "the talks ended a week ago" dates a happening of its own
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "NOUN" or not any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) for c in subject.children):
        return False
    return not any(_says_something(c, vocab) for c in verb.children if c.dep_ in CONTENT_DEPS)


def _says_something(child: "Token", vocab: Vocabulary) -> bool:
    """A complement that is more than a time, a duration or a clause of place or time."""
    if child.lemma_.lower() in vocab.time_units or child.ent_type_ in ("DATE", "TIME"):
        return False
    if child.dep_ == "ccomp":
        return not any(c.dep_ == "advmod" and c.lower_ in WH_ADVERBS for c in child.children)
    if child.dep_ == "prep":
        if child.lower_ in BOUNDING_PREPOSITIONS:
            return False  # "came after days of hesitation"
        objects = [c for c in child.children if c.dep_ == "pobj"]
        return any(o.lemma_.lower() not in vocab.time_units and o.ent_type_ not in ("DATE", "TIME") for o in objects)
    return True
