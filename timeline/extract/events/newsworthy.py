"""Whether a candidate happening has the cues of one a news desk would list.

A clause can be dated and still report nothing a timeline keeps: "People were
screaming", "Environmental groups said the target would help", "He said the cuts
would come from renewable energy", "Mr Raad had a fax machine stolen". What a
desk lists is of a kind it lists whoever does it (a strike, an arrest, a
resignation, an earthquake), or is done or said by a party the text identifies.
So a candidate of a listed kind (any type but ``other`` and ``statement``) stays,
and one of those two weak kinds stays only with these cues:

- its doer (the speaker, for a statement) is identified: a name of a person, an
  organisation, a country or a group, an institution by its common noun ("the
  government", "police"), or a definite description that takes up a party the
  article has introduced ("the doctor", "the allies", "the island's airport"),
  or a counted one ("two more container lines said").
  A bare plural ("prosecutors say", "environmental groups said", "people were
  screaming"), an indefinite ("an eyewitness described") or a pronoun the title
  could not name is nobody in particular;
- or the text gives it a time of its own ("organisers claimed that 400,000
  rallied at the weekend", "a newspaper published the recordings two days
  before"): what it dates, it reports as a happening;
- and, for ``other``, its predicate is more than a light verb ("was back in
  Athens", "did that", "had a phone stolen", "became the scene of activity"),
  unless what it acts on names a happening ("made its first test flight") or it
  is a plan ("is due in Kyiv").

A clause told with "be" past the lede whose complement is a quality ("security was
tight", "the elections will be free and fair", "the visit was a success") says how things
stood; one told with a place or an occasion ("was in court", "was among the dead") is
weighed as any other. Its words are data in ``newsworthy_copula.yaml``.

A clause whose subject is a quality or a standing of someone rather than a party
("the credibility of the courts has been dealt a blow", "his political fortunes have
dipped", "the country's morale was shattered") tells how a party stands, a writer's
reading of the news, not something a party did; a desk lists what the party did. Those
nouns are data in ``newsworthy_views.yaml``. So is the turn of a season ("the planting
season begins", "winter arrives"): the calendar's course, not a happening; what a season
does ("the monsoon flooded the delta") is weighed as any clause.

A clause the writer hedges with an adverb of inference ("the statement was probably
prompted by a leak", "a ruthlessness that clearly impressed the party elders") says what the
writer infers, not what the text reports; what a speaker says hedged is weighed as a
statement. The adverbs are data in ``newsworthy_views.yaml``.

Past the lede, a clause told over a span is no happening of a day: in the present perfect
over a period ("has amassed a following over the years", "has been going on for decades",
"has stayed in office since the coup"), or with an adverb of a span or a trend ("has long
used aid as a lever", "have increasingly turned to adverts", "steadily lost ground"). It
tells a state reached or a trend, the background of the news. The adverbs are data in
``newsworthy_views.yaml``.

A commentator's reading of the news is no happening either: what an analyst, an
economist, a fund manager or a professor says undated ("the greatest threat is from a
malfunctioning economy", "we will be pulled into the recession") judges, forecasts or
explains; what such a speaker says happened, or a named official's statement, stays.
The words (light verbs, kinds and nouns that name a party) are data in
``event_vocabulary.yaml``; the commentators' words in ``newsworthy_views.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.background import restated_again
from timeline.extract.events.clauses import content_of, mood_of, state_reached
from timeline.extract.events.frames import analysis
from timeline.extract.events.main_clause import eventful
from timeline.extract.events.vocabulary import Vocabulary
from timeline.extract.events.wording import mentions_in
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.candidate import Anchor
    from timeline.extract.events.tokens import Token

# Kinds of actor whose statements are news wherever the article quotes them.
OFFICIAL_KINDS = frozenset({"country", "organisation"})
# Kinds of happening a desk lists only with further cues.
WEAK_TYPES = frozenset({"other", "statement"})
# Rules that date a clause by no expression of its own.
UNDATED = frozenset({"publication-date", "lead-event-day"})
# Dependencies that name who did or said it.
DOER_DEPS = frozenset({"nsubj", "csubj"})
# Determiners that take up something the reader already knows.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Determiners of someone not identified ("an eyewitness", "another reporter").
INDEFINITE = frozenset({"a", "an", "another", "some", "one", "any"})
# Dependencies of what a light verb acts on.
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
# How far up a clause may be followed to find its subject ("and agreed to work").
CLIMB = 4


def listable(anchor: "Anchor", named_in_title: bool, in_lede: bool, aside: bool, mentions: list[Mention],
             vocab: Vocabulary) -> bool:
    """Whether ``anchor`` has the cues of a happening a desk would list;
    ``named_in_title`` says whether its title opens with an actor's name (a
    pronoun or a role the title resolved), ``in_lede`` whether its sentence
    opens the article, ``aside`` whether it names nothing the headline and the
    lede name (topic.py)."""
    if _overtaken_plan(anchor.verb, vocab) or _habitual(anchor.verb, vocab):
        return False
    if _nothing_said(anchor, vocab):
        return False
    subject = None if anchor.type == "statement" else _doer_of(anchor.verb, anchor, agent=False)
    if _a_quality(subject) or _season_turns(subject, anchor.verb) or (subject is not None and _hedged(anchor.verb)):
        return False  # "the credibility of the courts has been dealt a blow", "the planting season begins"
    if analysis(anchor.verb, vocab.party_nouns, mentions):
        return False  # "his words underscored a divide", "the killing has thrown the talks into disarray"
    if not in_lede and _standing_present(anchor, vocab):
        return False  # "Religion shapes many lives today", "Zuma remains the favourite": a state, no happening
    if not in_lede and (state_reached(anchor.verb, vocab) or _over_a_span(anchor.verb)):
        return False  # "has amassed a following over the years", "has long used aid": a state reached, a trend
    if not in_lede and _copula_state(anchor, vocab):
        return False  # "security was tight", "the elections will be free and fair": how things stood
    if not in_lede and restated_again(anchor):
        return False  # "again urged him to step down", "has sent out regular e-mails": a stand, a practice
    if _commentators_reading(anchor, mentions, vocab):
        return False  # "the meeting this week shows they're concerned," said an analyst: a reading, whenever
    dated = anchor.evidence.rule not in UNDATED
    if aside and not in_lede:
        return False  # another story run into the page: a running order, a roundup, a sidebar
    if anchor.type not in WEAK_TYPES:
        # a kind of its own: listed when dated, in the lede, or done by a party the text
        # identifies; "relief agencies were working round the clock", "guards have been
        # stationed", undated in the body, are the story's colour
        if dated or in_lede:
            return True
        if _a_period(anchor.verb, vocab):
            return False  # "spent 11 years in jail": a period of a life, background
        return named_in_title or _identified(_doer_of(anchor.verb, anchor), mentions, vocab)
    if anchor.type == "other" and _light(anchor, vocab):
        return False  # "was back in Athens", "looked like a hospital ward on Friday": a state
    if dated:
        return True
    if not in_lede and anchor.type == "other":
        return False  # undated, of no kind, in the body: a detail or background
    verb = anchor.title_root if anchor.type == "statement" else anchor.verb
    spoken = anchor.type == "statement" and verb.lemma_.lower() in vocab.reporting
    if not in_lede and spoken and verb.tag_ in ("VBZ", "VBP"):
        return False  # "the defence says", "his lawyers claim": a standing position, not the day's news
    if not in_lede and anchor.quoted and _a_view(anchor, vocab):
        return False  # "'Panic is the people's greatest enemy,' said the president": a quote that colours it
    doer = _doer_of(verb, anchor)
    if not in_lede and spoken and not _official(doer, mentions, vocab):
        return False  # what a private person said, undated, in the body: a quote that colours the story
    return named_in_title or _identified(doer, mentions, vocab)


def _overtaken_plan(verb: "Token", vocab: Vocabulary) -> bool:
    """"had been expected to surrender last Friday", "had been due to stage 50
    concerts": a plan told in the past perfect was overtaken by what happened instead."""
    token, planned = verb, False
    for _ in range(CLIMB):
        planned = planned or token.lemma_.lower() in vocab.future_markers or any(
            c.dep_ == "acomp" and c.lemma_.lower() in vocab.future_markers for c in token.children)
        if planned and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in token.children):
            return True
        if token.dep_ not in ("xcomp", "acomp") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _a_view(anchor: "Anchor", vocab: Vocabulary) -> bool:
    """Whether a quotation says a view, a state or a possibility rather than a happening."""
    content = content_of(anchor.title_root)
    return content is None or not eventful(content, vocab)


