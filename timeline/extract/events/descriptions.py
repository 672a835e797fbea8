"""A title's subject named when the article makes it certain who a description is.

News names an actor once and then describes it: "the singer", "the 58-year-old",
"the group", "the administration", "the country". A title is read alone, so a
subject left as such a description tells of no one. It is replaced by the actor
the article ties that description to, and only when the article ties it to one:

- the article calls one named actor by that noun: in front of the name ("pop star Michael Jackson"),
  beside it ("Conrad Murray, the doctor"), or as what the name is ("Murray was the singer's doctor");
- the noun is one the name qualifies ("the Bush administration"): written as the article wrote it first;
- a noun of one person ("the singer", "the superstar", a title of office) that the article ties
  to no one is the one person the headline names, when it names one and does not use that noun itself;
- a country described as "the country" or "the government", when the article ties the
  noun to no one, is the one country the article is about: named at least twice as often
  as any other before the sentence (the words and the ratio are ``title_words.yaml``).

A description the article ties to two actors, or to none, stays as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import load_data
from timeline.extract.events.described_places import dominant, name_places
from timeline.extract.events.earlier_mentions import fuller_descriptions
from timeline.extract.events.naming import UNKNOWN, addressed_as, person_heads, qualified_alike, sole_tie
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.wording import TITLE_WORDS
from timeline.records import Mention

if TYPE_CHECKING:
    import spacy.tokens

    from timeline.extract.events.tokens import Parse, Token

# Words a description may hold before its noun: "the", "the former", "the UK", "the 58-year-old".
DESCRIBING = frozenset({"det", "amod", "compound", "nummod", "npadvmod", "punct", "advmod"})
# The longest description, in tokens, that is replaced.
DESCRIPTION_TOKENS = 6
# How a word in front of a name may hang in the parse when it describes that name.
BEFORE_A_NAME = frozenset({"compound", "amod", "nmod", "conj", "appos"})
# Kinds of actor that only say whose a description is ("the UK firm", "the Pakistani group").
WHOSE = frozenset({"country", "group"})
_USER_DATA_KEY = "timeline.description_ties"
_SITES_KEY = "timeline.description_sites"


def name_description(title: str, root: "Token", mentions: list[Mention], headline: str = "") -> str:
    """``title`` with its subject (or the subject's possessor: "the singer's doctor"),
    and the subject of what was said ("… said the singer was discharged"), written as
    the actor the article makes that description stand for."""
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")][:1]
    if root.dep_ == "relcl" and subjects and subjects[0].tag_ in ("WDT", "WP"):
        subjects = [root.head]  # "the concert, which takes place on 8 October": the concert is the subject
    subjects += [s for c in root.children if c.dep_ == "ccomp" for s in c.children
                 if s.dep_ in ("nsubj", "nsubjpass")][:1]
    if subjects and subjects[0].head.i == root.i:
        title = _named_aside(title, subjects[0], root, mentions)
    for subject in subjects:
        title = _named(title, subject, root.doc, mentions, subject.head.i == root.i, headline)
    return fuller_descriptions(name_places(title, root, mentions), root, TITLE_WORDS, mentions)


def _named_aside(title: str, subject: "Token", root: "Token", mentions: list[Mention]) -> str:
    """"The head of the agency, Margaret Linn, suggested…" -> Margaret Linn suggested…: a
    subject that describes a person and names them beside it, set off by commas after its
    "of" phrase, is written by name, whatever the title kept of the description."""
    if subject.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return title
    holders = [subject] + [t for t in subject.subtree if t.dep_ == "pobj" and t.head.head.i == subject.i
                           and t.head.lower_ == "of"]
    aside = next((c for h in holders for c in h.children if c.dep_ == "appos" and c.i > subject.i
                  and c.doc[c.left_edge.i - 1].text == ","), None)
    if aside is None:
        return title
    named = next((m for m in mentions if m.start <= aside.idx < m.end and m.kind == "person"), None)
    opening = subject.doc[subject.left_edge.i:subject.i + 1].text
    if named is None or not title.lower().startswith(opening.lower()):
        return title
    verbs = [c.text for c in root.children if c.dep_ in ("aux", "auxpass", "neg") and c.i > subject.i] + [root.text]
    found = re.search(r"\s(?:" + "|".join(re.escape(v) for v in verbs) + r")\b", title)
    if found is None:
        return title
    return named.name + title[found.start():]


def _named(title: str, subject: "Token", doc: "Parse", mentions: list[Mention], at_start: bool,
           headline: str) -> str:
    title = _without_description(title, subject, mentions)
    described = subject
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.i < subject.i), None)
    if owner is not None and owner.pos_ == "NOUN":
        described = owner  # "the singer's personal physician": the singer is the description
    elif owner is not None and owner.pos_ == "PROPN":
        return _possessed(title, subject, owner, doc, mentions)
    words = _description(described)
    if words is None:
        return title
    start, end = words
    text = doc[start:end].text
    at = 0 if title.lower().startswith(text.lower()) else -1
    if at < 0 and not at_start:
        found = re.search(rf"(?<![\w'’]){re.escape(text)}(?!\w)", title, flags=re.IGNORECASE)
        at = found.start() if found else -1
    if at < 0:
        return title
    first_char = doc[start].idx
    if any(m.start < doc[end - 1].idx + len(doc[end - 1]) and m.end > first_char and m.kind not in WHOSE
           for m in mentions):
        return title  # "the NATO summit" names an actor in it: another rule's reading
    replacement = tied_name(described, doc, mentions, first_char)
    if replacement is not None and not qualified_alike(described, replacement, mentions):
        return title  # "the central bank" is not the one bank the article names
    if replacement is None:
        replacement = headline_person(described, doc, mentions, headline)
    if replacement is None:
        replacement = _headline_phrase(described, doc, mentions, headline)
    if replacement is None:
        replacement = _dominant_person(described, doc, mentions, first_char)
    if replacement is None or _the_speaker(title, replacement, at):
        return title
    if at == 0:
        replacement = replacement[:1].upper() + replacement[1:]
    return title[:at] + replacement + title[at + len(text):]


def _the_speaker(title: str, name: str, at: int) -> bool:
    """Whether ``name`` is the title's subject, which a description in what it said is not ("Ann Dube hinted")."""
    return at > 0 and title.startswith(name) and not title[len(name):].startswith(("'s", "’s"))


def _possessed(title: str, subject: "Token", owner: "Token", doc: "Parse", mentions: list[Mention]) -> str:
    """"Michael Jackson's doctor has gone on trial" -> Conrad Murray has gone on trial: a
    person described by whose they are, when the article ties that noun to one named
    person, and not to the owner."""
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or any(
            c.dep_ not in ("poss", "amod", "compound") for c in subject.children if c.i < subject.i) or any(
            c.i > subject.i and c.dep_ not in ("punct", "case") for c in subject.children):
        return title
    whose = next((m for m in mentions if m.start <= owner.idx < m.end), None)
    if whose is None:
        return title
    # "Lena Voss's doctor" itself is a tie of the noun to its owner: the others name the person
    ties = {t for t in description_ties(doc, mentions).get(subject.lemma_.lower(), set()) if whose.name not in t}
    if len(ties) != 1 or whose.kind != "person" or doc[owner.i + 1].text not in ("'s", "’s"):
        return title
    tied = next(iter(ties))
    named = next((m for m in mentions if m.name == tied), None)
    if tied == whose.name or named is None or named.kind != "person":
        return title
    owners = "|".join(re.escape(w) for w in dict.fromkeys((whose.name, doc[owner.left_edge.i:owner.i + 1].text)))
    between = r"\s+".join(re.escape(t.text) for t in doc[owner.i + 2:subject.i + 1])
    found = re.search(rf"(?:^|(?<=\s))(?:the\s+)?(?:{owners})['’]s\s+{between}(?!\w)", title)
    if found is None:
        return title
    return title[:found.start()] + tied + title[found.end():]


def _without_description(title: str, subject: "Token", mentions: list[Mention]) -> str:
    """"Pakistan's prime minister, Nawaz Sharif, has ordered…" -> Nawaz Sharif has
    ordered…: a subject described, then named beside it, is written by name."""
    name = next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i), None)
    if subject.pos_ not in ("NOUN", "NUM") or name is None:
        return title  # "the doctor, X" and "one of her bodyguards, X" are X
    named = next((m for m in mentions if m.start <= name.idx < m.end and m.kind in ("person", "organisation")), None)
    if named is None:
        return title
    opens = min(t.i for t in name.subtree)  # "Alberto" of "Alberto Ruiz" is the name's
    words = [t for t in subject.subtree if t.i < opens and not t.is_punct]
    if not words:
        return title
    # the words as the title writes them: "Voss's" is one word, the apostrophe either way
    prefix = "".join((r"[\s,]+" if k and words[k - 1].whitespace_ else "") + re.escape(t.text)
                     for k, t in enumerate(words)).replace("'s", "(?:'s|’s)")
    # the title's subject, or the subject of what was said ("… claims that her doctor, X, …")
    found = re.search(rf"(?:^|(?<=\s)){prefix}[\s,]+(?={re.escape(named.name)})", title, flags=re.IGNORECASE)
    return title[:found.start()] + title[found.end():] if found else title


