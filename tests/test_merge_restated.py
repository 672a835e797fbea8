"""A later report of an earlier happening joins it: background told again weeks later, or a
day's happening told later by its month, is one event with the earlier, finer date; a new
happening of the same kind stays an event of its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from timeline.merge import merge
from timeline.records import ActorRef, Article, DateEvidence, Event, Happening

OKAFOR = ActorRef("Daniel Okafor", "person")
COURT = ActorRef("Lagos High Court", "organisation")
BELLO = ActorRef("Amina Bello", "person")
REYES = ActorRef("Tomas Reyes", "person")
HALE = ActorRef("Martin Hale", "person")
START = date(2021, 3, 1)


def article(aid: str, published: date) -> Article:
    return Article(id=aid, path=f"{aid}.txt", title=f"Report {aid}", text="", published=published, outlet=aid)


def told(aid: str, sentence: str, *, day: date, actors: tuple[ActorRef, ...], predicate: str, kind: str = "legal",
         index: int = 6, rule: str = "publication-date", value: str | None = None,
         status: str = "occurred") -> Happening:
    """A happening as extraction gives it: ``rule`` publication-date dates it by ``day``,
    its article's; any other rule by ``value`` (a day, a month, a year)."""
    iso = value or day.isoformat()
    precision = {10: "day", 7: "month", 4: "year"}[len(iso)]
    expression = None if rule == "publication-date" else "the day"
    title = sentence.rstrip(".")
    return Happening(article_id=aid, sentence_index=index, sentence=sentence, predicate=predicate, date=iso,
                     precision=precision, status=status, evidence=DateEvidence(rule, expression, iso), title=title,
                     summary=sentence, type=kind, actors=actors)


def background(n: int = 12) -> tuple[list[Happening], list[Article]]:
    """Other news of the collection, so that the story's common words weigh little."""
    topics = ["The port of Apapa reopened after a strike by dock workers",
              "Heavy rain flooded roads in the east of the city",
              "The central bank held its lending rate at eleven percent",
              "A football club signed a striker from Ghana for a record fee",
              "Fuel queues returned to filling stations across the state",
              "The electricity company announced cuts in three districts"]
    hs, arts = [], []
    for i in range(n):
        day = START + timedelta(days=3 * i)
        aid = f"bg{i:02d}"
        arts.append(article(aid, day))
        hs.append(told(aid, topics[i % len(topics)] + f" on day {i}.", day=day, index=0,
                       actors=(ActorRef(f"Body {i}", "organisation"),), predicate="announce", kind="economic"))
    return hs, arts


def build(*pairs: tuple[Happening, Article]) -> list[Event]:
    hs, arts = background()
    hs += [h for h, _ in pairs]
    arts += [a for _, a in pairs]
    return list(merge([], hs, arts).events)


def story(events: list[Event], word: str) -> list[Event]:
    return [e for e in events if word in e.title]


def test_a_plea_told_again_weeks_later_joins_the_day_it_was_entered() -> None:
    entered = date(2021, 3, 4)
    later = entered + timedelta(days=45)
    plea = told("a1", "Daniel Okafor pleaded not guilty to fraud charges at the Lagos High Court on Thursday.",
                day=entered + timedelta(days=1), value=entered.isoformat(), rule="weekday-past-tense",
                actors=(OKAFOR, COURT), predicate="plead", index=0)
    again = told("a2", "Daniel Okafor has pleaded not guilty to the fraud charges.", day=later,
                 actors=(OKAFOR,), predicate="plead")
    events = story(build((plea, article("a1", entered + timedelta(days=1))), (again, article("a2", later))),
                   "pleaded")
    assert len(events) == 1
    event = events[0]
    assert event.date == entered.isoformat()
    assert sorted(s.article for s in event.sources) == ["a1", "a2"]
    assert not any("different dates" in d for d in event.disputes)
    # the later report keeps the day it was printed, as the date it gave
    assert {s.article: s.reported_date for s in event.sources}["a2"] == later.isoformat()


def test_undated_restatements_join_the_first_report_and_take_its_day() -> None:
    """No report names the day: the happening took place by the first one's day."""
    first = date(2021, 4, 2)
    reports = [(told(f"r{i}", "Daniel Okafor has pleaded not guilty to the fraud charges.",
                     day=first + timedelta(days=30 * i), actors=(OKAFOR,), predicate="plead"),
                article(f"r{i}", first + timedelta(days=30 * i))) for i in range(3)]
    events = story(build(*reports), "pleaded")
    assert len(events) == 1 and events[0].date == first.isoformat()
    assert len(events[0].sources) == 3


