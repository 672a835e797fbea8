"""The cache of extractions: a rebuild re-parses only what changed, and no damage to the cache is fatal."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

import pytest

from timeline import extract as extract_module
from timeline.cache import Memo, keys
from timeline.cache.memo import CHECK_BYTES, MAGIC
from timeline.config import Config, load_config
from timeline.records import ActorRef, Article, DateEvidence, Extraction, Happening, Mention, Timex


def make_cfg(tmp_path: Path, extra: str = "") -> Config:
    (tmp_path / "config.yaml").write_text("paths:\n  content: content\n  output: output\n" + extra)
    (tmp_path / "content").mkdir(exist_ok=True)
    return load_config(tmp_path / "config.yaml")


def article(n: int, text: str | None = None) -> Article:
    return Article(id=f"a{n}", path=f"a{n}.md", title=f"Article {n}",
                   text=text or f"Joe Biden spoke to Vladimir Putin on Saturday ({n}).",
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


def run(articles: list[Article], cfg: Config, *, clean: bool = False, jobs: int = 1) -> list[Extraction]:
    """Extract as the build does: through the memo, which is pruned after."""
    memo = Memo(cfg.paths.cache, enabled=not clean)
    step = memo.step("extract", Extraction, "timeline.extract", extract_module.extraction_settings(cfg))
    results = extract_module.extract_articles(articles, cfg, jobs=jobs, each=step)
    memo.prune()
    return results


def entries(cfg: Config) -> list[Path]:
    return [p for p in (cfg.paths.cache / "extract").rglob("*") if p.is_file() and p.parent.name != "users"]




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


def test_a_moved_article_reports_its_new_path_and_id(tmp_path: Path, counting_extract: list[str]) -> None:
    cfg = make_cfg(tmp_path)
    run([article(1)], cfg)
    moved = Article(**{**article(1).__dict__, "path": "2022/a1.md", "id": "2022-a1"})
    [result] = run([moved], cfg)
    assert result.article.path == "2022/a1.md"
    assert result == rich_extraction(moved)  # its happenings carry the id of the article where it is now


def test_items_of_one_file_keep_their_own_results(tmp_path: Path, counting_extract: list[str]) -> None:
    """A feed or a JSON Lines export gives several articles of one path."""
    cfg = make_cfg(tmp_path)
    texts = ["Joe Biden spoke to Vladimir Putin on Saturday.", "Olaf Scholz will travel to Kyiv on Monday."]
    items = [Article(id=f"feed-{n}", path="feed.xml", title=f"Item {n}", text=text) for n, text in enumerate(texts)]
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
        "from timeline.cache import Memo\n"
        "from timeline.extract import extract_articles, extraction_settings\n"
        "from timeline.records import Extraction\n"
        f"cfg = load_config(Path({str(tmp_path / 'config.yaml')!r}))\n"
        f"articles = pickle.loads(Path({str(tmp_path / 'articles.pickle')!r}).read_bytes())\n"
        "step = Memo(cfg.paths.cache).step('extract', Extraction, 'timeline.extract', extraction_settings(cfg))\n"
        "extract_articles(articles, cfg, jobs=2, each=step)\n"
        "print(step.hits, sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))\n"
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


def test_relevant_config_invalidates(tmp_path: Path, counting_extract: list[str]) -> None:
    cfg = make_cfg(tmp_path)
    run([article(1)], cfg)
    counting_extract.clear()
    cfg2 = make_cfg(tmp_path, "events:\n  types:\n    summit: [meet]\n")
    run([article(1)], cfg2)
    assert counting_extract == ["a1.md"]
    # Entries of the old settings can never hit again and were removed.
    assert len(entries(cfg)) == 1


def test_a_change_to_the_code_extraction_imports_invalidates_and_no_other(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No list of files to keep up to date: the key follows the imports."""
    before = keys.step_digest("timeline.extract", {})
    real = keys._module_file

    def edited(target: str) -> Callable[[str], Path]:
        copy = tmp_path / f"{target}.py"
        copy.write_bytes(real(target).read_bytes() + b"\n# edited\n")
        return lambda name: copy if name == target else real(name)

    monkeypatch.setattr(keys, "_module_file", edited("timeline.extract.temporal.values"))
    assert keys.step_digest("timeline.extract", {}) != before
    monkeypatch.setattr(keys, "_module_file", edited("timeline.render.pages"))
    assert keys.step_digest("timeline.extract", {}) == before
    assert keys.step_digest("timeline.extract", {"other": "settings"}) != before


