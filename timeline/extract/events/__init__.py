"""Events: the happenings an article reports, read from its parse.

``find_happenings`` is a pure function of one parsed article, the time
expressions the temporal engine found in it and the actors mentioned. It
keeps one happening per reported predicate (a sentence may hold several),
dates it from the time expression its predicate governs, and leaves out what
is not a happening: page furniture, questions, headings, hypotheticals,
undated plans and generic states.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence, overload

from timeline.extract.actors.filters import load_filters
from timeline.extract.events import gate
from timeline.extract.events.anchors import find_anchors
from timeline.extract.events.background import restated_position, told_before, without_history
from timeline.extract.events.candidate import Anchor
from timeline.extract.events.chronology import RULE as CHRONOLOGY
from timeline.extract.events.chronology import chronology_entries, entry_anchors
from timeline.extract.events.claims import as_claim, unofficial_opinion
from timeline.extract.events.dating import by_the_day_written, calendar_timexes, lede_day, quoted_day
from timeline.extract.events.description_pairs import left_descriptions
from timeline.extract.events.descriptions import name_description
from timeline.extract.events.details import clean_text, mentions_in, numbers_of, place_of
from timeline.extract.events.discourse import (
    background_past,
    before_the_news,
    carry_date,
    dated_today,
    inherit_lead_day,
    lead_event,
    restates_known,
    told_in_the_past,
)
from timeline.extract.events.frames import reframed
from timeline.extract.events.full_names import full_names
from timeline.extract.events.gate_features import features
from timeline.extract.events.gate_page import page_of
from timeline.extract.events.linked import linked_anchors
from timeline.extract.events.naming import name_role
from timeline.extract.events.newsworthy import UNDATED, listable
from timeline.extract.events.occasions import date_by_occasion, dated_occasions
from timeline.extract.events.opinion import opinion_page
from timeline.extract.events.participants import mentioned, participants
from timeline.extract.events.parties import joining_voices, parties
from timeline.extract.events.points import further_point_of
from timeline.extract.events.pronouns import name_pronoun, unnamed
from timeline.extract.events.quotes import attributed, quotes_nobody
from timeline.extract.events.referents import name_referents
from timeline.extract.events.retold import date_retold
from timeline.extract.events.title_choice import chosen_title
from timeline.extract.events.title_parties import attributions, cut_from_title, named_in_title, with_conjuncts
from timeline.extract.events.tokens import Parse, forget, parse_of
from timeline.extract.events.topic import first_brief, is_digest, is_running_order, strays, topic_words
from timeline.extract.events.vocabulary import Vocabulary, load_vocabulary
from timeline.extract.events.weak import UNPRINTABLE, title_is_weak
from timeline.records import ActorRef, Article, Happening, Mention, Timex

if TYPE_CHECKING:
    import spacy.tokens

    from timeline.extract.events.tokens import Span, Token

__all__ = ["find_happenings"]

# Sentences that reported something, from the top, read as the lede.
LEDE_SENTENCES = 2
# How many sentences before the previous one a definite subject may take up a happening from.
OLDER_SENTENCES = 2



def find_happenings(doc: "spacy.tokens.Doc | Parse", article: Article, timexes: list[Timex], mentions: list[Mention],
                    extra_types: dict[str, tuple[str, ...]]) -> list[Happening]:
    """Every happening ``article`` reports, dated, typed and titled in its own words."""
    parse = parse_of(doc)
    try:
        return _happenings(parse, article, timexes, mentions, load_vocabulary().with_extra_types(extra_types))
    finally:
        if parse is not doc:
            forget(parse)  # no stage after the events reads it


def _happenings(doc: Parse, article: Article, timexes: list[Timex], mentions: list[Mention],
                vocab: Vocabulary) -> list[Happening]:
    found: list[Happening] = []
    seen: set[tuple[str, str]] = set()  # (title, date) of each found: folding into one changes neither
    previous: Happening | None = None
    before: tuple["Span | None", list[Happening]] = (None, [])  # the last sentence read and what it reported
    older: list[tuple["Span", list[Happening]]] = []  # the sentences before that one, nearest first
    lead: Happening | None = None  # the lede's happening, when it sets the news day
    today = False  # the lede dated its news by the day of publication
    lede_sentences = 0  # sentences that reported something, while looking for the lede
    in_the_past = False  # the text last dated a time before the days of the news (discourse.py)
    told_last: str | None = None  # the date the text last gave a happening, kept or not (gate_features.py)
    parts = segments(doc)
    brief = first_brief(parts)  # a column in brief is about its first item (topic.py)
    lede = vocab.lede_sentences if brief is None else max(min(brief, vocab.lede_sentences), 1)
    topic = topic_words(article.title, parts[:lede], mentions, brief is not None)
    astray = [strays(segment, topic, mentions, brief is not None) for segment in parts]
    # a roundup, a running order, a column in brief: a stray run is another item's story, whenever dated
    digest = is_digest(parts) or is_running_order(parts) or brief is not None
    views = opinion_page(article, parts, vocab)  # a column lists only what it dates (opinion.py)
    entries = chronology_entries(parts, timexes)  # a chronology's lines, each dated by its own date
    page = page_of(article, parts, vocab, views, astray, mentions)
    occasions = dated_occasions(doc, timexes, article.published, vocab)  # "Tuesday's earthquake"
    for index, segment in enumerate(parts):
        entry = entries.get(index)
        if entry is None and skip_segment(segment, vocab):
            previous, before, older = None, (None, []), []
            continue
        if entry is not None:
            dated = []  # an entry's date is its own, set by the chronology (chronology.py)
            anchors = entry_anchors(segment, entry[1], entry[0], article.published, vocab)
        else:
            dated = calendar_timexes(segment, timexes)
            anchors = find_anchors(segment, dated, article.published, vocab)
            # Happenings dated through another clause of their sentence (linked.py).
            anchors += linked_anchors(anchors, segment, timexes, dated, vocab)
            carry_date(anchors, before[1], before[0], article.published, vocab, older)
            date_by_occasion(anchors, occasions, vocab)  # "killed in the earthquake" (occasions.py)
            anchors = reframed(anchors, vocab)  # "evidence emerged when…": the framed clause (frames.py)
        reported = len(found)
        if found:
            # Past the lead, a standing position restated without a date is background.
            anchors = [a for a in anchors if not (a.stance and not a.timexes)]
        restating = [a for a in anchors if restates_known(a, vocab)]
        anchors = [a for a in anchors if a not in restating]
        if restating and not anchors:
            # "The meeting lasted about five hours": more about the happening just told, if any
            if previous is not None:
                found[-1] = previous = _fold(previous, segment, mentions)
            continue
        if previous is not None and _elaborates(segment, anchors, previous):
            found[-1] = _fold(previous, segment, mentions)
            previous = found[-1]
            continue
        if previous is None and _orphan_elaboration(anchors):
            continue
        if index >= vocab.lede_sentences:
            anchors = [a for a in anchors if not background_past(a, in_the_past, vocab)
                       and not restated_position(a)]
        if index:  # past the first sentence, what came before the news it opened with
            anchors = [a for a in anchors if not told_before(a)]
        inherit_lead_day(anchors, lead)  # after the checks above, which ask whether the sentence had a date
        made = []
        for anchor in anchors:
            if views and anchor.evidence.rule in UNDATED:
                continue
            # a chronology's entries are the page's own dates, never another story's
            aside = entry is None and astray[index] and (anchor.evidence.rule in UNDATED or (
                _another_story(astray, index) and (digest or before_the_news(anchor.date, article.published, vocab))))
            happening = _happening(anchor, segment, index, article, mentions, aside, index < lede)
            if happening is None:
                continue
            said_in = _conversation_of(anchor, happening, found, mentions)
            if said_in is None and index:  # "Mugabe also blamed global warming": more of what he said
                said_in = further_point_of(anchor, happening, found, vocab.reporting)
            if said_in is not None:
                found[said_in] = _fold(found[said_in], segment, mentions)
                continue
            weighed = features(anchor, segment, index, happening, page, article, mentions, vocab, told_last)
            told_last = happening.date if anchor.evidence.rule not in UNDATED else told_last
            if not gate.keeps(article.id, index, happening.title, happening.date, weighed):
                continue  # what the rules let through, weighed by the model a desk's labels trained
            made.append(happening)
        redated = quoted_day(previous, anchors, vocab) if previous is not None and found else None
        if redated is not None and found[-1] is previous:
            found[-1] = redated  # '"This is not a dispute," she said on Tuesday.' dates what she said before
            seen.add((redated.title, redated.date))
        for happening in made:
            # the same words on another date are another happening ("were to take delivery
            # in May 2008, but will now receive the aircraft next month")
            if happening.title and (happening.title, happening.date) not in seen:
                found.append(happening)
                seen.add((happening.title, happening.date))
        previous = found[-1] if made and found and found[-1] in made else None
        told = told_in_the_past(found[reported:], [t for t, _ in dated], article.published, vocab)
        in_the_past = in_the_past if told is None else told
        if before[0] is not None:
            older = [(before[0], before[1]), *older][:OLDER_SENTENCES]
        before = (segment, found[reported:])
        if found[reported:] and lede_sentences < LEDE_SENTENCES:
            lede_sentences += 1
            today = today or dated_today(found[reported:], anchors, article.published)
            lead = lead or (None if today else lead_event(found[reported:], anchors, article.published, vocab))
        elif not found[reported:] and lead is None and not today and lede_sentences < LEDE_SENTENCES \
                and index < vocab.lede_sentences:
            lead = lede_day(segment, dated, article.id, index, article.published, vocab)  # "was in disarray last night"
    # "The money was distributed in 1990", told in 2012, is history the report recalls
    return without_history(by_the_day_written(date_retold(found, vocab), article), article.published,
                           frozenset({CHRONOLOGY}), page.protagonists | page.headline_names, mentions)


def _another_story(astray: list[bool], index: int) -> bool:
    """Whether the sentence at ``index`` sits in a run of sentences that share nothing
    with the headline and the lede: another story run into the page (a running order,
    a sidebar), not one background line the article's own news needs."""
    return (index > 0 and astray[index - 1]) or (index + 1 < len(astray) and astray[index + 1])


