"""The words of an event: a title cut from the article's own clause with the
actors' canonical names, the summary sentence, the actors and the figures."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from timeline.extract.events.asides import (
    NAME_ASIDES,
    between_conjuncts,
    bracketed,
    described_speaker,
    fronted,
    measures,
    set_off,
    subordinate,
    told_an_outlet,
    whole_words,
)
from timeline.extract.events.complements import conditional, needed_clause, role_after_as
from timeline.extract.events.complete import a_time, incomplete, purpose, shortest
from timeline.extract.events.cuts import (
    dashed,
    descriptor_words,
    name_parts,
    name_words,
    passive_auxiliary,
    possessor,
    relative_day,
    relative_object,
    restates,
    spaced_hyphen,
    subject_run,
    swallowed_subject,
    tidy,
    told_an_audience,
    without_empty_phrases,
    without_stranded_verbs,
    word_count,
)
from timeline.extract.events.details import as_meant, clean_text
from timeline.extract.events.details import mentions_in as mentions_in  # where the rules of listing read it
from timeline.extract.events.naming import (
    description_words,
    named_beside,
    names_it,
    role_words,
    span_start,
    takes_article,
)
from timeline.extract.events.pruning import PRUNABLE, PRUNING_ORDER, collect, ending_kept, give_back_rank
from timeline.extract.events.quotes import (
    attribution_room,
    following_quote,
    fronted_quote,
    is_own_words,
    quoted_phrases,
    speaker,
    speaks_for_its_subject,
    verbatim,
)
from timeline.extract.events.runins import sentence_start
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.vocabulary import load_vocabulary
from timeline.extract.events.wellformed import between_verbs, indefinite, run_on_clauses, unjoined
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Span, Token

# Parts of a clause a headline leaves out: side clauses, asides and attributions.
ALWAYS_DROPPED = frozenset({"relcl", "advcl", "parataxis", "appos", "punct", "intj", "dep", "meta",
                            "preconj", "discourse"})
TITLE_WORDS = 14  # words as a reader counts them, every word of a name (see cuts.word_count)
QUOTES = "\"“”‘’«»„"
BRACKETS = frozenset({"(", ")", "[", "]"})
WORD_PUNCT = frozenset("-–/'’")
# Relative pronouns ("who", "which", "that" as a subject): a headline names the noun instead.
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?”])")


def title_from(root: "Token", keep_out: set[int], mentions: list[Mention], within: tuple[int, int],
               limit: int = TITLE_WORDS, spare: frozenset[int] = frozenset()) -> str:
    """A short headline in the article's words: the clause under ``root`` without
    side clauses, time expressions (``keep_out``) and attributions, with every
    actor under its canonical name; the parts ``spare`` heads are never left out. A cut
    that is not a complete clause (``complete.incomplete``) gives way to the shortest complete one."""
    doc = root.doc
    limit -= attribution_room(root, mentions)  # "…, court documents say" is written after it
    # a headline or byline run into the sentence is left out, but not what hangs on it
    starts = sentence_start(root, within[0])
    front = {t.i for t in root.subtree if within[0] <= t.i < starts}
    quote = fronted_quote(root, QUOTES)
    quoted = quote is not None
    if quote is None and root.lemma_.lower() in load_vocabulary().reporting:
        # "Germany was stopping the certification, Scholz said": the same, unquoted
        quote = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    if quote is None and root.lemma_.lower() in load_vocabulary().reporting:
        # 'Mbeki said: "I shall return…"': the speaker's own words keep their marks
        after = following_quote(root, QUOTES)
        who = speaker(root, mentions) if after is not None and is_own_words(after) else ""
        if who and after is not None and after.i not in keep_out:
            return f"{who}: “{verbatim(after, QUOTES, TITLE_WORDS - name_words(who))}”"
    if quote is not None and quote.i not in keep_out:
        # "“…will respond decisively…,” Biden told Putin": who told whom, then what
        who = speaker(root, mentions)
        if who and quoted and is_own_words(quote):
            room = TITLE_WORDS - name_words(who)  # every word of who said it counts
            return f"{who}: “{verbatim(quote, QUOTES, room)}”"
        # what was said leaves room for who said it, every word of it: a name, a description ("the
        # Scottish health secretary"), the verb
        said = title_from(quote, keep_out, mentions, within, limit - name_words(who) if who else limit, spare)
        if who and said.rsplit(" ", 1)[-1] == quote.text and name_words(who) > 2 and _goes_on(quote, keep_out):
            # "…said derelict leadership has resulted": a cut before what the verb needs is worse
            # than a headline a word or two long
            said = title_from(quote, keep_out, mentions, within, limit - 2, spare)
        if said and speaks_for_its_subject(root):
            return said  # "…, his office said": the one it speaks for is the title's subject
        if said and who:
            opening = next((t for t in quote.subtree if t.text not in QUOTES), quote)
            first_word = said.split(" ", 1)[0]
            keep_case = (len(first_word) > 1 and first_word.isupper()) or opening.pos_ == "PROPN" or any(
                said.startswith(m.name) for m in mentions)  # "Conrad Murray has pleaded…" keeps its capital
            told = f"{who} {said if keep_case else said[:1].lower() + said[1:]}"
            return told[:1].upper() + told[1:]
    by_token: dict[int, Mention] = {}
    # the longest mention wins a token: "Singapore Airlines", not "Singapore" then "Singapore Airlines"
    for mention in sorted(mentions, key=lambda m: m.end - m.start):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                by_token[token.i] = mention
    inner = name_parts(by_token, doc.tokens) | spare  # "the Movement for Democratic Change" is never cut inside
    # "Fans marked the first anniversary of his death": a time the verb acts on is what it did
    keep_out = set(keep_out) - {t.i for c in root.children if c.dep_ in ("dobj", "attr", "oprd") for t in c.subtree}
    dropped = set(keep_out) | {t.i for t in root.subtree if not within[0] <= t.i < within[1]}
    negatives = load_vocabulary().negative_words  # "say no to a country": a title keeps its "no"
    dropped |= bracketed(root) | dashed(root)
    # a condition a demand or a modal's claim depends on is no setting ("called for a boycott unless…")
    conditions = {t.i for c in root.children if conditional(c) for t in c.subtree}
    dropped |= fronted(root) | measures(root) | (subordinate(root) - conditions) | run_on_clauses(root)
    # a preposition whose object was a time expression goes, but what is coordinated
    # with it stays: "due in Kyiv on Monday and in Moscow" -> "due in Kyiv and in Moscow"
    elided = {t.i for t in root.subtree if t.dep_ == "prep" and t.i not in dropped
              and any(c.dep_ == "pobj" and c.i in keep_out for c in t.children)} | front
    for child in root.subtree:
        if child.i in dropped or child.i in front or child.head.i in front:
            continue
        side = child.dep_ in ALWAYS_DROPPED and child.i not in spare  # a part kept on purpose is no side part
        if child.i != root.i and side and child.lower_ not in negatives and \
                not needed_clause(child) and not conditional(child) and not (child.head.i == root.i and purpose(child)):
            if child.dep_ == "punct" and (child.text in WORD_PUNCT and not child.whitespace_ or spaced_hyphen(child)):
                continue  # "build-up", "all-out", "pro - government" in tokenised text
            if child.text == "," and (between_conjuncts(child) or between_verbs(child)):
                continue  # "The United States, the European Union and Britain": a list keeps its commas
            if child.dep_ == "appos" and child.i in by_token and (named_beside(child, by_token) or (
                    by_token[child.i].kind == "person" and not (
                    child.head.i in by_token and by_token[child.head.i].kind == "place"))):
                continue  # "his French counterpart Emmanuel Macron": the name is the point
            if child.dep_ == "appos" and child.i > child.head.i and _restrictive(child):
                continue  # "spraypainted the words “lion killer”": no comma, the words are what is meant
            if child.dep_ in ("appos", "dep", "meta") and child.i > 0 and not doc[child.i - 1].whitespace_ \
                    and child.text.isalnum():
                continue  # "$360m": a unit glued to its figure is part of it
            dropped.update(t.i for t in child.subtree)
        elif child.dep_ == "advmod" and child.head.i == root.i and \
                child.lower_ in load_title_words().dropped_adverbs and not any(True for _ in child.children):
            dropped.add(child.i)  # "also", "meanwhile": the sentence before is not there to tie to
        elif child.dep_ in ("nsubj", "nsubjpass") and child.head.i == root.i and set_off(child) and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.i < child.i and c.i not in front for c in root.children):
            dropped.update(t.i for t in child.subtree)  # "34 people, most of them women, were killed"
        elif child.head.pos_ == "PROPN" and child.dep_ in NAME_ASIDES and set_off(child, closed=True):
            dropped.update(t.i for t in child.subtree)  # "Michael Jackson, a month shy of his birthday,"
        elif child.dep_ in ("prep", "npadvmod") and relative_day(child):
            dropped.update(t.i for t in child.subtree)  # "on Sunday": a day only the article's date places
        elif child.dep_ == "npadvmod" and child.pos_ in ("NOUN", "PROPN") and set_off(child):
            dropped.update(t.i for t in child.subtree)  # "Pakistan, traditionally a US ally,": an aside
        elif child.dep_ == "ccomp" and any(c.dep_ == "ccomp" and c.i < child.i for c in child.head.children) \
                and set_off(child):
            dropped.update(t.i for t in child.subtree)  # "…, so the mission can focus…": a second clause
        elif child.dep_ == "prep" and (child.lower_ in ("according", "amid", "despite", "while") or (
                child.lower_ == "as" and child.head.pos_ == "VERB" and not role_after_as(child)
                and child.head.lemma_.lower() not in load_vocabulary().as_complements)):
            dropped.update(t.i for t in child.subtree)
    said_instead = told_an_outlet(root)
    if said_instead is not None:
        dropped |= said_instead[1]
    described = _described(root, dropped, within)
    run_in, swallowed = swallowed_subject(root, within)  # "In an interview with X, the minister outlined…"
    dropped |= run_in
    described |= swallowed
    dropped |= {t.i for t in root.children if t.i in described or t.tag_ in RELATIVE_TAGS}
    by_mention_tokens: dict[str, set[int]] = {}
    for i, mention in by_token.items():
        by_mention_tokens.setdefault(mention.name, set()).add(i)
    roles: set[int] = set()
    tokens = doc.tokens
    for indexes in by_mention_tokens.values():
        kind = by_token[min(indexes)].kind  # "Russian President", "search engine giant Google": the name alone
        roles |= role_words(indexes, [tokens[i] for i in indexes], kind) | descriptor_words(indexes, tokens, kind)
    roles |= description_words(root, by_token, dropped)  # "the party's treasurer, Ann Dube": Ann Dube

    def fits(indexes: list[int]) -> bool:  # the role words before a name are not written
        return word_count([i for i in indexes if i not in roles], by_token, tokens) <= limit

    # "fired tear gas to disperse looters": what the verb was done for stays when the whole
    # clause fits a headline, and is the first thing to go when it does not
    purposes = {t.i for c in root.children if c.dep_ == "advcl" and c.i not in dropped | spare and purpose(c)
                and not needed_clause(c) for t in c.subtree}
    whole_clause = described | set(collect(root, dropped, frozenset(), elided, inner))
    if purposes and not fits(tidy(sorted(whole_clause), doc.tokens)):
        dropped |= purposes
    given: list[set[int]] = []  # the pruned parts given back, in turn
    prunable: set[str] = set()  # the kinds the clause has parts of that pruning may take
    pruned: frozenset[str] = frozenset()
    for kinds in (frozenset(),) + PRUNING_ORDER:
        if kinds and not kinds & prunable:
            continue  # nothing of this kind to prune: the same words, still too many
        pruned |= kinds  # one kind more at a time: a title loses no more than it must
        chosen = tidy(sorted(described | set(collect(root, dropped, pruned, elided, inner, seen=prunable))), doc.tokens)
        if fits(chosen):
            break
    if pruned & prunable:
        # Pruning a whole kind at once can leave "Delegations met": from the clause with every
        # prunable part out, give back one part at a time those that still fit ("from Ukraine
        # and Russia", "near the Belarusian border"): a clause the verb takes first, then from
        # the left; a part comes back without its own prunable parts, which come back after it
        # if they fit too.
        pruned = PRUNABLE
        spared: set[int] = set()
        chosen = tidy(sorted(described | set(collect(root, dropped, pruned, elided, inner))), doc.tokens)
        parts = sorted((t for t in root.subtree if t.dep_ in PRUNABLE and t.i not in dropped and t.dep_ != "cc"),
                       key=lambda t: (give_back_rank(t), t.i))
        for part in parts + parts:  # twice: a part under one given back later is tried again
            if part.i in spared:
                continue
            # "declared martial law and said…": a conjunct comes back with its conjunction
            joined = {part.i} | {c.i for c in part.head.children if c.dep_ == "cc" and c.i < part.i} \
                if part.dep_ == "conj" else {part.i}
            if part.dep_ == "conj" or (part.dep_ in ("acl", "relcl", "advcl") and not needed_clause(part)):
                # a second clause or conjunct, or a side clause on a noun or verb, comes back whole or
                # not at all: "a package split between $550 billion in spending and $275 billion" is cut
                joined |= {t.i for t in part.subtree if t.i not in dropped}
            # "as a violation" without "of international law" is cut mid-phrase: what "of"
            # joins to a noun comes back with it; "for his own benefit" need not
            joined |= {t.i for t in part.subtree if t.dep_ == "prep" and t.lower_ == "of"
                       and t.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and t.i not in dropped}
            trial = tidy(sorted(described | set(collect(root, dropped, pruned, elided, inner | spared | joined))),
                         doc.tokens)
            if len(trial) > len(chosen) and fits(trial):
                spared |= joined
                given.append(joined)
                chosen = trial
    chosen = ending_kept(chosen, root, fits, lambda more: tidy(sorted(
        described | set(collect(root, dropped, pruned, elided, inner | more))), doc.tokens), dropped, given)
    chosen = _finished(chosen, root, dropped - set(keep_out))
    # A cut that leaves a word without what it requires ("has offered $100bn" [for what],
    # "will be elected" [to what]) gives way to the shortest complete realisation of the
    # whole clause, even when that is longer than a headline: a longer title beats a wrong one.
    exempt = set(keep_out) | dropped | elided | front | (set(range(len(doc))) - {t.i for t in root.subtree})
    exempt |= {t.i for c in root.children if c.i not in chosen and purpose(c) for t in c.subtree}  # need not be
    if root.pos_ in ("VERB", "AUX") and incomplete(chosen, root, exempt) is not None:  # a fragment stays as cut
        whole = sorted(described | set(collect(root, dropped, frozenset(), elided, inner)))
        chosen = _finished(shortest(whole, root, exempt, fits, lambda c: tidy(c, doc.tokens), inner), root,
                           dropped - set(keep_out))
    heard = told_an_audience(root, by_token) if said_instead is None else None
    if heard is not None and heard[1] <= set(chosen) and not fits(chosen):  # "told a news conference…" -> said…
        said_instead, chosen = heard, [i for i in chosen if i not in heard[1]]
    # "testified [that] he had sought…": a headline one word too long leaves out the "that" of what was
    # said, right after the verb (never after an object, "told the Bundestag [that] Russia's attack…",
    # nor inside a quotation)
    that = {c.i for t in root.children if t.dep_ == "ccomp" for c in t.children
            if c.dep_ == "mark" and c.lower_ == "that" and c.i == t.left_edge.i
            and max([i for i in chosen if i < c.i], default=-1) == root.i}
    if that & set(chosen) and not fits(chosen) and fits([i for i in chosen if i not in that]):
        chosen = [i for i in chosen if i not in that]
    roles |= described_speaker(root, by_token)
    kept = set(chosen)
    named = {key for key, m in {id(m): m for m in by_token.values()}.items() if names_it(m, doc, kept, roles)}
    words: list[str] = []
    last_mention: Mention | None = None
    previous = -2
    marks = quoted_phrases(chosen, tokens, QUOTES)
    closing = ""  # the mark that closes a cut quotation, after its last kept word (or name)
    for i in sorted(set(chosen) | {m for m in marks if tokens[m].text in QUOTES or not marks[m]}):
        if closing and words:
            words[-1] = words[-1].rstrip() + closing + words[-1][len(words[-1].rstrip()):]
        closing = marks[i] if i in marks and marks[i] and tokens[i].text not in QUOTES else ""
        if words and i != previous + 1 and not words[-1].endswith(" "):
            words[-1] += " "
        previous = i
        if i in roles:
            continue
        token = tokens[i]
        if i in marks and (token.text in QUOTES or not marks[i]):
            words.append(marks[i] + token.whitespace_ if marks[i] else token.text_with_ws)
            continue
        owner = by_token.get(i)  # the mention the token is part of, if any
        if owner is not None and id(owner) in named:
            if owner is last_mention or (last_mention is not None and owner.name == last_mention.name):
                continue  # "The International Monetary Fund (IMF)": the name once
            if len(words) > 1 and words[-1].strip() in ("'s", "’s") and restates(owner.name, words[-2].strip()):
                del words[-2:]  # "the African National Congress's [ANC] Youth League": the owner once
            last_mention = owner
            last = doc.char_span(owner.start, owner.end, alignment_mode="expand")
            if owner.name.lower().startswith("the ") and words and words[-1].strip().lower() == "the":
                words.pop()  # "the West" is the name itself: the article's own "the" goes
            before = tokens[span_start(owner, doc, i) - 1] if span_start(owner, doc, i) - 1 in kept else None
            if takes_article(owner.name) and not (before is not None and (
                    before.dep_ in ("det", "poss") or before.tag_ == "PRP$")) and not _determined(last, kept):
                words.append("the ")  # "Washington had not addressed" -> the United States had not addressed
            if words and words[-1].strip().lower() in ("a", "an"):
                words[-1] = indefinite(owner.name, words[-1])  # "an ICRC ship" -> a International… -> an
            words.append(owner.name + (last[-1].whitespace_ if last is not None else token.whitespace_))
            continue
        if token.text in QUOTES or token.text in BRACKETS:
            continue
        last_mention = None
        if spaced_hyphen(token):  # "pro - government" is written "pro-government", "60 - year [- old]" not at all
            if words and i - 1 in kept and i + 1 in kept:
                words[-1] = words[-1].rstrip()
                words.append("-")
            continue
        if said_instead is not None and i == root.i:
            words.append(said_instead[0] + token.whitespace_)
            continue
        if i == root.i and described and any(d < root.i for d in described):
            words.append(passive_auxiliary(root))  # "the peace process launched by X" -> … was launched by X
        words.append(token.text_with_ws)
    if closing and words:
        words[-1] = words[-1].rstrip() + closing
    title = clean_text(as_meant("".join(words))).strip(" ,;:-–—'\"")
    if root.dep_ == "ccomp" and title.lower().startswith("that "):
        title = title[5:]  # what was said, without the "that" of reported speech
    title += relative_object(root, chosen)  # "the plan, which X is set to announce": X is set to announce the plan
    if not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in root.children) and root.dep_ == "ROOT" and \
            not swallowed:
        # The parser put the subject in a side clause: name the actors of the noun
        # phrase right before the verb, and only those.
        run = subject_run(root)
        names = list(dict.fromkeys(by_token[i].name for i in run if i in by_token and doc[i].pos_ != "ADJ"
                                   and by_token[i].kind != "place" and not possessor(doc, i, run)))[:3]
        if names and not title.startswith(names[0]):
            title = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names) + " " + title
    title = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", title)
    return title[:1].upper() + title[1:] if title else ""


def _goes_on(verb: "Token", keep_out: set[int]) -> bool:
    """Whether the clause of ``verb`` goes on after it with a part of its own ("has resulted [in
    chaos]"), not a time, a mark, nor a second verb ("have been detained [or threatened]")."""
    return any(c.i > verb.i and c.i not in keep_out and c.dep_ not in ("punct", "cc", "conj", "npadvmod")
               and not a_time(c) for c in verb.children)


