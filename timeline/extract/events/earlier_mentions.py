"""A thing a title names only as "the memorandum", "the steps" or "the comments", written as
the article first said which one it is.

News says which thing it means once ("a memorandum of understanding on talks", "Pat
Robertson's comments") and then writes "the memorandum", "the comments". A title is read
alone, so such a bare description tells a reader nothing; it takes the article's last
fuller mention of the same noun before the sentence: the noun with the words in front of
it ("Robertson's", "the ruling") and the phrase right after it that says which one ("of
understanding on talks"), never a side clause, an aside or a pronoun whose owner is not
written, and only a mention that names someone or has an "of" phrase ("the devastating
quake" says no more than "the quake"). Only when the title still fits a headline; people and countries are another
rule's (``descriptions.py``).

A happening told by a definite noun ("the trial", "the summit") is first written in the
shortest form of whose or which it is, when the article qualified the same noun before by one
name only (``named_forms``): a possessor ("Ivo Marek's manslaughter trial") gives "Ivo Marek's
trial"; an "of" phrase naming a person, a body or a country ("the trial of former prime minister
Ivo Marek") keeps its "of", "the trial of Ivo Marek" ("the film of Ivo Marek" is not his film; a
place's is the longer phrase's), but for a happening a person undergoes (``referents.yaml``),
"Ivo Marek's trial"; a proper noun in front of it, "the Oslo port deal". Two names so told ("the
trial of Ivo Marek" and "the trial of Anna Lind") and it stays as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.group_members import name_groups
from timeline.extract.events.nominalised import name_nominalised
from timeline.extract.events.title_words import load_title_words
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# Prepositions whose phrase says which thing a noun is.
WHICH_PREPS = frozenset({"of", "on", "with", "between", "for", "against", "over", "into"})
# Words in front of a noun that say which one it is.
WHICH_BEFORE = frozenset({"amod", "compound", "poss", "nmod", "case"})
# Prepositions whose object names two sides or more: their "and" is never cut off.
BOTH_SIDES = frozenset({"between", "among", "amongst"})
# Parts of the earlier phrase that are never carried over.
LEFT_OUT = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})
# The longest earlier phrase taken, in tokens.
FULLER_TOKENS = 8
# How far after the sentence a later mention is looked for, in tokens: the next sentence or two.
LATER_TOKENS = 50
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WP$", "WDT"})
# Kinds of actor a possessor or an "of" phrase may name for a happening to be written as theirs.
WHOSE_KINDS = frozenset({"person", "organisation", "country", "group"})
_USER_DATA_KEY = "timeline.named_forms"


def fuller_descriptions(title: str, root: "Token", limit: int, mentions: list[Mention] | None = None) -> str:
    """``title`` with each bare "the NOUN" of its clause written as the article's fuller
    mention before the sentence (the shortest named form first, ``named_form``), when the
    title then has at most ``limit`` words."""
    top = root
    while top.head.i != top.i:
        top = top.head
    start, end = top.left_edge.i, top.right_edge.i + 1
    excluded = _excluded()
    for noun in root.subtree:
        if not _bare(noun) or noun.lemma_.lower() in excluded:
            continue
        written = f"{root.doc[noun.i - 1].text} {noun.text}"
        found = list(re.finditer(rf"(?<![\w'’-]){re.escape(written)}(?![\w'’-])", title, flags=re.IGNORECASE))
        if len(found) != 1:
            continue
        at = found[0]
        if title[at.end():].split(" ", 2)[1:2] and title[at.end():].split(" ", 2)[1].lower() in WHICH_PREPS:
            continue  # another rule already wrote which one: "the trial of Ivo Marek"
        named = named_form(noun, start, mentions or [], end)
        if named is not None and any(m.name in title for m in mentions or [] if m.name in named and m.kind != "place"):
            named = None  # "Ivo Marek appealed against the verdict": whose it is, the title says
        for phrase in ([named] if named is not None else []) + _earlier(noun, start, end):
            if at.start() == 0:
                phrase = phrase[:1].upper() + phrase[1:]
            longer = title[:at.start()] + phrase + title[at.end():]
            if len(longer.split()) <= limit:
                title = longer
                break
    # "All three were released", "its threat": the people counted, the happening the verb told
    return name_nominalised(name_groups(title, root, limit, mentions or []), root, limit, mentions or [])


def _excluded() -> frozenset[str]:
    words = load_title_words()
    return words.person_nouns | words.role_nouns | frozenset(words.kind_nouns) | words.agent_nouns


def _bare(noun: "Token") -> bool:
    """"the memorandum": a common noun with no word before it but the "the" right before
    it, and no phrase after it that says which one."""
    if noun.pos_ != "NOUN" or noun.tag_ not in ("NN", "NNS") or noun.i == 0:
        return False
    det = noun.doc[noun.i - 1]
    return det.lower_ == "the" and det.head.i == noun.i and \
        [c.i for c in noun.children if c.i < noun.i] == [det.i] and \
        not any(c.dep_ in ("prep", "acl", "relcl", "compound") for c in noun.children if c.i > noun.i
                and (c.dep_ != "prep" or c.lower_ in WHICH_PREPS))


def _earlier(noun: "Token", before: int, after: int | None = None) -> list[str]:
    """The nearest mention of the same noun before token ``before`` that says which one it
    is, as a title writes it, longest first: "the memorandum of understanding on talks",
    then "the memorandum of understanding"; none when it holds a pronoun or skips words, or
    when the article says of two different ones ("the trial of X and the trial of Y"). With
    none before, the nearest in the sentence or two from token ``after`` on, when given: a lede
    may say "the trial" and the next sentence whose trial it is."""
    found = [phrases for i in range(before - 1, -1, -1) for phrases in [_phrases(noun, noun.doc[i])] if phrases]
    if not found and after is not None and not any(_mentioned(noun, noun.doc[i]) for i in range(before)):
        found = [phrases for i in range(after, min(after + LATER_TOKENS, len(noun.doc)))
                 for phrases in [_phrases(noun, noun.doc[i])] if phrases]
    if not found:
        return []
    nearest = found[0][-1].removeprefix("the ")
    for other in found[1:]:
        shortest = other[-1].removeprefix("the ")
        if nearest not in shortest and shortest not in nearest:
            return []  # two things so named: which one is not certain
    return found[0]


def _mentioned(noun: "Token", other: "Token") -> bool:
    """Whether ``other`` is the same noun as ``noun``, written the same way."""
    return other.lemma_.lower() == noun.lemma_.lower() and other.pos_ == "NOUN" and other.tag_ == noun.tag_


def _phrases(noun: "Token", earlier: "Token") -> list[str]:
    """``earlier``, a mention of ``noun``'s noun, as a title writes it, longest first."""
    doc = noun.doc
    if not _mentioned(noun, earlier):
        return []
    front = [c for c in earlier.children if c.i < earlier.i and c.dep_ in WHICH_BEFORE]
    after = next((c for c in earlier.children if c.i == earlier.i + 1 and c.dep_ == "prep"
                  and c.lower_ in WHICH_PREPS), None)  # the phrase right after it, or none
    if not front and after is None:
        return []  # "the memorandum" again: the fuller mention is further back
    owned = any(c.dep_ == "poss" for c in front)
    out: list[str] = []
    for whole in (True, False):  # the whole phrase, then without its own phrases but "of"
        words = {t.i for c in front for t in c.subtree} | {earlier.i}
        if after is not None:
            words |= {t.i for t in after.subtree} - {
                t.i for c in after.subtree if c.i != after.i and (c.dep_ in LEFT_OUT and not _joined(c, after) or (
                    not whole and c.dep_ == "prep" and c.lower_ != "of")) for t in c.subtree}
        tokens = [doc[k] for k in sorted(words)]
        if len(tokens) > FULLER_TOKENS or any(t.tag_ in PRONOUN_TAGS or not t.text.strip() for t in tokens) \
                or tokens[-1].i - tokens[0].i + 1 != len(tokens):
            continue  # too long, a pronoun's owner unwritten, or words skipped
        if not any(t.pos_ == "PROPN" or (t.dep_ == "compound" and t.pos_ == "NOUN") for t in tokens) and \
                not (after is not None and after.lower_ == "of"):
            continue  # "the devastating quake", "the trial for manslaughter" still say not which one; "the
            # swine flu patients" do
        text = "".join(t.text_with_ws for t in tokens).strip()
        phrase = text if owned else f"the {text}"
        if phrase not in out:
            out.append(phrase)
    return out


