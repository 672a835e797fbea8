"""A plan reported before and its taking place reported after are one event;
importance moves only with an event's own reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from timeline.merge import merge
from timeline.merge.days import BURST_AROUND
from timeline.records import ActorRef, Article, DateEvidence, Happening

SCHOLZ, ZELENSKY = ActorRef("Olaf Scholz", "person"), ActorRef("Volodymyr Zelensky", "person")
PUTIN = ActorRef("Vladimir Putin", "person")


def article(aid: str, day: date) -> Article:
    return Article(id=aid, path=f"{aid}.md", title=f"Title {aid}", text="", published=day, outlet=aid)


def happening(aid: str, title: str, predicate: str, day: str, status: str, actors: tuple[ActorRef, ...],
              place: str | None = "Kyiv", type_: str = "diplomacy") -> Happening:
    return Happening(article_id=aid, sentence_index=3, sentence=title + ".", predicate=predicate, date=day,
                     precision="day", status=status, evidence=DateEvidence("weekday", "Monday", day),
                     title=title, summary=title + ".", type=type_, actors=actors, place=place)


PLAN = happening("early", "Olaf Scholz is due in Kyiv", "be", "2022-02-14", "scheduled", (SCHOLZ,), type_="other")
DONE = happening("late", "Olaf Scholz met Volodymyr Zelensky in Kyiv", "meet", "2022-02-14", "occurred",
                 (SCHOLZ, ZELENSKY))
ARTICLES = [article("early", date(2022, 2, 13)), article("late", date(2022, 2, 14))]


def test_a_plan_and_its_taking_place_are_one_occurred_event() -> None:
    (event,) = merge([], [PLAN, DONE], ARTICLES).events
    assert event.status == "occurred" and event.date == "2022-02-14" and event.type == "diplomacy"
    assert event.title == DONE.title
    assert [(s.article, s.reported_date) for s in event.sources] == [("early", "2022-02-14"), ("late", "2022-02-14")]
    assert event.disputes == ("announced 2022-02-13 (early), took place 2022-02-14",)


def test_taking_place_on_another_day_is_said() -> None:
    late = replace(DONE, date="2022-02-15")
    (event,) = merge([], [PLAN, late], ARTICLES).events
    assert event.date == "2022-02-15"
    assert event.disputes == ("announced 2022-02-13 (early) for 2022-02-14, took place 2022-02-15: on another date "
                              "than planned",)


def test_the_happenings_id_wins_and_the_plans_is_an_alias() -> None:
    apart = merge([], [PLAN, replace(DONE, actors=(ZELENSKY,))], ARTICLES).events  # no shared party yet
    assert len(apart) == 2
    plan_id = next(e.id for e in apart if e.status == "scheduled")
    done_id = next(e.id for e in apart if e.status == "occurred")
    (event,) = merge(list(apart), [PLAN, DONE], ARTICLES).events
    assert event.id == done_id and plan_id in event.aliases


def test_what_does_not_fulfil_the_plan_stays_apart() -> None:
    others = [
        replace(DONE, actors=(ZELENSKY,)),  # nobody in common
        replace(DONE, place="Lviv"),  # somewhere else
        replace(DONE, predicate="sanction", title="Olaf Scholz sanctioned Volodymyr Zelensky"),  # another kind
        replace(DONE, date="2022-02-20"),  # days later
        # the plan's other party is missing: "Scholz and Putin are to meet" is not "Scholz met Zelensky"
        replace(DONE, title="Olaf Scholz met Volodymyr Zelensky", actors=(SCHOLZ, ZELENSKY)),
    ]
    for other in others[:-1]:
        assert len(merge([], [PLAN, other], ARTICLES).events) == 2, other
    both = replace(PLAN, title="Olaf Scholz and Vladimir Putin are due to meet in Kyiv", actors=(SCHOLZ, PUTIN))
    assert len(merge([], [both, others[-1]], ARTICLES).events) == 2


def test_a_source_that_tells_two_happenings_in_one_clause_does_not_lend_the_other_party() -> None:
    call = happening("a", "Vladimir Putin and Olaf Scholz held a call", "hold", "2022-02-12", "occurred",
                     (PUTIN, SCHOLZ), place=None)
    both = replace(call, article_id="c", title="Vladimir Putin talked with Volodymyr Zelensky and Olaf Scholz",
                   actors=(PUTIN, ZELENSKY, SCHOLZ))
    arts = [article(a, date(2022, 2, 12)) for a in "abc"]
    (event,) = merge([], [call, replace(call, article_id="b"), both], arts).events
    assert {a.name for a in event.actors} == {"Vladimir Putin", "Olaf Scholz"}


def test_importance_moves_only_with_the_events_own_reports() -> None:
    arts = [article(f"a{i}", date(2022, 2, 1 + i)) for i in range(14)]
    # two days apart, so that no two are taken for one happening
    hs = [happening(f"a{i}", f"Olaf Scholz met leader {i} about topic {i}", "meet", f"2022-02-{1 + 2 * i:02d}",
                    "occurred", (SCHOLZ, ActorRef(f"Leader {i}", "person")), place=None) for i in range(14)]
    full = {e.date: e.importance for e in merge([], hs, arts).events}
    less = {e.date: e.importance for e in merge([], hs[1:], arts[1:]).events}
    assert len(full) == 14 and len(less) == 13
    changed = [t for t in less if less[t] != full[t]]
    # Scholz's 14 events and his 13 are at one prominence level; a day named fewer times moves
    # only its weekday's share of the days named (days.weekdays), so only the other Tuesday may move,
    # beside the days whose burst of publication the article removed was the baseline of (days.burst:
    # those within three days of its publication, 1 February)
    near = {(date(2022, 2, 1) + timedelta(days=k)).isoformat() for k in BURST_AROUND}
    assert all(date.fromisoformat(t).weekday() == date(2022, 2, 1).weekday() or t in near for t in changed)
    assert len(changed) < 4
    assert all(round(v, 1) == v for v in full.values())


def test_articles_that_tell_the_plan_before_its_taking_place_date_it_by_the_taking_place() -> None:
    # Each article first says the meeting was planned, then that it took place: every
    # article's first mention is the plan, yet the date counted is the one its report gives.
    title = "Olaf Scholz meets Volodymyr Zelensky in Kyiv"
    plan = happening("early", title, "meet", "2022-02-14", "scheduled", (SCHOLZ, ZELENSKY))
    group = [replace(plan, sentence_index=1), replace(plan, article_id="late", sentence_index=1),
             replace(plan, article_id="late", sentence_index=4, status="occurred", date="2022-02-15")]
    (event,) = merge([], group, ARTICLES).events
    assert event.status == "occurred" and event.date == "2022-02-15"
