"""``timeline dates``: every time expression of a text and the value the engine gives it."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from timeline.errors import DateError, SourceError

HELP = """Print every time expression the temporal engine finds in a text, with its
TIMEX3 type, value and modifier, and the rule that produced the value.
Relative expressions ("on Friday", "last week") are resolved against --dct,
the publication date; without it they stay unresolved.

example:
  python -m timeline dates --dct 2022-02-12 article.txt
  echo "Biden said on Friday he will travel on Monday." | python -m timeline dates --dct 2022-02-12 --format jsonl -
"""


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser | None = None) -> None:  # type: ignore[type-arg]
    parents = [common] if common is not None else []
    parser = sub.add_parser("dates", parents=parents, help="show the time expressions of a text and their values",
                            description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", metavar="FILE", help="text file to read, or - for standard input")
    parser.add_argument("--dct", metavar="YYYY-MM-DD",
                        help="publication date the relative expressions count from (without it they stay "
                             "unresolved)")
    parser.add_argument("--format", choices=("text", "jsonl"), default="text",
                        help="a table for reading (default) or one JSON object per line")
    parser.set_defaults(func=run)


def parse_dct(text: str | None) -> date | None:
    """The --dct option as a date (None when not given), or a DateError saying what is expected."""
    if text is None:
        return None
    if not text.strip():
        raise DateError("--dct is empty: give the publication date as YYYY-MM-DD, e.g. --dct 2022-02-12")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DateError(f"--dct {text!r} is not a date; write it as YYYY-MM-DD, e.g. 2022-02-12") from None


def read_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", name) from None


def run(args: argparse.Namespace) -> int:
    from timeline.config import load_config
    from timeline.extract.pipeline import load_pipeline
    from timeline.extract.temporal import find_timexes_in_text

    dct = parse_dct(getattr(args, "dct", None))
    text = read_text(args.file)
    nlp = load_pipeline(load_config(getattr(args, "config", None)).nlp.pipeline)
    for t in find_timexes_in_text(text, dct, nlp):
        if args.format == "jsonl":
            row = {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod}
            print(json.dumps(row, ensure_ascii=False))
        else:
            extra = f" mod={t.mod}" if t.mod else ""
            extra += f" to {t.range_end}" if t.range_end else ""
            print(f"{t.start:>6}-{t.end:<6} {t.type:<8} {t.value or '(unresolved)':<20} {t.text!r}  [{t.rule}]{extra}")
    return 0
