"""A title chosen among several cuts of one clause by how well each is formed.

``wording.title_from`` cuts a clause to a headline by one order of what goes first, and
that order sometimes takes what the verb was said for: "visited a farm" [to urge
peasants to boost production], "called for the mortgage lenders" [to halt foreclosures].
Here the same clause is cut again with each such part kept in turn (``needed_parts``: a
purpose, a clause a word takes, the phrase of a preposition the verb selects, and what the
title's last word needs, ``open_part``: "build a tool" [to help…]), each candidate is judged
(``flaws``: cut before what its verb needs, stopped before what its last word needs, no
finite verb, a quotation cut with an ellipsis, a determiner before another, longer than a
headline) and ranked (``rank``). Another cut replaces the first only when it has no severe
flaw, fits, tells its part whole on the words it hangs on, keeps every word of sense of the
first but those of a phrase that only sets the scene, and runs no two verbs together. A
well-formed title then takes where it happened and with or against whom when they fit
(``setting_parts``); one too long loses a side part whole (``_closed``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Callable, Iterable

from timeline.extract.events.complements import role_after_as
from timeline.extract.events.complete import a_time, purpose, required
from timeline.extract.events.cuts import name_words
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.weak import title_is_weak
from timeline.extract.events.wellformed import double_determiner
from timeline.extract.events.wording import TITLE_WORDS, title_from
from timeline.records import Mention

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# How many parts are tried, the nearest to the clause's verb first: each costs a cut.
MOST_PARTS = 4
# How a word the clause needs hangs on its head: the way down to a needed part.
CORE = frozenset({"dobj", "pobj", "pcomp", "attr", "oprd", "dative", "acomp", "xcomp", "ccomp"})
# Why a title fails a reader however long it is: what a desk could not mend by shortening it.
SEVERE = frozenset({"cut", "fragment"})
ELLIPSES = ("…", "...")
# How many words shorter a title that stops before what its last word needs counts in ``rank``.
OPEN_COST = 3
# How many phrases of where or with whom are tried once the title is well formed: each costs a cut.
MOST_SETTINGS = 2
ATTRIBUTION = re.compile(r",[^,]*\b(?:says?|said|reports?|reported)$")  # written after the cut: ", officials say"
CLOSING_MARKS = frozenset("\"”’'»)")
# What a word of a needed part never stops without: its object, particle or clause.
WHOLE = frozenset({"dobj", "pobj", "prt", "xcomp", "ccomp", "acomp", "attr", "oprd", "dative"})


def chosen_title(root: "Token", keep_out: set[int], mentions: list[Mention], within: tuple[int, int],
                 finish: Callable[[str], str] = lambda title: title) -> str:
    """The best formed of the cuts of the clause under ``root`` (``title_from``'s own cut first,
    then one for each of ``needed_parts`` it left out), each written out by ``finish``. Another
    cut wins only when it says all the first says, is well formed and fits a headline."""
    first = finish(title_from(root, keep_out, mentions, within))
    left_out = [part for part in needed_parts(root, keep_out, within) if not _told(part, first)]
    cut_before = open_part(first, root, keep_out, within)
    if cut_before is not None and cut_before not in left_out:
        left_out.insert(0, cut_before)  # "an app" [to help those in need]: what the last word needs first
    names = [m.name for m in mentions]
    best, best_rank = first, rank(first, root, names, keep_out, within)
    ending = _words(first)[-1:] if cut_before is not None else []  # the word the cut stopped after stays
    for part in left_out[:MOST_PARTS]:
        title = finish(title_from(root, keep_out, mentions, within, spare=frozenset(_path(part, root))))
        score = rank(title, root, names, keep_out, within)
        if score < best_rank and score[:2] == (0, 0) and _says_all(title, first, root) and \
                set(ending) <= set(_words(title)) and _fits_part(part, title, root, keep_out):
            best, best_rank = title, score
    if best_rank[:2] != (0, 0):
        return _closed(best, best_rank, root, keep_out, mentions, within, finish, names)
    # where it happened and with or against whom, when the headline has room: "sent an envoy [to
    # London]", "threw out charges [against Ida Brandt]"
    for part in setting_parts(root, keep_out, within, best)[:MOST_SETTINGS]:
        title = finish(title_from(root, keep_out, mentions, within, spare=frozenset(_path(part, root))))
        score = rank(title, root, names, keep_out, within)
        if score < best_rank and score[:2] == (0, 0) and not Counter(_said(best)) - Counter(_said(title)) and \
                _fits_part(part, title, root, keep_out):
            best, best_rank = title, score
    return best


def _fits_part(part: "Token", title: str, root: "Token", keep_out: set[int]) -> bool:
    """Whether the cut made for ``part`` tells it whole, on its heads, and runs no verbs together."""
    return _tells(part, title) and _whole(part, title, keep_out) and not _run_together(title, root) and \
        _keeps_way(part, root, title)


def rank(title: str, root: "Token", names: Iterable[str] = (), keep_out: set[int] = frozenset(),  # type: ignore[assignment]
         within: tuple[int, int] | None = None) -> tuple[int, int, int]:
    """How a candidate title ranks, lowest best: its severe flaws, then whether it is longer
    than a headline, then the fewest words left unsaid (the most words a headline has room for),
    a title that stops before what its last word needs (``open_part``) counted ``OPEN_COST``
    words shorter: "signed up [to provide vocals]" says less than "signed up to provide vocals"
    [for a charity single], though both stop early."""
    found = flaws(title, root, names, keep_out, within)
    words = name_words(title)
    return len(found & SEVERE | found - {"long", "unnamed", "open"}), int("long" in found), \
        (words if "long" in found else OPEN_COST * ("open" in found) - words)


def flaws(title: str, root: "Token", names: Iterable[str] = (), keep_out: set[int] = frozenset(),  # type: ignore[assignment]
          within: tuple[int, int] | None = None) -> set[str]:
    """What is wrong with ``title`` cut from the clause under ``root``: ``weak.title_is_weak``'s
    reason, "ellipsis" for a quotation cut short, "garbled" for a determiner before another,
    "open" for a title that stops before what its last word needs (``open_part``)."""
    found: set[str] = set()
    if open_part(title, root, keep_out, within) is not None:
        found.add("open")
    weak = title_is_weak(title, root, names)
    if weak is not None:
        found.add(weak)
    if name_words(title) > TITLE_WORDS:
        found.add("long")
    if any(mark in title for mark in ELLIPSES):
        found.add("ellipsis")
    if double_determiner(title):
        found.add("garbled")
    return found


def needed_parts(root: "Token", keep_out: set[int], within: tuple[int, int]) -> list["Token"]:
    """The parts of the clause under ``root`` a cut may leave out though they say what its
    words are for, the nearest to ``root`` first: an infinitive of purpose, a clause a verb or
    an adjective takes, an infinitive or "that" clause on a noun ("a plan to list shares"), the
    phrase of a preposition a verb or its object selects ("a lawsuit against the promoter"), not
    one of a time or a place; each reached from ``root`` through words the clause needs, never
    through a side clause, an aside or a phrase that only sets the scene."""
    found: list[tuple[int, int, "Token"]] = []
    for token in root.subtree:
        if token.i == root.i or not within[0] <= token.i < within[1] or not _needed(token, root) or \
                any(t.i in keep_out for t in token.subtree):
            continue  # a phrase holding a time is the date's, not the title's
        depth = _depth(token, root)
        if depth is not None:
            found.append((depth, token.i, token))
    return [token for _, _, token in sorted(found, key=lambda f: (f[0], f[1]))]


def _needed(token: "Token", root: "Token") -> bool:
    """Whether ``token`` heads a part that says what the word it hangs on is for (see ``needed_parts``)."""
    head = token.head
    if token.dep_ == "advcl":
        return purpose(token)
    if token.dep_ in ("xcomp", "ccomp"):
        return head.i != root.i
    if token.dep_ == "acl":
        return head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" or
                                           c.dep_ == "mark" and c.lower_ == "that" for c in token.children)
    if token.dep_ == "prep":
        return token.lower_ in load_title_words().selected_prepositions and not a_time(token) and \
            not _a_place(token) and (head.pos_ in ("VERB", "AUX") or head.dep_ in ("dobj", "nsubjpass"))
    return False


def _depth(token: "Token", root: "Token") -> int | None:
    """Heads between ``token`` and ``root``; None when one of them is neither a word the clause
    needs (``CORE``) nor itself a needed part."""
    depth = 0
    head = token.head
    while head.i != root.i:
        if head.head.i == head.i or not (head.dep_ in CORE or _needed(head, root)):
            return None
        head = head.head
        depth += 1
    return depth


def _path(part: "Token", root: "Token") -> set[int]:
    """``part`` and its heads up to ``root``: kept, each keeps the next."""
    out = {part.i}
    token = part
    while token.head.i != root.i and token.head.i != token.i:
        token = token.head
        out.add(token.i)
    return out


def _a_place(prep: "Token") -> bool:
    """A phrase whose object is a place by its kind of name ("to Kabul", "from London")."""
    kinds = load_title_words().adjunct_entities
    return any(c.dep_ == "pobj" and c.ent_type_ in kinds for c in prep.children)


def _told(part: "Token", title: str) -> bool:
    """Whether the title already holds the part's words (or the name written for them)."""
    words = {re.sub(r"['’]s$", "", w.strip("“”\"',.;:")).lower() for w in title.split()}
    content = [t.lower_ for t in part.subtree if t.is_alpha and t.pos_ in ("NOUN", "VERB", "ADJ", "NUM")]
    return bool(content) and all(w in words for w in content) or (
        not content and part.lower_ in words)