def _orphan_elaboration(anchors: list[Anchor]) -> bool:
    """"Washington has flatly rejected the demands" after a sentence that reported
    no happening: it says more about background, and is background itself."""
    return len(anchors) == 1 and anchors[0].anaphoric and anchors[0].evidence.rule == "publication-date"


def _conversation_of(anchor: Anchor, happening: Happening, found: list[Happening],
                     mentions: list[Mention]) -> int | None:
    """"Putin told Biden that Washington had failed…" after "Putin and Biden have
    discussed…": what one party told the other in a conversation already
    reported is part of that conversation, not a happening of its own."""
    if happening.type != "statement" or happening.evidence.rule not in ("publication-date", "lead-event-day"):
        return None
    parties: set[str] = set()
    for child in anchor.verb.children:
        if child.dep_ in ("nsubj", "dobj", "dative"):
            start, end = min(t.idx for t in child.subtree), max(t.idx + len(t) for t in child.subtree)
            parties |= {m.name for m in mentions_in(mentions, start, end) if m.kind == "person"}
    if len(parties) < 2:
        return None
    for i in range(len(found) - 1, -1, -1):
        earlier = found[i]
        if earlier.type == "diplomacy" and earlier.date == happening.date and \
                parties <= {a.name for a in earlier.actors}:
            return i
    return None