@lru_cache(maxsize=1)
def _commentators() -> "re.Pattern[str] | None":
    words = (load_data("newsworthy_views.yaml") or {}).get("commentators") or ()
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(str(w).lower()) for w in words) + r")s?\b")


def _commentator(phrase: "Token | None", mentions: list[Mention]) -> bool:
    """Whether ``phrase`` names someone the article describes as a commentator ("Leon
    Cooperman, co-founder of a hedge fund", "Nouriel Roubini, a professor at New York
    University"), by its own words or the role the article gives the name, and not a country
    or an organisation."""
    words = _commentators()
    if phrase is None or words is None:
        return False
    tokens = list(phrase.subtree)
    named = mentions_in(mentions, phrase.idx, phrase.idx + len(phrase))  # the speaker's own name
    if any(m.kind in OFFICIAL_KINDS for m in named):
        return False
    names = {m.name for m in named}
    roles = " ".join(m.role or "" for m in mentions if m.name in names)
    return bool(words.search(" ".join(t.lower_ for t in tokens) + " " + roles.lower()))


def _commentators_reading(anchor: "Anchor", mentions: list[Mention], vocab: Vocabulary) -> bool:
    """Whether a commentator judges, forecasts or explains, whatever day the text gives it: a
    statement whose content is no happening, or what the commentator says, told in the present
    or the future ("the meeting this week shows they're concerned," said an analyst)."""
    undated = anchor.evidence.rule in UNDATED
    if anchor.type == "statement" and (anchor.title_root.lemma_.lower() in vocab.reporting or undated):
        doer = _doer_of(anchor.title_root, anchor)
        # dated, only a named commentator's: "researchers warned on Wednesday" reports a study
        return _commentator(doer, mentions) and _judgement(anchor, vocab) and (undated or _named(doer))
    saying = anchor.speaker or _saying_above(anchor.verb, vocab)
    if saying is None or not _commentator(_doer_of(saying, anchor), mentions) or not _named(_doer_of(saying, anchor)):
        return False
    return anchor.mood.hypothetical or anchor.verb.lemma_.lower() in vocab.states or \
        anchor.mood.tense not in ("past", "perfect", "past-perfect")


