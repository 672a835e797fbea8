"""Anchors: the predicates of a sentence that report a happening, each with the
date it gets (from the time expression it governs, or from publication when
the text reports it as news) and its type. The main clause is read in
main_clause.py, dating in dating.py."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from timeline.extract.events.candidate import Anchor
from timeline.extract.events.clauses import BARE_ADVERBIAL_DEPS, ZONE_NOUNS, clause_root, governor, mood_of
from timeline.extract.events.dating import DESCRIBING_CLAUSES, NEWS_TENSES, date_anchor, day_value
from timeline.extract.events.kinds import classify
from timeline.extract.events.main_clause import commentary, main_anchor, negated, sharing_time
from timeline.extract.events.occasions import told_through
from timeline.extract.events.prospects import past_inside_prospect
from timeline.extract.events.vocabulary import Vocabulary
from timeline.extract.temporal.values import is_future, precision_of
from timeline.records import Timex

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Parts of speech that may stand between a conjunction and the predicate it joins ("and later died").
JOINING_POS = frozenset({"ADV", "AUX", "PART", "PUNCT"})
# Dependencies through which a clause names who or what did it.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def find_anchors(segment: "Span", dated: list[tuple[Timex, "Span"]], dct: date | None,
                 vocab: Vocabulary) -> list[Anchor]:
    """The anchors of a segment; ``dated`` are its ``calendar_timexes``."""
    root = clause_root(segment)
    if root is None:
        return []
    main = main_anchor(root, vocab)
    anchors: list[Anchor] = [main] if main else []
    keep_out: set[int] = set()
    for timex, span in dated:
        head = span.root
        verb, how = governor(head, segment, root, vocab.dated_nouns,
                             day=precision_of(day_value(timex.value or "")) == "day")
        saying = _said_then(span, verb, vocab) if verb is not None else None
        if saying is not None:
            verb, how = saying, "adverbial"  # "said on Friday it would form a coalition"
        through = told_through(head, vocab)  # "a report released yesterday said…"
        if through is not None and segment.start <= through.i < segment.end:
            verb, how = through, "argument"
        if verb is None or (how == "argument" and head.dep_ in ("compound", "amod")
                            and precision_of(timex.value or "") == "season"):
            continue  # "the winter cold" is weather, not a date
        if _planned_by(verb, main, timex, dct, vocab) or past_inside_prospect(verb, span, timex, dct):
            continue
        keep_out |= {t.i for t in span}
        # the preposition that only carries the date ("on Saturday") leaves the title with it
        if head.dep_ == "pobj" and len(list(head.head.children)) == 1:
            keep_out.add(head.head.i)
        if head.head.lower_ in ZONE_NOUNS and head.head.dep_ in BARE_ADVERBIAL_DEPS:
            keep_out |= {t.i for t in head.head.subtree}  # "South African time" goes with its day
        keep_out |= _bare_participle(head, span, through, keep_out)
        owner = next((a for a in anchors if verb.i in a.group), None)
        if owner is not None and (_dated_apart(verb, owner, timex) or _plan_apart(verb, owner, vocab)):
            owner.group.discard(verb.i)  # "fell ill on 4 April and died on 13 April": two days, two happenings
            owner = None
        if owner is None:
            mood = mood_of(verb, vocab)
            if mood.hypothetical or negated(verb) or (
                    verb.lemma_.lower() in vocab.states and mood.tense == "present"):
                continue
            if mood.tense == "past-perfect" and _heads_plan(verb, vocab):
                continue  # "had been due to reopen on 31 May": a plan given up, no happening on its day
            subject = verb.head if verb.dep_ in ("relcl", "acl") else shared_subject(verb)
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
                           group={verb.i} | sharing_time(verb, vocab),
                           is_reporting=verb.lemma_.lower() in vocab.reporting)
            anchors.append(owner)
        owner.timexes.append((timex, how, verb))
    if main is not None and _earlier_than_said(main):
        # "Yesterday the ministry said the agency had lifted the advice": what had happened by
        # the day of saying happened before it; that day is the statement's, and the statement
        # is the news
        plain = main_anchor(main.speaker, vocab, descend=False) if main.speaker is not None else None
        if plain is not None:
            plain.timexes = main.timexes
            anchors[0] = main = plain
    if main is not None and not main.timexes:
        _share_time_of_when(main, anchors, vocab)
    if main is not None and main.speaker is not None and not main.timexes and \
            not date_anchor(main, root, dct, vocab, dated):
        # What was said is an undated plan or background: the statement itself is the news.
        plain = main_anchor(root, vocab, descend=False)
        if plain is not None:
            anchors[0] = plain
    if main is not None and main.speaker is not None:
        anchors += _statement_apart(main, root, vocab) or _announcement_apart(main, root, dct, vocab)
    kept = []
    apart = [a.verb for a in anchors if a.verb.dep_ == "conj" and not a.is_main]
    for anchor in anchors:
        anchor.keep_out = keep_out | _conjuncts_told_apart(anchor, apart)
        if date_anchor(anchor, root, dct, vocab, dated):
            classify(anchor, vocab)
            kept.append(anchor)
    return _without_undated_frame(kept, vocab)


def _bare_participle(head: "Token", span: "Span", through: "Token | None", keep_out: set[int]) -> set[int]:
    """"A report released yesterday said…": the participle that only carried the time
    (or stood just before it, where the parser hung the time on the verb) leaves the
    title with it, "A report said…"."""
    carrier = head.head.head if head.dep_ == "pobj" else head.head
    if through is not None and carrier.dep_ == "acl" and all(
            t.i in keep_out for t in carrier.subtree if t.i != carrier.i):
        return {carrier.i}
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.dep_ == "acl" and before.tag_ == "VBN" and not list(before.children):
        return {before.i}
    return set()


def _said_then(span: "Span", verb: "Token", vocab: Vocabulary) -> "Token | None":
    """"Zimbabwe's opposition said on Friday it would form a coalition": a time told right
    after a verb of saying, before the clause it says begins, is the time of the saying,
    though the parser hangs it on that clause. The verb of saying, or None."""
    saying = verb.head
    if verb.dep_ != "ccomp" or saying.i == verb.i or saying.lemma_.lower() not in vocab.reporting:
        return None
    head = span.root
    phrase = head.head if head.dep_ == "pobj" and head.head.dep_ == "prep" else head  # "on Friday"
    words = {t.i for t in phrase.subtree}
    clause = {t.i for t in verb.subtree}
    if not saying.i < min(words) or any(i in clause for i in range(saying.i + 1, min(words))):
        return None  # "said it would form a coalition on Friday": the clause's own time
    rest = clause - words
    return saying if rest and min(rest) > max(words) else None


def _planned_by(verb: "Token", main: Anchor | None, timex: Timex, dct: date | None, vocab: Vocabulary) -> bool:
    """"Sharif has vowed to land in Islamabad on Monday", "The delegates agreed to hold a
    conference in March": a time still to come on the act that a commitment told as done
    plans is the planned act's, not the commitment's. The commitment is the main clause,
    dated as it is told (with no day, by publication); no happening apart is made of the
    same words on the planned day. A plan told as one ("are expected to meet") is the
    planned happening itself (main_clause.py)."""
    if main is None or main.mood.tense not in NEWS_TENSES or main.mood.scheduled or \
            not is_future(day_value(timex.value or ""), dct):
        return False
    up = verb
    while up.dep_ == "xcomp" and up.head.i != up.i:
        up = up.head
    return up.i != verb.i and up.i in main.group and up.lemma_.lower() not in vocab.future_markers


def _share_time_of_when(main: Anchor, anchors: list[Anchor], vocab: Vocabulary) -> None:
    """"As shock waves began to spread last month, China scrambled to protect itself":
    a clause of the same time ("when", "as", "while") that the text dates dates the
    main clause it hangs on, which has no time of its own."""
    for anchor in anchors:
        verb = anchor.title_root  # "began to spread last month": the clause is told by its first verb
        if anchor is main or not anchor.timexes or verb.dep_ != "advcl" or verb.head.i not in main.group:
            continue
        if any(c.dep_ == "mark" and c.lower_ in vocab.simultaneous for c in verb.children):
            main.timexes.extend((timex, "adverbial", main.verb) for timex, _, _ in anchor.timexes)
            return


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


def _dated_apart(verb: "Token", owner: Anchor, timex: Timex) -> bool:
    """Whether ``verb``, a predicate coordinated with ``owner``'s, is dated by ``timex`` to
    another day than the one ``owner`` already has: "went to hospital on 8 April and died on
    13 April" tells two happenings, each on its day."""
    if verb.dep_ != "conj" or verb.i == owner.verb.i or precision_of(day_value(timex.value or "")) != "day":
        return False
    if not _joined_directly(verb):
        return False
    days = {day_value(t.value or "")[:10] for t, _, v in owner.timexes if v.i != verb.i}
    return bool(days) and day_value(timex.value or "")[:10] not in days