def _joined(word: "Token", prep: "Token") -> bool:
    """Whether ``word`` joins a second side to the object of a preposition that needs two ("talks
    between Labour and the Greens"): cut, the phrase would say another thing."""
    return prep.lower_ in BOTH_SIDES and word.dep_ in ("cc", "conj") and word.head.dep_ == "pobj" and \
        word.head.head.i == prep.i


def named_form(noun: "Token", before: int, mentions: list[Mention], after: int | None = None) -> str | None:
    """The shortest form of whose or which ``noun`` is that the article gives before token
    ``before`` (``named_forms``), when it gives one only: "Ivo Marek's trial", "the purchase
    of Lowther Bank", "the Oslo port deal"; with none before, the one it gives in the sentence
    or two from token ``after`` on, when given; else None."""
    told = [(at, form) for at, lemma, form in named_forms(noun, mentions) if lemma == noun.lemma_.lower()]
    forms = {form for at, form in told if at < before}
    if not forms and after is not None:
        forms = {form for at, form in told if after <= at < after + LATER_TOKENS}
    if noun.tag_ != "NN" and not all(form and form.endswith("'s " + noun.lower_) for form in forms):
        return None  # "the brothers", "the elections": perhaps more than the one named, but "comments by" him
    return next(iter(forms)) if len(forms) == 1 and None not in forms else None