def _named(phrase: "Token | None") -> bool:
    return phrase is not None and phrase.pos_ == "PROPN"


def _saying_above(verb: "Token", vocab: Vocabulary) -> "Token | None":
    """The verb of saying whose content ``verb`` is, if any ("…shows they're worried," said X)."""
    token = verb
    for _ in range(CLIMB):
        if token.dep_ not in ("ccomp", "conj") or token.head.i == token.i:
            return None
        token = token.head
        if token.lemma_.lower() in vocab.reporting:
            return token
    return None


def _standing_present(anchor: "Anchor", vocab: Vocabulary) -> bool:
    """Whether ``anchor`` tells in the simple present, with no time of its own but the
    page's day or "today", what holds rather than what happened: a state, a habit, a
    judgement ("Hu Jintao represents a new generation", "the issue transcends party lines").
    A plan ("the summit opens on Monday") has a time of its own; saying is weighed elsewhere."""
    verb = anchor.verb
    if anchor.type == "statement" or anchor.status != "occurred" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) or \
            verb.lemma_.lower() in vocab.reporting | vocab.future_markers:
        return False
    if any(c.dep_ in ("acomp", "xcomp") and c.lemma_.lower() in vocab.future_markers for c in verb.children):
        return False  # "is due in Uganda today", "is set to": a plan
    if anchor.evidence.rule in UNDATED:
        return True
    # "today" dates what opens today ("the house reopens today"), not what holds
    # ("religion shapes many lives today")
    now, holding = _present_cues()
    return verb.lemma_.lower() in vocab.states | holding and bool(anchor.timexes) and \
        all(t.text.lower() in now for t, _, _ in anchor.timexes)


