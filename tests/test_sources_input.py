"""Every format the content folder takes, and every bad input reported honestly."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.records import Problem
from timeline.sources.html_pages import read_html
from timeline.sources.markdown_files import read_markdown
from timeline.sources.text_files import read_text

from conftest import errors, read_content, write_files

PAGES = Path(__file__).parent / "fixtures" / "sources" / "pages"
BODY = ("Western allies agreed on Saturday to remove several Russian banks from the SWIFT payment system.\n\n"
        "They also moved to limit the central bank's use of its reserves.\n")


# --- saved pages --------------------------------------------------------------------------------

KNOWN_DATES = yaml.safe_load((PAGES / "dates.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(KNOWN_DATES))
def test_saved_page_publication_date(name: str) -> None:
    drafts, _ = read_html((PAGES / f"{name}.html").read_text(encoding="utf-8"), name)
    found = drafts[0].meta.get("published")
    expected = KNOWN_DATES[name]
    assert (found.isoformat() if found else None) == (str(expected) if expected else None)


def test_saved_page_keeps_the_story_and_drops_the_page(tmp_path: Path) -> None:
    write_files(tmp_path, {"page.html": (PAGES / "og-published-time.html").read_text(encoding="utf-8")})
    articles, problems = read_content(tmp_path)
    article = articles[0]
    assert article.title == "Biden and Putin talk for an hour without a breakthrough"
    assert article.outlet == "The Meridian Desk"
    assert article.published == date(2022, 2, 12)
    assert article.text.startswith("The American and Russian presidents spoke by telephone")
    for furniture in ("cookies", "Accept", "Home", "Markets slide", "All rights reserved", "Related"):
        assert furniture not in article.text
    assert not errors(problems)
    raw = (tmp_path / "page.html").read_text(encoding="utf-8")
    at = article.offsets[0][1]
    assert raw[at:at + 20] == article.text[:20]


def test_sidecar_overrides_a_saved_page(tmp_path: Path) -> None:
    write_files(tmp_path, {"page.html": (PAGES / "json-ld.html").read_text(encoding="utf-8"),
                     "page.yaml": "published: 2022-02-13\noutlet: Saved By Hand\n"})
    article = read_content(tmp_path)[0][0]
    assert (article.published, article.outlet, article.author) == (
        date(2022, 2, 13), "Saved By Hand", "Desk Correspondent")


# --- feeds and bulk exports --------------------------------------------------------------------

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Eastern Wire</title><language>en-gb</language>
<item><title>Allies move on SWIFT</title><link>https://eastern-wire.example/swift</link>
<pubDate>Sat, 26 Feb 2022 22:10:00 GMT</pubDate>
<description>&lt;p&gt;Western allies said on Saturday they would remove Russian banks from SWIFT.&lt;/p&gt;\
</description></item>
<item><title>Talks near the Belarus border</title><link>https://eastern-wire.example/talks</link>
<pubDate>Mon, 28 Feb 2022 19:00:00 GMT</pubDate><description>Delegations met on Monday.</description></item>
</channel></rss>
"""


def test_feed_items_are_articles(tmp_path: Path) -> None:
    write_files(tmp_path, {"wire.rss": FEED})
    articles, problems = read_content(tmp_path)
    assert [(a.id, a.published, a.url, a.outlet) for a in articles] == [
        ("wire-allies-move-on-swift", date(2022, 2, 26), "https://eastern-wire.example/swift", "Eastern Wire"),
        ("wire-talks-near-the-belarus-border", date(2022, 2, 28), "https://eastern-wire.example/talks",
         "Eastern Wire")]
    assert articles[0].text == "Western allies said on Saturday they would remove Russian banks from SWIFT."
    assert not errors(problems)


def test_atom_feed(tmp_path: Path) -> None:
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title>'
            '<entry><title>Pipeline halted</title><link href="https://ledger.example/ns2"/>'
            '<published>2022-02-22T15:00:00Z</published><content type="html">&lt;p&gt;Germany halted '
            'the certification of Nord Stream 2 on Tuesday.&lt;/p&gt;</content></entry></feed>')
    write_files(tmp_path, {"ledger.atom": atom})
    article = read_content(tmp_path)[0][0]
    assert (article.title, article.published, article.url) == (
        "Pipeline halted", date(2022, 2, 22), "https://ledger.example/ns2")


def test_json_lines_and_json(tmp_path: Path) -> None:
    records = [{"id": "r1", "title": "Decrees signed", "published": "2022-02-21", "outlet": "Ledger",
                "text": "The Russian president signed decrees on Monday recognising two regions."},
               {"title": "Invasion", "published": "2022-02-24", "url": "https://ledger.example/inv",
                "html": "<html><body><article><h1>Invasion</h1><p>Russian forces attacked Ukraine from three "
                        "directions before dawn on Thursday, officials in Kyiv said.</p></article></body></html>"}]
    write_files(tmp_path, {"dump.jsonl": "\n".join(json.dumps(r) for r in records) + "\n",
                     "dump2.json": json.dumps({"articles": [dict(records[0], id="r2", text="Other words here.")]})})
    articles, problems = read_content(tmp_path)
    by_id = {a.id: a for a in articles}
    assert by_id["dump-r1"].published == date(2022, 2, 21) and by_id["dump-r1"].outlet == "Ledger"
    assert by_id["dump-invasion"].text.startswith("Russian forces attacked Ukraine")
    assert by_id["dump2-r2"].text == "Other words here."
    assert not errors(problems)


