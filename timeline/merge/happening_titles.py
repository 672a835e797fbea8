"""Whether a title tells a happening of its own day: what an event needs to hold a key place.

A key event is read alone, as a desk's line: its title must tell something that happened,
and that something must be the day's news. ``tells_happening`` says whether a title tells a
happening at all: not a state or a stance ("X is facing one of the biggest tests of his
presidency", "X had hoped to raise £500", unless a named speaker says it), not an ongoing
state told in the past progressive ("piracy was costing the country jobs"), not how one thing
stands to another or what it was called ("the objections followed a report", "the meeting was
dubbed the G2", "the tower was billed a city within a city"), not a view told in the present
("X argues that the stimulus worked"), not
what has gone on for long ("X has long called on Iran to ..."), not a verb cut from what it
needs ("A court has heard", "X told the White House"), not a verb left in a clause that hangs
from nothing ("The party after X was charged with fraud"), not a verb without a tense ("A
senior position to balance ..."), not a figure of speech ("X rose to the occasion"); not a
title that stops before what its words need (``stops_short``): a verb of a state and at most
a time ("X said it would stay for now"), a count of people without what befell them ("X
confirmed on Friday 40 people"), the party a verb presses without the deed ("X called for the
savings banks"), a participle or verb of naming without its "as" ("The former mayor known to his
voters has won", "X would refer to the new strain"), a likeness without its second term ("a
survey shows they are as poor"); not what a condition has done, told in the present perfect
("The slump has driven thousands to the cities"); not a plan told in the past or present ("the
initiative was to be announced", "X is due to sign"); not a held view told in the perfect ("X
has argued against cutting aid", "X has supported Y's push"), nor what has gone on told as a
series in the perfect ("the government has crammed a series of trials"); not what commentators
make of things ("Traders were left to absorb the bleakest forecasts"); not a title that
points back to what it does not tell ("cutting such aid", "struck a similar deal", "News sent
stocks soaring", "The move angered the unions"); not a roll of names for a subject ("A, B, C, D, E
and F ran the banks").
``told_again`` says whether a title names its happening by an earlier time ("the January
earthquake destroyed orphanages", "the 2008 election was rigged", "in March"): a
retelling, told on a later day, of what happened then. The words are
``data/key_titles.yaml``'s, with the verbs of being and having and the subordinating
conjunctions of ``data/event_vocabulary.yaml`` and the verbs a headline cannot end on of
``data/title_words.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from timeline.data import load_data
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.vocabulary import load_vocabulary
from timeline.extract.temporal.lexicon import MONTHS
from timeline.extract.temporal.values import bounds

_WORD = re.compile(r"[\w’'-]+")
_PARTING = re.compile(r",(?!\d)")  # a comma between parties, not inside a figure ("1,000")
PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})  # "was passed": the verb needs nothing more
AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would"})
PERFECT = frozenset({"has", "have", "had"})  # "has long called": a perfect of what went on
PROGRESSIVE_PAST = frozenset({"was", "were"})  # "was costing": what went on then, not what happened
MESSAGE_WORDS = 3  # a verb of telling followed by this many words at most, none opening a message, told nothing
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                         "both", "all", "some", "many", "several", "most", "few", "two", "three", "no"})
TRIAL_WORDS = 4  # "one of the" and a noun of a trial this many words after it at most ("most immense challenges")


class KeyTitles:
    """The words of ``data/key_titles.yaml``, with what it adds to from the other vocabularies."""

    def __init__(self) -> None:
        data = load_data("key_titles.yaml") or {}

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key) or ())

        def phrases(key: str) -> tuple[tuple[str, ...], ...]:
            return tuple(tuple(str(f).lower().split()) for f in data.get(key) or ())

        vocabulary = load_vocabulary()
        self.idle = words("stance_verbs") | words("relation_verbs") | words("feeling_verbs") | vocabulary.states
        self.needs = words("needs_object") | load_title_words().needs_complement
        self.message = words("needs_message")
        self.openings = words("message_openings")
        self.occasions = words("occasion_prepositions")
        self.prepositions = words("prepositional_conjunctions")
        self.month_markers = words("month_markers")
        self.earlier = phrases("earlier_attributes")
        senses = data.get("acting_senses") or {}
        self.acting = {str(k).lower(): frozenset(str(w).lower() for w in v or ()) for k, v in senses.items()}
        self.views = words("view_verbs")
        self.lasting = words("lasting_adverbs")
        self.figures = phrases("figures_of_speech") + phrases("no_news")
        self.saying = words("saying_words")
        self.trials = words("trial_nouns")
        irregular = data.get("irregular_forms") or {}
        self.irregular = {str(k).lower(): frozenset(str(f).lower() for f in v or ()) for k, v in irregular.items()}
        # "as" and "once" open a clause less often than they say "in the role of" or "formerly"
        self.subordinators = vocabulary.subordinators - {"as", "once"}
        self.naming = words("naming_participles")
        self.naming_verbs = words("naming_verbs")
        self.states = words("needs_state")
        self.time_tails = frozenset(" ".join(f) for f in phrases("time_tails"))
        self.fates = words("needs_fate")
        self.people = words("people_nouns")
        self.deeds = words("needs_deed")
        self.particles = words("call_particles")
        self.parties = words("party_nouns")
        self.party_endings = tuple(sorted(words("party_endings")))
        self.conditions = words("condition_nouns")
        self.degrees = frozenset(f for verb in words("degree_verbs") for f in _regular(verb))
        self.constraints = words("constraint_participles")
        self.spending = words("spending_verbs")
        self.plan_words = words("plan_words")
        self.held = words("held_views")
        self.series = phrases("series_phrases")
        self.commentators = words("commentator_nouns")
        self.pointing = words("pointing_words")
        self.compared = words("comparison_tails")
        self.bare = words("pointing_subjects")
        self.determiners = words("subject_determiners")
        self.roll = int(data.get("roll_parties") or 0)


@lru_cache(maxsize=1)
def key_titles() -> KeyTitles:
    return KeyTitles()


def _regular(verb: str) -> frozenset[str]:
    """The regular forms of a verb, with the y turned ("testified") and the last consonant doubled
    ("crammed") where the spelling may do so."""
    stem = verb[:-1] if verb.endswith("e") else verb
    found = {verb, verb + "s", verb + "es", stem + "ed", stem + "ing"}
    vowels = "aeiou"
    if len(verb) > 2 and verb.endswith("y") and verb[-2] not in vowels:
        found |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if len(verb) > 2 and verb[-1] not in vowels + "wxy" and verb[-2] in vowels and verb[-3] not in vowels:
        found |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return frozenset(found)


@lru_cache(maxsize=1 << 12)
def forms(verb: str) -> frozenset[str]:
    """The forms of a verb: "hope", "hopes", "hoped", "hoping"; "tell", "tells", "told", "telling"."""
    return _regular(verb) | key_titles().irregular.get(verb, frozenset())


def _words(title: str) -> list[str]:
    return [w.lower().strip("’'") for w in _WORD.findall(title)]


def tells_happening(title: str, predicate: str, names: Iterable[str] = ()) -> bool:
    """Whether ``title``, governed by ``predicate`` (a lemma), tells something that happened:
    see the module's docstring. ``names`` are the actors', a speaker among them."""
    vocabulary = key_titles()
    words = _words(title)
    if not words or _figure(words, vocabulary.figures) or _trial(words, vocabulary.trials):
        return False
    if any(w[:-1] in vocabulary.views for w in words if w.endswith("s")):
        return False  # "X argues that ...": a view, told in the present
    verb = predicate.lower()
    verb_forms = forms(verb) | forms(verb + "e")
    at = [i for i, w in enumerate(words) if w in verb_forms]
    if stops_short(title, words, verb, at, names) or _condition(words, vocabulary.conditions):
        return False
    if _degree(words) or _constrained(words) or (not any(names) and _class_subject(title)):
        return False
    if (at and _planned(words, at[0], vocabulary.plan_words)) or _held(words, at, verb, vocabulary):
        return False  # "the initiative was to be announced", "X has argued against cutting aid"
    if _pointing(words, vocabulary.pointing, vocabulary.compared) or _commented(words, at, vocabulary.commentators):
        return False  # "cutting such aid": which aid?; "Economists were forced to digest ..."
    if _bare_subject(words, at, vocabulary) or _roll(title, at, vocabulary.roll):
        return False  # "News sent stocks soaring": what news?; "A, B, C, D, E and F ran the banks"
    if at and all(i > 1 and words[i - 1] in vocabulary.lasting and words[i - 2] in PERFECT for i in at):
        return False  # "X has long called on Iran to ...": what has gone on, not what happened that day
    # a lemma that lost its e ("hoped" read as "hop") is still the verb it is a form of
    idle = (verb in vocabulary.idle or (verb + "e") in vocabulary.idle) and not _acted(words, at, verb)
    said = _said(title, names, vocabulary.saying)
    if idle and not said:
        return False
    before = words[-2] if len(words) > 1 else ""
    ends_on_verb = words[-1] in verb_forms or (len(words) > 2 and before in ("has", "have", "had"))
    if ends_on_verb and verb in vocabulary.needs and before not in PASSIVE:
        return False  # "The opening lines read", "A court has heard"; not "The bill was passed"
    if at and verb in vocabulary.message and _no_message(words, at[0]):
        return False  # "X told the White House": told what?
    if not said and at and all(_ongoing(words, i) for i in at):
        return False  # "Software piracy was costing the country jobs"
    if at and all(_hangs(words, i, vocabulary.subordinators) for i in at):
        return False  # "The party after X was charged with fraud": no clause of its own
    return not at or any(_finite(words, i) for i in at)


def stops_short(title: str, words: list[str], verb: str, at: list[int], names: Iterable[str] = ()) -> bool:
    """Whether the title stops before what its words need (see the module's docstring); ``at``
    holds where the forms of ``verb``, its governing verb, stand among ``words``."""
    vocabulary = key_titles()
    kept = _state_forms()
    if any(w in kept and (i + 1 == len(words) or " ".join(words[i + 1:]) in vocabulary.time_tails)
           for i, w in enumerate(words)):
        return True  # "said it would remain for now": where, at what?
    if verb in vocabulary.fates and len(words) > 2 and words[-1] in vocabulary.people and _count(words[-2]):
        return True  # "confirmed 40 people": infected? dead?
    if verb in vocabulary.deeds and at and _no_deed(title, words, at[0], verb, names):
        return True
    for i, w in enumerate(words[1:], 1):
        if w in vocabulary.naming and words[i - 1] not in AUXILIARIES and not words[i - 1].endswith("ly") and \
                "as" not in words[i + 1:]:
            return True  # "known to his voters has won": known as what?
    for i, w in enumerate(words[:-1]):
        if words[i + 1] == "to" and any(w in forms(v) for v in vocabulary.naming_verbs) and \
                (not i or words[i - 1] not in PASSIVE) and "as" not in words[i + 2:]:
            return True  # "would refer to the new strain": as what?
    return len(words) > 2 and words[-2] == "as" and words[-3] in PASSIVE  # "they are as diverse": as what?


@lru_cache(maxsize=1)
def _state_forms() -> frozenset[str]:
    return frozenset(f for state in key_titles().states for f in forms(state))


def _count(word: str) -> bool:
    return word.isdigit() or word in ("dozens", "hundreds", "thousands", "scores", "millions")


def _no_deed(title: str, words: list[str], at: int, verb: str, names: Iterable[str]) -> bool:
    """Whether the verb of pressing at ``at`` stops on the party it presses, with no deed after
    it: no "to" or "into", no other preposition, and a party last (``party_nouns``, a plural noun of
    people, an actor's name); after "called on", whoever it is."""
    vocabulary = key_titles()
    if at and words[at - 1] in PASSIVE:
        return False
    rest = words[at + 1:]
    pressing = verb != "call"  # "call on the provinces": whoever is called on, to do what?
    if verb == "call":
        if not rest or rest[0] not in vocabulary.particles:
            return False
        pressing, rest = rest[0] == "for", rest[1:]
    if not rest:
        return True
    if any(w in ("to", "into", "of", "against", "in", "at", "with", "over", "from", "by", "for", "on") for w in rest):
        return False
    if not pressing:
        return True
    last = rest[-1]
    return last in vocabulary.parties or last.endswith(vocabulary.party_endings) or \
        any(n and title.rstrip(" .").endswith(n) for n in names)


def _planned(words: list[str], at: int, plan_words: frozenset[str]) -> bool:
    """Whether the verb at ``at`` is what a form of "be" and "to" say is planned: "was to be
    announced", "are to meet", "is due to sign", "was expected to resign"."""
    for j in range(at - 1):
        if words[j] not in PASSIVE or words[j] in ("be", "been", "being"):
            continue
        k = j + 2 if words[j + 1] in plan_words else j + 1
        if k < at and words[k] == "to":
            return True
    return False


def _held(words: list[str], at: list[int], verb: str, vocabulary: KeyTitles) -> bool:
    """Whether the verb is a view held, told in the perfect ("has argued against", "have
    supported Y's push"), or the perfect tells a series of happenings ("has crammed a series of
    trials"): what has gone on, not a day's news."""
    if any(i and words[i - 1] in PERFECT for i in at) and (verb in vocabulary.held or verb + "e" in vocabulary.held):
        return True
    perfect = next((i for i, w in enumerate(words) if w in PERFECT), None)
    if perfect is None:
        return False
    rest = words[perfect + 1:]
    return any(tuple(rest[i:i + len(f)]) == f for f in vocabulary.series for i in range(len(rest)))


def _pointing(words: list[str], pointing: frozenset[str], compared: frozenset[str]) -> bool:
    """Whether a word points back to what the title does not tell: "such aid", "a similar deal";
    not "such as", "similar to", which say what they compare with."""
    return any(w in pointing and (i + 1 == len(words) or words[i + 1] not in compared)
               for i, w in enumerate(words))


def _bare_subject(words: list[str], at: list[int], vocabulary: KeyTitles) -> bool:
    """Whether the subject is a noun of tidings or of a step taken (``pointing_subjects``) with at
    most a determiner before it and the verb, or its auxiliaries, straight after: "News unleashed
    a surge", "The move was criticised"; not "News of the merger unleashed a surge", "The decision
    to cut rates was criticised", which say what it was."""
    if not at:
        return False
    i = 1 if words[0] in vocabulary.determiners else 0
    if i >= at[0] or words[i] not in vocabulary.bare:
        return False
    j = i + 1
    while j < at[0] and words[j] in AUXILIARIES:
        j += 1
    return j == at[0]


def _roll(title: str, at: list[int], parties: int) -> bool:
    """Whether the subject, what comes before the governing verb, lists at least ``parties``
    parties, parted by commas and a last "and": a roll of names, not someone's deed."""
    if not at or parties <= 0 or title.count(",") + 2 < parties:
        return False
    verb = next((m for i, m in enumerate(_WORD.finditer(title)) if i == at[0]), None)
    subject = title[:verb.start()] if verb else ""
    return len(_PARTING.findall(subject)) + bool(re.search(r"\band\b|&", subject)) + 1 >= parties


def _commented(words: list[str], at: list[int], commentators: frozenset[str]) -> bool:
    """Whether the subject, the word before the verb and its auxiliaries, is a noun of people who
    comment on what happens ("Economists were forced to digest", "analysts said"): what they make
    of it, not what happened."""
    if not at:
        return False
    i = at[0]
    while i > 0 and words[i - 1] in AUXILIARIES:
        i -= 1
    return i > 0 and words[i - 1] in commentators


def _condition(words: list[str], conditions: frozenset[str]) -> bool:
    """Whether a noun of a condition is the subject of a present perfect, not a passive ("the
    collapse has flooded", not "the unrest has been quelled")."""
    return any(w in PERFECT and i and words[i - 1] in conditions and i + 1 < len(words) and words[i + 1] != "been"
               for i, w in enumerate(words))


def _degree(words: list[str]) -> bool:
    """Whether a noun of a condition is followed by a verb of degree ("problems deepened")."""
    vocabulary = key_titles()
    return any(w in vocabulary.conditions and words[i + 1] in vocabulary.degrees for i, w in enumerate(words[:-1]))


def _constrained(words: list[str]) -> bool:
    """Whether the title tells, in the present perfect, the pressure a party is under ("has been
    forced to"), or what it has spent its time or means doing ("has spent billions defending")."""
    vocabulary = key_titles()
    if any(w in PERFECT and words[i + 1] in vocabulary.spending and _gerund(words[i + 2:])
           for i, w in enumerate(words[:-1])):
        return True  # "has spent billions propping up the krone": what has gone on
    return any(words[i:i + 2] in (["has", "been"], ["have", "been"]) and words[i + 2] in vocabulary.constraints and
               words[i + 3] == "to" for i in range(len(words) - 3))


def _gerund(rest: list[str]) -> bool:
    """Whether a gerund follows what was spent, before any "to", "on" or "for": "billions
    propping up the krone", not "$2.1 billion to prop up its ailing industry"."""
    for w in rest:
        if w in ("to", "on", "for"):
            return False
        if w.endswith("ing"):
            return True
    return False


def _class_subject(title: str) -> bool:
    """Whether the title's subject is a list of bare classes of people: no determiner, number,
    possessive or name, its words up to the first verb of being or having set apart by a comma,
    the last a plural noun of people ("Crooked mortgage brokers, greedy investment bankers and
    gullible investors have"): a generalisation, not the deed of someone."""
    subject = title.split(" ", 1)[0].lower()
    raw = _WORD.findall(title)
    vocabulary = key_titles()
    end = next((i for i, w in enumerate(raw) if w.lower() in AUXILIARIES), None)
    if not end or subject in DETERMINERS or any(w[:1].isdigit() or w.endswith(("'s", "’s")) for w in raw[:end]):
        return False
    if any(w[:1].isupper() for w in raw[1:end]) or "," not in title.split(raw[end], 1)[0]:
        return False  # a name, a nationality ("Mexican officials"), or one class alone ("Ambassadors were")
    head = raw[end - 1].lower()
    return head in vocabulary.people or head in vocabulary.parties or head.endswith(vocabulary.party_endings)


def _acted(words: list[str], at: list[int], verb: str) -> bool:
    """Whether a verb of a state is used in its sense of a happening, the word after it one that
    ``acting_senses`` lists ("appeared in court", "followed up the talks")."""
    after = key_titles().acting.get(verb, frozenset())
    return any(i + 1 < len(words) and words[i + 1] in after for i in at)


def _ongoing(words: list[str], i: int) -> bool:
    """Whether the verb at ``i`` is in the past progressive with no occasion after it: "was
    costing the country jobs", not "was testifying at the trial" (what the day's news was)."""
    if not (words[i].endswith("ing") and i and words[i - 1] in PROGRESSIVE_PAST):
        return False
    return not any(w in key_titles().occasions for w in words[i + 1:])


def _figure(words: list[str], figures: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the words hold one of the ``figures``, looked up by the word each opens with."""
    by_first = _by_first(figures)
    return any(tuple(words[i:i + len(f)]) == f for i, w in enumerate(words) for f in by_first.get(w, ()))


@lru_cache(maxsize=4)
def _by_first(figures: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for figure in figures:
        if figure:
            found.setdefault(figure[0], []).append(figure)
    return found


def _trial(words: list[str], trials: frozenset[str]) -> bool:
    """Whether "one of the" is followed, within ``TRIAL_WORDS`` words, by a noun of a trial."""
    for i in range(len(words) - 2):
        if words[i:i + 3] == ["one", "of", "the"] and any(w in trials for w in words[i + 3:i + 3 + TRIAL_WORDS]):
            return True
    return False


def _no_message(words: list[str], at: int) -> bool:
    """Whether what follows the verb of telling at ``at`` is only who was told (not in the passive:
    "X was told" needs no one after it)."""
    if at and words[at - 1] in PASSIVE:
        return False
    rest = words[at + 1:]
    return len(rest) <= MESSAGE_WORDS and not any(w in key_titles().openings for w in rest)


def _hangs(words: list[str], i: int, subordinators: frozenset[str]) -> bool:
    """Whether the verb at ``i`` is in a clause a subordinating conjunction opens past the
    title's first word, with no verb before it: "The party after X was charged". A conjunction
    followed straight by a verb is an adverb ("never seen before has killed"); one that is also a
    preposition ("since the end of apartheid culminates") opens a clause only when the verb is in
    the past or after an auxiliary."""
    verb_like = words[i].endswith("ed") or words[i - 1] in AUXILIARIES or not words[i].endswith("s")
    for k in range(1, i):
        if words[k] not in subordinators or words[k + 1] in AUXILIARIES or k + 1 == i:
            continue
        if words[k] not in key_titles().prepositions or verb_like:
            return True
    return False


def _finite(words: list[str], i: int) -> bool:
    """Whether the form of the verb at ``i`` has a tense: not "to balance", not "a poetry reading"."""
    before = words[i - 1] if i else ""
    if before == "to":
        return False
    return not words[i].endswith("ing") or before in AUXILIARIES


def _said(title: str, names: Iterable[str], saying: frozenset[str]) -> bool:
    """Whether ``title`` opens on a named speaker and a word of saying ("Jacob Zuma said ...")."""
    for name in names:
        if name and title.startswith(name):
            rest = [w.lower() for w in _WORD.findall(title[len(name):])[:2]]
            if rest and (rest[0] in saying or (rest[0] in ("has", "have") and rest[1:] and rest[1] in saying)):
                return True
    return False


def told_again(title: str, date: str) -> bool:
    """Whether ``title``, of an event dated ``date``, names its happening by an earlier time:
    a month or year used to name it ("the January earthquake", "January's quake", "the 2008
    election", "last month's vote"), or a month or year before the event's after "in" or
    "since" ("destroyed in March")."""
    span = bounds(date)
    if span is None:
        return False
    start = span[0]
    raw = _WORD.findall(title)
    words = [w.lower().replace("’", "'") for w in raw]
    for i, (word, after) in enumerate(zip(words, words[1:] + [""])):
        if (word, after) in key_titles().earlier:
            return True
        before = words[i - 1] if i else ""
        named = _names_noun(raw, i + 1)
        month = _month(raw[i], before)
        if month is not None:
            if word.endswith(("'s", "’s")) or (named and before == "the"):
                return True  # "January's quake", "the January earthquake"
            if before in ("in", "since") and month != start.month:
                return True
        if word.isdigit() and len(word) == 4 and 1000 < int(word) < start.year:
            if (named and before == "the") or before in ("in", "since"):
                return True  # "the 2008 election", "in 2006"
    return False


def _names_noun(raw: list[str], i: int) -> bool:
    """Whether a lower-case noun follows at ``i``, after a day of the month if any ("12 earthquake")."""
    if i < len(raw) and raw[i].isdigit() and len(raw[i]) <= 2:
        i += 1
    return i < len(raw) and raw[i][:1].islower() and raw[i].lower() not in ("and", "to", "of", "in", "on", "at")


def _month(word: str, before: str) -> int | None:
    """The month ``word`` names, capitalised as a month is; a month that is also a word, or a
    short form, only after a word that introduces a time ("in May")."""
    if not word[:1].isupper():
        return None
    key = word.lower().removesuffix("'s").removesuffix("’s")
    number = MONTHS.get(key)
    if number is None:
        return None
    if (key == "may" or len(key) <= 4) and before not in key_titles().month_markers:
        return None
    return number
