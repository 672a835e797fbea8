"""Table-driven tests of the temporal engine: one row per phrase, publication date and expected reading."""

from __future__ import annotations

import json
from datetime import date

import pytest

from timeline.errors import DateError
from timeline.extract.temporal import find_timexes_in_text
from timeline.extract.temporal.values import bounds, is_future, precision_of, sort_key

SAT = date(2022, 2, 12)  # the seed article's publication date, a Saturday


# (sentence, dct, expression text, type, value, mod)
CASES = [
    # the seed article
    ("Russia reinforced the ominous tone on Saturday.", SAT, "Saturday", "DATE", "2022-02-12", None),
    ("The Kremlin said on Friday that talks had failed.", SAT, "Friday", "DATE", "2022-02-11", None),
    ("On Friday the ministry issued a warning.", SAT, "Friday", "DATE", "2022-02-11", None),
    ("Blinken will travel to Kiev on Monday.", SAT, "Monday", "DATE", "2022-02-14", None),
    # The present of news is a schedule: the nearest such day, even from a Sunday.
    ("Scholz is due in Kyiv on Monday.", date(2022, 2, 13), "Monday", "DATE", "2022-02-14", None),
    ("Scholz travels to Kyiv on Monday.", date(2022, 2, 13), "Monday", "DATE", "2022-02-14", None),
    ("The summit is on Friday.", SAT, "Friday", "DATE", "2022-02-11", None),
    ("Earlier in the day, Putin spoke to Macron.", SAT, "Earlier in the day", "DATE", "2022-02-12", None),
    ("Biden and Macron are expected to speak later in the day.", SAT, "later in the day", "DATE", "2022-02-12", None),
    ("Troops moved closer to the border last week.", SAT, "last week", "DATE", "2022-W05", None),
    # A Saturday paper's "this week" still to come is the next calendar week; told as done, it is the one ending.
    ("Dockers will go on strike this week.", SAT, "this week", "DATE", "2022-W07", None),
    ("Dockers went on strike this week.", SAT, "this week", "DATE", "2022-W06", None),
    ("Dockers will go on strike this week.", date(2022, 2, 11), "this week", "DATE", "2022-W06", None),
    ("Russia annexed Crimea in 2014.", SAT, "2014", "DATE", "2014", None),
    ("Gas prices will climb this winter.", SAT, "this winter", "DATE", "2022-WI", None),
    # absolute dates at their own precision
    ("The deal was signed on February 24, 2022.", SAT, "February 24, 2022", "DATE", "2022-02-24", None),
    ("The deal was signed on 24 February 2022.", SAT, "24 February 2022", "DATE", "2022-02-24", None),
    ("It was founded in July 2012.", SAT, "July 2012", "DATE", "2012-07", None),
    ("The file is dated 2021-11-03.", SAT, "2021-11-03", "DATE", "2021-11-03", None),
    ("the cars of the 1980s", SAT, "1980s", "DATE", "198X", None),
    ("the 20th century", SAT, "the 20th century", "DATE", "19XX", None),
    # months and days without a year, by tense
    ("The talks began on February 3.", SAT, "February 3", "DATE", "2022-02-03", None),
    ("Elections will be held in May.", SAT, "May", "DATE", "2022-05", None),
    ("The embassy closed in November.", SAT, "November", "DATE", "2021-11", None),
    ("He visited Minsk last September.", SAT, "last September", "DATE", "2021-09", None),
    # relative to the publication date
    ("The ministry said today that it would respond.", SAT, "today", "DATE", "2022-02-12", None),
    ("Shelling was reported yesterday.", SAT, "yesterday", "DATE", "2022-02-11", None),
    ("The summit opens tomorrow.", SAT, "tomorrow", "DATE", "2022-02-13", None),
    ("Talks resumed last month.", SAT, "last month", "DATE", "2022-01", None),
    ("They will meet next year.", SAT, "next year", "DATE", "2023", None),
    ("Sales fell last year.", SAT, "last year", "DATE", "2021", None),
    ("He left Kiev last Friday.", SAT, "last Friday", "DATE", "2022-02-11", None),
    ("They will talk again next Tuesday.", SAT, "next Tuesday", "DATE", "2022-02-15", None),
    ("The first quarter of this year was hard.", SAT, "The first quarter of this year", "DATE", "2022-Q1", None),
    ("Profits rose in the third quarter of 2021.", SAT, "the third quarter of 2021", "DATE", "2021-Q3", None),
    ("Output fell in the first half of 2021.", SAT, "the first half of 2021", "DATE", "2021-H1", None),
    ("They met two years ago.", SAT, "two years ago", "DATE", "2020", None),
    ("Protests took place during the weekend.", SAT, "the weekend", "DATE", "2022-W06-WE", None),
    ("The market ended the day lower.", SAT, "the day", "DATE", "2022-02-12", None),
    # a reference date set by the text
    ("On 3 February they met. Two days later they signed.", SAT, "Two days later", "DATE", "2022-02-05", None),
    ("Prices rose in 2009. The year before, they had fallen.", SAT, "The year before", "DATE", "2008", None),
    # parts of the day and clock times
    ("Explosions were heard this morning.", SAT, "this morning", "TIME", "2022-02-12TMO", None),
    ("The talks ended Friday night.", SAT, "Friday night", "TIME", "2022-02-11TNI", None),
    ("The call started at 16:00 UTC today.", SAT, "16:00 UTC today", "TIME", "2022-02-12T16:00Z", None),
    ("The vote is at 2:30 p.m.", SAT, "2:30 p.m.", "TIME", "2022-02-12T14:30", None),
    # modifiers
    ("Troops will withdraw in early March.", SAT, "early March", "DATE", "2022-03", "EARLY"),
    ("The plant opens in mid-2023.", SAT, "mid-2023", "DATE", "2023", "MID"),
    ("Work ends by the end of this year.", SAT, "the end of this year", "DATE", "2022", "END"),
    ("It lasted nearly five months.", SAT, "nearly five months", "DURATION", "P5M", "LESS_THAN"),
    ("They talked for about two hours.", SAT, "about two hours", "DURATION", "PT2H", "APPROX"),
    # durations
    ("the hour-long phone call", SAT, "hour-long", "DURATION", "PT1H", None),
    ("a 12-year contract", SAT, "12-year", "DURATION", "P12Y", None),
    ("over the past decade", SAT, "the past decade", "DURATION", "P10Y", None),
    ("The siege lasted several years.", SAT, "several years", "DURATION", "PXY", None),
    ("It took almost two and a half years.", SAT, "almost two and a half years", "DURATION", "P2.5Y", "LESS_THAN"),
    # sets
    ("The board meets weekly.", SAT, "weekly", "SET", "P1W", None),
    ("Markets close every Monday.", SAT, "every Monday", "SET", "XXXX-WXX-1", None),
    ("15 tankers a year", SAT, "a year", "SET", "P1Y", None),
    # references to the present, past and future
    ("Prices are currently high.", SAT, "currently", "DATE", "PRESENT_REF", None),
    ("Now the talks are over.", SAT, "Now", "DATE", "PRESENT_REF", None),
    ("Tensions have risen recently.", SAT, "recently", "DATE", "PAST_REF", None),
    ("Sanctions may follow in the future.", SAT, "the future", "DATE", "FUTURE_REF", None),
    # holidays
    ("Shops reopened after Christmas.", SAT, "Christmas", "DATE", "2021-12-25", None),
    # a holiday with its year after a comma is that year's, not the coming one
    ("The wave struck on Boxing Day, 2004, and the village was lost.", SAT, "Boxing Day, 2004", "DATE", "2004-12-26",
     None),
    # no publication date: relative values stay unresolved, absolute ones resolve
    ("He spoke on Friday.", None, "Friday", "DATE", None, None),
    ("Troops arrived last week.", None, "last week", "DATE", None, None),
    ("It happened on 3 March 2014.", None, "3 March 2014", "DATE", "2014-03-03", None),
]


