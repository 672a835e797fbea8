"""Stories across articles: one event per happening whoever tells it and however, an
importance read from the whole collection, and key events a desk would publish."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, timedelta

from timeline.merge import merge
from timeline.merge.selection import key_events, per_month
from timeline.records import ActorRef, Article, DateEvidence, Event, Happening, Source

ZUMA = ActorRef("Jacob Zuma", "person")
MALEMA = ActorRef("Julius Malema", "person")
ANC = ActorRef("African National Congress", "organisation")
DAY = date(2009, 5, 9)


def article(aid: str, published: date = DAY, outlet: str | None = None, title: str = "", text: str = "") -> Article:
    return Article(id=aid, path=f"{aid}.txt", title=title or f"Report {aid}", text=text, published=published,
                   outlet=outlet or aid)


def told(aid: str, title: str, *, day: date = DAY, actors: tuple[ActorRef, ...] = (ZUMA,), kind: str = "legal",
         predicate: str = "swear", rule: str = "weekday-past", index: int = 0, sentence: str = "") -> Happening:
    iso = day.isoformat()
    return Happening(article_id=aid, sentence_index=index, sentence=sentence or title + ".", predicate=predicate,
                     date=iso, precision="day", status="occurred",
                     evidence=DateEvidence(rule, None if rule == "publication-date" else "on Saturday", iso),
                     title=title, summary=(sentence or title) + ".", type=kind, actors=actors)


def test_two_outlets_telling_one_happening_in_their_own_words_make_one_event() -> None:
    hs = [told("wire", "Jacob Zuma was sworn in as South Africa's president in Pretoria"),
          told("paper", "South Africa's parliament saw Jacob Zuma sworn in as president before a crowd")]
    events = merge([], hs, [article("wire"), article("paper")]).events
    assert len(events) == 1
    assert sorted(s.article for s in events[0].sources) == ["paper", "wire"]


def test_different_speakers_statements_on_one_day_stay_apart() -> None:
    hs = [told("a", "Jacob Zuma said the party would win the election", actors=(ZUMA, ANC), kind="statement",
               predicate="say"),
          told("b", "Julius Malema said the party would win the election", actors=(MALEMA, ANC), kind="statement",
               predicate="say")]
    assert len(merge([], hs, [article("a"), article("b")]).events) == 2


def test_one_speakers_statements_of_two_days_stay_apart_though_their_titles_read_alike() -> None:
    hs = [told("a", "Jacob Zuma declared a state of disaster and said the schools would close",
               kind="statement", predicate="declare", rule="publication-date"),
          told("b", "Jacob Zuma said that he and his ministers would stay in the capital", kind="statement",
               predicate="say", rule="publication-date", day=DAY + timedelta(days=1))]
    events = merge([], hs, [article("a"), article("b", published=DAY + timedelta(days=1))]).events
    assert sorted(e.date for e in events) == [DAY.isoformat(), (DAY + timedelta(days=1)).isoformat()]


def test_two_states_named_by_two_statements_of_one_day_do_not_make_them_one() -> None:
    usa, russia = ActorRef("United States", "country"), ActorRef("Russia", "country")
    hs = [told("a", "Russia said the United States had ignored its demands for guarantees",
               actors=(russia, usa), kind="statement", predicate="say"),
          told("b", "Washington warned Moscow an invasion would bring a swift and severe response",
               actors=(usa, russia), kind="statement", predicate="tell")]
    # the collection's other reports name the two states too, as a crisis's reports do
    later = [told(f"x{i}", f"Russia and the United States {what}", actors=(russia, usa), kind="diplomacy",
                  predicate="meet", day=DAY + timedelta(days=10 + i))
             for i, what in enumerate(("met in Geneva", "held talks on arms", "exchanged prisoners"))]
    arts = [article("a"), article("b")] + [article(h.article_id, published=DAY + timedelta(days=10 + i))
                                           for i, h in enumerate(later)]
    events = merge([], hs + later, arts).events
    assert len([e for e in events if e.date == DAY.isoformat()]) == 2


def test_two_reports_of_one_call_between_two_leaders_are_one_event() -> None:
    biden, putin = ActorRef("Joe Biden", "person"), ActorRef("Vladimir Putin", "person")
    hs = [told("a", "Joe Biden and Vladimir Putin spoke by telephone for an hour", actors=(biden, putin),
               kind="diplomacy", predicate="speak"),
          told("b", "Vladimir Putin held a call with Joe Biden late on Saturday", actors=(putin, biden),
               kind="diplomacy", predicate="hold")]
    assert len(merge([], hs, [article("a"), article("b")]).events) == 1


def test_different_happenings_of_one_actor_on_one_day_stay_apart() -> None:
    hs = [told("a", "Jacob Zuma was sworn in as president in Pretoria"),
          told("b", "Jacob Zuma named a new finance minister in his cabinet", predicate="name", kind="other")]
    assert len(merge([], hs, [article("a"), article("b")]).events) == 2


def test_a_later_report_that_names_no_date_joins_the_day_it_happened() -> None:
    later = DAY + timedelta(days=2)
    hs = [told("first", "Jacob Zuma was sworn in as South Africa's president in Pretoria"),
          told("later", "Jacob Zuma was sworn in as South Africa's president in Pretoria",
               day=later, rule="publication-date")]
    events = merge([], hs, [article("first"), article("later", published=later)]).events
    assert len(events) == 1
    assert events[0].date == DAY.isoformat()  # the dated report's day, not the later article's


def test_an_events_date_is_explained_by_a_report_that_gives_that_date() -> None:
    # The first report, a day after, names no date; a later one says "on Saturday".
    after, later = DAY + timedelta(days=1), DAY + timedelta(days=3)
    hs = [told("first", "Jacob Zuma was sworn in as South Africa's president in Pretoria",
               day=after, rule="publication-date"),
          told("later", "Jacob Zuma was sworn in as South Africa's president in Pretoria", day=DAY)]
    events = merge([], hs, [article("first", published=after), article("later", published=later)]).events
    assert [e.date for e in events] == [DAY.isoformat()]
    assert (events[0].evidence.rule, events[0].evidence.value) == ("weekday-past", DAY.isoformat())


def test_a_sentence_repeated_over_many_weeks_is_furniture_and_ranks_last() -> None:
    blurb = "Subscribe to our daily briefing for the news from the region"
    hs, arts = [], []
    for i in range(4):
        day = DAY + timedelta(days=10 * i)
        arts.append(article(f"n{i}", published=day, outlet="daily"))
        hs.append(told(f"n{i}", blurb, day=day, actors=(ANC,), kind="other", predicate="subscribe", index=5))
        hs.append(told(f"n{i}", f"Jacob Zuma addressed rally number {i} in Durban", day=day, predicate="address",
                       kind="other", index=0))
    events = merge([], hs, arts).events
    furniture = [e for e in events if e.title == blurb]
    assert furniture and all(e.importance == 0 for e in furniture)
    assert all(e.importance > 0 for e in events if e.title != blurb)


def test_an_article_off_the_collections_subject_ranks_last_and_is_listed_for_review() -> None:
    politics = ("Jacob Zuma and the African National Congress campaigned before the election; the party's "
                "leaders spoke of the president, parliament, the cabinet and the vote in every province.")
    arts = [article(f"p{i}", text=f"{politics} Day {i} of the campaign.") for i in range(6)]
    arts.append(article("football", title="Football: Chiefs beat Pirates",
                        text="The striker scored twice as the football club won the derby at the stadium; "
                             "the coach praised the goalkeeper and the fans of the league."))
    hs = [told(f"p{i}", f"Jacob Zuma addressed rally number {i}", predicate="address", kind="other")
          for i in range(6)]
    hs.append(told("football", "The striker scored twice in the derby", actors=(ActorRef("Chiefs", "group"),),
                   predicate="score", kind="other"))
    result = merge([], hs, arts)
    off = [e for e in result.events if e.sources[0].article == "football"]
    assert off and off[0].importance == 0  # kept in the store, ranked last
    assert result.review == frozenset(e.id for e in off)  # the site lists them apart
    assert any("football" in note and "review" in note for note in result.notes)


def test_a_day_later_reports_refer_back_to_outranks_a_day_told_once() -> None:
    quiet, busy = DAY, DAY + timedelta(days=1)
    arts = [article("q", published=quiet), article("b", published=busy)]
    hs = [told("q", "Jacob Zuma opened a clinic in Soweto", day=quiet, predicate="open", kind="other"),
          told("b", "Jacob Zuma dissolved the cabinet", day=busy, predicate="dissolve", kind="other")]
    for i in range(4):  # later articles dating something to the busy day
        later = busy + timedelta(days=5 + i)
        arts.append(article(f"l{i}", published=later))
        hs.append(told(f"l{i}", f"Analysts recalled the crisis, part {i}", day=busy, actors=(ANC,),
                       predicate="recall", kind="other", rule="month-day"))
    events = merge([], hs, arts).events
    best = {day: max(e.importance for e in events if e.date == day.isoformat()) for day in (quiet, busy)}
    assert best[busy] > best[quiet]  # the day's salience goes to its headline event


def event(eid: str, day: str, title: str, importance: float, precision: str = "day") -> Event:
    return Event(id=eid, date=day, precision=precision, status="occurred", title=title, summary=title + ".",
                 importance=importance, actors=(ZUMA,), predicate=title.split()[1])


def test_key_events_hold_no_repeats_and_follow_the_story_over_its_months() -> None:
    busy = [event(f"m{i}", f"2009-05-{i + 1:02d}", f"Zuma {what}", 20 - i) for i, what in enumerate(
        ["won the election", "swore the oath of office", "named his cabinet", "opened parliament",
         "closed the mine inquiry", "praised the police", "warned the unions", "met the Chinese envoy"])]
    repeat = event("r", "2009-05-02", "Zuma won the general election", 19.5)  # a day after the first, told alike
    later = [event("j", "2009-06-10", "Zuma visited Angola", 5), event("w", "2009-W30", "Zuma addressed Cosatu", 4),
             event("y", "2009", "Zuma year in review", 30, precision="year")]
    facet = event("f", "2009-05-01", "Crowds cheered in Soweto", 19.8)  # the top event's day again
    chosen = key_events(busy + [repeat, facet] + later, 6)
    ids = [e.id for e in chosen]
    assert "f" not in ids  # one key event a day, as desks' timelines give
    assert "r" not in ids  # a repeat of the top event
    assert "y" not in ids  # dated only to a year: background, not a key event
    assert {"j", "w"} <= set(ids)  # the quieter months are on the list
    assert len(chosen) == 6
    months = per_month(busy + [repeat] + later, 2)
    assert list(months) == ["2009-05", "2009-06", "2009-07"]
    assert [e.id for e in months["2009-05"]] == ["m0", "m1"]


WORDS = [hashlib.sha1(str(i).encode()).hexdigest()[:16] for i in range(40)]


def test_background_months_do_not_crowd_the_story_off_the_key_events() -> None:
    story = [event(f"s{i}", f"2009-0{4 + i % 4}-{1 + 3 * (i // 4):02d}", f"Zuma {WORDS[i]}", 100 - i)
             for i in range(40)]  # four months of news, days three apart, in unlike words
    stray = [event(f"b{y}", f"{y}-03-01", f"Zuma recalled year {y}", 2) for y in range(1990, 2005)]
    chosen = [e.id for e in key_events(story + stray, 10)]
    assert chosen == [f"s{i}" for i in range(10)]  # four months of news outrank fifteen stray old dates


def test_a_background_line_later_articles_retell_is_one_key_event() -> None:
    plea = event("p", "2010-02-08", "Zuma pleaded not guilty to the corruption charges", 20)
    retold = [event(f"r{i}", f"2010-0{3 + i}-1{i}", f"Zuma has pleaded not guilty to {what}", 15 - i)
              for i, what in enumerate(["the corruption charges", "corruption charges", "the charges of corruption"])]
    other = event("o", "2010-05-20", "Zuma pleaded for calm after the strike", 10)  # the same verb, other words
    ids = [e.id for e in key_events([plea, *retold, other], 5)]
    assert ids == ["p", "o"]


def quoted(eid: str, day: str, title: str, quote: str, importance: float, predicate: str,
           actors: tuple[ActorRef, ...] = (ZUMA,)) -> Event:
    return Event(id=eid, date=day, precision="day", status="occurred", title=title, summary=quote, actors=actors,
                 importance=importance, predicate=predicate, sources=(Source(eid, "Report", quote=quote),))


def test_a_happening_retold_in_other_words_months_later_is_one_key_event() -> None:
    ruling = quoted("a", "2010-02-05", "The inquest ruled the miner's death a homicide",
                    "The inquest ruled the miner's death a homicide caused by police gunfire.", 20, "rule")
    retold = quoted("b", "2010-09-14", "Zuma's office said the death had been ruled a homicide",
                    "The death had been ruled a homicide, caused by gunfire from the police, Zuma's office said.",
                    15, "rule")
    other = quoted("c", "2010-06-01", "A judge ruled Zuma must testify",
                   "A judge ruled that Zuma must testify before the mining inquiry in person.", 10, "rule")
    unresolved = quoted("d", "2011-01-10", "Lawyers recalled the inquest's ruling",  # its actor not told alike
                        "An inquest has ruled the miner's death a homicide caused by police gunfire, lawyers said.",
                        12, "rule", (ANC,))
    ids = [e.id for e in key_events([ruling, retold, other, unresolved], 5)]
    assert ids == ["a", "c"]  # the same verb and actor in other words is another happening


def test_a_persons_death_retold_by_later_articles_is_one_key_event() -> None:
    mandela = ActorRef("Nelson Mandela", "person")
    death = quoted("d", "2013-12-05", "Nelson Mandela died", "Nelson Mandela died at his home in Johannesburg.",
                   30, "die", (mandela,))
    later = quoted("l", "2014-06-02", "Nelson Mandela died last year",
                   "Mandela died in December, months before the election his party won.", 12, "die", (mandela,))
    others = quoted("o", "2014-08-20", "Three miners died", "Three miners died when a shaft collapsed.", 10, "die",
                    (ANC,))
    ids = [e.id for e in key_events([death, later, others], 5)]
    assert ids == ["d", "o"]


def test_the_key_events_page_shows_the_top_events_of_each_month(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from timeline.build import build

    from conftest import BUILD_DATE, make_config, write_files

    content = tmp_path / "content"
    write_files(content, {
        "2009-05-09-zuma.txt": "Zuma sworn in\nJacob Zuma was sworn in as president of South Africa on Saturday.",
        "2009-07-24-zuma.txt": "Zuma week\nJacob Zuma met union leaders last week.",
    })
    build(make_config(content=content, output=tmp_path / "output", build={"build_date": BUILD_DATE}))
    page = (tmp_path / "output" / "key-events.html").read_text(encoding="utf-8")
    assert "The top events of each month" in page and "sworn in" in page


def test_importance_is_the_same_whichever_order_the_happenings_come_in() -> None:
    hs = [told("wire", "Jacob Zuma was sworn in as South Africa's president in Pretoria"),
          told("paper", "South Africa's parliament saw Jacob Zuma sworn in as president"),
          told("x", "Jacob Zuma dissolved the cabinet", predicate="dissolve", kind="other")]
    arts = [article("wire"), article("paper"), article("x")]
    assert merge([], hs, arts).events == merge([], hs[::-1], arts[::-1]).events
    assert merge([], hs, arts).events == merge([], [replace(h) for h in hs], arts).events


def test_a_store_updated_with_one_more_article_is_the_store_a_clean_merge_gives() -> None:
    first = [told("wire", "Jacob Zuma was sworn in as South Africa's president in Pretoria"),
             told("x", "Jacob Zuma dissolved the cabinet", day=DAY - timedelta(days=1), predicate="dissolve",
                  kind="other")]
    arts = [article("wire"), article("x", published=DAY - timedelta(days=1))]
    later = DAY + timedelta(days=3)
    added = [told("late", "South Africa's parliament saw Jacob Zuma sworn in as president", index=0),
             told("late", "Jacob Zuma named a new finance minister", day=later, predicate="name", kind="other",
                  index=1, rule="publication-date")]
    store = list(merge([], first, arts).events)
    updated = merge(store, first + added, arts + [article("late", published=later)]).events
    clean = merge([], first + added, arts + [article("late", published=later)]).events
    assert updated == clean
    assert len(clean) == 3 and max(len(e.sources) for e in clean) == 2


def test_a_topic_set_in_config_decides_what_is_off_the_subject(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from timeline.config import load_config

    from conftest import write_files

    write_files(tmp_path, {"config.yaml": "events:\n  topic: football league derby striker goal\n"})
    assert load_config(tmp_path / "config.yaml").topic == "football league derby striker goal"
    politics = "Jacob Zuma and the African National Congress campaigned before the election in every province."
    sport = "The striker scored in the football derby as the league leaders won; the goal came late."
    arts = [article(f"p{i}", text=f"{politics} Rally {i}.") for i in range(5)]
    arts += [article(f"s{i}", text=f"{sport} Match {i}.") for i in range(2)]
    hs = [told(a.id, f"Something happened in {a.id}", actors=(ActorRef(a.id, "person"),), predicate="happen",
               kind="other") for a in arts]
    by_topic = merge([], hs, arts, topic=load_config(tmp_path / "config.yaml").topic)
    sport_events = [e for e in by_topic.events if e.sources[0].article.startswith("s")]
    assert sport_events and all(e.importance > 0 for e in sport_events)  # on the topic the maintainer set
    assert any(e.importance == 0 for e in by_topic.events if e.sources[0].article.startswith("p"))


KGALEMA = ActorRef("Kgalema Motlanthe", "person")
WITNESS = ActorRef("Thandi Mokoena", "person")


def test_a_happening_told_a_day_or_two_later_in_other_words_is_one_key_event() -> None:
    verdict = quoted("v", "2011-11-07", "Kgalema Motlanthe found guilty",
                     "Kgalema Motlanthe has been found guilty of fraud by a jury in Durban.", 30, "find", (KGALEMA,))
    # two days later, by another verb: the actor and the words of the charge in common
    convicted = quoted("c", "2011-11-09", "Kgalema Motlanthe was convicted of fraud",
                       "The former minister Kgalema Motlanthe was convicted of fraud by a Durban jury.", 20,
                       "convict", (KGALEMA,))
    # the next day, a minor person by what she said
    testified = quoted("t", "2011-10-25", "Thandi Mokoena testified at the trial",
                       "Thandi Mokoena was testifying at the fraud trial of the former minister.", 25, "testify",
                       (WITNESS,))
    said = quoted("s", "2011-10-26", "Thandi Mokoena said the minister signed the cheques",
                  "Thandi Mokoena said the minister had signed every cheque himself.", 24, "say", (WITNESS, KGALEMA))
    # the week the trial opened, told again as the week's news
    opened = quoted("o", "2011-09-28", "The fraud trial of Kgalema Motlanthe opens in Durban",
                    "The fraud trial of Kgalema Motlanthe opened in Durban on Wednesday.", 22, "open", (KGALEMA,))
    week = replace(quoted("w", "2011-W39", "The fraud trial opened",
                          "The fraud trial opened in Durban this week.", 5, "open", ()), precision="week")
    # a retelling at another date that says nothing the first report did not
    bail = quoted("b", "2010-02-09", "Kgalema Motlanthe was bailed after pleading not guilty",
                  "Kgalema Motlanthe was bailed after pleading not guilty to fraud in Durban.", 21, "bail",
                  (KGALEMA,))
    plea = quoted("p", "2011-10-12", "Kgalema Motlanthe has pleaded not guilty to fraud",
                  "Motlanthe has pleaded not guilty to fraud.", 26, "plead", (KGALEMA,))
    # not repeats: the protagonist's other doings on the days around, in other words
    weeps = quoted("x", "2011-10-27", "Kgalema Motlanthe weeps in court",
                   "Kgalema Motlanthe wept as his daughter described the family's debts.", 18, "weep", (KGALEMA,))
    rests = quoted("r", "2011-11-08", "The defence rested its case",
                   "The defence rested its case after calling eleven witnesses.", 19, "rest", (KGALEMA,))
    ids = {e.id for e in key_events([verdict, convicted, testified, said, opened, week, bail, plea, weeps, rests], 10)}
    assert ids == {"v", "t", "o", "p", "x", "r"}


def test_a_line_one_article_tells_of_a_day_many_tell_is_no_key_event() -> None:
    def reported(eid: str, day: str, title: str, importance: float, *articles: str) -> Event:
        return replace(event(eid, day, title, importance),
                       sources=tuple(Source(a, "Report", day, None, None, title + ".") for a in articles))

    colour = reported("c", "2009-05-12", "Zuma cycled around the park", 400, "a1")
    busy = [reported(f"o{i}", "2009-05-12", f"Zuma {WORDS[i]}", 1, f"a{i + 2}") for i in range(5)]
    verdict = reported("v", "2009-05-12", "Zuma acquitted of fraud", 60, "a2", "a3")
    quiet = reported("q", "2009-05-20", "Zuma opened the mine", 300, "b1")  # one article on a quiet day
    # the busy day is told by what two of its articles agree on, in the colour's place
    assert [e.id for e in key_events([colour, verdict, quiet, *busy], 3)] == ["v", "q"]
    # and falls out when they agree on nothing, or on nothing worth a key place (a tally scored at nothing)
    assert [e.id for e in key_events([colour, quiet, *busy], 3)] == ["q"]
    tally = replace(verdict, importance=0.1)
    assert [e.id for e in key_events([colour, tally, quiet, *busy], 3)] == ["q"]


def _court_filler() -> list[Happening]:
    lines = ["Jacob Zuma addressed supporters outside the court in Pietermaritzburg",
             "Jacob Zuma's lawyers said the charges were politically motivated",
             "Jacob Zuma thanked the crowd before leaving the court",
             "Julius Malema said Jacob Zuma would be president whatever the court decided",
             "The African National Congress backed Jacob Zuma in a statement",
             "Jacob Zuma's supporters sang outside the high court"]
    return [told(f"f{i}", line, predicate=f"verb{i}", kind="other", actors=(ZUMA,)) for i, line in enumerate(lines)]


def test_two_outlets_telling_one_doing_by_the_same_verb_with_a_party_in_common_are_one_event() -> None:
    asked = told("wire", "Jacob Zuma asked the high court to quash the corruption charges", predicate="ask",
                 sentence="Jacob Zuma asked the high court in Pietermaritzburg to quash the corruption charges.")
    again = told("paper", "Jacob Zuma has asked judges in Pietermaritzburg to end his prosecution",
                 predicate="ask", day=DAY + timedelta(days=1), rule="publication-date",
                 sentence="Jacob Zuma has asked judges to dismiss the corruption charges against him, saying "
                          "the prosecution had delayed for years.")
    hs = [asked, again, *_court_filler()]
    events = merge([], hs, [article(h.article_id) for h in hs]).events
    found = [e for e in events if e.predicate == "ask"]
    assert len(found) == 1 and len(found[0].sources) == 2


def test_one_verb_with_a_party_in_common_is_not_enough_for_two_different_doings() -> None:
    asked = told("wire", "Jacob Zuma asked the high court to quash the corruption charges", predicate="ask")
    other = told("paper", "Jacob Zuma asked parliament to approve a new budget for housing", predicate="ask",
                 day=DAY + timedelta(days=1))
    hs = [asked, other, *_court_filler()]
    events = merge([], hs, [article(h.article_id) for h in hs]).events
    assert len([e for e in events if e.predicate == "ask"]) == 2


def test_two_reports_of_one_verb_a_day_apart_are_one_whatever_type_each_was_read_as() -> None:
    hs = [told("wire", "Jacob Zuma advised voters to stay at home on polling day for their safety",
               predicate="advise", kind="legal"),
          told("paper", "Jacob Zuma advised his voters to stay at home for their safety on polling day",
               predicate="advise", kind="other", day=DAY + timedelta(days=1))]
    events = merge([], hs, [article("wire"), article("paper", DAY + timedelta(days=1))]).events
    assert len(events) == 1


def test_a_statement_in_the_lede_and_the_testimony_it_was_said_in_are_one_event() -> None:
    pub = DAY + timedelta(days=1)
    hs = [told("court", "Julius Malema said Jacob Zuma had asked him to keep the money", kind="statement",
               predicate="say", actors=(MALEMA, ZUMA), rule="publication-date", day=pub, index=1),
          told("court", "Julius Malema was testifying at the corruption trial of the party treasurer",
               predicate="testify", actors=(MALEMA,), index=2)]
    events = merge([], hs, [article("court", pub)]).events
    assert len(events) == 1 and events[0].date == DAY.isoformat()