def _said(title: str) -> list[str]:
    """The words of ``title`` that carry its sense, each as often as the title says it."""
    function = load_title_words().never_last
    return [w for w in _words(title) if w not in function]


def _says_all(title: str, first: str, root: "Token") -> bool:
    """Whether ``title`` keeps every word of sense of ``first`` but those of a whole phrase that
    only sets the scene ("in connection with the death"): a cut that adds what the act was for
    but loses who said it or with whom it was done trades one loss for another."""
    words = {re.sub(r"['’]s$", "", w).lower() for w in re.findall(r"[\w'’-]+", title)}
    scene: set[str] = set()
    kept: set[str] = set()
    for token in root.subtree:
        phrase = _scene(token, root)
        (scene if phrase is not None and phrase.lower_ not in words else kept).add(token.lower_)
    return all(w in scene and w not in kept for w in set(_said(first)) - set(_said(title)))


def _scene(token: "Token", root: "Token") -> "Token | None":
    """The outermost preposition of a phrase that only sets the scene and holds ``token`` (not a
    needed part, nor inside one), or None."""
    found = None
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ == "prep":
            found = None if _needed(token, root) else token
        token = token.head
    return found


def _whole(part: "Token", title: str, keep_out: set[int]) -> bool:
    """Whether no word of ``part`` the title keeps lacks the object, particle or clause it takes
    ("to force a crowd" [back])."""
    words = {w.lower() for w in re.findall(r"[\w'’-]+", title)}
    particles = load_title_words().particles
    for token in part.subtree:
        if token.lower_ not in words:
            continue
        for child in token.children:
            needs = child.dep_ in WHOLE or (child.dep_ == "advmod" and child.lower_ in particles)
            if needs and child.i not in keep_out and child.is_alpha and child.lower_ not in words:
                return False
    return True


