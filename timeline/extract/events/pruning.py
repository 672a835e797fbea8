"""How a title too long for a headline is cut: the kinds of parts pruned, one kind after
the other, and how pruned parts come back while they fit, so that a title loses no more
than it must and never stops where its phrase goes on. Used by ``wording.title_from``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from timeline.extract.events.complements import needed_clause, needs_what_follows
from timeline.extract.events.title_words import load_title_words

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# Dropped one kind after the other, while the title is longer than a headline. The last
# kind holds the side clauses a verb or its object needs (complements.needed_clause).
PRUNING_ORDER = (frozenset({"conj", "cc"}), frozenset({"npadvmod", "advmod"}), frozenset({"prep", "agent"}),
                 frozenset({"acl", "xcomp", "ccomp", "relcl", "advcl"}))
PRUNABLE = frozenset().union(*PRUNING_ORDER)


def give_back_rank(part: "Token") -> int:
    """Which pruned parts come back first (from the left within a rank): a clause a verb
    takes, what a claim said and the agent of a passive (0), the other phrases and clauses
    (1), adverbs (2), a second conjunct (3)."""
    if part.dep_ in PRUNING_ORDER[0]:
        return 3
    if part.dep_ in PRUNING_ORDER[1]:
        return 2
    if part.dep_ in ("xcomp", "ccomp") and part.head.pos_ in ("VERB", "AUX"):
        return 0  # "ordered him to leave", "was told that it would pay"
    if needed_clause(part) and any(c.dep_ == "aux" and c.lower_ == "to" for c in part.children):
        return 0  # "sent a plane to pick up the children": before the phrases around it
    if part.dep_ in ("acl", "ccomp") and part.head.dep_ in ("dobj", "nsubjpass") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in part.children):
        return 0  # "denied claims that he will join": what the claims were
    return 0 if part.dep_ == "agent" else 1


def ending_kept(chosen: list[int], root: "Token", fits: Callable[[list[int]], bool],
                 sparing: Callable[[set[int]], list[int]], dropped: set[int], given: list[set[int]]) -> list[int]:
    """A title never stops on a word whose phrase goes on in the sentence: "was run" [by an
    agent], "headed" [to Kabul], "ordered him" [to leave], "detained up" [to 450 people],
    "close" [to the border]. The pruned part that continues it comes back, in place of parts
    given back before it (the last first) when it does not fit beside them; an adverb that
    cannot keep its phrase goes."""
    doc = root.doc
    removed: set[int] = set()  # words taken off the end: never given back
    for _ in range(3):
        if not chosen:
            return chosen
        last = doc[chosen[-1]]
        if last.dep_ == "advmod" and last.pos_ == "ADV" and (
                last.lower_ in load_title_words().dropped_adverbs or last.children) and \
                not any(t.i in chosen for c in last.children for t in c.subtree):
            removed.add(last.i)
            chosen = chosen[:-1]  # "died shortly" [before the tour], "later": the adverb measured what went
            continue
        after = last.i + 1
        while after < len(doc) and after in dropped and after not in chosen and doc[after].text not in ",;:.":
            after += 1  # past a time expression: "was run [on Monday] by an agent"
        if after >= len(doc) or after in dropped or after in chosen or after in removed:
            return chosen
        part = doc[after]
        while part.dep_ not in PRUNABLE and part.head.i != part.i and part.head.i not in chosen:
            part = part.head
        continues = part.dep_ in PRUNABLE - PRUNING_ORDER[0] and (part.head.i == last.i or (
            part.head.i == last.head.i and last.dep_ in ("dobj", "prt", "advmod", "amod")))
        if not continues or not (last.pos_ in ("VERB", "AUX", "ADV", "ADP", "ADJ", "PART")
                                 or (last.dep_ == "dobj" and needs_what_follows(last.head))):
            return chosen
        trial = sparing(set().union({part.i}, *given))
        if part.i in trial and fits(trial):
            return trial
        bringing = next((g for g in given if any(doc[i].i in g for i in _ancestry(last, root))), None)
        if bringing is not None and not bringing & {t.i for t in root.subtree if t.dep_ not in PRUNABLE
                                                   and t.head.i == root.i}:
            # "announced that his party would contest the election after failing": the part
            # that brought the word goes back out
            given = [g for g in given if g is not bringing]
            chosen = sparing(set().union(*given))
            continue
        if last.dep_ in ("advmod", "prt", "amod") and last.head.i != last.i and not (
                last.dep_ == "amod" and last.i < last.head.i):
            removed.add(last.i)
            chosen = [i for i in chosen if i != last.i]  # "detained up", "aircraft close": the word goes
            continue
        # "ordered him" [to leave]: parts given back before it make room, the last first
        for cut in range(len(given) - 1, -1, -1):
            trial = sparing(set().union({part.i}, *given[:cut]))
            if part.i in trial and last.i in trial and fits(trial):
                return trial
        return chosen
    return chosen


def _ancestry(token: "Token", root: "Token") -> list[int]:
    """The token and its heads up to ``root``."""
    out = [token.i]
    while token.i != root.i and token.head.i != token.i:
        token = token.head
        out.append(token.i)
    return out
