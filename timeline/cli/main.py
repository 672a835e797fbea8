"""Command line: parses options and calls plain functions; heavy imports happen inside commands."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from timeline import __version__
from timeline.cli.logs import configure_logging
from timeline.errors import TimelineError

if TYPE_CHECKING:
    from timeline.config import Config

# One module per command in timeline/cli, each with register(subparsers).
COMMANDS = ("build", "serve", "check", "stats", "new", "dates", "fetch")

EPILOG = """examples:
  python -m timeline build                 build the store and the site from content/
  python -m timeline build --content crisis/ --output site/
  python -m timeline serve                 build, serve on http://127.0.0.1:8000/, rebuild on changes
  python -m timeline check                 validate config, articles, registry and store
  python -m timeline <command> --help      help and an example for one command
"""


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline", description="Turn news articles into a dated geopolitical timeline and a static site.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", default="config.yaml", metavar="FILE",
                        help="configuration file (default: config.yaml)")
    common.add_argument("--content", metavar="DIR",
                        help="content folder: articles and the store (overrides paths.content)")
    common.add_argument("--output", metavar="DIR", help="site folder (overrides paths.output)")
    common.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    common.add_argument("-v", "--verbose", action="store_true", help="print more detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"timeline.cli.{name}").register(sub, common)
    return parser


def config_from_args(args: argparse.Namespace) -> "Config":
    """The configuration with the command line's path overrides applied."""
    from timeline.config import load_config

    return load_config(args.config, content=args.content, output=args.output,
                       base_url=getattr(args, "base_url", None))


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    level = logging.ERROR if args.quiet else logging.DEBUG if args.verbose else logging.INFO
    configure_logging(level)
    try:
        return int(args.func(args) or 0)
    except TimelineError as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # a full disk, a read-only folder: what could not be written, and what is kept
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"timeline: error: {where}{exc.strerror or exc}; the build stopped: every file it replaced is "
              "whole, the others and the live site are as they were", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        return 130


def run(argv: list[str] | None = None) -> NoReturn:
    """The console entry point: ``main``, then out of the process without tearing it down.

    A build leaves hundreds of thousands of objects behind; freeing them one by
    one at interpreter exit costs a tenth of a second or more on a large
    timeline, for nothing: every file is written and closed, every child
    process joined, before ``main`` returns. So the streams and logging
    handlers are flushed and the process ends at once, unless a profiler or a
    tracer (coverage) is watching: those write their results at exit.
    """
    code = main(argv)
    if sys.getprofile() is not None or sys.gettrace() is not None:
        raise SystemExit(code)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (``timeline stats | head``) loses nothing more
            pass
    os._exit(code)
