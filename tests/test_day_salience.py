"""Day salience: which days a collection says matter, from how its articles name them."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

import pytest

from timeline.merge.days import (
    FEATURES,
    Model,
    Reference,
    features,
    model,
    protagonist,
    references,
    salience,
    standing,
    weekdays,
)
from timeline.records import ActorRef, DateEvidence, Happening, Timex


def timex(value: str, start: int = 500) -> Timex:
    return Timex(start=start, end=start + 8, text="on Monday", type="DATE", value=value)


def test_only_expressions_naming_a_day_are_references() -> None:
    found = references({
        "a": (timex("2009-06-25", start=10), timex("2009-06"), timex("PRESENT_REF"), timex("2009-W26")),
        "b": (timex("2009-06-26TEV"), Timex(0, 4, "then", "DATE", None)),
    })
    assert found == [Reference("a", "2009-06-25", True), Reference("b", "2009-06-26", False)]


def test_features_count_articles_and_expressions_on_a_log_scale() -> None:
    published = {"a": "2009-06-25", "b": "2009-06-26", "c": "2009-07-10"}
    refs = [Reference("a", "2009-06-25", True), Reference("b", "2009-06-25", False),
            Reference("b", "2009-06-25", False), Reference("c", "2009-06-25", False)]
    row = dict(zip(FEATURES, features(refs, published)["2009-06-25"]))
    assert row == {"published": 1.0, "referred": 2.0, "referred_later": 1.584962500721156,  # log2(1 + 2)
                   "mentions": 2.321928094887362, "referred_lead": 1.0, "protagonist": 0.0,
                   "weekday": 0.1, "protagonist_any": 0.0,  # the one day named is a Thursday: log2(7 × 21 / 141)
                   "burst": 1.584962500721156,  # a and b on the day and the next, none on the days around
                   "told_back": 0.0}
    assert set(features(refs, published)) == {"2009-06-25", "2009-06-26", "2009-07-10"}
    assert dict(zip(FEATURES, features(refs, published)["2009-06-26"]))["told_back"] == 1.0  # b names its eve


def test_a_day_whose_articles_tell_the_day_before_is_that_days_echo() -> None:
    # a verdict on Monday; on Tuesday four reports, three of them "found guilty on Monday"
    published = {"m1": "2011-11-07", "m2": "2011-11-07"} | {f"t{i}": "2011-11-08" for i in range(4)}
    told_monday = [Reference(f"t{i}", "2011-11-07", True) for i in range(3)]
    told_saturday = [Reference(f"t{i}", "2011-11-05", True) for i in range(3)]  # the same reports, of a day before
    told_back = FEATURES.index("told_back")
    echo_rows, other_rows = features(told_monday, published), features(told_saturday, published)
    assert echo_rows["2011-11-08"][told_back] == 2.0  # log2(1 + 3)
    assert other_rows["2011-11-08"][told_back] == 0.0  # naming a day two days before tells no eve again
    assert echo_rows["2011-11-07"][told_back] == 0.0
    # Tuesday's other features are the same in both: only telling Monday again makes it weigh less
    assert [v for i, v in enumerate(echo_rows["2011-11-08"]) if i != told_back] == \
        [v for i, v in enumerate(other_rows["2011-11-08"]) if i != told_back]
    alone = replace(model(), neighbours=0)  # without the rule of echoes of a better day beside
    assert salience(echo_rows, alone)["2011-11-08"] < salience(other_rows, alone)["2011-11-08"]


def test_a_day_later_articles_keep_naming_outranks_a_day_named_once() -> None:
    published = {f"n{i}": f"2009-07-{10 + i:02d}" for i in range(8)}
    published["q"] = "2009-06-01"
    refs = [Reference(f"n{i}", "2009-06-25", i == 0) for i in range(8)] + [Reference("q", "2009-06-01", True)]
    days = salience(features(refs, published))
    assert days["2009-06-25"] > days["2009-06-01"]
    assert all(0 <= v <= 1 for v in days.values())


def test_a_day_beside_a_better_named_day_is_its_echo() -> None:
    rows = {"2009-06-25": [3.0] * len(FEATURES), "2009-06-26": [2.9] * len(FEATURES),
            "2009-07-26": [2.9] * len(FEATURES)}
    m = Model(weights=(0.5,) * len(FEATURES), intercept=-1.5 * len(FEATURES), neighbours=1, echo=1.0)
    days = salience(rows, m)
    assert days["2009-06-26"] < days["2009-07-26"] < days["2009-06-25"]  # the day after the happening is its echo


def test_an_article_added_moves_the_days_it_names_and_others_by_a_hair() -> None:
    # a collection naming 150 days over five months, each in one to four articles published later
    start = date(2009, 3, 2)
    days = [(start + timedelta(days=i)).isoformat() for i in range(150)]
    refs = [Reference(f"a{i}-{k}", day, k == 0) for i, day in enumerate(days) for k in range(1 + i % 4)]
    published = {r.article: "2009-08-01" for r in refs}
    before = salience(features(refs, published))
    published["new"] = "2009-08-02"
    after = salience(features(refs + [Reference("new", days[7], True), Reference("new", "2009-07-31", True)],
                              published))
    assert after[days[7]] > before[days[7]] and "2009-07-31" not in before  # the days it names
    # the days beside them may become their echo; the others move by the weekday profile, a hair
    assert round(max(abs(after[d] - before[d]) for d in days[:6] + days[9:]), 2) <= 0.01


def test_a_collection_naming_weekdays_only_ranks_a_weekend_day_lower() -> None:
    # a story of markets: the articles name trading days; one names a Saturday as often
    published = {f"a{i}": "2008-12-20" for i in range(40)}
    weekdays_named = [d for i in range(40) if (d := date(2008, 10, 1) + timedelta(days=i)).weekday() < 5]
    refs = [Reference(f"a{i}", d.isoformat(), False) for i, d in enumerate(weekdays_named)]
    refs += [Reference("a0", "2008-11-22", False), Reference("a1", "2008-11-14", False)]  # Saturday, Friday
    rows = features(refs, published)
    weekday = FEATURES.index("weekday")
    assert [v for i, v in enumerate(rows["2008-11-22"]) if i != weekday] == [
        v for i, v in enumerate(rows["2008-11-14"]) if i != weekday]  # alike but for the weekday
    days = salience(rows)
    assert days["2008-11-22"] < days["2008-11-14"]
    # a war's collection names every weekday alike: the profile is flat
    assert max(abs(v) for v in weekdays([(date(2011, 3, 1) + timedelta(days=i)).isoformat() for i in range(70)])) < 0.01


def test_a_burst_of_reports_stands_out_from_the_collections_pace() -> None:
    # a quiet collection, an article a week, then six on one day and two the next
    published = {f"w{i}": (date(2009, 1, 5) + timedelta(days=7 * i)).isoformat() for i in range(20)}
    published |= {f"b{i}": "2009-03-11" for i in range(6)} | {"n0": "2009-03-12", "n1": "2009-03-12"}
    # a busy one: eight articles every day of a fortnight, the same eight on the day and the next
    busy = {f"d{i}-{k}": (date(2009, 3, 1) + timedelta(days=i)).isoformat() for i in range(14) for k in range(4)}
    burst = FEATURES.index("burst")
    quiet_day = features([], published)["2009-03-11"][burst]
    busy_day = features([], busy)["2009-03-07"][burst]
    assert quiet_day == pytest.approx(math.log2(1 + 8) - math.log2(1 + 2 * 1 / 4))  # one weekly article around
    assert busy_day == pytest.approx(math.log2(1 + 8) - math.log2(1 + 2 * 4))  # no burst: the usual pace
    assert quiet_day > 2 and busy_day == 0
    # the days of the quiet collection's usual pace do not stand out
    assert features([], published)["2009-01-05"][burst] < quiet_day / 2
    rows = features([], published | busy)
    assert salience(rows)["2009-03-11"] > salience(rows)["2009-01-12"]


def test_the_shipped_model_weighs_every_feature_and_favours_references() -> None:
    m = model()
    assert len(m.weights) == len(FEATURES) and any(m.weights)
    weights = dict(zip(FEATURES, m.weights))
    assert weights["referred"] + weights["referred_later"] > 0


def told(article: str, day: str, kind: str, *actors: str) -> Happening:
    return Happening(article_id=article, sentence_index=1, sentence="A sentence.", predicate="elect", date=day,
                     precision="day", status="occurred", evidence=DateEvidence("weekday-past", "on Monday", day),
                     title="A title", summary="A title.", type=kind,
                     actors=tuple(ActorRef(name, "person") for name in actors))


def test_the_days_the_protagonist_changes_standing_count_the_articles_telling_them() -> None:
    # a collection about one politician: sworn in, charged; a rival sacked; the politician speaks
    happenings = [told(f"s{i}", "2009-05-09", "politics", "Ana Verde", "Parliament") for i in range(3)]
    happenings += [told("c1", "2009-01-12", "legal", "Ana Verde"), told("c2", "2009-01-12", "legal", "Ana Verde"),
                   told("r1", "2009-03-02", "politics", "Tomas Gris", "Ana Verde"),
                   told("q1", "2009-04-01", "statement", "Ana Verde"),
                   told("q2", "2009-04-01", "statement", "Ana Verde")]
    assert protagonist(happenings) == "Ana Verde"
    acts = standing(happenings, ("politics", "legal"))
    # neither the rival's act nor her words
    assert acts == {"2009-05-09": {"s0", "s1", "s2"}, "2009-01-12": {"c1", "c2"}}
    published = {h.article_id: "2009-05-10" for h in happenings}
    # whatever she does first, her words too, but not the rival's act naming her
    doings = standing(happenings, None)
    assert doings == {"2009-05-09": {"s0", "s1", "s2"}, "2009-01-12": {"c1", "c2"}, "2009-04-01": {"q1", "q2"}}
    rows = features([], published, acts, doings)
    assert dict(zip(FEATURES, rows["2009-05-09"]))["protagonist"] == 2.0  # log2(1 + 3)
    assert dict(zip(FEATURES, rows["2009-05-10"]))["protagonist"] == 0.0
    spoke = dict(zip(FEATURES, rows["2009-04-01"]))
    assert spoke["protagonist"] == 0.0 and spoke["protagonist_any"] == pytest.approx(math.log2(3))


def test_a_story_written_for_the_next_days_paper_counts_on_the_day_it_was_written() -> None:
    from timeline.merge.salience import written_days
    from timeline.records import Article

    printed = Article(id="p", path="p.txt", title="T", text="x", published=date(2008, 6, 29),
                      filed=date(2008, 6, 28))  # read from the paper's day, filed the evening before
    dated = Article(id="d", path="d.txt", title="T", text="x", published=date(2008, 6, 27),
                    filed=date(2008, 6, 28))  # a dateline the day before its file's: written on the 27th
    plain = Article(id="a", path="a.txt", title="T", text="x", published=date(2008, 6, 29))
    published = {a.id: a.published.isoformat() if a.published else None for a in (printed, dated, plain)}
    assert written_days([printed, dated, plain], published) == {"p": "2008-06-28", "d": "2008-06-27",
                                                               "a": "2008-06-29"}
