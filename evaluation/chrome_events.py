"""How many of a built timeline's events were read from page chrome, and events per article.

Usage: python -m evaluation.chrome_events FOLDER [FOLDER ...]

FOLDER is a content folder's parent as ``evaluation.tls`` makes it (``content/`` with its
store ``content/events/``). Each event's quoted sentence (or summary) is tested with the
chrome cues of ``timeline/data/page_chrome.yaml`` and ``article_cleaning.yaml``: a rule
that would take something out of it, or a headline or caption run into it. Prints, per
folder: articles, events, events per article, source quotes per article, and the events
whose sentence holds chrome, by cue, with a few examples.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from timeline.sources.chrome import GLUED, chrome_vocabulary
from timeline.sources.clean import vocabulary
from timeline.sources.glue import split_glued
from timeline.sources.spans import Mapped


def chrome_cues(sentence: str) -> list[str]:
    """The names of the chrome cues found in one sentence (empty: none)."""
    clean, chrome = vocabulary(), chrome_vocabulary()
    found = []
    if clean.captions.found_in(sentence):
        found.append("caption")
    if clean.drop.found_in(sentence):
        found.append("prompt or credit")
    if any(p.match(sentence) for p in clean.bylines):
        found.append("byline")
    for rule in chrome.rules:
        if rule.min_lines == 1 and rule.name != "bullet mark" and rule.pattern.search(sentence):
            found.append(rule.name)
    if " * " in sentence or " · " in sentence:
        found.append("list run into one sentence")
    fragment, _ = split_glued(Mapped.of(sentence, 0), chrome, frozenset())
    if fragment is not None:
        found.append(GLUED)
    return found


def measure(folder: Path) -> str:
    content = folder / "content"
    articles = len(list(content.glob("*.txt")))
    events = []
    for path in sorted((content / "events").glob("*.yaml")):
        events.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    quotes = sum(len(e.get("sources") or []) for e in events)
    by_cue: Counter[str] = Counter()
    examples = []
    chrome = 0
    for event in events:
        sentences = [s.get("quote") or "" for s in event.get("sources") or []] or [event.get("summary") or ""]
        cues = sorted({c for s in sentences for c in chrome_cues(s)})
        if cues:
            chrome += 1
            by_cue.update(cues)
            if len(examples) < 5:
                examples.append(f"    [{', '.join(cues)}] {sentences[0][:140]}")
    lines = [f"{folder.name}: {articles} articles, {len(events)} events ({len(events) / max(1, articles):.2f} "
             f"per article), {quotes} source quotes ({quotes / max(1, articles):.2f} per article); "
             f"events whose sentence holds chrome: {chrome} ({chrome / max(1, len(events)):.1%})",
             "  by cue: " + ", ".join(f"{k} {v}" for k, v in by_cue.most_common()), *examples]
    return "\n".join(lines)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(measure(Path(name)))