def possessor_name(noun: "Token", mentions: list[Mention]) -> str | None:
    """"the bank's offices" -> Lowther Bank's offices: the person or body a description owning an argument is."""
    words = _description(noun) if noun.dep_ == "poss" and noun.tag_ == "NN" else None
    if words is None or any(m.start < noun.idx + len(noun) and m.end > noun.doc[words[0]].idx for m in mentions):
        return None
    name = tied_name(noun, noun.doc, mentions, noun.doc[words[0]].idx)
    named = any(m.name == name and m.kind in ("person", "organisation") for m in mentions)  # not a country's
    return name if name is not None and named and qualified_alike(noun, name, mentions) else None


def _description(noun: "Token") -> tuple[int, int] | None:
    """The token range of a definite description ending on ``noun`` ("the singer",
    "the former chairman"), or None when it is none ("a man", "Jackson", "the
    president of the council")."""
    if noun.pos_ != "NOUN" or noun.tag_ not in ("NN", "NNS"):
        return None
    before = [c for c in noun.children if c.i < noun.i]
    if any(c.dep_ not in DESCRIBING for c in before) or any(
            c.i > noun.i and c.dep_ not in ("case", "appos", "punct") for c in noun.children):
        return None
    if not any(c.dep_ == "det" and (c.lower_ == "the" or c.lower_ == "that" and noun.lemma_.lower() in
                                    load_title_words().kind_nouns) for c in before):  # "that nation" too
        return None
    start = min(t.i for c in before for t in c.subtree) if before else noun.i
    if noun.i + 1 - start > DESCRIPTION_TOKENS:
        return None
    return start, noun.i + 1


