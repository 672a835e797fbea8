"""Where a title may be cut: never on a function word, never leaving a verb without
what it says or acts on, and never longer than a headline, counted in words as a
reader counts them. Used by ``wording.title_from``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.extract.events.complements import needed_clause, noun_complement, stranded
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.wellformed import FINITE_TAGS, RELATIVE_TAGS, SUBJECT_DEPS
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Parse, Token

# What a title never ends on.
DANGLING_DEPS = frozenset({"cc", "mark", "prep", "det", "punct", "preconj", "case", "aux", "auxpass"})
DASHES = frozenset({"-", "–", "—", "--"})
# Words a spaced hyphen of tokenised text joins ("pro - government", "three - day"); never a
# conjunction or a preposition ("HIV - and AIDS-related", "260 - up from 26").
JOINED = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM"})
# Words inside a coordinated subject ("Washington and a number of European
# countries, as well as Israel"), read when the parser lost the subject.
SUBJECT_GLUE = frozenset({",", "'s", "’s", "of", "as", "well"})
# Words that open the phrase of the word they modify.
MODIFIER_DEPS = frozenset({"advmod", "amod", "det", "nummod", "quantmod", "compound", "poss", "npadvmod"})


def tidy(chosen: list[int], tokens: "list[Token]") -> list[int]:
    """No title starts or ends on a function word, and no preposition is left
    without its object: cutting a clause must never leave "on and"."""
    kept = set(chosen)
    # a preposition without its object, or a comma before words that went ("personnel, [as well as
    # dependents] to leave"): what the comma set off is gone
    # ("would be dealt with" has none to lose: the preposition is part of its verb)
    out = [i for i in chosen if not (tokens[i].dep_ == "prep" and not any(c.i in kept for c in tokens[i].children)
                                     and not stranded(tokens[i]))
           and not (tokens[i].text == "," and i + 1 not in kept)]
    while out and ((tokens[out[-1]].dep_ in DANGLING_DEPS or tokens[out[-1]].pos_ == "CCONJ")
                   and not stranded(tokens[out[-1]]) or _head_went(tokens[out[-1]], out)):
        out.pop()
    while out and (tokens[out[0]].dep_ in ("cc", "mark", "punct", "preconj") or tokens[out[0]].pos_ == "CCONJ"):
        out.pop(0)
    # two conjunctions in a row, or a conjunction before a comma: the part between them went
    return [i for n, i in enumerate(out) if not (tokens[i].dep_ == "cc" and n + 1 < len(out)
                                               and tokens[out[n + 1]].dep_ in ("cc", "punct"))]


def dashed(root: "Token") -> set[int]:
    """Words set off between two dashes ("placing the Scorpions - a unit of the prosecutors'
    office - under the police"): an aside a title leaves out, with its dashes, as it leaves
    out one in brackets. A lone dash, or one inside a word ("one-off"), sets off nothing."""
    doc = root.doc
    words = sorted(t.i for t in root.subtree)
    # "anti - tobacco" in tokenised text is a hyphen, spaced: the parser tags it as one
    dashes = [i for i in words if doc[i].text in DASHES and doc[i].whitespace_ and i > 0 and doc[i - 1].whitespace_
              and doc[i].tag_ != "HYPH" and doc[i].head.i not in (i - 1, i + 1)]
    out: set[int] = set()
    for opened, closed in zip(dashes[::2], dashes[1::2]):
        if not opened < root.i < closed and closed - opened > 1:
            out.update(range(opened, closed + 1))
    return out


def descriptor_words(mention_tokens: set[int], tokens: "list[Token]", kind: str) -> set[int]:
    """What a common noun glued in front of an organisation's name says of it ("search engine
    giant Google", "European aircraft manufacturer Airbus", "the opposition Movement for
    Democratic Change"; not "CNN program Newsroom", which names its owner): a headline writes
    the name alone, and the article's "the" goes with the description, unless a lower-case
    word of the name asks for it."""
    start = min(mention_tokens)
    if kind not in ("organisation", "group") or not tokens[start].text[:1].isupper():
        return set()  # "Russia's nuclear deterrence forces" is no name with a description before it
    out: set[int] = set()
    for i in mention_tokens:
        before = [c for c in tokens[i].children if c.i not in mention_tokens and c.i < start]
        for child in before:
            words = list(child.subtree)
            if child.dep_ in ("compound", "amod") and any(t.pos_ == "NOUN" and t.text.islower() for t in words) and \
                    not any(t.dep_ in ("poss", "case", "det") or t.is_punct or t.pos_ == "PROPN" for t in words):
                out |= {t.i for t in words}
    if out:  # "the Dutch airline KLM": the words before the description go with it
        out |= {t.i for i in mention_tokens for c in tokens[i].children if c.i < max(out)
                and c.dep_ in ("amod", "compound", "nummod") and c.i not in mention_tokens for t in c.subtree}
        if not any(tokens[j].text.islower() for j in mention_tokens):
            out |= {c.i for i in mention_tokens for c in tokens[i].children if c.dep_ == "det" and c.i < start}
    return out


def told_an_audience(root: "Token", by_token: dict[int, Mention]) -> tuple[str, set[int]] | None:
    """"Hacker told a news conference in Berlin the virus could spread": when the title is too
    long, who heard it (an audience no name of the sentence stands for: reporters, a news
    conference, a rally) goes and the verb says "said", as a desk writes it. Whom a named
    actor told ("told Putin") is a party and stays. The verb and the audience's words."""
    said = [c for c in root.children if c.dep_ == "ccomp" and c.i > root.i]
    if root.lemma_.lower() != "tell" or not said:
        return None
    for child in root.children:
        words = {t.i for t in child.subtree}
        if child.dep_ in ("dative", "dobj") and root.i < child.i < said[0].i and not words & by_token.keys():
            return ("says" if root.tag_ in ("VBZ", "VBP") else "said"), words
    return None


def swallowed_subject(root: "Token", within: tuple[int, int]) -> tuple[set[int], set[int]]:
    """"In an interview with a weekly, the fisheries minister, Ivo Marek, outlined…" read with the
    subject inside the opening phrase (the parser hung it on the phrase's last noun): the opening
    phrase goes and the subject, what follows its last comma that is not a name beside a
    description, stays; of "the fisheries minister, Ivo Marek", the name alone. The words to
    drop and the subject's words; both empty when the clause has a subject of its own or opens
    otherwise."""
    if any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return set(), set()
    opening = next((c for c in root.children if c.dep_ == "prep" and c.i < root.i), None)
    if opening is None or opening.left_edge.i != max(within[0], min(t.i for t in root.subtree)):
        return set(), set()
    doc = root.doc
    words = sorted(t.i for t in opening.subtree)
    end = words[-1]
    while end > opening.i and doc[end].is_punct:
        end -= 1
    if any(doc[j].pos_ not in ("ADV", "AUX", "PART", "PUNCT") and doc[j].ent_type_ not in ("DATE", "TIME")
           for j in range(words[-1] + 1, root.i)):
        return set(), set()  # words between the phrase and the verb that are not its adverbs
    name: list[int] = []
    for comma in (i for i in reversed(words) if doc[i].text == "," and i < end):
        subject = list(range(comma + 1, end + 1))
        if not any(doc[j].pos_ == "NOUN" for j in subject):
            name = subject  # "…, Ivo Marek,": a name beside the description before it
            continue
        heads = [j for j in subject if doc[j].head.i not in subject]
        if len(heads) != 1 or doc[heads[0]].pos_ not in ("NOUN", "PROPN"):
            return set(), set()  # not one noun phrase
        kept = set(name or subject)  # the name alone, as a headline writes who did it
        return set(words) - kept, kept
    return set(), set()


def _head_went(token: "Token", kept: list[int]) -> bool:
    """"competing against each other rather [than working together]": a last word whose head
    comes after it and went is the start of a phrase that is not there."""
    return token.dep_ in MODIFIER_DEPS and token.head.i > token.i and token.head.i not in kept


def without_stranded_verbs(chosen: list[int], root: "Token") -> list[int]:
    """"condemned the recognition and said": a second verb that lost what it says or
    acts on would end the title mid-phrase; it goes with its conjunction. So does a
    participle describing a noun that lost everything it had ("roadblocks made out")."""
    kept = set(chosen)
    doc = root.doc
    for i in list(chosen):
        token = doc[i]
        if token.pos_ not in ("VERB", "AUX") or i not in kept or token.i == root.i:
            continue
        if _lost_its_subject(token, kept):
            # "… for a bipartisan meeting roils the presidential race": a side clause whose
            # subject went is no clause; it goes whole, with what joined it
            kept -= {t.i for t in token.subtree} | {c.i for c in token.head.children if c.dep_ in ("cc", "mark")
                                                    and token.left_edge.i - 2 <= c.i < token.left_edge.i}
            continue
        if token.dep_ == "conj":
            needs = [c for c in token.children if c.dep_ in ("ccomp", "xcomp", "dobj")]
        elif token.dep_ in ("acl", "relcl") and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            # (an infinitive is whole without its phrases: "a card to play" [in the talks])
            # "roadblocks made out", "the demonstrations led": a participle that lost all it had
            # (a particle alone is no more than the verb: "the trust set up" lost what it was set up with)
            needs = [c for c in token.children if c.dep_ in ("prep", "agent", "dobj", "xcomp", "ccomp")]
        else:
            continue
        if needs and not any(c.i in kept for c in needs):
            cut = {t.i for t in token.subtree} | {c.i for c in token.head.children if c.dep_ == "cc" and c.i < i}
            kept -= cut
    return tidy([i for i in chosen if i in kept], doc.tokens)


def _lost_its_subject(verb: "Token", kept: set[int]) -> bool:
    """Whether a finite verb of a side clause is kept without its subject: its own subject
    went, or the parse gave it none ("…, as the crisis gripping the nation roils the race",
    with "crisis" hung on "gripping"); a second verb sharing the first one's subject is no such clause."""
    if verb.dep_ not in ("advcl", "ccomp", "conj", "relcl", "acl") or verb.tag_ not in FINITE_TAGS:
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:  # "now is a good time" and a noun read as a verb ("a drug overdose") are no such clause
        return verb.dep_ in ("advcl", "ccomp") and any(c.dep_ == "dobj" for c in verb.children)
    return any(c.tag_ not in RELATIVE_TAGS and c.i not in kept for c in subjects)


def without_empty_phrases(chosen: list[int], tokens: "list[Token]") -> list[int]:
    """"ordered the cull in a move [that angered farmers]": a phrase on a noun that says
    nothing without the words that described it (``title_words.yaml``, empty_nouns) goes
    when they went."""
    kept = set(chosen)
    empty = load_title_words().empty_nouns
    for i in chosen:
        noun = tokens[i]
        if noun.dep_ != "pobj" or noun.lemma_.lower() not in empty or noun.head.i not in kept or \
                noun_complement(noun.head):
            continue  # "a package of measures [he said would…]": the package is of measures all the same
        lost = [c for c in noun.children if c.dep_ != "det" and c.i not in kept]
        if lost and all(c.dep_ == "det" for c in noun.children if c.i in kept):
            kept -= {t.i for t in noun.head.subtree}
    for i in chosen:
        noun = tokens[i]
        # "a success in its ability [to …]": a noun that lost the infinitive saying what it is of
        if noun.dep_ == "pobj" and noun.head.i in kept and noun.head.dep_ == "prep" and any(
                needed_clause(c) and c.dep_ == "acl" and c.i not in kept for c in noun.children):
            kept -= {t.i for t in noun.head.subtree}
    return tidy([i for i in chosen if i in kept], tokens)


def word_count(indexes: list[int], by_token: dict[int, Mention], tokens: "list[Token]") -> int:
    """Words of a title as a reader counts them: every word of an actor's name as the title
    writes it ("Yousuf Raza Gilani" is three), and a token glued to the one before
    ("one-off", "bank's") or a punctuation mark is no word of its own."""
    kept = set(indexes)
    # a name written as a name is written whole, under its canonical name; one the article
    # writes as a description ("the state department") keeps its words, since the title keeps them too
    capitalised = {id(by_token[i]) for i in indexes if i in by_token and tokens[i].text[:1].isupper()
                   and tokens[i].dep_ != "det"}
    named = {i for i in indexes if i in by_token and id(by_token[i]) in capitalised}
    words = sum(name_words(m.name) for m in {id(by_token[i]): by_token[i] for i in named}.values())
    for i in indexes:
        if i in named or not any(c.isalnum() for c in tokens[i].text):
            continue
        glued = i - 1 in kept and not tokens[i - 1].whitespace_
        words += not glued
    return words


def relative_object(root: "Token", chosen: list[int]) -> str:
    """" the plan" for a relative clause whose object is its relative pronoun ("the plan,
    which X is set to announce"), when the title ends on the word that takes it, or ""."""
    noun = root.head
    if root.dep_ != "relcl" or noun.pos_ not in ("NOUN", "PROPN") or not chosen:
        return ""
    pronoun = next((t for t in root.subtree if t.tag_ in RELATIVE_TAGS and t.dep_ in ("dobj", "pobj")), None)
    last = root.doc[max(chosen)]
    # the parser may hang the pronoun on the clause's first verb: the last verb lacks an object all the same
    takes = last.i == pronoun.head.i if pronoun is not None else False
    takes |= last.pos_ == "VERB" and last.dep_ == "xcomp" and not any(c.dep_ == "dobj" for c in last.children)
    if pronoun is None or pronoun.i in chosen or not takes:
        return ""
    words = [t.text_with_ws if t.dep_ != "det" else t.lower_ + t.whitespace_
             for t in noun.doc[noun.left_edge.i:noun.i + 1] if not t.is_punct]
    return " " + "".join(words).strip()


def name_parts(by_token: dict[int, Mention], tokens: "list[Token]") -> set[int]:
    """The words of a name that hang on another word of it ("for Democratic Change" of "the
    Movement for Democratic Change"): pruning never takes them, or the name is cut."""
    return {i for i, m in by_token.items() if tokens[i].head.i != i and by_token.get(tokens[i].head.i) is m}


def name_words(phrase: str) -> int:
    """Words of ``phrase`` as a reader counts them: "Ban Ki-moon" two, "U.S." one, "-" none."""
    return sum(any(c.isalnum() for c in word) for word in phrase.split())


def passive_auxiliary(root: "Token") -> str:
    """"was " or "were " before a participle describing the noun before it, which
    makes the phrase a clause ("figures released" -> figures were released); "" for
    any other clause."""
    if root.dep_ != "acl" or root.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return ""
    if root.head.i > root.i or any(t.is_punct for t in root.doc[root.head.i:root.i]):
        return ""  # "The island's airport, which was closed…, reopened": the parser's slip, a verb already
    return "were " if root.head.tag_ in ("NNS", "NNPS") else "was "


def possessor(doc: "Parse", i: int, run: list[int]) -> bool:
    """"Zhang's deputy, Ragdi": Zhang owns the subject and is not it."""
    return i + 1 in run and doc[i + 1].text in ("'s", "’s", "'", "’")


def subject_run(root: "Token") -> list[int]:
    """Tokens of the noun phrase just before ``root`` (adverbs and auxiliaries skipped)."""
    doc, i = root.doc, root.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    run: list[int] = []
    while i >= 0 and (doc[i].pos_ in ("PROPN", "NOUN", "CCONJ", "DET", "ADJ", "NUM")
                      or doc[i].lower_ in SUBJECT_GLUE):
        run.append(i)
        i -= 1
    return run[::-1]


def relative_day(part: "Token") -> bool:
    """"on Sunday", "yesterday", "last night": a time that names a day only the article's date
    places (``title_words.yaml``, relative_days); a title read on the timeline leaves it to the date."""
    words = [t for t in part.subtree if not (t.i == part.i and t.dep_ == "prep")]
    days = load_title_words().relative_days
    return bool(words) and all(t.lower_ in days for t in words) and any(t.ent_type_ in ("DATE", "TIME") for t in words)


def spaced_hyphen(token: "Token") -> bool:
    """"pro - government", "three - day", "Zanu - PF" in tokenised text: a hyphen the parser tags
    as one, spaced, between two words: it joins them as the page did."""
    doc = token.doc
    return token.text == "-" and token.tag_ == "HYPH" and 0 < token.i < len(doc) - 1 and bool(token.whitespace_) and \
        all(t.is_alpha and t.pos_ in JOINED for t in (doc[token.i - 1], doc[token.i + 1])) and \
        _one_word(doc[token.i - 1], doc[token.i + 1])


def _one_word(before: "Token", after: "Token") -> bool:
    """Whether the parse reads two words a hyphen parts as one modifier and its head, or as two
    parts of one ("pro - government militants", "Zanu - PF"), not as an aside ("the Scorpions - part
    of the police")."""
    hyphen = before.doc[before.i + 1]
    linked = before.head.i == after.i or after.head.i == before.i or before.head.i == after.head.i or \
        hyphen.head.i in (before.i, after.i)
    return linked and not {before.dep_, after.dep_} & {"appos", "conj", "parataxis", "dep"}


def restates(name: str, owner: str) -> bool:
    """Whether ``name`` opens with its owner's name or the owner's initials ("ANC Youth League"
    after "African National Congress"): the name says whose it is, and the owner goes."""
    first = name.split(" ", 1)[0]
    initials = "".join(w[0] for w in owner.split() if w[:1].isupper())
    return " " in name and (name.startswith(owner + " ") or (len(initials) > 1 and first == initials))
