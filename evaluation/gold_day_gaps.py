"""Why a day the news desks chose has no day-precision event in a built tls-dev collection.

For each gold day of a collection built by ``evaluation.eval_timelines`` (``FOLDER/NAME/output/
events.json``) that holds no day-precision event, the sentences of the articles published from
that day to ``--after`` days later that share most words with the first sentence of the gold
summary (else the sentences of any later article that name the day by its date) are read again,
as the build reads them, and each is placed where the build lost it:

- ``no report``: no article of the collection was published in that window, or none tells it;
- ``not matched``: the gold timeline has no summary to match, and no article names the day's date;
- ``chrome``: cleaning set the sentence aside (the rule is named);
- ``not a candidate``: the sentence was read, but no clause of it reached the gate;
- ``gate``: a candidate of the sentence was scored below the gate's threshold;
- ``dated D``: the sentence's happening was dated another day (or at another precision);
- ``merged into D``: it was dated that day, but its event in the store is another day's;
- ``lost``: dated that day, and no event of the store quotes it.

The summary's words are matched loosely: a printed sentence may be about something else, so the
listing is for reading, and the counts are per day's best-matching sentence.

    python -m evaluation.gold_day_gaps NAME ... [--folder /tmp/tls] [--after 3] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from evaluation.eval_timelines import load_events
from evaluation.tls import gold
from timeline.config import load_config
from timeline.extract import extract
from timeline.extract.events import gate, segments
from timeline.extract.pipeline import load_pipeline
from timeline.records import Article
from timeline.sources import slugify
from timeline.sources.assemble import Layers, cleaned_of, finish
from timeline.sources.meta import Meta, file_name_date
from timeline.sources.text_files import read_text

WORD = re.compile(r"[a-z0-9]+")
STOP = frozenset("""that this with from have been were will would said says they their there which about after
before into over also more than when what other some such only most many much very just them then these
those could should while where being does year years percent""".split())
MATCH_WORDS = 3  # words at least a sentence shares with the gold summary's first sentence
MATCH_SHARE = 0.4  # and this share of that sentence's words


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def content(text: str) -> set[str]:
    return {w for w in words(text) if len(w) > 3 and w not in STOP and not w.isdigit()}


def gold_summaries(name: str) -> dict[str, str]:
    """Per gold day, the first sentence of its summary in every gold timeline of the collection, joined."""
    from evaluation.tls import TLS_DEV

    out: dict[str, list[str]] = {}
    for timeline in json.loads((TLS_DEV / f"{name}.gold.json").read_text(encoding="utf-8")):
        for item in timeline["timeline"]:
            out.setdefault(str(item["date"])[:10], []).extend((item.get("summary") or [])[:1])
    return {day: " ".join(lines) for day, lines in out.items()}


def day_events(events: list[dict[str, Any]]) -> set[str]:
    return {str(e["date"])[:10] for e in events if e.get("precision") == "day"}


def read_article(path: Path) -> Article | None:
    """The article as a build reads it (cleaned, titled, dated by its file name)."""
    text = path.read_text(encoding="utf-8")
    drafts, _ = read_text(text, path.name)
    if not drafts:
        return None
    article, _, _ = finish(drafts[0], text, Layers(file_name_date(path.name), Meta(), Meta()), path.name, "en")
    return None if article is None else replace(article, id=slugify(path.stem), path=path.name)


def best_sentences(path: Path, summary: set[str]) -> list[tuple[int, str]]:
    """The file's sentences sharing most words with the summary's first sentence (the happening; the
    rest are often captions): (shared words, sentence), sharing ``MATCH_WORDS`` and ``MATCH_SHARE``."""
    raw = path.read_text(encoding="utf-8")
    found = []
    for line in raw.splitlines():
        for sentence in re.split(r"(?<=[.!?]) (?=[A-Z`'\"])", line):
            shared = len(content(sentence) & summary)
            if shared >= max(MATCH_WORDS, MATCH_SHARE * len(summary)):
                found.append((shared, sentence.strip()))
    return sorted(found, reverse=True)[:2]


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def date_sentences(path: Path, day: str) -> list[tuple[int, str]]:
    """The file's sentences that name the day by its date ("June 5", "5 June 2013"; a year given must be its year)."""
    when = date.fromisoformat(day)
    month = MONTHS[when.month - 1]
    short = month[:3] + r"\.?" if len(month) > 5 else month
    named = re.compile(rf"\b(?:(?:{month}|{short}) {when.day}(?:st|nd|rd|th)?\b|{when.day} (?:{month}|{short})\b)"
                       rf"(,? \d{{4}})?")
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for sentence in re.split(r"(?<=[.!?]) (?=[A-Z`'\"])", line):
            for match in named.finditer(sentence):
                year = match.group(1).strip(", ") if match.group(1) else path.name[:4]  # else the article's year
                if year == str(when.year):
                    found.append((0, sentence.strip()))
                    break
    return found[:1]


