"""``timeline check`` lists the articles read without a publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.cli.main import main


def test_check_lists_undated_articles_and_their_unresolved_relative_dates(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dated.md").write_text("---\ntitle: Dated\npublished: 2022-02-12\n---\n"
                                       "Leaders met in Paris on Saturday.\n", encoding="utf-8")
    (tmp_path / "talks.txt").write_text("Talks in Geneva end without a deal\n\n"
                                        "Diplomats left Geneva on Monday without an agreement.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("---\ntitle: Sanctions notes\n---\nThe sanctions took effect last week.\n",
                                       encoding="utf-8")
    assert main(["check", "--content", str(tmp_path)]) == 0  # warnings only
    err = capsys.readouterr().err
    listing = err[err.index("without a publication date"):]
    assert "2 article(s) without a publication date" in err
    assert "relative dates" in listing and "stay unresolved" in listing
    assert "notes.md: Sanctions notes" in listing and "talks.txt: Talks in Geneva end without a deal" in listing
    assert "dated.md" not in listing
    # Listed once, not also as one warning line per article.
    assert err.count("talks.txt") == 1
    assert "check: " in err and "2 warning(s)" in err


def test_check_says_nothing_of_dates_when_every_article_has_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "2022-02-12-talks.txt").write_text("Talks end | Desk\n\nDiplomats left on Monday.\n", encoding="utf-8")
    assert main(["check", "--content", str(tmp_path)]) == 0
    assert "without a publication date" not in capsys.readouterr().err


def test_quiet_check_lists_undated_articles_only_when_strict(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "talks.txt").write_text("Talks end | Desk\n\nDiplomats left on Monday.\n", encoding="utf-8")
    assert main(["check", "--quiet", "--content", str(tmp_path)]) == 0
    assert "talks.txt" not in capsys.readouterr().err
    assert main(["check", "--quiet", "--strict", "--content", str(tmp_path)]) == 1
    assert "talks.txt: Talks end" in capsys.readouterr().err
