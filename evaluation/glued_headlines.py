"""How often a scraped article's headline is still run into its first sentence, per tls-dev collection.

Each article is read as a build reads it (its first line a headline or, when it is already a
sentence, body; page chrome set aside). Printed per collection: the articles, the share whose
headline was split off the first line (the article's title is that headline), and the share whose
first sentence still shows a headline run into it: a run of two capitalised words among its first
four that comes back later in the same sentence ("Mary Keel wins vote Union leader Mary Keel
said ..."), a run of words in capitals opening it ("PORT STRIKE ENDS Dock workers ..."), or a
capitalised article or pronoun after a lower-case word past its second word ("... ends strike The
union said ...").

    python -m evaluation.glued_headlines [NAME ...] [--show N]

``--show N`` prints N first sentences of each collection that still show the cue, for reading.
"""

from __future__ import annotations

import argparse
import re

from evaluation.tls import COLLECTIONS, articles
from timeline.sources.assemble import cleaned_of
from timeline.sources.chrome import GLUED
from timeline.sources.text_files import read_text

_SENTENCE_END = re.compile(r"[.!?][\"')]*\s+(?=[\"'(]?[A-Z0-9])")
_OPENING = 4  # words among which the repeated run starts
_OPENERS = frozenset(["The", "A", "An", "He", "She", "They", "It", "His", "Her", "Their"])


def first_sentence(text: str) -> str:
    """The first sentence of the first paragraph, as far as a plain stop shows it."""
    paragraph = text.strip().split("\n\n", 1)[0]
    found = _SENTENCE_END.search(paragraph)
    return paragraph[:found.start() + 1] if found else paragraph


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[:1].isupper() and word.replace("-", "").isalpha()


def still_glued(sentence: str) -> bool:
    """A run of two capitalised words among the opening ones that comes back later in the sentence,
    two or more words in capitals opening it, or an article or pronoun capitalised inside it."""
    words = [w.strip("\"'`(),:;.").removesuffix("'s") for w in sentence.split()]
    if len(words) > 1 and all(len(w) > 1 and w.isupper() and w.isalpha() for w in words[:2]) and \
            max(len(w) for w in words[:2]) > 3:
        return True
    raw = sentence.split()
    if any(w in _OPENERS and before[-1:].islower() for before, w in zip(raw[1:], raw[2:])):
        return True
    for i in range(min(_OPENING, len(words) - 1)):
        pair = words[i:i + 2]
        if all(_capitalised(w) for w in pair):
            if any(words[j:j + 2] == pair for j in range(i + 3, len(words) - 1)):
                return True
    return False


def survey(name: str) -> tuple[int, int, list[str]]:
    """Articles, how many had a headline split off their first line, and the first sentences still glued."""
    total, split, glued = 0, 0, []
    for doc in articles(name):
        drafts, _ = read_text(doc["text"], doc["id"])
        if not drafts:
            continue
        cleaned = cleaned_of(drafts[0])
        if not cleaned.text.strip():
            continue
        total += 1
        kept_from = cleaned.offsets[0][1] if cleaned.offsets else 0  # where the first kept text is in the file
        if cleaned.heading or any(r.rule == GLUED and r.src < kept_from for r in cleaned.removed):
            split += 1
        sentence = first_sentence(cleaned.text)
        if still_glued(sentence):
            glued.append(sentence)
    return total, split, glued


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("names", nargs="*", default=COLLECTIONS)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    print(f"{'collection':28} {'articles':>8} {'split':>7} {'glued':>7}")
    sums = [0, 0, 0]
    for name in args.names:
        total, split, glued = survey(name)
        sums = [sums[0] + total, sums[1] + split, sums[2] + len(glued)]
        print(f"{name:28} {total:8d} {split / total:7.1%} {len(glued) / total:7.1%}")
        for sentence in glued[:args.show]:
            print("    ", sentence[:200])
    print(f"{'all':28} {sums[0]:8d} {sums[1] / sums[0]:7.1%} {sums[2] / sums[0]:7.1%}")


if __name__ == "__main__":
    main()