def test_a_new_ruling_of_the_same_judge_is_a_new_happening() -> None:
    """A ruling in an article's lead, weeks later, in other words: that article's news."""
    one = date(2021, 3, 10)
    two = one + timedelta(days=40)
    first = told("j1", "Amina Bello ruled that the recordings can be shown to the jury.", day=one,
                 actors=(BELLO,), predicate="rule", index=0)
    second = told("j2", "Amina Bello ruled that the jury will not hear the prison doctor's recordings of the calls.",
                  day=two, actors=(BELLO,), predicate="rule", index=0)
    events = story(build((first, article("j1", one)), (second, article("j2", two))), "ruled")
    assert sorted(e.date for e in events) == [one.isoformat(), two.isoformat()]


def test_two_meetings_of_the_same_two_leaders_alike_only_by_their_names_stay_apart() -> None:
    one = date(2021, 3, 7)
    two = one + timedelta(days=60)
    first = told("m1", "Tomas Reyes met Martin Hale to discuss the gas pipeline.", day=one,
                 actors=(REYES, HALE), predicate="meet", kind="diplomacy")
    second = told("m2", "Tomas Reyes met Martin Hale over the fishing quotas dispute.", day=two,
                  actors=(REYES, HALE), predicate="meet", kind="diplomacy")
    events = story(build((first, article("m1", one)), (second, article("m2", two))), "met")
    assert len(events) == 2


def test_a_death_told_later_by_its_month_joins_the_day_and_keeps_it() -> None:
    died = date(2021, 3, 12)
    later = date(2021, 5, 20)
    day_report = told("d1", "Tomas Reyes died at his home in Lagos on Friday, aged 71.", day=died,
                      value=died.isoformat(), rule="weekday-past-tense", actors=(REYES,), predicate="die",
                      kind="death", index=0)
    month_reports = [(told(f"d{i}", "Tomas Reyes died at his home in Lagos in March, aged 71.", day=later,
                           value="2021-03", rule="month-past", actors=(REYES,), predicate="die", kind="death"),
                      article(f"d{i}", later + timedelta(days=i))) for i in range(2, 5)]
    events = story(build((day_report, article("d1", died)), *month_reports), "died")
    assert len(events) == 1
    assert events[0].date == died.isoformat() and events[0].precision == "day"
    assert len(events[0].sources) == 4


def test_someone_else_saying_it_happened_is_their_statement() -> None:
    """"Bello said Okafor had lost the vote" is Bello's word, not the count that he lost."""
    counted = date(2021, 3, 20)
    later = counted + timedelta(days=20)
    lost = told("v1", "Daniel Okafor lost the party leadership vote by twelve ballots.", day=counted,
                actors=(OKAFOR,), predicate="lose", kind="politics")
    said = told("v2", "Amina Bello said Daniel Okafor lost the party leadership vote by twelve ballots.",
                day=later, actors=(BELLO, OKAFOR), predicate="lose", kind="statement")
    events = build((lost, article("v1", counted)), (said, article("v2", later)))
    assert len(story(events, "lost")) == 2


def test_the_store_is_the_same_whatever_order_the_reports_come_in() -> None:
    entered = date(2021, 3, 4)
    pairs = [(told(f"o{i}", "Daniel Okafor has pleaded not guilty to the fraud charges.",
                   day=entered + timedelta(days=20 * i), actors=(OKAFOR,), predicate="plead"),
              article(f"o{i}", entered + timedelta(days=20 * i))) for i in range(4)]
    hs, arts = background()
    forward = merge([], hs + [h for h, _ in pairs], arts + [a for _, a in pairs]).events
    backward = merge([], list(reversed(hs + [h for h, _ in pairs])), arts + [a for _, a in pairs]).events
    assert forward == backward
    # a build with one report more keeps the event's id and date
    fewer = merge([], hs + [h for h, _ in pairs[:3]], arts + [a for _, a in pairs[:3]])
    again = merge(list(fewer.events), hs + [h for h, _ in pairs], arts + [a for _, a in pairs])
    clean = merge([], hs + [h for h, _ in pairs], arts + [a for _, a in pairs])
    assert [(e.id, e.date, len(e.sources)) for e in again.events] == \
        [(e.id, e.date, len(e.sources)) for e in clean.events]


