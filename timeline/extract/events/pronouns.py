"""A title is read alone, away from the sentence that said who "he" or "it" is: a
pronoun that opens it is replaced by what it stands for, but only when the text makes
that certain. Otherwise the pronoun stays, and a happening with no one named at all
is not an event (see ``unnamed``)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.clauses import clause_root
from timeline.extract.events.naming import takes_article
from timeline.records import ActorRef, Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Parse, Span, Token

PERSONAL = frozenset({"he", "she"})
POSSESSIVE = frozenset({"his", "her"})  # "His trial ended" -> Nawaz Sharif's trial ended
# "it" takes up a singular subject, "they" a plural one.
NEUTER = {"it": ("NN", "NNP"), "they": ("NNS", "NNPS")}
# Subjects that name no one: a title opening with one, left as it is, says nothing of who.
UNNAMED = PERSONAL | POSSESSIVE | frozenset(NEUTER) | frozenset(
    {"i", "we", "you", "this", "that", "these", "those", "there"})
# Dependencies under which a name is part of a side clause, a quotation or a possessive.
EMBEDDING = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "poss", "pcomp"})
# Openings that stand for someone the title does not name: never a title's first word.
PERSONAL_OPENINGS = PERSONAL | POSSESSIVE | frozenset({"they", "their", "its", "i", "we", "you", "my", "our"})
# A verb glued to a pronoun, written out: (before a past participle or other word, before an -ing form).
CLITICS = {"'s": ("has", "is"), "'re": ("are", "are"), "'ve": ("have", "have"), "'ll": ("will", "will"),
           "'d": ("had", "would"), "'m": ("am", "am")}
# Double quotation marks, which open and close what a speaker says.
QUOTATION_MARKS = ('"', "\u201c", "\u201d")
# Kinds of actor "its" may stand for.
BODIES = frozenset({"organisation", "country", "group"})
# What a clause says of whom: its subject, its objects, and what its subject is.
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent"})
# The longest subject, in tokens, that "it" or "they" is replaced with.
SUBJECT_TOKENS = 5


def name_pronoun(title: str, segment: "Span", mentions: list[Mention]) -> str:
    """"He later ordered…" -> Conrad Murray later ordered…, when the text makes it certain
    who "he" is (see ``antecedent``); "It struck south of the capital" -> The earthquake
    struck…, when the sentence before has a subject of the pronoun's number and it is a
    name or a definite noun phrase."""
    first, _, rest = title.partition(" ")
    pronoun_word, clitic = _clitic(first)
    if clitic:  # "He's now planning…" -> Wyclef Jean is now planning…
        rest = f"{CLITICS[clitic][any(w.endswith('ing') for w in rest.split()[:2])]} {rest}"
    pronoun_word = pronoun_word.lower()
    body = _body_owner(segment, mentions) if pronoun_word == "its" and rest else None
    if body is not None:  # "Its harvest is expected…" -> Freedonia's harvest…
        return f"{'The ' if takes_article(body.name) else ''}{body.name}'s {rest}"
    personal = pronoun_word in PERSONAL or pronoun_word in POSSESSIVE
    if not rest or segment.start == 0 or (not personal and pronoun_word not in NEUTER):
        return title
    pronoun = next((t for t in segment if t.lower_ == pronoun_word and t.pos_ == "PRON"), None)
    if pronoun is None:
        return title
    if personal:
        person = antecedent(pronoun, mentions)
        if person is None:
            return title
        owner = "'s" if pronoun_word in POSSESSIVE else ""
        return f"{person.name}{owner} {rest}"
    here = segment.doc.spacy[pronoun.i].sent
    if any(t.dep_ in ("nsubj", "nsubjpass") for t in segment.doc[here.start:pronoun.i]):
        return title  # "Six Flags said it planned…": a subject before it in its own sentence is nearer
    subject = _subject_before(segment.doc, segment.start)
    if subject is not None and pronoun_word == "it" and subject.lower_ == "it" and not _expletive(subject):
        # "The ANC went to court. Today it asked… It also demanded…": the name the first "it" took up
        subject = _subject_before(segment.doc, segment.doc.spacy[subject.i].sent.start)
        if subject is not None and not any(m.start <= subject.idx < m.end and m.kind in BODIES for m in mentions):
            return title
    if subject is None or subject.tag_ not in NEUTER[pronoun_word] or not _definite(subject) or _expletive(pronoun):
        return title
    if any(m.kind == "person" and m.start <= subject.idx < m.end for m in mentions):
        return title  # "it" is never a person
    words = list(subject.subtree)
    if len(words) > SUBJECT_TOKENS:
        return title
    named_as = next((m.name for m in mentions if m.start <= subject.idx < m.end and m.kind != "person"), None)
    written_the = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)  # "the ANC" as the text says
    the = (takes_article(named_as) or written_the) and not named_as.lower().startswith("the ") if named_as else False
    phrase = f"{'the ' if the else ''}{named_as}" if named_as else "".join(
        t.text_with_ws for t in words).strip()
    return f"{phrase[:1].upper()}{phrase[1:]} {rest}"


def _subject_before(doc: "Parse", start: int) -> "Token | None":
    """The subject of the main clause of the sentence before token ``start``, if any."""
    if start == 0:
        return None
    sentence = doc.spacy[start - 1].sent
    before = clause_root(doc[sentence.start:sentence.end])
    return next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None) if before else None


def _body_owner(segment: "Span", mentions: list[Mention]) -> Mention | None:
    """The body or country "its" stands for ("Freedonia's rainy season … and its harvest",
    "when the WHO raised the level, its director general…"): the one its sentence names before
    it, unless a singular noun no name was found for is the subject of the clause "its" is told
    in ("the government carries out its threat": the government's); with none named before it,
    the subject of the sentence before (``previous_body``)."""
    pronoun = next((t for t in segment if t.lower_ == "its" and t.pos_ == "PRON"), None)
    if pronoun is None:
        return None
    sentence = pronoun.doc.spacy[pronoun.i].sent
    bodies = {m.name: m for m in mentions if m.kind in BODIES and sentence.start_char <= m.start
              and m.end <= pronoun.idx}
    if not bodies:
        return previous_body(pronoun, mentions)
    verb = pronoun
    while verb.head.i != verb.i:
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or any(t.i == pronoun.i for t in subject.subtree):
            continue
        if subject.pos_ == "NOUN" and subject.tag_ == "NN" and not any(m.start <= subject.idx < m.end
                                                                        for m in mentions):
            return None
        break
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def previous_body(pronoun: "Token", mentions: list[Mention]) -> Mention | None:
    """The country or body "its" stands for when its own sentence names no one before it and it
    owns that sentence's subject ("Freedonia has held three elections since 1990. Its last
    parliament was dissolved…"): the name that is the subject of the sentence before, when no
    other body is that sentence's subject or object ("Norland signed a pact with Freedonia":
    still Norland's; "Norland's army attacked Freedonia": no one's for sure)."""
    doc = pronoun.doc
    here = doc.spacy[pronoun.i].sent
    if here.start == 0 or pronoun.dep_ != "poss" or pronoun.head.dep_ not in ("nsubj", "nsubjpass") or any(
            here.start_char <= m.start and m.end <= pronoun.idx for m in mentions):
        return None
    main = clause_root(doc[here.start:here.end])
    if main is None or main.i != pronoun.head.head.i:
        return None  # the subject of a side clause ("when its army…") may be anyone's
    previous = doc.spacy[here.start - 1].sent
    root = clause_root(doc[previous.start:previous.end])
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
    if root is None or subject is None or subject.tag_ in ("NNS", "NNPS", "PRP"):
        return None
    named = {m.name: m for m in mentions if m.kind in BODIES and m.start <= subject.idx < m.end}
    if len(named) != 1:
        return None
    body = next(iter(named.values()))
    arguments = [t for c in root.children if c.dep_ in ARGUMENTS for t in c.subtree]
    if any(m.kind in BODIES | {"person"} and m.name != body.name and any(m.start <= t.idx < m.end for t in arguments)
           for m in mentions):
        return None
    return body


def antecedent(pronoun: "Token", mentions: list[Mention]) -> Mention | None:
    """The person "he", "she", "his", "him" or "her" stands for, when the text makes it
    certain, else None:

    - one person, and only one, is named from the start of the sentence before up to
      the pronoun;
    - or, for a subject or a possessive, the sentence before is about a person (its main
      clause's subject, or the speaker of its quotation, names one) and the pronoun's
      own sentence names no other person before it: "Sharif has also given the PPP until
      today… He has warned…".

    A pronoun in what a speaker says ("Pastor said he would decide") stands for the
    speaker as a rule, but not surely: it is not read here."""
    doc = pronoun.doc
    here = doc.spacy[pronoun.i].sent
    if here.start == 0:
        return None
    previous = doc.spacy[here.start - 1].sent
    people = sorted((m for m in mentions if m.kind == "person" and previous.start_char <= m.start
                     and m.end <= pronoun.idx and not unquoted_for(pronoun, m)), key=lambda m: m.start)
    if len({m.name for m in people}) == 1:
        return people[0]
    if pronoun.dep_ not in ("nsubj", "nsubjpass", "poss") or any(m.start >= here.start_char for m in people):
        return None
    root = clause_root(doc[previous.start:previous.end])
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
    if root is None or subject is None:
        return None
    named = [m for m in people if m.start <= subject.idx < m.end]
    if len({m.name for m in named}) != 1:
        return None
    # another person in the main clause ("Murray met Joe Smith") could be the one meant too;
    # one inside a side clause, a quotation or a possessive ("the judges sacked by
    # Musharraf", "Jackson's death") is not what the next sentence goes on about
    rivals = [m for m in people if m.name != named[0].name and m.end <= here.start_char]
    return None if any(_in_main_clause(m, doc, root) for m in rivals) else named[0]


def unquoted_for(pronoun: "Token", mention: Mention) -> bool:
    """Whether ``mention`` is told inside a quotation that ``pronoun``, outside every
    quotation, is not: "…to put pressure on Mugabe," he said of the crisis. His comments…"
    are not Mugabe's; whom a quotation names is not what the text outside it goes on about."""
    text = pronoun.doc.spacy.text
    return _open_quotes(text, mention.start) and not _open_quotes(text, pronoun.idx)


def _open_quotes(text: str, at: int) -> bool:
    """Whether a quotation is open at character ``at``: an odd number of double quotation
    marks before it."""
    return sum(text.count(mark, 0, at) for mark in QUOTATION_MARKS) % 2 == 1


def _in_main_clause(mention: Mention, doc: "Parse", root: "Token") -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return True
    token = span.root
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in EMBEDDING:
            return False
        token = token.head
    return token.i == root.i


def _clitic(word: str) -> tuple[str, str]:
    """"He's" -> ("He", "'s"): a pronoun and the verb glued to it."""
    for mark in ("'", "’"):
        base, found, end = word.partition(mark)
        if found and f"'{end.lower()}" in CLITICS:
            return base, f"'{end.lower()}"
    return word, ""


def _expletive(pronoun: "Token") -> bool:
    """"It was revealed that…", "It is expected to…", "It emerged that…": an "it" that
    stands for the clause after its verb, not for anything named before; the subject of
    an active verb that does something ("it demanded that…", "it said that…") is not."""
    head = pronoun.head
    active = head.pos_ == "VERB" and head.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ in ("auxpass", "acomp", "attr") for c in head.children) and \
        head.lemma_.lower() not in _clause_verbs()
    return pronoun.dep_ == "expl" or (pronoun.lower_ == "it" and any(
        c.dep_ in ("ccomp", "csubj", "xcomp") and c.i > head.i for c in head.children) and not active)


