"""How well actors are found, measured on the MEANTIME dev set.

For each document: of the annotated person, organisation and location
entities that are named at least once (a mention containing a capitalised
word, so pronouns and common nouns do not count), how many the project
reports under a canonical actor whose name or an alias matches the
entity's name or its DBpedia title; and how many reported actors match no
annotated entity at all (spurious). It also times the actor stage against a
bare parse.

    python evaluation/eval_actors.py [--data PATH] [--pipeline NAME] [--per-doc] [--misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.config import DEFAULTS  # noqa: E402
from timeline.extract.actors.gazetteer import load_gazetteer  # noqa: E402
from timeline.extract.actors.mentions import find_mentions  # noqa: E402
from timeline.extract.actors.names import fold  # noqa: E402
from timeline.extract.actors.registry import actors_from_mentions  # noqa: E402
from timeline.extract.actors.ruler import COMPONENT  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "meantime-dev.jsonl"
ACTOR_TYPES = ("PER", "ORG", "LOC")


@dataclass
class DocResult:
    doc_id: str
    entities: int
    found: int
    found_strict: int  # by canonical name alone, without aliases
    actors: int
    spurious: int
    misses: list[str] = field(default_factory=list)
    spurious_names: list[str] = field(default_factory=list)


@dataclass
class Report:
    docs: list[DocResult]
    parse_seconds: float = 0.0
    actor_seconds: float = 0.0

    @property
    def entities(self) -> int:
        return sum(d.entities for d in self.docs)

    @property
    def found_share(self) -> float:
        return sum(d.found for d in self.docs) / max(1, self.entities)

    @property
    def strict_share(self) -> float:
        return sum(d.found_strict for d in self.docs) / max(1, self.entities)

    @property
    def spurious(self) -> int:
        return sum(d.spurious for d in self.docs)

    @property
    def spurious_share(self) -> float:
        return self.spurious / max(1, sum(d.actors for d in self.docs))

    @property
    def overhead(self) -> float:
        return (self.actor_seconds - self.parse_seconds) / max(1e-9, self.parse_seconds)


def norm(name: str | None) -> str:
    """Annotation names and DBpedia titles in one form: "George_Mann_(judge)" → "george mann"."""
    if not name:
        return ""
    name = name.rstrip("/").rsplit("/", 1)[-1] if name.startswith("http") else name
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name.replace("_", " "))
    name = re.sub(r",\s*(Jr|Sr|II|III)\b", r" \1", name)  # "William Clay Ford, Jr." is "William Clay Ford Jr."
    return fold(name)


FUNCTION_WORDS = {"of", "and", "the", "for", "de", "du", "la", "le", "on", "in", "at", "&", "'s", "'", "-", "(", ")"}


def accepted_names(entity: dict[str, Any]) -> set[str]:
    """The entity's name and DBpedia title, each also without a "City, State"
    qualifier ("Cupertino, California" is reported as Cupertino)."""
    names = {norm(entity["name"]), norm(entity.get("dbpedia"))}
    names |= {n.split(",")[0].strip() for n in names if "," in n}
    return {n for n in names if n}


def is_name(text: str) -> bool:
    """A proper-noun phrase: every content word capitalised ("Bank of England",
    "Mr Justice Anthony Mann"), so not "Boeing employees", "its CEO" or "it"."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    content = [w for w in words if w.lower() not in FUNCTION_WORDS and re.search(r"[^\W\d_]", w)]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def is_coordination(mentions: list[dict[str, Any]]) -> bool:
    """A set of entities ("Boeing and Lockheed Martin"), not one actor: every
    named mention coordinates names and the entity has no DBpedia page."""
    return all(re.search(r" (and|,) ", m["text"]) for m in mentions) and not any(m.get("dbpedia") for m in mentions)


