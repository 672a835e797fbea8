"""Which candidates are news of the day: background told past the lede, another
story run into the page, opinion pages, and the weeks and seasons of a Sunday or
autumn paper. Articles written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import happenings, untitled

THURSDAY = date(2011, 11, 3)
SUNDAY = date(2008, 9, 14)


def _found(nlp, text: str, published: date = THURSDAY, title: str | None = None, section: str | None = None,
           url: str | None = None):
    from timeline.extract.actors.mentions import find_mentions
    from timeline.extract.events import find_happenings
    from timeline.extract.temporal import find_timexes
    from timeline.records import Article

    doc = nlp(text)
    article = Article(id="a", path="a.txt", title=untitled(text) if title is None else title, text=text,
                      published=published, section=section, url=url)
    return find_happenings(doc, article, find_timexes(doc, published), find_mentions(doc, None), {})


TRIAL = ("Jurors in the manslaughter trial of Dr Felix Marsh heard closing arguments in Los Angeles on Thursday. "
         "Prosecutors told the jury that Marsh had left his patient alone.\n\n"
         "The singer Ada Blue died at her home in June 2009. "
         "The county coroner found a sedative in her blood. "  # background, the text's time is 2009
         "Police arrested Marsh's assistant in Houston.\n\n"  # still 2009: background
         "Fans of the singer gathered outside the courthouse on Thursday.")


def test_past_the_lede_an_undated_past_after_an_earlier_year_is_background(nlp) -> None:
    found = _found(nlp, TRIAL, title="Ada Blue's doctor on trial: the jury hears closing arguments")
    titles = {h.title: h.date for h in found}
    assert not [t for t in titles if "sedative" in t or "arrested" in t], titles
    assert titles.get("Ada Blue died at her home") == "2009-06", titles
    assert [d for t, d in titles.items() if "closing arguments" in t] == ["2011-11-03"], titles


def test_the_days_news_after_background_is_news_again(nlp) -> None:
    titles = {h.title: h.date for h in _found(nlp, TRIAL)}
    assert [d for t, d in titles.items() if "gathered outside the courthouse" in t] == ["2011-11-03"], titles


@pytest.mark.parametrize("sentence", [
    "In recent months, the central bank has led a campaign for a new monetary order.",  # a stretch of months
    "In the days that followed, the campaign team became more aggressive.",
    "Months later, the doctor was charged with manslaughter.",  # after another happening, not today
    "The president recently stated that he believes in persistence.",
    "At least 643 people have died since the fighting began.",  # a running tally
    "On its first day of operation, the hotline took 27,000 calls.",  # a day of its own
    "The doctor was performing CPR on the day the singer died.",
])
def test_a_clause_told_over_a_stretch_or_at_another_time_is_not_dated_by_publication(nlp, sentence: str) -> None:
    found = happenings(nlp, sentence, published=THURSDAY)
    assert not [h for h in found if h.evidence.rule == "publication-date"], found


def test_a_counted_stretch_up_to_the_news_keeps_the_publication_day(nlp) -> None:
    found = happenings(nlp, "Rebels massed 5,000 fighters near the capital over three months.", published=THURSDAY)
    assert [h.date for h in found] == ["2011-11-03"], found


ROUNDUP = ("The president of Freedonia, Rufus Firefly, resigned on Thursday. Parliament will elect a successor "
           "next week. Crowds gathered outside the palace in the capital. The interior ministry closed the "
           "central square.\n\n"
           "In February, a golfer's former girlfriend called on her lawyers to stop the sale of novelty golf balls. "
           "The maker withdrew the balls in March.\n\n"  # another story, of months before
           "In 1994, Parliament passed the constitution that created the presidency. "  # one line of background
           "Envoys of the neighbouring states are expected to meet in Geneva next week.")  # a plan of the days ahead


def test_another_story_of_months_before_is_not_read_but_one_background_line_is(nlp) -> None:
    titles = {h.title: h.date for h in _found(nlp, ROUNDUP)}
    assert not [t for t in titles if "golf" in t or "balls" in t], titles
    assert [d for t, d in titles.items() if "constitution" in t] == ["1994"], titles
    assert [t for t in titles if "Geneva" in t or "Envoys" in t], titles


PROMPT = "Have you been caught up in the strike? Tell us what happened by posting on our readers' forum page."
DIGEST = ("Port workers in Rotterdam walked out on Wednesday over a new shift rota, halting container traffic. "
          "The union said the strike would last until the rota was withdrawn.\n\n"
          "Have you been caught up in the strike? Tell us what happened by posting on our readers' forum page.\n\n"
          "The mayor of Lisbon unveiled a statue of a fado singer yesterday in the old quarter. "
          "Yesterday the city council also renamed a square after the singer.\n\n"
          "Have you been caught up in the strike? Tell us what happened by posting on our readers' forum page.")


def test_a_digest_lists_its_own_news_and_not_the_other_items_of_the_page(nlp) -> None:
    """The repeated prompt marks a roundup: the items that share nothing with the headline
    are other stories, even when they are dated yesterday."""
    titles = [h.title for h in _found(nlp, DIGEST, title="Rotterdam port workers strike over shift rota")]
    assert [t for t in titles if "strike" in t.lower() or "walked out" in t], titles
    assert not [t for t in titles if "statue" in t or "square" in t or "Lisbon" in t], titles
    # without its repeated prompt, or with a repeated line that speaks to no one (a caption
    # scraped twice), the page is no digest: a dated item is kept
    single = DIGEST.rsplit("\n\nHave you", 1)[0]
    caption = "The harbour master, centre, speaks to pickets at the gate of the container terminal."
    twice = DIGEST.replace(PROMPT, caption)
    for page in (single, twice):
        kept = [h.title for h in _found(nlp, page, title="Rotterdam port workers strike over shift rota")]
        assert [t for t in kept if "statue" in t or "square" in t], kept


COLUMN = ("The last doctor of the singer was convicted by a California jury because the law demanded it. "
          "The prosecution's theory resonated with the jury. "
          "I suspect few jurors would have searched for a more complex story. "
          "My own view is that the verdict was right. "
          "The defence called 15 witnesses in October.")


def test_an_opinion_page_lists_only_what_it_dates(nlp) -> None:
    found = _found(nlp, COLUMN)
    assert [h.date for h in found] == ["2011-10"], [(h.title, h.date) for h in found]


@pytest.mark.parametrize("title, section, url", [
    ("Comment: a verdict the law demanded", None, None),
    ("A verdict the law demanded", "Opinion", None),
    ("A verdict the law demanded", None, "https://example.org/commentisfree/2011/nov/03/verdict"),
])
def test_a_page_labelled_as_views_lists_only_what_it_dates(nlp, title: str, section: str | None,
                                                          url: str | None) -> None:
    text = "The prosecution's theory resonated with the jury. The defence called 15 witnesses in October."
    if url:
        url = url.replace("commentisfree", "comment")
    found = _found(nlp, text, title=title, section=section, url=url)
    assert [h.date for h in found] == ["2011-10"], [(h.title, h.date) for h in found]


def test_a_report_that_quotes_someone_in_the_first_person_is_no_column(nlp) -> None:
    text = ('Dr Felix Marsh was convicted of manslaughter in Los Angeles. "I am devastated," Marsh told reporters. '
            '"My family stands by me," he said.')
    found = _found(nlp, text)
    assert [h.date for h in found if "convicted" in h.title] == ["2011-11-03"], found


@pytest.mark.parametrize("sentence, value", [
    ("Last week, police detained hundreds of lawyers.", "2008-W37"),  # the week now ending
    ("The executive is to discuss his future this week.", "2008-W38"),  # the week from tomorrow
    ("The minister will travel to Harare next week.", "2008-W38"),
    ("This week, police detained hundreds of lawyers.", "2008-W37"),
])
def test_a_sunday_papers_weeks(nlp, sentence: str, value: str) -> None:
    from timeline.extract.temporal import find_timexes_in_text

    assert [t.value for t in find_timexes_in_text(sentence, SUNDAY, nlp)] == [value]


def test_this_summer_in_an_autumn_paper_told_in_the_past_is_the_summer_gone(nlp) -> None:
    from timeline.extract.temporal import find_timexes_in_text

    text = "The rift grew after he ordered militants to withdraw this summer."
    found = find_timexes_in_text(text, date(1999, 10, 12), nlp)
    assert [t.value for t in found] == ["1999-SU"]


def test_what_a_source_said_after_a_lede_of_yesterday_is_of_yesterday(nlp) -> None:
    text = ("Alan Grey, the former head of the central bank, was questioned by a congressional committee yesterday. "
            "Grey said the crisis had shaken his understanding of how markets work.")
    found = _found(nlp, text, published=date(2008, 10, 24))
    assert [(h.title, h.date) for h in found if "shaken" in h.title] == [
        ("Alan Grey said the crisis had shaken his understanding of how markets work", "2008-10-23")], found


def test_a_correction_printed_with_the_story_is_no_event(nlp) -> None:
    text = ("The Treasury proposed a $500 billion rescue of the banks on Thursday. "
            "This article misstated the first name of James Lockhart, the head of the housing agency.")
    titles = [h.title for h in _found(nlp, text)]
    assert not [t for t in titles if "misstated" in t], titles


def test_a_year_the_text_names_without_a_happening_sets_its_time_to_the_past(nlp) -> None:
    text = ("Nawaz Sharif was ousted by the army on Tuesday in a bloodless coup. The general addressed the nation "
            "on Wednesday. Troops guarded the state television building in Islamabad on Wednesday. "
            "Washington called for a swift return to civilian rule on Wednesday. "
            "The rift grew from the summer of 1999's ill-advised incursions into Kashmir.\n\n"
            "Sharif ordered his army to pull back from the mountains.")  # the 1999 story goes on
    titles = [h.title for h in _found(nlp, text, published=date(1999, 10, 14))]
    assert not [t for t in titles if "pull back" in t], titles


def test_an_announcement_of_an_act_in_the_past_story_is_background_too(nlp) -> None:
    text = ("The report on the Marikana shootings will be released by the end of June, Jacob Zuma said on Tuesday. "
            "The report has been awaited for months. "
            "Lawyers for the families went to court on Monday to force its release. "
            "Police shot 34 miners dead at the Marikana mine in August 2012.\n\n"
            "Zuma immediately announced a judicial commission of inquiry.")
    titles = [h.title for h in _found(nlp, text, published=date(2015, 5, 26))]
    assert not [t for t in titles if "commission" in t], titles


def test_a_vow_in_the_present_perfect_is_not_dated_to_the_day_it_speaks_of(nlp) -> None:
    text = ("Police arrested 300 lawyers in Lahore on Saturday. The interior ministry has vowed to stop the "
            "marchers from reaching Islamabad for a sit-in in front of Parliament tomorrow.")
    found = _found(nlp, text, published=SUNDAY)
    assert [(h.date, h.status) for h in found if "vowed" in h.title] == [("2008-09-14", "occurred")], found


def test_a_side_clause_of_the_same_time_dates_its_main_clause(nlp) -> None:
    text = ("Rebels seized the town on Thursday. "
            "As the crisis began to spread last month, the central bank of Freedonia raised its rates.")
    found = _found(nlp, text)
    assert [h.date for h in found if "raised its rates" in h.title] == ["2011-10"], found


def test_what_was_said_afterwards_is_news_of_the_day(nlp) -> None:
    text = ("Olaf Scholz and Vladimir Putin held talks in Moscow on Thursday. "
            "Russia's defence ministry later said some units had returned to their bases.")
    found = _found(nlp, text)
    assert [h.date for h in found if "returned to their bases" in h.title] == ["2011-11-03"], found


def test_a_state_reached_since_is_not_dated_by_the_clause_it_is_joined_to(nlp) -> None:
    text = ("Opposition leaders met in Harare on Saturday to choose a new chairman. "
            "Their unity government with the ruling party ended last year and the ruling party has ruled alone "
            "since then. Lawmakers have argued over the budget for two years.")
    found = {h.title: h.date for h in _found(nlp, text, published=date(2014, 4, 27))}
    assert any("met in Harare" in t for t in found), found
    assert any(t.endswith("ended") and d == "2013" for t, d in found.items()), found
    assert not [t for t in found if "ruled alone" in t or "argued" in t], found


ELECTION = ("Opposition leader Karim Osei claimed victory in Tuesday's parliamentary election in Westland. "
            "Osei's National Front won 92 of the 150 seats, the electoral commission said on Wednesday.\n\n"
            "The Unity Party, the country's oldest, was founded in 1967 by the lawyer Samuel Adu. "
            "General Tobias Mensah, who ruled the country for a decade, was killed in a helicopter crash in 1988. "
            "Osei was first elected to parliament in 1996.")


def test_history_a_report_recalls_is_no_event_but_its_protagonists_past_keeps_its_date(nlp) -> None:
    found = _found(nlp, ELECTION, published=date(2008, 2, 21), title="Osei claims victory in Westland election")
    titles = {h.title: h.date for h in found}
    assert not [t for t in titles if "founded" in t or "helicopter" in t], titles  # others' history
    assert [d for t, d in titles.items() if "first elected" in t] == ["1996"], titles  # the protagonist's own past
    assert [d for t, d in titles.items() if "claimed victory" in t] == ["2008-02-19"], titles


def test_history_in_a_report_of_the_same_year_is_still_news(nlp) -> None:
    """The helicopter crash told within the year is the news of the months before, kept with its date."""
    text = ELECTION.replace("in 1988", "in March 2007")
    titles = {h.title: h.date for h in _found(nlp, text, published=date(2008, 2, 21),
                                                 title="Osei claims victory in Westland election")}
    assert [d for t, d in titles.items() if "helicopter" in t] == ["2007-03"], titles
