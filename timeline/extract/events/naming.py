"""How a title writes its actors: a name under its canonical form, the role
words before it left out, the article a name built on a common noun takes, and
a subject naming a person by office replaced by that person."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.vocabulary import load_vocabulary
from timeline.records import Mention

# Kinds of actor whose name, set beside a description, is what the title writes for it.
NAMED_KINDS = frozenset({"person", "organisation"})
# What a tie to a name no actor was found for is filed under: never written, it only makes two.
UNKNOWN = "\u0000"

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Parse, Span, Token


def role_words(mention_tokens: set[int], tokens: "list[Token]", kind: str) -> set[int]:
    """Titles and descriptions glued in front of a person's name ("Russian President")."""
    if kind != "person":
        return set()
    dropped: set[int] = set()
    for token in tokens:
        if token.i not in mention_tokens:
            continue
        for child in token.children:
            if child.i not in mention_tokens and child.i < token.i and \
                    child.dep_ in ("compound", "amod", "poss", "det"):
                dropped.update(t.i for t in child.subtree)
    return dropped


def named_beside(appos: "Token", by_token: dict[int, Mention]) -> bool:
    """Whether ``appos`` is the name of the description it is set beside: "Zimbabwe's
    opposition leader, Morgan Tsvangirai", "the party's treasurer, Ann Dube", "the
    company, Lowther Insurance". The title writes the name for the whole phrase."""
    head = appos.head
    if appos.dep_ != "appos" or appos.i < head.i or head.pos_ != "NOUN" or head.i in by_token:
        return False
    mention = by_token.get(appos.i)
    opening = appos.left_edge.i
    listed = head.tag_ == "NN" and appos.i + 1 < len(appos.doc) and appos.doc[appos.i + 1].lower_ in ("and", "or")
    return mention is not None and mention.kind in NAMED_KINDS and opening > 0 and \
        appos.doc[opening - 1].text == "," and not listed  # "the archbishop, Ivo Marek and Anna Lind": a list


def description_words(root: "Token", by_token: dict[int, Mention], dropped: set[int]) -> set[int]:
    """The words of each description in the clause that a kept name beside it stands for
    (``named_beside``): "Zimbabwe's opposition leader, Morgan Tsvangirai, accused…" is
    written Morgan Tsvangirai accused…; the words stay in the clause, unwritten."""
    out: set[int] = set()
    for appos in root.subtree:
        if appos.i not in dropped and named_beside(appos, by_token):
            out |= {t.i for t in appos.head.subtree if t.i < appos.left_edge.i}
    return out


def names_it(mention: Mention, doc: "Parse", kept: set[int], roles: set[int]) -> bool:
    """Whether a title writes ``mention`` under its canonical name: only for the
    whole span, and only when the span is itself a name ("Washington", "Russian
    President Vladimir Putin"), never a description ("the Russian armed forces",
    "the Russian central bank"), nor a nationality adjective ("a US submarine"),
    nor for a registry name that needs brackets to tell it apart."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or "(" in mention.name or any(t.i not in kept for t in span):
        return False
    inside = range(span.start, span.end)
    root = span.root
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in inside and c.i not in roles
           for t in span for c in t.children) or (
            root.dep_ == "compound" and root.head.pos_ == "PROPN" and root.head.i not in inside):
        return False  # only part of a longer name ("States" of "United States"): the words stay as written
    if root.pos_ == "ADJ" and root.dep_ == "amod":
        return False  # "North Korean ships" keep the article's word
    if len(span) == 1 and (span[0].pos_ == "ADJ" or (span[0].dep_ in ("compound", "amod") and not _in_mention(
            span[0].head, mention))):
        return False  # "the Russian military", "a US submarine" keep the article's word
    particles = load_vocabulary().name_particles
    words = [t for t in span if t.lower_ not in particles and t.lower_ != "the" and t.is_alpha]
    return bool(words) and all(t.text[:1].isupper() for t in words)


def span_start(mention: Mention, doc: "Parse", fallback: int) -> int:
    """The first token of a mention."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.start if span is not None else fallback


def _in_mention(token: "Token", mention: Mention) -> bool:
    return mention.start <= token.idx < mention.end


def addressed_as(honorific: str) -> tuple[str, ...]:
    """The nouns an honorific before a name calls its holder by: "Dr Conrad Hale" is "the
    doctor" and "the physician" of the article (``referents.yaml``); none for another word."""
    return _honorific_nouns().get(honorific.lower().rstrip("."), ())


@lru_cache(maxsize=1)
def _honorific_nouns() -> dict[str, tuple[str, ...]]:
    data = (load_data("referents.yaml") or {}).get("honorific_nouns") or {}
    return {str(k).lower().rstrip("."): tuple(str(n).lower() for n in v or []) for k, v in data.items()}