def gold(doc: dict[str, Any]) -> tuple[dict[str, set[str]], set[str]]:
    """Named actor entities (key → acceptable names) and every annotated name."""
    named: dict[str, list[dict[str, Any]]] = {}
    every: set[str] = set()
    for e in doc["entities"]:
        every |= {n for n in (norm(e["name"]), norm(e.get("dbpedia")), norm(e["text"])) if n}
        if e["type"] in ACTOR_TYPES and is_name(e["text"]):
            named.setdefault(e["name"], []).append(e)
    entities = {
        key: {n for e in mentions for n in accepted_names(e)}
        for key, mentions in named.items() if not is_coordination(mentions)
    }
    return entities, every


def score(doc: dict[str, Any], parsed: Any) -> DocResult:
    gaz = load_gazetteer()
    actors = actors_from_mentions(find_mentions(parsed))
    forms = []
    for actor in actors:
        entry = gaz.lookup(actor.name)
        known = entry.aliases if entry and entry.name == actor.name else ()
        # The project's names go through the same normalisation as the
        # annotation's: "Ministry of Defence (United Kingdom)" is compared
        # the way DBpedia's "Ministry_of_Defence_(United_Kingdom)" is.
        forms.append((norm(actor.name), {norm(f) for f in (actor.name, *actor.aliases, *known)}))
    entities, every = gold(doc)
    all_forms = set().union(*(f for _, f in forms)) if forms else set()
    names = {n for n, _ in forms}
    result = DocResult(doc["doc_id"], len(entities), 0, 0, len(actors), 0)
    for key, accepted in sorted(entities.items()):
        if accepted & all_forms:
            result.found += 1
        else:
            result.misses.append(key)
        result.found_strict += bool(accepted & names)
    for actor, (_, actor_forms) in zip(actors, forms):
        if not actor_forms & every:
            result.spurious += 1
            result.spurious_names.append(f"{actor.name} ({actor.kind})")
    return result


def evaluate(data: Path = DATA, pipeline: str | None = None, timing: bool = True) -> Report:
    from timeline.extract.pipeline import load_pipeline

    nlp = load_pipeline(pipeline or DEFAULTS["nlp"]["pipeline"])
    docs = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [d["text"] for d in docs]
    report = Report([])
    if timing:
        # The actor stage is timed on its own over docs parsed without it:
        # timing two whole runs would drown a few percent in machine noise.
        component = nlp.get_pipe(COMPONENT)
        start = time.perf_counter()
        with nlp.select_pipes(disable=[COMPONENT]):
            bare_docs = list(nlp.pipe(texts))
        report.parse_seconds = time.perf_counter() - start
        start = time.perf_counter()
        for parsed in bare_docs:
            actors_from_mentions(find_mentions(component(parsed)))
        report.actor_seconds = report.parse_seconds + time.perf_counter() - start
    for doc, parsed in zip(docs, nlp.pipe(texts)):
        report.docs.append(score(doc, parsed))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--pipeline", default=None, help="spaCy pipeline (default: the configured one)")
    parser.add_argument("--per-doc", action="store_true", help="one line per document")
    parser.add_argument("--misses", action="store_true", help="list missed entities and spurious actors")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(args.data, args.pipeline, timing=not args.no_timing)
    for d in report.docs:
        if args.per_doc:
            print(f"{d.doc_id:>8}  found {d.found:>3}/{d.entities:<3}  spurious {d.spurious:>3}/{d.actors}")
        if args.misses and (d.misses or d.spurious_names):
            print(f"{d.doc_id:>8}  missed: {'; '.join(d.misses)}  |  spurious: {'; '.join(d.spurious_names)}")
    found = sum(d.found for d in report.docs)
    actors = sum(d.actors for d in report.docs)
    print(f"documents {len(report.docs)}")
    print(f"FOUND     {found}/{report.entities} = {report.found_share:.1%} (by canonical name alone: "
          f"{report.strict_share:.1%}); bar 90%")
    print(f"SPURIOUS  {report.spurious}/{actors} actors = {report.spurious_share:.1%}")
    if report.parse_seconds:
        print(f"SPEED     bare parse {report.parse_seconds:.2f}s, with actors {report.actor_seconds:.2f}s, "
              f"overhead {report.overhead:.1%}; bar 10%")
    return 0 if report.found_share >= 0.9 else 1


if __name__ == "__main__":
    sys.exit(main())
