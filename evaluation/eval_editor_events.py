"""Editor-style check of event extraction on hand-annotated wire news.

The articles and their gold lists live in ``evaluation/heldout_events/articles.txt``
(written and annotated by hand before the extractor saw them). Each article goes
through the real reading and extraction path: a ``.txt`` file in a content
folder with its publication date in the file name, ``read_sources`` and
``extract``. Two figures come out, the ones the project is judged on:

- recall: the share of the events an editor would list (gold lines without
  ``~``) that some extracted event reports with the right day (the same date
  at the same precision), where "reports" means it comes from the sentence the
  gold cue is in, or shares an actor with the gold line, or its title reads
  like the gold description (rapidfuzz). Each extracted event answers for one
  gold event at most. Whether the status (occurred/scheduled) also agrees is
  counted beside it, and so is how the event's actors compare with the
  actors of the gold line (found, and carried but not listed).
- spurious: the share of extracted dated events whose date is wrong for what
  they report: not the date of a gold happening (listed or minor) of their own
  sentence. An event from a sentence that reports no happening at all counts
  as spurious too, since nothing in it should have been dated.

Run: python evaluation/eval_editor_events.py [articles.txt] [--errors]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # run from a checkout

from rapidfuzz import fuzz  # noqa: E402

from timeline.records import Happening  # noqa: E402

SOURCE = Path(__file__).resolve().parent / "heldout_events" / "articles.txt"
HEADER = re.compile(r"^=== (?P<id>\S+) (?P<dct>\d{4}-\d\d-\d\d)\s*$")
# A title that reads like the description: token-set similarity, which forgives
# the article's extra words ("on Tuesday", names in full).
WORDING_THRESHOLD = 60


@dataclass(frozen=True)
class Gold:
    dates: tuple[str, ...]
    status: str
    what: str
    actors: tuple[str, ...]
    cue: str
    listed: bool  # an event an editor would put on the timeline (not a "~" line)


@dataclass(frozen=True)
class Document:
    id: str
    dct: str
    headline: str
    body: str
    gold: tuple[Gold, ...]


@dataclass
class Result:
    listed: int = 0
    found: int = 0
    status_agrees: int = 0
    dated: int = 0
    spurious: int = 0
    # actors of the events found for listed gold lines that name actors
    gold_actors: int = 0  # actors the gold lines name
    gold_actors_found: int = 0  # of those, named by the event's actors or place
    event_actors: int = 0  # actors the events carry
    event_actors_listed: int = 0  # of those, named by the gold line
    lines: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / max(self.listed, 1)

    @property
    def spurious_share(self) -> float:
        return self.spurious / max(self.dated, 1)


def read_documents(source: str) -> list[Document]:
    """The articles and their gold lists, in file order."""
    docs: list[Document] = []
    blocks = re.split(r"^(?==== )", source, flags=re.M)
    for block in blocks:
        lines = block.splitlines()
        if not lines or not (m := HEADER.match(lines[0])):
            continue
        text, _, gold_part = "\n".join(lines[1:]).partition("\n--- gold\n")
        headline, _, body = text.strip("\n").partition("\n")
        gold = tuple(_gold_line(line) for line in gold_part.splitlines() if line.strip())
        docs.append(Document(m["id"], m["dct"], headline.strip(), body.strip() + "\n", gold))
    return docs


def _gold_line(line: str) -> Gold:
    listed = not line.startswith("~")
    parts = [p.strip() for p in line.lstrip("~ ").split("|")]
    if len(parts) != 5:
        raise ValueError(f"a gold line needs five fields: {line!r}")
    dates, status, what, actors, cue = parts
    return Gold(dates=tuple(dates.split("/")), status=status, what=what,
                actors=tuple(a.strip().lower() for a in actors.split(",") if a.strip()), cue=cue, listed=listed)


def extract_documents(docs: list[Document]) -> list[tuple[Document, str, list[Happening], list[tuple[int, int]]]]:
    """Each document through the real sources and extraction stages: its cleaned
    text, its happenings and the character bounds of its segments."""
    from timeline.config import load_config
    from timeline.extract import extract
    from timeline.extract.events import segments
    from timeline.extract.pipeline import load_pipeline
    from timeline.sources import read_sources

    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        content.mkdir()
        for doc in docs:
            (content / f"{doc.dct}-{doc.id}.txt").write_text(f"{doc.headline}\n\n{doc.body}", encoding="utf-8")
        cfg = load_config(None, content=content, output=Path(tmp) / "output")
        articles, problems = read_sources(cfg)
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise RuntimeError(f"could not read the articles: {errors}")
        nlp = load_pipeline(cfg.nlp.pipeline)
        by_id = {a.path.split("-", 3)[-1].removesuffix(".txt"): a for a in articles}
        out = []
        for doc in docs:
            article = by_id[doc.id]
            parsed = nlp(article.text)
            extraction = extract(article, parsed, cfg)
            bounds = [(s.start_char, s.end_char) for s in segments(parsed)]
            out.append((doc, article.text, list(extraction.happenings), bounds))
    return out


def _sentence_of(text: str, cue: str, bounds: list[tuple[int, int]]) -> int | None:
    at = text.find(cue)
    if at < 0:
        return None
    return next((i for i, (a, b) in enumerate(bounds) if a <= at < b), None)


def _reports(gold: Gold, sentence: int | None, h: Happening) -> int:
    """How strongly ``h`` reads as reporting ``gold``: 0 not at all."""
    score = 0
    if sentence is not None and h.sentence_index == sentence:
        score += 2
    names = " ".join(a.name.lower() for a in h.actors) + " " + h.title.lower()
    if any(actor in names for actor in gold.actors):
        score += 1
    if fuzz.token_set_ratio(gold.what.lower(), h.title.lower()) >= WORDING_THRESHOLD:
        score += 1
    return score


def score_document(doc: Document, text: str, found: list[Happening], bounds: list[tuple[int, int]],
                   result: Result) -> None:
    sentences = [_sentence_of(text, g.cue, bounds) for g in doc.gold]
    for gold, sentence in zip(doc.gold, sentences):
        if sentence is None:
            raise ValueError(f"{doc.id}: cue {gold.cue!r} is not in the cleaned text")
    used: set[int] = set()
    for gold, sentence in zip(doc.gold, sentences):
        if not gold.listed:
            continue
        result.listed += 1
        ranked = sorted(((_reports(gold, sentence, h), -i, i) for i, h in enumerate(found)
                         if i not in used and h.date in gold.dates), reverse=True)
        if ranked and ranked[0][0] > 0:
            best = ranked[0][2]
            used.add(best)
            result.found += 1
            _score_actors(gold, found[best], result)
            result.status_agrees += found[best].status == gold.status
            if found[best].status != gold.status:
                result.lines.append(f"STATUS   {doc.id} {gold.dates[0]} {gold.what} | {found[best].status}")
            continue
        near = "; ".join(f"{h.date} {h.status} {h.title}" for h in found if h.sentence_index == sentence)
        result.lines.append(f"MISSED   {doc.id} {'/'.join(gold.dates)} {gold.what} | {near or 'nothing'}")
    allowed: dict[int, set[str]] = {}
    for gold, sentence in zip(doc.gold, sentences):
        allowed.setdefault(sentence, set()).update(gold.dates)  # type: ignore[arg-type]
    for h in found:
        result.dated += 1
        ok = allowed.get(h.sentence_index, set())
        if h.date not in ok:
            result.spurious += 1
            why = f"sentence has {sorted(ok)}" if ok else "sentence reports no happening"
            result.lines.append(f"SPURIOUS {doc.id} {h.date} <- {h.evidence.expression!r} ({h.evidence.rule}) "
                                f"| {h.title} | {why}")


def _names_same(gold_actor: str, name: str) -> bool:
    name = name.lower()
    return gold_actor in name or name in gold_actor


def _score_actors(gold: Gold, h: Happening, result: Result) -> None:
    """Whether the event's actors are the gold line's participants: the gold
    actors it names, and the actors it carries that the gold line does not."""
    if not gold.actors:
        return
    names = [a.name for a in h.actors]
    result.gold_actors += len(gold.actors)
    result.gold_actors_found += sum(any(_names_same(g, n) for n in names + [h.place or ""] if n)
                                    for g in gold.actors)
    result.event_actors += len(names)
    listed = [n for n in names if any(_names_same(g, n) for g in gold.actors)]
    result.event_actors_listed += len(listed)
    extra = [n for n in names if n not in listed]
    if extra:
        result.lines.append(f"ACTORS   {gold.what} | gold {', '.join(gold.actors)} | also {', '.join(extra)}")


def evaluate(path: Path = SOURCE) -> Result:
    result = Result()
    for doc, text, found, bounds in extract_documents(read_documents(path.read_text(encoding="utf-8"))):
        score_document(doc, text, found, bounds, result)
    return result


def report(result: Result) -> str:
    return "\n".join([
        f"listed events found with the right day: {result.found}/{result.listed} = {result.recall:.1%} "
        f"(target >= 95%); status agrees on {result.status_agrees}/{result.found}",
        f"dated events whose date is wrong for what they report: {result.spurious}/{result.dated} = "
        f"{result.spurious_share:.1%} (target <= 5%)",
        f"actors of the events found: {result.gold_actors_found}/{result.gold_actors} of the editor's named "
        f"(with the place); {result.event_actors_listed}/{result.event_actors} of those carried are the editor's",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", nargs="?", type=Path, default=SOURCE, help="annotated articles file")
    parser.add_argument("--errors", action="store_true", help="list every miss and spurious event")
    args = parser.parse_args(argv)
    result = evaluate(args.source)
    if args.errors:
        print("\n".join(result.lines))
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
