"""Parse and extract articles on several cores.

Two ways are kept because they were measured against each other
(benchmarks/bench_build.py): spaCy's own ``nlp.pipe(n_process=N)`` parses in
workers but ships every Doc back to this process to be extracted one by one,
while a pool of forked workers parses *and* extracts, and returns only the
small Extraction records. The pool is the default because it was faster
(see benchmarks/RESULTS.md): the extraction runs on all cores too, and no Doc
crosses a process boundary.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from timeline.records import Article, Extraction

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from timeline.config import Config

log = logging.getLogger("timeline")

# Components some pipelines carry that the project never reads: the parser
# already gives sentences, and no stage classifies texts or links entities.
UNUSED_COMPONENTS = frozenset({
    "senter", "textcat", "textcat_multilabel", "spancat", "entity_linker", "span_finder", "trainable_lemmatizer",
})

STRATEGIES = ("pool", "spacy")
DEFAULT_STRATEGY = "pool"

ExtractFn = Callable[[Article, "Doc", "Config"], Extraction]

# Extracted once in the parent before the workers fork, so that lazily built
# tables (dateparser's locale and time zone patterns, name folding caches,
# compiled regexes: about a second and a half) are built once and inherited
# instead of being built again in every worker.
WARM_UP = Article(
    id="warm-up", path="warm-up", title="Warm-up",
    text="On Saturday, 12 February 2022, President Joe Biden spoke with Vladimir Putin of Russia for an hour. "
         "Olaf Scholz will travel to Kyiv on Monday, the German government said in Berlin last week.",
    published=date(2022, 2, 12),
)

# Set in the parent before the workers fork, so they inherit the loaded
# pipeline instead of loading it again (a second per worker).
_WORKER: dict[str, object] = {}


def unused_components(nlp: "Language") -> list[str]:
    return [name for name in nlp.pipe_names if name in UNUSED_COMPONENTS]


def parse_extract(
    articles: Sequence[Article],
    nlp: "Language",
    cfg: "Config",
    extract: ExtractFn,
    *,
    jobs: int = 1,
    strategy: str = DEFAULT_STRATEGY,
) -> Iterator[Extraction]:
    """Extractions of ``articles``, in their order, computed with ``jobs`` processes."""
    batch = max(1, cfg.nlp.batch_size)
    jobs = max(1, min(jobs, (len(articles) + batch - 1) // batch or 1))
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from serial(articles, nlp, cfg, extract)
    elif strategy == "spacy":
        yield from _spacy_processes(articles, nlp, cfg, extract, jobs)
    else:
        yield from _pool(articles, nlp, cfg, extract, jobs)


def serial(articles: Sequence[Article], nlp: "Language", cfg: "Config", extract: ExtractFn) -> Iterator[Extraction]:
    fits = [i for i, a in enumerate(articles) if len(a.text) <= nlp.max_length]
    docs = nlp.pipe((articles[i].text for i in fits), batch_size=cfg.nlp.batch_size, disable=unused_components(nlp))
    # By position, not path: the items of one file (a feed, a JSON Lines export) share its path.
    parsed = dict(zip(fits, _each_or_none(docs, len(fits))))
    for i, article in enumerate(articles):
        doc: "Doc | Extraction | None" = parsed.get(i)
        if doc is None:
            doc = _parse_alone(nlp, article)
        if isinstance(doc, Extraction):
            yield doc
        else:
            yield _safe_extract(extract, article, doc, cfg)


def _each_or_none(docs: Iterator["Doc"], count: int) -> Iterator["Doc | None"]:
    """The docs of a batch, or None for all that are left when the batch fails
    (they are then parsed one by one, so that one bad text costs only itself)."""
    done = 0
    try:
        for doc in docs:
            done += 1
            yield doc
    except Exception:  # noqa: BLE001 - spaCy raises many kinds; the retry says which
        log.debug("batch parse failed; parsing the rest one by one", exc_info=True)
    yield from (None for _ in range(count - done))


def _parse_alone(nlp: "Language", article: Article) -> "Doc | Extraction":
    if len(article.text) > nlp.max_length:
        return Extraction(article=article, errors=(
            f"too long to parse ({len(article.text):,} characters; the pipeline takes {nlp.max_length:,}); "
            "split the article or shorten it",))
    try:
        return nlp(article.text, disable=unused_components(nlp))
    except Exception as exc:  # noqa: BLE001 - one text the parser cannot take must not stop the others
        return Extraction(article=article, errors=(f"cannot be parsed ({type(exc).__name__}: {exc})",))


def _spacy_processes(
    articles: Sequence[Article], nlp: "Language", cfg: "Config", extract: ExtractFn, jobs: int
) -> Iterator[Extraction]:
    docs = nlp.pipe((a.text for a in articles), batch_size=cfg.nlp.batch_size, n_process=jobs,
                    disable=unused_components(nlp))
    for article, doc in zip(articles, docs):
        yield _safe_extract(extract, article, doc, cfg)


def _pool(
    articles: Sequence[Article], nlp: "Language", cfg: "Config", extract: ExtractFn, jobs: int
) -> Iterator[Extraction]:
    batch = max(1, cfg.nlp.batch_size)
    chunks = [list(articles[i:i + batch]) for i in range(0, len(articles), batch)]
    warm_up(nlp, cfg, extract)
    _WORKER.update(nlp=nlp, cfg=cfg, extract=extract)
    context = multiprocessing.get_context("fork")
    try:
        with context.Pool(jobs, initializer=worker_init) as pool:
            for results in pool.imap(_worker_chunk, chunks):
                yield from results
    finally:
        _WORKER.clear()


def warm_up(nlp: "Language", cfg: "Config", extract: ExtractFn) -> None:
    """Run ``WARM_UP`` through the pipeline and ``extract``, building the tables both build lazily."""
    list(serial([WARM_UP], nlp, cfg, extract))


# The cycle collector's thresholds while a build runs (``timeline.build``): its records live to
# its end and form no cycles, so the collector runs far less often. Forked workers inherit them;
# a Dask worker, started on its own, sets them when it loads the pipeline.
LONG_LIVED_GC = (100_000, 50, 1000)


def worker_init() -> None:
    # Ctrl-C goes to the whole process group; only the parent should report it.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def _worker_chunk(chunk: list[Article]) -> list[Extraction]:
    nlp, cfg, extract = _WORKER["nlp"], _WORKER["cfg"], _WORKER["extract"]
    return list(serial(chunk, nlp, cfg, extract))  # type: ignore[arg-type]


def _safe_extract(extract: ExtractFn, article: Article, doc: "Doc", cfg: "Config") -> Extraction:
    """One article's failure is reported against it and never stops the others."""
    try:
        return extract(article, doc, cfg)
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not sink the build
        log.debug("extraction of %s failed", article.path, exc_info=True)
        return Extraction(article=article, errors=(f"extraction failed ({type(exc).__name__}: {exc}); "
                                                   "please report this article",))

