"""``python -m tests.golden``: build the example twice, check that both builds wrote the same
files, then write the golden set to tests/golden/expected/ in place of the old one."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from tests.golden import EXPECTED, build_example, difference, golden_files


def tree(folder: Path) -> list[str]:
    """Every file the build wrote, the extraction cache aside."""
    return sorted(p.relative_to(folder).as_posix() for place in ("content", "output")
                  for p in (folder / place).rglob("*") if p.is_file())


def regenerate() -> int:
    with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
        first, second = Path(tmp) / "first", Path(tmp) / "second"
        for folder in (first, second):
            folder.mkdir()
            status = build_example(folder)
            if status != 0:
                print(f"the example's build exited with status {status}; nothing written", file=sys.stderr)
                return 1
        if tree(first) != tree(second):
            print("two builds of the example wrote different files; nothing written", file=sys.stderr)
            return 1
        differ = [difference(first / name, second / name, name) for name in tree(first)]
        if any(differ):
            print("two builds of the example differ; nothing written:\n" + "".join(differ), file=sys.stderr)
            return 1
        names = golden_files(first)
        missing = [name for name in names if not (first / name).is_file()]
        if missing:
            print(f"the build wrote no {', '.join(missing)}: choose other pages in PAGES "
                  "(tests/golden/__init__.py); nothing written", file=sys.stderr)
            return 1
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for name in names:
            (EXPECTED / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(first / name, EXPECTED / name)
    print(f"wrote {len(names)} files to {EXPECTED}")
    return 0


if __name__ == "__main__":
    sys.exit(regenerate())
