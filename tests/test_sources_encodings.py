"""Articles saved in other encodings than UTF-8 read as their authors wrote them, with the encoding recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import errors, read_content, write_files

HEADLINE = "Président Macron à Moscou"
BODY = ("Emmanuel Macron arrived in Moscow on Monday for talks with Vladimir Putin, the Élysée said. "
        "The French président's visit, his first since the summer, was « difficult but useful », "
        "an aide told reporters at the café of the hotel.\n")


@pytest.mark.parametrize("codec, recorded", [
    ("latin-1", "cp1252"),  # Windows-1252 reads every letter of Latin-1 alike
    ("cp1252", "cp1252"),
    ("utf-16", "utf-16"),  # with its byte order mark, as Windows saves "Unicode" text
    ("utf-16-le", "utf-16-le"),  # without one
    ("utf-16-be", "utf-16-be"),
    ("utf-8", "utf-8"),
])
def test_an_article_reads_as_written_whatever_its_encoding(tmp_path: Path, codec: str, recorded: str) -> None:
    write_files(tmp_path, {"2022-02-07-visit.txt": f"{HEADLINE}\n\n{BODY}".encode(codec)})
    articles, problems = read_content(tmp_path)
    assert not errors(problems), problems
    [article] = articles
    assert article.title == HEADLINE
    assert "the Élysée said" in article.text and "président's visit" in article.text and "café" in article.text
    assert "\ufffd" not in article.title + article.text
    assert article.encoding == recorded
    said = [p for p in problems if "not UTF-8" in p.message]
    if recorded.startswith("cp"):  # a guess: the maintainer is told which encoding was used
        assert said and recorded in said[0].message and said[0].severity == "warning"
    else:
        assert not said


def test_windows_quotes_and_dashes_are_read_as_such(tmp_path: Path) -> None:
    text = "Talks end\n\nOlaf Scholz said \u201cwe will not\u201d \u2013 and left Kyiv on Monday.\n"
    write_files(tmp_path, {"2022-02-14-talks.txt": text.encode("cp1252")})
    [article], _ = read_content(tmp_path)
    assert article.text == "Olaf Scholz said \"we will not\" \u2013 and left Kyiv on Monday."  # quotes made plain


def test_a_utf8_file_with_one_stray_byte_stays_utf8(tmp_path: Path) -> None:
    text = "Talks\n\n" + "Olaf Scholz met Volodymyr Zelenskyy in Kyiv \u2014 the talks were \u201cgood\u201d. " * 3
    data = text.encode("utf-8").replace(b"Kyiv", b"Ky\xefv", 1)
    write_files(tmp_path, {"2022-02-14-talks.txt": data})
    [article], problems = read_content(tmp_path)
    assert article.encoding == "utf-8" and article.text.count("\u2014") == 3
    assert "Ky\ufffdv" in article.text
    assert any("not UTF-8" in p.message and p.line == 3 for p in problems)


def test_binary_data_is_still_no_article(tmp_path: Path) -> None:
    write_files(tmp_path, {"noise.txt": bytes(range(256)) * 40})
    articles, problems = read_content(tmp_path)
    assert articles == [] and "binary file" in errors(problems)[0].message