@lru_cache(maxsize=1)
def person_heads() -> frozenset[str]:
    """Nouns that stand for one person ("the singer", "the president", "the aide"), not the
    last word of an office told with "of" ("Secretary of Defense" makes no "the defense")."""
    titles = (load_data("roles.yaml") or {}).get("titles") or []
    offices = {str(t).split()[-1].lower() for t in titles if str(t).strip() and " of " not in f" {str(t).lower()} "}
    data = load_data("title_words.yaml") or {}
    listed = [*(data.get("person_nouns") or []), *(data.get("role_nouns") or [])]
    return frozenset(str(w).lower() for w in listed) | offices


def sole_tie(lemma: str, ties: set[str], mentions: list[Mention], before: int) -> str | None:
    """The one actor an article ties a noun to (``description_ties``), else None. A name
    told in full and by its last words ("Morgan Tsvangirai", "Tsvangirai") is one actor,
    written in full; a noun of one person ("the actor", "the physician") tied to one named
    person is that person, though the article also writes whose it is ("Jackson's personal
    physician", "the Hollywood actor"): such a phrase describes, it names no rival. A name
    the article first gives after the description (at ``before``) is not whom "the judge"
    refers back to: "Ann Dube, a retired judge", paragraphs later, is likely another."""
    names = {m.name for m in mentions if m.kind != "place"}
    ties = {t for t in ties if t not in names or any(_alike(m.name, t) and m.end <= before for m in mentions)}
    if len(ties) <= 1:
        return next(iter(ties), None)
    named = {t for t in ties if t in names}
    rivals = {t for t in named if not any(o != t and o.endswith(" " + t) for o in named)}
    people = {m.name for m in mentions if m.kind == "person"}
    if lemma not in person_heads() or not rivals & people:
        rivals |= ties - named  # a body's noun ("the administration") may be the phrase's
    else:
        rivals |= {t for t in ties if t.startswith(UNKNOWN)}
    return next(iter(rivals)) if len(rivals) == 1 else None


def _alike(one: str, other: str) -> bool:
    """Whether two names may be one actor's: the words of one are the other's ("Tsvangirai",
    "Alleyn" and "Alleyn's")."""
    words = [{w.removesuffix("'s").removesuffix("’s") for w in name.lower().split()} for name in (one, other)]
    return words[0] <= words[1] or words[1] <= words[0]


def takes_article(name: str) -> bool:
    """"the United States", "the European Union": a name built on a common noun
    takes the definite article in running English; "Russia" and "NATO" do not."""
    head = name.split(" of ", 1)[0].split()[-1].lower() if name.strip() else ""
    return head in load_vocabulary().definite_name_heads or head in _definite_bodies()


@lru_cache(maxsize=1)
def _definite_bodies() -> frozenset[str]:
    """The heads of the names of parties and bodies that take "the" ("the Labour Party")."""
    return frozenset(str(w).lower() for w in (load_data("referents.yaml") or {}).get("definite_body_heads") or [])


def name_role(title: str, root: "Token", segment: "Span", mentions: list[Mention]) -> str:
    """"The chancellor is due to meet…" -> Olaf Scholz is due to meet…: a subject that
    names a person by office (``office_holder``) is written as that person. A title is
    read alone, away from the sentence that named them."""
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    holder = office_holder(subject, mentions) if subject is not None else None
    if subject is None or holder is None:
        return title
    words = subject.doc[min(c.i for c in subject.children if c.i < subject.i):subject.i + 1]
    for written in dict.fromkeys((words.text, words.text.replace("'s", "’s"), words.text.replace("’s", "'s"))):
        if title.lower().startswith(written.lower()):
            return holder.name + title[len(written):]
    return title


def office_holder(noun: "Token", mentions: list[Mention]) -> Mention | None:
    """The person a bare office stands for ("the chancellor", "the Russian president",
    "Pakistan's prime minister"): the person last mentioned before with that office (and
    that country, when the description says one, by an adjective or as its owner). An
    office the description qualifies more than the role does is another office ("the
    defence minister" is not Foreign Minister Anna Lind, "the opposition leader" not
    party leader Joseph Kuda, nor leader Ed Brandt); the office as the description words
    it ("the president", not Vice President Li) is preferred to one with more words;
    "former", "acting" (``title_words.yaml``) must agree. None when the noun is no bare
    office ("the president of the council", "the president, who…")."""
    before = [c for c in noun.children if c.i < noun.i]
    owner = next((c for c in before if c.dep_ == "poss"), None)
    if noun.pos_ != "NOUN" or not before or any(c.i > noun.i for c in noun.children):
        return None
    if owner is None and not any(c.dep_ == "det" and c.lower_ == "the" for c in before):
        return None
    if any(c.dep_ not in ("det", "amod", "compound", "poss") for c in before) or (
            owner is not None and (any(c.dep_ == "det" for c in before) or not _a_country(owner, mentions))):
        return None  # "Sharif's prime minister" is whose, "a president" is anyone
    words = noun.doc[min(t.i for c in before for t in c.subtree):noun.i + 1]
    countries = {m.country or m.name for m in mentions if (m.country or m.kind == "country")
                 and m.start >= words.start_char and m.end <= words.end_char}
    earlier = [m for m in mentions if m.kind == "person" and m.role and m.end <= words.start_char
               and noun.lemma_.lower() in m.role.lower().split()
               and (not countries or m.country in countries)]
    qualifiers = {c.lower_ for c in before if c.dep_ in ("amod", "compound")
                  and not any(m.start <= c.idx < m.end for m in mentions)}
    times = load_title_words().office_times
    fitting = [(len(extra), -m.start, m) for m in earlier
               for extra in [_role_qualifiers(m.role or "", noun) - qualifiers]
               if not qualifiers - _role_qualifiers(m.role or "", noun)
               and qualifiers & times == _role_qualifiers(m.role or "", noun) & times]
    return min(fitting, key=lambda f: f[:2])[2] if fitting else None


