"""How an anchor gets its date: from the time expression it governs (the one
on its own predicate first, then the finer, then the nearer), or from the day of
publication when the text reports it as news of the day; background states,
periods and undated plans get none."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Iterator, Sequence

from timeline.extract.events.background import life_course
from timeline.extract.events.candidate import Anchor
from timeline.extract.events.clauses import clause_root, content_of, governor, is_predicate, mood_of, over_a_period
from timeline.extract.events.results import result_day
from timeline.extract.events.vocabulary import Vocabulary
from timeline.extract.temporal.values import bounds, is_future, precision_of
from timeline.records import Article, DateEvidence, Happening, Timex

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Modifiers that make a time expression a bound, a duration or an approximation
# of something else rather than the time of the happening.
BOUNDING_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                           "EQUAL_OR_LESS", "EQUAL_OR_MORE"})
NEWS_TENSES = frozenset({"past", "perfect"})
# The rule of a clause dated by the day of the news it is told at or after.
AFTER_A_DAY = "told-after-day"
# The rule of a clause of causing dated by the day of the result it brought about.
RESULT_DAY = "result-day"


def calendar_timexes(segment: "Span", timexes: list[Timex]) -> list[tuple[Timex, "Span"]]:
    """Time expressions of the segment that name a position on the calendar."""
    out = []
    start, end = segment.start_char, segment.end_char
    for timex in timexes:
        if timex.start < start or timex.end > end:
            continue
        if timex.type not in ("DATE", "TIME") or not timex.value or (timex.mod or "") in BOUNDING_MODS:
            continue
        if bounds(day_value(timex.value)) is None:
            continue
        span = segment.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None:
            out.append((timex, span))
    return out


def day_value(value: str) -> str:
    """A time of day is dated to its day: the store keeps calendar positions."""
    return value.split("T", 1)[0]


def date_anchor(anchor: Anchor, root: "Token", dct: date | None, vocab: Vocabulary,
                dated: Sequence[tuple[Timex, "Span"]] = ()) -> bool:
    """Give the anchor its date, precision, status and evidence; False when it has none.
    ``dated``: the calendar time expressions of the sentence, whatever they date."""
    if anchor.timexes and anchor.mood.tense in NEWS_TENSES and not anchor.mood.scheduled and anchor.is_main:
        # "have vowed to stop the march on Parliament tomorrow": what a clause in the past
        # or present perfect reports has happened; a time still to come is that of
        # something it speaks of, not its own
        anchor.timexes = [t for t in anchor.timexes if not is_future(day_value(t[0].value or ""), dct)
                          or _ahead(t[2], vocab)]
        if anchor.timexes and all(_conjunct_ahead(anchor, t, dct, vocab) for t in anchor.timexes):
            anchor.timexes = []
    if anchor.mood.tense == "perfect" and over_a_period(anchor.verb, vocab.period_prepositions, vocab.time_units):
        # "ended last year and has ruled alone since then": a state reached by now, which
        # neither a conjunct's time nor the start of its period dates
        return False
    if anchor.timexes:
        if _background_state(anchor, vocab) or _caption(anchor, dct, vocab):
            return False
        # The expression on the predicate itself beats one on a conjunct or on the verb of saying.
        # Then the finer, then the nearer: a dateline glued to the first sentence
        # ("January 11, 2006 Apple announced on Tuesday") is further from the verb.
        timex, how, _ = min(anchor.timexes, key=lambda t: (t[2].i != anchor.verb.i, t[1] != "adverbial",
                                                           -_rank(t[0].value or ""), _distance(t[0], anchor.verb)))
        value = day_value(timex.value or "")
        anchor.date, anchor.precision = value, precision_of(value)
        anchor.status = "scheduled" if anchor.mood.scheduled or is_future(value, dct) else "occurred"
        anchor.evidence = DateEvidence(rule=timex.rule or how, expression=timex.text, value=timex.value,
                                       mod=timex.mod)
        return True
    if dct is None or anchor.mood.scheduled or not anchor.is_main:
        return False
    # Dated by publication only when the text reports it as news: a main-clause
    # predicate in the past or present perfect, or what a verb of saying in the
    # news tenses reports (its content may be in the past perfect).
    verb, tense = anchor.verb, anchor.mood.tense
    said = verb.i != root.i and root.lemma_.lower() in vocab.reporting
    reporter_tense = mood_of(root, vocab).tense if said else tense
    if verb.lemma_.lower() in vocab.states and not said:
        return False
    if life_course(verb) and not said:
        return False  # "He began his working life in Gansu": a profile's line, not the day's news
    if any(c.dep_ == "advmod" and c.lower_ in vocab.background_adverbs for c in verb.children):
        return False  # "has already played a role": background, not news of the day
    if _over_a_stretch(verb, vocab):
        return False  # "in recent months has led a campaign", "in the days that followed became…"
    if tense == "past" and over_a_period(verb, vocab.past_period_prepositions, vocab.long_time_units):
        return False  # "barred contact with the mainland for decades": background, not the day's news
    if tense in ("past", "past-perfect") and _after_an_earlier_time(verb, dated, dct, vocab):
        return False  # "Two days after the coup in 1999, a poll revealed…": then, not today
    day = _after_a_day_of_the_news(verb, dated, dct, vocab) if tense == "past" and not said \
        and verb.lemma_.lower() not in vocab.reporting else None
    rule = AFTER_A_DAY  # "agreed to the meeting after a phone call yesterday evening"
    if day is None and tense in NEWS_TENSES:
        # "led to 30 new cases being confirmed yesterday"
        day, rule = result_day(verb, dated, dct, vocab.lead_days), RESULT_DAY
    if day is not None:
        anchor.date, anchor.precision, anchor.status = day_value(day.value or ""), "day", "occurred"
        anchor.evidence = DateEvidence(rule=rule, expression=day.text, value=day.value, mod=day.mod)
        return True
    news = tense in NEWS_TENSES or (said and tense == "past-perfect" and reporter_tense in NEWS_TENSES | {"present"})
    if not news and not (verb.lemma_.lower() in vocab.reporting and tense == "present" and verb.i == root.i
                         and _says_a_clause(verb)):
        # "says a strike hit the house" is news of the day; "denies any wrongdoing", "denies
        # giving him the drugs", "is accused of manslaughter", with no clause said, restate a
        # standing position
        return False
    anchor.date, anchor.precision, anchor.status = dct.isoformat(), "day", "occurred"
    anchor.evidence = DateEvidence(rule="publication-date", expression=None, value=dct.isoformat())
    return True


def lede_day(segment: "Span", dated: Sequence[tuple[Timex, "Span"]], article_id: str, index: int,
             dct: date | None, vocab: Vocabulary) -> Happening | None:
    """"The union's policy was in disarray last night as ministers failed to agree": a lede
    sentence that reports no happening of its own (a state, a scene) but names a day just
    before publication in words relative to it ("last night", "on Saturday", "yesterday")
    still says which day the article's news is of, as a lede's happening would: a stand-in
    for that happening, carrying the day and its evidence. A full date ("May 15, 2009")
    is a caption's or a dateline's more often than the news day's, and sets none; so does
    a day that is not the time of a clause told in the past ("efforts in the wake of
    Tuesday's earthquake are picking up speed")."""
    root = clause_root(segment)
    if dct is None or root is None:
        return None
    for timex, span in dated:
        value = day_value(timex.value or "")
        if precision_of(value) != "day" or any(ch.isdigit() for ch in timex.text) or span.root.dep_ == "poss":
            continue
        verb, how = governor(span.root, segment, root, vocab.dated_nouns, day=True)
        if verb is None or how != "adverbial" or mood_of(verb, vocab).tense not in NEWS_TENSES:
            continue
        if 1 <= (dct - date.fromisoformat(value)).days <= vocab.lead_days:
            evidence = DateEvidence(rule=timex.rule or "lede-day", expression=timex.text, value=timex.value,
                                    mod=timex.mod)
            return Happening(article_id=article_id, sentence_index=index, sentence="", predicate="", date=value,
                             precision="day", status="occurred", evidence=evidence, title="", summary="")
    return None


# Rules that date a clause by no words of its own.
UNDATED_RULES = frozenset({"publication-date", "lead-event-day"})


def quoted_day(previous: Happening, anchors: Sequence[Anchor], vocab: Vocabulary) -> Happening | None:
    """'Judge Ada Blue said there was no evidence… "This is not a contractual dispute," she
    said on Tuesday.': a quotation whose speaker, a pronoun taking up the one who spoke in
    the sentence before, is dated, dates that undated statement too: it is one occasion of
    speaking. ``previous`` redated, or None."""
    if previous.evidence.rule not in UNDATED_RULES or previous.predicate not in vocab.reporting:
        return None
    for anchor in anchors:
        if not (anchor.quoted and anchor.timexes and anchor.precision == "day" and anchor.status == "occurred"):
            continue
        if any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in anchor.verb.children) and anchor.date != previous.date:
            return replace(previous, date=anchor.date, precision="day",
                           evidence=replace(anchor.evidence, rule="quoted-after"))
    return None


