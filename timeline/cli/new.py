"""``timeline new``: start a new article file from a template."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

HELP = """Create a Markdown article in the content folder, with front matter to fill
in, and print its path. The file name comes from the date and the title; an
existing file is never overwritten.

example:
  python -m timeline new "Scholz travels to Kyiv" --published 2022-02-14 --outlet Reuters
"""

TEMPLATE = """---
title: {title}
published: {published}
{url}
{outlet}
---
Write or paste the article's text here: the body as published, one paragraph
per block. Dates in the text ("on Saturday", "next week") are read relative
to the published date above.
"""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("new", parents=[common], help="create a new article file from a template",
                            description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("title", help="the article's headline")
    parser.add_argument("--published", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                        help="publication date (default: today)")
    parser.add_argument("--url", default="", help="where the article was published")
    parser.add_argument("--outlet", default="", help="who published it")
    parser.add_argument("--folder", default="", metavar="SUBFOLDER", help="subfolder of the content folder")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from timeline.cli.main import config_from_args
    from timeline.errors import TimelineError

    cfg = config_from_args(args)
    published = args.published or dt.date.today()
    path = article_path(cfg.paths.content, args.folder, published, args.title)
    text = TEMPLATE.format(title=_yaml_scalar(args.title), published=published.isoformat(),
                           url=_optional("url", args.url, "https://…"), outlet=_optional("outlet", args.outlet, "…"))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite an article
            handle.write(text)
    except FileExistsError:
        raise TimelineError("already exists; choose another title or edit that file", str(path)) from None
    print(path)
    return 0


def article_path(content: Path, folder: str, published: dt.date, title: str) -> Path:
    """``content/[folder/]YYYY-MM-DD-slug.md``, never outside the content folder or in the store's places."""
    from timeline.errors import TimelineError
    from timeline.sources import slugify

    given = Path(folder)
    parts = [slugify(p) for p in given.parts if p != "."]
    if given.is_absolute() or ".." in given.parts or parts[:1] == ["events"]:
        raise TimelineError(f"--folder {folder!r}: must be a subfolder of the content folder, not the store")
    return content.joinpath(*parts, f"{published.isoformat()}-{slugify(title)[:80].rstrip('-')}.md")


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2022-02-14") from None


def _yaml_scalar(text: str) -> str:
    """Quote as a YAML string so that titles with colons or quotes stay text."""
    import json

    return json.dumps(text, ensure_ascii=False)


def _optional(key: str, value: str, hint: str) -> str:
    # An empty key would read as a value; a comment shows where it goes instead.
    return f"{key}: {_yaml_scalar(value)}" if value else f"# {key}: {hint}"
