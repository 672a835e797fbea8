"""What the test files share: the spaCy pipeline, the folders the tests read, and small helpers
to make a configuration, write articles and read them back.

Fixtures are asked for by name (``def test_x(nlp): ...``); the helpers and folders are imported
(``from conftest import write_files``).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from timeline.config import DEFAULTS, Config, load_config

if TYPE_CHECKING:
    from spacy.language import Language

    from timeline.records import Article, Happening, Problem

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "content"  # the example articles, with their store (events/, actors.yaml)
STORE_PLACES = {"events", "actors.yaml"}  # what the build writes into a content folder
# Data kept beside the project (the seed article, the dev sets): ``../shared``, or the folder
# TIMELINE_SHARED names; CI runs the suite once more with it pointing nowhere, so that every test
# needing it skips with a reason instead of failing.
SHARED = Path(os.environ.get("TIMELINE_SHARED") or ROOT.parent / "shared")
SEED = SHARED / "seed"
SEED_FILES = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
needs_seed = pytest.mark.skipif(not SEED_FILES, reason=f"seed article folder {SEED} is absent")
BUILD_DATE = "2022-03-01"  # the date the rendered sites of the tests say they were built
SEED_DAY = date(2022, 2, 12)  # the seed article's publication date, a Saturday


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default spaCy pipeline with the project's components, loaded once for the session."""
    from timeline.extract.pipeline import load_pipeline

    return load_pipeline(DEFAULTS["nlp"]["pipeline"])


@pytest.fixture(scope="session")
def seed_article() -> Path:
    """The seed article (a text file of 12 February 2022); the test is skipped without it."""
    if not SEED_FILES:
        pytest.skip(f"seed article folder {SEED} is absent")
    return SEED_FILES[0]


@pytest.fixture
def example_articles(tmp_path: Path) -> Path:
    """``tmp_path/content``: a copy of the example articles without their store, as before a first build."""
    if not EXAMPLE.is_dir() or not any(EXAMPLE.iterdir()):
        pytest.skip("no example content to build")
    content = tmp_path / "content"
    shutil.copytree(EXAMPLE, content,
                    ignore=lambda folder, names: [n for n in names if Path(folder) == EXAMPLE and n in STORE_PLACES])
    return content


def make_config(*, content: str | Path | None = None, output: str | Path | None = None, **changes: Any) -> Config:
    """The default configuration (no config.yaml) with these folders, then ``changes``: a section's
    name (paths, nlp, build, site) takes a mapping of its keys, any other name is a top-level key.

    ``make_config(output=out, build={"build_date": BUILD_DATE}, site={"order": "oldest"})``
    """
    cfg = load_config(None, content=content, output=output)
    for key, value in changes.items():
        cfg = replace(cfg, **{key: replace(getattr(cfg, key), **value) if isinstance(value, dict) else value})
    return cfg


def write_files(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write each text (UTF-8) or bytes under its relative name in ``folder``, making sub-folders."""
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return folder


def read_content(content: Path, **build: Any) -> tuple[list[Article], list[Problem]]:
    """The articles of ``content`` and the problems met, read as a build reads them;
    ``build`` changes keys of the config's build section (e.g. ``max_file_bytes=1000``)."""
    from timeline.sources import read_sources

    return read_sources(make_config(content=content, build=build))


def happenings(nlp: Language, text: str, extra: dict[str, tuple[str, ...]] | None = None,
               published: date = SEED_DAY, headline: str | None = None) -> list[Happening]:
    """The happenings found in ``text`` read as an article headlined ``headline`` and
    published on ``published``; ``extra`` adds event types, as the config's ``events.types`` does.
    Without a headline the article is titled as a text file with no headline line is: by its
    opening words."""
    from timeline.extract.actors.mentions import find_mentions
    from timeline.extract.events import find_happenings
    from timeline.extract.temporal import find_timexes
    from timeline.records import Article

    doc = nlp(text)
    article = Article(id="a", path="a.txt", title=untitled(text) if headline is None else headline, text=text,
                      published=published)
    return find_happenings(doc, article, find_timexes(doc, published), find_mentions(doc, None), extra or {})


def titles_of(nlp: Language, text: str, **how: Any) -> list[str]:
    """The titles of the happenings ``happenings`` finds in ``text`` (same keywords)."""
    return [h.title for h in happenings(nlp, text, **how)]


def first_actors(nlp: Language, text: str) -> set[str]:
    """The names of the actors of the first happening found in ``text``."""
    found = happenings(nlp, text)
    assert found, text
    return {a.name for a in found[0].actors}


def untitled(text: str) -> str:
    """The title a text file with no headline line gets: its opening words."""
    from timeline.sources.text_files import title_from_body

    return title_from_body(text)


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that are errors, not warnings."""
    return [p for p in problems if p.severity == "error"]


def subprocess_env() -> dict[str, str]:
    """The environment for ``python -m timeline`` in a child process: this project's package first."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
