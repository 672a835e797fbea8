"""The real scraped collections of ``../shared/data/tls-dev`` as a maintainer would drop them.

Each article becomes ``content/<published>-<id>.txt`` (the publication date in the file name,
the first line read as the headline, as scraped text arrives), in a folder of its own with a
``config.yaml``. The texts are read from the shared data at run time and written only into a
scratch folder: they are never part of the project.

    from evaluation.tls import COLLECTIONS, materialise, build, gold
    folder = materialise("t17-haiti", Path("/tmp/tls/t17-haiti"))
    build(folder)                      # python -m timeline build, in that folder
    timelines = gold("t17-haiti")      # [(name, [date, ...]), ...]

Run ``python -m evaluation.tls NAME [FOLDER]`` to materialise and build one collection.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TLS_DEV = Path(os.environ.get("TIMELINE_TLS_DEV", ROOT.parent / "shared" / "data" / "tls-dev"))


def collections() -> list[str]:
    """The names of the collections present (empty when ../shared is absent)."""
    return sorted(p.name.split(".")[0] for p in TLS_DEV.glob("*.articles.jsonl.gz"))


COLLECTIONS = collections()


def articles(name: str) -> list[dict[str, str]]:
    """The collection's articles: ``{id, published, text}`` each, in the file's order."""
    with gzip.open(TLS_DEV / f"{name}.articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def gold(name: str) -> list[tuple[str, list[str]]]:
    """The journalists' timelines: ``(name, sorted ISO dates)`` each."""
    data = json.loads((TLS_DEV / f"{name}.gold.json").read_text(encoding="utf-8"))
    return [(str(t.get("name", i)), sorted({str(item["date"])[:10] for item in t["timeline"]}))
            for i, t in enumerate(data)]


def materialise(name: str, folder: Path, limit: int | None = None, cache: Path | None = None,
                extra_config: str = "") -> Path:
    """Write the collection (or its first ``limit`` articles) as a content folder under ``folder``.

    ``cache`` puts the extraction cache elsewhere (shared between runs of several folders)."""
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for doc in articles(name)[:limit]:
        path = content / f"{doc['published']}-{doc['id']}.txt"
        wanted.add(path.name)
        if not path.exists() or path.read_text(encoding="utf-8") != doc["text"]:
            path.write_text(doc["text"], encoding="utf-8")
    for stale in content.glob("*.txt"):
        if stale.name not in wanted:
            stale.unlink()
    cache_line = f"  cache: {cache}\n" if cache else "  cache: cache\n"
    (folder / "config.yaml").write_text(
        f"title: {json.dumps(name)}\npaths:\n  content: content\n  output: output\n{cache_line}"
        + extra_config, encoding="utf-8")
    return folder


def build(folder: Path, *args: str, quiet: bool = True) -> subprocess.CompletedProcess[str]:
    """``python -m timeline build`` in ``folder`` with this checkout's package.

    Exit 1 (some articles reported and skipped, as real scraped piles have a few) is kept; any
    other failure raises."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-m", "timeline", "build", *args], cwd=folder, env=env,
                          capture_output=quiet, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"build of {folder} failed ({done.returncode}):\n{done.stderr}")
    return done


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COLLECTIONS:
        print(f"usage: python -m evaluation.tls NAME [FOLDER]; NAME one of {', '.join(COLLECTIONS) or '(none)'}")
        return 2
    name = sys.argv[1]
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/tls") / name
    build(materialise(name, folder), quiet=False)
    print(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
