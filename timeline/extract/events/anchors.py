"""Anchors: the predicates of a sentence that report a happening, each with the
date it gets (from the time expression it governs, or from publication when
the text reports it as news) and its type."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from timeline.extract.events.clauses import Mood, clause_root, content_of, governor, is_predicate, manner_of, mood_of
from timeline.extract.events.kinds import classify
from timeline.extract.events.vocabulary import Vocabulary
from timeline.extract.temporal.values import bounds, is_future, precision_of
from timeline.records import DateEvidence, Timex

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Modifiers that make a time expression a bound, a duration or an approximation
# of something else rather than the time of the happening.
BOUNDING_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                           "EQUAL_OR_LESS", "EQUAL_OR_MORE"})
NEWS_TENSES = frozenset({"past", "perfect"})
PRONOUNS = frozenset({"PRON"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
QUOTE_MARKS = frozenset("\"“”‘’«»„'")
# Subjects that tell a happening in the first person: outside a quotation given to a
# speaker, the narrator's own account (a reader's letter, a diary) is testimony, not news.
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
# Auxiliaries of what a speaker says will be done: an announcement, not a possibility.
REPORTED_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
# Dependencies through which a clause names who or what did it.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


@dataclass
class Anchor:
    verb: "Token"  # the predicate the happening is named after
    title_root: "Token"  # the clause its title is cut from
    is_main: bool
    is_reporting: bool
    mood: Mood
    group: set[int]  # predicates that share its time (conjuncts, the verb of saying above it)
    keep_out: set[int] = field(default_factory=set)
    extra_subject: "Token | None" = None
    timexes: list[tuple[Timex, str, "Token"]] = field(default_factory=list)
    date: str = ""
    precision: str = ""
    status: str = "occurred"
    speaker: "Token | None" = None  # the verb of saying above ``verb``, if any
    quoted: bool = False  # a verb of saying with a quotation as content
    anaphoric: bool = False  # its object points back to the previous happening
    stance: bool = False  # "have warned that Russia could invade": a standing position, undated
    claim: bool = False  # what a speaker says a named other did: maybe a claim (see claims.py)
    opinion: bool = False  # plain saying of an opinion: an event only from an official voice (claims.py)
    evidence: DateEvidence = field(default_factory=lambda: DateEvidence(rule=""))
    type: str = "other"
    type_rule: str = ""


def calendar_timexes(segment: "Span", timexes: list[Timex]) -> list[tuple[Timex, "Span"]]:
    """Time expressions of the segment that name a position on the calendar."""
    out = []
    start, end = segment.start_char, segment.end_char
    for timex in timexes:
        if timex.start < start or timex.end > end:
            continue
        if timex.type not in ("DATE", "TIME") or not timex.value or (timex.mod or "") in BOUNDING_MODS:
            continue
        if bounds(_day_value(timex.value)) is None:
            continue
        span = segment.doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None:
            out.append((timex, span))
    return out


def _day_value(value: str) -> str:
    """A time of day is dated to its day: the store keeps calendar positions."""
    return value.split("T", 1)[0]


def _main_anchor(root: "Token", vocab: Vocabulary, descend: bool = True) -> Anchor | None:
    verb, speaker = root, None
    group = {root.i}
    # Follow verbs of saying down to what was said, when that is a happening; a denial
    # ("denied that its forces had shelled the town") reports the denial, never the shelling.
    while descend and verb.lemma_.lower() in vocab.reporting and verb.lemma_.lower() not in vocab.denials:
        content = content_of(verb)
        if content is None or content.dep_ != "ccomp" or not eventful(content, vocab):
            break
        speaker, verb = verb, content
        group.add(verb.i)
    marker = None
    # "are expected to speak": the happening is the planned one.
    if verb.lemma_.lower() in vocab.future_markers:
        planned = next((c for c in verb.children if c.dep_ == "xcomp" and is_predicate(c)), None)
        if planned is not None:
            marker, verb = verb, planned
            group.add(verb.i)
    mood = mood_of(verb, vocab)
    if mood.hypothetical or negated(verb):
        return None
    group |= _sharing_time(verb, vocab)
    manner = manner_of(verb)
    if manner is not None:
        group.add(manner.i)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if speaker is None and subject is not None and subject.lower_ in FIRST_PERSON_SUBJECTS:
        return None  # "I was driving home when…": a first-person account no one is quoted as giving
    # "Libya says a NATO strike hit a house" may be a claim about another (claims.py decides,
    # knowing the actors); "said it had expelled a submarine" reports the speaker's own act.
    claim = speaker is not None and subject is not None and subject.pos_ not in PRONOUNS
    opinion = descend and speaker is None and commentary(verb, vocab)
    title_root = speaker if speaker is not None and not claim else \
        marker if marker is not None and subject is None else verb
    return Anchor(verb=verb, title_root=title_root, is_main=True, group=group, mood=mood,
                  is_reporting=verb.lemma_.lower() in vocab.reporting or speaker is not None,
                  speaker=speaker, claim=claim, opinion=opinion, quoted=_direct_quote(root, vocab),
                  stance=_stance(verb, mood, vocab),
                  anaphoric=any(c.dep_ == "dobj" and c.lemma_.lower() in vocab.anaphoric
                                and any(_definite(d) for d in c.children) for c in verb.children))


def commentary(verb: "Token", vocab: Vocabulary) -> bool:
    """"He said the mood was tense", "'It was cowardly,' he said", "Conrad Murray said":
    plain saying whose content is an opinion, a state or a possibility (or nothing) is
    commentary, not a happening. What it says, when that happened, is read instead."""
    if verb.lemma_.lower() not in vocab.plain_saying:
        return False
    occasion = [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    if any(o.lemma_.lower() in vocab.dated_nouns or o.lower_ in vocab.dated_nouns for o in occasion):
        return False  # "said during a visit to troops", "told a news conference": said at a happening
    content = content_of(verb)
    if content is None:
        return True
    if any(a.dep_ == "aux" and a.lower_ in REPORTED_FUTURE for a in content.children):
        return False  # "said they would restrict the bank's reserves": an announcement
    return not eventful(content, vocab)


def _definite(token: "Token") -> bool:
    """"its decision", "the demands", "this move" point back; "an evacuation plan" is new."""
    return token.dep_ == "poss" or (token.dep_ == "det" and token.lower_ in DEFINITE_DETERMINERS)


def _stance(verb: "Token", mood: Mood, vocab: Vocabulary) -> bool:
    """"Washington and its allies have warned that Russia could invade": a verb of
    saying in the present perfect whose content is only a possibility or an
    obligation reports a position held over weeks, not a happening of the day."""
    if verb.lemma_.lower() not in vocab.reporting or mood.tense != "perfect":
        return False
    content = content_of(verb)
    return content is not None and mood_of(content, vocab).hypothetical


def _direct_quote(root: "Token", vocab: Vocabulary) -> bool:
    """'"Panic is futile," said student Maria Shcherbenko': a verb of saying
    whose content is a quotation."""
    if root.lemma_.lower() not in vocab.reporting:
        return False
    content = content_of(root)
    if content is None:
        return False
    tokens = list(content.subtree)
    before = root.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    return bool(before is not None and before.text in QUOTE_MARKS) or tokens[0].text in QUOTE_MARKS


def negated(verb: "Token") -> bool:
    """"did not name it", "gave no details", "never met": what did not happen is no event."""
    from timeline.extract.events.vocabulary import load_vocabulary

    negative = load_vocabulary().negative_words
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "dobj", "nsubj", "nsubjpass") and child.lower_ in negative):
            return True
        if child.dep_ in ("dobj", "nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ in negative for d in child.children):
            return True
    return False


def eventful(verb: "Token", vocab: Vocabulary) -> bool:
    """Whether what ``verb`` heads reports a happening: in a news tense or planned, not a
    state, not a possibility."""
    if verb.lemma_.lower() in vocab.future_markers and any(
            c.dep_ == "xcomp" and is_predicate(c) for c in verb.children):
        return not mood_of(verb, vocab).hypothetical
    mood = mood_of(verb, vocab)
    if mood.hypothetical:
        return False
    if verb.lemma_.lower() in vocab.states and not mood.scheduled:
        return False
    return mood.tense in ("past", "perfect", "past-perfect", "future") or mood.scheduled


def _sharing_time(verb: "Token", vocab: Vocabulary) -> set[int]:
    """Conjoined predicates happen at the time of their head unless marked as later."""
    out = set()
    for child in verb.children:
        if child.dep_ == "conj" and is_predicate(child):
            if not any(c.lower_ in vocab.sequence for c in child.children if c.dep_ == "advmod"):
                out.add(child.i)
    return out


def find_anchors(segment: "Span", dated: list[tuple[Timex, "Span"]], dct: date | None,
                 vocab: Vocabulary) -> list[Anchor]:
    """The anchors of a segment; ``dated`` are its ``calendar_timexes``."""
    root = clause_root(segment)
    if root is None:
        return []
    main = _main_anchor(root, vocab)
    anchors: list[Anchor] = [main] if main else []
    keep_out: set[int] = set()
    for timex, span in dated:
        head = span.root
        verb, how = governor(head, segment, root, vocab.dated_nouns,
                             day=precision_of(_day_value(timex.value or "")) == "day")
        if verb is None or (how == "argument" and head.dep_ in ("compound", "amod")
                            and precision_of(timex.value or "") == "season"):
            continue  # "the winter cold" is weather, not a date
        keep_out |= {t.i for t in span}
        # the preposition that only carries the date ("on Saturday") leaves the title with it
        if head.dep_ == "pobj" and len(list(head.head.children)) == 1:
            keep_out.add(head.head.i)
        owner = next((a for a in anchors if verb.i in a.group), None)
        if owner is None:
            mood = mood_of(verb, vocab)
            if mood.hypothetical or negated(verb) or (
                    verb.lemma_.lower() in vocab.states and mood.tense == "present"):
                continue
            subject = verb.head if verb.dep_ in ("relcl", "acl") else None
            title_root = verb
            while title_root.dep_ in ("xcomp", "pcomp") and title_root.head.i != title_root.i:
                title_root = title_root.head  # "to meet Putin" is told with the verb that plans it
            if title_root.dep_ == "acomp" and title_root.head.i != title_root.i:
                title_root = title_root.head  # "is due to meet": the copula holds the subject
            if subject is None and title_root.dep_ != "conj" and not any(
                    c.dep_ in SUBJECT_DEPS for c in title_root.children):
                # "before leaving office next year": no one to say who did it. "died after
                # suffering a cardiac arrest on Thursday": the day is the main clause's own.
                if main is not None and _same_occasion(verb, main.verb, timex):
                    main.timexes.append((timex, "adverbial", main.verb))
                continue
            owner = Anchor(verb=verb, title_root=title_root, is_main=False, mood=mood, extra_subject=subject,
                           opinion=commentary(verb, vocab),
                           group={verb.i} | _sharing_time(verb, vocab),
                           is_reporting=verb.lemma_.lower() in vocab.reporting)
            anchors.append(owner)
        owner.timexes.append((timex, how, verb))
    if main is not None and main.speaker is not None and not main.timexes and not _date(main, root, dct, vocab):
        # What was said is an undated plan or background: the statement itself is the news.
        plain = _main_anchor(root, vocab, descend=False)
        if plain is not None:
            anchors[0] = plain
    if main is not None and main.speaker is not None:
        anchors += _statement_apart(main, root, vocab)
    kept = []
    for anchor in anchors:
        anchor.keep_out = keep_out
        if _date(anchor, root, dct, vocab):
            classify(anchor, vocab)
            kept.append(anchor)
    return _without_undated_frame(kept, vocab)


def _without_undated_frame(anchors: list[Anchor], vocab: Vocabulary) -> list[Anchor]:
    """"The agreement helped the country regain relations in 2006": the clause the
    dated happening sits in is told at that time too, not on the day of publication;
    the dated happening is the event, and its frame is no news of the day. A verb of
    saying stays: what was said today about 2006 is news of today."""
    if not anchors or not anchors[0].is_main or anchors[0].evidence.rule != "publication-date" \
            or anchors[0].is_reporting:
        return anchors
    frame = anchors[0].verb
    inside = {t.i for c in frame.children if c.dep_ == "ccomp" for t in c.subtree}
    if any(a.timexes and a.verb.i in inside and a.precision != "day" for a in anchors[1:]):
        return anchors[1:]
    return anchors


# Words joining a side clause to its main clause that put the two apart in time.
APART_IN_TIME = frozenset({"before", "until", "till", "ahead", "since"})


def _same_occasion(verb: "Token", main: "Token", timex: Timex) -> bool:
    """Whether a subjectless side clause of ``main`` ("after suffering a cardiac arrest
    on Thursday") happened on the main clause's day: a day, joined by no word that
    puts the two apart ("before leaving office next year")."""
    if precision_of(_day_value(timex.value or "")) != "day":
        return False
    token = verb
    for _ in range(6):
        if token.i == main.i:
            return True
        if token.lower_ in APART_IN_TIME or any(c.dep_ == "mark" and c.lower_ in APART_IN_TIME
                                                 for c in token.children):
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _statement_apart(main: Anchor, root: "Token", vocab: Vocabulary) -> list[Anchor]:
    """"GM announced on Wednesday that its sales fell in March": when the saying
    and what was said each have their own time, both are happenings, each dated
    by its own expression."""
    if main.speaker is None:
        return []
    said = [t for t in main.timexes if t[2].i == main.speaker.i]
    told = [t for t in main.timexes if t[2].i != main.speaker.i]
    if not said or not told or {_day_value(t[0].value or "") for t in said} & {
            _day_value(t[0].value or "") for t in told}:
        return []
    statement = _main_anchor(root, vocab, descend=False)
    if statement is None:
        return []
    main.timexes, statement.timexes = told, said
    return [statement]


def _date(anchor: Anchor, root: "Token", dct: date | None, vocab: Vocabulary) -> bool:
    """Give the anchor its date, precision, status and evidence; False when it has none."""
    if anchor.timexes:
        if _background_state(anchor, vocab):
            return False
        # The expression on the predicate itself beats one on a conjunct or on the verb of saying.
        # Then the finer, then the nearer: a dateline glued to the first sentence
        # ("January 11, 2006 Apple announced on Tuesday") is further from the verb.
        timex, how, _ = min(anchor.timexes, key=lambda t: (t[2].i != anchor.verb.i, t[1] != "adverbial",
                                                           -_rank(t[0].value or ""), _distance(t[0], anchor.verb)))
        value = _day_value(timex.value or "")
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
    if any(c.dep_ == "advmod" and c.lower_ in vocab.background_adverbs for c in verb.children):
        return False  # "has already played a role": background, not news of the day
    if tense == "perfect" and _over_a_period(verb, vocab.period_prepositions, vocab.time_units):
        return False  # "has made its way over the last two decades", "has relied on him since 9/11"
    if tense == "past" and _over_a_period(verb, vocab.past_period_prepositions, vocab.long_time_units):
        return False  # "barred contact with the mainland for decades": background, not the day's news
    news = tense in NEWS_TENSES or (said and tense == "past-perfect" and reporter_tense in NEWS_TENSES | {"present"})
    if not news and not (verb.lemma_.lower() in vocab.reporting and tense == "present" and verb.i == root.i
                         and content_of(verb) is not None):
        # "says a strike hit the house" is news of the day; "denies any wrongdoing", "is
        # accused of manslaughter", with nothing said, restate a standing position
        return False
    anchor.date, anchor.precision, anchor.status = dct.isoformat(), "day", "occurred"
    anchor.evidence = DateEvidence(rule="publication-date", expression=None, value=dct.isoformat())
    return True


def _over_a_period(verb: "Token", prepositions: frozenset[str], units: frozenset[str]) -> bool:
    """"since 9/11", "over the last two decades", "for years": a clause told over a
    period of ``units`` after one of ``prepositions`` is a state reached, background to the news rather than news
    of the day."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in prepositions:
            continue
        if prep.lower_ in ("since", "throughout"):
            return True
        if any(o.lemma_.lower() in units for o in prep.children if o.dep_ == "pobj"):
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
    return all(t[2].i == verb.i and precision_of(_day_value(t[0].value or "")) != "day" for t in anchor.timexes)


def _distance(timex: Timex, verb: "Token") -> int:
    """Characters between a time expression and its predicate."""
    return max(timex.start - (verb.idx + len(verb)), verb.idx - timex.end, 0)


def _rank(value: str) -> int:
    from timeline.extract.temporal.values import PRECISION_RANK

    return -PRECISION_RANK.get(precision_of(value), 99)
