"""A page whose prose reports few people's words and whose writer argues (an essay, a
letter, an analysis) is a page of views: it lists only what it dates by an expression of
its own. A report that says who said what, or a plain account whose writer never speaks
as a person or to the reader, lists its news of the day."""

from __future__ import annotations

from datetime import date

from tests.conftest import titles_of

DAY = date(2012, 11, 6)
LEDE = "The island's fishing cooperative bought two new trawlers."
ACCOUNT = " ".join([
    LEDE,
    "The island has always lived by the weather and by the price of cod.",
    "Its harbours were built for a smaller trade and a slower century.",
    "A younger generation sees little future in the boats.",
    "A storm sank three boats off the north cape on Sunday.",
    "Diesel grew dearer through the decade.",
    "The quotas shrank and the canneries closed one by one.",
    "Few families still send their sons to sea.",
    "The trawlers are a wager on a future the island may not have.",
])
ESSAY = ACCOUNT + " Who among us would bet against the sea?"
REPORT = " ".join([
    LEDE + " Its chairman, Jon Berg, said the boats would sail from Tromsø.",
    '"We have waited ten years for this," Berg told reporters.',
    "The fisheries minister, Anna Holt, promised a rescue plan in March 2012, he said.",
    "The loan came from a regional bank, according to the cooperative.",
    '"It is a good day for the harbour," said the mayor, Eva Lind.',
    "The quotas shrank and the canneries closed one by one.",
    "Diesel grew dearer through the decade, Berg added.",
    "The boats will carry crews of six, the cooperative said.",
])


def test_a_page_that_reports_few_peoples_words_lists_only_what_it_dates(nlp) -> None:
    titles = titles_of(nlp, ESSAY, published=DAY, headline="A wager on the sea")
    assert not [t for t in titles if "trawlers" in t], titles  # dated only by the page's day
    assert [t for t in titles if "storm sank" in t], titles  # dated by the text: Sunday


def test_a_report_that_says_who_said_what_lists_its_news_of_the_day(nlp) -> None:
    titles = titles_of(nlp, REPORT, published=DAY, headline="Fishing cooperative buys two trawlers")
    assert [t for t in titles if "trawlers" in t], titles


def test_an_account_whose_writer_never_argues_lists_its_news_of_the_day(nlp) -> None:
    titles = titles_of(nlp, ACCOUNT, published=DAY, headline="A wager on the sea")
    assert [t for t in titles if "trawlers" in t], titles


MARKET = " ".join([
    "Shares of the island's fishing cooperative fell 12 percent after it bought two new trawlers.",
    "The cooperative's chairman, Jon Berg, said the boats would sail from Tromsø.",
    "The fisheries minister, Anna Holt, said the government will guarantee the loan.",
    '"The greatest threat is a falling price of cod," said Per Lunde, a fund manager at Nordic Capital.',
    "Kari Dahl, an economist at the University of Bergen, said the cooperative will struggle to repay it.",
    "Ola Vik, an analyst at Fjord Securities, said the cooperative had sold its old boats in March.",
])


def test_a_commentators_reading_of_the_news_is_no_event_but_an_officials_statement_is(nlp) -> None:
    titles = titles_of(nlp, MARKET, published=DAY, headline="Fishing cooperative shares fall")
    assert not [t for t in titles if "greatest threat" in t or "struggle to repay" in t], titles  # judging, forecasting
    assert [t for t in titles if "guarantee the loan" in t], titles  # a minister's word is news
    assert [t for t in titles if "old boats" in t], titles  # what an analyst says happened, dated, stays


STATES = " ".join([
    "The island's fishing cooperative bought two new trawlers on Saturday.",
    "Its chairman, Jon Berg, said the boats would sail from Tromsø.",
    "The loan came from a regional bank, the cooperative said on Saturday.",
    "The fisheries minister, Anna Holt, welcomed the purchase on Sunday.",
    "Fishing shapes the life of every family on the island today.",
    "The Tromsø harbour museum, the town's oldest building, reopens today three years after it closed.",
])


def test_what_holds_told_in_the_present_past_the_lede_is_no_event(nlp) -> None:
    titles = titles_of(nlp, STATES, published=DAY, headline="Fishing cooperative buys two trawlers")
    assert not [t for t in titles if "shapes" in t], titles  # what holds "today"
    assert [t for t in titles if "welcomed the purchase" in t], titles  # what happened, told before it
    assert [t for t in titles if "reopens" in t], titles  # what happens today


def _held(nlp, sentence: str) -> bool:
    """Whether ``sentence``, dated by its "today", tells what holds rather than what happens."""
    from timeline.extract.events.candidate import Anchor
    from timeline.extract.events.clauses import mood_of
    from timeline.extract.events.newsworthy import _standing_present
    from timeline.extract.events.vocabulary import load_vocabulary
    from timeline.records import DateEvidence, Timex

    vocab = load_vocabulary()
    doc = nlp(sentence)
    root = next(t for t in doc if t.dep_ == "ROOT")
    today = next(t for t in doc if t.lower_ == "today")
    timex = Timex(today.idx, today.idx + 5, today.text, "DATE", DAY.isoformat())
    anchor = Anchor(verb=root, title_root=root, is_main=True, is_reporting=False, mood=mood_of(root, vocab),
                    group=set(), timexes=[(timex, "dct-relative-day", today)],
                    evidence=DateEvidence("dct-relative-day", "today", DAY.isoformat()), type="diplomacy")
    return _standing_present(anchor, vocab)


def test_a_state_today_holds_but_a_plan_or_a_happening_today_happens(nlp) -> None:
    assert _held(nlp, "Fishing remains the life of every family on the island today.")
    assert not _held(nlp, "Today Anna Holt is due in Tromsø for talks on the fishing quotas.")
    assert not _held(nlp, "The harbour museum reopens today.")
