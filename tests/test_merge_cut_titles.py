"""A title that, beside the sentence it was cut from, says less than its words need holds no key
place: an infinitive stopped before its object, a verb before its object, two phrases run
together, a class of people left unplaced, a person described and named nowhere."""

from __future__ import annotations

from timeline.merge.cut_titles import described, incomplete
from timeline.merge.selection import key_events
from timeline.records import ActorRef, Event, Source

LIND = ActorRef("Anna Lind", "person")
PARTY = ActorRef("People's Alliance", "organisation")


def test_what_says_less_than_its_sentence() -> None:
    told = [
        ("Anna Lind proposed a bill to advance", "Anna Lind proposed a bill to advance pay limits in 2007.",
         "propose", "purpose"),
        ("Anna Lind pledged to resign", "Anna Lind pledged to resign on Friday.", "pledge", None),
        ("Anna Lind pledged to resign", "Anna Lind pledged to resign, saying she had lost the vote.", "pledge", None),
        ("The regulator seized", "On Monday the regulator seized the country's largest lender.", "seize", "object"),
        ("The bill was passed", "The bill was passed by the senate.", "pass", None),
        ("The coalition collapsed the first to fall", "The coalition collapsed on Monday, the first to fall.",
         "collapse", "apposition"),
        ("The coalition collapsed the first government", "The coalition collapsed the first government it formed.",
         "collapse", None),
        ("The ports banned fish imports some northern states",
         "The ports banned fish imports from Norway and some northern states.", "ban", "joined"),
        ("The ports banned fish imports from some northern states",
         "The ports banned fish imports from some northern states.", "ban", None),
        ("The plan will help farmers catch up with people",
         "The plan will help farmers catch up with people in the cities.", "help", "class"),
        ("The plan will help farmers catch up with the people",
         "The plan will help farmers catch up with the people in the cities.", "help", None),
        ("The floods have killed up to 60 people", "The floods have killed up to 60 people in the valley.", "kill",
         None),
        # what the sentence says beside the title, not cut from it
        ("Anna Lind came to power", "Since Anna Lind came to power five years ago, little has changed.", "come",
         None),
        ("Anna Lind has confessed to misdeeds", "Anna Lind has confessed to misdeeds that hurt the party.",
         "confess", None),
        ("Anna Lind spoke about the aid effort to Haiti", "Anna Lind spoke about the aid effort to Haiti. "
         "\"The rescue is what is required,\" she said.", "speak", None),
        ("Details of the charges will be released", "Details of the charges will be released Monday, the office "
         "said.", "release", None),
        ("The Herald reported the contract could be worth $250m", "The contract could be worth $250m, the Herald "
         "reported on Monday, quoting people close to the talks.", "report", None),
        ("Anna Lind is to visit the graphene institute", "On the last day of her state visit, Anna Lind is to visit "
         "the graphene institute.", "visit", None),
    ]
    assert [incomplete(t, s, p) for t, s, p, _ in told] == [why for *_, why in told]


def test_who_is_described_and_named_nowhere() -> None:
    names = ["Anna Lind", "People's Alliance"]
    titles = {
        "The chairman of the People's Alliance voted in his home town": True,
        "The ex deputy chairman goes on trial": True,
        "Both men launched protests": True,
        "A judge ruled that Anna Lind must testify": False,  # introduced, not referred to
        "The trial of Anna Lind was adjourned": False,
        "The Prime Minister resigned": False,  # an office named as a name is
        "The former Chinese President Jiang Zemin has resigned": False,
        "Anna Lind launched protests": False,
    }
    assert {t: described(t, names) for t in titles} == titles


def _event(eid: str, day: str, title: str, sentence: str, predicate: str, importance: float) -> Event:
    source = Source(article=f"{eid}-a", title="Report", published=day, quote=sentence)
    return Event(id=eid, date=day, precision="day", status="occurred", title=title, summary=sentence,
                 importance=importance, actors=(LIND, PARTY), predicate=predicate, sources=(source,))


# a happening any key list keeps: the place a flawed title frees goes to it
SWORN = _event("sworn", "2009-05-09", "Anna Lind was sworn in as prime minister",
               "Anna Lind was sworn in as prime minister on Saturday.", "swear", 250)


def test_a_key_place_goes_past_a_cut_title_to_the_next_event_that_tells_a_happening() -> None:
    cut = _event("cut", "2009-06-10", "Anna Lind proposed a bill to advance",
                 "Anna Lind proposed a bill to advance pay limits when she sat in the senate.", "propose", 300)
    described = _event("described", "2009-04-22", "The chairman of the People's Alliance voted in his home town",
                       "When the chairman of the People's Alliance voted in his home town, crowds cheered.", "vote",
                       290)
    won = _event("won", "2009-04-23", "The People's Alliance won the general election",
                 "The People's Alliance won the general election, the count showed.", "win", 200)
    assert [e.id for e in key_events([cut, described, SWORN, won], 5)] == ["sworn", "won"]


def test_a_day_whose_best_report_names_no_one_is_told_by_another_report_of_it() -> None:
    voted = _event("voted", "2009-04-22", "The chairman of the People's Alliance voted in his home town",
                   "When the chairman of the People's Alliance voted in his home town, crowds cheered.", "vote", 400)
    swept = Event(**{**_event("swept", "2009-04-22", "Anna Lind swept into power as prime minister",
                              "Anna Lind swept into power as prime minister last night.", "sweep", 14).__dict__,
                     "sources": tuple(Source(article=a, title="Report", published="2009-04-23",
                                             quote="Anna Lind swept into power as prime minister last night.")
                                      for a in ("x", "y"))})
    colour = _event("colour", "2009-04-22", "Anna Lind waved to the crowds from a balcony",
                    "Anna Lind waved to the crowds from a balcony.", "wave", 12)  # one article tells it
    assert [e.id for e in key_events([voted, swept, colour, SWORN], 5)] == ["swept", "sworn"]


def test_a_title_holding_a_web_address_takes_no_key_place() -> None:
    site = _event("site", "2008-06-27", "SaveTheVote.org is offering visitors a free online vote",
                  "SaveTheVote.org is offering visitors a free online vote.", "offer", 300)
    assert [e.id for e in key_events([site, SWORN], 5)] == ["sworn"]
