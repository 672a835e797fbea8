"""Whether a title is one a news desk would not print as it stands.

A title is read alone on a timeline. It fails a reader when it names no one for
what happened ("The singer was discharged", "He said…"), when it is longer than
a headline, when it stops before what its verb needs ("X called them", "set",
"did not say what"), or when it has no finite verb ("The peace process launched
by Nawaz Sharif"). ``title_is_weak`` says which, so that what decides whether a
happening is listed can prefer another clause, or leave it out, rather than print
a bad title. Its verdict reads the title and the clause it was cut from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from timeline.extract.events.cuts import name_words
from timeline.extract.events.title_words import load_title_words
from timeline.extract.events.vocabulary import load_vocabulary
from timeline.extract.events.wording import TITLE_WORDS

if TYPE_CHECKING:
    from timeline.extract.events.tokens import Token

# Openings that name no one.
UNNAMED_OPENINGS = frozenset({"he", "she", "his", "her", "it", "its", "they", "their", "them", "i", "we", "you",
                              "this", "that", "these", "those", "there", "one", "some", "many", "several",
                              "who", "whom", "whose", "which"})
# Openings of a relative clause: a title that starts on one lost the noun it describes.
RELATIVE_OPENINGS = frozenset({"who", "whom", "whose", "which"})
OBJECT_PRONOUNS = frozenset({"them", "it", "him", "her", "this", "that", "so"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# What keeps a title past the lede off the timeline: a longer one is cut, not dropped.
UNPRINTABLE = frozenset({"cut", "fragment"})


def title_is_weak(title: str, root: "Token", names: Iterable[str] = ()) -> str | None:
    """Why ``title`` (cut from the clause under ``root``, whose actors are ``names``)
    would not be printed: "unnamed", "long", "cut" or "fragment"; None when a desk
    could print it."""
    names = sorted({n for n in names if n}, key=len, reverse=True)
    if not title.strip() or title.split(" ", 1)[0].lower() in RELATIVE_OPENINGS:
        return "fragment"  # "Whose death was reported…": a relative clause cut from the noun it is of
    if unnamed_subject(title, names):
        return "unnamed"
    # a title cut or with no finite verb is that, however long: a desk could shorten it, not mend it
    if _cut(title, root):
        return "cut"
    if not _finite(root):
        return "fragment"
    if name_words(title) > TITLE_WORDS:
        return "long"
    return None


def unnamed_subject(title: str, names: list[str]) -> bool:
    """Its subject is a pronoun, or a description ("The singer", "The group") with no name in it."""
    if any(title.startswith(name) for name in names):
        return False
    first = title.split(" ", 1)[0].lower().strip("“\"'")
    if first in UNNAMED_OPENINGS:
        return True
    if first not in ("the", "a", "an"):
        return False
    opening = title.split()[1:4]  # "The singer", "The former chairman of…"
    head = next((w for w in opening if not w[:1].isupper() or w.lower() in ("of",)), None)
    return head is not None and all(not w[:1].isupper() for w in opening[:opening.index(head) + 1])


def _cut(title: str, root: "Token") -> bool:
    words = title.rstrip(" .,;:").split()
    if not words:
        return True
    vocabulary = load_title_words()
    last = words[-1].lower().strip("“”\"'")
    if last in vocabulary.never_last:
        return True
    if _said_nothing(words, root):
        return True
    needs = root.lemma_.lower() in vocabulary.needs_complement
    if not needs:
        return False
    # "X called them", "set": a verb that needs what follows, and nothing, or only a pronoun, after it
    if last == root.lower_:
        return True
    return len(words) >= 2 and last in OBJECT_PRONOUNS and words[-2].lower() == root.lower_


def _said_nothing(words: list[str], root: "Token") -> bool:
    """"Angela Merkel said during a visit to Austria": a verb of saying whose title keeps no word
    of what was said."""
    said = [c for c in root.children if c.dep_ == "ccomp"]
    if not said or root.lemma_.lower() not in load_vocabulary().reporting:
        return False
    kept = {w.lower().strip("“”\"',.") for w in words}
    return not any(t.lower_ in kept for c in said for t in c.subtree if t.is_alpha)


def _finite(root: "Token") -> bool:
    """A finite verb heads the title: a past or present tense, or an auxiliary with it
    ("has testified", "will meet", "was charged")."""
    if root.pos_ not in ("VERB", "AUX"):
        return False
    if root.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in root.children)
