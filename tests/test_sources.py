"""Reading text and Markdown articles as a maintainer has them, and cleaning them."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from timeline.records import Article
from timeline.sources import file_offset
from timeline.sources.clean import clean_body

from conftest import EXAMPLE, SEED_FILES, errors, needs_seed, read_content, write_files


def only(articles: list[Article]) -> Article:
    assert len(articles) == 1, [a.path for a in articles]
    return articles[0]


BODY = ("Russian President Vladimir Putin and US President Joe Biden spoke for an hour on Saturday.\n\n"
        "Washington said the call ended with no breakthrough, and the Kremlin said its concerns were ignored.\n")


# --- the seed -------------------------------------------------------------------------------

@needs_seed
def test_seed_with_date_in_file_name(tmp_path: Path) -> None:
    shutil.copy(SEED_FILES[0], tmp_path / "2022-02-12-biden-putin-call.txt")
    articles, problems = read_content(tmp_path)
    article = only(articles)
    assert article.title == "Russia-Ukraine crisis: Biden-Putin talks fail to bring breakthrough"
    assert article.section == "Vladimir Putin news"
    assert article.published == date(2022, 2, 12)
    assert article.id == "2022-02-12-biden-putin-call"
    assert article.text.startswith("Russian President Vladimir Putin and US President Joe Biden")
    assert article.text.rstrip().endswith("disarmament agreement with Moscow.")
    for tail in ("About Ellen Lewandowski", "Check Also", "European Midday Briefing", "MARKET WRAPS"):
        assert tail not in article.text
    assert "Chancellor Olaf Scholz will travel to Kiev on Monday" in article.text
    assert article.language == "en"
    assert article.body_line == 3
    assert not errors(problems)


@needs_seed
def test_seed_with_sidecar_and_quotes_traced_back_to_the_file(tmp_path: Path) -> None:
    shutil.copy(SEED_FILES[0], tmp_path / "biden-putin.txt")
    (tmp_path / "biden-putin.yaml").write_text("published: 2022-02-12\noutlet: Example Wire\n", encoding="utf-8")
    article = only(read_content(tmp_path)[0])
    assert (article.published, article.outlet) == (date(2022, 2, 12), "Example Wire")
    raw = (tmp_path / "biden-putin.txt").read_text(encoding="utf-8")
    sentence = "Russia reinforced the ominous tone on Saturday"
    at = file_offset(article.offsets, article.text.index(sentence))
    assert raw[at:at + len(sentence)] == sentence


@needs_seed
def test_seed_without_any_date_is_read_with_a_warning(tmp_path: Path) -> None:
    shutil.copy(SEED_FILES[0], tmp_path / "seed.txt")
    articles, problems = read_content(tmp_path)
    assert only(articles).published is None
    assert any("no publication date" in p.message and p.severity == "warning" for p in problems)


# --- metadata precedence ----------------------------------------------------------------------

def test_sidecar_beats_index_beats_file_name(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "2022-02-10-a.txt": "Headline A\n\n" + BODY,
        "2022-02-10-b.txt": "Headline B\n\n" + BODY.replace("hour", "hour and a half"),
        "2022-02-10-c.txt": "Headline C\n\n" + BODY.replace("hour", "half hour"),
        "2022-02-10-a.yaml": "published: 2022-02-12\n",
        "sources.yaml": "2022-02-10-a.txt:\n  published: 2022-02-11\n  url: https://example.org/a\n"
                        "2022-02-10-b.txt:\n  published: 2022-02-11\n",
    })
    by_path = {a.path: a for a in read_content(tmp_path)[0]}
    assert by_path["2022-02-10-a.txt"].published == date(2022, 2, 12)  # sidecar
    assert by_path["2022-02-10-a.txt"].url == "https://example.org/a"  # index fills what the sidecar lacks
    assert by_path["2022-02-10-b.txt"].published == date(2022, 2, 11)  # index
    assert by_path["2022-02-10-c.txt"].published == date(2022, 2, 10)  # file name


def test_markdown_front_matter(tmp_path: Path) -> None:
    write_files(tmp_path, {"news/call.md": (
        "---\ntitle: Biden and Putin speak\npublished: 2022-02-12\nurl: https://example.org/call\n"
        "outlet: The Meridian Desk\nauthor: Desk Staff\ntags: [diplomacy, russia]\n---\n\n"
        "# Biden and Putin speak\n\nThe two presidents **spoke** for an hour, says [the White House](https://x.y).\n"
        "The call was\nhard-wrapped.\n\n![map](map.png)\n\n> Nothing was agreed.\n")})
    article = only(read_content(tmp_path)[0])
    assert article.id == "news-call"
    assert article.path == "news/call.md"
    assert (article.title, article.published, article.outlet, article.author) == (
        "Biden and Putin speak", date(2022, 2, 12), "The Meridian Desk", "Desk Staff")
    assert article.tags == ("diplomacy", "russia")
    assert article.text == ("The two presidents spoke for an hour, says the White House. The call was hard-wrapped."
                            "\n\nNothing was agreed.")


def test_markdown_without_front_matter_takes_its_heading_as_title(tmp_path: Path) -> None:
    write_files(tmp_path, {"2022-02-14-scholz.md": "# Scholz in Kyiv\n\nThe chancellor met the president on Monday.\n"})
    article = only(read_content(tmp_path)[0])
    assert (article.title, article.published) == ("Scholz in Kyiv", date(2022, 2, 14))
    assert article.text == "The chancellor met the president on Monday."


def test_reserved_places_and_hidden_files_are_not_articles(tmp_path: Path) -> None:
    write_files(tmp_path, {"events/2022-02.yaml": "[]\n", "events/notes.txt": "Not\n\nan article\n",
                     "actors.yaml": "[]\n", ".draft.txt": "Hidden\n\nText\n", ".git/x.txt": "H\n\nT\n",
                     "a.txt": "Headline\n\n" + BODY})
    articles, problems = read_content(tmp_path)
    assert [a.path for a in articles] == ["a.txt"]
    assert not [p for p in problems if "events" in p.path]


# --- cleaning -----------------------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    ("By the CNN Wire Staff\nCAIRO, Egypt (CNN) -- Protesters gathered in the square on Friday.",
     "Protesters gathered in the square on Friday."),
    ("WASHINGTON, Feb 12 (Reuters) - The United States warned again.", "The United States warned again."),
    ("KYIV, Ukraine (AP) \u2014 Sirens sounded before dawn.", "Sirens sounded before dawn."),
    ("The -LRB- large -RRB- crowd , he said , was `` calm '' and Putin 's aides did n't agree .",
     "The (large) crowd, he said, was \"calm\" and Putin's aides didn't agree."),
    ("Russia\u2019s \u201cpeacekeepers\u201d crossed\u00a0the line", "Russia's \"peacekeepers\" crossed the line"),
    ("Russia\u00e2\u20ac\u2122s troops moved.", "Russia's troops moved."),  # mojibake: UTF-8 read as cp1252
    # mojibake a tokeniser split with spaces: an apostrophe, a dash
    ("Tonight\u00e2\u20ac \u2122 s vote , the minister said , was lost \u00e2\u20ac \u201c narrowly .",
     "Tonight's vote, the minister said, was lost \u2013 narrowly."),
    ("\u00e2\u20ac\u0153It was lost,\u00e2\u20ac\ufffd she said.", "\"It was lost,\" she said."),  # its last byte lost
    ("Leaders met.\nPhoto: Leaders shake hands in Kyiv (Reuters/Someone)\nThey spoke.", "Leaders met.\n\nThey spoke."),
    ("Talks ended.\nRead more: Why the pipeline matters\nNo deal.", "Talks ended.\n\nNo deal."),
    ("NATO met on Friday - and agreed nothing.", "NATO met on Friday - and agreed nothing."),
])
def test_cleaning_rules(body: str, expected: str) -> None:
    assert clean_body(body).text == expected


def test_byline_gives_the_author_when_metadata_has_none(tmp_path: Path) -> None:
    write_files(tmp_path, {"2022-02-24-x.txt": "Invasion begins\nBy Jane Example\n\n" + BODY})
    assert only(read_content(tmp_path)[0]).author == "Jane Example"


def test_scraped_tail_is_dropped_but_an_early_related_is_kept() -> None:
    paragraphs = [f"Paragraph {i} tells what happened in Kyiv." for i in range(6)]
    body = "\n\n".join(paragraphs[:1] + ["Related"] + paragraphs[1:] + ["Check Also", "Another story", "Teaser \u2026"])
    text = clean_body(body).text
    assert "Paragraph 5" in text and "Check Also" not in text and "Another story" not in text
    assert "Related" in text  # too early to be the page's tail: kept


def test_dateline_date_disagreeing_with_metadata_is_reported(tmp_path: Path) -> None:
    write_files(tmp_path, {"2022-02-20-a.txt": "Headline\n\nMOSCOW, Feb. 12, 2022 (Wire) - " + BODY})
    articles, problems = read_content(tmp_path)
    assert only(articles).published == date(2022, 2, 20)
    assert only(articles).text.startswith("Russian President")
    warning = next(p for p in problems if "dateline" in p.message)
    assert "2022-02-12" in warning.message and warning.line == 3 and warning.severity == "warning"


def test_dateline_dates_an_article_that_has_no_other_date(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.txt": "Headline\n\nMONACO | Sat Jul 23, 2011 12:14am BST\n\n" + BODY})
    articles, problems = read_content(tmp_path)
    assert only(articles).published == date(2011, 7, 23)
    assert not [p for p in problems if "no publication date" in p.message]


def test_a_dateline_a_day_before_the_filed_day_dates_the_story(tmp_path: Path) -> None:
    # a site files a wire story under the next day: "on Saturday" is read from the dateline's day
    write_files(tmp_path, {"2022-02-13-a.txt": "Headline\n\nMOSCOW, Feb. 12 (Wire) - " + BODY,
                           "2009-01-01-b.txt": "Headline\n\nOSLO, Dec. 31 (Wire) - Norway's parliament "
                                               "approved the budget on Wednesday after a night of talks.\n"})
    articles, problems = read_content(tmp_path)
    by_path = {a.path: a for a in articles}
    assert by_path["2022-02-13-a.txt"].published == date(2022, 2, 12)
    assert by_path["2022-02-13-a.txt"].filed == date(2022, 2, 13)
    assert by_path["2009-01-01-b.txt"].published == date(2008, 12, 31)  # the year before, not 2009-12-31
    assert not [p for p in problems if "dateline" in p.message]


def test_a_dateline_that_agrees_leaves_no_filed_day(tmp_path: Path) -> None:
    write_files(tmp_path, {"2022-02-12-a.txt": "Headline\n\nMOSCOW, Feb. 12 (Wire) - " + BODY})
    article = only(read_content(tmp_path)[0])
    assert article.published == date(2022, 2, 12) and article.filed is None


def test_a_headline_and_captions_run_into_a_dated_dateline_are_cut(tmp_path: Path) -> None:
    raw = ("Ministers Agree on Grain Deal A farmer loads sacks of wheat on Friday.\n"
           "Prices have fallen by a third since May.\n"
           "(By Jane Example -- Wire Photo) ODESSA, Ukraine, Aug. 3 -- " + BODY)
    write_files(tmp_path, {"2023-08-04-grain.txt": raw,
                           "2023-08-04-deal.txt": "Deal Signed in Odessa ODESSA, Aug. 3 -- "
                                                  + BODY.replace("hour", "hour and a half")})
    articles, _ = read_content(tmp_path)
    assert len(articles) == 2
    for article in articles:
        assert article.text.startswith("Russian President"), article.text[:80]
        assert article.published == date(2023, 8, 3) and article.filed == date(2023, 8, 4)


def test_capitals_and_a_dash_inside_a_sentence_are_no_dateline(tmp_path: Path) -> None:
    text = ("Talks resume\n\nOfficials at NATO said talks on the deal - the third this year - would resume.\n\n"
            "Envoys flew in from LONDON, Feb. 12 - a day early - for the talks.\n")
    write_files(tmp_path, {"2022-02-13-a.txt": text})
    article = only(read_content(tmp_path)[0])
    assert article.text.startswith("Officials at NATO") and article.published == date(2022, 2, 13)
    assert "Envoys flew in from LONDON, Feb. 12 - a day early" in article.text


def test_offsets_point_at_the_file_for_every_paragraph(tmp_path: Path) -> None:
    raw = ("Headline | Section\nBy Jane Example\n\nLONDON (Wire) - First \u201cquoted\u201d paragraph here.\n\n"
           "Photo: a caption\n\nSecond paragraph here.\n")
    write_files(tmp_path, {"a.txt": raw})
    article = only(read_content(tmp_path)[0])
    assert article.text == 'First "quoted" paragraph here.\n\nSecond paragraph here.'
    for paragraph in article.text.split("\n\n"):
        at = file_offset(article.offsets, article.text.index(paragraph))
        assert raw[at:at + 5] == paragraph[:5]
    assert article.body_line == 4


def test_duplicates_are_read_once(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.txt": "Headline\n\n" + BODY, "b.txt": "Same story, other name\n\n" + BODY,
                     "c.md": "---\ntitle: C\nurl: https://example.org/x\n---\nOne text about talks in Kyiv.\n",
                     "d.md": "---\ntitle: D\nurl: https://example.org/x/\n---\nAnother text about a call.\n"})
    articles, problems = read_content(tmp_path)
    assert sorted(a.path for a in articles) == ["a.txt", "c.md"]
    messages = [p.message for p in problems if "duplicate" in p.message]
    assert any("a.txt" in m and "same text" in m for m in messages)
    assert any("c.md" in m and "same URL" in m for m in messages)


def test_non_english_article_is_skipped_with_a_message(tmp_path: Path) -> None:
    german = ("Der russische Präsident und der amerikanische Präsident haben am Samstag eine Stunde lang "
              "telefoniert. Nach Angaben beider Seiten gab es dabei keinen Durchbruch in der Krise um die "
              "Ukraine. Die Regierung in Washington warnte erneut vor schweren wirtschaftlichen Folgen.")
    write_files(tmp_path, {"de.txt": "Telefonat ohne Durchbruch\n\n" + german, "en.txt": "Headline\n\n" + BODY})
    articles, problems = read_content(tmp_path)
    assert [a.path for a in articles] == ["en.txt"]
    assert any(p.path.endswith("de.txt") and "'de'" in p.message for p in problems)


def test_ids_are_stable_and_unique(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.txt": "A\n\n" + BODY, "a.md": "# A md\n\nOther words entirely here.\n",
                     "sub/A.txt": "Sub\n\nA third text, also different.\n"})
    first = [a.id for a in read_content(tmp_path)[0]]
    assert first == [a.id for a in read_content(tmp_path)[0]]
    assert len(set(first)) == 3 and set(first) == {"a", "a-2", "sub-a"}


def test_shipped_example_content_reads_cleanly() -> None:
    articles, problems = read_content(EXAMPLE)
    assert not problems, [str(p) for p in problems]
    assert len(articles) >= 12
    assert {a.path.rsplit(".", 1)[1] for a in articles} >= {"md", "txt", "html", "xml", "jsonl"}
    call = [a for a in articles if a.published in (date(2022, 2, 12), date(2022, 2, 13)) and "Biden" in a.text]
    assert len({a.outlet for a in call}) >= 3
    assert all(a.published and date(2022, 2, 10) <= a.published <= date(2022, 2, 28) for a in articles)