def tied_name(noun: "Token", doc: "Parse", mentions: list[Mention], before_char: int) -> str | None:
    """The one actor the article ties ``noun`` to, or for a kind ("the country") tied to none, the one it is about."""
    lemma = noun.lemma_.lower()
    words = load_title_words()
    ties = description_ties(doc, mentions).get(lemma, set())
    if noun.tag_ != "NN" and any(" of " in tie for tie in ties):
        return None  # "the trial of X" tells of one; "the trials" are more
    tied = sole_tie(lemma, ties, mentions, before_char)
    if tied is not None:
        return tied
    kind = words.kind_nouns.get(lemma)
    if kind is not None and not ties:
        return dominant(kind, mentions, before_char, words.dominance)
    return None


def headline_person(noun: "Token", doc: "Parse", mentions: list[Mention], headline: str) -> str | None:
    """"The superstar died", in an article headlined "Michael Jackson dies at 50":
    a noun of one person the article ties to no one is the one person its headline
    names, unless the headline uses the noun itself ("Jackson's doctor")."""
    lemma = noun.lemma_.lower()
    if not headline or lemma not in load_title_words().person_nouns or description_ties(doc, mentions).get(lemma):
        return None
    lowered = headline.lower()
    if re.search(rf"\b{re.escape(noun.lower_)}", lowered):
        return None
    # a name the headline writes in full, before one it may only share a surname with ("Jackson")
    people = [m for m in mentions if m.kind == "person"]
    named = {m.name for m in people if re.search(rf"\b{re.escape(m.name.lower())}\b", lowered)} or {
        m.name for m in people if len(m.text) > 3 and re.search(rf"\b{re.escape(m.text.lower())}\b", lowered)}
    return next(iter(named)) if len(named) == 1 else None