def _says_a_clause(verb: "Token") -> bool:
    """Whether a verb of saying says a clause ("says a strike hit the house", "denies that it
    shelled the town", "is said to have put aside its objections"), not an act of its
    subject's put as a gerund ("denies giving him the drugs")."""
    content = content_of(verb)
    return content is not None and (content.tag_ != "VBG" or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in content.children))  # "is said to have put aside" says one


# Words that place a clause at, after or before another time: "two days after the coup in
# 1999", "earned his last number one when first released in 2003", "during the 2008
# campaign", "before she was assassinated in December" (before a time long gone is
# longer gone still).
AFTER_WORDS = frozenset({"after", "following", "when", "while", "during", "before"})
# Of those, the words that reach only over a clause or phrase set on the verb itself:
# "the site of Mao's last base before he swept to power in 1949" dates the base, not the
# clause whose place it describes.
ON_THE_VERB = frozenset({"before"})
# Dependencies that open another clause, whose times are its own.
OTHER_CLAUSES = frozenset({"relcl", "ccomp", "acl", "conj", "parataxis", "xcomp", "csubj"})
# Clauses that describe a noun ("a plane carrying the army chief", "a scandal, which began in 2009").
DESCRIBING_CLAUSES = frozenset({"relcl", "acl"})


def _after_an_earlier_time(verb: "Token", dated: Sequence[tuple[Timex, "Span"]], dct: date | None,
                           vocab: Vocabulary) -> bool:
    """"Two days after Musharraf seized power in 1999, a poll revealed…", "Shortly after
    joining the Fed in 2002, he gave a speech", "The album earned him his last number one
    when first released in 2003": a clause told at or after a time before the days of the
    news happened then, not on the day the paper came out. "Talks resumed after a pause
    on Monday" (a day of the news) stays news."""
    if dct is None:
        return False
    return any((dct - when[1]).days > vocab.lead_days for _, _, when in _times_of_clause(verb, dated))


