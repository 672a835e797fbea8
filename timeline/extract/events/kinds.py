"""The kind of a happening (``type``), read from its predicate and what the
predicate acts on, never from a keyword elsewhere in the sentence.

The scheme and its words are data (``event_types.yaml``); the order in which
the parts of a clause are asked is here, and the part that decided is kept as
``type_rule`` ("predicate:expel", "object:force") so a wrong type can be traced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.events.clauses import is_predicate, manner_of
from timeline.extract.events.vocabulary import Vocabulary

if TYPE_CHECKING:
    from timeline.extract.events.candidate import Anchor
    from timeline.extract.events.tokens import Token

# Dependencies whose head is what the predicate acts on, or what underwent it.
OBJECT_DEPS = frozenset({"dobj", "attr", "nsubjpass", "oprd"})
NOUNS = frozenset({"NOUN", "PROPN"})
# Named entities that can be a party to a meeting, a visit or an accord.
PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def classify(anchor: "Anchor", vocab: Vocabulary) -> None:
    """Set ``anchor.type`` and ``anchor.type_rule``."""
    asked = _candidates(anchor, vocab)
    # "called three witnesses", "agreed to pay": a verb of contact with no party a diplomat would
    # meet is asked last, once the rest of the clause has had its say
    contact = [(how, t) for how, t in asked if how in ("predicate", "xcomp", "conj")
               and t.lemma_.lower() in vocab.party_verbs and not _has_party(t, vocab)]
    for how, token in [c for c in asked if c not in contact] + contact:
        lemma = token.lemma_.lower()
        # "the ballot was postponed" is politics, "the poll showed a lead" what it showed
        acts = how == "subject" and any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in anchor.verb.children)
        # "before the polls", "after a court ruling": a noun of a phrase around the clause is
        # when or where it happened, not what
        noun_kind = None if acts or how == "place" else _noun_kind(token, vocab)
        if how in ("figure", "measure"):  # "lost $8 billion", "fell 5 percent": what the figure counts
            figures = vocab.measure_figure_types if how == "measure" else vocab.figure_types
            found = figures.get(token.ent_type_.lower())
        elif noun_kind:
            found = noun_kind  # "won 120 seats", "the data released": a common noun's own kind
        elif how == "object" and (lemma in vocab.verb_only or token.lower_ in vocab.verb_only):
            continue  # "no sign of de-escalation", "history as a state": the noun names no happening
        elif how == "phrasal":
            found = _phrasal_type(token, vocab)
        elif how == "domain":
            found = vocab.domains.get(lemma)
        elif how == "judgement":  # a judgement is typed as what verbs of saying are
            found = vocab.type_of("say")
        else:
            found = vocab.type_of(lemma) or vocab.type_of(token.lower_)
        if found:
            anchor.type, anchor.type_rule = found, f"{how}:{lemma}"
            return
    anchor.type, anchor.type_rule = "other", f"predicate:{anchor.verb.lemma_.lower()}"


def _candidates(anchor: "Anchor", vocab: Vocabulary) -> list[tuple[str, "Token"]]:
    """Parts of the clause in the order they are asked for a type."""
    verb = anchor.verb
    children = list(verb.children)
    xcomps = [("xcomp", c) for c in children if c.dep_ == "xcomp" and is_predicate(c)]
    objects = [("object", t) for c in children if c.dep_ in OBJECT_DEPS for t in _head_words(c, vocab.modifier_first)]
    objects += [("object", t) for h in _undergoer(verb) for t in _head_words(h, vocab.modifier_first)]
    if verb.lemma_.lower() in vocab.document_verbs:
        # "signed decrees recognising the regions": what a signed document does says its kind
        objects += [("content", a) for c in children if c.dep_ in OBJECT_DEPS
                    for a in (*c.children, *(v for v in children if v.dep_ == "advcl" and v.i > c.i))
                    if a.dep_ in ("acl", "advcl") and a.tag_ == "VBG" and a.i > c.i]
    out: list[tuple[str, "Token"]] = [("phrasal", verb)]  # "called for a ceasefire", "stepped down"
    manner = manner_of(verb)
    if manner is not None:
        out += _domains(manner, vocab)
        out.append(("manner", manner))  # "reinforced the tone by withdrawing staff"
    if verb.lemma_.lower() in vocab.judging_verbs and (
            {"dative", "dobj"} <= {c.dep_ for c in children} or any(
                c.dep_ == "oprd" or a.dep_ in ("acl", "amod") and a.tag_ in ("VBN", "JJ") and a.i > c.i
                for c in children if c.dep_ in ("dobj", "oprd") for a in (*c.children, c))):
        # "called the attack premeditated" (even parsed as a modifier), "branded China a manipulator"
        return out + [("judgement", verb)]
    if any(c.dep_ == "oprd" for c in children):
        # "declared the vote void": a verb with a predicative object passes judgement, unless
        # the judgement is a kind of its own ("was found guilty" is a verdict)
        return out + [("object", c) for c in children if c.dep_ == "oprd"] + [("judgement", verb)]
    if verb.lemma_.lower() in vocab.directives or verb.lemma_.lower() in vocab.announcing:
        # "ordered the armed forces to…", "urged citizens to leave", "announced new
        # sanctions": who was told, what to do or what was announced say the kind; the
        # verb of command or of announcing itself says little
        out += objects + xcomps
    out += _domains(verb, vocab)
    if verb.lemma_.lower() in vocab.aspect_verbs:
        # "the trial is expected to begin", "talks resumed", "resumed talks": what began says the kind
        subject = _subject_of(verb)
        out += [("subject", t) for t in _head_words(subject, vocab.modifier_first)] if subject is not None else []
        out += objects
    if verb.lemma_.lower() in vocab.impact_verbs:
        # "an earthquake struck", "an air strike hit a convoy": what struck says the kind
        out += [("subject", t) for c in children if c.dep_ == "nsubj" for t in _head_words(c, vocab.modifier_first)]
    if verb.lemma_.lower() in vocab.measure_verbs:
        # "shares fell 5 percent", "the death toll rose", "lost their seats": what moved, what
        # was lost or gained, then the figure it moved by say the kind, before the verb
        subject = _subject_of(verb)
        out += [("subject", t) for t in _head_words(subject, vocab.modifier_first)] if subject is not None else []
        out += objects + [("measure", f) for f in _figures(verb, measure=True)]
    out += [("predicate", verb), *xcomps, *objects, *(("figure", f) for f in _figures(verb, measure=False))]
    if not any(c.dep_ in ("dobj", "nsubjpass") for c in children):
        # "Russian shelling of Kharkiv continued": an intransitive verb is about its subject
        out += [("subject", t) for c in children if c.dep_ == "nsubj" for t in _head_words(c, vocab.modifier_first)]
    out += [("conj", c) for c in children if c.dep_ == "conj" and is_predicate(c)]
    if anchor.title_root.i != verb.i:
        out.append(("said", anchor.title_root))
    # last, where a verb of no kind goes: "goes on trial", "came to power", "will appear in court"
    out += [("place", p) for c in children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
            and p.pos_ in NOUNS and p.ent_type_ not in ("DATE", "TIME")]  # "in March" is no march
    return out


def _phrasal_type(verb: "Token", vocab: Vocabulary) -> str | None:
    """The kind a verb names with its particle or preposition ("call for", "step down")."""
    lemma = verb.lemma_.lower()
    return next((vocab.phrasal_types[f"{lemma} {c.lower_}"] for c in verb.children
                 if c.dep_ in ("prt", "prep", "advmod") and f"{lemma} {c.lower_}" in vocab.phrasal_types
                 and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)), None)  # "called on Monday"


def _has_party(verb: "Token", vocab: Vocabulary) -> bool:
    """Whether a verb of contact has a party a diplomat would meet: a named person,
    body, country or people, or a noun such as "counterpart", as what it acts on, in a
    phrase hung on it ("arrived in Beijing", "talks with Japan") or beside its subject
    ("Obama and Hu met"), or a country or a leader as its subject."""
    heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS or c.dep_ == "dative"]
    heads += [p for c in verb.children if c.dep_ in ("prep", "agent") for p in c.children if p.dep_ == "pobj"]
    heads += [j for c in verb.children if c.dep_ == "nsubj" for j in c.children if j.dep_ == "conj"]
    if any(c.dep_ == "nsubj" and (c.ent_type_ in ("GPE", "NORP") or c.lemma_.lower() in vocab.contact_parties)
           for c in verb.children):
        return True  # "China signed", "world leaders agreed": a country or a leader is a party of its own
    heads += [a for h in heads for a in h.children if a.dep_ == "appos"]  # "his doctor, Conrad Murray"
    return any(h.ent_type_ in PARTY_ENTITIES or h.lemma_.lower() in vocab.contact_parties for h in heads)


def _subject_of(verb: "Token") -> "Token | None":
    """The subject of ``verb``, or of the verb it completes ("is expected to begin",
    "was due to start")."""
    token = verb
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or token.dep_ not in ("xcomp", "acomp") or token.head.i == token.i:
            return subject
        token = token.head
    return None


def _domains(verb: "Token", vocab: Vocabulary) -> list[tuple[str, "Token"]]:
    """Adjectives naming the domain of what ``verb`` acts on, when that thing has no
    kind of its own: "withdrew its diplomatic staff" is diplomacy, while "imposed
    economic sanctions" stays a sanction, asked of the noun."""
    if vocab.type_of(verb.lemma_.lower()) in vocab.talk_types:
        return []  # talking about a military build-up is still talking
    heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    # "some of its diplomatic staff": a quantifier's "of" names the thing
    heads = [h if h.pos_ in NOUNS else next((p for prep in h.children if prep.dep_ == "prep" and prep.lower_ == "of"
                                             for p in prep.children if p.dep_ == "pobj"), h) for h in heads]
    return [("domain", m) for t in heads
            if t.pos_ in NOUNS and not vocab.type_of(t.lemma_.lower()) and not _noun_kind(t, vocab)
            for m in t.children if m.dep_ == "amod"]


