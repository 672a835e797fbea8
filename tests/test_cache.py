"""The extraction cache: a rebuild re-parses only what changed, and no damage to the cache is fatal."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any, Callable

import pytest

from timeline.cache import extractions as cache_module
from timeline import extract as extract_module
from timeline.config import Config, load_config
from timeline.records import ActorRef, Article, DateEvidence, Extraction, Happening, Mention, Timex


def make_cfg(tmp_path: Path, extra: str = "") -> Config:
    (tmp_path / "config.yaml").write_text("paths:\n  content: content\n  output: output\n" + extra)
    (tmp_path / "content").mkdir(exist_ok=True)
    return load_config(tmp_path / "config.yaml")


def article(n: int, text: str | None = None) -> Article:
    return Article(id=f"a{n}", path=f"a{n}.md", title=f"Article {n}", text=text or f"Joe Biden spoke to Vladimir Putin on Saturday ({n}).",
                   published=date(2022, 2, 12), url=f"https://example.org/{n}")


def rich_extraction(a: Article) -> Extraction:
    happening = Happening(
        article_id=a.id, sentence_index=0, sentence=a.text, predicate="speak", date="2022-02-12", precision="day",
        status="occurred", evidence=DateEvidence(rule="weekday-past", expression="on Saturday", value="2022-02-12"),
        title="Biden speaks to Putin", summary=a.text, actors=(ActorRef("Joe Biden", "person"),), numbers=("1",),
    )
    return Extraction(article=a, happenings=(happening,), mentions=(Mention(0, 9, "Joe Biden", "Joe Biden", "person"),),
                      timexes=(Timex(40, 51, "on Saturday", "DATE", "2022-02-12"),), warnings=("w",))


@pytest.fixture
def counting_extract(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Stand-in for the real extraction that records which articles were parsed."""
    parsed: list[str] = []

    def fake(a: Article, doc: object, cfg: Config) -> Extraction:
        parsed.append(a.path)
        assert len(doc) > 0  # a real spaCy Doc came in
        return rich_extraction(a)

    monkeypatch.setattr(extract_module, "extract", fake)
    return parsed


def run(articles: list[Article], cfg: Config, **kw: object) -> list[Extraction]:
    return list(extract_module.extract_all(articles, cfg, jobs=1, **kw))




def test_rebuild_without_change_parses_nothing(tmp_path: Path, counting_extract: list[str]) -> None:
    cfg = make_cfg(tmp_path)
    articles = [article(n) for n in range(5)]
    first = run(articles, cfg)
    assert len(counting_extract) == 5
    counting_extract.clear()
    second = run(articles, cfg)
    assert counting_extract == []
    assert second == first


def test_editing_one_article_reparses_only_it(tmp_path: Path, counting_extract: list[str]) -> None:
    cfg = make_cfg(tmp_path)
    articles = [article(n) for n in range(5)]
    run(articles, cfg)
    counting_extract.clear()
    articles[2] = article(2, text="Olaf Scholz will travel to Kyiv on Monday.")
    result = run(articles, cfg)
    assert counting_extract == ["a2.md"]
    assert [e.article for e in result] == articles


def test_moved_article_is_a_hit_and_reports_its_new_path(tmp_path: Path, counting_extract: list[str]) -> None:
    cfg = make_cfg(tmp_path)
    run([article(1)], cfg)
    counting_extract.clear()
    moved = Article(**{**article(1).__dict__, "path": "2022/a1.md", "id": "2022-a1"})
    [result] = run([moved], cfg)
    assert counting_extract == [] and result.article.path == "2022/a1.md"
    assert result == rich_extraction(moved)  # its happenings carry the id of the article where it is now


def test_items_of_one_file_keep_their_own_results(tmp_path: Path, counting_extract: list[str]) -> None:
    """A feed or a JSON Lines export gives several articles of one path."""
    cfg = make_cfg(tmp_path)
    items = [Article(id=f"feed-{n}", path="feed.xml", title=f"Item {n}", text=text) for n, text in
             enumerate(["Joe Biden spoke to Vladimir Putin on Saturday.", "Olaf Scholz will travel to Kyiv on Monday."])]
    first = run(items, cfg)
    assert first == [rich_extraction(a) for a in items]
    second = run(items, cfg)
    assert len(counting_extract) == 2 and second == first


