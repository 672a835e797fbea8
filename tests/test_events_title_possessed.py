"""A subject described by whose they are ("Lena Voss's doctor") is written by name when
the article ties that noun to one named person other than the owner. Articles written for
the test."""

from __future__ import annotations

from conftest import titles_of


def test_a_possessed_description_tied_to_one_person_is_named(nlp) -> None:
    text = ("Dr Anton Reyes, Lena Voss's doctor, was questioned by police in Varden on Monday. "
            "Lena Voss's doctor has gone on trial in Varden on Tuesday.")
    assert "Anton Reyes has gone on trial in Varden" in titles_of(nlp, text)


def test_each_noun_takes_the_person_it_is_tied_to(nlp) -> None:
    text = ("Anton Reyes, Lena Voss's doctor, and Mira Holt, her lawyer, met the judge on Monday. "
            "Lena Voss's lawyer filed an appeal on Tuesday.")
    assert "Mira Holt filed an appeal" in titles_of(nlp, text)


def test_an_untied_description_stays(nlp) -> None:
    text = "Lena Voss's doctor has gone on trial in Varden on Tuesday."
    assert "Lena Voss's doctor has gone on trial in Varden" in titles_of(nlp, text)


def test_two_people_tied_to_the_noun_leave_it_as_it_is(nlp) -> None:
    text = ("Anton Reyes, Lena Voss's doctor, met Ivo Brandt, also Lena Voss's doctor, on Monday. "
            "Lena Voss's doctor has gone on trial in Varden on Tuesday.")
    assert not any(t.startswith(("Anton Reyes has gone", "Ivo Brandt has gone")) for t in titles_of(nlp, text))