def _head_words(head: "Token", modifier_first: frozenset[str]) -> list["Token"]:
    """The head noun of a phrase, its compounds ("telephone call", "deterrence
    forces"), then what an "of" after it names ("a round of talks")."""
    if head.pos_ not in NOUNS:
        return []
    words = [c for c in head.children if c.dep_ == "compound" and c.pos_ in NOUNS]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            # "the number of cases of swine flu": what the cases are of, before the cases
            words += [w for p in prep.children if p.dep_ == "pobj" and p.pos_ in NOUNS
                      for w in (_head_words(p, modifier_first) if p.lemma_.lower() in modifier_first else [p])]
    # "new flu cases", "cases of swine flu": what a case is of says its kind
    return words + [head] if head.lemma_.lower() in modifier_first else [head] + words


def _noun_kind(token: "Token", vocab: Vocabulary) -> str | None:
    """The kind a common noun names of its own ("seats", "a survey"), never read off a verb,
    a name spelled alike ("billed", "Bill Clinton") or a noun that only modifies another
    ("its video surveillance system" is no video)."""
    if token.pos_ != "NOUN" or token.dep_ == "compound":
        return None
    return vocab.noun_types.get(token.lemma_.lower()) or vocab.noun_types.get(token.lower_)  # "data", not "datum"


def _undergoer(verb: "Token") -> list["Token"]:
    """The noun a participle or a relative clause tells what happened to: "elections
    scheduled for January", "the budget, which was released on Monday"."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in NOUNS:
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [head]
    relative = [c for c in verb.children if c.tag_ in ("WDT", "WP") and c.dep_ in ("nsubjpass", "dobj")]
    return [head] if verb.dep_ == "relcl" and relative else []


def _figures(verb: "Token", measure: bool = True) -> list["Token"]:
    """Named figures of what ``verb`` acts on ("lost $8 billion", "posted a $50 million loss")
    and, after a verb of measure, of how far it moved ("fell 5 percent", "rose by 2 percent",
    "closed at $67"); "released on $300 bail" tells the bail, not what was released."""
    near = [t for c in verb.children if c.dep_ in OBJECT_DEPS for t in c.subtree]  # "a $50m loss"
    if measure:
        near += [c for c in verb.children if c.dep_ in ("npadvmod", "advmod")]
        near += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return [t for t in near if t.ent_type_]