def _headline_phrase(noun: "Token", doc: "Parse", mentions: list[Mention], headline: str) -> str | None:
    """"The trial is due to start", headlined "Jury chosen for Dr Conrad Hale trial": a noun tied to
    no one is the headline's, when the headline puts a name right before it, once ("the Conrad Hale trial")."""
    if not headline or description_ties(doc, mentions).get(noun.lemma_.lower()):
        return None
    found = [m for m in re.finditer(rf"((?:[A-Z][\w.'’-]*\s+){{1,5}})({re.escape(noun.lower_)})\b", headline)]
    if len(found) != 1:
        return None
    run = found[0].group(1).split()
    for k in range(len(run)):  # the longest name at the end of the run: "Dr Conrad Hale" -> Conrad Hale
        words = " ".join(run[k:])
        named = {m.name for m in mentions if m.kind in ("person", "organisation")
                 and words.rstrip("'’s") in (m.text, m.name)}
        if len(named) == 1:
            name = next(iter(named))
            return f"{name}'s {noun.lower_}" if words.endswith(("'s", "’s")) else f"the {name} {noun.lower_}"
    return None


def _dominant_person(noun: "Token", doc: "Parse", mentions: list[Mention], before_char: int) -> str | None:
    """"The pop star's family complained", in an article about a singer and his doctor: a
    noun of one person the article ties to no one is the person the article names most
    before it (``dominance`` times as often as the next), leaving out those it calls by
    another noun of a person ("the doctor, Conrad Hale")."""
    words = load_title_words()
    lemma = noun.lemma_.lower()
    ties = description_ties(doc, mentions)
    if lemma not in person_heads() or ties.get(lemma) or noun.tag_ != "NN" or any(
            c.dep_ == "amod" for c in noun.children):
        return None  # "the prime ministers" are two, "the next president" is another
    others = {name for other, names in ties.items() if other != lemma
              and (other in words.person_nouns or other in words.role_nouns) for name in names}
    people = [m for m in mentions if m.name not in others]
    return dominant("person", people, before_char, words.dominance)


def description_ties(doc: "Parse", mentions: list[Mention]) -> dict[str, set[str]]:
    """Each noun the article uses to describe a named actor, with how a title writes
    that actor: its canonical name, or the article's phrase for a noun the name
    qualifies ("the Bush administration"). Read once per article."""
    spacy_doc = doc.spacy
    cached = spacy_doc.user_data.get(_USER_DATA_KEY)
    if cached is not None and cached[0] == len(mentions):
        return cached[1]  # type: ignore[no-any-return]
    ties: dict[str, set[str]] = {}
    sites: list[tuple[str, str, int]] = []
    for mention in mentions:
        if mention.kind == "place":
            continue
        span = spacy_doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for lemma, written, at in _ties_of(span, mention):
            ties.setdefault(lemma, set()).add(written)
            sites.append((lemma, written, at))
    spacy_doc.user_data[_SITES_KEY] = sites
    for token in spacy_doc:
        named = token.head if token.dep_ == "appos" and token.pos_ == "NOUN" else spacy_doc[token.i + 1] if \
            token.i + 1 < len(spacy_doc) and addressed_as(token.text) else None
        if named is not None and named.pos_ == "PROPN" and not any(m.start <= named.idx < m.end for m in mentions):
            # "Ivo Marek, the doctor", "Dr Marek", a name no actor was found for: the noun is not surely the other's
            for noun in {token.lemma_.lower()} if token.dep_ == "appos" else set(addressed_as(token.text)):
                if noun in ties:
                    ties[noun].add(UNKNOWN + named.text)
    spacy_doc.user_data[_USER_DATA_KEY] = (len(mentions), ties)
    return ties


def description_sites(doc: "Parse", mentions: list[Mention]) -> list[tuple[str, str, int]]:
    """Each tie of ``description_ties`` where the article writes it: the noun, the name, the
    noun's token (-1 for the nouns an honorific stands for: "Dr")."""
    description_ties(doc, mentions)
    return doc.spacy.user_data.get(_SITES_KEY) or []


