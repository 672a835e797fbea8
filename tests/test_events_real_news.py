"""Floors on real scraped news (tls-dev), figures that need no labels: the share of
events typed ``other`` and titles that name no one. Skipped without ../shared."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from evaluation.eval_real_news import stored_events
from evaluation.tls import COLLECTIONS, build, materialise

COLLECTION = "t17-mj"  # the smallest collection
ARTICLES = 60  # enough for the shares to settle, quick enough for a test
# The share of events typed "other" the rules reach on it (22.2 %: 54 of 243); the aim is 20 %.
OTHER_CEILING = 0.23

pytestmark = pytest.mark.skipif(COLLECTION not in COLLECTIONS,
                                reason="the tls-dev collections (../shared/data/tls-dev) are absent")


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    folder = materialise(COLLECTION, tmp_path_factory.mktemp("real") / COLLECTION, limit=ARTICLES)
    build(folder, "--jobs", "1")
    found = stored_events(Path(folder) / "content")
    assert len(found) > 100, len(found)
    return found


def test_other_is_a_minority_of_the_events(events: list[dict]) -> None:
    types = Counter(str(e["type"]) for e in events)
    assert types["other"] / len(events) <= OTHER_CEILING, types.most_common()


def test_no_title_opens_with_a_pronoun_of_no_one(events: list[dict]) -> None:
    bare = [e["title"] for e in events if not e.get("actors")
            and e["title"].split(" ", 1)[0].lower() in {"he", "she", "it", "they", "we", "i", "there"}]
    assert not bare, bare
