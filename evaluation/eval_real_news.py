"""A news editor's check of the events built from real scraped collections.

Two steps, so the figures are never fitted to the labels:

1. ``sample``: materialise and build tls-dev collections with this checkout's package
   (``evaluation/tls.py``), then draw a seeded random sample of the events in each built
   store that a reader of the timeline sees (not those the site lists apart for review, off the
   collection's subject) and write them as JSON lines for labelling: collection, id, title, date, precision,
   type, actors, the evidence sentence(s), the publication date and file of each source
   article, and the sentences around the first quote in that article.

       python evaluation/eval_real_news.py sample --seed 1 --per 38 \\
           t17-mj t17-haiti entities-hu_jintao entities-nawaz_sharif > sample.jsonl

2. ``score``: print the figures of a labelled file (the sample's lines with a ``label``
   object added: ``real`` yes/marginal/no, ``date`` yes/no, ``title`` yes/no,
   ``actors`` yes/no; see ``evaluation/real_news/README.md`` for the rubric).

       python evaluation/eval_real_news.py score evaluation/real_news/labels-before.jsonl

Builds go to ``/tmp/real-news/<collection>`` (``--work`` to change; ``--cache DIR`` shares a build
cache, e.g. the one ``eval_timelines --cache`` fills), so a second run reuses
the cache. ``stats`` prints the figures that need no labels: events per article, the
share typed ``other``, and the shares of titles over 14 words, opening with a pronoun, or
with no one named as their subject (a pronoun or a description such as "The singer").
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # run from a checkout

import yaml  # noqa: E402

from evaluation.tls import COLLECTIONS, build, materialise  # noqa: E402
from timeline.extract.events.weak import unnamed_subject  # noqa: E402

WORK = Path("/tmp/real-news")
# How many characters of the article to show on each side of the quoted sentence.
CONTEXT = 400


def built(name: str, work: Path, cache: Path | None = None) -> Path:
    """The collection's content folder, built with this checkout (the cache makes a rebuild cheap;
    ``cache`` shares one between runs, e.g. with ``eval_timelines --cache``)."""
    folder = materialise(name, work / name, cache=cache)
    build(folder)
    return folder / "content"


def stored_events(content: Path) -> list[dict[str, Any]]:
    """Every event of the built store, in a stable order (by id)."""
    events: list[dict[str, Any]] = []
    for path in sorted((content / "events").glob("*.yaml")):
        events.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    return sorted(events, key=lambda e: str(e["id"]))


# The page for review and its further pages.
REVIEW_PAGE = re.compile(r"review(?:\.p\d+)?\.html")


def for_review(content: Path) -> frozenset[str]:
    """The ids of the events the built site lists apart for review (off the collection's
    subject, ``output/review.html`` and its further pages, ``review.p2.html`` ...): a reader of
    the timeline does not see them there."""
    pages = sorted((content.parent / "output").glob("review*.html"))
    return frozenset(i for page in pages if REVIEW_PAGE.fullmatch(page.name)
                     for i in re.findall(r'href="events/([^"/]+)\.html"', page.read_text(encoding="utf-8")))


def on_timeline(content: Path) -> list[dict[str, Any]]:
    """The events of the built store a reader of the timeline sees: all but those for review."""
    review = for_review(content)
    return [e for e in stored_events(content) if str(e["id"]) not in review]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def context(content: Path, article: str, quote: str) -> str:
    """The text around ``quote`` in the article file, as the labeller reads it."""
    path = content / f"{article}.txt"
    if not path.exists():  # article ids are slugs of the file names ("hu_jintao" -> "hu-jintao")
        path = next((p for p in content.glob("*.txt") if _slug(p.stem) == _slug(article)), path)
    if not path.exists():
        return ""
    text = _flat(path.read_text(encoding="utf-8"))
    words = quote.split()
    probe = " ".join(words[:6])
    # The file is the scraped (tokenised) text; the quote is cleaned: find it loosely.
    at = text.find(probe)
    if at < 0 and words:
        loose = re.escape(words[0]) + "".join(r"\s*" + re.escape(w) for w in words[1:5])
        found = re.search(loose, text)
        at = found.start() if found else -1
    if at < 0:
        return text[:CONTEXT * 2]
    return text[max(0, at - CONTEXT):at + len(quote) + CONTEXT]


def row(name: str, content: Path, event: dict[str, Any]) -> dict[str, Any]:
    sources = event.get("sources") or []
    first = sources[0] if sources else {}
    return {
        "collection": name,
        "id": event["id"],
        "title": event.get("title", ""),
        "date": str(event.get("date", "")),
        "precision": event.get("precision", ""),
        "status": event.get("status", ""),
        "type": event.get("type", ""),
        "actors": [a["name"] for a in event.get("actors") or []],
        "rule": (event.get("evidence") or {}).get("rule", ""),
        "expression": (event.get("evidence") or {}).get("expression", ""),
        "sources": [{"article": s.get("article"), "published": str(s.get("published", "")),
                     "quote": s.get("quote", "")} for s in sources[:3]],
        "context": context(content, str(first.get("article", "")), str(first.get("quote", ""))),
    }


def sample(names: list[str], seed: int, per: int, work: Path, cache: Path | None = None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name in names:
        content = built(name, work, cache)
        events = on_timeline(content)
        picked = random.Random(f"{seed}:{name}").sample(events, min(per, len(events)))
        rows.extend(row(name, content, e) for e in picked)
    return rows


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} %" if whole else "    - "


def score(path: Path) -> dict[str, float]:
    """The rubric's figures for a labelled file, printed and returned."""
    labels = [json.loads(line)["label"] for line in path.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    n = len(labels)
    real = [lab for lab in labels if lab["real"] == "yes"]
    marginal = sum(lab["real"] == "marginal" for lab in labels)
    no = sum(lab["real"] == "no" for lab in labels)
    dated = sum(lab["date"] == "yes" for lab in real)
    titles = sum(lab["title"] == "yes" for lab in labels)
    actors = sum(lab["actors"] == "yes" for lab in labels)
    figures = {"events": n, "real": len(real), "marginal": marginal, "not": no,
               "dated": dated, "titles": titles, "actors": actors}
    print(f"{path}: {n} labelled events")
    print(f"  real events         {percent(len(real), n)}  ({len(real)})")
    print(f"  marginal            {percent(marginal, n)}  ({marginal})")
    print(f"  not events          {percent(no, n)}  ({no})")
    print(f"  real dated right    {percent(dated, len(real))}  ({dated} of {len(real)})")
    print(f"  titles usable       {percent(titles, n)}  ({titles})")
    print(f"  actors right        {percent(actors, n)}  ({actors})")
    return {k: float(v) for k, v in figures.items()}


def stats(names: list[str], work: Path, cache: Path | None = None) -> None:
    """Figures that need no labels: events per article, the share of each type."""
    for name in names:
        content = built(name, work, cache)
        events = on_timeline(content)
        review = len(for_review(content))
        articles = len(list(content.glob("*.txt")))
        types = Counter(str(e.get("type")) for e in events)
        other = types.get("other", 0)
        long = sum(title_words(e) > TITLE_WORDS for e in events)
        pronoun = sum(re.split(r"[ '’]", str(e.get("title", "")))[0].lower() in PRONOUNS for e in events)
        unnamed = sum(unnamed_subject(str(e.get("title", "")), [str(a["name"]) for a in e.get("actors") or []])
                      for e in events)
        print(f"{name}: {len(events)} events on the timeline ({review} more for review) from {articles} articles "
              f"({len(events) / max(articles, 1):.1f} per article); other {percent(other, len(events))}; "
              + ", ".join(f"{t} {c}" for t, c in types.most_common(8))
              + f"; titles over {TITLE_WORDS} words {percent(long, len(events))}, "
                f"opening with a pronoun {percent(pronoun, len(events))}, "
                f"with no one named as their subject {percent(unnamed, len(events))}")


# A title's most words, every word of a name counted as a reader counts it; pronouns a title should never open with.
TITLE_WORDS = 14
PRONOUNS = frozenset({"he", "she", "his", "her", "him", "they", "their", "it", "its", "i", "we", "you"})


def title_words(event: dict[str, Any]) -> int:
    """Words of an event's title as a reader counts them, every word of a name."""
    return sum(any(c.isalnum() for c in word) for word in str(event.get("title", "")).split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=WORK, help="where collections are built")
    parser.add_argument("--cache", type=Path, help="the build cache, shared between runs (default: in each build)")
    commands = parser.add_subparsers(dest="command", required=True)
    draw = commands.add_parser("sample", help="build collections and print a sample to label")
    draw.add_argument("names", nargs="+", choices=COLLECTIONS or None)
    draw.add_argument("--seed", type=int, default=1)
    draw.add_argument("--per", type=int, default=38, help="events drawn from each collection")
    counts = commands.add_parser("stats", help="events per article and types, no labels needed")
    counts.add_argument("names", nargs="+", choices=COLLECTIONS or None)
    marks = commands.add_parser("score", help="print the figures of a labelled file")
    marks.add_argument("labels", type=Path)
    args = parser.parse_args()
    if args.command == "sample":
        for line in sample(args.names, args.seed, args.per, args.work, args.cache):
            print(json.dumps(line, ensure_ascii=False))
    elif args.command == "stats":
        stats(args.names, args.work, args.cache)
    else:
        score(args.labels)
    return 0


if __name__ == "__main__":
    sys.exit(main())