def test_a_change_to_a_data_file_invalidates_only_the_steps_that_name_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Event vocabularies key extraction; the weights that rank events do not."""
    before = {step: keys.step_digest(step, {}) for step in ("timeline.extract", "timeline.render")}

    def edited(name: str) -> None:
        folder = tmp_path / name.split(".")[0]
        folder.mkdir()
        for path in keys.DATA.glob("*.*"):
            (folder / path.name).write_bytes(path.read_bytes() + (b"\n# edited\n" if path.name == name else b""))
        monkeypatch.setattr(keys, "DATA", folder)

    edited("importance.yaml")
    assert keys.step_digest("timeline.extract", {}) == before["timeline.extract"]
    assert keys.step_digest("timeline.render", {}) != before["timeline.render"]
    edited("event_vocabulary.yaml")
    assert keys.step_digest("timeline.extract", {}) != before["timeline.extract"]


def test_every_data_file_is_named_by_the_code_that_reads_it() -> None:
    """A data file read under a name built at run time would key no step: each is named in quotes."""
    package = [path.read_bytes() for path in keys.PACKAGE.rglob("*.py")]
    named = {path.name for path in keys.data_files(package)}
    files = {path.name for path in keys.DATA.glob("*.*") if path.suffix in (".yaml", ".json", ".txt")}
    assert files - named == set()


def test_unrelated_config_keeps_the_cache(tmp_path: Path, counting_extract: list[str]) -> None:
    run([article(1)], make_cfg(tmp_path))
    counting_extract.clear()
    run([article(1)], make_cfg(tmp_path, "title: Another title\nsite:\n  order: oldest\n"))
    assert counting_extract == []


def with_body(raw: bytes, body: bytes) -> bytes:
    """An entry holding ``body`` with a checksum that fits: damage only decoding can see."""
    import hashlib

    return MAGIC + hashlib.sha256(body).digest()[:CHECK_BYTES] + body


HEAD = len(MAGIC) + CHECK_BYTES
DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "garbage": lambda raw: b"\x00\x01not an entry at all",
    "truncated": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "no body": lambda raw: raw[:HEAD],
    "another format": lambda raw: b"XXXX" + raw[4:],
    "flipped byte": lambda raw: raw[:-20] + bytes([raw[-20] ^ 1]) + raw[-19:],
    "tampered without checksum": lambda raw: raw[:HEAD] + raw[HEAD:].replace(b"Biden", b"Bidon"),
    "not a record": lambda raw: with_body(raw, b"\x93\x01\x02\x03"),
    "deep nesting": lambda raw: with_body(raw, b"\x91" * 100_000 + b"\xc0"),
    "wrong type": lambda raw: with_body(raw, raw[HEAD:].replace(b"\xa9Joe Biden", b"\xcd\x01\x02" + b"\xc0" * 7)),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_entry_is_recomputed(tmp_path: Path, counting_extract: list[str], damage: str) -> None:
    cfg = make_cfg(tmp_path)
    a = article(1)
    [good] = run([a], cfg)
    [entry] = entries(cfg)
    entry.write_bytes(DAMAGE[damage](entry.read_bytes()))
    counting_extract.clear()
    settings = extract_module.extraction_settings(cfg)
    step = Memo(cfg.paths.cache).step("extract", Extraction, "timeline.extract", settings)
    [again] = extract_module.extract_articles([a], cfg, jobs=1, each=step)
    assert counting_extract == ["a1.md"]
    assert again == good
    assert (step.hits, step.misses, step.damaged) == (0, 1, 1)
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
    assert len(entries(cfg)) == 2


def test_content_folders_sharing_the_cache_keep_each_others_entries(tmp_path: Path,
                                                                    counting_extract: list[str]) -> None:
    """One install, several timelines (``--content``), one cache folder: building one
    never throws away what the others need."""
    cfg = make_cfg(tmp_path)

    def build_as(user: str, articles: list[Article]) -> None:
        memo = Memo(cfg.paths.cache, user=user)
        step = memo.step("extract", Extraction, "timeline.extract", extract_module.extraction_settings(cfg))
        extract_module.extract_articles(articles, cfg, jobs=1, each=step)
        memo.prune()

    build_as("crisis-a", [article(1), article(2)])
    build_as("crisis-b", [article(3)])
    counting_extract.clear()
    build_as("crisis-a", [article(1), article(2)])
    build_as("crisis-b", [article(3)])
    assert counting_extract == []
    build_as("crisis-a", [article(1)])  # an article removed from one: its entry goes
    assert len(entries(cfg)) == 2


def test_a_folder_another_build_prunes_meanwhile_does_not_stop_this_one(
        tmp_path: Path, counting_extract: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Two builds sharing one cache folder prune at once: an entry folder the other build
    removes between listing and reading is skipped, and the build goes on."""
    import os
    import shutil

    cfg = make_cfg(tmp_path)
    run([article(1), article(2), article(3)], cfg)
    real_scandir = os.scandir
    step_folder = str(cfg.paths.cache / "extract")

    class Listing(list):  # what scandir gave before the other build removed a folder
        def __enter__(self) -> "Listing":
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    def other_build_removes_first(path: object) -> object:
        if str(path) != step_folder:
            return real_scandir(path)  # type: ignore[call-overload]
        listing = Listing(real_scandir(path))
        folders = [e for e in listing if e.is_dir() and len(e.name) == 2]
        shutil.rmtree(folders[0].path)
        return listing

    monkeypatch.setattr("timeline.cache.memo.os.scandir", other_build_removes_first)
    run([article(1), article(2), article(3)], cfg)
    monkeypatch.undo()
    counting_extract.clear()
    run([article(1), article(2), article(3)], cfg)
    assert len(counting_extract) <= 1  # only what the other build took away is parsed again