@lru_cache(maxsize=1)
def _clause_verbs() -> frozenset[str]:
    return frozenset(str(w).lower() for w in (load_data("referents.yaml") or {}).get("clause_verbs") or [])


def _definite(subject: "Token") -> bool:
    """A name, a noun phrase with "the" or a possessive ("the earthquake", "Haiti's
    government"), or a bare plural ("rescue teams from France"); not "a man", "some
    officials", whom a title could not tell apart."""
    if subject.pos_ == "PROPN" or any(c.dep_ == "poss" for c in subject.children):
        return True
    determiners = [c.lower_ for c in subject.children if c.dep_ == "det"]
    return determiners == ["the"] or (not determiners and subject.tag_ == "NNS")


def unnamed(title: str, actors: tuple[ActorRef, ...], root: "Token") -> bool:
    """A title opening with a pronoun no one was found for tells of no one a reader of the
    title alone could name ("He said Iqbal Raad had received threats", "Its thugs smashed
    galleries"), whoever else it names; one opening with its own verb ("Began with…", "Will
    be", "Is to face questions") lost its subject altogether."""
    first = _clitic(title.split(" ", 1)[0])[0].lower()
    if first == root.lower_ or any(c.dep_ in ("aux", "auxpass", "advmod", "neg") and c.lower_ == first
                                   and c.i < root.i for c in root.children):
        return True
    return first in UNNAMED and (not actors or first in PERSONAL_OPENINGS)