def named_forms(token: "Token", mentions: list[Mention]) -> list[tuple[int, str, str | None]]:
    """Each common noun of the article qualified by a name, read once per article: where,
    its lemma, and how a title writes it shortest ("Ivo Marek's trial"), or None for one
    qualified otherwise ("the Belt and Road initiative", "the court's ruling"): then which
    one a bare mention means is not certain."""
    spacy_doc = token.doc.spacy
    cached = spacy_doc.user_data.get(_USER_DATA_KEY)
    if cached is not None and cached[0] == len(mentions):
        return cached[1]  # type: ignore[no-any-return]
    found = []
    for noun in token.doc.tokens:
        if noun.pos_ == "NOUN":
            form = _named_form(noun, mentions)
            if form is not None or _qualified(noun):
                found.append((noun.i, noun.lemma_.lower(), form))
    spacy_doc.user_data[_USER_DATA_KEY] = (len(mentions), found)
    return found


@lru_cache(maxsize=1)
def _undergone() -> frozenset[str]:
    return frozenset(str(w).lower() for w in (load_data("referents.yaml") or {}).get("undergone_happenings") or [])


def _qualified(noun: "Token") -> bool:
    """Whether a noun is told with words that say which one it is: a possessor, a noun in front
    of it or an "of" phrase (not an adjective: "the devastating quake" is still the quake)."""
    return any(c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i or c.dep_ == "prep" and c.lower_ == "of"
               and c.i == noun.i + 1 for c in noun.children)


def _mention_at(token: "Token", mentions: list[Mention]) -> Mention | None:
    """The actor whose name ends on ``token`` ("Sharif" of "prime minister Nawaz Sharif"); where
    no actor was found there, the one person of the article whose name ends on that word
    ("evangelist Ed Brandt", read nowhere as a name, is the Ed Brandt named elsewhere)."""
    end = token.idx + len(token.text)
    found = next((m for m in mentions if m.kind in WHOSE_KINDS and m.start <= token.idx and m.end == end), None)
    if found is not None or token.pos_ != "PROPN" or any(m.start <= token.idx < m.end for m in mentions):
        return found
    people = {m.name: m for m in mentions if m.kind == "person" and m.name.split()[-1] == token.text}
    return next(iter(people.values())) if len(people) == 1 else None


def _named_form(noun: "Token", mentions: list[Mention]) -> str | None:
    lemma = noun.lemma_.lower()
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    if owner is not None:
        named = _mention_at(owner, mentions) if owner.pos_ == "PROPN" else None
        return f"{named.name}'s {lemma}" if named is not None and noun.tag_ == "NN" else None
    after = next((c for c in noun.children if c.i == noun.i + 1 and c.dep_ == "prep" and c.lower_ in ("of", "by")),
                 None)
    # "the trial of Ivo Marek", "the trial of the surgeon Ivo Marek" (the name beside the noun)
    objects = [n for o in (after.children if after is not None else []) if o.dep_ == "pobj"
               for n in [o, *(c for c in o.children if c.dep_ == "appos")] if n.pos_ == "PROPN"]
    named_of = next((m for m in (_mention_at(o, mentions) for o in objects) if m), None)
    if named_of is not None and after is not None and after.lower_ == "by":
        return f"{named_of.name}'s {noun.lower_}"  # "comments by Ivo Marek": his comments, however many
    if named_of is not None and noun.tag_ == "NN":
        undergone = named_of.kind == "person" and lemma in _undergone()  # "the film of Ivo Marek" is not his film
        return f"{named_of.name}'s {lemma}" if undergone else f"the {lemma} of {named_of.name}"
    front = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if not front or noun.tag_ != "NN" or any(c.dep_ == "poss" for c in noun.children):
        return None
    words = noun.doc[min(t.i for c in front for t in c.subtree):noun.i + 1]
    if not any(t.pos_ == "PROPN" for t in words) or any(t.tag_ in PRONOUN_TAGS or t.is_punct for t in words) \
            or len(words) > FULLER_TOKENS:
        return None
    if any(m.start < words.start_char < m.end for m in mentions):
        return None  # a name run in from before the words
    return "the " + " ".join(t.text for t in words)
