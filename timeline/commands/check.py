"""``timeline check``: validate configuration, articles, registry and store without building."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Config
    from ..records import Problem

HELP = """Check everything a build reads, without parsing or writing anything:
config.yaml, the spaCy pipeline it names, the article files, the actor
registry (actors.yaml) and the event store (events/*.yaml). Prints each
problem with its file and line. Exit status 0: all good; 1: errors found.

example:
  python -m timeline check --content content/ --strict
"""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("check", parents=[common], help="validate config, articles, registry and store",
                            description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..cli import config_from_args
    from ..records import Problem

    cfg = config_from_args(args)  # a broken config raises with every key named
    problems: list[Problem] = [*_pipeline_problems(cfg.nlp.pipeline), *_input_problems(cfg)]
    failing = [p for p in problems if p.severity == "error" or args.strict]
    for problem in problems:
        if not args.quiet or problem in failing:
            print(problem, file=sys.stderr)
    if not args.quiet:
        warnings = len(problems) - sum(1 for p in problems if p.severity == "error")
        print(f"check: {len(problems) - warnings} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if failing else 0


def _pipeline_problems(name: str) -> list["Problem"]:
    """The pipeline must be installed; found without loading it, so check stays fast."""
    import importlib.util
    from pathlib import Path

    from ..records import Problem

    if (Path(name) / "meta.json").is_file() or importlib.util.find_spec(name.replace("-", "_")) is not None:
        return []
    return [Problem("config.yaml", f"nlp.pipeline: spaCy pipeline {name!r} is not installed; install it with pip")]


def _input_problems(cfg: "Config") -> list["Problem"]:
    from ..sources import read_sources
    from ..store.events import validate_store
    from ..store.registry import load_registry

    _, source_problems = read_sources(cfg)
    _, registry_problems = load_registry(cfg.paths.registry)
    return [*source_problems, *registry_problems, *validate_store(cfg.paths.store)]