@pytest.mark.parametrize("sentence,dct,text,kind,value,mod", CASES, ids=[c[0][:40] for c in CASES])
def test_reading(nlp, sentence: str, dct: date | None, text: str, kind: str, value: str | None,  # type: ignore[no-untyped-def]
                 mod: str | None) -> None:
    found = {t.text: t for t in find_timexes_in_text(sentence, dct, nlp)}
    assert text in found, f"{text!r} not found in {sorted(found)}"
    timex = found[text]
    assert (timex.type, timex.value, timex.mod) == (kind, value, mod)
    assert sentence[timex.start:timex.end] == text
    assert timex.rule


# Phrases that are not dates at all, or must never come back as a date.
NOT_DATES = [
    "They plan to march through Kiev.",
    "Officials may decide later.",
    "He deployed 2000 troops.",
    "The company paid $ 2008 million.",
    "April Jones spoke for the group.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_a_date(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert [t for t in find_timexes_in_text(sentence, SAT, nlp) if t.type == "DATE"] == []


def test_hour_long_call_is_never_a_date(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find_timexes_in_text("the hour-long phone call ended with no breakthrough", SAT, nlp)
    assert all(t.type == "DURATION" and t.value == "PT1H" for t in found)


def test_range_has_both_ends(nlp) -> None:  # type: ignore[no-untyped-def]
    found = find_timexes_in_text("Talks were held from 24 to 26 February.", SAT, nlp)
    assert [(t.value, t.range_end) for t in found] == [("2022-02-24", "2022-02-26")]
    found = find_timexes_in_text("Prices rose between March and May 2021.", SAT, nlp)
    assert (found[0].value, found[0].range_end) == ("2021-03", "2021-05")


BAD_INPUT = ["", "   ", "?!...;;--", "1" * 50_000, "on 31 February", "the year 99999",
             "Путин said 2022年 on Friday — 東京 ٢٠٢٢", "\x00\x01 May\u200b 5", "99:99 p.m.", "Q5 2022"]


@pytest.mark.parametrize("text", BAD_INPUT, ids=range(len(BAD_INPUT)))
def test_bad_input_does_not_crash(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    for timex in find_timexes_in_text(text, SAT, nlp):
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.value is None or precision_of(timex.value) != "day" or bounds(timex.value)


def test_impossible_day_is_not_a_date(nlp) -> None:  # type: ignore[no-untyped-def]
    assert find_timexes_in_text("It happened on 31 February.", SAT, nlp) == []


VALUES = [
    ("2022-02-12", "day", date(2022, 2, 12), date(2022, 2, 12)),
    ("2022-W05", "week", date(2022, 1, 31), date(2022, 2, 6)),
    ("2022-W06-WE", "week", date(2022, 2, 12), date(2022, 2, 13)),
    ("2022-02", "month", date(2022, 2, 1), date(2022, 2, 28)),
    ("2022-Q1", "quarter", date(2022, 1, 1), date(2022, 3, 31)),
    ("2022-WI", "season", date(2021, 12, 1), date(2022, 2, 28)),
    ("2022-SU", "season", date(2022, 6, 1), date(2022, 8, 31)),
    ("2022-H2", "half", date(2022, 7, 1), date(2022, 12, 31)),
    ("2014", "year", date(2014, 1, 1), date(2014, 12, 31)),
    ("198X", "decade", date(1980, 1, 1), date(1989, 12, 31)),
    ("19XX", "century", date(1900, 1, 1), date(1999, 12, 31)),
    ("2022-02-12T14:30", "time", date(2022, 2, 12), date(2022, 2, 12)),
    ("2022-02-12TEV", "time", date(2022, 2, 12), date(2022, 2, 12)),
]


@pytest.mark.parametrize("value,precision,first,last", VALUES)
def test_values(value: str, precision: str, first: date, last: date) -> None:
    assert precision_of(value) == precision
    assert bounds(value) == (first, last)


@pytest.mark.parametrize("value", ["PRESENT_REF", "P1M", "XXXX-WXX-1", "2022-02-31", "", "garbage"])
def test_values_without_bounds(value: str) -> None:
    assert bounds(value) is None
    assert not is_future(value, SAT)


def test_sort_key_orders_chronologically() -> None:
    values = ["PRESENT_REF", "2022-02-12", "2014", "2022-W05", "2022-02", "198X"]
    assert sorted(values, key=sort_key) == ["198X", "2014", "2022-W05", "2022-02", "2022-02-12", "PRESENT_REF"]


@pytest.mark.parametrize("value,expected", [("2022-02-14", True), ("2022-02-12", False), ("2022-02", False),
                                            ("2023", True), ("FUTURE_REF", True), ("PAST_REF", False)])
def test_is_future(value: str, expected: bool) -> None:
    assert is_future(value, SAT) is expected


def test_dates_command_jsonl(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from timeline.cli import dates

    path = tmp_path / "a.txt"
    path.write_text("Biden said on Friday he will travel on Monday.", encoding="utf-8")
    parser = argparse.ArgumentParser()
    dates.register(parser.add_subparsers())
    args = parser.parse_args(["dates", "--dct", "2022-02-12", "--format", "jsonl", str(path)])
    args.config = None
    assert args.func(args) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["text"], r["value"]) for r in rows] == [("Friday", "2022-02-11"), ("Monday", "2022-02-14")]
    assert set(rows[0]) == {"start", "end", "text", "type", "value", "mod"}


def test_dates_command_without_dct_leaves_relative_expressions_unresolved(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from timeline.cli import dates

    path = tmp_path / "a.txt"
    path.write_text("Biden said on Friday he will travel on 14 February 2022.", encoding="utf-8")
    parser = argparse.ArgumentParser()
    dates.register(parser.add_subparsers())
    args = parser.parse_args(["dates", "--format", "jsonl", str(path)])
    args.config = None
    assert args.func(args) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["text"], r["value"]) for r in rows] == [("Friday", None), ("14 February 2022", "2022-02-14")]


@pytest.mark.parametrize("given", ["", "12/02/2022", "2022-02-30", "tomorrow"])
def test_dates_command_rejects_bad_dct(given: str | None) -> None:
    from timeline.cli.dates import parse_dct

    with pytest.raises(DateError, match="--dct"):
        parse_dct(given)
