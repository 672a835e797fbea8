"""The account of a journalists' day that holds no event: why each article about it gave none."""

from __future__ import annotations

from datetime import date

import pytest

from evaluation.diagnose_days import accounts
from timeline.records import Article, DateEvidence, Happening, Timex


def article(name: str, published: str, text: str = "A column on the markets.") -> Article:
    return Article(id=name, path=f"{name}.txt", title=f"Headline of {name}", text=text,
                   published=date.fromisoformat(published))


def happening(name: str, day: str, precision: str = "day") -> Happening:
    return Happening(article_id=name, sentence_index=0, sentence="S.", predicate="rise", date=day,
                     precision=precision, status="occurred",
                     evidence=DateEvidence(rule="publication-date", expression=None, value=day),
                     title="Shares rose", summary="S.")


def test_each_article_about_the_day_says_where_its_happenings_went() -> None:
    day = "2008-11-12"
    text = "The bank said it would meet on Wednesday to set its rate."
    arts = [article("column", day), article("feature", day), article("later", "2008-11-14", text),
            article("unrelated", "2008-11-13")]
    timexes = {"later": [Timex(start=31, end=43, text="on Wednesday", type="DATE", value=day)]}
    happenings = [happening("feature", "2008-10", "month"), happening("feature", "2008-10-30"),
                  happening("later", day), happening("unrelated", day)]
    lines = accounts(day, arts, timexes, happenings, events=[])
    assert [line.split("|")[0].strip() for line in lines if not line.startswith("        ")] == [
        "column published: no happening",
        "feature published: dated elsewhere: 2008-10 (month) ×1, 2008-10-30 ×1",
        "later names it: dated here (1), merged",  # its happening of the day went into another day's event
    ]
    assert "'on Wednesday': …The bank said it would meet on Wednesday to set its rate.…" in lines[-1]


def test_an_article_quoted_by_an_event_of_the_day_is_not_merged_away() -> None:
    day = "2008-11-12"
    events = [{"date": day, "precision": "day", "sources": [{"article": "report"}]}]
    lines = accounts(day, [article("report", day)], {}, [happening("report", day)], events)
    assert lines[0].split("|")[0].strip() == "report published: dated here (1)"


def test_the_scores_say_how_many_days_the_ranking_holds_in_the_gold_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from evaluation import eval_timelines

    gold_days = ["2009-06-01", "2009-06-02", "2009-06-03", "2009-06-05"]
    monkeypatch.setattr(eval_timelines, "gold", lambda name: [("desk", gold_days)])
    monkeypatch.setattr(eval_timelines, "articles", lambda name: [{"published": d} for d in gold_days])
    events = [{"date": d, "precision": "day", "importance": 2.0} for d in ("2009-06-01", "2009-06-04", "2009-07-09")]
    events.append({"date": "2009-06-02", "precision": "month", "importance": 9.0})  # no day of its own
    (score,) = eval_timelines.score_collection("x", events)
    assert (score.ranked, score.length) == (2, 4)  # 06-01 and 06-04: 07-09 is past the window
    assert round(score.f1, 3) == round(2 * 1 / (2 + 4), 3) and score.floor == 1.0


def test_dateline_days_counts_how_far_datelines_stand_from_the_stored_day(monkeypatch: pytest.MonkeyPatch) -> None:
    from evaluation import dateline_days

    body = " Port workers ended their strike after the owners raised their pay offer on Tuesday.\n"
    docs = [{"id": "a", "published": "2009-03-04", "text": "Strike ends\nPORTSMOUTH, March 3 (Wire) -" + body},
            {"id": "b", "published": "2009-03-03", "text": "Strike ends\nPORTSMOUTH, March 3 (Wire) -" + body},
            {"id": "c", "published": "2009-03-03", "text": "Strike ends\nPort workers ended their strike." + body}]
    monkeypatch.setattr(dateline_days, "articles", lambda name: docs)
    count, found = dateline_days.offsets("x")
    assert count == 3 and found == {-1: 1, 0: 1}
