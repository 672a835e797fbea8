"""``timeline fetch``: download news pages into the content folder as Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = """Download news pages and save each as content/<date>-<slug>.md with front
matter (title, published, url, outlet, author), ready for the next build.
A URL fetched before (found in a Markdown file's front matter) is skipped.
Each failed URL gets one line saying why; the exit status is 1 if any failed.

examples:
  python -m timeline fetch https://example.org/2022/02/12/biden-putin-call
  python -m timeline fetch --from links.txt     (one URL a line, # for comments)
"""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser | None = None,  # type: ignore[type-arg]
             ) -> None:
    parser = subparsers.add_parser("fetch", parents=[common] if common else [],
                                   help="download news pages into content/",
                                   description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("urls", nargs="*", metavar="URL", help="pages to download")
    parser.add_argument("--from", dest="from_file", metavar="FILE", help="read URLs from FILE, one a line")
    parser.add_argument("--timeout", type=float, default=20.0, metavar="SECONDS",
                        help="give up on a page after this long (default: 20)")
    parser.add_argument("--retries", type=int, default=2, metavar="N",
                        help="tries again on timeouts and server errors (default: 2)")
    parser.add_argument("--allow-private-hosts", action="store_true",
                        help="allow addresses on this machine or a private network (off by default)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from timeline.config import load_config
    from timeline.sources.download import fetch_urls, urls_from_file
    from timeline.sources.files import shown_path

    cfg = load_config(getattr(args, "config", None), content=getattr(args, "content", None),
                      output=getattr(args, "output", None))
    urls = list(args.urls)
    if args.from_file:
        try:
            urls += urls_from_file(Path(args.from_file))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"timeline fetch: error: cannot read {args.from_file}: {exc}", file=sys.stderr)
            return 1
    if not urls:
        print("timeline fetch: error: give at least one URL, or --from FILE", file=sys.stderr)
        return 2
    quiet = getattr(args, "quiet", False)
    failed = 0
    for result in fetch_urls(urls, cfg.paths.content, timeout=args.timeout, retries=args.retries,
                             allow_private=args.allow_private_hosts):
        if result.error:
            failed += 1
            print(f"{result.url}: error: {result.error}", file=sys.stderr)
        elif not quiet:
            what = "already fetched in" if result.already else "saved to"
            print(f"{result.url}: {what} {shown_path(result.path) if result.path else '?'}")
    if not quiet:
        print(f"fetch: {len(urls) - failed} of {len(urls)} URL(s) in {shown_path(cfg.paths.content)}",
              file=sys.stderr)
    return 1 if failed else 0
