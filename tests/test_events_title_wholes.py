"""A title keeps what a reader needs to follow it: the phrase a noun names nothing without,
what a written statement says, the subject an opening phrase swallowed, and which thing a
bare "the trial" is. Articles written for the test."""

from __future__ import annotations

import pytest

from conftest import titles_of


@pytest.mark.parametrize("text, title", [
    # a cut in what, deaths from what
    ("Senators warned on Friday that the vote could bring about a cut in military aid to the republic.",
     "Senators warned that the vote could bring about a cut in military aid to the republic"),
    ("The regional health board on Sunday raised its count of confirmed deaths from the fever in the valley to 14.",
     "The regional health board raised its count of confirmed deaths from the fever to 14"),
    # a package of what, though a clause on its noun went
    ("In an interview with a weekly paper, Norway's fisheries minister, Ravi Menon, outlined a package of "
     "measures he said would halve the cod catch.", "Ravi Menon outlined a package of measures"),
    # a deadline for what, though the parser hung the clause on the verb
    ("The trade bloc on Monday set a two-month deadline for the junta to free political prisoners and hold "
     "elections.", "The trade bloc set a two-month deadline for the junta to free political prisoners"),
])
def test_a_noun_keeps_the_phrase_it_names_nothing_without(nlp, text: str, title: str) -> None:
    assert title in titles_of(nlp, text)


@pytest.mark.parametrize("text, title", [
    ("Lawyers for the union on Monday lodged an affidavit with the appeals court alleging that the mayor had "
     "taken bribes from a builder.",
     "Lawyers lodged an affidavit alleging that the mayor had taken bribes from a builder"),
    ("The opposition sent a letter to the president on Friday demanding the release of three journalists.",
     "The opposition sent a letter to the president demanding the release of three journalists"),
])
def test_a_written_statement_keeps_what_it_says(nlp, text: str, title: str) -> None:
    assert title in titles_of(nlp, text)


@pytest.mark.parametrize("text, title", [
    ("In an interview with a weekly paper, Norway's fisheries minister, Ravi Menon, outlined a package of "
     "measures he said would halve the cod catch.", "Ravi Menon outlined"),
    ("In line with rules drawn up by the late Anna Lind, the council yesterday closed its two-day meeting by "
     "approving the budget.", "The council closed its two-day meeting by approving the budget"),
    # the name alone, not the description beside it
    ("As a young officer, the country's president, Ivo Marek, paid a state visit to Norway in 1973 before his "
     "long career had begun.", "Ivo Marek paid a state visit to Norway"),
])
def test_an_opening_phrase_is_never_run_into_the_title(nlp, text: str, title: str) -> None:
    titles = titles_of(nlp, text)
    assert any(t.startswith(title) for t in titles), titles
    assert not any(" In " in t or "interview" in t or "In line" in t or "officer" in t for t in titles), titles


def test_a_bare_definite_takes_whose_it_is_from_the_next_sentence(nlp) -> None:
    text = ("The trial was put off again on Monday. Ivo Marek's fraud trial had been due to open in March, but his "
            "lawyers asked for more time.")
    assert any(t.startswith("Ivo Marek's") and t.endswith("trial was put off") for t in titles_of(nlp, text))


def test_a_bare_definite_takes_the_noun_in_front_of_it(nlp) -> None:
    text = ("Nine cholera patients were flown to a clinic in Tromso on Sunday. On Monday doctors said the patients "
            "had been given fluids and sent home.")
    assert "Doctors said the cholera patients had been given fluids and sent home" in titles_of(nlp, text)


def test_a_bare_definite_takes_which_one_from_the_next_sentence(nlp) -> None:
    text = "The merger was called off on Monday. The Lowther Bank merger had been planned for May."
    assert "The Lowther Bank merger was called off" in titles_of(nlp, text)


def test_a_bare_definite_the_next_sentence_leaves_unclear_stays_as_it_is(nlp) -> None:
    text = ("The merger was called off on Monday. The Lowther Bank merger and the Crane Insurance merger had both "
            "been planned for May.")
    assert "The merger was called off" in titles_of(nlp, text)


def test_a_name_is_never_cut_short(nlp) -> None:
    # "the Queen of Soul" is one name: a title stopping at "the Queen" names someone else
    text = ("The singer's former manager, Paul Hart, has been sentenced to four years in prison for causing the "
            "Queen of Soul's death.")
    assert titles_of(nlp, text) == ["Paul Hart has been sentenced to four years for causing the Queen of Soul's death"]