def _run_together(title: str, root: "Token") -> bool:
    """Whether two verbs of the clause stand side by side in ``title`` though the sentence parts
    them ("was arrested charged", "quarantined tested"): a cut inside a list of what was done."""
    verbs = {t.lower_: t.i for t in root.subtree if t.pos_ == "VERB"}
    words = [w.lower() for w in re.findall(r"[\w'’-]+", title)]
    return any(a in verbs and b in verbs and verbs[b] - verbs[a] > 1 for a, b in zip(words, words[1:]))


def _tells(part: "Token", title: str) -> bool:
    """Whether ``title`` holds the word that heads ``part`` and the word that word governs first
    ("disperse" and "crowd"; "to" and "Haiti"): the cut made for the part does tell it."""
    words = {re.sub(r"['’]s$", "", w).lower() for w in re.findall(r"[\w'’-]+", title)}
    governed = next((c for c in part.children if c.dep_ in WHOLE and c.is_alpha), None)
    return part.lower_ in words and (governed is None or governed.lower_ in words)


def open_part(title: str, root: "Token", keep_out: set[int] = frozenset(),  # type: ignore[assignment]
              within: tuple[int, int] | None = None) -> "Token | None":
    """The part of the clause right after the title's last word that this word needs and the
    title left out, or None: "design an app" [to help those in need], "a corrupt relationship"
    [with a former adviser], "cheated of thousands" [of votes], "whether the letters amount" [to a
    breach]. Read on the parse: the phrase the next word of the sentence opens hangs on a word
    the title keeps, and a title that keeps that word keeps it (``complete.required``, or a part
    ``needed_parts`` finds); a time, or a part after a comma, is no such part."""
    words = _words(ATTRIBUTION.sub("", title.rstrip(" .,;:")))
    if not words:
        return None
    words_of = load_title_words()
    doc = root.doc
    lo, hi = within if within is not None else (root.left_edge.i, root.right_edge.i + 1)
    clause = [t for t in root.subtree if lo <= t.i < hi]
    last = next((t for t in reversed(clause) if t.lower_ == words[-1]), None)
    if last is None:
        return None
    after = last.i + 1
    while after < hi and doc[after].text in CLOSING_MARKS:
        after += 1  # "find it “difficult”" [to attend]: past the quotation's closing mark
    if after >= hi or after in keep_out or doc[after].is_punct:
        return None
    part = doc[after]
    while part.head.i >= after and part.head.i != part.i:
        part = part.head
    inside = {t.i for t in clause}
    if part.head.i == part.i or part.i not in inside or part.head.lower_ not in set(words) or \
            part.dep_ in ("conj", "cc") or a_time(part) or any(t.i in keep_out for t in part.subtree):
        return None
    if part.dep_ == "prep" and part.lower_ == "of" and part.head.pos_ == "NOUN" and \
            part.head.lemma_.lower() not in words_of.partitive_nouns | words_of.relational_nouns:
        return None  # "the outbreak" [of swine flu] says what it is of well enough
    return part if required(part) or _needed(part, root) or _completes(part) else None


