"""A title keeps what its verb needs and never stops where its phrase goes on; a headline
or a byline run into the sentence is left out. Articles written for the test."""

from __future__ import annotations

import pytest

from conftest import titles_of

WORDS = 14


@pytest.mark.parametrize("text, title", [
    # an infinitive after the object of a verb that needs one
    ("The port authority ordered the crews to leave the harbour on Monday.",
     "The port authority ordered the crews to leave the harbour"),
    # an infinitive that says what a noun is for
    ("Ines Varga said on Monday that the council had no reason to delay the vote on the bridge.",
     "Ines Varga said that the council had no reason to delay the vote"),
    # a relative clause that says which of a definite object is meant
    ("Tomas Brenn criticised on Tuesday the conditions in which the miners are being held.",
     "Tomas Brenn criticised the conditions in which the miners are being held"),
    # "only after" is what the sentence says
    ("Officials said on Monday that the coastguard sailed only after the ferry had sunk.",
     "the coastguard sailed only after the ferry had sunk"),
    # an infinitive after a "for" phrase says what it is for
    ("The school has arranged for all pupils and staff to be offered free vaccinations on Monday.",
     "The school has arranged for all pupils and staff to be offered free vaccinations"),
    # what a claim said comes back before who made it
    ("Arthur Lind on Monday denied claims by the ruling party's officials that he will join the administration "
     "of the president.", "Arthur Lind denied claims that he will join the administration"),
    # an "as" that gives the subject a role
    ("Petra Lund was appointed on Monday as the senator's personal physician.",
     "Petra Lund was appointed as the senator's personal physician"),
])
def test_a_title_keeps_what_the_verb_needs(nlp, text: str, title: str) -> None:
    titles = titles_of(nlp, text)
    assert any(title in t for t in titles), titles


@pytest.mark.parametrize("text, ending, never", [
    # what the verb acts on comes back before an aside about the subject
    ("The trust, set up with a firm of accountants in Lowmoor, was sold on Monday to a Swiss banker employed "
     "by three companies owned by the Brenn family.", "to a Swiss banker", "was sold"),
    # an adjective after its noun that lost its phrase goes with it
    ("Mourners gathered in Tarvik on Friday for the nine sailors who died when their supply ship was sunk by "
     "enemy submarines close to the coast between the two islands on Wednesday.",
     "", "close"),
    # an adverb of time whose day went goes too
    ("Director Ana Brill says the agency will launch an appeal for $550m later on Friday.",
     "appeal for $550m", "later"),
    # a phrase whose noun lost the infinitive that said what it is of goes too
    ("Lars Berg called the march on Monday a logistical success in its ability to mobilise people but a "
     "tactical failure.", "logistical success", "in its ability"),
    ("The Democratic Party is said on Monday to have put aside its objections in order to join the talks with the "
     "governing coalition of the country.", "put aside its objections", "in order"),
    # a phrase on an empty noun goes when the clause that described it went
    ("Norland ordered the culling of all its 20,000 goats on Thursday in a move that farmers called a disaster.",
     "goats", "in a move"),
])
def test_a_title_never_stops_where_its_phrase_goes_on(nlp, text: str, ending: str, never: str) -> None:
    titles = titles_of(nlp, text)
    assert titles, text
    for title in titles:
        assert not title.endswith(never), titles
        assert len(title.split()) <= WORDS + 2, title
    assert any(ending in t for t in titles), titles


@pytest.mark.parametrize("text, title", [
    # a page word run into the sentence
    ("Share A driver for the senator was arrested in Tarvik on Monday.",
     "A driver for the senator was arrested in Tarvik"),
    # a byline with its time, cut off at the bar
    ("Jon Ekdal | 09:12 AM, Monday, 3 May 2021 One of Norland's best known surgeons was arrested in Tarvik "
     "on Monday.", "One of Norland's best known surgeons was arrested in Tarvik"),
    # a headline run into the first sentence
    ("Harbour Chief Quits Over Spill Two days ago, the head of the Tarvik port authority resigned over the "
     "oil spill.", "The head of the Tarvik port authority resigned over the oil spill"),
    # a headline in lower case run into a subject written with a capital
    ("Lena Hale jury to return after weekend Prosecutors ended their case by saying Dr Lena Hale had been "
     "reckless.", "Prosecutors ended their case by saying Lena Hale had been reckless"),
])
def test_a_headline_or_byline_run_in_is_left_out(nlp, text: str, title: str) -> None:
    titles = titles_of(nlp, text)
    assert title in titles, titles


@pytest.mark.parametrize("text", [
    "In an interview with The Tarvik Herald on Monday, Ines Varga said she would retire.",
    "On Monday The Tarvik Herald reported that the bank had failed.",
])
def test_a_name_with_a_capital_article_is_no_run_in(nlp, text: str) -> None:
    titles = titles_of(nlp, text)
    assert titles and all("Varga" in t or "Herald" in t for t in titles), titles
