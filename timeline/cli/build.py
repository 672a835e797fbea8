"""``timeline build``: articles in, store and site out."""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.config import Config

log = logging.getLogger("timeline")

HELP = """Read the articles in the content folder, extract dated events and actors,
merge them into the YAML store and render the static site. Articles whose text
has not changed since the last build come from the extraction cache.

example:
  python -m timeline build --content content/ --output output/ --jobs 2
  python -m timeline build --cluster tcp://scheduler:8786   # extract on a Dask cluster
  python -m timeline build --cluster local:2                # a Dask cluster of 2 local workers
"""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("build", parents=[common], help="build the store and the site",
                            description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_build_options(parser)
    parser.set_defaults(func=run)


def add_build_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that builds (build, serve)."""
    parser.add_argument("--clean", action="store_true", help="ignore the extraction cache")
    parser.add_argument("--jobs", type=positive_int, metavar="N", help="parallel parse processes (default: cores)")
    parser.add_argument("--cluster", metavar="ADDRESS",
                        help="extract on the Dask scheduler at ADDRESS, or local:N worker processes "
                             "(overrides build.cluster; see docs/scaling.md)")
    parser.add_argument("--base-url", metavar="PATH",
                        help="path the site is served under, e.g. /repo/ (overrides base_url)")
    parser.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                        help="wait up to this long for another build of the same content to finish")
    parser.add_argument("--last-good", action="store_true",
                        help="build with the last good version, kept in the cache, of a store file or "
                             "registry that cannot be read (the file itself is left as it is)")


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def with_cluster(cfg: "Config", cluster: str | None) -> "Config":
    """``cfg`` with the command line's ``--cluster``, checked as the config key is."""
    if cluster is None:
        return cfg
    from dataclasses import replace

    from timeline.config import check_cluster
    from timeline.errors import ConfigError

    problem = check_cluster(cluster)
    if problem:
        raise ConfigError(f"--cluster: {problem}")
    return replace(cfg, build=replace(cfg.build, cluster=cluster))


def run(args: argparse.Namespace) -> int:
    from timeline.build import build
    from timeline.cli.main import config_from_args
    from timeline.cli.report import print_summary

    cfg = with_cluster(config_from_args(args), args.cluster)
    summary = build(cfg, clean=args.clean, jobs=args.jobs, wait=args.wait, last_good=args.last_good)
    print_summary(summary, quiet=args.quiet)
    return 1 if summary.failed else 0
