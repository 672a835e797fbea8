"""Reading through the cache: a rebuild reads only the files that changed, and gets what a full read gets."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

import timeline.sources as sources
from timeline.cache import Memo
from timeline.config import Config, load_config
from timeline.records import Article, Problem
from timeline.sources import clock
from timeline.sources.files import Reading

PAGES = Path(__file__).parent / "fixtures" / "sources" / "pages"

STORY = ("Leaders of the two countries met in Geneva on Saturday to talk about the crisis, and they agreed "
         "to meet again in the spring after the talks, officials said on Sunday evening.")
FILES = {
    "2022-02-12-talks.md": f"---\ntitle: Talks in Geneva\nurl: https://example.org/talks\n---\n{STORY}\n",
    "desk/brief.txt": "Ministers meet in Paris | The Desk\n\nThe ministers of the union met in Paris on Monday "
                      "and agreed on a plan for the winter, which they will present to the leaders next week.\n",
    "sidecar.md": "# Port reopens\n\nThe port of the city reopened on Tuesday after a week of storms had closed it "
                  "to every ship, the harbour master said in a statement on the same day.\n",
    "sidecar.yaml": "published: 2022-03-01\noutlet: Harbour News\n",
    "broken.md": "---\ntitle: [unclosed\n---\nText.\n",
    "copy.md": f"# Talks in Geneva, again\n\n{STORY}\n",
    "notes.pdf": "not an article",
    "sources.yaml": "desk/brief.txt:\n  published: 2022-02-20\n  outlet: The Desk\n",
}


def project(tmp_path: Path, files: dict[str, str] = FILES) -> Config:
    content = tmp_path / "content"
    content.mkdir()
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")
    (tmp_path / "config.yaml").write_text("paths: {content: content, output: output, cache: cache}\n",
                                          encoding="utf-8")
    return load_config(tmp_path / "config.yaml")


def spy_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files read from now on (not taken from the cache), by relative path."""
    read: list[str] = []
    real = sources.read_one

    def counting(source, cfg, index_entry=None):  # type: ignore[no-untyped-def]
        read.append(source.rel)
        return real(source, cfg, index_entry)

    monkeypatch.setattr(sources, "read_one", counting)
    return read


def read_sources(cfg: Config, *, clean: bool = False, jobs: int | None = None) -> tuple[list[Article], list[Problem]]:
    """Read as the build does: through the memo, which is pruned after."""
    memo = Memo(cfg.paths.cache, enabled=not clean)
    step = memo.step("read", Reading, "timeline.sources", sources.read_settings(cfg))
    found = sources.read_sources(cfg, jobs=jobs, each=step)
    memo.prune()
    return found


def entries(cfg: Config) -> list[Path]:
    return sorted(p for p in (cfg.paths.cache / "read").rglob("*") if p.is_file() and p.parent.name != "users")


def cold(cfg: Config) -> tuple[list[Article], list[Problem]]:
    return read_sources(cfg, clean=True)


def test_a_warm_read_gives_what_a_cold_read_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project(tmp_path)
    first = read_sources(cfg)
    assert len(entries(cfg)) == 5  # every article file; not the file of no article format
    read = spy_reads(monkeypatch)
    again = read_sources(cfg)
    assert read == []
    assert again == first == cold(cfg)
    articles, problems = again
    assert [a.path for a in articles] == ["2022-02-12-talks.md", "desk/brief.txt", "sidecar.md"]
    assert articles[1].outlet == "The Desk" and articles[2].outlet == "Harbour News"
    # Each file's problems, and those found across files, are reported on every read.
    messages = [(p.path.rsplit("/", 1)[-1], p.severity, p.message.split(" (")[0]) for p in problems]
    assert [m[1] for m in messages if m[0] == "broken.md" and "front matter is not valid YAML" in m[2]] == ["error"]
    assert ("notes.pdf", "warning", "not an article format") in messages
    assert ("copy.md", "warning", "duplicate of 2022-02-12-talks.md") in messages


def test_an_edited_file_alone_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project(tmp_path)
    read_sources(cfg)
    read = spy_reads(monkeypatch)
    talks = cfg.paths.content / "2022-02-12-talks.md"
    talks.write_text(talks.read_text(encoding="utf-8") + "\nThe ministry confirmed the talks on Monday.\n",
                     encoding="utf-8")
    warm = read_sources(cfg)
    assert read == ["2022-02-12-talks.md"]
    assert warm == cold(cfg)
    assert "confirmed the talks" in warm[0][0].text
    # The same length of other words: the file's times may not show the change, its bytes do.
    read.clear()
    text = talks.read_text(encoding="utf-8")
    talks.write_text(text.replace("Monday.", "Friday."), encoding="utf-8")
    assert "confirmed the talks on Friday" in read_sources(cfg)[0][0].text
    assert read == ["2022-02-12-talks.md"]


def test_a_moved_file_is_read_under_its_new_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project(tmp_path)
    read_sources(cfg)
    before = len(entries(cfg))
    read = spy_reads(monkeypatch)
    (cfg.paths.content / "sidecar.md").rename(cfg.paths.content / "harbour.md")
    articles, _ = read_sources(cfg)
    assert read == ["harbour.md"]
    assert "harbour" in [a.id for a in articles] and articles[-1].outlet is None
    assert len(entries(cfg)) == before  # the entry of the old name is gone