def _probe(sentence: str) -> str:
    """A stretch of the sentence's words to find it again in cleaned or parsed text."""
    w = words(sentence)
    middle = max(0, len(w) // 2 - 3)
    return " ".join(w[middle:middle + 6])


def place(sentence: str, article: Article, cfg: Any, events: list[dict[str, Any]], day: str) -> str:
    """Where the build lost ``sentence`` of ``article`` (see the module's list)."""
    probe = _probe(sentence)
    if probe not in " ".join(words(article.text)):
        removed = cleaned_of(read_text(Path(cfg.paths.content, article.path).read_text(encoding="utf-8"),
                                       article.path)[0][0]).removed
        rule = next((r.rule for r in removed if probe in " ".join(words(r.text))), "cleaning")
        return f"chrome ({rule})"
    doc = load_pipeline(cfg.nlp.pipeline)(article.text)
    index = next((i for i, s in enumerate(segments(doc)) if probe in " ".join(words(s.text))), None)
    if index is None:
        return "not a candidate (split across sentences)"
    with gate.recording(gate.load_model()) as rows:
        found = extract(article, doc, cfg).happenings
    mine = [h for h in found if h.sentence_index == index]
    on_day = [h for h in mine if h.date == day and h.precision == "day"]
    if on_day:
        quoted = [e for e in events if any(s["article"] == article.id and _probe(s.get("quote") or "") and
                                           (_probe(s["quote"]) in " ".join(words(sentence)) or probe in
                                            " ".join(words(s["quote"]))) for s in e["sources"])]
        return f"merged into {quoted[0]['date']}" if quoted else "lost"
    if mine:
        return "dated " + ", ".join(sorted({h.date for h in mine}))
    if any(r[1] == index for r in rows):
        return "gate"
    return "not a candidate"


def survey(name: str, folder: Path, after: int, show: bool) -> Counter[str]:
    built = folder / name
    events = load_events(built)
    have = day_events(events)
    summaries = gold_summaries(name)
    cfg = load_config(built / "config.yaml")
    files = sorted((built / "content").glob("*.txt"))
    missing = sorted({d for _, days in gold(name) for d in days} - have)
    print(f"{name}: {len(missing)} gold days without a day-precision event")
    counts: Counter[str] = Counter()
    for day in missing:
        first = date.fromisoformat(day)
        window = {(first + timedelta(days=n)).isoformat() for n in range(after + 1)}
        near = [f for f in files if f.name[:10] in window]
        summary = content(summaries.get(day, ""))
        matched = sorted(((shared, s, f) for f in near for shared, s in best_sentences(f, summary)), reverse=True)[:3]
        if not matched:  # a later article may name the day by its date
            later = [f for f in files if f.name[:10] >= day]
            matched = [(shared, s, f) for f in later for shared, s in date_sentences(f, day)][:3]
        if not near and not matched:
            counts["no report"] += 1
            print(f"  {day}  no report  gold: {summaries.get(day, '')[:110]}")
            continue
        if not matched:
            why = "no report" if not near else "no report (nothing near tells it)" if summary else \
                "not matched (the desk gave no summary)"
            counts[why] += 1
            print(f"  {day}  {why}  ({len(near)} articles)  gold: {summaries.get(day, '')[:110]}")
            continue
        places = []
        for _, sentence, path in matched:
            article = read_article(path)
            places.append("chrome (empty)" if article is None else place(sentence, article, cfg, events, day))
        why = places[0].split(" (")[0].split(" 2")[0].split(" 1")[0]
        counts[why] += 1
        print(f"  {day}  {places[0]}  ({len(near)} articles)  gold: {summaries.get(day, '')[:110]}")
        if show:
            for (shared, sentence, path), where in zip(matched, places):
                print(f"      [{where}] {path.name[:10]} {shared}: {sentence[:150]}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("names", nargs="+")
    parser.add_argument("--folder", type=Path, default=Path("/tmp/tls"))
    parser.add_argument("--after", type=int, default=3, help="days after the gold day an article may report it")
    parser.add_argument("--show", action="store_true", help="print the matched sentences and where each was lost")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    for name in args.names:
        total += survey(name, args.folder, args.after, args.show)
    print("why, per day:", ", ".join(f"{k} {v}" for k, v in total.most_common()))


if __name__ == "__main__":
    main()