@overload
def segments(doc: Parse) -> list["Span"]: ...


@overload
def segments(doc: "spacy.tokens.Doc") -> list["spacy.tokens.Span"]: ...


def segments(doc: "spacy.tokens.Doc | Parse") -> "Sequence[Span | spacy.tokens.Span]":
    """Sentences, split again at blank lines: a heading the parser glued to the
    next sentence must not lend it words, nor be read as a sentence itself."""
    out: "list[Span | spacy.tokens.Span]" = []
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if "\n" in token.text and token.is_space:
                if token.i > start:
                    out.append(doc[start:token.i])
                start = token.i + 1
        if start < sentence.end:
            out.append(doc[start:sentence.end])
    return [s for s in out if s.text.strip()]


def skip_segment(segment: "Span", vocab: Vocabulary) -> bool:
    """Page furniture, questions to readers, headings and quotes of nobody are never events."""
    text = segment.text.strip()
    if vocab.is_boilerplate(text) or quotes_nobody(segment, vocab.reporting):
        return True
    bare = text.rstrip("\"”’'» )")
    if bare.endswith("?"):
        return True
    # A heading: no closing punctuation and short ("The frenzy of telephone diplomacy"),
    # unless it reports with a subject and a verb in the past ("The A380 was revealed
    # in January 2005"): a sentence that lost its full stop.
    return not bare.endswith((".", "!", ":", ";")) and len(segment) < 12 and not _reports(segment)