def _ties_of(span: "spacy.tokens.Span", mention: Mention) -> list[tuple[str, str, int]]:
    """Each noun describing ``mention`` with how a title writes it, and the noun's token (-1 for
    an honorific's nouns)."""
    doc, root = span.doc, span.root
    out: list[tuple[str, str, int]] = []
    i = span.start - 1
    # "pop star Michael Jackson", "the singer Michael Jackson"
    # (read by position: the parser may hang "folk singer" of "X and folk singer Y" on X)
    while i >= 0 and doc[i].pos_ in ("NOUN", "ADJ") and (doc[i].dep_ in BEFORE_A_NAME or (
            span.start <= _head_of_run(doc[i], span.start) < span.end)):
        if doc[i].pos_ == "NOUN" and doc[i].tag_ == "NN" and (i == span.start - 1 or span.start <= doc[i].head.i):
            out.append((doc[i].lemma_.lower(), mention.name, i))  # not "party" of "party chief Ivo Marek"
        i -= 1
    # "Dr Conrad Hale", then "the doctor": the noun an honorific before the name stands for
    if mention.kind == "person" and span.start > 0:
        out += [(noun, mention.name, -1) for noun in addressed_as(doc[span.start - 1].text)]
    # "Lowther Bank" or "the Royal Bank of Scotland", then "the bank": a name built on the noun
    head = next((span[k - 1] for k in range(1, len(span)) if span[k].lower_ == "of"), span[-1])
    if mention.kind == "organisation" and len(span) > 1 and head.lower_ in _name_heads():
        out.append((head.lower_, mention.name, head.i))
    # "Conrad Murray, the doctor" and "the doctor, Conrad Murray"
    beside = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    described = _described_by_appos(span) if root.dep_ == "appos" else None
    for noun in beside + ([described] if described is not None else []):
        out.append((noun.lemma_.lower(), mention.name, noun.i))
        # "Pakistan's prime minister, Nawaz Sharif": the office with whose it is
        out += [(owned_key(owner.lower_, noun.lemma_.lower()), mention.name, noun.i)
                for owner in noun.children if owner.dep_ == "poss" and owner.pos_ == "PROPN"]
    # "Murray was the doctor"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        out += [(c.lemma_.lower(), mention.name, c.i) for c in root.head.children
                if c.dep_ == "attr" and c.pos_ == "NOUN"]
    # "the Bush administration", "Lloyd's insurers": the name qualifies the noun
    # ("Zimbabwe's opposition leader, Morgan Tsvangirai", "Ed Brandt's doctor, Ivo Marek": the name beside it)
    if root.dep_ in ("compound", "poss") and root.head.pos_ == "NOUN" and root.head.i >= span.end and \
            root.head.tag_ == "NN" and not (root.dep_ == "compound" and mention.kind in WHOSE) and not (
            any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in root.head.children)):
        phrase = doc[span.start:root.head.i + 1].text
        article = "" if root.dep_ == "poss" or mention.name.lower().startswith("the ") else "the "
        out.append((root.head.lemma_.lower(), article + phrase, root.head.i))
        # "a Michael Jackson tribute concert": the name qualifies the last noun of the run too
        head = root.head
        while head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.tag_ == "NN" and \
                root.dep_ == "compound":
            head = head.head
            out.append((head.lemma_.lower(), article + doc[span.start:head.i + 1].text, head.i))
    # "the trial of Conrad Hale", "the trial of her doctor, Conrad Hale": a happening of the
    # named one, written so
    of = described.head if described is not None and described.dep_ == "pobj" else root.head
    if root.dep_ in ("pobj", "appos") and of.lower_ == "of" and of.dep_ == "prep" and of.head.tag_ == "NN" \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in of.head.children) and \
            mention.kind in ("person", "organisation") and of.head.lemma_.lower() not in load_title_words().role_nouns:
        before = doc[min(t.i for t in of.head.subtree):of.head.i + 1].text  # "the criminal trial"
        out.append((of.head.lemma_.lower(), f"{before} of {mention.name}", of.head.i))
    return out


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    return frozenset(str(w).lower() for w in (load_data("referents.yaml") or {}).get("name_heads") or [])


def owned_key(owner: str, lemma: str) -> str:
    """How ``description_ties`` files a noun with its owner ("pakistan", "minister")."""
    return f"{owner}|{lemma}"


def _described_by_appos(span: "spacy.tokens.Span") -> "spacy.tokens.Token | None":
    """The noun a name set beside it describes: the one right before it ("the trial of the
    singer's doctor, Ivo Marek" -> doctor, wherever the parser hung the name), or None."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    if i < 0 or doc[i].pos_ != "NOUN":
        return None
    return doc[i] if span.root.head.i == doc[i].i or span.root.head.i < doc[i].i else None


def _head_of_run(token: "spacy.tokens.Token", start: int) -> int:
    """Where a word before a name hangs, past the other words before the name."""
    while token.i < start and token.head.i != token.i and token.dep_ in ("compound", "amod", "nmod"):
        token = token.head
    return token.i