def test_a_rebuild_from_the_cache_loads_no_pipeline(tmp_path: Path, counting_extract: list[str]) -> None:
    """Importing spaCy and loading the pipeline take a second: a build with nothing to parse pays neither."""
    import pickle
    import subprocess
    import sys

    cfg = make_cfg(tmp_path)
    articles = [article(n) for n in range(3)]
    run(articles, cfg)
    (tmp_path / "articles.pickle").write_bytes(pickle.dumps(articles))
    code = (
        "import pickle, sys\n"
        "from pathlib import Path\n"
        "from timeline.config import load_config\n"
        "from timeline.extract import extract_all, extraction_cache\n"
        f"cfg = load_config(Path({str(tmp_path / 'config.yaml')!r}))\n"
        f"articles = pickle.loads(Path({str(tmp_path / 'articles.pickle')!r}).read_bytes())\n"
        "cache = extraction_cache(cfg)\n"
        "list(extract_all(articles, cfg, cache=cache, jobs=2))\n"
        "print(cache.hits, sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.split("\n")[0] == "3 []"


def test_the_garbage_collector_is_left_as_it_was(tmp_path: Path, counting_extract: list[str]) -> None:
    import gc

    cfg = make_cfg(tmp_path)
    run([article(1), article(2)], cfg)
    run([article(1), article(2)], cfg)
    assert gc.isenabled()
    gc.disable()
    try:
        run([article(1), article(2)], cfg)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_clean_ignores_the_cache(tmp_path: Path, counting_extract: list[str]) -> None:
    cfg = make_cfg(tmp_path)
    run([article(1), article(2)], cfg)
    counting_extract.clear()
    run([article(1), article(2)], cfg, clean=True)
    assert counting_extract == ["a1.md", "a2.md"]


def test_relevant_config_and_extractor_version_invalidate(tmp_path: Path, counting_extract: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = make_cfg(tmp_path)
    run([article(1)], cfg)
    counting_extract.clear()
    cfg2 = make_cfg(tmp_path, "events:\n  types:\n    summit: [meet]\n")
    run([article(1)], cfg2)
    assert counting_extract == ["a1.md"]
    counting_extract.clear()
    monkeypatch.setattr(cache_module, "EXTRACTOR_VERSION", "test-bump")
    run([article(1)], cfg2)
    assert counting_extract == ["a1.md"]
    # Entries of the old settings can never hit again and were removed.
    assert len(list((cfg.paths.cache / "extract").iterdir())) == 1


def test_unrelated_config_keeps_the_cache(tmp_path: Path, counting_extract: list[str]) -> None:
    run([article(1)], make_cfg(tmp_path))
    counting_extract.clear()
    run([article(1)], make_cfg(tmp_path, "title: Another title\nsite:\n  order: oldest\n"))
    assert counting_extract == []


def rewrite(raw: bytes, change: Callable[[dict[str, Any], list[Any]], None], *, checksum: bool = True) -> bytes:
    """An entry with its header and body changed by ``change``, and (``checksum``) a checksum that fits."""
    head, body = raw.split(b"\n", 1)
    header, values = json.loads(head), json.loads(body)
    change(header, values)
    body = json.dumps(values).encode()
    if checksum:
        header["sha256"] = hashlib.sha256(body).hexdigest()
    return json.dumps(header).encode() + b"\n" + body


def happening(change: Callable[[list[Any]], None]) -> Callable[[dict[str, Any], list[Any]], None]:
    return lambda header, values: change(values[0][0])


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "garbage": lambda raw: b"\x00\x01not json at all",
    "truncated": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "no body": lambda raw: raw.split(b"\n")[0],
    "not a mapping": lambda raw: b"[1, 2, 3]",
    "deep nesting": lambda raw: b"[" * 100_000 + b"]" * 100_000,
    "body deeply nested": lambda raw: raw.split(b"\n")[0] + b"\n" + b"[" * 100_000 + b"]" * 100_000,
    "stale format": lambda raw: rewrite(raw, lambda header, values: header.update(format=1)),
    "another article": lambda raw: rewrite(raw, lambda header, values: header.update(fingerprint="0" * 16)),
    "tampered": lambda raw: rewrite(raw, happening(lambda h: h.__setitem__(8, "tampered")), checksum=False),
    "flipped byte": lambda raw: raw[:-20] + bytes([raw[-20] ^ 1]) + raw[-19:],
    "extra field": lambda raw: rewrite(raw, happening(lambda h: h.append(1))),
    "missing field": lambda raw: rewrite(raw, happening(lambda h: h.pop())),
    "wrong type": lambda raw: rewrite(raw, happening(lambda h: h.__setitem__(1, "zero"))),
    "bool for int": lambda raw: rewrite(raw, happening(lambda h: h.__setitem__(1, True))),
    "null for str": lambda raw: rewrite(raw, happening(lambda h: h.__setitem__(2, None))),
    "object for record": lambda raw: rewrite(raw, lambda header, values: values[1].__setitem__(0, {"start": 0})),
    "missing part": lambda raw: rewrite(raw, lambda header, values: values.pop()),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_entry_is_recomputed(tmp_path: Path, counting_extract: list[str], damage: str) -> None:
    cfg = make_cfg(tmp_path)
    a = article(1)
    [good] = run([a], cfg)
    [entry] = list(cfg.paths.cache.rglob("*.json"))
    entry.write_bytes(DAMAGE[damage](entry.read_bytes()))
    counting_extract.clear()
    cache = extract_module.extraction_cache(cfg)
    [again] = list(extract_module.extract_all([a], cfg, cache=cache, jobs=1))
    assert counting_extract == ["a1.md"]
    assert again == good
    assert (cache.hits, cache.misses, cache.corrupt) == (0, 1, 1)
    counting_extract.clear()
    run([a], cfg)  # the entry was rewritten whole
    assert counting_extract == []


def test_cache_folder_deleted_or_unwritable_is_not_fatal(tmp_path: Path, counting_extract: list[str]) -> None:
    import shutil

    cfg = make_cfg(tmp_path)
    run([article(1)], cfg)
    shutil.rmtree(cfg.paths.cache)
    counting_extract.clear()
    run([article(1)], cfg)
    assert counting_extract == ["a1.md"]
    shutil.rmtree(cfg.paths.cache)
    cfg.paths.cache.write_text("a file where the cache folder should be")
    counting_extract.clear()
    assert len(run([article(1)], cfg)) == 1


def test_failed_extraction_is_reported_and_not_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(a: Article, doc: object, cfg: Config) -> Extraction:
        if a.id == "a2":
            raise ValueError("boom")
        return rich_extraction(a)

    monkeypatch.setattr(extract_module, "extract", broken)
    cfg = make_cfg(tmp_path)
    results = run([article(1), article(2), article(3)], cfg)
    assert [bool(e.errors) for e in results] == [False, True, False]
    assert "boom" in results[1].errors[0]
    assert len(list(cfg.paths.cache.rglob("*.json"))) == 2
