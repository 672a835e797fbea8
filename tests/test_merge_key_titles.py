"""Key events are happenings: a title that tells none is not printed when a report offers
another, and the key events pass over an event that has only such a title."""

from __future__ import annotations

from datetime import date

from timeline.merge import merge
from timeline.merge.happening_titles import tells_happening, told_again
from timeline.merge.selection import key_events, per_month
from timeline.records import ActorRef, Article, DateEvidence, Event, Happening, Source

SIMPSON = ActorRef("Charlie Dobbs", "person")
ZUMA = ActorRef("Jacob Zuma", "person")


def test_what_tells_no_happening() -> None:
    names = ["Jacob Zuma", "Charlie Dobbs", "Nelson Mandela"]
    told = {
        "Jacob Zuma is facing one of the biggest tests of his presidency": ("face", False),
        "Charlie Dobbs had hoped to raise £500 by cycling": ("hop", False),  # a lemma that lost its e
        "Jacob Zuma said he hoped the trial would not be a setback": ("hope", True),  # a named speaker says it
        "A court has heard": ("hear", False),
        "The opening lines read": ("read", False),
        "Nelson Mandela rose to the occasion": ("rise", False),
        "A senior military post to balance Jacob Zuma's rise": ("balance", False),
        "The move at a charity poetry reading in London": ("read", False),
        "Jacob Zuma was sworn in as president": ("swear", True),
        "Robert Gates is meeting civilian leaders": ("meet", True),
        "The court heard that the doctor left the room": ("hear", True),
        "Preliminary hearings begin": ("begin", True),
        "The budget was passed": ("pass", True),  # a passive needs nothing after its verb
        "Cheap imports were costing the country thousands of jobs": ("cost", False),  # what went on then
        "Jacob Zuma was taking half as many votes as his rival": ("take", False),
        "Jacob Zuma was arrested while he was taking a flight": ("arrest", True),
        "The objections followed a report in a magazine": ("follow", False),  # how one thing stands to another
        "The summit was privately dubbed the G2": ("dub", False),  # what it was called
        "The rescue represented the bank's own version of the plan": ("represent", False),  # what it amounts to
        "Charlie Dobbs argues that the stimulus has created jobs": ("create", False),  # a view
        "Nelson Mandela told the White House": ("tell", False),  # told what?
        "Nelson Mandela told reporters he would resign": ("tell", True),
        "The party after Jacob Zuma was charged with fraud": ("charge", False),  # a clause hanging from nothing
        "Jacob Zuma was charged after a long inquiry": ("charge", True),
        "After a long inquiry Jacob Zuma was charged": ("charge", True),
        "Charlie Dobbs tackled one of the toughest challenges of the decade": ("tackle", False),
        "Few people were sparing a thought for Nelson Mandela": ("spar", False),  # a figure of speech
        "The ministry declined to comment on the report": ("decline", False),  # nothing happened
        "The ministry declined an offer of aid": ("decline", True),
        "Charlie Dobbs was testifying at the trial of the doctor": ("testify", True),  # the day's news, as it went on
        "Nelson Mandela appeared in court on two counts of fraud": ("appear", True),  # not "seemed"
        "Nelson Mandela appeared tired": ("appear", False),
        "Charlie Dobbs followed up the talks by meeting Nelson Mandela": ("follow", True),
        "A strain of flu never seen before has killed 60 people": ("kill", True),  # "before" as an adverb
        "The longest trial since the end of apartheid culminates with a verdict": ("culminate", True),
        "Jacob Zuma said he had been briefed by doctors": ("brief", True),
        "Nelson Mandela has long called on the regime to free prisoners": ("call", False),  # what has gone on
        "Nelson Mandela has repeatedly rejected the charges": ("reject", False),
        "Nelson Mandela has called on the regime to free prisoners": ("call", True),
        # stops before what its words need
        "The agency said it would remain for now": ("say", False),  # remain where, at what?
        "Jacob Zuma said he would remain in the race": ("say", True),
        "The ministry confirmed on Tuesday 40 people": ("confirm", False),  # infected? dead?
        "The ministry confirmed 40 deaths": ("confirm", True),
        "The regulator called for the savings lenders": ("call", False),  # to do what?
        "The regulator called for the resignation of the directors": ("call", True),
        "Charlie Dobbs urged restraint": ("urge", True),
        "Nelson Mandela urged the banks": ("urge", False),
        "The former mayor known to his voters has claimed victory": ("claim", False),  # known as what?
        "Jacob Zuma, known as JZ, claimed victory": ("claim", True),
        "The agency said it would refer to the new strain": ("say", False),  # refer to it as what?
        "The case was referred to the constitutional court": ("refer", True),
        "A survey of farmers shows they are as poor": ("show", False),  # as poor as what?
        "Jacob Zuma was sworn in as president of the party": ("swear", True),
        # what a condition has done: a standing state
        "The country's slump has driven millions abroad": ("drive", False),
        "The unrest has been quelled": ("quell", True),
        # how a condition grew, the pressure a party is under, a feeling stirred: states, no happening
        "Nelson Mandela's political problems deepened": ("deepen", False),
        "Nelson Mandela's problems deepened when the court ruled against him": ("deepen", False),
        "The court deepened the inquiry into the arms deal": ("deepen", True),
        "The treasury has been forced to shore up the banks": ("force", False),
        "The treasury was forced to shore up the banks": ("force", True),  # done, in the past
        "The republic has spent billions of dollars defending its currency": ("spend", False),
        "The republic spent a billion dollars on the dam": ("spend", True),
        "The republic has spent $2.1 billion to prop up its ailing car makers": ("spend", True),
        "Nelson Mandela has upset Jacob Zuma's supporters": ("upset", False),
        "Jacob Zuma said the ruling had upset his supporters": ("say", True),  # a named speaker says it
        # a bare class of people, no party named
        "Crooked brokers, greedy bankers and gullible investors have been faulted": ("fault", False),
        "Two brokers have been charged with fraud": ("charge", True),
        "Ambassadors were ambushed by protesters": ("ambush", True),  # one class, and its deed
        "Mozambique's biggest parties, rivals for years, have agreed to a truce": ("agree", True),
        # a plan, a held view, a series over time, a commentator's reading, a word pointing elsewhere
        "The treasury's rescue plan was to be unveiled": ("unveil", False),
        "Nelson Mandela is due to sign the accord": ("sign", False),
        "Ministers are to meet on Friday": ("meet", False),
        "The rescue plan was unveiled": ("unveil", True),
        "Jacob Zuma was due in court and appeared on Monday": ("appear", True),  # "due" opens no plan here
        "Nelson Mandela has argued against raising the levy": ("argue", False),
        "Jacob Zuma has supported Nelson Mandela's drive to reform the courts": ("support", False),
        "Parliament voted to support the levy": ("vote", True),
        "Jacob Zuma has approved a plan to support farmers": ("approve", True),
        "The regime has crammed a string of trials into one summer": ("cram", False),
        "Police launched a series of raids in the capital": ("launch", True),
        "Economists were left to digest the bleakest forecasts": ("leave", False),
        "Bankers were arrested in the capital": ("arrest", True),
        "Nelson Mandela opposed cutting such grants": ("oppose", False),  # which grants?
        "The state bank struck a similar deal with the miners": ("strike", False),  # similar to what?
        "Jacob Zuma promised reforms such as a new tax court": ("promise", True),
        "The province signed a deal similar to the one Natal signed": ("sign", True),
        # what a place was billed as, a bare word of tidings or of a step, a roll of names
        "The Harbour Quarter was billed “a town inside the town”": ("bill", False),
        "News sent shares soaring in Johannesburg": ("send", False),  # what news?
        "News of the merger sent shares soaring in Johannesburg": ("send", True),
        "The move was criticised by the unions": ("criticise", False),  # which move?
        "The decision to cut the levy was criticised by the unions": ("criticise", True),
        "Reports have suggested that Jacob Zuma will resign": ("suggest", False),
        "Sipho, Anna, Pieter, Thandi, Jacob Zuma and Nelson Mandela ran the clubs that lost money": ("run", False),
        "Jacob Zuma, Nelson Mandela and Charlie Dobbs signed the accord": ("sign", True),
        "Some 1,250,000,000,000 rand and 2,000 jobs were lost": ("lose", True),  # commas of figures part nothing
    }
    unnamed = ("Crooked", "Two", "Ambassadors", "Mozambique", "Economists", "Bankers", "The state bank", "Ministers",
               "The regime", "Police", "The province", "The treasury", "The rescue", "The Harbour",
               "News", "The move", "The decision", "Reports")  # no actor resolved
    found = {t: tells_happening(t, p, [] if t.startswith(unnamed) else names) for t, (p, _) in told.items()}
    assert found == {t: ok for t, (_, ok) in told.items()}