def _completes(part: "Token") -> bool:
    """What ``part`` adds to the word it hangs on that the parse does not mark as required: a
    clause of what is to be on a noun said of something ("announced a plan" [that would let…];
    not "talks [that lasted hours]", which only describes them) or on one of a set
    ("one of the major players" [that pulled…]), the phrase a verb the parser read as a noun
    selects ("whether the letters amount" [to a breach])."""
    head = part.head
    words = load_title_words()
    if part.dep_ in ("relcl", "acl"):
        if not any(c.tag_ in ("WDT", "WP") or c.lower_ in ("to", "that") for c in part.children):
            return False  # "the threat [facing the government]": a participle only describes
        foretold = any(c.tag_ == "MD" or (c.dep_ == "aux" and c.lower_ == "to") for c in part.children)
        return foretold and head.lemma_.lower() in words.relational_nouns or (
            head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in words.defined_heads)
    noun = next((c for c in part.children if c.dep_ == "pobj"), None)
    return part.dep_ == "prep" and head.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "conj") and \
        part.lower_ in words.selected_prepositions and noun is not None and noun.ent_type_ not in words.adjunct_entities


def setting_parts(root: "Token", keep_out: set[int], within: tuple[int, int], title: str) -> list["Token"]:
    """Phrases of the clause ``title`` leaves out that say where it happened or with or against
    whom (``title_words.yaml``, place_prepositions and party_prepositions: "to London", "against
    Ida Brandt"), or the role an "as" gives ("elected Brandt as president"), the nearest to the
    verb first; each reached from ``root`` through words the clause needs."""
    words = load_title_words()
    said = set(_words(title))
    found: list[tuple[int, int, "Token"]] = []
    for token in root.subtree:
        if token.dep_ != "prep" or not within[0] <= token.i < within[1] or token.i in keep_out or a_time(token):
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if not objects or all(t.lower_ in said for t in token.subtree if t.is_alpha and t.dep_ != "det"):
            continue
        place = token.lower_ in words.place_prepositions and objects[0].ent_type_ in words.adjunct_entities
        party = token.lower_ in words.party_prepositions and (objects[0].ent_type_ in words.party_entities or (
            objects[0].lemma_.lower() in words.person_nouns | words.role_nouns))  # "against the singer's doctor"
        depth = _depth(token, root) if place or party or role_after_as(token) else None
        if depth is not None and not any(t.i in keep_out for t in token.subtree):
            found.append((depth, token.i, token))
    return [token for _, _, token in sorted(found, key=lambda f: (f[0], f[1]))]