# --- bad input ---------------------------------------------------------------------------------

FUTURE = (date.today() + timedelta(days=30)).isoformat()


@pytest.mark.parametrize("files, name, line, words, severity", [
    ({"bin.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"}, "bin.txt", None, "binary file", "error"),
    ({"cp.txt": "Headline\n\nCaf\u00e9 talks went on.\n".encode("cp1252")}, "cp.txt", 3, "not UTF-8", "warning"),
    ({"empty.txt": "\n\n   \n"}, "empty.txt", None, "empty article", "error"),
    ({"head.txt": "Only a headline\n"}, "head.txt", 2, "empty article", "error"),
    ({"bad.md": "---\ntitle: [unclosed\npublished: 2022-02-12\n---\nText.\n"}, "bad.md", 3, "not valid YAML", "error"),
    ({"open.md": "---\ntitle: x\nText.\n"}, "open.md", 1, "never closed", "error"),
    ({"notdate.md": "---\ntitle: X\npublished: next week\n---\nA text.\n"}, "notdate.md", 3, "not a date", "error"),
    ({"future.md": f"---\ntitle: X\npublished: {FUTURE}\n---\nA text.\n"}, "future.md", 3, "future", "error"),
    ({"x.txt": "H\n\nA text.\n", "x.yaml": "published: [1\n"}, "x.yaml", 2, "not valid YAML", "error"),
    ({"y.txt": "H\n\nA text.\n", "sources.yaml": "y.txt: {published: someday}\n"}, "sources.yaml", 1,
     "not a date", "error"),
    ({"typo.md": "---\ntitle: X\npubished: 2022-02-12\n---\nA text.\n"}, "typo.md", 3, "unknown metadata key",
     "warning"),
    ({"bad.rss": "Not a feed at all, just words."}, "bad.rss", 1, "feed does not parse", "error"),
    ({"bad.json": '{"title": "x",\n "text": }'}, "bad.json", 2, "not valid JSON", "error"),
    ({"bad.jsonl": '{"title": "A", "text": "B"}\n{oops\n'}, "bad.jsonl", 2, "not valid JSON", "error"),
    ({"bad.html": "<html><body><nav>Home</nav></body></html>"}, "bad.html", None, "empty article", "error"),
    ({"pic.png": b"\x89PNG"}, "pic.png", None, "not an article format", "warning"),
])
def test_bad_input_is_reported_with_file_and_line(tmp_path: Path, files: dict[str, str | bytes], name: str,
                                                  line: int | None, words: str, severity: str) -> None:
    write_files(tmp_path, dict(files, **{"good.txt": "Good headline\n\n" + BODY}))
    articles, problems = read_content(tmp_path)
    assert "good.txt" in [a.path for a in articles]  # one bad file never stops the others
    matching = [p for p in problems if p.path.endswith(name) and words in p.message]
    assert matching, problems
    assert matching[0].line == line and matching[0].severity == severity
    assert name in str(matching[0])


def test_file_over_the_size_limit_is_skipped(tmp_path: Path) -> None:
    write_files(tmp_path, {"big.txt": "Headline\n\n" + "word " * 400, "good.txt": "Good\n\n" + BODY})
    articles, problems = read_content(tmp_path, max_file_bytes=1000)
    assert [a.path for a in articles] == ["good.txt"]
    assert any(p.path.endswith("big.txt") and "over the limit" in p.message for p in errors(problems))


def test_unreadable_file(tmp_path: Path) -> None:
    write_files(tmp_path, {"locked.txt": "Headline\n\n" + BODY})
    (tmp_path / "locked.txt").chmod(0)
    try:
        if (tmp_path / "locked.txt").stat() and _readable(tmp_path / "locked.txt"):
            pytest.skip("running as a user who can read any file")
        articles, problems = read_content(tmp_path)
        assert articles == [] and "cannot read" in errors(problems)[0].message
    finally:
        (tmp_path / "locked.txt").chmod(0o644)


def _readable(path: Path) -> bool:
    try:
        path.read_bytes()
        return True
    except OSError:
        return False


# --- never raise --------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_any_text_never_raises(tmp_path: Path, text: str) -> None:
    drafts, problems = read_text(text, "x.txt")
    assert drafts or problems
    drafts, problems = read_markdown(text, "x.md")
    assert drafts or problems


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front=st.dictionaries(st.text(min_size=1, max_size=12),
                             st.one_of(st.none(), st.integers(), st.text(max_size=20), st.dates(),
                                       st.lists(st.text(max_size=5), max_size=3)), max_size=5),
       body=st.text(max_size=200))
def test_any_front_matter_never_raises(tmp_path: Path, front: dict[str, object], body: str) -> None:
    folder = tmp_path / "c"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    (folder / "a.md").write_text("---\n" + yaml.safe_dump(front) + "---\n" + body, encoding="utf-8",
                                 errors="surrogatepass")
    articles, problems = read_content(folder)
    assert len(articles) <= 1
    for article in articles:
        assert article.published is None or article.published <= date.today()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_any_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    folder = tmp_path / "b"
    folder.mkdir(exist_ok=True)
    for suffix in (".txt", ".md", ".json", ".jsonl", ".rss", ".html"):
        (folder / f"a{suffix}").write_bytes(data)
    articles, problems = read_content(folder)
    assert all(isinstance(p, Problem) for p in problems)
