"""Turn the marked-up held-out articles into the JSONL shape of the dev set.

Usage: python evaluation/heldout/make_jsonl.py [articles.txt] [heldout.jsonl]

The source keeps each annotation inline ([[extent|TYPE|value|MOD]]) so that a
reader checks text and reading side by side; offsets are computed here, never
typed by hand.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([^|\]]+)\|(DATE|TIME|DURATION|SET)\|([^|\]]+)(?:\|([A-Z_]+))?\]\]")
HEADER = re.compile(r"^=== (?P<id>\S+) (?P<dct>\d{4}-\d\d-\d\d)\s*$")


def parse_document(doc_id: str, dct: str, marked: str) -> dict[str, Any]:
    """One record: the plain text and its time expressions with character offsets."""
    text_parts: list[str] = []
    timexes: list[dict[str, Any]] = []
    length, last = 0, 0
    for m in MARK.finditer(marked):
        before = marked[last:m.start()]
        text_parts.append(before)
        length += len(before)
        extent, kind, value, mod = m.groups()
        timexes.append({"start": length, "end": length + len(extent), "text": extent, "type": kind,
                        "value": value, "mod": mod, "function": "NONE"})
        text_parts.append(extent)
        length += len(extent)
        last = m.end()
    text_parts.append(marked[last:])
    text = "".join(text_parts)
    # The whole text is annotated, unlike MEANTIME's first sentences only.
    return {"doc_id": doc_id, "corpus": "heldout", "dct": dct, "text": text, "timexes": timexes,
            "annotated_end": len(text)}


def read_articles(source: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    header: re.Match[str] | None = None
    lines: list[str] = []
    for line in source.splitlines() + ["=== end 0000-00-00"]:
        if line.startswith("#") and header is None:
            continue
        found = HEADER.match(line)
        if found:
            if header is not None:
                records.append(parse_document(header["id"], header["dct"], "\n".join(lines).strip() + "\n"))
            header, lines = found, []
        elif header is not None:
            lines.append(line)
    return records


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else HERE / "articles.txt"
    target = Path(argv[1]) if len(argv) > 1 else HERE / "heldout.jsonl"
    records = read_articles(source.read_text(encoding="utf-8"))
    for record in records:
        for t in record["timexes"]:
            assert record["text"][t["start"]:t["end"]] == t["text"]
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} documents, {sum(len(r['timexes']) for r in records)} time expressions -> {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