@lru_cache(maxsize=1)
def _present_cues() -> tuple[frozenset[str], frozenset[str]]:
    cues = load_data("newsworthy_views.yaml") or {}
    return (frozenset(str(w).lower() for w in cues.get("present") or ()),
            frozenset(str(w).lower() for w in cues.get("holding") or ()))


def _copula_state(anchor: "Anchor", vocab: Vocabulary) -> bool:
    """Whether ``anchor`` is told with "be" and what its subject is, is a quality: an
    adjective ("security was tight", "will be free and fair", "is likely to win") or a noun
    that judges ("the visit was a success"). A place or an occasion ("was in court", "was
    among the dead"), a toll or a presence ("two guards were dead", "he was absent"), a
    plan ("is due in Kyiv") or a deed told with an adjective ("was quick to condemn") is
    weighed as any clause."""
    verb = anchor.verb
    if anchor.type == "statement" or verb.lemma_.lower() != "be":
        return False
    befallen, weighing, qualities = _copula_words()
    for child in verb.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "acomp" and lemma not in befallen | vocab.future_markers:
            deed = any(c.dep_ == "xcomp" for c in [*child.children, *verb.children]) and lemma not in weighing
            return not deed
        if child.dep_ == "attr" and child.pos_ == "NOUN":
            return lemma in qualities or _compound(child) in qualities
    return False


def _compound(noun: "Token") -> str:
    """"turning point": a noun with the nouns it is compounded with, lower case."""
    return " ".join([t.lower_ for t in noun.children if t.dep_ == "compound" and t.i < noun.i] + [noun.lemma_.lower()])


@lru_cache(maxsize=1)
def _copula_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    words = load_data("newsworthy_copula.yaml") or {}
    return tuple(frozenset(str(w).lower() for w in words.get(key) or ())  # type: ignore[return-value]
                 for key in ("befallen", "weighing", "qualities"))


def _judgement(anchor: "Anchor", vocab: Vocabulary) -> bool:
    """Whether what a statement says judges, forecasts or explains rather than reports a
    happening: no clause of its own, a state, a possibility, or a present or future tense."""
    content = content_of(anchor.title_root)
    if content is None:
        return True
    mood = mood_of(content, vocab)
    return mood.hypothetical or content.lemma_.lower() in vocab.states or \
        mood.tense not in ("past", "perfect", "past-perfect")


def _a_period(verb: "Token", vocab: Vocabulary) -> bool:
    """"spent 11 years in jail", "served two decades": what the verb acts on is a span of years."""
    return any(c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in vocab.long_time_units for c in verb.children)


def _habitual(verb: "Token", vocab: Vocabulary) -> bool:
    """"Refugees were often picked up off Miami in the early 1990s": what used to happen
    is no one happening, whatever its time."""
    return any(c.dep_ == "advmod" and c.lower_ in vocab.habitual_adverbs for c in verb.children)


def _over_a_span(verb: "Token") -> bool:
    """"has long used", "have increasingly turned to", "steadily lost ground": an adverb that
    spreads the verb over a span or tells a trend."""
    return _modified_by(verb, "span_adverbs")


def _hedged(verb: "Token") -> bool:
    """"was probably prompted", "clearly impressed": the writer infers it."""
    return _modified_by(verb, "hedges")


def _modified_by(verb: "Token", key: str) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in _views_words(key) for c in verb.children)


def _nothing_said(anchor: "Anchor", vocab: Vocabulary) -> bool:
    """"Dominic Hannett says" with what he says lost to the parse, "Bhutto imposed" cut
    from "the state of emergency he imposed", "Conrad Murray speaking" under a photo: a
    verb of saying with no content, a relative clause whose object is the noun it hangs
    on, or a bare participle tells nothing by itself."""
    verb = anchor.title_root
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in verb.children) and \
            not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return True
    if verb.dep_ == "ROOT" and verb.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True  # "Dr Conrad Murray speaking on 18 August": a caption
    if any(c.dep_ in ("ccomp", "dobj", "xcomp", "prep", "dative") for c in verb.children):
        return False
    return verb.lemma_.lower() in vocab.reporting


