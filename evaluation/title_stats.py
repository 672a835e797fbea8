"""Figures of a built store's titles that need no labels.

    python evaluation/title_stats.py CONTENT [CONTENT ...]

CONTENT is a built content folder (``content/events/*.yaml`` inside it), such as the one
``python -m evaluation.tls NAME FOLDER`` leaves in ``FOLDER/content``. For each it prints the
share of titles: with no one named as their subject, over 14 words (every word of a name counted),
ending on a function word, holding a speaker's own words ("I", "we", "our", "you") outside
quotation marks, holding quotation marks, failing the checks of one well-formed clause
(``timeline/extract/events/wellformed.py``: a determiner before another, or two finite verbs
with nothing to join them, read on the title's own parse), and stopping before what its last
word requires: read on the parse of the event's source sentence, the title's last word has a
part after it that a complete title keeps (``timeline/extract/events/complete.py``: an
object, a complement, the phrase of a selected preposition) and the title has none of its
words ("has offered an extra $100bn" [for what]).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation.eval_real_news import TITLE_WORDS, percent, stored_events, title_words  # noqa: E402
from timeline.extract.events.quotes import FIRST_PERSON  # noqa: E402
from timeline.extract.events.title_words import load_title_words  # noqa: E402
from timeline.extract.events.weak import unnamed_subject  # noqa: E402
from timeline.extract.events.wellformed import double_determiner, unjoined_verbs  # noqa: E402

_QUOTED = re.compile(r"“[^”]*”?")
_WORD = re.compile(r"[\w’']+")


def names(event: dict[str, Any]) -> list[str]:
    return [str(a["name"]) for a in event.get("actors") or []]


def function_word_last(title: str) -> bool:
    words = title.rstrip(" .,;:…”").split()
    return bool(words) and words[-1].lower().strip("“”\"'") in load_title_words().never_last


def run_in_words(title: str) -> bool:
    """Whether the title holds a speaker's own words with no quotation marks around them."""
    outside = _QUOTED.sub(" ", title)
    return any(w.lower() in FIRST_PERSON and w != "US" for w in _WORD.findall(outside))  # "US" is a country


def garbled(titles: list[str]) -> list[bool]:
    """For each title, whether it fails a check of one well-formed clause."""
    from timeline.config import DEFAULTS
    from timeline.extract.pipeline import load_pipeline

    nlp = load_pipeline(DEFAULTS["nlp"]["pipeline"])
    return [double_determiner(title) or unjoined_verbs(list(doc))
            for title, doc in zip(titles, nlp.pipe(_QUOTED.sub("“…”", t) for t in titles))]


def cut_short(events: list[dict[str, Any]]) -> list[bool]:
    """For each event, whether its title stops before a part its last word requires, read
    on the parse of its first source sentence."""
    from timeline.config import DEFAULTS
    from timeline.extract.events.complete import required
    from timeline.extract.pipeline import load_pipeline

    nlp = load_pipeline(DEFAULTS["nlp"]["pipeline"])
    quotes = [str((e.get("sources") or [{}])[0].get("quote", "")) for e in events]
    out: list[bool] = []
    for event, doc in zip(events, nlp.pipe(quotes)):
        words = [w.lower() for w in _WORD.findall(str(event.get("title", "")).rstrip(" .…”"))]
        if not words:
            out.append(False)
            continue
        matches = [t for t in doc if t.lower_ == words[-1]]
        # the occurrence whose word before it is the title's word before it, if there is one
        last = next((t for t in matches if len(words) > 1 and t.i > 0 and doc[t.i - 1].lower_ == words[-2]),
                    matches[0] if matches else None)
        # the last word and the words it hangs on that the title keeps ("ordered a guard" [to …])
        heads = []
        while last is not None and last.lower_ in words and last not in heads:
            heads.append(last)
            last = last.head
        end = heads[0].i if heads else 0
        out.append(any(
            c.i > end and required(c) and c.dep_ not in ("nsubj", "nsubjpass", "csubj", "expl", "aux", "auxpass")
            and not any(t.lower_ in words for t in c.subtree if t.is_alpha) for h in heads for c in h.children))
    return out


def report(content: Path) -> str:
    events = stored_events(content)
    titles = [(str(e.get("title", "")), e) for e in events]
    failing = garbled([t for t, _ in titles])
    shares = {
        "no one named as subject": sum(unnamed_subject(t, names(e)) for t, e in titles),
        f"over {TITLE_WORDS} words": sum(title_words(e) > TITLE_WORDS for _, e in titles),
        "ending on a function word": sum(function_word_last(t) for t, _ in titles),
        "own words run in": sum(run_in_words(t) for t, _ in titles),
        "with quotation marks": sum("“" in t for t, _ in titles),
        "not one well-formed clause": sum(failing),
        "stopping before what its last word requires": sum(cut_short(events)),
    }
    return f"{content.parent.name}: {len(events)} events; " + ", ".join(
        f"{label} {percent(count, len(events))} ({count})" for label, count in shares.items())


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip())
        return 2
    for folder in argv:
        print(report(Path(folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
