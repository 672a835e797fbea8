"""A story written for the next day's paper with no words of its own to show it: the other reports
of the collection date what it tells as "yesterday" on the day its file gives, so its relative
dates are read from the next day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline.build import build
from timeline.records import Article, DateEvidence, Happening
from timeline.sources.next_day_papers import next_day_papers
from timeline.store.events import load_events

from conftest import make_config, write_files

VOTE = "The Portmere harbour council {when} approved the new ferry terminal plan after a long debate over its cost."
# Other news of the collection, so that a word of the vote is one a few reports use, not all.
OTHER = ["A storm closed the coastal railway between Anvik and Delmore for two days.",
         "Fishing crews in Tarsby protested against the new quota rules outside the ministry.",
         "The regional museum reopened its maritime gallery with a model of the old lighthouse.",
         "Engineers inspected cracks in the Delmore bridge and ordered lorries to detour.",
         "A trawler ran aground near Tarsby and the coastguard rescued its crew of six."]


def article(name: str, day: date) -> Article:
    return Article(id=name, path=f"{name}.txt", title=name, text="", published=day)


def told(name: str, sentence: str, day: str, expression: str | None) -> Happening:
    rule = "publication-date" if expression is None else "dct-relative-day"
    return Happening(article_id=name, sentence_index=0, sentence=sentence, predicate="approve", date=day,
                     precision="day", status="occurred", evidence=DateEvidence(rule, expression, day),
                     title=sentence, summary=sentence)


def collection(*reports: tuple[str, date, str, str, str | None]) -> dict[str, date]:
    """Per article moved, the day it is read from (``reports``: name, filed day, sentence, its date, expression)."""
    articles = [article(name, day) for name, day, *_ in reports]
    happenings = {name: [told(name, sentence, when, expression)] for name, _, sentence, when, expression in reports}
    for n, sentence in enumerate(OTHER):
        name = f"other-{n}"
        articles.append(article(name, date(2021, 3, 1 + n)))
        happenings[name] = [told(name, sentence, f"2021-03-0{1 + n}", "today")]
    return {name: found.day for name, found in next_day_papers(articles, happenings).items()}


def test_a_yesterday_the_others_date_on_the_filed_day_moves_the_article_to_the_next_day() -> None:
    moved = collection(("paper", date(2021, 3, 9), VOTE.format(when="yesterday"), "2021-03-08", "yesterday"),
                       ("wire", date(2021, 3, 9), VOTE.format(when="today"), "2021-03-09", "today"),
                       ("later", date(2021, 3, 10), VOTE.format(when="yesterday"), "2021-03-09", "yesterday"))
    assert moved == {"paper": date(2021, 3, 10)}


def test_no_move_when_the_others_agree_with_the_filed_day_or_tell_another_happening() -> None:
    # a report of the day before tells it too: the file's day is the paper's
    assert collection(("paper", date(2021, 3, 9), VOTE.format(when="yesterday"), "2021-03-08", "yesterday"),
                      ("eve", date(2021, 3, 8), VOTE.format(when="today"), "2021-03-08", "today"),
                      ("wire", date(2021, 3, 9), VOTE.format(when="today"), "2021-03-09", "today")) == {}
    # the report of the filed day tells another happening of the same council
    other = "The Portmere harbour council today elected a new chairman for the coming year."
    assert collection(("paper", date(2021, 3, 9), VOTE.format(when="yesterday"), "2021-03-08", "yesterday"),
                      ("wire", date(2021, 3, 9), other, "2021-03-09", "today")) == {}
    # only a report of the next day tells it as its yesterday: often a reaction naming the happening
    assert collection(("paper", date(2021, 3, 9), VOTE.format(when="yesterday"), "2021-03-08", "yesterday"),
                      ("later", date(2021, 3, 10), VOTE.format(when="yesterday"), "2021-03-09", "yesterday")) == {}
    # a report dated only by its own publication day is no evidence of the day
    assert collection(("paper", date(2021, 3, 9), VOTE.format(when="yesterday"), "2021-03-08", "yesterday"),
                      ("wire", date(2021, 3, 9), VOTE.format(when=""), "2021-03-09", None)) == {}


def test_the_build_dates_the_paper_s_yesterday_by_the_day_it_was_printed(tmp_path: Path) -> None:
    files = {"2021-03-09-paper.txt": "Ferry terminal approved\n" + VOTE.format(when="yesterday") + "\n",
             "2021-03-09-wire.txt": "Council backs terminal\n" + VOTE.format(when="today") + "\n",
             "2021-03-10-later.txt": "Terminal vote\n" + VOTE.format(when="yesterday") + "\n"}
    files.update({f"2021-03-0{1 + n}-other-{n}.txt": f"News {n}\n{sentence}\n" for n, sentence in enumerate(OTHER)})
    content = write_files(tmp_path / "content", files)
    build(make_config(content=content, output=tmp_path / "out"), jobs=1)
    events, _ = load_events(content / "events")
    votes = {s.article: e.date for e in events for s in e.sources if "terminal" in e.title.lower()}
    assert votes and set(votes.values()) == {"2021-03-09"}, votes