def test_an_edited_sidecar_reads_its_article_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project(tmp_path)
    read_sources(cfg)
    read = spy_reads(monkeypatch)
    (cfg.paths.content / "sidecar.yaml").write_text("published: 2022-03-01\noutlet: Port Daily\n", encoding="utf-8")
    articles, _ = read_sources(cfg)
    assert read == ["sidecar.md"]
    assert articles[-1].outlet == "Port Daily"
    read.clear()
    (cfg.paths.content / "sidecar.yaml").unlink()
    articles, _ = read_sources(cfg)
    assert read == ["sidecar.md"] and articles[-1].outlet is None and articles[-1].published is None


def test_an_edited_sources_index_reads_what_it_names_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project(tmp_path)
    read_sources(cfg)
    read = spy_reads(monkeypatch)
    (cfg.paths.content / "sources.yaml").write_text(
        "desk/brief.txt:\n  published: 2022-02-21\n  outlet: The Desk\n", encoding="utf-8")
    articles, _ = read_sources(cfg)
    assert read == ["desk/brief.txt"]
    assert str(articles[1].published) == "2022-02-21"
    assert (articles, _) == cold(cfg)


def test_another_configuration_reads_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project(tmp_path)
    read_sources(cfg)
    read = spy_reads(monkeypatch)
    read_sources(replace(cfg, build=replace(cfg.build, max_file_bytes=100)))
    assert len(read) == 5


def test_a_damaged_entry_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project(tmp_path)
    expected = read_sources(cfg)
    found = entries(cfg)
    damages = [b"", b"\x00\xff garbage", b"TLM1" + b"\x00" * 40, None, None]
    for path, damage in zip(found, damages):
        raw = path.read_bytes()
        if damage is None:  # one letter of the body changed
            at = raw.index(b"e", 24)
            damage = raw[:at] + b"a" + raw[at + 1:]
        path.write_bytes(damage)
    read = spy_reads(monkeypatch)
    assert read_sources(cfg) == expected
    assert len(read) == 5
    read.clear()
    assert read_sources(cfg) == expected and read == []  # written anew


def test_clean_reads_every_file_and_keeps_what_it_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project(tmp_path)
    read_sources(cfg)
    read = spy_reads(monkeypatch)
    read_sources(cfg, clean=True)
    assert len(read) == 5
    read.clear()
    read_sources(cfg)
    assert read == []


def test_a_failed_reading_is_tried_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project(tmp_path)
    from timeline.sources import markdown_files

    real = markdown_files.read_markdown

    def failing(text, shown):  # type: ignore[no-untyped-def]
        if shown.endswith("sidecar.md"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, shown)

    monkeypatch.setattr(markdown_files, "read_markdown", failing)
    _, problems = read_sources(cfg)
    assert any("could not be read" in p.message and p.path.endswith("sidecar.md") for p in problems)
    monkeypatch.setattr(markdown_files, "read_markdown", real)
    read = spy_reads(monkeypatch)
    articles, problems = read_sources(cfg)
    assert read == ["sidecar.md"]
    assert "sidecar" in [a.id for a in articles] and not any("could not be read" in p.message for p in problems)


def test_a_reading_holds_until_a_date_in_it_comes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    today = clock.today()
    soon = today + timedelta(days=3)
    cfg = project(tmp_path, {"plan.md": f"---\ntitle: The plan\npublished: {soon}\n---\n{STORY}\n"})
    _, problems = read_sources(cfg)
    assert any("lies in the future" in p.message for p in problems)
    read = spy_reads(monkeypatch)
    monkeypatch.setattr(clock, "today", lambda: today + timedelta(days=2))
    assert read_sources(cfg)[1] == problems and read == []
    monkeypatch.setattr(clock, "today", lambda: soon)
    articles, problems = read_sources(cfg)
    assert read == ["plan.md"]
    assert articles[0].published == soon and not any("lies in the future" in p.message for p in problems)


def test_a_change_the_file_times_miss_is_seen_by_its_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    cfg = project(tmp_path, {"a.txt": f"Talks | Desk\n\n{STORY}\n"})
    path = cfg.paths.content / "a.txt"
    read_sources(cfg)
    stat = path.stat()
    path.write_text(f"Talks | Desk\n\n{STORY.replace('Geneva', 'Zurich')}\n", encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same times
    read = spy_reads(monkeypatch)
    articles, _ = read_sources(cfg)
    assert read == ["a.txt"] and "Zurich" in articles[0].text


def test_offsets_and_every_field_come_back_as_they_were(tmp_path: Path) -> None:
    article = Article(id="a-1", path="a.md", title="T", text="Some text", published=clock.today(),
                      url="https://example.org/a", outlet="O", author="A", language="en", tags=("x", "y"),
                      body_line=3, offsets=((0, 10), (5, 2**33)), section="World")
    reading = Reading((article,), (Problem("a.md", "m", 3, "warning"),), ("k",), clock.today())
    step = Memo(tmp_path).step("read", Reading, "timeline.sources")
    step.put(step.key("a"), reading)
    assert step.get(step.key("a")) == reading


def test_saved_pages_read_in_processes_are_kept_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = project(tmp_path, {})
    for name in ("abbr-published", "comments-later", "date-paragraph", "dc-date"):
        shutil.copy(PAGES / f"{name}.html", cfg.paths.content / f"{name}.html")
    first = read_sources(cfg, jobs=2)
    pooled: list[int] = []
    monkeypatch.setattr(sources, "read_in_pool", lambda tasks, *args: pooled.append(len(tasks)) or [])
    assert read_sources(cfg, jobs=2) == first and pooled == []