def _after_a_day_of_the_news(verb: "Token", dated: Sequence[tuple[Timex, "Span"]], dct: date | None,
                             vocab: Vocabulary) -> Timex | None:
    """"Obama agreed to the meeting after a phone call yesterday evening", "The shares fell
    when trading opened on Monday": a clause in the simple past with no time of its own, told
    at or after a day of the news before the paper came out, happened on that day (the paper
    reports the evening before it), not on the day it was printed. The time, or None."""
    if dct is None:
        return None
    for word, timex, when in _times_of_clause(verb, dated):
        if word.lower_ not in ON_THE_VERB and when[0] == when[1] and 1 <= (dct - when[1]).days <= vocab.lead_days:
            return timex
    return None


def _times_of_clause(verb: "Token", dated: Sequence[tuple[Timex, "Span"]],
                     ) -> "Iterator[tuple[Token, Timex, tuple[date, date]]]":
    """The times of the clause of time a clause is told at, after or before ("after
    Musharraf seized power in 1999", "when first released in 2003"), each with its word."""
    if not dated:
        return
    for token in _own_words(verb):
        if token.lower_ not in AFTER_WORDS:
            continue
        if token.lower_ in ON_THE_VERB and not _on_the_verb(token, verb):
            continue
        # "after" opening a clause ("after Musharraf seized power in 1999", "when first
        # released in 2003") reaches over it; "after a scandal, which began in 2009" does
        # not reach into the relative clause
        phrase = token.head if token.dep_ in ("mark", "advmod") and token.head.i != verb.i else token
        # "when he tried to return last September", "after he refused to let the plane land on
        # 12 October": the clause's time is any of its words but those describing a noun
        words = {t.i for t in [phrase, *_own_words(phrase, DESCRIBING_CLAUSES)]}
        for timex, span in dated:
            when = bounds(day_value(timex.value or ""))
            if when is not None and all(t.i in words for t in span):
                yield token, timex, when


