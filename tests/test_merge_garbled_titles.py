"""A title garbled from a sentence that is no clause holds no key place: another source's
well-formed report gives the event its title, and an event with only such a title is passed over."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline.merge import merge
from timeline.merge.garbled_titles import garbled
from timeline.merge.leads import lead_report
from timeline.merge.selection import key_events
from timeline.records import ActorRef, Article, DateEvidence, Event, Happening

TAMBO = ActorRef("Oliver Tambo", "person")
PARTY = ActorRef("Freedom Alliance", "organisation")


def test_why_a_title_is_garbled() -> None:
    told = {
        # a credit and a dateline run into the subject
        ("Reuters News, Lisbon Sailors seize", "Reuters News, Lisbon Sailors seize two trawlers off the coast "
         "Sailors boarded two trawlers at dawn yesterday.", "seize"): "credit",
        ("Oliver Tambo, Thabo Nkosi and Ann Dube met the envoys", "Oliver Tambo, Thabo Nkosi and Ann Dube met the "
         "envoys.", "meet"): None,  # a list
        ("Oliver Tambo, 67, met the envoys", "Oliver Tambo, 67, met the envoys.", "meet"): None,  # an aside
        # an aside kept without its commas, run into the clause
        ("The ministry said the fire burning slowly has been contained", "The ministry said the fire, burning "
         "slowly, has been contained in two valleys.", "contain"): "across",
        ("Oliver Tambo has been charged with fraud", "The former minister, Oliver Tambo, has been charged with "
         "fraud, which he denies.", "charge"): None,  # the title opens inside the aside that names him
        ("Ann Dube said she would not let her rival Oliver Tambo return", "Ann Dube said she would not let her "
         "rival, Oliver Tambo, return.", "let"): None,  # a name kept as one
        ("In Lisbon, Oliver Tambo met the envoys", "In Lisbon, Oliver Tambo met the envoys.", "meet"): None,
        ("Yesterday, Oliver Tambo met the envoys", "Yesterday, Oliver Tambo met the envoys.", "meet"): None,
        # a fact box's entry run into the next: "but" before the verb, and no verb before it
        ("Admiral Kurt Vlahos Navy chief but pulled the navy back from politics",
         "Admiral Kurt Vlahos Navy chief Seen as a hardliner when appointed, but pulled the navy back from politics.",
         "pull"): "fragment",
        ("Oliver Tambo and the envoys met", "Oliver Tambo and the envoys met in Lisbon.", "meet"): None,
        # "both" after one name: the rest of the subject was cut off
        ("Dube both have testified that the fund was misused", "Dube both have testified that the fund was "
         "misused by the board.", "testify"): "fragment",
        ("Oliver Tambo and Ann Dube both have testified", "Oliver Tambo and Ann Dube both have testified.",
         "testify"): None,
        ("The two envoys both have testified", "The two envoys both have testified.", "testify"): None,
        # a chronology's items run together: the title opens mid-phrase
        ("Charges Tambo trial opens", "Tambo charged with fraud and perjury, charges which carry long sentences "
         "March 3 Tambo trial opens in Lisbon.", "open"): "mid-phrase",
        ("Police arrested Oliver Tambo", "Officers said police arrested Oliver Tambo at home.", "arrest"): None,
        ("Rebels Oliver Tambo trained were captured", "Officers said rebels whom Oliver Tambo trained were captured.",
         "capture"): "mid-phrase",
        ("Even Oliver Tambo conceded the point", "Yet even Mr Tambo conceded the point.", "concede"): None,
        # a noun phrase, a conjunction and a clause: the noun is not the verb's subject
        ("Freedom Alliance was charged with fraud", "Freedom Alliance after its new leader, Oliver Tambo, was "
         "charged a week ago with fraud.", "charge"): "hangs",
        ("Aid groups said in the harshest period came to office", "In the harshest period since Oliver Tambo came "
         "to office, aid groups said yesterday that food ran short.", "say"): "hangs",
        ("Oliver Tambo said he would resign", "Mr Tambo, who was charged with fraud last year, said he would "
         "resign.", "say"): None,  # the clause between the commas has its verb
        ("Oliver Tambo speaks to the envoys", "Mr Tambo must speak for the party when he speaks to the envoys.",
         "speak"): None,  # the clause's own subject, a pronoun the title names
        ("The talks collapsed", "The talks, which began after midnight, collapsed.", "collapse"): None,
        # a passer-by's remark
        ("The woman in a red coat at the market said prices will rise", "\"Prices will rise,\" said the woman in a "
         "red coat at the market.", "say"): "vox pop",
        ("The two men said they would work together", "The two men said they would work together.", "say"): None,
        ("A man was arrested at the market", "A man was arrested at the market.", "arrest"): None,  # news
        ("A 22-year-old man was responding well to treatment", "Doctors said a 22-year-old man was responding well "
         "to treatment.", "respond"): None,  # not a saying
        ("Oliver Tambo said prices will rise", "Oliver Tambo said prices will rise.", "say"): None,
    }
    assert {k[0]: garbled(*k) for k in told} == {k[0]: why for k, why in told.items()}


def test_a_title_that_stops_on_the_words_describing_who_is_named_next_is_cut() -> None:
    said = "The crowd welcomed home the cycling champion Oliver Tambo on Friday."
    assert garbled("The crowd welcomed home the cycling champion", said, "welcome", ["Oliver Tambo"]) == "cut"
    assert garbled("The crowd welcomed home Oliver Tambo", said, "welcome", ["Oliver Tambo"]) is None


def test_two_names_side_by_side_are_a_list_that_lost_its_commas_or_a_headline_run_into_its_lede() -> None:
    names = ["Oliver Tambo", "Thabo Nkosi", "Freedom Alliance", "Lisbon", "Kurt Vlahos",
             "Freedom"]
    told = {
        "Oliver Tambo Thabo Nkosi and other leaders welcomed the deal": "names",
        "The Freedom Alliance Thabo Nkosi denounced the cost of the trial": "names",  # "'s leader" dropped
        "Oliver Tambo, Thabo Nkosi and other leaders welcomed the deal": None,
        "The ambassador to Lisbon Kurt Vlahos visited the camps": None,  # a role and its holder
        "The head of the Freedom Alliance Thabo Nkosi visited the camps": None,
        "The Tehreek-e-Freedom Lisbon cell claimed the attack": None,  # one name inside another's word
    }
    assert {t: garbled(t, t + ".", "welcome" if "welcomed" in t else "visit", names) for t in told} == told


def _report(aid: str, index: int, title: str, sentence: str, predicate: str) -> Happening:
    return Happening(article_id=aid, sentence_index=index, sentence=sentence, predicate=predicate,
                     date="2008-01-02", precision="day", status="occurred",
                     evidence=DateEvidence("month-day", "2 January", "2008-01-02"), title=title,
                     summary=sentence, type="legal", actors=(TAMBO, PARTY))


def test_a_well_formed_report_from_another_source_gives_the_event_its_title() -> None:
    joined = _report("a", 0, "Freedom Alliance was charged with fraud and perjury",
                     "Freedom Alliance after its new leader, Oliver Tambo, was charged a week ago with fraud and "
                     "perjury.", "charge")
    plain = _report("b", 3, "Oliver Tambo was charged with fraud and perjury",
                    "Tambo was charged a week ago with fraud and perjury.", "charge")
    articles = [Article(id=a, path=f"{a}.txt", title=a, text="", published=date(2008, 1, 9 + i), outlet=a)
                for i, a in enumerate("ab")]
    events = merge([], [joined, plain], articles).events
    assert [e.title for e in events] == [plain.title]


def _event(eid: str, day: str, title: str, sentence: str, predicate: str, importance: float) -> Event:
    return Event(id=eid, date=day, precision="day", status="occurred", title=title, summary=sentence,
                 importance=importance, actors=(TAMBO,), predicate=predicate)


def test_the_key_events_pass_over_an_event_with_only_a_garbled_title() -> None:
    credit = _event("credit", "2003-05-21", "Reuters News, Lisbon Sailors seize", "Reuters News, Lisbon Sailors "
                    "seize two trawlers Sailors boarded two trawlers yesterday.", "seize", 300)
    remark = _event("remark", "2003-05-22", "The man in a leather jacket said Oliver Tambo will stay in charge",
                    "\"Oliver Tambo will stay in charge,\" said the man in a leather jacket.", "say", 280)
    elected = _event("elected", "2003-05-25", "Oliver Tambo was elected party leader",
                     "Oliver Tambo was elected party leader.", "elect", 250)
    assert [e.id for e in key_events([credit, remark, elected], 5)] == ["elected"]


def test_an_aside_of_an_article_weeks_later_does_not_title_the_day_it_tells() -> None:
    def told(aid: str, index: int, title: str, sentence: str) -> Happening:
        return replace(_report(aid, index, title, sentence, "vote"), date="2009-04-22",
                       evidence=DateEvidence("month-day", "22 April", "2009-04-22"))

    that_day = told("day", 7, "The leader of the Freedom Alliance voted in his home village",
                    "When the leader of the Freedom Alliance voted in his home village yesterday, crowds cheered.")
    aside = told("later", 14, "Oliver Tambo voted Freedom Alliance",
                 "Sitting on the grass, Tambo, who voted Freedom Alliance on 22 April, said the council had failed.")
    published = {"day": "2009-04-23", "later": "2009-07-25"}
    assert lead_report([that_day, aside], (), False, published).title == that_day.title
    # told in the lede of a later article, or within the week, the report is news, and its plain title leads
    assert lead_report([that_day, replace(aside, sentence_index=0)], (), False, published).title == aside.title
    assert lead_report([that_day, aside], (), False, {**published, "later": "2009-04-24"}).title == aside.title


def test_the_event_takes_its_title_from_what_most_of_its_reports_tell() -> None:
    retold = _report("a", 1, "Oliver Tambo was charged with perjury", "Tambo, 58, was charged with perjury.", "charge")
    verdicts = [_report(aid, index, "Oliver Tambo was found guilty of perjury",
                        "Tambo was found guilty of perjury after a six-week trial.", "find")
                for aid, index in (("b", 0), ("c", 2))]
    published = {"a": "2011-11-07", "b": "2011-11-08", "c": "2011-11-08"}
    # the earliest lede's report would lead; the verdict two of the three reports tell does
    assert lead_report([retold, *verdicts], (), False, published).title == "Oliver Tambo was found guilty of perjury"
    # with no majority, the earliest lede's report leads as before
    assert lead_report([retold, verdicts[0]], (), False, published).title == retold.title
