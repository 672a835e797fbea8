"""Who "the 50-year-old", "his doctor" or "that nation" is, and whose "the trial" is, when the
article makes it certain; and the ties that must not be made. Articles written for the test."""

from __future__ import annotations

import pytest

from conftest import happenings


def _event(nlp, text: str, starts: str) -> tuple[str, set[str]]:
    """The title and actor names of the happening whose title opens with ``starts``."""
    found = [h for h in happenings(nlp, text, headline="Headline") if h.title.startswith(starts)]
    assert found, [h.title for h in happenings(nlp, text, headline="Headline")]
    return found[0].title, {a.name for a in found[0].actors}


@pytest.mark.parametrize("text, starts, written, actor", [
    # a happening told by a definite noun, qualified once before by a person's name
    ("The trial of former minister Ed Brandt opened in Oslo on Monday. Anna Lind said on Tuesday that she was "
     "troubled by the trial.", "Anna Lind said", "Anna Lind said that she was troubled by Ed Brandt's trial",
     "Ed Brandt"),
    # a person's "of" phrase keeps its "of" where a possessive would say another thing
    ("A film of Ed Brandt was shown in Oslo on Monday. Anna Lind said on Tuesday that she was troubled by the film.",
     "Anna Lind said", "Anna Lind said that she was troubled by the film of Ed Brandt", "Anna Lind"),
    ("Ed Brandt's manslaughter trial opened in Oslo on Monday. Anna Lind said on Tuesday that she was troubled by "
     "the trial.", "Anna Lind said", "Anna Lind said that she was troubled by Ed Brandt's trial", "Ed Brandt"),
    # a proper noun in front of the noun says which one
    ("Stark Capital signed a deal to run the Oslo port on Monday. The Oslo port deal was worth $4 billion. The deal "
     "was signed by Ed Brandt in Oslo on Tuesday.", "The Oslo port deal was signed",
     "The Oslo port deal was signed by Ed Brandt in Oslo", "Ed Brandt"),
    # a body's "of" phrase keeps its "of": whose purchase it was is not said
    ("Stark Capital agreed the purchase of Lowther Bank on Monday. The purchase closed on Friday.",
     "The purchase", "The purchase of Lowther Bank closed", "Lowther Bank"),
    # the one person the article gives that age
    ("Ed Brandt, 50, died in Oslo on Thursday. Police questioned the 50-year-old on Friday.",
     "Police questioned", "Police questioned Ed Brandt", "Ed Brandt"),
    ("The 50-year-old singer Ed Brandt died in Oslo on Thursday. Police said on Friday that the 50-year-old had been "
     "poisoned.", "Police said", "Police said that Ed Brandt had been poisoned", "Ed Brandt"),
    # a person told by whose they are: the one the article names so, never the owner
    ("The singer Ed Brandt died in Oslo on Thursday. Ed Brandt's doctor, Carl Dahl, was questioned on Friday. "
     "Police interviewed his doctor on Saturday.", "Police interviewed", "Police interviewed Carl Dahl", "Carl Dahl"),
    ("The singer Ed Brandt died in Oslo on Thursday. Ed Brandt's doctor, Carl Dahl, was questioned on Friday. "
     "Police interviewed Ed Brandt's doctor on Saturday.", "Police interviewed", "Police interviewed Carl Dahl",
     "Carl Dahl"),
    # "that nation": the one country the article is about
    ("Peru reported 40 new cases of the flu on Monday. Peru closed its schools on Tuesday. Peru asked for help. "
     "That nation asked the World Bank on Wednesday for $200 million in loans.", "Peru asked the World Bank",
     "Peru asked the World Bank for $200 million in loans", "Peru"),
])
def test_a_description_is_written_as_the_one_the_article_makes_certain(nlp, text, starts, written, actor):
    title, actors = _event(nlp, text, starts)
    assert title == written
    assert actor in actors


@pytest.mark.parametrize("text, starts, written", [
    # two trials so told: which one is not certain
    ("The trial of Ed Brandt opened in Oslo on Monday. The trial of Anna Lind opened in Bergen on Tuesday. Carl Dahl "
     "criticised the trial on Wednesday.", "Carl Dahl criticised", "Carl Dahl criticised the trial"),
    # a trial never qualified
    ("Ed Brandt was arrested in Oslo on Monday. The trial opened on Friday.", "The trial", "The trial opened"),
    # two people of that age
    ("Ed Brandt, 50, and Anna Lind, 50, died in Oslo on Thursday. Police said on Friday that they had questioned "
     "the 50-year-old.", "Police said", "Police said that they had questioned the 50-year-old"),
    # two doctors named by whose they are: "his doctor" may be either
    ("The singer Ed Brandt died in Oslo on Thursday. Ed Brandt's doctor, Carl Dahl, was questioned on Friday. Anna "
     "Lind's doctor, Ivo Marek, resigned on Monday. Police interviewed his doctor on Saturday.",
     "Police interviewed", "Police interviewed his doctor"),
    # "his" read as the doctor himself: never "Carl Dahl's doctor"
    ("The singer Ed Brandt died in Oslo on Thursday. His doctor, Carl Dahl, was questioned on Friday. Police "
     "interviewed his doctor on Saturday.", "Police interviewed", "Police interviewed his doctor"),
])
def test_a_description_stays_when_the_article_leaves_it_open(nlp, text, starts, written):
    title, _ = _event(nlp, text, starts)
    assert title == written
