"""An article's lede dated by its publication day and its own later report of the day are one event."""

from __future__ import annotations

from datetime import date

from timeline.merge import merge
from timeline.records import ActorRef, Article, DateEvidence, Happening

JUDGE = ActorRef("Michael Pastor", "person")
SINGER = ActorRef("Jane Doe", "person")
FILLER = ("The ruling of Judge Michael Pastor followed weeks of argument in the courtroom.",
          "Lawyers for the defence had wanted the footage shown in full, Judge Michael Pastor said.",
          "Fans gathered outside the building in the morning before Judge Michael Pastor arrived.",
          "Judge Michael Pastor said the trial is expected to last six weeks.",
          "Judge Michael Pastor said the court would sit on Fridays too.",
          "Judge Michael Pastor said reporters may use laptops in the gallery.",
          "Judge Michael Pastor said the court's live television feed would continue.",
          "Judge Michael Pastor said he had received letters from the public.",
          "Judge Michael Pastor said the jurors' names would stay sealed.",
          "Judge Michael Pastor said both sides had agreed the list of exhibits.")


def article(aid: str = "a") -> Article:
    return Article(id=aid, path=f"{aid}.md", title=f"Title {aid}", text="", published=date(2011, 7, 26),
                   outlet=aid)


def report(index: int, title: str, sentence: str, day: str = "2011-07-26", predicate: str = "rule",
           actors: tuple[ActorRef, ...] = (JUDGE,), kind: str = "legal", aid: str = "a") -> Happening:
    rule = "publication-date" if day == "2011-07-26" else "weekday-past-tense"
    return Happening(article_id=aid, sentence_index=index, sentence=sentence, predicate=predicate, date=day,
                     precision="day", status="occurred",
                     evidence=DateEvidence(rule, None if rule == "publication-date" else "on Monday", day),
                     title=title, summary=sentence, type=kind, actors=actors)


def filler(aid: str = "a") -> list[Happening]:
    return [report(10 + i, f"Filler {i}", s, day="2011-07-20", predicate=f"verb{i}", actors=(), kind="other", aid=aid)
            for i, s in enumerate(FILLER)]


LEDE = report(0, "A judge has ruled a film of the rehearsals can not be shown",
              "A judge in Los Angeles has ruled a film of the rehearsals can not be shown at the trial.",
              actors=(SINGER,))
LATER = report(6, "Michael Pastor ruled that the film would not help the defence",
               "Judge Michael Pastor ruled on Monday that the film would not help the defence.", day="2011-07-25")


def test_a_lede_and_its_later_dated_report_are_one_event_on_the_named_day() -> None:
    events = merge([], [LEDE, LATER, *filler()], [article()]).events
    ruled = [e for e in events if e.predicate == "rule"]
    assert len(ruled) == 1
    assert ruled[0].date == "2011-07-25"
    assert ruled[0].title == LATER.title  # the lede names the judge only as "a judge"


def test_two_different_happenings_of_adjacent_days_stay_apart() -> None:
    other = report(6, "Jane Doe's brothers criticised the tribute concert",
                   "Her brothers criticised the timing of the tribute concert on Monday.", day="2011-07-25",
                   predicate="criticise", actors=(ActorRef("Randy Doe", "person"),), kind="statement")
    events = merge([], [LEDE, other, *filler()], [article()]).events
    assert {e.date for e in events if e.title in (LEDE.title, other.title)} == {"2011-07-26", "2011-07-25"}


def test_two_articles_are_never_joined_this_way() -> None:
    later = report(6, LATER.title, LATER.sentence, day="2011-07-25", aid="b")
    events = merge([], [LEDE, later, *filler(), *filler("b")], [article(), article("b")]).events
    assert sorted(e.date for e in events if e.predicate == "rule") == ["2011-07-25", "2011-07-26"]


def test_one_speakers_different_sayings_of_a_briefing_stay_apart() -> None:
    said = report(1, "Michael Pastor said the jury would be sequestered",
                  "Judge Michael Pastor said the jury would be sequestered for the weekend.", predicate="say",
                  kind="statement")
    told = report(7, "Michael Pastor said the defence had been given more time",
                  "On Monday Judge Michael Pastor said the defence had been given more time to prepare witnesses.",
                  day="2011-07-25", predicate="say", kind="statement")
    events = merge([], [said, told, *filler()], [article()]).events
    assert sorted(e.date for e in events if e.predicate == "say") == ["2011-07-25", "2011-07-26"]


ORDERED = report(0, "A judge has ordered the doctor of Jane Doe to stand trial",
                 "A judge has ordered the doctor of Jane Doe to stand trial for manslaughter.", predicate="order",
                 actors=(SINGER,))


def test_a_ruling_named_by_its_judge_joins_the_order_told_just_before() -> None:
    given = report(1, "Michael Pastor gave the ruling at a preliminary hearing",
                   "Judge Michael Pastor gave the ruling at a preliminary hearing in Los Angeles.", predicate="give")
    events = merge([], [ORDERED, given, *filler()], [article()]).events
    ordered = [e for e in events if e.predicate == "order"]
    assert len(ordered) == 1 and len(events) == len(FILLER) + 1


def test_a_ruling_given_after_a_different_happening_stays_apart() -> None:
    fined = report(0, "A judge has fined the doctor of Jane Doe", "A judge has fined the doctor of Jane Doe.",
                   predicate="fine", actors=(SINGER,))
    given = report(1, "Michael Pastor gave the ruling at a preliminary hearing",
                   "Judge Michael Pastor gave the ruling at a preliminary hearing in Los Angeles.", predicate="give")
    events = merge([], [fined, given, *filler()], [article()]).events
    assert len(events) == len(FILLER) + 2
