"""What an HTML or Markdown reader hides never becomes words of an article, and so of a title or summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import read_content, write_files

MARKDOWN = (
    "---\ntitle: \"<script>alert('title')</script> NATO talks <b>end</b>\"\npublished: 2022-02-12\n---\n"
    "<script>alert('body')</script> Joe Biden met <b onclick=\"alert('b')\">Olaf Scholz</b> on Friday.\n\n"
    "Jens Stoltenberg said <svg onload=alert(1)> that NATO would respond. Vladimir Putin spoke on Saturday. <script\n"
    "src=x></script>See [the report](https://example.org/wiki/Talks_(2022)) and "
    "![a map](https://example.org/map_(big).png) for more.\n\n"
    "<!-- an editor's note\nover two lines --> The talks <style>p {color: red}</style>ended in Geneva.\n"
)
TEXT = ("Talks end <b>in Geneva</b> | World news\n\n"
        "Jens Stoltenberg said <svg onload=alert(1)> that NATO would respond. "
        "Vladimir Putin spoke on Saturday <script>alert(1)</script>.\n")
HIDDEN_WORDS = ("script", "alert", "svg", "onload", "onclick", "style", "color", "src", "editor", "<", ">", ")", "(")


@pytest.mark.parametrize("name, data, title", [
    ("2022-02-12-talks.md", MARKDOWN, "NATO talks end"),
    ("2022-02-12-talks.txt", TEXT, "Talks end in Geneva"),
])
def test_titles_and_text_hold_no_markup(tmp_path: Path, name: str, data: str, title: str) -> None:
    write_files(tmp_path, {name: data})
    [article], _ = read_content(tmp_path)
    assert article.title == title
    for word in HIDDEN_WORDS:
        assert word not in article.text, (word, article.text)
    assert "Jens Stoltenberg said that NATO would respond." in article.text
    assert "Vladimir Putin spoke on Saturday." in article.text
    if name.endswith(".md"):
        assert "Joe Biden met Olaf Scholz on Friday." in article.text
        assert "See the report and for more." in article.text  # the link's words, not its target
        assert "The talks ended in Geneva." in article.text


def test_offsets_still_point_into_the_file(tmp_path: Path) -> None:
    write_files(tmp_path, {"2022-02-12-talks.md": MARKDOWN})
    [article], _ = read_content(tmp_path)
    raw = (tmp_path / "2022-02-12-talks.md").read_text(encoding="utf-8")
    for in_text, in_file in article.offsets:
        word = article.text[in_text:].split(" ", 1)[0]
        assert raw[in_file:].lstrip("[*_`#> ").startswith(word), (word, raw[in_file:in_file + 30])


def test_an_unclosed_tag_hides_only_itself(tmp_path: Path) -> None:
    write_files(tmp_path, {"2022-02-12-talks.txt": "Talks\n\nOlaf Scholz arrived <iframe src=x> in Kyiv on "
                                                     "Monday. He met Volodymyr Zelenskyy.\n"})
    [article], _ = read_content(tmp_path)
    assert article.text == "Olaf Scholz arrived in Kyiv on Monday. He met Volodymyr Zelenskyy."


def test_text_that_only_looks_like_markup_stays(tmp_path: Path) -> None:
    write_files(tmp_path, {"2022-02-12-vote.txt": "Vote\n\nThe motion passed 5 < 7 > 3 votes, a margin <10%.\n"})
    [article], _ = read_content(tmp_path)
    assert article.text == "The motion passed 5 < 7 > 3 votes, a margin <10%."


def test_text_of_a_bulk_record_holds_no_markup(tmp_path: Path) -> None:
    record = {"title": "Talks <b>end</b>", "published": "2022-02-12",
              "text": "Jens Stoltenberg said <svg onload=alert(1)> that NATO would respond. "
                      "Vladimir Putin spoke on Saturday<script>alert(1)</script>."}
    write_files(tmp_path, {"dump.jsonl": json.dumps(record) + "\n"})
    [article], _ = read_content(tmp_path)
    assert article.title == "Talks end"
    assert article.text == "Jens Stoltenberg said that NATO would respond. Vladimir Putin spoke on Saturday."