def _earlier_than_said(main: Anchor) -> bool:
    """Whether the main anchor is what a verb of saying reports in the past perfect of
    another's act, dated only by times set on the saying ("said on Monday that the agency
    had lifted…"); "said on Saturday it had expelled a submarine" reports the speaker's
    own act of the day."""
    if main.speaker is None or not main.claim or main.mood.tense != "past-perfect" or not main.timexes:
        return False
    # a speaker the text names ("the ministry said"), not "it was announced" that tells the news itself
    named = any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in main.speaker.children)
    return named and all(v.i == main.speaker.i for _, _, v in main.timexes)


def _plan_apart(verb: "Token", owner: Anchor, vocab: Vocabulary) -> bool:
    """Whether ``verb``, a predicate coordinated with ``owner``'s, tells a plan ("is closed
    and had been due to reopen on 31 May", "is shut and was scheduled to reopen in June")
    while ``owner`` tells no plan: the time set for the planned act is not the owner's."""
    return verb.dep_ == "conj" and verb.i != owner.verb.i and not owner.mood.scheduled \
        and not _heads_plan(owner.verb, vocab) and _heads_plan(verb, vocab)


def _heads_plan(verb: "Token", vocab: Vocabulary) -> bool:
    """Whether ``verb`` sets an act ahead: "was scheduled to reopen", "had been due to reopen"."""
    if verb.lemma_.lower() in vocab.future_markers and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    return any(c.dep_ == "acomp" and c.lemma_.lower() in vocab.future_markers for c in verb.children)


