"""Merging happenings into the store: one event per happening, stable ids, curation wins."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline.merge import merge
from timeline.records import ActorRef, Article, DateEvidence, Event, Happening

BIDEN, PUTIN = ActorRef("Joe Biden", "person"), ActorRef("Vladimir Putin", "person")


def article(aid: str, outlet: str = "") -> Article:
    return Article(id=aid, path=f"{aid}.md", title=f"Title {aid}", text="", published=date(2022, 2, 12),
                   outlet=outlet or aid)


def call(aid: str, title: str = "Joe Biden and Vladimir Putin held an hour-long call", day: str = "2022-02-12",
         numbers: tuple[str, ...] = ()) -> Happening:
    return Happening(article_id=aid, sentence_index=0, sentence=title + ".", predicate="hold", date=day,
                     precision="day", status="occurred", evidence=DateEvidence("publication-date", None, day),
                     title=title, summary=title + ".", type="diplomacy", actors=(BIDEN, PUTIN), numbers=numbers)


def test_the_same_call_from_three_articles_is_one_event_with_three_sources() -> None:
    hs = [call("a"), call("b", "Presidents Vladimir Putin and Joe Biden spoke by phone for an hour"),
          call("c", "Joe Biden and Vladimir Putin held a call", day="2022-02-11")]
    result = merge([], hs, [article("a"), article("b"), article("c")])
    assert len(result.events) == 1 and result.new == 1
    event = result.events[0]
    assert [s.article for s in event.sources] == ["a", "b", "c"]
    assert event.date == "2022-02-12"
    assert any("different dates" in d for d in event.disputes)


def test_different_happenings_stay_apart() -> None:
    other = replace(call("b"), title="Olaf Scholz met Volodymyr Zelensky in Kyiv",
                    actors=(ActorRef("Olaf Scholz", "person"),))
    assert len(merge([], [call("a"), other], [article("a"), article("b")]).events) == 2


def test_ids_are_stable_and_an_extra_source_keeps_the_id() -> None:
    first = merge([], [call("a")], [article("a")]).events
    again = merge(list(first), [call("a"), call("b")], [article("a"), article("b")])
    assert again.events[0].id == first[0].id and again.changed == 1 and again.new == 0
    assert merge([], [call("a")], [article("a")]).events[0].id == first[0].id


def test_a_merge_keeps_the_folded_id_as_alias() -> None:
    one = merge([], [call("a")], [article("a")]).events[0]
    two = replace(merge([], [call("b")], [article("b")]).events[0], id="2022-02-12-old-id")
    result = merge([one, two], [call("a"), call("b")], [article("a"), article("b")])
    assert len(result.events) == 1 and result.merged == 1
    assert "2022-02-12-old-id" in result.events[0].aliases or result.events[0].id == "2022-02-12-old-id"


def test_curated_fields_locked_and_manual_events_survive() -> None:
    stored = merge([], [call("a")], [article("a")]).events[0]
    edited = replace(stored, title="Biden and Putin hold hour-long call without breakthrough", curated=("title",))
    manual = Event(id="2022-02-20-manual", date="2022-02-20", precision="day", status="occurred",
                   title="Typed in by hand", summary="")
    locked = replace(stored, id="2022-02-12-locked", locked=True, sources=stored.sources)
    result = merge([edited, manual, locked], [call("a"), call("b")], [article("a"), article("b")])
    by_id = {e.id: e for e in result.events}
    assert by_id[stored.id].title == edited.title and len(by_id[stored.id].sources) == 2
    assert by_id["2022-02-20-manual"] == manual and by_id["2022-02-12-locked"] == locked


def test_deleting_an_article_removes_its_events_unless_curated_and_says_so() -> None:
    stored = merge([], [call("a")], [article("a")]).events[0]
    result = merge([stored], [], [])
    assert result.events == () and result.removed == 1 and "articles were removed" in result.notes[0]
    kept = merge([replace(stored, hidden=True)], [], [])
    assert len(kept.events) == 1 and kept.events[0].sources == () and kept.notes


def test_figures_that_disagree_are_kept_as_a_dispute() -> None:
    result = merge([], [call("a", numbers=("100,000",)), call("b", numbers=("130,000",))],
                   [article("a"), article("b")])
    assert any("100,000" in d and "130,000" in d for d in result.events[0].disputes)


def test_importance_ranks_widely_reported_events_first() -> None:
    lone = replace(call("c"), title="Olaf Scholz met Volodymyr Zelensky", actors=(ActorRef("Olaf Scholz", "person"),),
                   sentence_index=9)
    result = merge([], [call("a"), call("b"), lone], [article("a"), article("b"), article("c")])
    ranked = sorted(result.events, key=lambda e: -e.importance)
    assert ranked[0].title.startswith("Joe Biden")


def test_two_happenings_of_one_sentence_keep_their_ids_on_rebuild() -> None:
    sentence = "Kyiv announced on Wednesday that exports fell in March."
    said = replace(call("a"), sentence=sentence, title="Kyiv announced that exports fell", date="2022-02-09",
                   predicate="announce", type="statement")
    fell = replace(call("a"), sentence=sentence, title="Exports fell", date="2022-03", precision="month",
                   predicate="fall", type="economic", actors=(ActorRef("Ukraine", "country"),))
    first = merge([], [said, fell], [article("a")]).events
    again = merge(list(first), [fell, said], [article("a")])
    assert {e.id: e.title for e in again.events} == {e.id: e.title for e in first}
    assert again.new == 0 and again.changed == 0


def test_one_sentence_two_verbs_each_keep_their_event_even_when_one_title_contains_the_other() -> None:
    sentence = "Airbus launches the world's largest plane Airbus unveiled the A380 on Friday."
    launch = replace(call("a"), sentence=sentence, title="Airbus launches the world's largest plane",
                     predicate="launch", type="economic", actors=(ActorRef("Airbus", "organisation"),))
    unveil = replace(launch, title="Airbus launches the world's largest plane Airbus unveiled", predicate="unveil")
    first = merge([], [unveil, launch], [article("a")]).events
    again = merge(list(first), [launch, unveil], [article("a")])
    assert {e.id: e.predicate for e in again.events} == {e.id: e.predicate for e in first}
    assert again.changed == 0


def test_a_line_told_on_its_day_keeps_that_day_against_a_later_report_dated_by_its_lede() -> None:
    """A statement reported the day it was made, and again two days later under a lede that says
    "yesterday", happened on the first report's day: neither report names a day of its own."""
    said = "The cabinet said it would ask the court to review the ruling"
    first = replace(call("early", said, day="2022-03-15"), predicate="say", type="statement",
                    evidence=DateEvidence("publication-date", None, "2022-03-15"))
    later = replace(call("late", said, day="2022-03-16"), predicate="say", type="statement",
                    evidence=DateEvidence("lead-event-day", "yesterday", "2022-03-16"))
    articles = [replace(article("early"), published=date(2022, 3, 15)),
                replace(article("late"), published=date(2022, 3, 17))]
    events = merge([], [first, later], articles).events
    assert [(e.date, len(e.sources)) for e in events] == [("2022-03-15", 2)]
    # a paper of the 17th that names no day does not outweigh one of the same day saying "yesterday"
    undated = replace(first, article_id="next", date="2022-03-17",
                      evidence=DateEvidence("publication-date", None, "2022-03-17"))
    yesterday = replace(later, evidence=DateEvidence("dct-relative-day", "yesterday", "2022-03-16"))
    articles = [replace(article("next"), published=date(2022, 3, 17)),
                replace(article("late"), published=date(2022, 3, 17))]
    assert [e.date for e in merge([], [undated, yesterday], articles).events] == ["2022-03-16"]
    # a report naming its day in its own words ("on Wednesday") outweighs an earlier undated one
    weekday = replace(later, evidence=DateEvidence("dct-relative-day", "on Wednesday", "2022-03-16"))
    articles = [replace(article("early"), published=date(2022, 3, 15)),
                replace(article("late"), published=date(2022, 3, 17))]
    assert [e.date for e in merge([], [first, weekday], articles).events] == ["2022-03-16"]