def test_a_death_told_again_with_another_place_or_by_its_article_day_is_the_one_death() -> None:
    died = date(2021, 3, 4)
    later = died + timedelta(days=200)
    dead = told("p1", "Martin Hale died at his home in Abuja on Thursday.", day=died + timedelta(days=1),
                value=died.isoformat(), rule="weekday-past-tense", actors=(HALE,), predicate="die", kind="death",
                index=0)
    pronounced = told("p2", "Martin Hale was pronounced dead at the Abuja national hospital.",
                      day=died + timedelta(days=1), value=died.isoformat(), rule="narrative-shift",
                      actors=(HALE,), predicate="pronounce", kind="statement", index=4)
    retold = replace(told("p3", "Martin Hale died shortly before a festival in Lagos was due to open.", day=later,
                          actors=(HALE,), predicate="die", kind="death", index=0), place="Lagos")
    next_day = died + timedelta(days=1)
    events = build((dead, article("p1", next_day)), (pronounced, article("p2", next_day)),
                   (retold, article("p3", later)))
    deaths = [e for e in events if "Hale" in e.title]
    assert len(deaths) == 1
    assert deaths[0].date == died.isoformat()
    assert sorted(s.article for s in deaths[0].sources) == ["p1", "p2", "p3"]


def test_two_people_dying_are_two_deaths() -> None:
    died = date(2021, 3, 4)
    one = told("q1", "Martin Hale died at his home in Abuja.", day=died, actors=(HALE,), predicate="die",
               kind="death", rule="weekday-past-tense", index=3)
    two = told("q2", "Tomas Reyes died at his home in Abuja.", day=died, actors=(REYES,), predicate="die",
               kind="death", rule="weekday-past-tense", index=3)
    events = build((one, article("q1", died)), (two, article("q2", died)))
    assert len([e for e in events if "died" in e.title]) == 2


def test_a_report_that_names_its_party_by_a_description_joins_the_report_that_names_him() -> None:
    entered = date(2021, 3, 4)
    later = entered + timedelta(days=90)
    described = told("r1", "The doctor present at Martin Hale's deathbed has pleaded not guilty to manslaughter.",
                     day=entered, actors=(HALE,), predicate="plead", index=0)
    named = told("r2", "Daniel Okafor has pleaded not guilty to manslaughter at Hale's deathbed.", day=later,
                 actors=(OKAFOR,), predicate="plead", index=3)
    events = story(build((described, article("r1", entered)), (named, article("r2", later))), "pleaded")
    assert len(events) == 1 and events[0].date == entered.isoformat()


def test_a_report_that_tells_the_verb_of_an_earlier_one_in_a_clause_restates_it() -> None:
    died = date(2021, 3, 4)
    later = died + timedelta(days=60)
    first = told("s1", "Martin Hale collapsed after suffering a stroke at his home in Abuja on Thursday.",
                 day=died + timedelta(days=1), value=died.isoformat(), rule="weekday-past-tense", actors=(HALE,),
                 predicate="collapse", kind="health", index=0)
    again = told("s2", "Martin Hale suffered a stroke at his home in Abuja.", day=later, actors=(HALE,),
                 predicate="suffer", kind="legal", index=5)
    events = [e for e in build((first, article("s1", died + timedelta(days=1))), (again, article("s2", later)))
              if "stroke" in e.title]
    assert len(events) == 1 and events[0].date == died.isoformat()


def test_a_description_of_someone_the_other_report_never_tells_of_is_no_match() -> None:
    one = date(2021, 3, 4)
    later = one + timedelta(days=300)
    called = told("t1", "Paramedics were called to Martin Hale's home in Abuja.", day=one, actors=(HALE,),
                  predicate="call", kind="diplomacy", index=0)
    again = told("t2", "Daniel Okafor called Tomas Reyes as a witness to his home in Abuja.", day=later,
                 actors=(OKAFOR, REYES), predicate="call", kind="diplomacy", index=4)
    events = build((called, article("t1", one)), (again, article("t2", later)))
    assert len(story(events, "called")) == 2
