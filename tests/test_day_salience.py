"""Day salience: which days a collection says matter, from how its articles name them."""

from __future__ import annotations

from timeline.merge.days import FEATURES, Model, Reference, features, listings, model, references, salience
from timeline.records import DateEvidence, Happening, Timex


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
                   "mentions": 2.321928094887362, "referred_lead": 1.0, "listed": 0.0}
    assert set(features(refs, published)) == {"2009-06-25", "2009-06-26", "2009-07-10"}


def test_a_day_listed_in_chronologies_counts_the_articles_listing_it() -> None:
    # two articles' chronologies list 14 March, one also 2 April; a third tells 2 April in a sentence
    def entry(article: str, day: str) -> Happening:
        return Happening(article_id=article, sentence_index=3, sentence="", predicate="call", date=day,
                         precision="day", status="occurred", evidence=DateEvidence(rule="chronology-entry"),
                         title="The union calls a strike", summary="", type="other")

    told = Happening(article_id="c", sentence_index=0, sentence="", predicate="call", date="2011-04-02",
                     precision="day", status="occurred", evidence=DateEvidence(rule="absolute-date"),
                     title="The union called a strike", summary="", type="other")
    found = listings([entry("a", "2011-03-14"), entry("b", "2011-03-14"), entry("a", "2011-04-02"), told])
    assert found == {"2011-03-14": {"a", "b"}, "2011-04-02": {"a"}}
    rows = features([], {"a": "2012-01-01", "b": "2012-01-01", "c": "2012-01-01"}, found)
    assert dict(zip(FEATURES, rows["2011-03-14"]))["listed"] == 1.584962500721156  # log2(1 + 2)



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
    m = Model(weights=(0.5,) * len(FEATURES), intercept=-7.0, neighbours=1, echo=1.0)
    days = salience(rows, m)
    assert days["2009-06-26"] < days["2009-07-26"] < days["2009-06-25"]  # the day after the happening is its echo


def test_an_article_added_moves_only_the_days_it_names() -> None:
    published = {"a": "2009-06-25", "b": "2009-07-02"}
    refs = [Reference("a", "2009-06-25", True), Reference("b", "2009-06-25", False)]
    before = salience(features(refs, published))
    published["c"] = "2009-08-01"
    after = salience(features(refs + [Reference("c", "2009-07-20", True)], published))
    assert {d: after[d] for d in before} == before


def test_the_shipped_model_weighs_every_feature_and_favours_references() -> None:
    m = model()
    assert len(m.weights) == len(FEATURES) and any(m.weights)
    weights = dict(zip(FEATURES, m.weights))
    assert weights["referred"] + weights["referred_later"] > 0
