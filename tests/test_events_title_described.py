"""A happening the article names once and then describes ("the trial", "the concert") is
written in a title as the article or its headline named it, when they name it one way
only. Articles written for the test."""

from __future__ import annotations

import pytest

from conftest import happenings


def _titles(nlp, text: str, headline: str = "Headline") -> list[str]:
    return [h.title for h in happenings(nlp, text, headline=headline)]


@pytest.mark.parametrize("text, title", [
    # "the trial of X", then "the trial"
    ("A jury was chosen on Monday for the trial of Ivo Marek, the banker accused of fraud. "
     "The trial is due to start on Thursday.", "The trial of Ivo Marek is due to start"),
    # "the trial of her doctor, X"
    ("A jury was chosen on Monday for the trial of the singer's doctor, Ivo Marek. "
     "The trial is due to start on Thursday.", "The trial of Ivo Marek is due to start"),
    # a name before a run of nouns: "an Ivo Marek tribute concert", then "the concert"
    ("Three bands will play at an Ivo Marek tribute concert in Tarvik. "
     "The concert was postponed on Monday.", "The Ivo Marek tribute concert was postponed"),
])
def test_a_described_happening_is_written_as_the_article_named_it(nlp, text: str, title: str) -> None:
    titles = _titles(nlp, text)
    assert title in titles, titles


def test_the_headline_names_what_the_article_only_describes(nlp) -> None:
    text = ("A jury of twelve was chosen on Monday in Tarvik. Ivo Marek, a surgeon, is accused of fraud. "
            "The trial is due to start on Thursday.")
    titles = _titles(nlp, text, headline="Tarvik: Jury chosen for Dr Ivo Marek trial")
    assert "The Ivo Marek trial is due to start" in titles, titles


def test_a_description_the_article_ties_two_ways_stays(nlp) -> None:
    text = ("The lawyers of Ivo Marek asked for a delay on Monday. The trial of Ivo Marek and the trial of "
            "Ed Brandt were delayed. The trial is due to start on Thursday.")
    titles = _titles(nlp, text)
    assert "The trial is due to start" in titles, titles


def test_a_person_described_is_the_one_the_article_names_most(nlp) -> None:
    text = ("Lena Voss died in Tarvik in June. Her physician, Ed Brandt, was charged in July. Lena Voss had hired "
            "Brandt in May. Fans of Lena Voss gathered on Sunday. The singer's family complained on Monday about "
            "the film.")
    titles = _titles(nlp, text)
    assert "Lena Voss's family complained about the film" in titles, titles


@pytest.mark.parametrize("subject", ["The prime ministers", "The next president"])
def test_people_or_another_holder_are_not_the_one_named_most(nlp, subject: str) -> None:
    text = ("Lena Voss sang in Tarvik in June. Lena Voss had toured Norland in May. Fans of Lena Voss "
            f"gathered on Sunday. {subject} signed the treaty on Monday.")
    titles = _titles(nlp, text)
    assert titles and not any("Lena Voss signed" in t for t in titles), titles
