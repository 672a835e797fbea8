"""``timeline fetch`` against a local web server serving fixture pages (never the internet)."""

from __future__ import annotations

import argparse
import functools
import threading
from collections.abc import Iterator
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from timeline.cli import fetch
from timeline.sources.markdown_files import split_front_matter

from conftest import errors, read_content

PAGES = Path(__file__).parent / "fixtures" / "sources" / "pages"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(PAGES))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run_fetch(content: Path, *urls: str, from_file: Path | None = None, private: bool = True) -> int:
    parser = argparse.ArgumentParser()
    fetch.register(parser.add_subparsers())
    argv = ["fetch", *urls, "--timeout", "5", "--retries", "0"]
    if from_file:
        argv += ["--from", str(from_file)]
    if private:
        argv.append("--allow-private-hosts")
    args = parser.parse_args(argv)
    args.config, args.content, args.output = None, str(content), None
    return fetch.run(args)


def test_fetch_writes_markdown_that_reads_back(tmp_path: Path, server: str) -> None:
    assert run_fetch(tmp_path, f"{server}/og-published-time.html") == 0
    files = sorted(tmp_path.glob("*.md"))
    assert [f.name for f in files] == ["2022-02-12-biden-and-putin-talk-for-an-hour-without-a-breakthrough.md"]
    front, _, _ = split_front_matter(files[0].read_text(encoding="utf-8"))
    meta = yaml.safe_load(front or "")
    assert meta["url"] == f"{server}/og-published-time.html" and meta["published"] == date(2022, 2, 12)
    articles, problems = read_content(tmp_path)
    assert articles[0].title == "Biden and Putin talk for an hour without a breakthrough"
    assert articles[0].published == date(2022, 2, 12)
    assert "cookies" not in articles[0].text
    assert not errors(problems)


def test_fetching_again_makes_no_duplicate(tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"{server}/json-ld.html"
    assert run_fetch(tmp_path, url) == 0
    assert run_fetch(tmp_path, url + "#top") == 0
    assert len(list(tmp_path.glob("*.md"))) == 1
    assert "already fetched" in capsys.readouterr().out


def test_each_failed_url_gets_its_own_error(tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str]) -> None:
    links = tmp_path / "links.txt"
    links.write_text(f"# February\n{server}/missing.html\n\nnot-a-url\n{server}/time-element.html\n", encoding="utf-8")
    content = tmp_path / "content"
    assert run_fetch(content, from_file=links) == 1
    err = capsys.readouterr().err
    assert f"{server}/missing.html: error: HTTP 404" in err
    assert "not-a-url: error: not an http(s) URL" in err
    assert [f.name for f in content.glob("*.md")] == ["2022-02-21-moscow-recognises-breakaway-regions.md"]


def test_local_addresses_are_refused_unless_allowed(tmp_path: Path, server: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run_fetch(tmp_path, f"{server}/json-ld.html", private=False) == 1
    assert "error" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.md"))


def test_undated_page_gets_no_date_in_its_name(tmp_path: Path, server: str) -> None:
    assert run_fetch(tmp_path, f"{server}/no-date.html") == 0
    assert [f.name for f in tmp_path.glob("*.md")] == ["undated-why-the-pipeline-matters.md"]