def _event(eid: str, day: str, title: str, predicate: str, importance: float) -> Event:
    return Event(id=eid, date=day, precision="day", status="occurred", title=title, summary=title + ".",
                 importance=importance, actors=(ZUMA,), predicate=predicate)


def test_the_key_events_pass_over_an_event_whose_title_tells_no_happening() -> None:
    idle = _event("idle", "2009-07-22", "Jacob Zuma faced the first critical test of his presidency", "face", 300)
    riots = _event("riots", "2009-07-22", "Jacob Zuma met township leaders after riots in Mpumalanga", "meet", 200)
    sworn = _event("sworn", "2009-05-09", "Jacob Zuma was sworn in as president", "swear", 250)
    assert [e.id for e in key_events([idle, riots, sworn], 5)] == ["sworn", "riots"]
    curated = Event(**{**idle.__dict__, "curated": ("title",)})  # a maintainer's title is printed as written
    assert [e.id for e in key_events([curated, riots, sworn], 5)] == ["idle", "sworn"]


def test_a_day_led_by_a_plan_a_held_view_or_a_commentator_is_told_by_what_happened_on_it() -> None:
    plan = _event("plan", "2009-07-14", "The treasury's rescue plan was to be unveiled", "unveil", 320)
    view = _event("view", "2009-07-21", "Jacob Zuma has argued against cutting such grants", "argue", 310)
    read = _event("read", "2009-07-28", "Economists were forced to digest the bleakest forecasts", "force", 300)
    unveiled = _event("unveiled", "2009-07-14", "Jacob Zuma unveiled a rescue plan for the carmakers", "unveil", 150)
    warned = _event("warned", "2009-07-21", "Jacob Zuma warned donors against cutting grants to the poorest",
                    "warn", 140)
    read = Event(**{**read.__dict__, "actors": ()})
    assert [e.id for e in key_events([plan, view, read, unveiled, warned], 5)] == ["unveiled", "warned"]


