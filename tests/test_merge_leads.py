"""What an event is made of: the report whose title it takes, the reports that are one
happening though told with other verbs or split by the order they came in, and a bare
later retelling, which joins the happening it retells."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from test_merge_restated import BELLO, COURT, OKAFOR, article, background, build, told

from timeline.merge.clusters import in_order
from timeline.merge.leads import flaws
from timeline.merge.splits import join_split
from timeline.merge.stories import Lexicon
from timeline.records import ActorRef, Happening

DAY = date(2021, 3, 10)


def titled(h: Happening, title: str) -> Happening:
    return replace(h, title=title)


def test_a_headline_run_into_its_lede_is_not_the_events_title_when_another_report_says_it_plainly():
    glued = titled(told("a1", "Okafor convicted Daniel Okafor has been convicted of fraud by the Lagos High Court.",
                        day=DAY, actors=(OKAFOR, COURT), predicate="convict", index=0),
                   "Daniel Okafor convicted Daniel Okafor has been convicted of fraud by the Lagos High Court")
    plain = told("a2", "Daniel Okafor was convicted of fraud by the Lagos High Court.", day=DAY,
                 actors=(OKAFOR, COURT), predicate="convict", index=4)
    events = [e for e in build((glued, article("a1", DAY)), (plain, article("a2", DAY)))
              if "Okafor" in e.title]
    assert len(events) == 1 and len(events[0].sources) == 2
    assert events[0].title == "Daniel Okafor was convicted of fraud by the Lagos High Court"


def test_a_title_is_flawed_when_it_repeats_itself_names_no_one_runs_long_or_stops_on_a_function_word():
    names = ["Daniel Okafor"]
    assert flaws("Daniel Okafor was convicted of fraud", names) == 0
    assert flaws("Daniel Okafor convicted Daniel Okafor has been convicted of fraud", names) == 1
    assert flaws("The businessman was convicted of fraud", names) == 1
    assert flaws("The quake struck south of the capital") == 0
    assert flaws("Daniel Okafor was convicted of", names) == 1
    assert flaws("Daniel Okafor was convicted of fraud and money laundering and bribery and tax evasion in the "
                 "Lagos court", names) == 1


def test_a_verdict_told_as_found_guilty_and_as_convicted_is_one_event_but_a_finding_is_no_verdict():
    found = told("a1", "The Lagos High Court found Daniel Okafor guilty of fraud.", day=DAY,
                 actors=(COURT, OKAFOR), predicate="find", kind="statement", index=0)
    convicted = told("a2", "Daniel Okafor was convicted of fraud by the court.", day=DAY,
                     actors=(OKAFOR, COURT), predicate="convict", index=0)
    events = [e for e in build((found, article("a1", DAY)), (convicted, article("a2", DAY))) if "Okafor" in e.title]
    assert len(events) == 1
    study = told("a3", "The Lagos High Court found Daniel Okafor had filed his papers late.", day=DAY,
                 actors=(COURT, OKAFOR), predicate="find", kind="statement", index=0)
    events = [e for e in build((study, article("a3", DAY)), (convicted, article("a2", DAY))) if "Okafor" in e.title]
    assert len(events) == 2


def _lexicon(*hs: Happening) -> Lexicon:
    return Lexicon(in_order(background()[0] + list(hs)))


def test_two_clusters_the_order_of_reports_split_one_happening_over_are_joined():
    due = told("a1", "Daniel Okafor is due to be sentenced.", day=DAY, actors=(OKAFOR,), predicate="sentence",
               index=0, status="scheduled")
    jail = told("a4", "Daniel Okafor is sentenced to four years in jail for fraud.", day=DAY, actors=(OKAFOR,),
                predicate="sentence", index=0)
    prison = told("a3", "Daniel Okafor has been sentenced to four years in prison for fraud.", day=DAY,
                  actors=(OKAFOR,), predicate="sentence", index=0)
    joined = join_split([[due, jail], [prison]], _lexicon(due, jail, prison))
    assert len(joined) == 1 and {h.article_id for h in joined[0]} == {"a1", "a3", "a4"}


def test_clusters_of_two_speakers_or_with_an_article_in_both_stay_apart():
    said = told("a1", "Daniel Okafor said the verdict would be appealed.", day=DAY, actors=(OKAFOR,),
                predicate="say", kind="statement", index=0)
    other = told("a2", "Amina Bello said the verdict would be appealed.", day=DAY, actors=(BELLO, OKAFOR),
                 predicate="say", kind="statement", index=0)
    assert len(join_split([[said], [other]], _lexicon(said, other))) == 2
    first = told("a1", "Daniel Okafor is sentenced to four years in jail for fraud.", day=DAY, actors=(OKAFOR,),
                 predicate="sentence", index=2)
    again = told("a1", "Daniel Okafor was sentenced to four years in jail for bribery.", day=DAY, actors=(OKAFOR,),
                 predicate="sentence", index=9)
    third = told("a2", "Daniel Okafor has been sentenced to four years in jail for fraud.", day=DAY,
                 actors=(OKAFOR,), predicate="sentence", index=0)
    assert len(join_split([[first, third], [again]], _lexicon(first, again, third))) == 2


def test_a_bare_retelling_months_later_joins_the_happening_and_a_lede_that_says_it_stays_news():
    acquitted = told("a1", "Daniel Okafor was acquitted of fraud by the Lagos High Court.", day=DAY,
                     actors=(OKAFOR, COURT), predicate="acquit", index=0, rule="weekday-past-tense",
                     value=DAY.isoformat())
    later = date(2021, 9, 1)
    retold = titled(told("a9", "Okafor was acquitted, while the judge questioned at length the conduct of the "
                               "prosecution witnesses and the police.", day=later, actors=(OKAFOR,),
                         predicate="acquit", index=8, rule="lead-event-day", value=later.isoformat()),
                    "Daniel Okafor was acquitted")
    events = [e for e in build((acquitted, article("a1", DAY)), (retold, article("a9", later)))
              if "Okafor" in e.title]
    assert len(events) == 1 and events[0].date == DAY.isoformat() and len(events[0].sources) == 2
    lede = replace(retold, sentence_index=0)
    events = [e for e in build((acquitted, article("a1", DAY)), (lede, article("a9", later)))
              if "Okafor" in e.title]
    assert len(events) == 2


def test_reports_of_a_happening_no_one_did_meet_those_that_name_only_the_country():
    haiti = ActorRef("Haiti", "country")
    named = told("a1", "A powerful earthquake hit Haiti on Tuesday.", day=DAY, actors=(haiti,), predicate="hit",
                 kind="disaster", index=0)
    bare = told("a2", "The powerful earthquake hit Haiti on Tuesday evening.", day=DAY, actors=(), predicate="hit",
                kind="disaster", index=0)
    assert len(join_split([[named], [bare]], _lexicon(named, bare))) == 1


def test_the_title_is_that_of_a_report_that_gives_the_events_date():
    undated = told("a1", "Daniel Okafor was convicted of fraud by the Lagos High Court.", day=DAY,
                   actors=(OKAFOR, COURT), predicate="convict", index=0)
    tuesday = date(2021, 3, 9)
    dated = titled(told("a2", "On Tuesday Daniel Okafor was convicted of fraud by the Lagos High Court.", day=DAY,
                        actors=(OKAFOR, COURT), predicate="convict", index=3, rule="weekday-past-tense",
                        value=tuesday.isoformat()),
                   "Daniel Okafor was convicted of fraud by the Lagos High Court on Tuesday")
    events = [e for e in build((undated, article("a1", DAY)), (dated, article("a2", DAY))) if "Okafor" in e.title]
    assert len(events) == 1 and events[0].date == tuesday.isoformat()
    assert events[0].title == "Daniel Okafor was convicted of fraud by the Lagos High Court on Tuesday"