def _on_the_verb(word: "Token", verb: "Token") -> bool:
    """Whether ``word`` opens a phrase or clause set on ``verb`` itself ("Before she was
    assassinated in December, Bhutto provoked outrage"), not one the parser hung on the
    verb from the far side of an apposition ("made his remarks in Hebei, the site of Mao's
    last base before he swept to power in 1949")."""
    on_it = word.head.i == verb.i or (word.dep_ == "mark" and word.head.dep_ == "advcl" and word.head.head.i == verb.i)
    if not on_it:
        return False
    return word.i < verb.i or not any(t.text == "," for t in verb.doc[verb.i:word.i])


def _own_words(verb: "Token", apart: frozenset[str] = OTHER_CLAUSES) -> "list[Token]":
    """The words under ``verb`` and its side clauses, without the clauses that say
    something of their own (``apart``: a relative clause, what was said, a conjunct)."""
    out: "list[Token]" = []
    todo = [c for c in verb.children if c.dep_ not in apart]
    while todo:
        token = todo.pop()
        out.append(token)
        todo.extend(c for c in token.children if c.dep_ not in apart)
    return out


def _conjunct_ahead(anchor: Anchor, timex: tuple[Timex, str, "Token"], dct: date | None,
                    vocab: Vocabulary) -> bool:
    """Whether a time is still to come and that of a conjunct of the anchor's own predicate
    ("was released on bail and will appear in court on February 13"): when the anchor has
    no time but such, the court day is the appearance's, and the release, told as done,
    happened before it. "ANA were to take delivery in May, but will now receive the aircraft
    next month" tells a plan changed, the new one's time its own."""
    verb = timex[2]
    return verb.i != anchor.verb.i and verb.dep_ == "conj" and verb.head.i == anchor.verb.i \
        and anchor.verb.lemma_.lower() not in vocab.states and is_future(day_value(timex[0].value or ""), dct)


def _ahead(verb: "Token", vocab: Vocabulary) -> bool:
    """Whether the predicate that governs a time expression is itself told as to come
    ("but will now receive the aircraft next month")."""
    mood = mood_of(verb, vocab)
    return mood.tense == "future" or mood.scheduled


# What makes a unit of time a particular one ("its first day", "the day he died",
# "the day of the vote"); a bare "the day" or "a week" is not.
SPECIFYING = frozenset({"poss", "amod", "relcl", "acl", "prep"})


def _over_a_stretch(verb: "Token", vocab: Vocabulary) -> bool:
    """"In recent months", "in the days that followed": a preposition of extent with a
    plural unit of time, not counted, tells the clause over a stretch of days, not on one
    of them ("massed troops over three months" counts up to the day of the news). "On its
    first day of operation", "on the day he died", "in the same year": a unit of time
    the text specifies is a time of the clause's own, which the calendar cannot place;
    it is not the day of publication either."""
    for prep in verb.children:
        if prep.dep_ == "advmod" and prep.lower_ in vocab.measured_offsets and any(
                c.dep_ in ("npadvmod", "nummod", "amod") and c.lemma_.lower() in vocab.offset_units
                for c in prep.children):
            return True  # "months later, the 58-year-old was charged"
        if prep.dep_ != "prep" or prep.lower_ not in vocab.stretch_prepositions | vocab.occasion_prepositions:
            continue
        for unit in prep.children:
            if unit.dep_ != "pobj" or unit.lemma_.lower() not in vocab.time_units:
                continue
            if unit.tag_ == "NNS" and prep.lower_ in vocab.stretch_prepositions:
                if not any(c.dep_ == "nummod" for c in unit.children):
                    return True
            elif unit.tag_ == "NN" and any(c.dep_ in SPECIFYING for c in unit.children):
                return True
    return False


