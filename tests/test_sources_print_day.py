"""A story written for the next day's paper, filed under the day it went online: its "yesterday"
is the filed day, shown by its own words (a weekday beside "yesterday", an edition marker)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.cli.main import main

from conftest import read_content, write_files

# Filed on Saturday 3 May 2008; written for the Sunday paper: "on Friday" is two days back, so
# "yesterday" is the Saturday.
SUNDAY_PAPER = ("Harbour strike ends\n"
                "Dock workers in Portmere yesterday voted to end their strike after a week of talks.\n\n"
                "The port authority had offered a new pay deal on Friday, the union said.\n\n"
                "Ships were expected to sail again within days.\n")


def read(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[date | None, date | None]]:
    articles, _ = read_content(write_files(tmp_path, files))
    return {a.path: (a.published, a.filed) for a in articles}


def test_a_weekday_beside_yesterday_shows_the_paper_of_the_next_day(tmp_path: Path) -> None:
    days = read(tmp_path, {"2008-05-03-strike.txt": SUNDAY_PAPER})
    assert days["2008-05-03-strike.txt"] == (date(2008, 5, 4), date(2008, 5, 3))


@pytest.mark.parametrize("body", [
    # the paper of the filed day: the weekday named is two days back
    SUNDAY_PAPER.replace("on Friday", "on Thursday"),
    # agency copy ("said Friday") names even yesterday by its weekday, beside a "yesterday"
    SUNDAY_PAPER + "\nThe port's owners said Friday they welcomed the vote.\n",
    # no "yesterday": an agency's copy names every day by its weekday
    SUNDAY_PAPER.replace("yesterday voted", "voted on Saturday"),
    # written on the day it went online: "today" told in the past
    SUNDAY_PAPER + "\nThe union's leader was today cheered by members at the gates.\n",
    # the weekday is what is to come, or someone's words
    SUNDAY_PAPER.replace("had offered a new pay deal on Friday", "will offer a new pay deal on Friday"),
    SUNDAY_PAPER.replace("had offered a new pay deal on Friday, the union said",
                         'said: "We had a new offer on Friday."'),
    # the filed day's own weekday is named too: neither day fits
    SUNDAY_PAPER + "\nPickets were withdrawn on Saturday morning.\n",
    # "yesterday" in words of the first person whose quotation marks were lost
    SUNDAY_PAPER.replace("Dock workers in Portmere yesterday voted", "We voted yesterday, a docker said. Dock "
                         "workers voted"),
    # a weekday with its date is no relative date
    SUNDAY_PAPER.replace("on Friday", "on Friday, 2 May 2008"),
])
def test_no_evidence_keeps_the_filed_day(tmp_path: Path, body: str) -> None:
    days = read(tmp_path, {"2008-05-03-strike.txt": body})
    assert days["2008-05-03-strike.txt"] == (date(2008, 5, 3), None)


def test_an_edition_marker_of_the_next_day_moves_the_day(tmp_path: Path) -> None:
    marker = "This article appeared on p12 of the Main section of the Daily Example on Monday 5 May 2008.\n"
    version = "A version appeared on p12 of the Main section of the Daily Example on Monday 5 May 2008.\n"
    body = "Harbour strike ends\nDock workers voted to end their strike after a week of talks.\n"
    days = read(tmp_path, {"2008-05-04-print.txt": body + marker, "2008-05-04-web.txt": body + version,
                           "2008-05-05-same.txt": body.replace("a week", "ten days") + marker})
    assert days["2008-05-04-print.txt"] == (date(2008, 5, 5), date(2008, 5, 4))
    # a version in print follows a story written for the site on the filed day
    assert days["2008-05-04-web.txt"] == (date(2008, 5, 4), None)
    assert days["2008-05-05-same.txt"] == (date(2008, 5, 5), None)


def test_a_happening_told_as_yesterday_is_dated_the_filed_day(tmp_path: Path, nlp) -> None:
    from timeline.extract.temporal import find_timexes_in_text

    articles, _ = read_content(write_files(tmp_path, {"2008-05-03-strike.txt": SUNDAY_PAPER}))
    article = articles[0]
    timexes = find_timexes_in_text(article.text, article.published, nlp)
    yesterday = next(t for t in timexes if t.text == "yesterday")
    assert yesterday.value == "2008-05-03"


def test_check_explain_says_why_the_next_day_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "2008-05-03-strike.txt"
    path.write_text(SUNDAY_PAPER, encoding="utf-8")
    assert main(["check", "--explain", str(path)]) == 0
    out = capsys.readouterr().out
    assert ("dates read from 2008-05-04, the day it was written for ('yesterday' beside 'on Friday' told in "
            "the past: the paper it was written for is of Sunday 2008-05-04); the file gives 2008-05-03") in out


def test_news_told_without_a_time_is_dated_the_day_it_was_written(tmp_path: Path, nlp) -> None:
    from timeline.extract.actors.mentions import find_mentions
    from timeline.extract.events import find_happenings
    from timeline.extract.temporal import find_timexes

    body = ("Harbour chief quits\nThe chairman of the Portmere port authority resigned after dock workers "
            "rejected his pay offer.\n\nThe workers voted yesterday to stay on strike. The authority had made "
            "its offer on Friday, the union said.\n")
    articles, _ = read_content(write_files(tmp_path, {"2008-05-03-strike.txt": body}))
    article = articles[0]
    assert (article.published, article.filed) == (date(2008, 5, 4), date(2008, 5, 3))
    doc = nlp(article.text)
    found = {h.predicate: h for h in find_happenings(doc, article, find_timexes(doc, article.published),
                                                      find_mentions(doc, None), {})}
    # the lede's news, told with no time, had happened by the evening the story was filed
    assert (found["resign"].date, found["resign"].evidence.rule) == ("2008-05-03", "publication-date")
    # "yesterday" is still read from the day the paper came out
    assert found["vote"].date == "2008-05-03"
