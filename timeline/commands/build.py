"""``timeline build``: articles in, store and site out."""

from __future__ import annotations

import argparse
import logging

log = logging.getLogger("timeline")

HELP = """Read the articles in the content folder, extract dated events and actors,
merge them into the YAML store and render the static site.

example:
  python -m timeline build --content content/ --output output/
"""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("build", parents=[common], help="build the store and the site",
                            description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clean", action="store_true", help="ignore the extraction cache")
    parser.add_argument("--jobs", type=int, metavar="N", help="parallel parse processes (default: cores)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..build import build
    from ..config import load_config
    from ..report import print_summary

    cfg = load_config(args.config, content=args.content, output=args.output)
    summary = build(cfg, clean=args.clean, jobs=args.jobs)
    print_summary(summary)
    return 1 if summary.failed else 0