def _words(title: str) -> list[str]:
    """The words of ``title``, lower-cased, without a possessive ending."""
    return [re.sub(r"['’]s$", "", w).lower() for w in re.findall(r"[\w'’-]+", title)]


# What a title too long for a headline may lose whole, when no word of it requires the part.
LOOSE = frozenset({"appos", "relcl", "acl", "conj"})
# Side parts a title that stops before what its last word needs may lose whole instead.
LOSABLE = frozenset({"advcl", "acl", "relcl", "conj", "prep", "xcomp", "ccomp"})


def _closed(best: str, best_rank: tuple[int, int, int], root: "Token", keep_out: set[int], mentions: list[Mention],
            within: tuple[int, int], finish: Callable[[str], str], names: list[str]) -> str:
    """A title longer than a headline loses a side part whole, when what is left is whole and fits:
    if it stops before what its last word needs (``open_part``), the side part that word belongs
    to, the innermost first ("would appoint a commission [to examine whether the letters
    amount]"); otherwise the shortest of its asides, clauses on a noun and second conjuncts that
    are no part of what its words require (``complete.required``) and name no actor."""
    if best_rank[1] == 0:
        return best  # a headline that stops early is left as it is: what it keeps says more than less would
    part = open_part(best, root, keep_out, within)
    said = set(_words(best))
    sides = _sides(part.head, root) if part is not None else sorted(
        (t for t in root.subtree if t.i != root.i and within[0] <= t.i < within[1] and _loose(t)
         and any(w.lower_ in said for w in t.subtree if w.is_alpha) and not _in_a_name(t, mentions)),
        key=lambda t: (len(list(t.subtree)), t.i))
    for side in sides[:MOST_PARTS]:
        cut = keep_out | {t.i for t in side.subtree}
        title = finish(title_from(root, cut, mentions, within))
        score = rank(title, root, names, cut, within)
        ends_on_its_head = _words(ATTRIBUTION.sub("", title))[-1:] == [side.head.lower_]  # "to examine" [whether…]
        # a phrase its kept head takes is no side part: "accused the authority" [of allowing…]
        taken = side.dep_ == "prep" and required(side) and side.head.lower_ in _words(title)
        if score[:2] == (0, 0) and not open_part(title, root, cut, within) and not ends_on_its_head and not taken and \
                not _run_together(title, root):
            return title
    return best


def _sides(word: "Token", root: "Token") -> list["Token"]:
    """The side parts (``LOSABLE``) holding ``word``, the innermost first; not what the verb says."""
    out: list["Token"] = []
    while word.i != root.i and word.head.i != word.i:
        if word.dep_ in LOSABLE and (word.dep_ not in ("xcomp", "ccomp") or word.head.i != root.i):
            out.append(word)
        word = word.head
    return out


def _in_a_name(part: "Token", mentions: list[Mention]) -> bool:
    """Whether ``part`` is inside a name ("Man [in the Mirror]") or names an actor ("the health
    minister, [Ida Brandt]", "Ivo Stern [and Lena Brook]"): who did it is never lost."""
    return any(m.start <= part.idx < m.end and m.start <= part.head.idx < m.end or (
        m.kind != "place" and any(m.start <= t.idx < m.end for t in part.subtree)) for m in mentions)


def _loose(part: "Token") -> bool:
    """Whether ``part`` is an aside, a clause describing a noun or a second conjunct that no word
    of the clause requires: what a title too long loses first (not a phrase of why or how, "in
    protest at the arrest", nor an adverbial, "stepped in", "$75 a barrel")."""
    return part.dep_ in LOOSE and not required(part)


def _keeps_way(part: "Token", root: "Token", title: str) -> bool:
    """Whether ``title`` keeps the words ``part`` hangs on, up to the clause's verb ("the first
    people" [to develop the flu])."""
    words = set(_words(title))
    return all(root.doc[i].lower_ in words for i in _path(part, root) - {part.i} if root.doc[i].is_alpha)
