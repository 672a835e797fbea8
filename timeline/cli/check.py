"""``timeline check``: validate configuration, articles, registry and store without building."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.config import Config
    from timeline.records import Article, Problem

# How the reader words its warning for an article without a date; check
# gathers those warnings into one list instead of printing them one by one.
UNDATED = "no publication date"

HELP = """Check everything a build reads, without parsing or writing anything:
config.yaml, the spaCy pipeline it names, the article files, the actor
registry (actors.yaml) and the event store (events/*.yaml). Prints each
problem with its file and line, then lists the articles without a
publication date: their absolute dates are used, but their relative dates
("on Saturday", "last week") stay unresolved until one is given.
Exit status 0: all good; 1: errors found (with --strict, warnings too).

--explain FILE... checks nothing else: it lists what cleaning set aside in
each article file (bylines, datelines, captions, credits, prompts, a
headline run into the first sentence, the page after the story), with the
line, the rule and the text, and the title the article is read under.

examples:
  python -m timeline check --content content/ --strict
  python -m timeline check --explain content/2009-06-26-jackson.txt
"""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("check", parents=[common], help="validate config, articles, registry and store",
                            description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--explain", nargs="+", metavar="FILE",
                        help="list what cleaning set aside in these article files, and why")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from timeline.cli.main import config_from_args

    if args.explain:
        return _explain(args.explain)
    cfg = config_from_args(args)  # a broken config raises with every key named
    articles, input_problems = _input_problems(cfg)
    problems: list[Problem] = [*_pipeline_problems(cfg.nlp.pipeline), *input_problems]
    failing = [p for p in problems if p.severity == "error" or args.strict]
    undated = _undated(articles, cfg)
    listed = {(p.path, p.line) for p in problems if p.message.startswith(UNDATED) and p.path in undated}
    for problem in problems:
        if (not args.quiet or problem in failing) and (problem.path, problem.line) not in listed:
            print(problem, file=sys.stderr)
    if undated and (not args.quiet or args.strict):
        print(_undated_listing(undated), file=sys.stderr)
    if not args.quiet:
        warnings = len(problems) - sum(1 for p in problems if p.severity == "error")
        print(f"check: {len(problems) - warnings} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if failing else 0


def _explain(files: list[str]) -> int:
    from pathlib import Path

    from timeline.sources.explain import explanation

    status = 0
    for name in files:
        try:
            print(explanation(Path(name), name))
        except (OSError, ValueError) as exc:
            print(f"{name}: error: cannot explain it: {exc}", file=sys.stderr)
            status = 1
    return status


def _pipeline_problems(name: str) -> list["Problem"]:
    """The pipeline must be installed; found without loading it, so check stays fast."""
    import importlib.util
    from pathlib import Path

    from timeline.records import Problem

    if (Path(name) / "meta.json").is_file() or importlib.util.find_spec(name.replace("-", "_")) is not None:
        return []
    return [Problem("config.yaml", f"nlp.pipeline: spaCy pipeline {name!r} is not installed; install it with pip")]


def _input_problems(cfg: "Config") -> tuple[list["Article"], list["Problem"]]:
    from timeline.sources import read_sources
    from timeline.store.changes import load_changes
    from timeline.store.events import validate_store
    from timeline.store.registry import load_registry

    articles, source_problems = read_sources(cfg)
    _, registry_problems = load_registry(cfg.paths.registry)
    _, change_problems = load_changes(cfg.paths.changes)
    return articles, [*source_problems, *registry_problems, *validate_store(cfg.paths.store), *change_problems]


def _undated(articles: list["Article"], cfg: "Config") -> dict[str, list["Article"]]:
    """Articles read without a publication date, by the path messages show."""
    from timeline.sources.files import shown_path

    found: dict[str, list[Article]] = {}
    for article in articles:
        if article.published is None:
            found.setdefault(shown_path(cfg.paths.content / article.path), []).append(article)
    return found


def _undated_listing(undated: dict[str, list["Article"]]) -> str:
    count = sum(len(group) for group in undated.values())
    lines = [f"{count} article(s) without a publication date: read, and their absolute dates used, but their "
             "relative dates ('on Saturday', 'last week', 'yesterday') stay unresolved:"]
    for shown, group in undated.items():
        lines += [f"  {shown}: {article.title}" for article in group]
    lines.append("  give each a date: published: YYYY-MM-DD in its front matter, a sidecar NAME.yaml, "
                 "content/sources.yaml, or a date at the start of the file name")
    return "\n".join(lines)