def _background_state(anchor: Anchor, vocab: Vocabulary) -> bool:
    """"The two parties were rivals in the 1990s": a state over a year or a decade is
    background to the news, not a happening; "was in Kyiv on Monday" stays one."""
    if anchor.verb.lemma_.lower() not in vocab.states or anchor.mood.scheduled:
        return False
    verb = anchor.verb
    if any(c.lemma_.lower() in vocab.future_markers for c in verb.children if c.dep_ in ("acomp", "attr")) or any(
            c.dep_ in ("xcomp", "conj") and is_predicate(c) for c in verb.children):
        return False  # "is due in Kyiv", "were to take delivery in May": a plan
    return all(t[2].i == verb.i and precision_of(day_value(t[0].value or "")) != "day" for t in anchor.timexes)


def _caption(anchor: Anchor, dct: date | None, vocab: Vocabulary) -> bool:
    """"Tourists wearing masks walk down a street in Osaka May 15, 2009": a main clause in
    the simple present dated by a full date of the days up to publication, set after the
    place with no preposition at the end, is a photo's caption (the picture's present), not a
    happening. "The law takes effect on May 1, 2009" says what is set for that day. So is
    someone unnamed pictured on a weekday (``_pictured``)."""
    clause = anchor.verb if anchor.is_main else anchor.title_root  # "are stored awaiting transport"
    if dct is None or clause.dep_ != "ROOT" or anchor.mood.scheduled or anchor.is_reporting:
        return False
    mood = mood_of(clause, vocab)
    if mood.tense != "present" or mood.scheduled or clause.lemma_.lower() in vocab.future_markers:
        return False
    for timex, _, _ in anchor.timexes:
        if timex.rule.startswith("weekday") and _pictured(clause, vocab):
            continue  # a weekday read ahead in the present is the picture's day all the same
        when = bounds(day_value(timex.value or ""))
        if when is None or when[1] > dct or timex.start < clause.idx:
            return False  # "14 March 2011 The union calls a strike": a chronology's entry opens with its date
        if timex.rule != "absolute-date":
            return False
        span = anchor.verb.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or (span.root.dep_ == "pobj" and span.root.head.lower_ in vocab.occasion_prepositions):
            return False
    return True


def _pictured(clause: "Token", vocab: Vocabulary) -> bool:
    """"A trader walks past the exchange in Frankfurt on Tuesday": someone nobody names
    doing what a camera catches (walking, standing, holding), told in the present of a
    day gone by, is a picture's caption, whatever day it gives."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ == "NOUN" and clause.lemma_.lower() in vocab.caption_verbs \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)


def _distance(timex: Timex, verb: "Token") -> int:
    """Characters between a time expression and its predicate."""
    return max(timex.start - (verb.idx + len(verb)), verb.idx - timex.end, 0)


def _rank(value: str) -> int:
    from timeline.extract.temporal.values import PRECISION_RANK

    return -PRECISION_RANK.get(precision_of(value), 99)


def by_the_day_written(found: list[Happening], article: Article) -> list[Happening]:
    """``found`` with what the article tells without a time of its own dated by the day it was
    written, where it was written for the next day's paper (``Article.written``,
    sources/print_day.py): its "yesterday" is read from the day it came out, but news it tells
    with no time had happened by the evening it was filed."""
    if article.written is None or article.published is None:
        return found
    day, printed = article.written.isoformat(), article.published.isoformat()
    return [replace(h, date=day, evidence=replace(h.evidence, value=day))
            if h.evidence.rule == "publication-date" and h.date == printed else h for h in found]