def _restrictive(appos: "Token") -> bool:
    """Quoted words or a name right after their noun, no comma between: "the slogan “Yes we
    can”" is the slogan, "the painting The Storm" the painting."""
    start = appos.left_edge.i
    first = appos.doc[start]
    named = appos.head.pos_ == "NOUN" and first.text[:1].isupper()
    return start == appos.head.i + 1 and (first.text in QUOTES or named)


def _finished(chosen: list[int], root: "Token", cut: set[int]) -> list[int]:
    """The last cuts of a title's words: a verb left without what it says goes, and so does
    an empty phrase or a second clause with nothing to join it; a hyphenated word stays whole."""
    doc = root.doc
    chosen = whole_words(without_empty_phrases(without_stranded_verbs(chosen, root), doc.tokens), doc, cut)
    for verb in unjoined(doc[i] for i in chosen):
        # "pulled a blanket up wiped his nose": a second clause with nothing to join it goes
        chosen = tidy([i for i in chosen if i not in {t.i for t in verb.subtree}], doc.tokens)
    return chosen


def _described(root: "Token", dropped: set[int], within: tuple[int, int]) -> set[int]:
    """The noun phrase a relative or participial clause describes, which is the
    subject of its headline: "Pedro Sanchez, who visited the island on Saturday"
    -> Pedro Sanchez visited the island; "a further strike on a radar site
    followed on Saturday" -> a further strike on a radar site followed."""
    if root.dep_ not in ("relcl", "acl") or root.head.pos_ not in ("NOUN", "PROPN"):
        return set()
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in RELATIVE_TAGS for c in root.children):
        return set()  # "the law that Parliament passed": the clause has a subject of its own
    head = root.head
    # "a further strike on a radar site followed": the whole phrase; but "a confrontation with
    # the supreme court, which ruled": after a comma the clause tells of the noun just before it
    # "the quake that struck": the quake; "holidaymakers who want to leave": the holidaymakers
    relative = any(c.tag_ in RELATIVE_TAGS for c in root.children)
    while not set_off(root) and not relative and head.dep_ == "pobj" and head.head.dep_ == "prep" and \
            head.head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head.head  # up from "a radar site" to "a further strike on a radar site"
    inner = {t.i for t in root.subtree}
    side = {t.i for c in head.subtree if c.i != head.i and c.dep_ in ALWAYS_DROPPED | {"acl", "relcl"}
            for t in c.subtree}
    return {t.i for t in head.subtree if t.i not in inner | side | dropped and within[0] <= t.i < within[1]}


def _determined(span: "Span | None", kept: set[int]) -> bool:
    """Whether the title keeps a determiner of the name's phrase before the name: "the
    Geneva-based WHO" is the Geneva-based World Health Organization, not "the Geneva-based the…"."""
    return span is not None and any(c.i in kept and c.i < span.start and (c.dep_ in ("det", "poss") or c.tag_ == "PRP$")
                                    for c in span.root.children)
