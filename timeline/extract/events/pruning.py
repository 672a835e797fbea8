"""How a title too long for a headline is cut: the kinds of parts pruned, one kind after
the other, and how pruned parts come back while they fit, so that a title loses no more
than it must and never stops where its phrase goes on. Used by ``wording.title_from``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from timeline.extract.events.complements import keeps_truth, needed_clause, needs_what_follows, restricts, stranded
from timeline.extract.events.complete import a_time, bound_adverb
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.vocabulary import load_vocabulary

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
                last.lower_ in load_title_words().dropped_adverbs or last.children or _measured(last, chosen)) and \
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
        if not continues or a_time(part) or not (last.pos_ in ("VERB", "AUX", "ADV", "ADP", "ADJ", "PART")
                                                 or (last.dep_ == "dobj" and needs_what_follows(last.head))):
            return chosen  # "was expected to rise" [in the coming days]: a time is no part of the phrase
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


def _measured(adverb: "Token", chosen: list[int]) -> bool:
    """"shortly [before the tour]", "soon [after the vote]": an adverb followed by the
    conjunction or preposition of a part that went measured that part."""
    after = adverb.i + 1
    if after >= len(adverb.doc) or after in chosen or adverb.head.pos_ not in ("VERB", "AUX"):
        return False
    word = adverb.doc[after]
    part = word.head if word.dep_ == "mark" else word  # the clause a conjunction opens, or the phrase
    return word.dep_ in ("mark", "prep") and part.head.i == adverb.head.i


def _ancestry(token: "Token", root: "Token") -> list[int]:
    """The token and its heads up to ``root``."""
    out = [token.i]
    while token.i != root.i and token.head.i != token.i:
        token = token.head
        out.append(token.i)
    return out


def collect(root: "Token", dropped: set[int], kinds: frozenset[str], elided: set[int],
             spared: set[int] = frozenset(), seen: set[str] | None = None) -> list[int]:  # type: ignore[assignment]
    """The words of the clause without the parts of ``kinds`` (but those
    ``spared``); ``seen`` collects the kinds of the parts that could be pruned."""
    out: list[int] = []
    stack = [root]
    while stack:
        token = stack.pop()
        if token.i in dropped:
            continue
        if token.i not in elided:
            out.append(token.i)
        for child in token.children:
            if child.dep_ in PRUNABLE and (child.dep_ in kinds or seen is not None) and _prunable(child, token, root):
                if seen is not None:
                    seen.add(child.dep_)
                if child.dep_ in kinds and child.i not in spared:
                    continue
            stack.append(child)
    out.sort()
    content = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    if content is not None and content.i not in dropped:
        # '"Panic is futile," said Maria Shcherbenko' -> Maria Shcherbenko said panic is futile
        inner = {t.i for t in content.subtree}
        speaker = {t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        head = [i for i in out if i in speaker] + [root.i]
        out = head + [i for i in out if i in inner]
    return out


def _prunable(child: "Token", parent: "Token", root: "Token") -> bool:
    if child.dep_ in ("conj", "cc"):
        # a second clause, not a second actor; but "…, as well as dependents" is an addition
        return parent.pos_ in ("VERB", "AUX") or any(
            c.dep_ == "cc" and c.lower_ == "as" and c.i > 0 and c.doc[c.i - 1].lower_ == "well"
            for c in parent.children)
    if child.dep_ in ("xcomp", "ccomp") and (parent.i == root.i or parent.pos_ not in ("VERB", "AUX")):
        return False  # "said it had expelled a submarine", "was about to cut" need what follows
    if stranded(child):
        return False  # "would be dealt with": the preposition is part of the verb
    if bound_adverb(child):
        return False  # "just how wayward", "so far"
    if child.dep_ == "advmod" and parent.pos_ == "ADJ" and parent.dep_ == "amod":
        return False  # "the first commercially available test": the adverb is part of what the test is
    if child.dep_ == "advmod" and (restricts(child) or keeps_truth(child)):
        return False  # "only" of "only after the ferry had sunk"; "had largely been contained"
    if child.dep_ == "prep" and child.lower_ == "of" and (parent.pos_ in ("NUM", "PRON", "DET")
                                                         or parent.lower_ in load_title_words().partitive_nouns):
        return False  # "one of her bodyguards", "some of the banks": the number alone names nothing
    if child.dep_ == "prep" and child.lower_ == "of" and parent.dep_ in ("nsubj", "nsubjpass") and \
            (parent.head.i == root.i or (parent.head.dep_ == "ccomp" and parent.head.head.i == root.i)) and \
            parent.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in parent.children) and \
            not any(t.dep_ == "appos" for t in parent.subtree):  # "the head of X, Margaret Chan": her name
        return False  # "the spread of the virus", "the possibility of a rescue": which one is meant
    if child.dep_ == "advmod" and child.i == parent.i + 1 and parent.pos_ in ("VERB", "AUX") and \
            child.lower_ in load_title_words().particles:
        return False  # "have stepped back": the adverb is part of the verb
    if child.dep_ == "prep" and child.lower_ == "as" and parent.i == root.i and \
            root.lemma_.lower() in load_vocabulary().as_complements:
        return False  # "described the demonstrations as a threat": what he called them
    if child.dep_ == "prep" and child.lower_ == "of" and parent.dep_ == "pobj" and parent.head.lower_ == "as" \
            and parent.head.head.i == root.i and root.lemma_.lower() in load_vocabulary().as_complements:
        return False  # "as a violation of international law", never "as a violation"
    return True
