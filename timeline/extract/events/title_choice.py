"""A title chosen among several cuts of one clause by how well each is formed.

``wording.title_from`` cuts a clause to a headline by one order of what goes first, and
that order sometimes takes what the verb was said for: "visited a farm" [to urge
peasants to boost production], "considered filing a lawsuit" [to block the payments],
"called for the mortgage lenders" [to halt foreclosures]. Here the same clause is cut
again with each such part kept in turn (``needed_parts``: a purpose, a clause a word
takes, what a noun after the verb is for, the phrase of a preposition the verb selects),
each candidate is judged (``flaws``: cut before what its verb needs, no finite verb, a
quotation cut with an ellipsis, a determiner before another, longer than a headline) and
ranked (``rank``: the fewest flaws, then the most words a headline has room for). Another
cut replaces the first only when it has no flaw, tells the part it was made for whole, keeps
every word of sense of the first but those of a phrase that only sets the scene, and runs no
two verbs together; otherwise the first stays, and ``weak.title_is_weak`` says what is wrong.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterable

from timeline.extract.events.complete import a_time, purpose
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
# What a word of a needed part never stops without: its object, particle or clause.
WHOLE = frozenset({"dobj", "pobj", "prt", "xcomp", "ccomp", "acomp", "attr", "oprd", "dative"})


def chosen_title(root: "Token", keep_out: set[int], mentions: list[Mention], within: tuple[int, int],
                 finish: Callable[[str], str] = lambda title: title) -> str:
    """The best formed of the cuts of the clause under ``root`` (``title_from``'s own cut first,
    then one for each of ``needed_parts`` it left out), each written out by ``finish``. Another
    cut wins only when it says all the first says, is well formed and fits a headline."""
    first = finish(title_from(root, keep_out, mentions, within))
    left_out = [part for part in needed_parts(root, keep_out, within) if not _told(part, first)]
    if not left_out:
        return first
    names = [m.name for m in mentions]
    best, best_rank = first, rank(first, root, names)
    for part in left_out[:MOST_PARTS]:
        title = finish(title_from(root, keep_out, mentions, within, spare=frozenset(_path(part, root))))
        score = rank(title, root, names)
        if score < best_rank and score[:2] == (0, 0) and _tells(part, title) and _says_all(title, first, root) and \
                _whole(part, title, keep_out) and not _run_together(title, root):
            best, best_rank = title, score
    return best


def rank(title: str, root: "Token", names: Iterable[str] = ()) -> tuple[int, int, int]:
    """How a candidate title ranks, lowest best: its severe flaws, then whether it is longer
    than a headline, then the fewest words left unsaid (the most words a headline has room for)."""
    found = flaws(title, root, names)
    words = name_words(title)
    return len(found & SEVERE | found - {"long", "unnamed"}), int("long" in found), \
        (words if "long" in found else -words)


def flaws(title: str, root: "Token", names: Iterable[str] = ()) -> set[str]:
    """What is wrong with ``title`` cut from the clause under ``root``: ``weak.title_is_weak``'s
    reason, "ellipsis" for a quotation cut short, "garbled" for a determiner before another."""
    found: set[str] = set()
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


def _content(title: str) -> set[str]:
    """The words of ``title`` that carry its sense: not those a phrase may lose or gain in a cut."""
    function = load_title_words().never_last
    return {w for w in (re.sub(r"['’]s$", "", w.strip("“”\"',.;:")).lower() for w in title.split())
            if w and w not in function}


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
    return all(w in scene and w not in kept for w in _content(first) - _content(title))


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
    """Whether the words of ``part`` the title keeps stop where the part does: no word of it
    kept without the object, particle or clause it takes ("to force a crowd" [back])."""
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
