"""What reading scraped news costs against the time spaCy needs to parse it.

Usage: python benchmarks/bench_chrome.py [COLLECTION ...]

Over the real scraped collections of ``../shared/data/tls-dev`` (default:
t17-mj and t17-h1n1), times cleaning each article's text with the page
chrome rules (``timeline/sources/chrome.py``) and without them, and times
the configured spaCy pipeline (``nlp.pipe``) on a sample of the cleaned
texts, scaled to all of them by characters. The chrome rules may cost at
most 10 % of the parse time; the share of all of cleaning (detokenising,
the line rules and the chrome rules) is printed beside it. Timings are the best of three runs; on a
loaded machine they are noisy.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.tls import COLLECTIONS, articles  # noqa: E402
from timeline.sources import clean  # noqa: E402
from timeline.sources.chrome import Cut  # noqa: E402

BAR = 0.10
SAMPLE_EVERY = 4  # every fourth article is parsed; the time is scaled to all
REPEAT = 3


def _without_chrome(keep: list, header: list[int]) -> Cut:  # type: ignore[type-arg]
    return Cut([[line] if line else None for line in keep], [])


def cleaning_seconds(texts: list[str], chrome: bool) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        with mock.patch.object(clean, "cut_chrome", clean.cut_chrome if chrome else _without_chrome):
            with mock.patch.object(clean, "opens_with_credit", clean.opens_with_credit if chrome else
                                   (lambda text: False)):
                start = time.perf_counter()
                for text in texts:
                    clean.clean_body(text)
                best = min(best, time.perf_counter() - start)
    return best


def parse_seconds(texts: list[str]) -> float:
    from timeline.config import DEFAULTS
    from timeline.extract.parallel import unused_components
    from timeline.extract.pipeline import load_pipeline

    nlp = load_pipeline(str(DEFAULTS["nlp"]["pipeline"]))  # type: ignore[index]
    sample = texts[::SAMPLE_EVERY]
    start = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=16, disable=unused_components(nlp)):
        pass
    took = time.perf_counter() - start
    return took * sum(map(len, texts)) / max(1, sum(map(len, sample)))


def main(names: list[str]) -> int:
    if not COLLECTIONS:
        print("no tls-dev collections found (../shared/data/tls-dev); nothing measured")
        return 0
    worst = 0.0
    for name in names:
        texts = [doc["text"] for doc in articles(name)]
        with_chrome = cleaning_seconds(texts, chrome=True)
        without = cleaning_seconds(texts, chrome=False)
        parse = parse_seconds([clean.clean_body(t).text for t in texts])
        extra = max(0.0, with_chrome - without)
        share = extra / parse
        worst = max(worst, share)
        print(f"{name}: {len(texts)} articles; cleaning {with_chrome:.2f} s with the chrome rules, "
              f"{without:.2f} s without (chrome {extra:.2f} s); spaCy parse {parse:.1f} s (scaled from every "
              f"{SAMPLE_EVERY}th article); chrome = {share:.1%} of the parse (bar {BAR:.0%}), all of cleaning "
              f"= {with_chrome / parse:.1%}")
    print(f"worst: {worst:.1%} of the parse time ({'within' if worst <= BAR else 'OVER'} the {BAR:.0%} bar)")
    return 0 if worst <= BAR else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["t17-mj", "t17-h1n1"]))