def _reports(segment: "Span") -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.tag_ in ("VBD", "VBN")
               and any(a.tag_ == "VBD" for a in [t.head, *t.head.children] if a.dep_ in ("ROOT", "aux", "auxpass"))
               for t in segment)


def _happening(anchor: Anchor, segment: "Span", index: int, article: Article,
               mentions: list[Mention], aside: bool = False, in_lede: bool = True) -> Happening | None:
    if unofficial_opinion(anchor, mentions):
        return None
    if as_claim(anchor, mentions, article.published):
        return None  # the saying is dated apart, by its own day
    title_root = anchor.title_root
    lo = min(t.idx for t in title_root.subtree) if anchor.is_main else min(t.idx for t in anchor.verb.subtree)
    hi_token = max(title_root.subtree if anchor.is_main else anchor.verb.subtree, key=lambda t: t.i)
    start, end = (segment.start_char, segment.end_char) if anchor.is_main else (lo, hi_token.idx + len(hi_token))
    inside = mentions_in(mentions, start, end)
    if anchor.extra_subject is not None:
        head = anchor.extra_subject
        inside += mentions_in(mentions, min(t.idx for t in head.subtree if t.i <= head.i), head.idx + len(head))

    def finish(title: str) -> str:  # a cut of the clause written out with the actors' names
        title = name_pronoun(_with_shared_subject(title, anchor), segment, mentions)
        title = name_role(title, anchor.title_root, segment, mentions)
        title = name_description(title, anchor.title_root, mentions, article.title or "")
        title = name_referents(title, anchor.title_root, mentions, article.title or "")
        return attributed(full_names(title, segment, mentions), title_root, mentions, load_vocabulary().reporting)
    title = chosen_title(title_root, set(anchor.keep_out), inside, (segment.start, segment.end), finish)
    if not title or len(title.split()) < 2:
        return None
    summary, vocab = clean_text(segment.text), load_vocabulary()
    actors = participants(anchor.verb, segment, mentions, vocab, speaker=anchor.speaker,
                          title_root=anchor.title_root, extra_subject=anchor.extra_subject,
                          headline=article.title or "")
    # the clause the title was cut from to its length: the parties it names count though the title leaves
    # them out ("Tsvangirai, as the leader of the ZCTU, called"), not whose office, nor who reported it
    clause, sources = segment.doc.text[lo:hi_token.idx + len(hi_token)], attributions(segment, mentions)
    readings = _title_subject(title, anchor.title_root, mentions) + tuple(
        a for a in _title_subject(clause, anchor.title_root, mentions)
        if a.kind != "country" and not load_filters().is_outlet(a.name) and a.name not in sources) + actors
    actors = parties(readings, segment, mentions, vocab)
    if not readings:
        # the parse lost the arguments: the names the title keeps are the next best reading
        # (not when it found them and none takes part: "US television networks will team up")
        named = (m for m in inside if _in_title(m, title, inside))
        actors = parties(mentioned(named, segment), segment, mentions, vocab)
    if unnamed(title, actors, title_root):
        return None  # "They were shaking things": no one is named for what happened
    if not listable(anchor, bool(_title_subject(title, title_root, mentions)), in_lede and index < vocab.lede_sentences,
                    aside, mentions, vocab):
        return None  # "The star was covered in floral tributes": nothing a desk would list
    if title.rsplit(" ", 1)[-1] == title_root.text and title_root.lemma_.lower() in vocab.reporting:
        return None  # "Billboard reported", "Stephen Bowen said": what was said is lost
    if index >= vocab.lede_sentences and title_is_weak(title, title_root, (a.name for a in actors)) in UNPRINTABLE:
        return None  # past the lede, "He was held", "The singer called them": a desk would not print it
    return Happening(
        article_id=article.id, sentence_index=index, sentence=summary, predicate=anchor.verb.lemma_.lower(),
        date=anchor.date, precision=anchor.precision, status=anchor.status, evidence=anchor.evidence,
        title=title, summary=summary, type=anchor.type, type_rule=anchor.type_rule,
        actors=parties(with_conjuncts(actors + named_in_title(title, segment, mentions, vocab)
                                      + cut_from_title(clause, title, segment, mentions, vocab), segment, mentions,
                                      title_root),
                       segment, mentions, vocab),
        place=place_of(inside, segment), numbers=numbers_of(segment, set(anchor.keep_out)),
        described=left_descriptions(title, anchor.title_root, mentions),
    )