def test_a_key_place_a_cut_title_leaves_goes_to_the_next_event_that_tells_a_happening() -> None:
    cut = _event("cut", "2009-07-20", "Jacob Zuma called on the provinces", "call", 300)
    state = _event("state", "2009-07-25", "The province's slump has driven thousands to the cities",
                   "drive", 280)
    visit = _event("visit", "2009-07-27", "Jacob Zuma visited the flooded towns of the coast", "visit", 200)
    sworn = _event("sworn", "2009-05-09", "Jacob Zuma was sworn in as president", "swear", 250)
    assert [e.id for e in key_events([cut, state, visit, sworn], 2)] == ["sworn", "visit"]


def _report(aid: str, index: int, title: str, predicate: str) -> Happening:
    return Happening(article_id=aid, sentence_index=index, sentence=title + ".", predicate=predicate,
                     date="2010-01-24", precision="day", status="occurred",
                     evidence=DateEvidence("month-day", "24 January", "2010-01-24"), title=title,
                     summary=title + ".", type="other", actors=(SIMPSON,))


def test_an_event_takes_the_title_of_a_report_that_tells_a_happening() -> None:
    hoped = _report("a", 0, "Charlie Dobbs had hoped to raise £500 for the earthquake appeal by cycling", "hope")
    rode = _report("b", 0, "Charlie Dobbs cycled five miles around his park to raise £500 for the appeal", "cycle")
    articles = [Article(id=a, path=f"{a}.txt", title=a, text="", published=date(2010, 1, 24 + i), outlet=a)
                for i, a in enumerate("ab")]
    events = merge([], [hoped, rode], articles).events
    assert [e.title for e in events] == [rode.title]


def test_a_short_story_ends_its_key_events_rather_than_fill_them_with_thin_days() -> None:
    told = [("The earthquake struck the capital", "strike"),
            ("The government declared a state of emergency", "declare"),
            ("Rescuers pulled a girl alive from a school", "pull"), ("Donors pledged $500m at a conference", "pledge"),
            ("The port reopened to aid ships", "reopen"), ("Jacob Zuma visited the camps", "visit")]
    days = [_event(f"d{n}", f"2010-01-{12 + n:02d}", title, verb, 400 - 10 * n) for n, (title, verb) in enumerate(told)]
    thin = _event("thin", "2010-01-30", "Jacob Zuma removed the photos from his page", "remove", 7.5)
    chosen = [e.id for e in key_events(days + [thin], 20)]
    assert chosen == [f"d{n}" for n in range(6)]  # the story's days, and not the leftover of a thin one


def test_what_tells_an_earlier_happening_again() -> None:
    told = {
        ("The January earthquake destroyed a number of orphanages", "2010-01-31"): True,
        ("January's quake destroyed a number of orphanages", "2010-01-31"): True,
        ("The January 12 earthquake destroyed a number of orphanages", "2010-01-31"): True,
        ("The 2008 election was rigged, the court found", "2010-03-02"): True,
        ("Last month's vote was rigged, the court found", "2010-03-02"): True,
        ("Rescuers found the orphanage destroyed in December", "2010-01-31"): True,
        ("Rescuers reopened the orphanage in January", "2010-01-31"): False,  # its own month
        ("The earthquake struck the capital", "2010-01-12"): False,
        ("Jacob Zuma may resign", "2010-01-12"): False,  # "may" is no month here
        ("Jacob Zuma met Theresa May in London", "2010-01-12"): False,
        ("Jacob Zuma met the 2010 World Cup organisers", "2010-01-12"): False,  # this year's
    }
    assert {k: told_again(*k) for k in told} == told


