"""Event extraction on the real pipeline: one row per phrase a news editor would judge."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import happenings


@pytest.mark.parametrize("text, date_, status, rule", [
    ("Russia's Defense Ministry said on Saturday it had expelled a US submarine.", "2022-02-12", "occurred", None),
    ("Washington on Friday issued its direst warning yet.", "2022-02-11", "occurred", None),
    ("Chancellor Olaf Scholz will travel to Kiev on Monday.", "2022-02-14", "scheduled", None),
    ("Russia annexed Crimea in 2014.", "2014", "occurred", None),
    ("The United States withdrew most of its military advisers.", "2022-02-12", "occurred", "publication-date"),
    ("Joe Biden has discussed the crisis with Vladimir Putin.", "2022-02-12", "occurred", "publication-date"),
])
def test_dated_from_the_governing_expression_or_publication(nlp, text: str, date_: str, status: str,
                                                            rule: str | None) -> None:
    found = happenings(nlp, text)
    assert len(found) == 1, found
    assert (found[0].date, found[0].status) == (date_, status)
    if rule:
        assert found[0].evidence.rule == rule
    else:
        assert found[0].evidence.expression


@pytest.mark.parametrize("text", [
    "Will Russia invade Ukraine?",  # a question
    "If Russia invades, the West could impose sanctions.",  # hypothetical
    "Panic is the people's greatest enemy.",  # a generic state
    "Russia is seeking binding security guarantees.",  # ongoing, undated
    "Olaf Scholz will travel to Kyiv.",  # a plan with no date
    "He did not name the company.",  # what did not happen
    "Check Also",
    "About Ellen Lewandowski",
    # a known happening placed, measured or commented on is no new happening
    "The meeting lasted about five hours.",
    "Saturday's round of telephone diplomacy ended where it began.",
    "The decision came after days of hesitation in some European capitals.",
    "The call came hours after the announcement.",
])
def test_not_events(nlp, text: str) -> None:
    assert happenings(nlp, text) == []


def test_title_in_the_articles_words_with_canonical_names(nlp) -> None:
    found = happenings(nlp, "Russian President Vladimir Putin and US President Joe Biden have discussed Russia's "
                            "military build-up, but the hour-long phone call ended with no breakthrough.")
    assert found[0].title.startswith("Vladimir Putin and Joe Biden have discussed")
    assert {a.name for a in found[0].actors} >= {"Vladimir Putin", "Joe Biden"}


def test_a_quote_elaborating_a_dated_statement_joins_it(nlp) -> None:
    found = happenings(nlp, "Washington on Friday issued its direst warning yet that Russia could attack.\n\n"
                            "\"Military action could happen any day now,\" warned US National Security Advisor "
                            "Jake Sullivan.")
    assert len(found) == 1
    assert found[0].date == "2022-02-11"
    assert "Jake Sullivan" in {a.name for a in found[0].actors}


def test_types_from_data_and_from_config(nlp) -> None:
    expel = happenings(nlp, "Russia said on Saturday it had expelled a US submarine.")[0]
    assert (expel.type, expel.type_rule) == ("military", "predicate:expel")
    assert happenings(nlp, "KLM suspended its flights to Ukraine on Saturday.")[0].type == "economic"
    custom = happenings(nlp, "KLM suspended its flights to Ukraine on Saturday.", {"aviation": ("suspend",)})[0]
    assert (custom.type, custom.type_rule) == ("aviation", "predicate:suspend")


def test_figures_are_kept_and_durations_do_not_date(nlp) -> None:
    found = happenings(nlp, "Russia massed 100,000 troops near Ukraine over three months.")
    assert found and found[0].date == "2022-02-12"
    assert "100,000" in found[0].numbers


def test_a_standing_warning_after_the_lead_is_background(nlp) -> None:
    found = happenings(nlp, "Russia withdrew some diplomatic staff from Ukraine on Saturday.\n\n"
                            "Washington and its allies have warned that the Russian military could invade "
                            "at any moment.")
    assert [h.predicate for h in found] == ["withdraw"]


def test_what_one_party_told_the_other_joins_their_conversation(nlp) -> None:
    found = happenings(nlp, "Vladimir Putin and Joe Biden have discussed the crisis by phone.\n\n"
                            "The Kremlin said Putin told Biden that Washington had failed to address "
                            "Russia's concerns.")
    assert len(found) == 1
    assert "failed to address" in found[0].summary


def test_the_same_words_on_another_date_are_another_happening(nlp) -> None:
    found = happenings(nlp, "ANA were to take delivery in May 2008, but will now receive the aircraft next month.")
    assert {"2008-05", "2022-03"} <= {h.date for h in found}


@pytest.mark.parametrize("text, date_", [
    ("Senator John McCain entered them into the record during a speech last week.", "2022-W05"),
    ("Boeing's 787 made its first test flight Tuesday in Everett.", "2022-02-08"),
    ("In a Wednesday media event, Apple released a new lineup of laptops.", "2022-02-09"),
    ("The leaders held talks in Geneva on Monday.", "2022-02-07"),
])
def test_time_on_the_event_nominal_or_hung_on_a_noun_dates_the_clause(nlp, text: str, date_: str) -> None:
    assert date_ in {h.date for h in happenings(nlp, text)}


def test_a_date_that_modifies_another_noun_does_not_date_the_verb(nlp) -> None:
    found = happenings(nlp, "Parliament approved the 2023 budget.")
    assert [h.date for h in found] == ["2022-02-12"]


def test_a_sentence_that_lost_its_full_stop_is_not_a_heading(nlp) -> None:
    found = happenings(nlp, "The A380 was revealed in January 2005\n\nThe frenzy of telephone diplomacy\n\n")
    assert [(h.date, h.predicate) for h in found] == [("2005-01", "reveal")]


@pytest.mark.parametrize("text, date_, mod", [
    ("Russian troops seized the plant in early March.", "2021-03", "EARLY"),
    ("The talks ended about a week ago.", "2022-02-05", "APPROX"),
    ("Russian troops seized the plant on March 4, 2021.", "2021-03-04", None),
])
def test_the_expression_modifier_travels_with_the_date(nlp, text: str, date_: str, mod: str | None) -> None:
    # the site prints "c. early March" from it
    found = happenings(nlp, text)
    assert [(h.date, h.evidence.mod) for h in found] == [(date_, mod)]


@pytest.mark.parametrize("text, expected", [
    # a clause of time measured from the dated one: back for "after", on for "before"
    ("The minister resigned on Thursday, two days after a newspaper published the recordings.",
     {("2022-02-10", "resign"), ("2022-02-08", "publish")}),
    ("Janet Yellen arrived in Kyiv on Monday, a week after Joe Biden made his own trip to the capital.",
     {("2022-02-07", "arrive"), ("2022-01-31", "make")}),
    # a second clause with its own subject shares the time and is a happening of its own
    ("Hundreds of supporters rallied outside the assembly on Thursday, and some set fire to the party's offices.",
     {("2022-02-10", "rally"), ("2022-02-10", "set")}),
    # a clause with a time of its own keeps it (the measure would have said the 14th)
    ("The strike came on Friday, three days before the leaders met in Rome on Monday.",
     {("2022-02-11", "come"), ("2022-02-07", "meet")}),
])
def test_clauses_dated_through_the_dated_one(nlp, text: str, expected: set[tuple[str, str]]) -> None:
    assert {(h.date, h.predicate) for h in happenings(nlp, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # the definite subject takes up a noun of the previous sentence: the same occasion
    ("A missile hit a cargo vessel in the Red Sea on Monday.\n\nThe vessel caught fire.",
     ["2022-02-07", "2022-02-07"]),
    ("Iran fired about 180 missiles at Israel on Tuesday.\n\nMost of the missiles were intercepted.",
     ["2022-02-08", "2022-02-08"]),
    ("The leaders met in Oslo on Tuesday.\n\nThe four leaders also agreed to pool ammunition purchases.",
     ["2022-02-08", "2022-02-08"]),
    # a new subject with nothing taken up is news of the day
    ("A missile hit a cargo vessel in the Red Sea on Monday.\n\nMaersk raised its freight rates.",
     ["2022-02-07", "2022-02-12"]),
])
def test_a_sentence_that_goes_on_telling_a_dated_happening_keeps_its_date(nlp, text: str, expected: list[str]) -> None:
    from timeline.extract.events import gate

    with gate.recording():  # the dates of every candidate, whatever the learned gate keeps
        assert [h.date for h in happenings(nlp, text)] == expected


def test_a_saying_and_what_was_said_each_dated_by_their_own_expression(nlp) -> None:
    found = happenings(nlp, "General Motors announced on Wednesday that it saw a 45% drop in its sales in January.")
    assert {"2022-02-09", "2022-01"} <= {h.date for h in found}


def test_a_glued_dateline_loses_to_the_expression_beside_the_verb(nlp) -> None:
    found = happenings(nlp, "Apple unveils new Mac February 12, 2022 Apple Computer announced on Tuesday "
                            "its new laptops.")
    assert "2022-02-08" in {h.date for h in found}


@pytest.mark.parametrize("sentence, type_, rule", [
    # a command is typed by what it acts on, not by a keyword elsewhere in the sentence
    ("Putin ordered the Russian armed forces to carry out peacekeeping in the two regions on Monday.",
     "military", "object:force"),
    ("Putin ordered Russia's nuclear deterrence forces onto a special regime of combat duty on Sunday.",
     "military", "object:force"),
    ("The United States urged its citizens to leave Ukraine on Saturday.", "humanitarian", "xcomp:leave"),
    ("Germany was stopping the certification of the Nord Stream 2 pipeline, Scholz said on Tuesday.",
     "economic", "predicate:stop"),
    ("Explosions were heard in Kyiv before dawn on Thursday.", "military", "object:explosion"),
    # the domain of what a verb of any domain acts on decides; a kind of its own wins
    ("Russia withdrew some of its diplomatic staff from Ukraine on Saturday.", "diplomacy", "domain:diplomatic"),
    ("Britain withdrew most of its military advisers on Saturday.", "military", "domain:military"),
    ("The EU imposed economic sanctions on Russia on Monday.", "sanction", "predicate:impose"),
    ("Putin and Biden discussed Russia's military build-up on Saturday.", "diplomacy", "predicate:discuss"),
    # a noun spelled like a listed verb names no happening
    ("NATO noticed a sign of de-escalation on the ground on Tuesday.", "other", "predicate:notice"),
    # a verb of contact with no party a diplomat would meet gives way to what the clause says
    ("The president met his French counterpart in Geneva on Monday.", "diplomacy", "predicate:meet"),
    ("Hu Jintao arrived in London on Monday.", "diplomacy", "predicate:arrive"),
    ("The chancellor spoke to an old friend, Emmanuel Macron, on Saturday.", "diplomacy", "predicate:speak"),
    ("The defence called three former patients as character witnesses on Tuesday.", "legal", "place:witness"),
    # a verb with its particle names a kind of its own; a date after "on" is no particle
    ("The opposition called for a fresh election on Tuesday.", "statement", "phrasal:call"),
    ("The prime minister stepped down on Tuesday.", "politics", "phrasal:step"),
    # a verdict given as a predicative is a verdict, not a judgement in words; a verb that
    # names what something is passes judgement, whatever the judging words name
    ("The finance minister branded the neighbouring country a currency manipulator on Sunday.",
     "statement", "judgement:brand"),
    ("The surgeon was found guilty of manslaughter on Monday.", "legal", "object:guilty"),
    # what a case is of says its kind
    ("Officials counted forty new cases of cholera in the city on Monday.", "health", "object:cholera"),
    ("The central bank cut interest rates on Thursday.", "economic", "object:rate"),
    # a verb spelled like a noun of a kind is not that kind: a tower "billed as" is no bill
    ("The new tower was billed as a city within a city on Monday.", "other", "predicate:bill"),
    # a common noun's own kind, wherever the clause holds it, but never as a modifier
    ("The party won 90 seats in the election on Monday.", "politics", "object:seat"),
    ("The majority of the flu cases were detected in Osaka on Wednesday.", "health", "object:flu"),
    ("The mayor's office upgraded its video surveillance system on Monday.", "other", "predicate:upgrade"),
    ("The ministry released a survey of 52 retailers on Monday.", "statement", "object:survey"),
    # what moved says the kind of a verb of measure, then the figure it moved by
    ("Shares fell 5 percent on Monday.", "economic", "subject:share"),
    ("The death toll rose to 200 on Monday.", "death", "subject:toll"),
    ("The lender posted a second-quarter loss of $412 million on Tuesday.", "economic", "measure:$"),
    # a sum of a phrase around the clause is no deal in money: bail is legal
    ("The two journalists were released on $300 bail on Monday.", "legal", "place:bail"),
    # who acts is no kind: a government that resumed talks resumed talks, and what it
    # advised against is not politics
    ("The government resumed talks with the rebels on Monday.", "diplomacy", "object:talk"),
    ("The government advised against travel to the region on Monday.", "diplomacy", "place:travel"),
    # what struck or raided says the kind before the verb does
    ("A hurricane slammed into the coast on Monday.", "disaster", "subject:hurricane"),
    ("Opposition senators slammed the minister on Monday.", "statement", "predicate:slam"),
    ("Troops raided the militants' hideout on Monday.", "military", "subject:troop"),
    ("Police raided the house of the opposition leader on Monday.", "legal", "predicate:raid"),
])
def test_type_from_the_predicate_and_its_object(nlp, sentence: str, type_: str, rule: str) -> None:
    found = happenings(nlp, sentence)
    assert [(h.type, h.type_rule) for h in found][:1] == [(type_, rule)], [(h.title, h.type_rule) for h in found]


def test_what_a_relative_clause_tells_of_is_what_underwent_it(nlp) -> None:
    found = happenings(nlp, "The report, which was released by the ministry on Monday, blamed the banks.")
    assert ("release", "statement", "object:report") in {(h.predicate, h.type, h.type_rule) for h in found}, found


@pytest.mark.parametrize("published, later, date_, rule", [
    # a Sunday paper about Saturday's call: the undated past-tense report is Saturday's
    (date(2022, 2, 13), "The Kremlin answered that its own security proposals had been brushed aside.",
     "2022-02-12", "lead-event-day"),
    # the present perfect is news of the day of publication
    (date(2022, 2, 13), "Several governments have told their citizens to leave Ukraine.",
     "2022-02-13", "publication-date"),
    # a lede dated long before publication sets no news day
    (date(2022, 2, 19), "The Kremlin answered that its own security proposals had been brushed aside.",
     "2022-02-19", "publication-date"),
])
def test_the_lede_sets_the_news_day(nlp, published: date, later: str, date_: str, rule: str) -> None:
    found = happenings(nlp, "Vladimir Putin spoke with Joe Biden by telephone on Saturday, February 12.\n\n" + later,
                            published=published)
    last = found[-1]
    assert (last.date, last.evidence.rule) == (date_, rule), [(h.title, h.date, h.evidence.rule) for h in found]


def test_the_length_of_a_meeting_joins_the_meeting(nlp) -> None:
    found = happenings(nlp, "Delegations from Ukraine and Russia met on Monday near the Belarusian border.\n\n"
                            "The meeting lasted about five hours.")
    assert len(found) == 1, [h.title for h in found]
    assert "five hours" in found[0].summary


def test_a_lede_that_reports_the_days_news_keeps_the_publication_day(nlp) -> None:
    # the background clause of the lede ("a day after Russia recognised…") sets no news day
    found = happenings(nlp, "Olaf Scholz said on Tuesday that Germany was stopping the certification of the pipeline, "
                            "a day after Russia recognised two separatist regions of Ukraine.\n\n"
                            "US President Joe Biden announced sanctions on two Russian state banks.",
                            published=date(2022, 2, 22))
    last = found[-1]
    assert (last.date, last.evidence.rule) == ("2022-02-22", "publication-date"), [(h.title, h.date) for h in found]