def shared_subject(verb: "Token") -> "Token | None":
    """The subject a coordinated predicate shares with the one it is joined to ("The woman
    fell ill and died": the woman died), when it has none of its own."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in verb.children) or not _joined_directly(verb):
        return None
    head = verb.head
    while head.dep_ == "conj" and head.head.i != head.i and not any(c.dep_ in SUBJECT_DEPS for c in head.children):
        head = head.head
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _joined_directly(verb: "Token") -> bool:
    """Whether only adverbs or auxiliaries stand between ``verb`` and the conjunction joining it
    to the predicate before ("and later died"): "and Asian governments agreed" has a subject of
    its own the parse did not attach, and must not borrow the first clause's."""
    cc = max((c.i for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i), default=None)
    return cc is not None and all(t.pos_ in JOINING_POS for t in verb.doc[cc + 1:verb.i])


def _conjuncts_told_apart(anchor: Anchor, apart: list["Token"]) -> set[int]:
    """The words of the coordinated predicates told as happenings of their own (``apart``)
    inside ``anchor``'s clause, with the conjunction before each: its title leaves them out."""
    out: set[int] = set()
    inside = {t.i for t in anchor.title_root.subtree}
    for verb in apart:
        if verb.i != anchor.verb.i and verb.i in inside and verb.head.i in inside:
            out |= {t.i for t in verb.subtree}
            out |= {c.i for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i}
    return out


def _same_occasion(verb: "Token", main: "Token", timex: Timex) -> bool:
    """Whether a subjectless side clause of ``main`` ("after suffering a cardiac arrest
    on Thursday") happened on the main clause's day: a day, joined by no word that
    puts the two apart ("before leaving office next year"). A clause describing a noun on
    the way ("Ngoni, the man expected to become leader tomorrow, represents…") tells of that
    noun: its day is not the main clause's."""
    if precision_of(day_value(timex.value or "")) != "day":
        return False
    token = verb
    for _ in range(6):
        if token.i == main.i:
            return True
        if token.lower_ in APART_IN_TIME or token.dep_ in DESCRIBING_CLAUSES or any(
                c.dep_ == "mark" and c.lower_ in APART_IN_TIME for c in token.children):
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return False


# Tenses in which a verb of saying tells a saying already made.
SAID_TENSES = frozenset({"past", "perfect", "present"})


def _announcement_apart(main: Anchor, root: "Token", dct: date | None, vocab: Vocabulary) -> list[Anchor]:
    """"The organiser said more than 40 singers were expected to perform at the concert on
    22 January": a saying told as made, whose only time is that of the happening it
    announces, still to come. The saying is news of its own day (dated as any statement
    with no day is); the announced happening is dated apart, by its own time, and told
    in its own words."""
    speaker = main.speaker
    if speaker is None or main.title_root.i != speaker.i or not main.timexes:
        return []
    if any(t[2].i == speaker.i for t in main.timexes) or not all(
            is_future(day_value(t[0].value or ""), dct) for t in main.timexes):
        return []
    told = mood_of(speaker, vocab)
    if told.tense not in SAID_TENSES or told.scheduled or told.hypothetical:
        return []
    statement = main_anchor(root, vocab, descend=False)
    if statement is None:
        return []
    marker = main.verb.head
    main.title_root = marker if main.verb.dep_ == "xcomp" and marker.lemma_.lower() in vocab.future_markers \
        else main.verb
    return [statement]


def _statement_apart(main: Anchor, root: "Token", vocab: Vocabulary) -> list[Anchor]:
    """"GM announced on Wednesday that its sales fell in March": when the saying
    and what was said each have their own time, both are happenings, each dated
    by its own expression."""
    if main.speaker is None:
        return []
    said = [t for t in main.timexes if t[2].i == main.speaker.i]
    told = [t for t in main.timexes if t[2].i != main.speaker.i]
    if not said or not told or {day_value(t[0].value or "") for t in said} & {
            day_value(t[0].value or "") for t in told}:
        return []
    statement = main_anchor(root, vocab, descend=False)
    if statement is None:
        return []
    main.timexes, statement.timexes = told, said
    return [statement]
