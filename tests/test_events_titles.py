"""Titles cut from the article's own clause: one row per sentence a news editor would headline."""

from __future__ import annotations

import re

import pytest

from conftest import happenings

NEVER_LAST = {"on", "in", "at", "and", "or", "but", "then", "to", "of", "the", "a", "after", "before"}
NEVER_FIRST = {"and", "or", "but", "then", "after", "before", "while", "on", "in", "at"}


@pytest.mark.parametrize("sentence, title", [
    # a time expression leaves with its preposition; what is coordinated with it stays
    ("Olaf Scholz is due in Kyiv on Monday and in Moscow on Tuesday.", "Olaf Scholz is due in Kyiv and in Moscow"),
    # a quotation before its verb of saying: the speaker first; their own words kept word for word
    ("“We will not give up,” Zelensky said on Friday.", "Zelensky said: “We will not give up”"),
    ("“The convoy has left the city,” said commander Maria Shcherbenko on Saturday.",
     "Maria Shcherbenko said the convoy has left the city"),
    ("Several thousand Ukrainians marched through Kyiv on Saturday and on Sunday.",
     "Several thousand Ukrainians marched through Kyiv"),
    ("Chancellor Olaf Scholz will travel to Kiev on Monday and then visit Putin.",
     "Olaf Scholz will travel to Kyiv and then visit Putin"),
    # "The call came" says nothing: the clause it measured from is the happening
    ("The call came hours after Putin spoke to Macron on Saturday.", "Putin spoke to Macron"),
    # relative clauses and fronted adverbials are cut at their boundary
    ("The talks, which lasted an hour, ended without agreement on Tuesday.", "The talks ended without agreement"),
    ("On Friday, after a long meeting in Brussels, NATO ministers agreed to send more ships.",
     "NATO ministers agreed to send more ships"),
    # actors under their canonical names, each once, roles left out
    ("The Airbus 380 will wear the livery of Singapore Airlines on Monday.",
     "The Airbus 380 will wear the livery of Singapore Airlines"),
    ("Washington on Friday issued its direst warning yet.", "The United States issued its direst warning yet"),
    ("Russian President Vladimir Putin spoke to his French counterpart Emmanuel Macron on Saturday.",
     "Vladimir Putin spoke to his French counterpart Emmanuel Macron"),
    # a name built on a common noun keeps its article; a description stays as written, never half-replaced
    ("Putin complained on Saturday that Washington had not addressed Moscow's main demands.",
     "Putin complained that the United States had not addressed Russia's main demands"),
    ("Putin ordered the Russian armed forces to carry out peacekeeping in the two regions on Monday.",
     "Putin ordered the Russian armed forces to carry out peacekeeping in the two regions"),
    ("The allies said on Saturday they would restrict the Russian central bank's ability to use its reserves.",
     "The allies said they would restrict the Russian central bank's ability to use its reserves"),
    ("European Commission President Ursula von der Leyen said on Sunday that the bloc would close its airspace.",
     "Ursula von der Leyen said that the bloc would close its airspace"),
    # a long clause is cut part by part, never down to a bare "Delegations met"
    ("Delegations from Ukraine and Russia met on Monday near the Belarusian border, in the Gomel region, for the "
     "first talks since the invasion began.",
     "Delegations from Ukraine and Russia met near the Belarusian border in the Gomel region"),
    # a list keeps its commas
    ("The United States, the European Union and Britain condemned the recognition on Monday.",
     "The United States, the European Union and the United Kingdom condemned the recognition"),
    ("Explosions were heard in Kyiv, Kharkiv and other cities on Thursday.",
     "Explosions were heard in Kyiv, Kharkiv and other cities"),
    # an office as subject is the person named with it before
    ("German Chancellor Olaf Scholz met Volodymyr Zelensky in Kyiv on Monday.\n\n"
     "The chancellor is due to meet Vladimir Putin in Moscow on Tuesday.",
     "Olaf Scholz is due to meet Vladimir Putin in Moscow"),
    # a subject in the copula above "due to": the title keeps it
    ("The chancellor is due to meet Vladimir Putin in Moscow on Tuesday.",
     "The chancellor is due to meet Vladimir Putin in Moscow"),
])
def test_title(nlp, sentence: str, title: str) -> None:
    titles = [h.title for h in happenings(nlp, sentence)]
    assert title in titles, titles


@pytest.mark.parametrize("sentence", [
    "Russia's Defense Ministry said on Saturday it had expelled a US submarine.",
    "The ministry said on Saturday that talks would resume in Geneva and in Vienna on Monday.",
    "Talks between Russia and Ukraine resumed in Istanbul on March 29, 2022, and in Minsk a week later.",
])
def test_no_title_ends_on_a_function_word_or_glues_words(nlp, sentence: str) -> None:
    for happening in happenings(nlp, sentence):
        words = happening.title.lower().split()
        assert words[-1] not in NEVER_LAST and words[0] not in NEVER_FIRST, happening.title
        assert not re.search(r"\)\w", happening.title), happening.title  # a name glued to the next word


def test_a_relative_or_participial_clause_is_titled_with_the_noun_it_describes(nlp) -> None:
    found = happenings(nlp, "Prime Minister Pedro Sanchez, who visited the island on Friday, promised aid.\n\n"
                            "The island's airport, which was closed last week because of ash, reopened on Wednesday.")
    titles = {h.date: h.title for h in found}
    assert titles["2022-02-11"] == "Pedro Sanchez visited the island"
    assert titles["2022-02-09"] == "The island's airport reopened"


def test_a_clause_of_time_under_a_verb_of_saying_is_not_what_was_said(nlp) -> None:
    found = happenings(nlp, "The general declared himself leader on Friday, two days after his soldiers "
                            "detained the president.")
    assert found[0].title == "The general declared himself leader"
