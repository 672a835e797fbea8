"""Accuracy of publication dates read from saved news pages.

Usage: python evaluation/eval_pubdates.py [FOLDER]

FOLDER holds saved pages (*.html) and a ``dates.yaml`` mapping each page's
name (without .html) to its known publication date, or null when the page
gives none. The default is the project's own fixture set; point it at a
folder of real saved pages to measure on pages the project has never seen.
Prints one line per page that is wrong and the accuracy; exits 1 below the
quality bar of issue 7 (90%).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.sources.html_pages import read_html  # noqa: E402

BAR = 0.90
DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sources" / "pages"


def published_of(page: Path) -> str | None:
    drafts, _ = read_html(page.read_text(encoding="utf-8", errors="replace"), page.name)
    day = drafts[0].meta.get("published") if drafts else None
    return day.isoformat() if day else None


def main(folder: Path) -> int:
    known = yaml.safe_load((folder / "dates.yaml").read_text(encoding="utf-8"))
    right = 0
    for name, expected in sorted(known.items()):
        expected = str(expected) if expected else None
        found = published_of(folder / f"{name}.html")
        if found == expected:
            right += 1
        else:
            print(f"wrong  {name}: expected {expected}, found {found}")
    accuracy = right / len(known) if known else 0.0
    print(f"publication dates right: {right}/{len(known)} = {accuracy:.1%} (bar {BAR:.0%})")
    return 0 if accuracy >= BAR else 1


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