def test_the_key_events_pass_over_a_retelling_of_an_earlier_happening() -> None:
    struck = _event("struck", "2010-01-12", "The earthquake struck Jacob Zuma's hotel", "strike", 400)
    retold = _event("retold", "2010-01-31", "The January earthquake destroyed a number of orphanages", "destroy", 300)
    airlift = _event("airlift", "2010-01-30", "Jacob Zuma sent an aid flight to the capital", "send", 250)
    assert [e.id for e in key_events([struck, retold, airlift], 5)] == ["struck", "airlift"]


def _told(eid: str, day: str, title: str, predicate: str, importance: float, quote: str,
          actors: tuple[ActorRef, ...]) -> Event:
    source = Source(article=f"{eid}-article", title="Report", published=day, quote=quote)
    return Event(id=eid, date=day, precision="day", status="occurred", title=title, summary=quote,
                 importance=importance, actors=actors, predicate=predicate, sources=(source,))


def test_a_happening_told_again_on_a_later_day_holds_no_key_place() -> None:
    doctor = ActorRef("Conrad Doyle", "person")
    plea = _told("plea", "2011-01-25", "Dr Doyle has pleaded not guilty to involuntary manslaughter", "plead", 200,
                 "The doctor present at the deathbed pleaded not guilty to a charge of involuntary manslaughter "
                 "in the singer's fatal overdose.", (ZUMA,))
    retold = _told("retold", "2011-05-02", "Conrad Doyle has pleaded not guilty to involuntary manslaughter", "plead",
                   250, "Dr Doyle has pleaded not guilty to a charge of involuntary manslaughter in the singer's "
                   "death at 50.", (doctor,))
    opened = _told("opened", "2011-09-27", "The trial of Conrad Doyle opened", "open", 300,
                   "The trial of Conrad Doyle opened in Los Angeles.", (doctor,))
    assert [e.id for e in key_events([plea, retold, opened], 5)] == ["opened", "plea"]
    # a new tally of the story told in its words is news of its own day, not a retelling
    first = _told("first", "2009-04-28", "The first cases of swine flu were confirmed in Spain", "confirm", 300,
                  "The first cases of swine flu were confirmed in Spain.", ())
    more = _told("more", "2009-05-01", "Three more swine flu deaths were confirmed", "confirm", 350,
                 "The health secretary said three more deaths from swine flu had been confirmed on Friday.", ())
    assert [e.id for e in key_events([first, more], 5)][:1] == ["more"]


def test_the_top_events_of_each_month_give_a_day_once_repeat_no_other_month_and_run_in_date_order() -> None:
    sworn = _event("sworn", "2009-05-20", "Jacob Zuma was sworn in as president", "swear", 300)
    crowd = _event("crowd", "2009-05-20", "Jacob Zuma thanked the crowd at the stadium", "thank", 250)
    cabinet = _event("cabinet", "2009-05-10", "Jacob Zuma named his cabinet", "name", 200)
    again = _event("again", "2009-06-02", "Jacob Zuma was sworn in as president", "swear", 280)
    visit = _event("visit", "2009-06-15", "Jacob Zuma visited the flooded towns of the coast", "visit", 150)
    months = per_month([sworn, crowd, cabinet, again, visit], 3)
    assert {m: [e.id for e in best] for m, best in months.items()} == {
        "2009-05": ["cabinet", "sworn"],  # the 20th once, the month in order of date
        "2009-06": ["visit"]}  # the oath told again in June is no news of June


def test_a_day_led_by_a_promotional_line_or_bare_news_is_told_by_what_happened_on_it() -> None:
    promo = _event("promo", "2009-10-06", "The Harbour Quarter was billed “a town inside the town”", "bill", 380)
    news = _event("news", "2009-10-13", "News sent shares soaring in Johannesburg", "send", 330)
    seized = _event("seized", "2009-10-06", "The treasury seized control of the country's largest lender", "seize",
                    150)
    rallied = _event("rallied", "2009-10-13", "Jacob Zuma unveiled a plan to buy stakes in the banks", "unveil", 140)
    promo, news = (Event(**{**e.__dict__, "actors": ()}) for e in (promo, news))
    assert [e.id for e in key_events([promo, news, seized, rallied], 5)] == ["seized", "rallied"]
