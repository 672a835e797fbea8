"""The main clause of a sentence as a candidate happening: followed from a verb
of saying down to what was said when that is a happening, or from a plan
("are expected to speak") to what is planned; and the tests a clause's content
must pass to report a happening (not negated, in a news tense, not a state)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.candidate import DEFINITE_DETERMINERS, Anchor
from timeline.extract.events.clauses import Mood, content_of, is_predicate, manner_of, mood_of, state_reached
from timeline.extract.events.vocabulary import Vocabulary

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

PRONOUNS = frozenset({"PRON"})
QUOTE_MARKS = frozenset("\"“”‘’«»„'")
# Subjects that tell a happening in the first person: outside a quotation given to a
# speaker, the narrator's own account (a reader's letter, a diary) is testimony, not news.
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
# Auxiliaries of what a speaker says will be done: an announcement, not a possibility.
REPORTED_FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})


def main_anchor(root: "Token", vocab: Vocabulary, descend: bool = True) -> Anchor | None:
    verb, speaker = root, None
    group = {root.i}
    # Follow verbs of saying down to what was said, when that is a happening; a denial
    # ("denied that its forces had shelled the town") reports the denial, never the shelling.
    while descend and verb.lemma_.lower() in vocab.reporting and verb.lemma_.lower() not in vocab.denials:
        content = content_of(verb)
        if content is None or content.dep_ != "ccomp" or not eventful(content, vocab) or \
                state_reached(content, vocab):
            break  # "stated on Monday that aid has contributed … since 1990": the saying is the news
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
    group |= sharing_time(verb, vocab)
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
    obligation reports a position held over weeks, not a happening of the day.
    "Dr Murray has pleaded not guilty", "has been charged with manslaughter": a step
    of a case in the present perfect says where the case stands (``case_statuses.yaml``)."""
    if mood.tense == "perfect" and case_status(verb):
        return True
    if verb.lemma_.lower() not in vocab.reporting or mood.tense != "perfect":
        return False
    content = content_of(verb)
    return content is not None and mood_of(content, vocab).hypothetical


@lru_cache(maxsize=1)
def _case_steps() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("case_statuses.yaml")
    return frozenset(data["active"]), frozenset(data["passive"])


def case_status(verb: "Token") -> bool:
    """Whether ``verb`` is a step of a case in the voice that says where the case stands:
    "pleaded" with its subject taking the step, "charged" with its subject undergoing it
    ("has charged the minister" is the prosecutor's act, news of its day)."""
    active, passive = _case_steps()
    lemma = verb.lemma_.lower()
    undergone = any(c.dep_ == "auxpass" for c in verb.children)
    return (lemma in active and not undergone) or (lemma in passive and undergone)


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


def sharing_time(verb: "Token", vocab: Vocabulary) -> set[int]:
    """Conjoined predicates happen at the time of their head unless marked as later or
    told as a state reached since ("ended last year and has ruled alone since")."""
    out = set()
    for child in verb.children:
        if child.dep_ == "conj" and is_predicate(child) and not state_reached(child, vocab):
            if not any(c.lower_ in vocab.sequence for c in child.children if c.dep_ == "advmod"):
                out.add(child.i)
    return out