def _light(anchor: "Anchor", vocab: Vocabulary) -> bool:
    """A light verb or a verb of state with nothing that names a happening, and no plan."""
    verb = anchor.verb
    if verb.lemma_.lower() not in vocab.light_verbs | vocab.states or anchor.status == "scheduled":
        return False
    return not any(c.lemma_.lower() in vocab.dated_nouns for c in verb.children if c.dep_ in OBJECT_DEPS)


def _doer_of(verb: "Token", anchor: "Anchor", agent: bool = True) -> "Token | None":
    """The phrase that did what ``verb`` says: its subject, the agent of a
    passive, the head a relative clause hangs on, or the subject of the clause it
    is a conjunct or complement of; the subject of a passive when no agent is
    named ("the doctor was remanded"), or, without ``agent``, always."""
    if anchor.extra_subject is not None and verb.i == anchor.verb.i:
        return anchor.extra_subject
    token = verb
    for _ in range(CLIMB):
        passive = None
        for child in token.children:
            if child.dep_ in DOER_DEPS:
                return child
            if child.dep_ == "agent" and agent:
                return next((p for p in child.children if p.dep_ == "pobj"), None)
            if child.dep_ == "nsubjpass":
                passive = child
        if passive is not None:
            return passive
        if token.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or token.head.i == token.i:
            return None
        token = token.head
    return None


@lru_cache(maxsize=None)
def _views_words(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in (load_data("newsworthy_views.yaml") or {}).get(key) or ())


def _a_quality(phrase: "Token | None") -> bool:
    """Whether ``phrase`` is headed by a common noun that names a quality or a standing of
    someone ("the credibility of the courts", "his fortunes", "the public's morale")."""
    return phrase is not None and phrase.pos_ == "NOUN" and phrase.lemma_.lower() in _views_words("standing")


def _season_turns(phrase: "Token | None", verb: "Token") -> bool:
    """"The planting season begins", "winter arrived early": a season that starts or ends."""
    return phrase is not None and phrase.pos_ == "NOUN" and phrase.lemma_.lower() in _views_words("seasons") and \
        verb.lemma_.lower() in _views_words("season_turns")


def _official(phrase: "Token | None", mentions: list[Mention], vocab: Vocabulary) -> bool:
    """Whether ``phrase`` names an official voice: a country, an organisation, a
    person named with an office anywhere in the article, or an institution."""
    if phrase is None:
        return False
    if phrase.lemma_.lower() in vocab.party_nouns:
        return True
    tokens = list(phrase.subtree)
    inside = mentions_in(mentions, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
    holders = {m.name for m in mentions if m.kind == "person" and m.role}
    return any(m.kind in OFFICIAL_KINDS or m.name in holders for m in inside)


def _indefinite(phrase: "Token") -> bool:
    return phrase.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in phrase.children)


def _identified(phrase: "Token | None", mentions: list[Mention], vocab: Vocabulary) -> bool:
    """Whether ``phrase`` identifies a party: a name that is not a place, an
    institution by its common noun, a definite description or a counted one."""
    if phrase is None or phrase.pos_ == "PRON":
        return False
    tokens = list(phrase.subtree)
    if _indefinite(phrase):
        # "another US reporter", "a Chinese official": a name that only qualifies the
        # noun identifies no one; "a spokeswoman for Dr Murray" does
        tokens = [t for t in tokens if t.i > phrase.i]
    inside = mentions_in(mentions, tokens[0].idx, tokens[-1].idx + len(tokens[-1])) if tokens else []
    if any(m.kind in vocab.party_kinds for m in inside):
        return True
    if phrase.lemma_.lower() in vocab.party_nouns or phrase.pos_ == "PROPN":
        return True
    return any(c.dep_ in ("poss", "nummod") or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in phrase.children)