def _a_country(owner: "Token", mentions: list[Mention]) -> bool:
    """Whether a possessor names a country ("Pakistan's"), whose office it is."""
    return any(m.start <= owner.idx < m.end and m.kind == "country" for m in mentions)


def qualified_alike(noun: "Token", name: str, mentions: list[Mention]) -> bool:
    """Whether the words qualifying ``noun`` ("the central bank": central) also qualify it
    where the article ties it to ``name`` ("Lowther Bank, the central bank of Norland"):
    "the central bank" is not the one bank named."""
    qualifiers = _qualifiers(noun, mentions)
    if not qualifiers:
        return True
    spans = [(m.start, m.end) for m in mentions if m.name == name]
    if not spans:
        return False  # a phrase ("the Bush administration"): "the new administration" may be another
    for other in noun.doc.tokens:
        if other.i == noun.i or other.lemma_ != noun.lemma_ or not qualifiers <= _qualifiers(other, mentions):
            continue
        near = [other.head, *other.children, noun.doc[other.i + 1] if other.i + 1 < len(noun.doc) else other]
        if any(a <= t.idx < b for t in near for a, b in spans):
            return True
    return False


def _qualifiers(noun: "Token", mentions: list[Mention]) -> set[str]:
    """The words qualifying a noun, a nationality among them ("the Chinese leader" is not
    the US leader the article named)."""
    return {c.lower_ for c in noun.children if c.i < noun.i and c.dep_ in ("amod", "compound")}


def _role_qualifiers(role: str, head: "Token") -> set[str]:
    """The words of a role besides its head noun: "foreign" of "Foreign Minister"."""
    return {w for w in role.lower().split() if w not in (head.lower_, head.lemma_.lower())}


def another_party(conj: "Token") -> bool:
    """Whether a noun told after a description with "and" is another party ("the prime minister
    and his children"), not more words of the one described ("the veteran activist and politician"):
    it has a determiner or a possessor of its own, or is a name or a pronoun."""
    return conj.dep_ == "conj" and (conj.pos_ in ("PROPN", "PRON") or any(
        c.dep_ in ("det", "poss") and c.i < conj.i for c in conj.children))


def leaves_described(word: "Token") -> bool:
    """Whether a word after a description leaves it the description it is: a mark, a relative
    clause set off by a comma ("the group, which featured Wyclef, …": it tells more of the one
    described; "the man who salvaged the talks" may be anyone the article does not name so), or
    another party told with it ("the prime minister and his children": a determiner or a
    possessor of its own, a name or a pronoun), not more words of the one described ("the veteran
    activist and politician")."""
    noun = word.head
    if word.dep_ == "relcl":
        return noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text == ","
    return word.dep_ in ("punct", "case", "cc") or word.dep_ == "conj" and (word.pos_ in ("PROPN", "PRON") or any(
        c.dep_ in ("det", "poss") and c.i < word.i for c in word.children))


def named_before(name: str | None, token: "Token", mentions: list[Mention]) -> bool:
    """Whether the article names ``name`` (or the actor of a phrase such as "Mugabe's
    government") before ``token``."""
    return name is not None and any((m.name == name or m.name in name) and m.end <= token.idx for m in mentions)


def written_as(title: str, noun: "Token", name: str) -> str:
    """``title`` with the description ending on ``noun`` written as ``name``, where it writes it
    once ("the singer", "the country" of "the country's")."""
    before = [c for c in noun.children if c.i < noun.i]
    written = noun.doc[min(t.i for c in before for t in c.subtree) if before else noun.i:noun.i + 1].text
    after = r"(?=['’]s\b)" if noun.dep_ == "poss" else r"(?![\w'’-])"
    found = list(re.finditer(rf"(?<![\w'’-]){re.escape(written)}{after}", title, flags=re.IGNORECASE))
    return title[:found[0].start()] + name + title[found[0].end():] if len(found) == 1 else title
