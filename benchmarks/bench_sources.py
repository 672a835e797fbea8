"""Reading and cleaning 10,000 text articles against the time spaCy needs to parse them.

Usage: python benchmarks/bench_sources.py [N]

Writes N (default 10,000) text articles shaped like the shipped ones into a
temporary content folder, times ``read_sources`` on it, times the configured
spaCy pipeline on a sample of the same texts and scales that to N. Issue 7
asks for reading to take at most 5% of the parse time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.config import load_config  # noqa: E402
from timeline.sources import read_sources  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = 200  # texts parsed by spaCy; its time is scaled to N
BAR = 0.05


def corpus_texts() -> list[str]:
    """Bodies of the example articles (and the seed when present), to vary the input."""
    articles, _ = read_sources(load_config(None, content=ROOT / "content"))
    texts = [a.text for a in articles]
    seed = ROOT.parent / "shared" / "seed"
    texts += [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(seed.glob("*.txt"))] if seed.is_dir() else []
    return texts


def main(n: int) -> int:
    texts = corpus_texts()
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder)
        for i in range(n):
            body = texts[i % len(texts)]
            # Vary every article so none is dropped as a duplicate.
            (content / f"2022-02-{1 + i % 28:02d}-article-{i:05d}.txt").write_text(
                f"Article {i} headline | World\n\nArticle number {i}. {body}\n\nAbout Some Author\n\nCheck Also\n",
                encoding="utf-8")
        start = time.perf_counter()
        articles, problems = read_sources(load_config(None, content=content))
        read_seconds = time.perf_counter() - start
    assert len(articles) == n, (len(articles), problems[:3])

    from timeline.nlp import load_pipeline

    nlp = load_pipeline(load_config(None).nlp.pipeline)
    sample = [a.text for a in articles[:SAMPLE]]
    start = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=16):
        pass
    parse_seconds = (time.perf_counter() - start) * n / len(sample)
    share = read_seconds / parse_seconds
    print(f"read+clean {n} articles: {read_seconds:.1f} s ({read_seconds / n * 1000:.2f} ms each)")
    print(f"spaCy parse (from {len(sample)} texts, scaled): {parse_seconds:.1f} s")
    print(f"reading is {share:.1%} of parsing (bar {BAR:.0%})")
    return 0 if share <= BAR else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