def _with_shared_subject(title: str, anchor: Anchor) -> str:
    """A coordinated predicate told apart ("… and died on 13 April") is titled with the
    subject it shares with the one before: "The woman died"."""
    subject = anchor.extra_subject
    if subject is None or anchor.verb.dep_ != "conj" or not title:
        return title
    if title.split(" ", 1)[0].lower() != anchor.verb.lower_:
        return title
    words = " ".join(t.text for t in subject.subtree if t.i <= subject.i and not t.is_punct)
    return f"{words[:1].upper()}{words[1:]} {title[:1].lower()}{title[1:]}"


def _elaborates(segment: "Span", anchors: list[Anchor], previous: Happening) -> bool:
    """A sentence with no time of its own that only says more about the happening
    just reported: a quotation with its speaker ("Washington on Friday issued its
    direst warning yet…" then "'…any day now', warned Jake Sullivan."), or a
    clause whose object points back to it ("justified its decision")."""
    if len(anchors) != 1 or not anchors[0].is_main or anchors[0].evidence.rule != "publication-date":
        return False
    return anchors[0].quoted or anchors[0].anaphoric


def _title_subject(title: str, root: "Token", mentions: list[Mention]) -> tuple[ActorRef, ...]:
    """The subject as the title names it, for when the sentence's own is a role
    or a pronoun the title resolved ("The chancellor is due…" -> "Olaf Scholz
    is due…"), or when the parser lost it. Only names before the predicate."""
    at = _word_at(root.text).search(title)
    if at is None or at.start() == 0:
        return ()
    before = title[:at.start()]
    if root.lemma_.lower() != "say" and " says " in before:
        before = before.split(" says ", 1)[1]  # "The White House says Joe Biden spoke": a source, not a party
    kin = load_vocabulary().kin_nouns  # "Jacko's mother claims": the mother is the subject
    spans = {m.name: (found.start(), found.end(), m.kind) for m in mentions if m.kind != "place"
             for found in [_word_at(m.name).search(before)] if found and
             before[found.end():].removeprefix("'s ").removeprefix("’s ").split(" ", 1)[0] not in kin}
    # "International" of "The International Red Cross says": a name inside a longer one is no subject
    names = {n: k for n, (a, b, k) in spans.items()
             if not any(a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2, _ in spans.values())}
    return tuple(ActorRef(name=n, kind=k) for n, k in sorted(names.items(), key=lambda nk: spans[nk[0]][0]))


@lru_cache(maxsize=4096)
def _word_at(word: str) -> re.Pattern[str]:
    """``word`` as a whole word (predicates repeat: compiled once each)."""
    return re.compile(rf"\b{re.escape(word)}\b")


def _in_title(mention: Mention, title: str, inside: "list[Mention] | None" = None) -> bool:
    # "Japan" inside "the Japan Sea" the title names is no name of its own
    for longer in inside or ():
        if mention.name in longer.name and longer.name != mention.name:
            title = title.replace(longer.name, " ")
    return mention.name in title or mention.text in title


def _fold(previous: Happening, segment: "Span", mentions: list[Mention]) -> Happening:
    """``previous`` told at more length by ``segment``: the speaker of a quotation
    that elaborates it, or the parties of what one told the other, join its actors."""
    from dataclasses import replace

    extra = joining_voices(previous.actors, _folded_parties(segment, mentions))
    actors = previous.actors + tuple(a for a in extra if a not in previous.actors)
    summary = f"{previous.summary} {clean_text(segment.text)}"
    return replace(previous, actors=actors, summary=summary, sentence=summary)


def _folded_parties(segment: "Span", mentions: list[Mention]) -> tuple[ActorRef, ...]:
    """The participants of a sentence folded into an earlier happening. When it
    reports a report ("The Kremlin said Putin told Biden…"), the one reporting
    tells of the happening without taking part in it."""
    from timeline.extract.events.clauses import clause_root, content_of

    vocab = load_vocabulary()
    root = clause_root(segment)
    if root is None:
        return ()
    verb = root
    inner = content_of(root) if root.lemma_.lower() in vocab.reporting else None
    if inner is not None and inner.dep_ == "ccomp" and inner.lemma_.lower() in vocab.reporting:
        verb = inner
    return participants(verb, segment, mentions, vocab)
